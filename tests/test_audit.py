"""Unit tests of the leak audit: words, fingerprints, scan_text and audit_tree."""

from __future__ import annotations

from pathlib import Path

import pytest

from wwidw_build import audit
from wwidw_build.model import Document
from wwidw_build.strict_yaml import Parsed

HIDDEN_TITLE = "Zwaluwstaart Kiezelpad Project"
HIDDEN_SENTENCE = (
    "Grommelvinken drapelen zeventien blauwkorrels onder de wispelkade terwijl norsbeek "
    "trimpelend vroskelt langs kwabbeltorens en plinkerhof"
)
SHARED_SENTENCE = (
    "Bewoners van de flat kwamen elke week samen in het buurthuis om over de tuin "
    "te praten en nieuwe plannen te maken voor het plein"
)


def doc(doc_id: str, body: str = "", titel: str = "Kort", kind: str = "praktijk") -> Document:
    return Document(
        kind,
        doc_id,
        f"content/x/{doc_id}.md",
        Path(f"/nergens/{doc_id}.md"),
        {"titel": titel},
        body,
        1,
        Parsed(),
    )


def no_attachments(_document):
    return frozenset()


def prints_for(hidden, visible, attachments=no_attachments):
    sequences = audit.unique_sequences(tuple(hidden) + tuple(visible))
    return audit.fingerprints(tuple(hidden), tuple(visible), sequences, attachments)


@pytest.fixture
def hidden_prints():
    hidden = doc("zwaluw-kiezelpad", HIDDEN_SENTENCE, HIDDEN_TITLE)
    visible = doc(
        "gewone-praktijk",
        "Een gewone tekst over een buurt waar bewoners samen de straat schoonhouden "
        "en elkaar beter leren kennen.",
        "Gewone praktijk in de buurt",
    )
    return prints_for([hidden], [visible])


# ---------------------------------------------------------------------------------------------------------------
# words


def test_words_strips_markup_decodes_entities_and_lowercases():
    assert audit.words("<p>Zwaluw<em>staart</em></p> &#75;iezel&amp;pad\nPROJECT") == [
        "zwaluw",
        "staart",
        "kiezel",
        "pad",
        "project",
    ]
    assert audit.words("canary&#45;partners en canary-partners") == [
        "canary-partners",
        "en",
        "canary-partners",
    ]
    assert audit.words("café&nbsp;zeeën") == ["café", "zeeën"]
    assert audit.words('<a href="../praktijken/x/">tekst</a>') == ["tekst"]


# ---------------------------------------------------------------------------------------------------------------
# fingerprints


def test_fingerprints_of_a_hidden_description(hidden_prints):
    key = "praktijk/zwaluw-kiezelpad"
    assert hidden_prints.paths == {"praktijken/zwaluw-kiezelpad": key}
    assert hidden_prints.tokens == {"zwaluw-kiezelpad": key}
    assert hidden_prints.phrases[("zwaluwstaart", "kiezelpad", "project")] == key
    sentence = tuple(audit.words(HIDDEN_SENTENCE))
    body_phrases = [p for p, k in hidden_prints.phrases.items() if len(p) == audit.SEQUENCE]
    assert 1 <= len(body_phrases) <= 3
    assert all(k == key for k in hidden_prints.phrases.values())
    assert all(
        any(sentence[i : i + len(p)] == p for i in range(len(sentence))) for p in body_phrases
    )
    assert not any(
        "gewone" in p for p in hidden_prints.phrases
    )  # nothing of the visible description


def test_id_without_hyphen_is_not_a_token_but_still_a_path():
    prints = prints_for([doc("wijkconcierge", kind="archetype")], [])
    assert prints.tokens == {}
    assert prints.paths == {"archetypen/wijkconcierge": "archetype/wijkconcierge"}


def test_two_word_title_is_a_fingerprint():
    prints = prints_for([doc("a-b", titel="Twee woorden")], [])
    assert prints.phrases == {("twee", "woorden"): "praktijk/a-b"}
    assert audit.scan_text("<p>Twee <b>woorden</b></p>", prints) == [
        ("praktijk/a-b", "tekst 'twee woorden'")
    ]


