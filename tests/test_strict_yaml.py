import pytest
from hypothesis import given
from hypothesis import strategies as st

from wwidw_build.strict_yaml import MAX_DEPTH, TOO_DEEP, parse, resolve_plain


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


# --- Nesting depth (issue 13 item 4) ----------------------------------------------------------------


def _flow(depth: int) -> str:
    return "titel: x\nwijk: " + "[" * depth + "]" * depth + "\n"


def _block(depth: int) -> str:
    return "titel: x\nwijk:\n  " + "- " * depth + "a\n"  # block lists, each inside the one before


def _keys(depth: int) -> str:
    return "titel: x\n" + "? " * depth + "a\n: 1\n"


@pytest.mark.parametrize("make", [_flow, _block, _keys])
@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 500, 5_000, 50_000])
def test_deep_nesting_is_a_located_problem_not_a_recursion_error(make, depth):
    parsed = parse(make(depth), line_offset=1)
    too_deep = [p for p in parsed.problems if p.params.get("detail") == TOO_DEEP]
    assert too_deep and too_deep[0].code == "yaml-syntaxis", parsed.problems
    assert too_deep[0].line == (3 if make is _keys else 3 + (make is _block))
    assert parsed.value is None  # the document is unreadable, like any syntax error


@pytest.mark.parametrize("make", [_flow, _block])
def test_nesting_up_to_the_limit_is_fine(make):
    parsed = parse(make(MAX_DEPTH - 1))
    assert parsed.problems == [] and parsed.value["titel"] == "x"


def test_the_deepest_file_we_need_is_far_below_the_limit():
    """effecten.yml nests five levels: domains, a domain, its effecten, an effect, indicatoren."""
    text = "- id: d\n  effecten:\n    - id: e\n      indicatoren:\n        - tekst\n"
    assert parse(text).problems == [] and MAX_DEPTH >= 4 * 5


@given(
    st.recursive(
        st.none() | st.text(max_size=3),
        lambda inner: (
            st.lists(inner, max_size=2)
            | st.dictionaries(st.text("ab", min_size=1, max_size=2), inner, max_size=2)
        ),
        max_leaves=60,
    )
)
def test_nested_flow_yaml_never_raises(value):
    import json

    parse("a: " + json.dumps(value))
