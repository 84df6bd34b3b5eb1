"""Substantive changes of a description ("verdicts") and whether its change log records them.

``wwidw review`` compares the front matter of a changed description at the base with the one now and
lists what changes its verdicts: per effect the direction (``richting``) of a result, changed, added or
removed, in ``resultaten`` and in ``niet_beoogde_effecten``; ``bewijsniveau``; ``meetontwerp``;
``zichtbaarheid``; and any change to the assessment record ``beoordeling``. Each one is worded in
Dutch with the effect's name from the registry and the labels of :mod:`wwidw_build.labels`.

Such a change needs a new entry in the description's change log (``geschiedenis``: an entry in the new
version that is not in the old one); without one, every change is a ``wijziging-zonder-geschiedenis``
error at its field in the new file. Changes to ``bewijsniveau`` and ``beoordeling`` are the editors'
to make: the report flags them (``editors_only``), whoever made them. A new description has nothing
to compare, so no substantive changes; it arriving with a ``beoordeling`` is flagged for the editors.

Old versions (and new ones, before validation has passed) may be invalid, so every value is read
defensively from the plain front-matter mapping, never from the typed records. The wording is plain
text: the Markdown report escapes it (:mod:`wwidw_build.review.inert`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from wwidw_build.diagnostics import Diagnostic, diag
from wwidw_build.labels import BEWIJSNIVEAU, MEETONTWERP, RICHTING, ZICHTBAARHEID
from wwidw_build.model import Document, Registry

__all__ = ["EDITORS_ONLY", "LOG_CODE", "Verdict", "Verdicts", "compare", "unlogged"]

RESULTS = ("resultaten", "niet_beoogde_effecten")
LEVELS = {
    "bewijsniveau": ("Bewijsniveau", BEWIJSNIVEAU),
    "meetontwerp": ("Meetontwerp", MEETONTWERP),
    "zichtbaarheid": ("Zichtbaarheid", ZICHTBAARHEID),
}
ASSESSMENT = "beoordeling"
EDITORS_ONLY = frozenset({"bewijsniveau", ASSESSMENT})
LOG = "geschiedenis"
LOG_CODE = "wijziging-zonder-geschiedenis"
_RAW_SHOWN = 80  # characters of an invalid value shown


@dataclass(frozen=True)
class Verdict:
    """One substantive change: the front-matter field, the Dutch wording, and where it is now."""

    field: str  # resultaten, niet_beoogde_effecten, bewijsniveau, meetontwerp, zichtbaarheid, beoordeling
    text: str  # e.g. "Minder overlast door jongeren: averechts → gemengd" (plain, unescaped)
    path: tuple  # the front-matter path in the new version, to locate it
    effect: str | None = None  # the effect id, for a result

    @property
    def editors_only(self) -> bool:
        return self.field in EDITORS_ONLY


@dataclass(frozen=True)
class Verdicts:
    """What a change does to one description's verdicts, and the log entries it adds."""

    changes: tuple[Verdict, ...] = ()
    logged: tuple[tuple[str, str], ...] = ()  # (datum, reden) of each geschiedenis entry added
    compared: bool = False  # False when there is no old version to compare with (a new file)

    @property
    def unlogged(self) -> bool:
        """Substantive changes without a new entry in the change log."""
        return self.compared and bool(self.changes) and not self.logged

    @property
    def editors_only(self) -> tuple[Verdict, ...]:
        return tuple(v for v in self.changes if v.editors_only)


def compare(old: Mapping | None, new: Mapping, registry: Registry) -> Verdicts:
    """The substantive changes from ``old`` to ``new`` front matter; ``old`` None: a new file."""
    if old is None:
        assessment = new.get(ASSESSMENT)
        if assessment is None:
            return Verdicts()
        text = f"Beoordeling bij een nieuwe beschrijving: {_assessment(assessment)}"
        return Verdicts((Verdict(ASSESSMENT, text, (ASSESSMENT,)),))
    changes = [v for field in RESULTS for v in _results(field, old, new, registry)]
    changes += [v for field in LEVELS if (v := _level(field, old, new))]
    changes += [v] if (v := _assessment_change(old, new)) else []
    # A draft was never published: its verdicts could change without a record of it.
    published = old.get("concept") is not True
    return Verdicts(tuple(changes), _added(_log(old), _log(new)), compared=published)


def unlogged(verdicts: Verdicts, document: Document) -> list[Diagnostic]:
    """A ``wijziging-zonder-geschiedenis`` error per substantive change, at its field in the new file,
    when the change log gained no entry."""
    if not verdicts.unlogged:
        return []
    found = []
    for verdict in verdicts.changes:
        line, column = document.position(verdict.path)
        found.append(
            diag(document.path, line, column, LOG_CODE, veld=verdict.field, wijziging=verdict.text)
        )
    return found


def _frozen(value):
    """A hashable, comparable form of any front-matter value."""
    if isinstance(value, Mapping):
        return tuple(sorted((str(k), _frozen(v)) for k, v in value.items()))
    if isinstance(value, list | tuple):
        return tuple(_frozen(v) for v in value)
    return value


