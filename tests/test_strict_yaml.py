import pytest
from hypothesis import given
from hypothesis import strategies as st

from wwidw_build.strict_yaml import parse, resolve_plain


def codes(text):
    return [(p.code, p.line) for p in parse(text).problems]


def test_positions_of_keys_and_items():
    parsed = parse("titel: x\nthemas:\n  - a\n  - b\n", line_offset=1)
    assert parsed.value == {"titel": "x", "themas": ["a", "b"]}
    assert parsed.key_positions[("themas",)] == (3, 1)
    assert parsed.key_positions[("themas", 1)] == (5, 5)
    assert parsed.value_positions[("titel",)] == (2, 8)


def test_duplicate_key_reports_both_lines():
    problem = parse("a: 1\nb: 2\na: 3\n").problems[0]
    assert (problem.code, problem.line, problem.params["eerder"]) == ("yaml-dubbele-sleutel", 3, 1)


def test_anchor_alias_tag_merge_are_problems():
    text = "a: &x 1\nb: *x\nc: !!python/object:os.system ls\n<<: {d: 1}\n"
    assert codes(text) == [
        ("yaml-anker", 1),
        ("yaml-anker", 2),
        ("yaml-tag", 3),
        ("yaml-samenvoegen", 4),
    ]


def test_yaml11_scalars_are_kept_as_text_and_flagged():
    parsed = parse("a: yes\nb: 2024-01-02\nc: 0123\nd: 1:30\ne: 'yes'\nf: true\ng: 12\n")
    assert parsed.value["a"] == "yes" and parsed.value["f"] is True and parsed.value["g"] == 12
    assert {k[0]: a.kind for k, a in parsed.ambiguous.items()} == {
        "a": "boolean",
        "b": "datum",
        "c": "getal",
        "d": "getal",
    }


def test_tab_indentation_has_its_own_code():
    assert codes("a:\n\tb: 1\n") == [("yaml-tab", 2)]


def test_syntax_error_is_located():
    assert codes("a: 'open\nb: 2\n")[0][0] == "yaml-syntaxis"


def test_multiple_documents():
    assert codes("a: 1\n---\nb: 2\n") == [("yaml-meerdere-documenten", 2)]


@given(st.text(alphabet="abcxyz019-: .'\"\n", max_size=40))
def test_never_raises(text):
    parse(text)


@given(st.integers(min_value=-(10**6), max_value=10**6))
def test_plain_integers_resolve(number):
    assert resolve_plain(str(number)) == (number, None)


@pytest.mark.parametrize("text", ["1e999", "-1e999", "1.5e400", "+9e9999"])
def test_a_number_that_overflows_to_infinity_stays_text(text):
    """Issue 13 item 8: no value is ever inf (JSON has no Infinity; no amount or year is infinite)."""
    assert resolve_plain(text) == (text, "getal")
    assert parse(f"a: {text}\n").value == {"a": text}


def test_large_finite_numbers_are_still_numbers():
    assert resolve_plain("1e300") == (1e300, None) and resolve_plain("2.5") == (2.5, None)
