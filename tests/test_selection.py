"""The select stage on the real content: every audience's corpus is a clean split by the one rule."""

from __future__ import annotations

from pathlib import Path

import pytest
from sources import SAMPLE_SOURCES, load_sources_file

from wwidw_build.audience import all_audiences, may_see
from wwidw_build.load import load_content
from wwidw_build.records import Archetype, Praktijk
from wwidw_build.selection import select

CONTENT = Path(__file__).resolve().parent.parent / "content"
REAL = load_sources_file(SAMPLE_SOURCES)[0]  # every sample source
AUDIENCES = all_audiences(REAL.registry)


def key(document):
    return (document.kind, document.id)


def test_real_content_has_every_visibility_level():
    levels = {d.zichtbaarheid for d in REAL.documents}
    assert {"openbaar", "partners", "organisatie"} <= levels
    assert any(d.concept for d in REAL.documents)
    partners = [o for o in REAL.registry.organisaties.values() if o.partner]
    assert len(AUDIENCES) == 2 + len(partners) == 8


@pytest.mark.parametrize("drafts", [False, True], ids=["zonder-concepten", "met-concepten"])
@pytest.mark.parametrize("audience", AUDIENCES, ids=lambda a: a.name)
def test_selection_is_a_partition_by_may_see(audience, drafts):
    selection = select(REAL, audience, include_concepts=drafts)
    visible = [key(d) for d in selection.visible]
    hidden = [key(d) for d in selection.hidden]
    everything = [key(d) for d in REAL.documents]
    assert len(set(everything)) == len(everything)
    assert len(visible) == len(set(visible)) and len(hidden) == len(set(hidden))
    assert set(visible) | set(hidden) == set(everything)
    assert not set(visible) & set(hidden)
    assert len(visible) + len(hidden) == len(everything)
    for document in selection.visible:
        assert may_see(audience, document, REAL.registry, drafts), document.path
    for document in selection.hidden:
        assert not may_see(audience, document, REAL.registry, drafts), document.path
    assert selection.audience == audience and selection.registry is REAL.registry
    assert all(
        isinstance(d, Praktijk if d.kind == "praktijk" else Archetype)
        for d in selection.visible + selection.hidden
    )


def test_select_refuses_content_without_records():
    """Only validated content has records; selecting from anything else is a programming error."""
    with pytest.raises(ValueError):
        select(load_content(CONTENT)[0], AUDIENCES[0])


@pytest.mark.parametrize("audience", AUDIENCES, ids=lambda a: a.name)
def test_selection_helpers_only_see_the_visible(audience):
    selection = select(REAL, audience)
    visible = {key(d) for d in selection.visible}
    for kind in ("praktijk", "archetype"):
        assert {key(d) for d in selection.by_kind(kind)} == {k for k in visible if k[0] == kind}
    for document in REAL.documents:
        found = selection.find(document.kind, document.id)
        assert (found is not None) == (key(document) in visible), document.path


def test_openbaar_sees_only_public_finished_descriptions():
    selection = select(REAL, AUDIENCES[0])
    assert selection.visible
    assert all(d.zichtbaarheid == "openbaar" and not d.concept for d in selection.visible)
    assert {key(d) for d in selection.visible} == {
        key(d) for d in REAL.documents if d.zichtbaarheid == "openbaar" and "concept" not in d.meta
    }


def test_known_descriptions_of_the_real_content():
    """A few fixed points, so a change to the rule that keeps the partition intact still shows up."""
    seen = {a.name: {key(d) for d in select(REAL, a).visible} for a in AUDIENCES}
    organisation_only = (
        "praktijk",
        "adoptiegroen-havenkwartier",
    )  # zichtbaarheid organisatie, havenstad-wonen
    assert [a for a, keys in seen.items() if organisation_only in keys] == [
        "organisatie:havenstad-wonen"
    ]
    partners_archetype = ("archetype", "wijkconcierge")
    assert [a for a, keys in seen.items() if partners_archetype not in keys] == ["openbaar"]
    draft = ("praktijk", "digitale-thuisadministratie")  # concept: true
    assert not any(draft in keys for keys in seen.values())
    with_drafts = {key(d) for d in select(REAL, AUDIENCES[1], include_concepts=True).visible}
    assert draft in with_drafts
    public = ("praktijk", "achter-de-voordeur-oosterpark")
    assert all(public in keys for keys in seen.values())
