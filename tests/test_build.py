"""`wwidw build` end to end: the real command line, the real content and the real mkdocs.

A full ``--audience alle`` build is made once per module (about 10–20 s) and inspected by many tests;
the other builds are single audiences or stop before rendering.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import tree, wwidw
from sources import copy_sample_sources

from wwidw_build.audience import Audience, all_audiences
from wwidw_build.labels import RICHTING
from wwidw_build.render import MkDocsRenderer, RenderResult
from wwidw_build.selection import select

REPO = Path(__file__).resolve().parent.parent
CONTENT = REPO / "content"
PROGRESS = re.compile(r"^\[\s*\d+\.\d+s\] (\S+): (.+)$", re.M)
MAX_PAGE = 100 * 1024
# The stages of one audience's build, in the order its progress lines name them.
STAGES = (
    "selecteren",
    "pagina's maken",
    "mkdocs bouwt",
    "zoekindex maken",
    "lekcontrole",
    "publiceren",
)
FETCHING_TAGS = re.compile(r"<(link|script|img|iframe|source|embed|video|audio)\b[^>]*>", re.I)
URL_ATTRIBUTES = re.compile(
    r"""\b(src|href|srcset|poster)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I
)


def run_build(content, audience: str, out, *flags: str) -> subprocess.CompletedProcess:
    """``wwidw build --content CONTENT --audience AUDIENCE --out OUT FLAGS``; with a bronnen.yml
    instead of a folder, ``--sources`` it."""
    where = "--sources" if Path(content).is_file() else "--content"
    return wwidw("build", where, content, "--audience", audience, "--out", out, *flags)


def pages_of(site: Path) -> dict[str, bytes]:
    """Every file of a site except the search index (Pagefind's file names differ from run to run)."""
    return {name: data for name, data in tree(site).items() if not name.startswith("pagefind/")}


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


@dataclass(frozen=True)
class Built:
    content: Path
    out: Path
    result: subprocess.CompletedProcess

    def page(self, folder: str, relative: str) -> str:
        return read(self.out / folder / relative)


@pytest.fixture(scope="module")
def loaded(content):
    """conftest's validated content/ (this module's name for it: ``content`` is a folder here)."""
    return content


