"""Build the typed registry (organisations, themes, target groups, effects) from parsed data files.

Tolerant by design: entries that the schema check rejects are skipped here, so the validator can
still check descriptions against everything that is well-formed.
"""

from __future__ import annotations

from wwidw_build.model import Effect, EffectDomain, Organisation, Registry, SourceFile, Term

DATA_FILES = {
    "organisaties": "organisaties.yml",
    "themas": "taxonomie/themas.yml",
    "doelgroepen": "taxonomie/doelgroepen.yml",
    "effecten": "taxonomie/effecten.yml",
}


def _entries(source: SourceFile | None) -> list[dict]:
    value = source.parsed.value if source else None
    if not isinstance(value, list):
        return []
    return [e for e in value if isinstance(e, dict) and isinstance(e.get("id"), str)]


def _text(entry: dict, key: str) -> str | None:
    value = entry.get(key)
    return value if isinstance(value, str) else None


def _strings(entry: dict, key: str) -> tuple[str, ...]:
    value = entry.get(key)
    return tuple(s for s in value if isinstance(s, str)) if isinstance(value, list) else ()


def _terms(source: SourceFile | None) -> dict[str, Term]:
    return {
        e["id"]: Term(
            e["id"],
            _text(e, "naam") or e["id"],
            _text(e, "omschrijving"),
            _strings(e, "synoniemen"),
        )
        for e in _entries(source)
    }


def _domains(source: SourceFile | None) -> dict[str, EffectDomain]:
    domains = {}
    for entry in _entries(source):
        effects = tuple(
            Effect(
                e["id"],
                _text(e, "naam") or e["id"],
                entry["id"],
                _text(e, "omschrijving"),
                _strings(e, "indicatoren"),
                _strings(e, "synoniemen"),
            )
            for e in entry.get("effecten") or ()
            if isinstance(e, dict) and isinstance(e.get("id"), str)
        )
        domains[entry["id"]] = EffectDomain(
            entry["id"], _text(entry, "naam") or entry["id"], effects
        )
    return domains


def build_registry(data_files: dict[str, SourceFile]) -> Registry:
    organisations = {
        e["id"]: Organisation(
            e["id"],
            _text(e, "naam") or e["id"],
            _text(e, "soort") or "overig",
            e.get("partner") is True,
            _text(e, "website"),
        )
        for e in _entries(data_files.get("organisaties"))
    }
    domains = _domains(data_files.get("effecten"))
    effects = {effect.id: effect for domain in domains.values() for effect in domain.effecten}
    return Registry(
        organisations,
        _terms(data_files.get("themas")),
        _terms(data_files.get("doelgroepen")),
        domains,
        effects,
    )
