"""The render stage, and the engine's next home: the whole site built with ProperDocs.

MkDocs 1.x is unmaintained; ProperDocs (PyPI ``properdocs``) is its maintained drop-in fork. It lives
in the same venv as mkdocs (its own ``properdocs`` package and command, no ``mkdocs`` files) and loads
Material through the ``mkdocs.themes`` entry point. docs/engine.md has the measurements.

Once per module: a copy of the real content with the leak canaries of tests/test_leaks.py and the
search probe of tests/test_search_site.py, built for every audience with ``ProperDocsRenderer``.
The checks of those two modules that read a built site then run here against that build, imported
rather than copied (pytest collects them again in this module, where ``built`` is the ProperDocs
build): the leak checks for every audience and canary, the Pagefind index and the Zoeken page in
Chromium. ``test_every_site_check_runs_here_too`` keeps the lists complete.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import inspect
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import test_leaks as leaks
import test_search_site as search
from sources import load_sources_file, mixed_copy, split_sources

# The checks of both modules, collected again here against the ProperDocs build (and the fixtures
# they use; ``built`` is defined below).
from test_leaks import (  # noqa: F401
    site_texts,
    test_a_hidden_praktijks_cost_is_only_where_it_may_be_seen,
    test_archetype_is_linked_where_visible,
    test_canary_present_exactly_where_it_may_be_seen,
    test_contact_only_outside_openbaar,
    test_description_counts_follow_the_table,
    test_every_audience_builds_clean,
    test_home_page_counts_only_what_the_audience_sees,
    test_json_ld_names_only_what_the_audience_sees,
    test_overviews_count_only_what_the_audience_sees,
    test_public_link_to_a_draft_is_plain_text_everywhere,
    test_the_evidence_pictures_show_only_what_the_audience_sees,
    test_the_matrix_counts_only_what_the_audience_sees,
)
from test_search_site import (  # noqa: F401  # noqa: F401  (issue 14 and 15: results per effect, synonyms)
    open_page,
    servers,
    test_a_cost_band_filters_to_exactly_the_praktijken_in_it_and_cards_show_costs,
    test_a_matrix_cell_works_on_a_phone,
    test_a_shared_url_restores_query_filters_and_sort,
    test_a_synonym_finds_the_descriptions_with_that_theme_or_effect,
    test_bewoners_finds_a_description_that_only_says_bewoner,
    test_cards_show_the_result_for_the_chosen_effect_else_all_results,
    test_effect_and_direction_find_only_the_result_for_that_effect,
    test_every_count_of_a_facet_agrees_with_the_content,
    test_every_matrix_cell_finds_as_many_descriptions_as_it_says,
    test_filters_and_card_data_come_from_the_metadata,
    test_filters_narrow_the_results_and_the_counts_agree,
    test_hidden_words_are_nowhere_in_the_public_index,
    test_huurachterstanden_finds_descriptions_that_say_huurachterstand,
    test_results_show_title_facts_excerpt_and_evidence_as_text,
    test_search_fields_escape_contributor_text,
    test_several_effects_with_a_direction_count_each_praktijk_once,
    test_the_effect_result_filter_holds_the_results_of_intended_effects_only,
    test_the_evidence_pictures_add_no_words_to_the_search_index,
    test_the_header_search_box_leads_to_the_results,
    test_the_index_holds_exactly_the_visible_descriptions,
    test_the_public_search_never_returns_hidden_descriptions,
    test_the_search_page_is_labelled_and_works_with_the_keyboard,
    test_the_search_page_loads_only_what_a_search_needs,
    test_the_search_page_works_on_a_phone,
    test_the_site_and_wwidw_search_find_the_same_descriptions,
)

from wwidw_build.audience import Audience, all_audiences
from wwidw_build.build import build_all
from wwidw_build.render import MkDocsRenderer, ProperDocsRenderer, RenderResult

# Checks of those modules that read no site built here: they build their own (with the default
# engine, to plant leaks or change content) or read no site at all.
NOT_REUSED = {
    "test_planted_leak_fails_the_build_and_keeps_the_published_site",
    "test_unplanted_rebuild_publishes",
    "test_a_reused_page_changed_since_the_first_audit_is_audited_again",
    "test_raw_html_link_to_hidden_description_is_plain_text",
    "test_quoting_a_public_description_in_a_hidden_one_is_no_leak",
    "test_the_audit_reads_the_evidence_pictures",
}
GENERATOR = re.compile(r'<meta name="generator" content="mkdocs-([^"]*), mkdocs-material-[^"]*">')


@dataclass(frozen=True)
class Built(search.Built):
    """The ProperDocs build, as both modules' checks read it: ``results`` by audience name
    (test_leaks), ``site(audience)``, ``visible`` and ``document`` (test_search_site)."""

    results: dict = field(default_factory=dict)


@pytest.fixture(scope="module")
def content_dir(tmp_path_factory) -> Path:
    """The sample sources, the canaries and the search probe, each in the source of its tier;
    returns the bronnen.yml naming them."""
    root = mixed_copy(tmp_path_factory.mktemp("properdocs") / "content")
    leaks.write_canaries(root)
    (root / "praktijken" / f"{search.PROBE_ID}.md").write_text(search.PROBE, encoding="utf-8")
    return split_sources(root)


@pytest.fixture(scope="module")
def built(content_dir, tmp_path_factory) -> Built:
    content, diagnostics = load_sources_file(content_dir)
    assert not [d for d in diagnostics if d.is_error]
    out = tmp_path_factory.mktemp("site")
    results = build_all(
        content, all_audiences(content.registry), out, renderer=ProperDocsRenderer()
    )
    return Built(content, out, {r.audience: r for r in results})


def test_every_site_check_runs_here_too():
    """Every check of test_leaks and test_search_site that reads the module's ``built`` site (or
    the texts read from it) runs in this module too, unless it is listed in NOT_REUSED."""
    here = sys.modules[__name__]
    for module in (leaks, search):
        for name, check in vars(module).items():
            if not (name.startswith("test_") and inspect.isfunction(check)):
                continue
            reads_site = {"built", "site_texts"} & set(inspect.signature(check).parameters)
            if reads_site and name not in NOT_REUSED:
                assert getattr(here, name, None) is check, (
                    f"{module.__name__}.{name} is not run here"
                )
            else:
                assert not hasattr(here, name), name
    assert all(hasattr(leaks, n) for n in NOT_REUSED)


def test_every_page_was_rendered_by_properdocs(built):
    """Not mkdocs by accident: Material writes the engine's name and version into every page."""
    for audience in built.results:
        site = built.out / audience.replace(":", "-")
        pages = list(site.rglob("*.html"))
        assert pages
        for page in pages:
            engines = GENERATOR.findall(page.read_text(encoding="utf-8"))
            assert len(engines) == 1 and engines[0].startswith("ProperDocs 1."), (page, engines)


