"""schema.org JSON-LD of description pages (pages/json_ld.py): inert inside its script element,
exactly the contributor's values after json.loads, only what the page shows.

Unit checks over every hostile field payload of tests/xss_payloads.py, then a real build of the
public site with a praktijk whose title tries to close the script element: the built page holds one
JSON-LD element whose text parses back to that exact title, in Python and in Chromium.
"""

from __future__ import annotations

import html
import json
import re
import shutil
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import browser
import pytest
from xss_payloads import PAYLOADS

from wwidw_build import urls
from wwidw_build.audience import Audience
from wwidw_build.build import build_all
from wwidw_build.pages import json_ld
from wwidw_build.pages.evidence_view import dutch_date
from wwidw_build.pipeline import load_and_validate
from wwidw_build.render import MkDocsRenderer
from wwidw_build.selection import select
from wwidw_build.static_server import StaticServer

REPO = Path(__file__).resolve().parent.parent
HOSTILE = [
    "Wijk </script><script>alert(1)</script>",
    "Wijk </SCRIPT >",
    "<!--<script> wijk",
    "Wijk & buurt <b>vet</b> \u2028 \u2029 \"aanhalingstekens\" 'enkel' \\ backslash",
    *sorted({p.text for p in PAYLOADS if p.where == "field"}),
]
HOSTILE_TITLE = "Wijkaanpak </script><script>alert(1)</script> & <!-- zo"


@pytest.mark.parametrize("value", HOSTILE)
def test_script_json_is_inert_and_gives_back_the_exact_value(value):
    text = json_ld.script_json({"name": value, "lijst": [value]})
    assert not re.search(r"[<>&\u2028\u2029]", text)
    assert json.loads(text) == {"name": value, "lijst": [value]}


@pytest.fixture(scope="module")
def content():
    loaded, diagnostics = load_and_validate(REPO / "content")
    assert not [d for d in diagnostics if d.is_error]
    return loaded


def test_a_praktijk_s_data_is_what_its_page_shows(content):
    selection = select(content, Audience("openbaar"))
    document = selection.find("praktijk", "buurtmoestuin-kanaalweg")
    data = json_ld.description_data(selection, document)
    reg = selection.registry
    assert data["@type"] == "Article" and data["inLanguage"] == "nl"
    assert data["name"] == document.titel and data["description"] == document.samenvatting
    assert [a["name"] for a in data["author"]] == list(document.auteurs)
    assert data["dateModified"] == document.laatst_bijgewerkt.isoformat()
    assert data["keywords"] == [reg.themas[t].naam for t in document.themas]
    assert [a["name"] for a in data["about"]] == [
        reg.effecten[e].naam for e in document.beoogde_effecten
    ]
    assert data["sourceOrganization"]["name"] == reg.organisaties[document.organisatie].naam
    assert data["isAccessibleForFree"] is True
    assert "url" not in data  # the generated page does not know the site's address


def test_no_contact_and_nothing_about_access_outside_the_public_site(content):
    for audience in ("openbaar", "partners", "organisatie:havenstad-wonen"):
        selection = select(content, Audience(audience))
        for document in selection.visible:
            text = json_ld.description_json_ld(selection, document)
            if getattr(document, "contact", None):
                # an author who is also the contact is named as author (the page shows both)
                assert (
                    document.contact.naam not in text or document.contact.naam in document.auteurs
                )
                assert not document.contact.email or document.contact.email not in text
            assert ("isAccessibleForFree" in text) == (audience == "openbaar")
            assert "zichtbaarheid" not in text and document.zichtbaarheid not in json.loads(text)


def test_an_archetype_s_date_is_its_review_date(content):
    selection = select(content, Audience("openbaar"))
    document = selection.by_kind("archetype")[0]
    data = json_ld.description_data(selection, document)
    assert data["dateModified"] == document.laatst_herzien.isoformat()
    assert "sourceOrganization" not in data and "contentLocation" not in data


