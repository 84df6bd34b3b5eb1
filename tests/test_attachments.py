"""attachments: who owns an attachment, who may read it, and which reach the site (issue 13 item 1).

An attachment belongs to every description of its source that refers to it; a description may refer
only to attachments whose other owners are at least as public (validate), and the build copies an
attachment only for an audience that sees every owner. Real files, real renders, real validation and
a real mkdocs build.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from types import SimpleNamespace

import pytest
from conftest import wwidw
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sources import copy_sample_sources, load_sources_file

from wwidw_build.attachments import (
    Seen,
    attachment_names,
    copy_attachments,
    owners,
    readers,
    referred_names,
)
from wwidw_build.audience import parse_audience
from wwidw_build.build import build_all
from wwidw_build.load import document_from_text
from wwidw_build.pages.body_render import render_body
from wwidw_build.records import with_records
from wwidw_build.render import MkDocsRenderer

PUBLIC = "klushuizen-spoorbuurt"  # a public praktijk of the sample's public source
DRAFT = "pleinmediation-jongeren"  # a draft (concept: true) in the same source
SECRET = "verslag van het bewonersoverleg.pdf"


def document(root: Path, body: str, doc_id: str = "een-praktijk"):
    path = root / "praktijken" / f"{doc_id}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    text = f"---\ntitel: x\n---\n{body}\n"
    path.write_text(text, encoding="utf-8")
    return document_from_text(root, "praktijk", path, text, [])


def bijlage(root: Path, name: str, data: bytes = b"%PDF-1.4\n% bijlage\n") -> None:
    (root / "bijlagen").mkdir(parents=True, exist_ok=True)
    (root / "bijlagen" / name).write_bytes(data)


# ---------------------------------------------------------------------------------------------------
# Which attachments a description refers to: every link the renderer makes, in every spelling.

SPELLINGS = [
    "[x](../bijlagen/{n})",
    "![x](../bijlagen/{n})",
    "[x](</bijlagen/{n}>)",
    "[x](./../bijlagen/./{n} 'titel')",
    "[x](../praktijken/../bijlagen/{n}#pagina=2)",
    "[x][r]\n\n[r]:\n  ../bijlagen/{n}",
    '<a HREF="../bijlagen/{n}">x</a>',
    "<a href=../bijlagen/{n}>x</a>",
    "<img\tsrc = '../bijlagen/{n}'>",
    '<a href="../&#98;ijlagen/{n}">x</a>',
    '<a href="..&#x2F;bijlagen&sol;{n}">x</a>',
]


@pytest.mark.parametrize("spelling", SPELLINGS)
@pytest.mark.parametrize("name", ["plan.pdf", "a b.pdf", "f).pdf"])
def test_every_link_the_renderer_makes_is_a_reference(tmp_path, spelling, name):
    bijlage(tmp_path, name)
    bijlage(tmp_path, "ander.pdf")
    target = name.replace(")", "\\)") if spelling.startswith(("[", "!")) else name
    if " " in name and not spelling.startswith(("[x](<", "<a HREF", "<img")):
        target = name  # only these spellings can carry a space; the renderer drops the rest
    doc = document(tmp_path, spelling.format(n=target))
    rendered = render_body(doc, tmp_path).attachments
    assert rendered <= referred_names(doc)
    assert "ander.pdf" not in referred_names(doc)


def test_a_markdown_escape_or_entity_inside_the_name_is_decoded(tmp_path):
    bijlage(tmp_path, "plan.pdf")
    for body in ("[x](../bijlagen/plan\\.pdf)", "[x](../bijlagen/plan&#46;pdf)"):
        doc = document(tmp_path, body)
        assert render_body(doc, tmp_path).attachments == {"plan.pdf"}
        assert referred_names(doc) == {"plan.pdf"}


def test_a_name_inside_another_name_is_no_reference(tmp_path):
    bijlage(tmp_path, "a.pdf")
    bijlage(tmp_path, "data.pdf")
    assert referred_names(document(tmp_path, "[x](../bijlagen/data.pdf)")) == {"data.pdf"}


def test_a_mention_of_the_path_counts_too(tmp_path):
    """Generous on purpose: the rule may not depend on the link syntax the renderer accepts."""
    bijlage(tmp_path, SECRET)
    assert referred_names(document(tmp_path, f"Zie `bijlagen/{SECRET}`.")) == {SECRET}


_NAME = st.text(alphabet="abcXYZ019 ._-()", min_size=1, max_size=12).filter(
    lambda n: n.strip(" .") and n not in (".", "..")
)
_WRAP = st.sampled_from(SPELLINGS)
_ENCODE = st.sampled_from(["", "entity", "escape"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=_NAME, wrap=_WRAP, encode=_ENCODE, position=st.integers(0, 40))
def test_no_spelling_of_a_link_escapes_ownership(name, wrap, encode, position):
    """Whatever the renderer links to, the description refers to (and so owns)."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        bijlage(root, name)
        target = name
        if encode and name:
            i = position % len(name)
            char = name[i]
            if encode == "entity":
                target = name[:i] + f"&#{ord(char)};" + name[i + 1 :]
            elif not char.isalnum() and char != " ":
                target = name[:i] + "\\" + char + name[i + 1 :]
        doc = document(root, wrap.format(n=target))
        assert render_body(doc, root).attachments <= referred_names(doc)


