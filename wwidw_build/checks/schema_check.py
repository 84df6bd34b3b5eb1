"""Schema checks: JSON Schema (Draft 2020-12) errors turned into located Dutch diagnostics."""

from __future__ import annotations

import json
from functools import cache

from jsonschema import Draft202012Validator

from wwidw_build.checks import text
from wwidw_build.checks.suggest import suggestion
from wwidw_build.diagnostics import Diagnostic, diag
from wwidw_build.resources import schema_path
from wwidw_build.strict_yaml import Parsed

SCHEMA_NAMES = (
    "praktijk",
    "archetype",
    "pagina",
    "organisaties",
    "themas",
    "doelgroepen",
    "effecten",
)

_TYPE_NAMES = {
    "string": "tekst",
    "integer": "een geheel getal",
    "number": "een getal",
    "boolean": "true of false",
    "array": "een lijst",
    "object": "een groep velden",
    "null": "leeg",
}
_FORMAT_NAMES = {"date": "datum (JJJJ-MM-DD)", "email": "e-mailadres"}
_SIMPLE_CODES = {
    "minLength": "veld-te-kort",
    "maxLength": "veld-te-lang",
    "minItems": "lijst-te-kort",
    "uniqueItems": "lijst-dubbel",
    "pattern": "veld-patroon",
    "minimum": "veld-te-klein",
    "maximum": "veld-te-groot",
}


@cache
def schema(name: str) -> dict:
    return json.loads(schema_path(name).read_text("utf-8"))


def _inline_refs(node, defs: dict):
    """Replace local '#/$defs/x' references by their target: same meaning, much faster to check."""
    if isinstance(node, list):
        return [_inline_refs(item, defs) for item in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node and node["$ref"].startswith("#/$defs/"):
        target = defs[node["$ref"].rsplit("/", 1)[-1]]
        node = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
    return {k: (v if k == "$defs" else _inline_refs(v, defs)) for k, v in node.items()}


@cache
def validator(name: str) -> Draft202012Validator:
    root = schema(name)
    return Draft202012Validator(
        _inline_refs(root, root.get("$defs", {})),
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )


def field_label(path) -> str:
    """A path as a contributor reads it: 'resultaten → nr. 2 → richting'."""
    parts = [f"nr. {p + 1}" if isinstance(p, int) else str(p) for p in path]
    return " → ".join(parts) if parts else "het voorwerk"


def describe_value(value) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return f"een getal ({value})"
    if isinstance(value, str):
        return f"tekst ('{value if len(value) <= 60 else value[:57] + '...'}')"
    if isinstance(value, list):
        return "een lijst"
    if isinstance(value, dict):
        return "een groep velden"
    return "leeg"


def subschema(name: str, path) -> dict | None:
    """The schema that applies at ``path`` (following properties, items and local $refs)."""
    root = schema(name)
    node = root
    for part in list(path) + [None]:
        while "$ref" in node:
            node = root["$defs"][node["$ref"].rsplit("/", 1)[-1]] | {
                k: v for k, v in node.items() if k != "$ref"
            }
        if part is None:
            return node
        node = node.get("items") if isinstance(part, int) else node.get("properties", {}).get(part)
        if node is None:
            return None
    return node


def _explain(name: str, path) -> str:
    sub = subschema(name, path) or {}
    title, description = sub.get("title"), sub.get("description")
    return f"{title}: {description}" if title and description else description or ""


def multiline(name: str, path) -> bool:
    """Whether the text at ``path`` may have more lines (schema annotation ``x-multiline``)."""
    return bool((subschema(name, path) or {}).get(text.MULTILINE))


def check(name: str, data, parsed: Parsed, file: str) -> list[Diagnostic]:
    """Validate ``data`` against schema ``name``; report ambiguous YAML scalars where text is
    wanted, and text that is invisible or holds control or bidirectional characters."""
    out, flagged = text.check_strings(
        data, parsed, file, lambda path: multiline(name, path), field_label
    )
    for path, amb in sorted(parsed.ambiguous.items(), key=lambda kv: (kv[1].line, kv[1].column)):
        sub = subschema(name, path)
        if sub is None:
            continue
        types = sub.get("type", [])
        wants_text = "string" in (types if isinstance(types, list) else [types])
        if wants_text and not (amb.kind == "datum" and sub.get("format") == "date"):
            soort = {"boolean": "true/false", "datum": "een datum", "getal": "een getal"}[amb.kind]
            out.append(
                diag(
                    file,
                    amb.line,
                    amb.column,
                    "yaml-dubbelzinnig",
                    waarde=amb.raw,
                    veld=field_label(path),
                    soort=soort,
                )
            )
            flagged.add(tuple(path))
    for error in validator(name).iter_errors(data):
        path = tuple(error.absolute_path)
        if path in flagged:
            continue
        out.extend(_to_diagnostics(name, error, path, parsed, file))
    return out


def _to_diagnostics(name: str, error, path: tuple, parsed: Parsed, file: str) -> list[Diagnostic]:
    kind = error.validator
    line, column = parsed.value_positions.get(path) or parsed.position(path)
    label = field_label(path)
    if kind == "required":
        missing = [r for r in error.validator_value if r not in error.instance]
        line, column = parsed.position(path)
        waar = f" in {label}" if path else ""
        return [
            diag(
                file,
                line,
                column,
                "veld-verplicht",
                veld=m,
                waar=waar,
                uitleg=_explain(name, path + (m,)),
            )
            for m in missing
        ]
    if kind == "additionalProperties":
        known = list((subschema(name, path) or {}).get("properties", {}))
        waar = f" in {label}" if path else ""
        return [
            diag(
                file,
                *parsed.position(path + (extra,)),
                "veld-onbekend",
                veld=extra,
                waar=waar,
                suggestie=suggestion(
                    extra, known, "Toegestane velden: " + ", ".join(known) + ".", loose=False
                ),
            )
            for extra in error.instance
            if extra not in known
        ]
    if kind == "type":
        expected = (
            error.validator_value
            if isinstance(error.validator_value, list)
            else [error.validator_value]
        )
        verwacht = " of ".join(_TYPE_NAMES.get(t, t) for t in expected)
        return [
            diag(
                file,
                line,
                column,
                "veld-type",
                veld=label,
                verwacht=verwacht,
                gekregen=describe_value(error.instance),
                uitleg=_explain(name, path),
            )
        ]
    if kind == "enum":
        options = [str(o) for o in error.validator_value]
        return [
            diag(
                file,
                line,
                column,
                "veld-keuze",
                waarde=error.instance,
                veld=label,
                suggestie=suggestion(str(error.instance), options, loose=False),
                keuzes=", ".join(options),
            )
        ]
    if kind == "format":
        return [
            diag(
                file,
                line,
                column,
                "veld-formaat",
                waarde=error.instance,
                veld=label,
                formaat=_FORMAT_NAMES.get(error.validator_value, error.validator_value),
                uitleg=_explain(name, path),
            )
        ]
    code = _SIMPLE_CODES.get(kind, "veld-ongeldig")
    length = len(error.instance) if isinstance(error.instance, (str, list)) else ""
    return [
        diag(
            file,
            line,
            column,
            code,
            veld=label,
            grens=error.validator_value,
            lengte=length,
            waarde=error.instance,
            uitleg=_explain(name, path),
        )
    ]