@pytest.fixture(scope="module")
def alle(tmp_path_factory) -> Built:
    root = tmp_path_factory.mktemp("alle")
    content = copy_sample_sources(root)  # bronnen.yml with content/ and voorbeeldbronnen/
    result = run_build(content, "alle", root / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    return Built(content, root / "site", result)


@pytest.fixture(scope="module")
def concepten(tmp_path_factory) -> Built:
    root = tmp_path_factory.mktemp("concepten")
    result = run_build(CONTENT, "openbaar", root / "site", "--drafts")
    assert result.returncode == 0, result.stdout + result.stderr
    return Built(CONTENT, root / "site", result)


def html_files(out: Path):
    return sorted(out.rglob("*.html"))


# --- all audiences
# -----------------------------------------------------------------------------------


def test_alle_builds_every_audience(alle, loaded):
    audiences = all_audiences(loaded.registry)
    partners = [o.id for o in loaded.registry.organisaties.values() if o.partner]
    assert "bewonersnetwerk-oost" not in partners and len(partners) >= 2
    expected = {"openbaar", "partners", *(f"organisatie-{p}" for p in partners)}
    assert {a.folder for a in audiences} == expected
    # One folder per audience and nothing else: no staging folder is left behind.
    assert {p.name for p in alle.out.iterdir()} == expected
    for folder in expected:
        assert (alle.out / folder / "index.html").is_file()
        assert (alle.out / folder / "404.html").is_file()


def test_alle_prints_a_summary_line_per_audience(alle, loaded):
    stdout = alle.result.stdout
    assert re.search(
        r"^publiek\s+beschr\.\s+pagina\s+hergebr\.\s+omvang\s+tijd\s+controle$", stdout, re.M
    )
    for audience in all_audiences(loaded.registry):
        visible = len(select(loaded, audience).visible)
        line = re.search(
            rf"^{re.escape(audience.name)}\s+(\d+)\s+(\d+)\s+\d+\s+[\d.]+ [KM]B\s+[\d.]+s\s+in orde$",
            stdout,
            re.M,
        )
        assert line, audience.name
        assert int(line.group(1)) == visible
        assert int(line.group(2)) == len(html_files(alle.out / audience.folder))
    assert "Niet alles is gepubliceerd" not in stdout
    assert "Traceback" not in alle.result.stderr


def test_progress_lines_name_every_audience_and_stage(alle, loaded):
    seen = set(PROGRESS.findall(alle.result.stderr))
    for audience in all_audiences(loaded.registry):
        for stage in STAGES:
            assert (audience.name, stage) in seen


# --- pages
# -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("audience", ["openbaar", "partners", "organisatie:havenstad-wonen"])
def test_home_page_shows_the_counts(alle, loaded, audience):
    selection = select(loaded, Audience(audience))
    home = alle.page(Audience(audience).folder, "index.html")
    praktijken, archetypen = len(selection.by_kind("praktijk")), len(selection.by_kind("archetype"))
    assert f"<strong>{praktijken} praktijken</strong>" in home
    assert f"<strong>{archetypen} archetypen</strong>" in home


def test_praktijk_page_has_facts_panel_and_badges(alle, loaded):
    page = alle.page("openbaar", "praktijken/klushuizen-spoorbuurt/index.html")
    for label in (
        "Organisatie",
        "Projectstatus",
        "Bewijsniveau",
        "Volledigheid",
        "Gemeente en wijk",
        "Periode",
    ):
        assert f"<td>{label}</td>" in page, label
    assert '<a href="../../organisaties/gemeente-lindeveen/">Gemeente Lindeveen</a>' in page
    assert re.search(r"<td>\d+ / 100</td>", page)
    document = next(d for d in loaded.documents if d.id == "klushuizen-spoorbuurt")
    badges = re.findall(r'<span class="wwidw-badge wwidw-([a-z_]+)">([^<]+)</span>', page)
    assert badges == [(r["richting"], RICHTING[r["richting"]]) for r in document.meta["resultaten"]]


@pytest.mark.parametrize("audience", ["openbaar", "organisatie:woonstede-rivierland"])
def test_archetype_page_has_the_practice_section_with_counts(alle, loaded, audience):
    selection = select(loaded, Audience(audience))
    page = alle.page(Audience(audience).folder, "archetypen/klushuizen/index.html")
    assert '<h2 id="praktijkvoorbeelden">Praktijkvoorbeelden</h2>' in page
    section = page.split('id="praktijkvoorbeelden"', 1)[1]
    examples = [d for d in selection.by_kind("praktijk") if d.archetype == "klushuizen"]
    assert examples
    linked = re.findall(r'<li><a href="\.\./\.\./praktijken/([a-z0-9-]+)/">', section)
    assert sorted(linked) == sorted(d.id for d in examples)
    header = re.findall(r"<th>([^<]+)</th>", section)
    # the examples' costs side by side, then the counts per effect
    assert header == ["Praktijk", "Kosten", "Bereik", "Effect", *RICHTING.values()]
    costs = section.split('id="kosten-van-de-praktijkvoorbeelden"', 1)[1].split("</table>", 1)[0]
    priced = [d for d in examples if d.kosten and d.kosten.per_deelnemer_eur is not None]
    assert priced and sorted(re.findall(r'praktijken/([a-z0-9-]+)/"', costs)) == sorted(
        d.id for d in priced
    )
    assert "€ 30.000 per woning" in html.unescape(costs)
    archetype = selection.find("archetype", "klushuizen")
    total = 0
    for effect in archetype.beoogde_effecten:
        counts = Counter(r.richting for d in examples for r in d.resultaten if r.effect == effect)
        row = re.search(
            rf'<td><a href="\.\./\.\./effecten/{effect}/">[^<]*</a></td>\s*((?:<td>\d+</td>\s*)+)</tr>',
            section,
        )
        assert row, effect
        assert [int(n) for n in re.findall(r"<td>(\d+)</td>", row.group(1))] == [
            counts.get(r, 0) for r in RICHTING
        ]
        total += sum(counts.values())
    assert total > 0


def test_the_organisations_own_example_only_counts_for_that_organisation(alle):
    own = alle.page("organisatie-woonstede-rivierland", "archetypen/klushuizen/index.html")
    public = alle.page("openbaar", "archetypen/klushuizen/index.html")
    assert "praktijken/klushuizen-kanaalzone/" in own
    assert "klushuizen-kanaalzone" not in public and "Kanaalzone" not in public


def test_an_audience_that_reuses_pages_equals_the_same_audience_built_alone(alle, tmp_path):
    """Within ``alle``, organisation audiences copy the pages whose Markdown equals the partners build;
    built alone, every page is rendered. Both must give the very same site."""
    result = run_build(alle.content, "organisatie:platform31", tmp_path, "--quiet")
    assert result.returncode == 0, result.stdout + result.stderr
    alone, within = (
        pages_of(tmp_path / "organisatie-platform31"),
        pages_of(alle.out / "organisatie-platform31"),
    )
    assert alone.keys() == within.keys()
    assert [name for name in alone if alone[name] != within[name]] == []


def test_a_render_split_over_processes_equals_one_process(alle, loaded, tmp_path, monkeypatch):
    from wwidw_build import build, render_shards

    monkeypatch.setattr(render_shards, "SHARD_FROM", 5)
    monkeypatch.setattr(build.os, "cpu_count", lambda: 3)
    [result] = build.build_all(loaded, [Audience("openbaar")], tmp_path, renderer=MkDocsRenderer())
    assert result.ok, result.problems or result.leaks
    split, whole = pages_of(tmp_path / "openbaar"), pages_of(alle.out / "openbaar")
    assert split.keys() == whole.keys()
    assert [name for name in split if split[name] != whole[name]] == []


class BrokenEngine:
    """A renderer whose engine fails every job (the renderer is a parameter of build_all)."""

    def render_all(self, jobs):
        return [RenderResult(False, "de engine is kapot") for _ in jobs]


def test_a_failed_render_keeps_the_previous_site_and_leaves_no_staging_folder(loaded, tmp_path):
    from wwidw_build import build

    (tmp_path / "openbaar").mkdir()
    (tmp_path / "openbaar" / "index.html").write_text("vorige versie", encoding="utf-8")
    [result] = build.build_all(loaded, [Audience("openbaar")], tmp_path, renderer=BrokenEngine())
    assert not result.ok and result.problems == ("de engine is kapot",) and not result.leaks
    assert result.descriptions == 0  # nothing was rendered
    assert [p.name for p in tmp_path.iterdir()] == ["openbaar"]
    assert read(tmp_path / "openbaar" / "index.html") == "vorige versie"


def _dead_pid() -> int:
    """The pid of a process that has ended."""
    process = subprocess.Popen(["true"])
    process.wait()
    return process.pid


def test_a_build_removes_what_builds_that_are_gone_left_half_built(loaded, tmp_path):
    """Staging folders of every audience whose build process is gone go at the next build, of any
    audience (here one that fails: the clean-up comes first); a living process's one stays."""
    dead = _dead_pid()
    for name in (f".bouw-partners-{dead}", f".bouw-organisatie-platform31-{dead}"):
        (tmp_path / name / "praktijken").mkdir(parents=True)
        (tmp_path / name / "praktijken" / "half.html").write_text("half", encoding="utf-8")
    living = subprocess.Popen(["sleep", "60"])
    try:
        (tmp_path / f".bouw-openbaar-{living.pid}").mkdir()
        from wwidw_build import build

        [result] = build.build_all(
            loaded, [Audience("openbaar")], tmp_path, renderer=BrokenEngine()
        )
        assert not result.ok
        assert sorted(p.name for p in tmp_path.iterdir()) == [f".bouw-openbaar-{living.pid}"]
    finally:
        living.kill()
        living.wait()


def test_a_build_into_a_folder_another_build_holds_changes_nothing(loaded, tmp_path):
    from wwidw_build import build, out_lock

    (tmp_path / "openbaar").mkdir()
    (tmp_path / "openbaar" / "index.html").write_text("vorige versie", encoding="utf-8")
    (tmp_path / f".bouw-partners-{_dead_pid()}").mkdir()
    before = sorted(p.name for p in tmp_path.iterdir()), tree(tmp_path), tmp_path.stat().st_mtime_ns
    with out_lock.locked(tmp_path), pytest.raises(out_lock.OutInUse) as refused:
        build.build_all(loaded, [Audience("openbaar")], tmp_path, renderer=MkDocsRenderer())
    assert refused.value.out == tmp_path
    after = sorted(p.name for p in tmp_path.iterdir()), tree(tmp_path), tmp_path.stat().st_mtime_ns
    assert after == before


class StagesByProcess:
    """A reporter that notes which process reports each stage (workers are other processes)."""

    def __init__(self, path: Path):
        self.path = path

    def stage(self, audience: str, stage: str) -> None:
        with open(self.path, "a", encoding="utf-8") as notes:  # one short append: never interleaved
            notes.write(f"{os.getpid()}\t{audience}\t{stage}\n")

    def seen(self) -> set[tuple[int, str, str]]:
        lines = self.path.read_text(encoding="utf-8").splitlines()
        return {(int(pid), audience, stage) for pid, audience, stage in map(str.split, lines)}


def test_only_the_builds_own_process_publishes(loaded, tmp_path):
    """Audiences build in forked workers, but each is published by the build's own process: a worker
    that outlived a killed build could otherwise still publish."""
    from wwidw_build import build

    audiences = [Audience("partners"), Audience("openbaar")] + [
        Audience(f"organisatie:{organisation}")
        for organisation in ("platform31", "havenstad-wonen", "welzijn-de-brug")
    ]
    notes = StagesByProcess(tmp_path / "stadia.tsv")
    results = build.build_all(
        loaded,
        audiences,
        tmp_path / "site",
        renderer=MkDocsRenderer(),
        reporter=notes,
        workers=2,
    )
    assert all(r.ok for r in results), [r.problems or r.leaks for r in results]
    seen = notes.seen()
    published = {(pid, audience) for pid, audience, stage in seen if stage == "publiceren"}
    assert published == {(os.getpid(), a.name) for a in audiences}
    # ... while the audiences after the first were built elsewhere, in the workers.
    rendered_by = {pid for pid, audience, stage in seen if stage == "renderen"}
    assert len(rendered_by - {os.getpid()}) == 2
    assert sorted(p.name for p in (tmp_path / "site").iterdir()) == sorted(
        a.folder for a in audiences
    )


def test_no_html_page_is_over_100_kb(alle):
    pages = html_files(alle.out)
    assert len(pages) > 500
    too_big = {
        str(p.relative_to(alle.out)): p.stat().st_size for p in pages if p.stat().st_size > MAX_PAGE
    }
    assert not too_big


def test_pages_load_nothing_from_other_hosts(alle):
    """Privacy: no stylesheet, script, font or image is fetched from another site (links to read are fine)."""
    offenders = []
    for path in html_files(alle.out):
        for tag in FETCHING_TAGS.finditer(read(path)):
            for attribute in URL_ATTRIBUTES.finditer(tag.group(0)):
                value = html.unescape(
                    next(v for v in attribute.groups()[1:] if v is not None)
                ).strip()
                if re.match(r"(?i)^(?:https?:)?//", value):
                    offenders.append(f"{path.relative_to(alle.out)}: {tag.group(0)}")
    assert not offenders, offenders[:10]
    for path in sorted(alle.out.rglob("*.css")):
        assert not re.search(r"(?i)(url\(\s*['\"]?(?:https?:)?//|@import)", read(path)), path


def test_the_theme_is_applied(alle, loaded):
    for audience in all_audiences(loaded.registry):
        site = alle.out / audience.folder
        assert (site / "assets" / "wwidw.css").is_file()
        assert read(site / "assets" / "wwidw.css") == read(REPO / "theme" / "assets" / "wwidw.css")
        assert '<link rel="stylesheet" href="assets/wwidw.css">' in read(site / "index.html")
        assert '<link rel="stylesheet" href="../../assets/wwidw.css">' in read(
            site / "praktijken" / "klushuizen-spoorbuurt" / "index.html"
        )
        rule = "Allow: /" if audience.is_public else "Disallow: /"
        assert rule in read(site / "robots.txt"), audience.name


# --- contact details
# ---------------------------------------------------------------------------------


def _contacts(loaded, public: bool):
    openbaar = select(loaded, Audience("openbaar"))
    return [
        d
        for d in openbaar.by_kind("praktijk")
        if d.contact is not None and d.contact.openbaar is public
    ]


def test_private_contact_details_are_absent_on_the_open_site_and_present_for_partners(alle, loaded):
    documents = _contacts(loaded, public=False)
    assert any(d.id == "klushuizen-spoorbuurt" for d in documents)
    open_site = [html.unescape(read(p)) for p in html_files(alle.out / "openbaar")]
    for document in documents:
        contact = document.contact
        relative = f"praktijken/{document.id}/index.html"
        public_page = html.unescape(alle.page("openbaar", relative))
        partner_page = html.unescape(alle.page("partners", relative))
        # The contact's name may be on the page as an author (auteurs), never as the contact.
        assert "<td>Contact</td>" not in public_page and f"{contact.naam} ·" not in public_page
        assert not any(contact.email in text for text in open_site), document.id
        assert "<td>Contact</td>" in partner_page
        assert mail_row(contact) in partner_page


def test_public_contact_details_are_on_the_open_site(alle, loaded):
    documents = _contacts(loaded, public=True)
    assert documents
    for document in documents:
        page = html.unescape(alle.page("openbaar", f"praktijken/{document.id}/index.html"))
        assert mail_row(document.contact) in page


def mail_row(contact) -> str:
    """The contact cell of a facts table (unescaped): the name and the address as a mailto link."""
    return f'{contact.naam} · <a href="mailto:{contact.email}">{contact.email}</a>'


# --- concepts and progress
# ---------------------------------------------------------------------------


def test_concepts_are_left_out_by_default(alle, loaded):
    concepts = [d for d in loaded.documents if d.concept]
    assert any(d.id == "pleinmediation-jongeren" for d in concepts)
    for audience in all_audiences(loaded.registry):
        for document in concepts:
            assert not (alle.out / audience.folder / "praktijken" / document.id).exists()


def test_concepten_includes_concepts_the_audience_may_see(concepten, alle, loaded):
    site = concepten.out / "openbaar"
    page = read(site / "praktijken" / "pleinmediation-jongeren" / "index.html")
    assert "Pleinmediation tussen jongeren en omwonenden" in html.unescape(page)
    # --drafts never widens visibility: a concept for partners stays off the open site.
    assert (
        next(d for d in loaded.documents if d.id == "digitale-thuisadministratie").zichtbaarheid
        == "partners"
    )
    assert not (site / "praktijken" / "digitale-thuisadministratie").exists()
    selection = select(loaded, Audience("openbaar"), include_concepts=True)
    assert f"<strong>{len(selection.by_kind('praktijk'))} praktijken</strong>" in read(
        site / "index.html"
    )
    assert (
        len(selection.by_kind("praktijk"))
        == len(select(loaded, Audience("openbaar")).by_kind("praktijk")) + 1
    )


def test_progress_is_printed_without_stil(concepten):
    stages = [
        stage
        for audience, stage in PROGRESS.findall(concepten.result.stderr)
        if audience == "openbaar"
    ]
    assert stages == list(STAGES)
    assert re.search(r"^openbaar\s+\d+\s+\d+ .* in orde$", concepten.result.stdout, re.M)


def test_stil_prints_no_progress(tmp_path):
    result = run_build(CONTENT, "openbaar", tmp_path / "site", "--quiet")
    assert result.returncode == 0, result.stderr
    assert not PROGRESS.search(result.stderr)
    assert result.stderr == "" and result.stdout == ""
    assert (tmp_path / "site" / "openbaar" / "index.html").is_file()


# --- errors
# ------------------------------------------------------------------------------------------


def _break_a_theme(content: Path) -> tuple[str, int]:
    """Give a praktijk an unknown theme; returns its path as shown in messages and the line."""
    path = content / "praktijken" / "klushuizen-spoorbuurt.md"
    lines = read(path).splitlines(keepends=True)
    number = lines.index("  - woningvoorraad\n")
    lines[number] = "  - bestaat-niet\n"
    path.write_text("".join(lines), encoding="utf-8")
    return "content/praktijken/klushuizen-spoorbuurt.md", number + 1


@pytest.mark.parametrize("audience", ["alle", "openbaar"])
def test_a_content_error_exits_1_and_writes_nothing(content_copy, tmp_path, audience):
    shown, line = _break_a_theme(content_copy)
    out = tmp_path / "nieuw" / "site"
    result = run_build(content_copy, audience, out)
    assert result.returncode == 1
    assert (
        f"{shown}:{line}:5: fout [onbekend-thema] Het thema 'bestaat-niet' bestaat niet."
        in result.stderr
    )
    assert (
        "De inhoud bevat fouten; er is niets gebouwd en de vorige site is ongewijzigd."
        in result.stderr
    )
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert not (tmp_path / "nieuw").exists()


def test_a_content_error_leaves_the_previous_site_untouched(content_copy, tmp_path):
    _break_a_theme(content_copy)
    out = tmp_path / "site"
    for folder in ("openbaar", "partners"):
        (out / folder / "praktijken").mkdir(parents=True)
        (out / folder / "index.html").write_text(f"vorige {folder}", encoding="utf-8")
    before = tree(out)
    entries = sorted(p.relative_to(out).as_posix() for p in out.rglob("*"))
    result = wwidw("build", "--content", content_copy, "--out", out)
    assert result.returncode == 1
    assert tree(out) == before
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == entries


@pytest.mark.parametrize(
    "audience",
    [
        "iedereen",
        "organisatie:bewonersnetwerk-oost",
        "organisatie:bestaat-niet",
        "organisatie",
        "Openbaar",
    ],
)
def test_an_unknown_audience_exits_2_in_dutch(tmp_path, audience):
    out = tmp_path / "site"
    result = wwidw("build", "--audience", audience, "--out", out)
    assert result.returncode == 2
    assert (
        f"Fout: Onbekend publiek '{audience}'. Kies openbaar, partners, alle of een partnerorganisatie:"
        in result.stderr
    )
    assert (
        "organisatie:platform31" in result.stderr
        and "organisatie:bewonersnetwerk-oost," not in result.stderr
    )
    assert "Traceback" not in result.stderr
    assert not out.exists()


# --- hostile titles, end to end
# ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Built:
    """Openbaar, with an HTML title on one praktijk and a YAML-escape title on another."""
    root = tmp_path_factory.mktemp("vijandig")
    content = root / "content"
    shutil.copytree(CONTENT, content, symlinks=True)
    for name, old, new in [
        (
            "klushuizen-spoorbuurt",
            'titel: "Klushuizen in de Spoorbuurt"',
            "titel: 'Klushuizen <img src=x onerror=alert(1)> {: onclick=x}'",
        ),
        (
            "straathoekwerk-stationsbuurt",
            None,
            r"titel: 'Straathoekwerk\x3c/title\x3e\x3cscript\x3ealert(1)\x3c/script\x3e'",
        ),
    ]:
        path = content / "praktijken" / f"{name}.md"
        text = read(path)
        old = old or next(line for line in text.splitlines() if line.startswith("titel:"))
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = run_build(content, "openbaar", root / "site", "--quiet")
    assert result.returncode == 0, result.stdout + result.stderr
    return Built(content, root / "site", result)


def test_an_html_title_is_text_on_every_page(hostile):
    page = hostile.page("openbaar", "praktijken/klushuizen-spoorbuurt/index.html")
    h1 = re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S).group(1)
    assert html.unescape(h1) == "Klushuizen <img src=x onerror=alert(1)> {: onclick=x}"
    title = re.search(r"<title>(.*?)</title>", page, re.S).group(1)
    assert html.unescape(title).startswith("Klushuizen <img src=x onerror=alert(1)> {: onclick=x}")
    for path in html_files(
        hostile.out
    ):  # the title is listed on many pages: never as a tag or attribute
        assert not re.search(r"<img src=x|<[^>]*\son(?:error|click)\s*=", read(path)), path


def test_a_yaml_escape_in_a_title_stays_text(hostile):
    page = hostile.page("openbaar", "praktijken/straathoekwerk-stationsbuurt/index.html")
    assert "<script>alert(1)</script>" not in page