def test_names_come_from_the_rendered_body_else_from_the_references(tmp_path):
    body = SimpleNamespace(attachments=frozenset({"plan.pdf"}))
    rendered = SimpleNamespace(kind="praktijk", id="a", root=None)
    assert attachment_names({("praktijk", "a"): body}, rendered) == {"plan.pdf"}
    bijlage(tmp_path, SECRET)
    hidden = document(tmp_path, f'<img SRC="/bijlagen/{SECRET}">', "verborgen")
    assert attachment_names({}, hidden) == {SECRET}


# ---------------------------------------------------------------------------------------------------
# Owners and readers


def test_owners_are_every_description_of_the_source_that_refers(tmp_path):
    one, other = tmp_path / "een", tmp_path / "ander"
    bijlage(one, "plan.pdf")
    bijlage(other, "plan.pdf")
    a = document(one, "[x](../bijlagen/plan.pdf)", "a")
    b = document(one, "![x](../bijlagen/plan.pdf)", "b")
    c = document(other, "[x](../bijlagen/plan.pdf)", "c")
    found = owners([a, b, c])
    assert [d.id for d in found[(one, "plan.pdf")]] == ["a", "b"]
    assert [d.id for d in found[(other, "plan.pdf")]] == ["c"]


def test_readers_follow_may_see(content):
    registry = content.registry
    by_id = {d.id: d for d in content.documents}
    public = readers(by_id[PUBLIC], registry)
    partners = readers(by_id["huisbezoeken-senioren-de-horst"], registry)
    draft = readers(by_id[DRAFT], registry)
    assert ("openbaar", False) in public and partners < public
    assert not any(name == "openbaar" for name, _ in partners)
    assert draft and all(concepts for _, concepts in draft)  # seen only where drafts are shown


# ---------------------------------------------------------------------------------------------------
# The copy


def test_an_attachment_a_hidden_description_also_owns_is_not_copied(tmp_path):
    root, site = tmp_path / "content", tmp_path / "site"
    site.mkdir()
    for name in ("plan.pdf", "gedeeld.pdf"):
        bijlage(root, name)
    visible = document(root, "[a](../bijlagen/plan.pdf) [b](../bijlagen/gedeeld.pdf)", "zichtbaar")
    hidden = document(root, "[b](../bijlagen/gedeeld.pdf)", "verborgen")
    names = {"zichtbaar": {"plan.pdf", "gedeeld.pdf"}}
    copy_attachments([visible], lambda d: names[d.id], site, hidden=[hidden])
    assert sorted(p.name for p in (site / "bijlagen").iterdir()) == ["plan.pdf"]
    shutil.rmtree(site / "bijlagen")
    copy_attachments(
        Seen([visible], [hidden]), lambda d: names[d.id], site
    )  # as the build calls it
    assert sorted(p.name for p in (site / "bijlagen").iterdir()) == ["plan.pdf"]