@pytest.mark.parametrize("titel", ["Ja nu", "2024", "2025-01-15", "12 34 56", "-"])
def test_a_string_that_says_too_little_is_not_a_fingerprint(titel):
    """Fewer than MIN_CHARACTERS letters and digits, or no letter at all (numbers, dates)."""
    prints = prints_for([doc("a-b", titel=titel)], [])
    assert prints.phrases == {} and prints.tokens == {"a-b": "praktijk/a-b"}


@pytest.mark.parametrize(
    "visible_title",
    [HIDDEN_TITLE, "zwaluwstaart kiezelpad project", "Zwaluwstaart: Kiezelpad — Project!"],
)
def test_title_identical_to_a_visible_title_is_not_a_fingerprint(visible_title):
    hidden = doc("verborgen-een", HIDDEN_SENTENCE, HIDDEN_TITLE)
    visible = doc("zichtbaar-een", "Iets heel anders.", visible_title)
    prints = prints_for([hidden], [visible])
    assert ("zwaluwstaart", "kiezelpad", "project") not in prints.phrases
    page = f"<h1>{visible_title}</h1>"
    assert audit.scan_text(page, prints) == []


def test_sentence_shared_with_a_visible_description_is_not_a_fingerprint():
    hidden = doc("verborgen-een", SHARED_SENTENCE, "Verborgen praktijk nummer een")
    visible = doc("zichtbaar-een", SHARED_SENTENCE, "Zichtbare praktijk nummer een")
    prints = prints_for([hidden], [visible])
    assert [p for p in prints.phrases if len(p) == audit.SEQUENCE] == []
    assert audit.scan_text(f"<p>{SHARED_SENTENCE}</p>", prints) == []


def test_shared_sentence_at_another_offset_is_not_a_fingerprint():
    hidden = doc(
        "verborgen-een", "Een twee drie. " + SHARED_SENTENCE, "Verborgen praktijk nummer een"
    )
    visible = doc("zichtbaar-een", SHARED_SENTENCE, "Zichtbare praktijk nummer een")
    prints = prints_for([hidden], [visible])
    assert audit.scan_text(f"<p>{SHARED_SENTENCE}</p>", prints) == []


def test_every_attachment_of_a_hidden_description_even_one_a_visible_one_uses():
    """Issue 13 item 1: an attachment a visible description also links is still the hidden one's."""
    hidden = doc("verborgen-een", HIDDEN_SENTENCE, HIDDEN_TITLE)
    visible = doc("zichtbaar-een", "Iets anders.", "Zichtbare praktijk nummer een")
    uses = {"verborgen-een": {"geheim.pdf", "gedeeld.pdf"}, "zichtbaar-een": {"gedeeld.pdf"}}
    prints = prints_for([hidden], [visible], lambda d: frozenset(uses[d.id]))
    assert prints.attachments == {
        "geheim.pdf": "praktijk/verborgen-een",
        "gedeeld.pdf": "praktijk/verborgen-een",
    }


# ---------------------------------------------------------------------------------------------------------------
# scan_text


def test_clean_text_has_no_hits(hidden_prints):
    assert (
        audit.scan_text(
            "<html><body><h1>Gewone praktijk in de buurt</h1><p>Zwaluwstaart alleen.</p>"
            "<p>Kiezelpad Project</p></body></html>",
            hidden_prints,
        )
        == []
    )


@pytest.mark.parametrize(
    "planted",
    [
        HIDDEN_TITLE,
        "Zwaluwstaart <em>Kiezelpad</em> <strong>Project</strong>",
        "<span>Zwaluwstaart</span><br>Kiezelpad<br/>\n<b>Project</b>",
        "Zwaluwstaart\nKiezelpad\r\n\t  Project",
        "&#90;waluwstaart&#32;Kiezelpad&#x20;&#80;roject",
        "Zwaluwstaart&nbsp;Kiezelpad&nbsp;Project",
        "ZWALUWSTAART KIEZELPAD PROJECT",
        'title="Zwaluwstaart Kiezelpad Project"',
        "Zwaluwstaart, Kiezelpad: Project.",
    ],
)
def test_planted_title_is_found(hidden_prints, planted):
    hits = audit.scan_text(
        f"<html><body><p>Inleiding.</p><p>{planted}</p></body></html>", hidden_prints
    )
    assert ("praktijk/zwaluw-kiezelpad", "tekst 'zwaluwstaart kiezelpad project'") in hits


