"""Content sources for tests: split a folder holding descriptions of every tier into one source per
tier (as the real topology has them), with a bronnen.yml naming them; and the repository's own
sample sources."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
SAMPLE_SOURCES = REPO / "bronnen.yml"
_FIELD = re.compile(r"^(zichtbaarheid|organisatie):\s*\"?([a-z0-9-]+)\"?\s*$", re.M)


def copy_sample_sources(target: Path) -> Path:
    """The repository's content/, voorbeeldbronnen/ and bronnen.yml copied into ``target``; returns
    the copied bronnen.yml."""
    shutil.copytree(REPO / "content", target / "content", symlinks=True)
    shutil.copytree(REPO / "voorbeeldbronnen", target / "voorbeeldbronnen", symlinks=True)
    shutil.copy(SAMPLE_SOURCES, target / "bronnen.yml")
    return target / "bronnen.yml"


def tier_of_file(path: Path) -> str:
    """The tier a description file belongs in, read from its front matter as written (a file
    without a usable zichtbaarheid stays in the public source, where the validator reports it)."""
    try:
        text = path.read_text("utf-8")
    except (UnicodeDecodeError, OSError):
        return "openbaar"
    front = text.split("\n---", 1)[0]
    fields = dict(_FIELD.findall(front))
    visibility = fields.get("zichtbaarheid")
    if visibility == "partners":
        return "partners"
    if visibility == "organisatie" and fields.get("organisatie"):
        return f"organisatie:{fields['organisatie']}"
    return "openbaar"


def split_sources(content_dir: Path) -> Path:
    """Move every non-public description of ``content_dir`` into a sibling source folder of its tier
    (``bron-partners``, ``bron-<organisation>``), copy the attachments along, and write
    ``bronnen.yml`` next to ``content_dir``. Returns the bronnen.yml path."""
    content_dir = Path(content_dir)
    base = content_dir.parent
    tiers: dict[str, Path] = {}
    for kind in ("praktijken", "archetypen"):
        for path in sorted((content_dir / kind).rglob("*.md")) if (content_dir / kind).is_dir() else []:
            if path.is_symlink():
                continue
            tier = tier_of_file(path)
            if tier == "openbaar":
                continue
            folder = tiers.setdefault(tier, base / f"bron-{tier.split(':')[-1]}")
            target = folder / path.relative_to(content_dir)
            target.parent.mkdir(parents=True, exist_ok=True)
            path.rename(target)
    for folder in tiers.values():
        if (content_dir / "bijlagen").is_dir() and not (folder / "bijlagen").exists():
            shutil.copytree(content_dir / "bijlagen", folder / "bijlagen", symlinks=True)
    entries = [{"naam": "openbaar", "locatie": content_dir.name, "niveau": "openbaar"}]
    entries += [
        {"naam": folder.name, "locatie": folder.name, "niveau": tier}
        for tier, folder in sorted(tiers.items())
    ]
    sources_file = base / "bronnen.yml"
    sources_file.write_text(yaml.safe_dump({"bronnen": entries}, sort_keys=False), "utf-8")
    return sources_file