def test_properdocs_html_is_the_mkdocs_html(built, content_dir, tmp_path):
    """The public site built with mkdocs from the same content has the same files, byte for byte,
    but for the generator tag of each page (the Pagefind index included)."""
    content, _ = load_sources_file(content_dir)
    [result] = build_all(content, [Audience("openbaar")], tmp_path, renderer=MkDocsRenderer())
    assert result.ok, (result.problems, result.leaks)
    mkdocs_site, properdocs_site = tmp_path / "openbaar", built.site("openbaar")
    files = sorted(p.relative_to(mkdocs_site) for p in mkdocs_site.rglob("*") if p.is_file())
    assert files == sorted(
        p.relative_to(properdocs_site) for p in properdocs_site.rglob("*") if p.is_file()
    )
    differing = []
    for path in files:
        ours, theirs = (mkdocs_site / path).read_bytes(), (properdocs_site / path).read_bytes()
        if path.suffix == ".html":
            ours, theirs = (GENERATOR.sub("", p.decode("utf-8")) for p in (ours, theirs))
        if ours != theirs:
            differing.append(path.as_posix())
    assert differing == []


@pytest.mark.parametrize(
    "renderer", [MkDocsRenderer(), ProperDocsRenderer()], ids=["mkdocs", "properdocs"]
)
def test_a_failed_render_returns_the_engine_log(renderer, tmp_path):
    """A config the engine refuses: not ok, with the engine's own message (the build reports it)."""
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        f"site_name: x\ndocs_dir: {tmp_path / 'bestaat-niet'}\ntheme: material\n", encoding="utf-8"
    )
    [result] = renderer.render_all([(config, tmp_path / "site")])
    assert result == RenderResult(False, result.log)
    assert "docs_dir" in result.log and "bestaat-niet" in result.log
    assert not (tmp_path / "site").exists()


def test_both_engines_are_installed_side_by_side():
    """One venv: ProperDocs installs its own package, never files of the ``mkdocs`` package."""
    assert MkDocsRenderer().module == "mkdocs" and ProperDocsRenderer().module == "properdocs"
    mkdocs, properdocs = (importlib.util.find_spec(m) for m in ("mkdocs", "properdocs"))
    assert mkdocs and properdocs and Path(mkdocs.origin).parent.name == "mkdocs"
    owners = {
        dist.metadata["Name"]
        for dist in importlib.metadata.distributions()
        if any(str(f).startswith("mkdocs/") for f in dist.files or ())
    }
    assert owners == {"mkdocs"}