def _obfuscate(sentence: str) -> list[str]:
    words = sentence.split()
    return [
        sentence,
        " ".join(f"<em>{w}</em>" if i % 3 == 0 else w for i, w in enumerate(words)),
        "\n".join(words),
        "<br>\n".join(" ".join(words[i : i + 3]) for i in range(0, len(words), 3)),
        "".join(
            f"&#{ord(c)};" if c.isalpha() and i % 4 == 0 else c for i, c in enumerate(sentence)
        ),
        " ".join(w.upper() for w in words),
        "</p>\n<p>".join([" ".join(words[:6]), " ".join(words[6:])]),
    ]


@pytest.mark.parametrize("variant", range(7))
def test_planted_sentence_is_found(hidden_prints, variant):
    text = _obfuscate(HIDDEN_SENTENCE)[variant]
    hits = audit.scan_text(f"<p>Voor.</p><p>{text}</p><p>Na.</p>", hidden_prints)
    assert any(
        k == "praktijk/zwaluw-kiezelpad" and what.startswith("tekst") and "zwaluwstaart" not in what
        for k, what in hits
    ), hits


# Where an id stands in the text, the audit must name the evidence (the id, or a reference to the
# page); inside an attribute, any hit on the hidden description will do.
IN_TEXT = [
    "zwaluw-kiezelpad",
    "zwaluw&#45;kiezelpad",
    "Zwaluw-Kiezelpad",
    "<code>zwaluw-kiezelpad</code>",
]
IN_ATTRIBUTE = [
    '<a href="#wwidw-intern/praktijk/zwaluw-kiezelpad">zie ook</a>',
    '<a href="../zwaluw-kiezelpad.html">zie ook</a>',
    '<a href="https://x.example/" title="Zwaluwstaart Kiezelpad Project">zie ook</a>',
    '<img src="a.png" alt="Zwaluwstaart Kiezelpad Project">',
    '<meta name="description" content="Over Zwaluwstaart Kiezelpad Project">',
]


@pytest.mark.parametrize(
    "planted, in_text", [(p, True) for p in IN_TEXT] + [(p, False) for p in IN_ATTRIBUTE]
)
def test_planted_id_or_title_is_found(hidden_prints, planted, in_text):
    hits = audit.scan_text(f"<p>Zie {planted} hier.</p>", hidden_prints)
    found = {what for key, what in hits if key == "praktijk/zwaluw-kiezelpad"}
    assert found, planted
    if in_text:
        assert found & {"id zwaluw-kiezelpad", "verwijzing praktijken/zwaluw-kiezelpad"}, hits


def test_planted_path_is_found(hidden_prints):
    hits = audit.scan_text('<a href="../../praktijken/zwaluw-kiezelpad/">link</a>', hidden_prints)
    assert ("praktijk/zwaluw-kiezelpad", "verwijzing praktijken/zwaluw-kiezelpad") in hits


def test_id_inside_a_longer_token_is_not_the_id(hidden_prints):
    assert (
        audit.scan_text("<p>zwaluw-kiezelpad-noord en oost-zwaluw-kiezelpad</p>", hidden_prints)
        == []
    )


def test_hidden_id_that_prefixes_a_visible_id_is_no_false_alarm():
    prints = prints_for([doc("tuinpad", "x")], [doc("tuinpad-noord", "y")])
    assert (
        audit.scan_text('<a href="../../praktijken/tuinpad-noord/">Tuinpad Noord</a>', prints) == []
    )


# ---------------------------------------------------------------------------------------------------------------
# audit_tree


def _tree(root: Path, files: dict) -> Path:
    for relative, data in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return root