def test_only_used_regular_files_in_bijlagen_are_copied(tmp_path):
    root, site = tmp_path / "content", tmp_path / "site"
    (root / "bijlagen").mkdir(parents=True)
    site.mkdir()
    (root / "bijlagen" / "plan.pdf").write_bytes(b"%PDF plan")
    (root / "bijlagen" / "ander.pdf").write_bytes(b"%PDF ander")
    (root / "geheim.txt").write_text("geheim", encoding="utf-8")
    (root / "bijlagen" / "link.pdf").symlink_to(root / "geheim.txt")
    doc = SimpleNamespace(id="a", root=root)
    names = {"a": {"plan.pdf", "link.pdf", "weg.pdf"}}
    copy_attachments([doc], lambda d: names[d.id], site)
    assert sorted(p.name for p in (site / "bijlagen").iterdir()) == ["plan.pdf"]


def test_each_description_s_attachments_come_from_its_own_source(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    documents = []
    for name in ("openbaar", "partners"):
        root = tmp_path / name
        (root / "bijlagen").mkdir(parents=True)
        (root / "bijlagen" / f"{name}.pdf").write_bytes(name.encode())
        (root / "bijlagen" / "ander.pdf").write_bytes(b"niet gebruikt")
        documents.append(SimpleNamespace(id=name, root=root))
    copy_attachments(documents, lambda d: {f"{d.id}.pdf"}, site)
    assert sorted(p.name for p in (site / "bijlagen").iterdir()) == ["openbaar.pdf", "partners.pdf"]
    assert (site / "bijlagen" / "partners.pdf").read_bytes() == b"partners"


def test_no_attachments_no_folder(tmp_path):
    copy_attachments(
        [SimpleNamespace(id="a", root=tmp_path)], lambda d: frozenset(), tmp_path / "site"
    )
    assert not (tmp_path / "site").exists()


# ---------------------------------------------------------------------------------------------------
# Validate: the located Dutch error, on real sources


def _sources_with_shared_attachment(tmp_path: Path, public_link: str, draft_link: str) -> Path:
    """The sample sources with SECRET in the public source, linked from the public praktijk PUBLIC
    and from the draft DRAFT (same source); returns bronnen.yml."""
    sources_file = copy_sample_sources(tmp_path)
    root = tmp_path / "content"
    bijlage(root, SECRET, b"%PDF-1.4\n% vertrouwelijk verslag\n")
    for doc_id, link in ((PUBLIC, public_link), (DRAFT, draft_link)):
        path = root / "praktijken" / f"{doc_id}.md"
        path.write_text(path.read_text("utf-8") + f"\n{link}\n", encoding="utf-8")
    return sources_file


def _line_of(path: Path, needle: str) -> int:
    return next(
        i for i, line in enumerate(path.read_text("utf-8").splitlines(), 1) if needle in line
    )


@pytest.mark.parametrize(
    "public_link",
    [
        f"Zie [het verslag](../bijlagen/{SECRET.replace(' ', '%20')})",  # not a link: no error
        f"Zie [het verslag](<../bijlagen/{SECRET}>).",
        f'Zie <a HREF="/bijlagen/{SECRET}">het verslag</a>.',
        f"![verslag](<../&#98;ijlagen/{SECRET}>)",
    ],
)
def test_a_public_description_may_not_link_a_draft_s_attachment(tmp_path, public_link):
    draft_link = f"Het [verslag](<../bijlagen/{SECRET}>) volgt."
    sources_file = _sources_with_shared_attachment(tmp_path, public_link, draft_link)
    result = wwidw("validate", "--sources", sources_file, cwd=tmp_path)
    public_file = f"content/praktijken/{PUBLIC}.md"
    if "%20" in public_link:
        assert "bijlage-minder-openbaar" not in result.stdout + result.stderr
        return
    assert result.returncode == 1, result.stdout + result.stderr
    line = _line_of(tmp_path / public_file, "verslag")
    expected = f"{public_file}:{line}:"
    output = result.stdout + result.stderr
    errors = [row for row in output.splitlines() if "[bijlage-minder-openbaar]" in row]
    assert len(errors) == 1 and errors[0].lstrip().startswith(expected), output
    assert f"De bijlage '{SECRET}' hoort ook bij '{DRAFT}'" in errors[0]
    assert "concept" in errors[0] and "Traceback" not in output
    assert "1 fout," in output  # nothing else: the draft itself may link what is its own


def test_descriptions_with_the_same_readers_may_share_an_attachment(tmp_path):
    sources_file = copy_sample_sources(tmp_path)
    root = tmp_path / "content"
    bijlage(root, SECRET)
    for doc_id in (PUBLIC, "achter-de-voordeur-oosterpark"):
        path = root / "praktijken" / f"{doc_id}.md"
        path.write_text(
            path.read_text("utf-8") + f"\n[verslag](<../bijlagen/{SECRET}>)\n", encoding="utf-8"
        )
    content, diagnostics = load_sources_file(sources_file)
    assert not [d for d in diagnostics if d.code.startswith("bijlage")]


def test_a_copy_in_another_source_owned_by_a_less_public_description_is_a_warning(tmp_path):
    """The same name and bytes in the public source and in an organisation's: a build that reads
    both takes it for a leak, so validate says so (a warning: the public source is public)."""
    sources_file = copy_sample_sources(tmp_path)
    data = b"%PDF-1.4\n% begroting\n"
    organisation = tmp_path / "voorbeeldbronnen" / "havenstad-wonen"
    for root, doc_id in (
        (tmp_path / "content", PUBLIC),
        (organisation, "wijkconcierge-flat-zuid"),
    ):
        bijlage(root, "begroting.pdf", data)
        path = root / "praktijken" / f"{doc_id}.md"
        path.write_text(
            path.read_text("utf-8") + "\n[begroting](../bijlagen/begroting.pdf)\n", "utf-8"
        )
    _, diagnostics = load_sources_file(sources_file)
    found = [(d.file, d.code, d.severity.value) for d in diagnostics if "bijlage" in d.code]
    assert found == [
        (f"content/praktijken/{PUBLIC}.md", "bijlage-kopie-minder-openbaar", "warning")
    ]
    # Other bytes under the same name: another file, nothing to say.
    bijlage(organisation, "begroting.pdf", b"%PDF-1.4\n% iets anders\n")
    _, diagnostics = load_sources_file(sources_file)
    assert not [d for d in diagnostics if "bijlage" in d.code]


# ---------------------------------------------------------------------------------------------------
# The build: never an attachment for an audience that may not see every owner


@pytest.mark.parametrize("concepts", [False, True])
def test_the_build_never_publishes_an_attachment_a_hidden_description_owns(tmp_path, concepts):
    """Even with validation bypassed: the public site gets no file the draft owns; a preview with
    drafts shown (where the draft is visible) does."""
    sources_file = _sources_with_shared_attachment(
        tmp_path / "bron",
        f"Zie [het verslag](<../bijlagen/{SECRET}>).",
        f"Het [verslag](<../bijlagen/{SECRET}>) volgt.",
    )
    content, diagnostics = load_sources_file(sources_file)
    assert {d.code for d in diagnostics if d.is_error} == {"bijlage-minder-openbaar"}
    content = with_records(content)  # as if validate had let it through
    out = tmp_path / "site"
    [result] = build_all(
        content,
        [parse_audience("openbaar", content.registry)],
        out,
        renderer=MkDocsRenderer(),
        include_concepts=concepts,
        workers=1,
    )
    published = [p.name for p in out.rglob("*") if p.is_file() and p.name == SECRET]
    if concepts:
        assert result.ok, (result.problems, result.leaks)
        assert published == [SECRET]
    else:
        assert published == []
        assert not result.ok  # the public page's link has no file behind it