class _Scripts(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found: list[str] = []
        self._inside = False

    def handle_starttag(self, tag, attrs):
        self._inside = tag == "script" and ("type", "application/ld+json") in attrs
        if self._inside:
            self.found.append("")

    def handle_endtag(self, tag):
        self._inside = False

    def handle_data(self, data):
        if self._inside:
            self.found[-1] += data


def ld_scripts(page_html: str) -> list[str]:
    parser = _Scripts()
    parser.feed(page_html)
    return parser.found


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("jsonld")
    shutil.copytree(REPO / "content", root / "content", symlinks=True)
    path = root / "content" / "praktijken" / "klushuizen-spoorbuurt.md"
    text = re.sub(
        r"^titel: .*$",
        "titel: " + json.dumps(HOSTILE_TITLE),
        path.read_text("utf-8"),
        count=1,
        flags=re.M,
    )
    path.write_text(text, "utf-8")
    loaded, diagnostics = load_and_validate(root / "content")
    assert not [d for d in diagnostics if d.is_error], diagnostics
    [result] = build_all(loaded, [Audience("openbaar")], root / "site", renderer=MkDocsRenderer())
    assert result.ok, (result.problems, result.leaks)
    return root / "site" / "openbaar", loaded


def test_the_built_page_carries_one_json_ld_with_the_exact_hostile_title(hostile_site):
    site, loaded = hostile_site
    page = (site / "praktijken" / "klushuizen-spoorbuurt" / "index.html").read_text("utf-8")
    [script] = ld_scripts(page)
    assert json.loads(script)["name"] == HOSTILE_TITLE
    assert "</script><script>alert" not in page
    selection = select(loaded, Audience("openbaar"))
    for document in selection.visible:  # every description page has its own, and nothing else
        built = site / urls.page_url(document.kind, document.id) / "index.html"
        scripts = ld_scripts(built.read_text("utf-8"))
        assert [json.loads(s) for s in scripts] == [json_ld.description_data(selection, document)]
    assert ld_scripts((site / "index.html").read_text("utf-8")) == []


def test_chromium_reads_the_json_ld_and_runs_nothing(chromium, hostile_site):
    site, _ = hostile_site
    with StaticServer(site) as server, browser.watched_pages(chromium) as open_on:
        page = open_on(server, "praktijken/klushuizen-spoorbuurt/")
        data = page.evaluate(
            "() => [...document.querySelectorAll('script[type=\"application/ld+json\"]')]"
            ".map(s => JSON.parse(s.textContent))"
        )
        assert [d["name"] for d in data] == [HOSTILE_TITLE]
        assert (
            page.evaluate(
                "() => [...document.scripts].filter(s => s.type !== 'application/ld+json'"
                " && s.textContent.includes('alert(1)')).length"
            )
            == 0
        )


def _visible_text(page_html: str) -> str:
    body = page_html.split("<body", 1)[1]
    body = re.sub(r"<script\b.*?</script>", " ", body, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]*>", " ", body)).split())


def _shown_values(data: dict) -> list[str]:
    """The contributor's values in the data: every string but the schema.org words and our own."""
    fixed = {"@context", "@type", "inLanguage", "dateModified", "isPartOf", "isAccessibleForFree"}
    out = []
    for key, value in data.items():
        if key in fixed:
            continue
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, dict):
                out += [v for k, v in item.items() if k != "@type"]
            else:
                out.append(item)
    return out


def test_every_value_in_the_json_ld_is_shown_on_its_page(hostile_site):
    site, loaded = hostile_site
    selection = select(loaded, Audience("openbaar"))
    for document in selection.visible:
        page = (site / urls.page_url(document.kind, document.id) / "index.html").read_text("utf-8")
        [script] = ld_scripts(page)
        data, text = json.loads(script), _visible_text(page)
        missing = [v for v in _shown_values(data) if " ".join(v.split()) not in text]
        assert missing == [], (document.id, missing)
        day = date.fromisoformat(data["dateModified"])
        assert dutch_date(day) in text, document.id