def test_audit_tree_clean_site(tmp_path, hidden_prints):
    site = _tree(
        tmp_path / "site",
        {
            "index.html": "<h1>Gewone praktijk in de buurt</h1>",
            "praktijken/gewone-praktijk/index.html": "<p>Niets verborgens.</p>",
            "sitemap.xml": "<urlset><url><loc>/praktijken/gewone-praktijk/</loc></url></urlset>",
            "assets/logo.png": b"\x89PNG\r\n\x1a\n\x00\xff",
        },
    )
    assert audit.audit_tree(site, hidden_prints) == []


def test_audit_tree_finds_leaks_in_every_text_file(tmp_path, hidden_prints):
    site = _tree(
        tmp_path / "site",
        {
            "index.html": "<p>Zwaluwstaart <em>Kiezelpad</em>\nProject</p>",
            "over/index.html": "<p>Niets.</p>",
            "sitemap.xml": "<loc>https://x.example/praktijken/zwaluw-kiezelpad/</loc>",
            "data/export.json": '{"id": "zwaluw-kiezelpad"}',
            "diep/verder/pagina.html": "<p>" + "\n".join(HIDDEN_SENTENCE.split()) + "</p>",
            "kapot.txt": b"\xff\xfe ongeldige utf-8 " + HIDDEN_TITLE.encode() + b" \xc3",
            "zonder-achtervoegsel": "zwaluw-kiezelpad",
        },
    )
    leaks = audit.audit_tree(site, hidden_prints)
    files = {leak.file for leak in leaks}
    assert files == {
        "index.html",
        "sitemap.xml",
        "data/export.json",
        "diep/verder/pagina.html",
        "kapot.txt",
        "zonder-achtervoegsel",
    }
    assert all(leak.description == "praktijk/zwaluw-kiezelpad" for leak in leaks)


def test_audit_tree_finds_hidden_attachment_by_file_name(tmp_path):
    hidden = doc("verborgen-een", HIDDEN_SENTENCE, HIDDEN_TITLE)
    prints = prints_for([hidden], [], lambda d: frozenset({"verborgen-een-bijlage.pdf"}))
    site = _tree(
        tmp_path / "site",
        {
            "bijlagen/verborgen-een-bijlage.pdf": b"%PDF-1.4\n\x00\xff binary",
            "bijlagen/andere.pdf": b"%PDF-1.4\n",
        },
    )
    leaks = audit.audit_tree(site, prints)
    assert [(leak.file, leak.description, leak.what) for leak in leaks] == [
        ("bijlagen/verborgen-een-bijlage.pdf", "praktijk/verborgen-een", "bijlage")
    ]


def test_audit_split_over_processes_finds_the_same_leaks(tmp_path, hidden_prints, monkeypatch):
    files = {f"p{i}/index.html": "<p>Niets verborgens hier.</p>" for i in range(30)}
    files.update(
        {
            "p3/index.html": "<p>Zwaluwstaart Kiezelpad Project</p>",
            "p17/data.json": '{"id": "zwaluw-kiezelpad"}',
            "p28/index.html": '<a href="../praktijken/zwaluw-kiezelpad/">x</a>',
        }
    )
    site = _tree(tmp_path / "site", files)
    paths = sorted(p for p in site.rglob("*") if p.is_file())
    monkeypatch.setattr(audit, "PARALLEL_FROM", 5)
    split = audit.audit_files(site, paths, hidden_prints, workers=3)
    assert sorted(split, key=repr) == sorted(
        audit.audit_files(site, paths, hidden_prints), key=repr
    )
    assert {leak.file for leak in split} == {"p3/index.html", "p17/data.json", "p28/index.html"}


# ---------------------------------------------------------------------------------------------------------------
# Attachments: by name in bijlagen/ and by bytes anywhere (issue 13 item 1)


def _source(root: Path, files: dict) -> Path:
    return _tree(root, {f"bijlagen/{name}": data for name, data in files.items()})


def _doc_in(root: Path, doc_id: str, body: str) -> Document:
    return Document(
        "praktijk",
        doc_id,
        f"content/praktijken/{doc_id}.md",
        root / "praktijken" / f"{doc_id}.md",
        {"titel": "Kort"},
        body,
        1,
        Parsed(),
    )


def _attachment_leaks(site: Path, prints) -> set[tuple[str, str]]:
    return {
        (leak.file, leak.description)
        for leak in audit.audit_tree(site, prints)
        if leak.what == "bijlage"
    }


