"""Diagnostics: the located findings every stage returns as plain data."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import Enum

from wwidw_build.messages import render


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Diagnostic:
    file: str
    line: int
    column: int
    severity: Severity
    code: str
    message: str
    hint: str

    def as_dict(self) -> dict:
        data = asdict(self)
        data["severity"] = self.severity.value
        return data

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


def diag(file: str, line: int, column: int, code: str, **params) -> Diagnostic:
    """Build a diagnostic whose severity, message and hint come from the code's catalogue entry."""
    severity, message, hint = render(code, **params)
    return Diagnostic(file, max(line, 1), max(column, 1), Severity(severity), code, message, hint)


def has_errors(diagnostics) -> bool:
    return any(d.is_error for d in diagnostics)
