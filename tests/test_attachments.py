"""attachments: only the attachments of visible descriptions reach the site, only from bijlagen/."""

from __future__ import annotations

from types import SimpleNamespace

from wwidw_build.attachments import attachment_names, copy_attachments


def test_names_come_from_the_rendered_body():
    body = SimpleNamespace(attachments=frozenset({"plan.pdf"}))
    document = SimpleNamespace(kind="praktijk", id="a")
    assert attachment_names({("praktijk", "a"): body}, None, document) == {"plan.pdf"}


def test_only_used_regular_files_in_bijlagen_are_copied(tmp_path):
    root, site = tmp_path / "content", tmp_path / "site"
    (root / "bijlagen").mkdir(parents=True)
    site.mkdir()
    (root / "bijlagen" / "plan.pdf").write_bytes(b"%PDF plan")
    (root / "bijlagen" / "ander.pdf").write_bytes(b"%PDF ander")
    (root / "geheim.txt").write_text("geheim", encoding="utf-8")
    (root / "bijlagen" / "link.pdf").symlink_to(root / "geheim.txt")
    names = {"a": {"plan.pdf", "link.pdf", "weg.pdf"}}
    copy_attachments(root, ["a"], names.get, site)
    assert sorted(p.name for p in (site / "bijlagen").iterdir()) == ["plan.pdf"]


def test_no_attachments_no_folder(tmp_path):
    copy_attachments(tmp_path, ["a"], lambda d: frozenset(), tmp_path / "site")
    assert not (tmp_path / "site").exists()