def test_an_attachment_a_visible_description_shares_with_a_hidden_one_is_a_leak(tmp_path):
    source = _source(
        tmp_path / "bron", {"gedeeld.pdf": b"%PDF gedeeld", "eigen.pdf": b"%PDF eigen"}
    )
    hidden = _doc_in(source, "verborgen", "[x](../bijlagen/gedeeld.pdf)")
    visible = _doc_in(
        source, "zichtbaar", "[x](../bijlagen/gedeeld.pdf) [y](../bijlagen/eigen.pdf)"
    )
    uses = {"verborgen": {"gedeeld.pdf"}, "zichtbaar": {"gedeeld.pdf", "eigen.pdf"}}
    prints = prints_for([hidden], [visible], lambda d: frozenset(uses[d.id]))
    site = _tree(
        tmp_path / "site",
        {"bijlagen/gedeeld.pdf": b"%PDF gedeeld", "bijlagen/eigen.pdf": b"%PDF eigen"},
    )
    assert _attachment_leaks(site, prints) == {("bijlagen/gedeeld.pdf", "praktijk/verborgen")}


def test_a_hidden_description_s_attachment_is_found_under_another_name(tmp_path):
    source = _source(tmp_path / "bron", {"geheim.pdf": b"%PDF geheim verslag"})
    hidden = _doc_in(source, "verborgen", "[x](../bijlagen/geheim.pdf)")
    prints = prints_for([hidden], [], lambda d: frozenset())  # found from the body's reference
    assert prints.attachments == {"geheim.pdf": "praktijk/verborgen"}
    site = _tree(tmp_path / "site", {"data/kopie.bin": b"%PDF geheim verslag"})
    assert _attachment_leaks(site, prints) == {("data/kopie.bin", "praktijk/verborgen")}


def test_a_copy_in_another_source_counts_another_file_with_the_name_does_not(tmp_path):
    """The same name and bytes in two sources: the hidden description's attachment, whichever
    source the published copy came from. The same name with other bytes: another file."""
    private = _source(tmp_path / "prive", {"begroting.pdf": b"%PDF begroting"})
    public = _source(tmp_path / "openbaar", {"begroting.pdf": b"%PDF begroting"})
    hidden = _doc_in(private, "verborgen", "[x](../bijlagen/begroting.pdf)")
    visible = _doc_in(public, "zichtbaar", "[x](../bijlagen/begroting.pdf)")
    uses = {"verborgen": {"begroting.pdf"}, "zichtbaar": {"begroting.pdf"}}
    prints = prints_for([hidden], [visible], lambda d: frozenset(uses[d.id]))
    site = _tree(tmp_path / "site", {"bijlagen/begroting.pdf": b"%PDF begroting"})
    assert _attachment_leaks(site, prints) == {("bijlagen/begroting.pdf", "praktijk/verborgen")}
    (public / "bijlagen" / "begroting.pdf").write_bytes(b"%PDF een andere begroting")
    prints = prints_for([hidden], [visible], lambda d: frozenset(uses[d.id]))
    site = _tree(tmp_path / "site2", {"bijlagen/begroting.pdf": b"%PDF een andere begroting"})
    assert _attachment_leaks(site, prints) == set()


def test_bytes_the_audience_may_have_are_no_leak_under_another_name(tmp_path):
    same = b"%PDF-1.4\n% testbijlage\n"
    source = _source(tmp_path / "bron", {"zichtbaar.pdf": same, "verborgen.pdf": same})
    hidden = _doc_in(source, "verborgen", "[x](../bijlagen/verborgen.pdf)")
    visible = _doc_in(source, "zichtbaar", "[x](../bijlagen/zichtbaar.pdf)")
    uses = {"verborgen": {"verborgen.pdf"}, "zichtbaar": {"zichtbaar.pdf"}}
    prints = prints_for([hidden], [visible], lambda d: frozenset(uses[d.id]))
    site = _tree(tmp_path / "site", {"bijlagen/zichtbaar.pdf": same})
    assert _attachment_leaks(site, prints) == set()
    _tree(site, {"bijlagen/verborgen.pdf": same})
    assert _attachment_leaks(site, prints) == {("bijlagen/verborgen.pdf", "praktijk/verborgen")}


