"""attachments: only the attachments of visible descriptions reach the site, only from the bijlagen/
of the source each description lives in."""

from __future__ import annotations

from types import SimpleNamespace

from wwidw_build.attachments import attachment_names, copy_attachments


def test_names_come_from_the_rendered_body():
    body = SimpleNamespace(attachments=frozenset({"plan.pdf"}))
    document = SimpleNamespace(kind="praktijk", id="a", root=None)
    assert attachment_names({("praktijk", "a"): body}, document) == {"plan.pdf"}


def test_only_used_regular_files_in_bijlagen_are_copied(tmp_path):
    root, site = tmp_path / "content", tmp_path / "site"
    (root / "bijlagen").mkdir(parents=True)
    site.mkdir()
    (root / "bijlagen" / "plan.pdf").write_bytes(b"%PDF plan")
    (root / "bijlagen" / "ander.pdf").write_bytes(b"%PDF ander")
    (root / "geheim.txt").write_text("geheim", encoding="utf-8")
    (root / "bijlagen" / "link.pdf").symlink_to(root / "geheim.txt")
    document = SimpleNamespace(id="a", root=root)
    names = {"a": {"plan.pdf", "link.pdf", "weg.pdf"}}
    copy_attachments([document], lambda d: names[d.id], site)
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
