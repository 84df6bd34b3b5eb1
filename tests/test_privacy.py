import pytest

from wwidw_build.checks.privacy import find_personal_data, passes_eleven_test


@pytest.mark.parametrize(
    "text,code",
    [
        ("mail naar j.jansen@voorbeeld.nl graag", "persoonsgegevens-email"),
        ("bel 06-12345678", "persoonsgegevens-telefoon"),
        ("bel 010 - 123 4567", "persoonsgegevens-telefoon"),
        ("bel +31 6 1234 5678", "persoonsgegevens-telefoon"),
        ("bsn 111222333 staat erin", "persoonsgegevens-bsn"),
        ("bsn 1112.22.333 staat erin", "persoonsgegevens-bsn"),
    ],
)
def test_finds(text, code):
    assert [f.code for f in find_personal_data(text)] == [code]


@pytest.mark.parametrize(
    "text",
    [
        "In 2019 bereikten we 1.250 huishoudens voor 250000 euro.",
        "Het project liep van 2018 tot 2021 met 0,5 fte.",
        "Het getal 123456789 haalt de elfproef niet.",
    ],
)
def test_ordinary_numbers_pass(text):
    assert find_personal_data(text) == []


def test_eleven_test():
    assert passes_eleven_test("111222333")
    assert not passes_eleven_test("123456789")
    assert not passes_eleven_test("000000000")