# ---------------------------------------------------------------------------------------------------------------
# Files reused from the first audience's build (issue 13 item 5)


def test_every_file_is_read_a_hard_link_whose_bytes_changed_is_scanned(tmp_path, hidden_prints):
    """The first audience's audit vouches for the bytes it scanned (their digests), never for a
    place or an inode: a page hard-linked from its build and changed since is scanned again."""
    reference = _tree(tmp_path / "partners", {"p/index.html": "<p>Niets verborgens.</p>"})
    leaks, audited = audit.scan(reference, [reference / "p" / "index.html"], hidden_prints)
    assert leaks == [] and len(audited) == 1
    site = tmp_path / "openbaar"
    (site / "p").mkdir(parents=True)
    (site / "p" / "index.html").hardlink_to(reference / "p" / "index.html")
    assert audit.scan(site, [site / "p" / "index.html"], hidden_prints, audited) == ([], audited)
    with open(reference / "p" / "index.html", "a", encoding="utf-8") as page:
        page.write(f"<p>{HIDDEN_TITLE}</p>")  # the shared inode: the reused page changes too
    leaks, clean = audit.scan(site, [site / "p" / "index.html"], hidden_prints, audited)
    assert [(leak.file, leak.description) for leak in leaks] == [
        ("p/index.html", "praktijk/zwaluw-kiezelpad")
    ]
    assert clean == frozenset()


def test_audited_bytes_are_not_scanned_again_but_names_and_bytes_of_attachments_are(tmp_path):
    source = _source(tmp_path / "bron", {"geheim.pdf": b"%PDF geheim"})
    hidden = _doc_in(source, "verborgen", f"{HIDDEN_SENTENCE} [x](../bijlagen/geheim.pdf)")
    prints = prints_for([hidden], [])
    site = _tree(
        tmp_path / "site", {"bijlagen/geheim.pdf": b"%PDF geheim", "a.html": "<p>Schoon.</p>"}
    )
    paths = sorted(p for p in site.rglob("*") if p.is_file())
    everything = frozenset(audit.digest(p.read_bytes()) for p in paths)
    leaks, _clean = audit.scan(site, paths, prints, everything)
    assert [(leak.file, leak.what) for leak in leaks] == [("bijlagen/geheim.pdf", "bijlage")]


def test_a_reference_folder_passed_as_skip_vouches_for_nothing(tmp_path, hidden_prints):
    """The old call audit_files(site, paths, prints, skip=reference) still audits every file, a
    hard link into the reference folder too."""
    reference = _tree(tmp_path / "partners", {"p/index.html": f"<p>{HIDDEN_TITLE}</p>"})
    site = tmp_path / "openbaar"
    (site / "p").mkdir(parents=True)
    (site / "p" / "index.html").hardlink_to(reference / "p" / "index.html")
    leaks = audit.audit_files(site, [site / "p" / "index.html"], hidden_prints, skip=reference)
    assert [(leak.file, leak.description) for leak in leaks] == [
        ("p/index.html", "praktijk/zwaluw-kiezelpad")
    ]
    assert audit.audit_tree(site, hidden_prints, skip=reference) == leaks


def test_a_hidden_title_in_json_ld_is_found_through_its_json_escapes():
    """The JSON-LD in a page head writes <, > and & as \\u escapes (pages/json_ld.py): the audit reads
    them as the characters, so a title with '&' or '<' in it is still one phrase there."""
    from wwidw_build.pages.json_ld import script_json

    title = "Zwaluwstaart & Kiezelpad <Project>"
    prints = prints_for([doc("zwaluw-kiezelpad", HIDDEN_SENTENCE, title)], [])
    ld = script_json({"@type": "Article", "name": title})
    assert "&" not in ld and "<P" not in ld
    page = (
        f'<html><head><script type="application/ld+json">{ld}</script></head><body></body></html>'
    )
    hits = audit.scan_text(page, prints)
    assert [what for hit, what in hits if hit == "praktijk/zwaluw-kiezelpad"] != []