def _raw(value) -> str:
    text = " ".join(str(value).split())
    return text if len(text) <= _RAW_SHOWN else text[: _RAW_SHOWN - 1] + "…"


def _shown(value, labels: Mapping[str, str], missing: str = "niet ingevuld") -> str:
    """A value by its Dutch label, starting lower case (it follows a colon); an invalid one quoted."""
    if value is None:
        return missing
    if isinstance(value, str) and value in labels:
        label = labels[value]
        return label[:1].lower() + label[1:]
    return f"'{_raw(value)}' (ongeldig)"


def _directions(meta: Mapping, field: str) -> dict[str, tuple[tuple, int]]:
    """Per effect id: the directions of its results in ``field`` and the index of its first one."""
    entries = meta.get(field)
    found: dict[str, tuple[tuple, int]] = {}
    for index, entry in enumerate(entries if isinstance(entries, list) else ()):
        if not isinstance(entry, Mapping) or not isinstance(entry.get("effect"), str):
            continue  # no effect to compare by: validation reports it
        directions, first = found.get(entry["effect"], ((), index))
        found[entry["effect"]] = (directions + (_frozen(entry.get("richting")),), first)
    return found


def _results(field: str, old: Mapping, new: Mapping, registry: Registry) -> list[Verdict]:
    before, after = _directions(old, field), _directions(new, field)
    suffix = " (niet beoogd)" if field == "niet_beoogde_effecten" else ""
    verdicts = []
    for effect in list(after) + [e for e in before if e not in after]:
        was, now = before.get(effect, ((), 0))[0], after.get(effect, ((), 0))[0]
        if was == now:
            continue
        known = registry.effecten.get(effect)
        name = known.naam if known else effect
        text = f"{name}{suffix}: {_directions_shown(was)} → {_directions_shown(now)}"
        path = (field, after[effect][1], "richting") if effect in after else (field,)
        verdicts.append(Verdict(field, text, path, effect))
    return verdicts


def _directions_shown(directions: tuple) -> str:
    if not directions:
        return "geen resultaat"
    return " en ".join(_shown(d, RICHTING) for d in directions)


def _level(field: str, old: Mapping, new: Mapping) -> Verdict | None:
    was, now = old.get(field), new.get(field)
    if _frozen(was) == _frozen(now):
        return None
    name, labels = LEVELS[field]
    return Verdict(field, f"{name}: {_shown(was, labels)} → {_shown(now, labels)}", (field,))


_ASSESSMENT_PARTS = (("door", "getoetst door"), ("datum", "datum"), ("geldig_tot", "geldig tot"))


def _assessment(value) -> str:
    """An assessment record in words: 'getoetst door X op D, geldig tot G'."""
    if not isinstance(value, Mapping):
        return f"'{_raw(value)}' (ongeldig)"

    def part(key: str, words: str) -> str:
        return f"{words} {_raw(value[key])}" if value.get(key) is not None else ""

    who_when = " ".join(p for p in (part("door", "getoetst door"), part("datum", "op")) if p)
    return ", ".join(p for p in (who_when, part("geldig_tot", "geldig tot")) if p) or "leeg"


def _assessment_change(old: Mapping, new: Mapping) -> Verdict | None:
    was, now = old.get(ASSESSMENT), new.get(ASSESSMENT)
    if _frozen(was) == _frozen(now):
        return None
    if was is None:
        text = f"Beoordeling toegevoegd: {_assessment(now)}"
    elif now is None:
        text = f"Beoordeling verwijderd (was: {_assessment(was)})"
    elif isinstance(was, Mapping) and isinstance(now, Mapping):
        parts = [
            f"{words} {_part(was, key)} → {_part(now, key)}"
            for key, words in _ASSESSMENT_PARTS
            if _frozen(was.get(key)) != _frozen(now.get(key))
        ]
        text = "Beoordeling: " + ("; ".join(parts) or "andere velden gewijzigd")
    else:
        text = f"Beoordeling: {_assessment(was)} → {_assessment(now)}"
    return Verdict(ASSESSMENT, text, (ASSESSMENT,))


def _part(assessment: Mapping, key: str) -> str:
    value = assessment.get(key)
    return "niet ingevuld" if value is None else _raw(value)


def _added(old: list, new: list) -> tuple:
    """The entries of ``new`` that ``old`` does not hold (each old entry matches one new entry)."""
    remaining, added = Counter(old), []
    for entry in new:
        if remaining[entry]:
            remaining[entry] -= 1
        else:
            added.append(entry)
    return tuple(added)


def _log(meta: Mapping) -> list[tuple[str, str]]:
    """The change log's well-formed entries as (datum, reden): a reason in words is what counts."""
    entries = meta.get(LOG)
    return [
        (_raw(entry.get("datum", "")), " ".join(entry["reden"].split()))
        for entry in (entries if isinstance(entries, list) else ())
        if isinstance(entry, Mapping)
        and isinstance(entry.get("reden"), str)
        and entry["reden"].strip()
    ]
