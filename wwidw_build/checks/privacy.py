"""Find personal data in description text: e-mail addresses, phone numbers, BSN-like numbers."""

from __future__ import annotations

import re
from dataclasses import dataclass

_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
# Dutch numbers: 06-12345678, 06 1234 5678, 010-1234567, 0201234567, +31 6 12345678, 0031 ...
_PHONE = re.compile(
    r"(?<![\w+])(?:(?:\+|00)31[\s.-]?(?:\(0\))?[\s.-]?[1-9]|0[1-9])(?:[ .-]{0,3}\d){8}(?!\d)"
)
# Starts with \d so the regex engine can skip ahead quickly; the lookbehind is checked after.
_NINE_DIGITS = re.compile(
    r"\d(?:\d{3}[.\s]?\d{2}[.\s]?\d{3}|\d{2}[.\s]?\d{2}[.\s]?\d{3}[.\s]?\d|\d{8})(?![\d.,]\d)"
)


@dataclass(frozen=True)
class Finding:
    code: str
    value: str
    offset: int  # character offset in the scanned text


def passes_eleven_test(digits: str) -> bool:
    """The BSN 'elfproef': weights 9..2 and -1; a multiple of 11 (and not all zeros)."""
    if len(digits) != 9 or set(digits) == {"0"}:
        return False
    total = sum(int(d) * w for d, w in zip(digits, (9, 8, 7, 6, 5, 4, 3, 2, -1)))
    return total % 11 == 0


def find_personal_data(text: str) -> list[Finding]:
    findings = [
        Finding("persoonsgegevens-email", m.group(0), m.start())
        for m in (_EMAIL.finditer(text) if "@" in text else ())
    ]
    phone_spans = []
    for match in _PHONE.finditer(text):
        phone_spans.append(match.span())
        findings.append(Finding("persoonsgegevens-telefoon", match.group(0), match.start()))
    for match in _NINE_DIGITS.finditer(text):
        start = match.start()
        if (
            start
            and text[start - 1] in "0123456789.,"
            or any(s <= start < e for s, e in phone_spans)
        ):
            continue
        digits = re.sub(r"\D", "", match.group(0))
        if passes_eleven_test(digits):
            findings.append(Finding("persoonsgegevens-bsn", match.group(0), start))
    return sorted(findings, key=lambda f: f.offset)
