"""Progress lines and the closing summary of `wwidw build`, in Dutch.

Names of files, descriptions and audiences, and the logs of failed tools, may come from
contributors: they print through ``safe_text`` (no line of theirs can start a workflow command).
"""

from __future__ import annotations

import sys
import time

from wwidw_build.build import AudienceResult, Reporter
from wwidw_build.safe_text import guard_lines, one_line, plain_block

STAGE_NAMES = {
    "selecteren": "selecteren",
    "genereren": "pagina's maken",
    "renderen": "mkdocs bouwt",
    "zoekindex": "zoekindex maken",
    "controleren": "lekcontrole",
    "publiceren": "publiceren",
}


class ProgressPrinter(Reporter):
    """Plain progress lines on stderr (one per audience and stage); readable in CI logs too."""

    def __init__(self):
        self.started = time.perf_counter()

    def stage(self, audience: str, stage: str) -> None:
        elapsed = time.perf_counter() - self.started
        # One write per line: audiences build in parallel processes and stderr is unbuffered, so a
        # print() (text, then the newline) could interleave with another process's line.
        name = one_line(STAGE_NAMES.get(stage, stage))
        sys.stderr.write(f"[{elapsed:6.1f}s] {one_line(audience)}: {name}\n")
        sys.stderr.flush()


def _size(n: int) -> str:
    return f"{n / 1_048_576:.1f} MB" if n >= 1_048_576 else f"{n / 1024:.0f} KB"


def summary_table(results: list[AudienceResult]) -> str:
    lines = [
        "",
        f"{'publiek':<36} {'beschr.':>7} {'pagina':>7} {'hergebr.':>8} {'omvang':>9} {'tijd':>7}  controle",
    ]
    for r in results:
        verdict = "in orde" if r.ok else ("LEK GEVONDEN" if r.leaks else "MISLUKT")
        lines.append(
            f"{one_line(r.audience):<36} {r.descriptions:>7} {r.pages:>7} {r.reused:>8} {_size(r.size):>9} "
            f"{r.seconds:>6.1f}s  {verdict}"
        )
    for r in results:
        audience = one_line(r.audience)
        for leak in r.leaks[:20]:
            lines.append(
                f"  {audience}: {one_line(leak.file)} bevat {one_line(leak.what)} van verborgen "
                f"{one_line(leak.description)}"
            )
        if len(r.leaks) > 20:
            lines.append(f"  {audience}: en nog {len(r.leaks) - 20} vondsten")
        for problem in r.problems:
            log = plain_block(problem).split("\n")[-15:]
            lines.append(
                f"  {audience}: de bouw mislukte:\n" + "\n".join("    " + line for line in log)
            )
    if any(not r.ok for r in results):
        lines.append("Niet alles is gepubliceerd: mislukte publieken houden hun vorige versie.")
    return guard_lines("\n".join(lines))
