"""The generated docs (docs/commands.md, CONTRIBUTING.md's table of messages) match the code."""

import pytest

from wwidw_build import evidence, evidence_table
from wwidw_build.cli import reference
from wwidw_build.cli.main import cli
from wwidw_build.labels import BEWIJSNIVEAU
from wwidw_build.messages import CATALOGUE

REPO = reference.REPO
LADDER = f"{reference.LADDER_BEGIN}\n{reference.LADDER_END}\n"


@pytest.mark.parametrize("path", [reference.COMMANDS_DOC, reference.CONTRIBUTING])
def test_the_generated_docs_are_up_to_date(path):
    expected = reference.generated()[path]
    actual = (REPO / path).read_text(encoding="utf-8")
    assert actual == expected, f"{path} is out of date: run `make docs`."


def test_every_command_has_its_real_help_in_the_reference():
    text = reference.commands_markdown()
    for name in cli.commands:
        assert f"## `wwidw {name}`" in text
        assert f"```text\n{reference.command_help(name)}\n```" in text
        assert f"Gebruik: wwidw {name} [OPTIES]" in reference.command_help(name)
        assert name in reference.NOTES, f"write a short English note for `wwidw {name}`"


def test_the_help_does_not_depend_on_the_terminal(monkeypatch):
    before = reference.command_help("new")
    monkeypatch.setenv("COLUMNS", "200")
    assert reference.command_help("new") == before
    assert max(len(line) for line in before.splitlines()) <= reference.HELP_WIDTH


def test_a_changed_help_text_makes_the_reference_stale(monkeypatch, tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "CONTRIBUTING.md").write_text(
        f"Tekst\n{reference.BEGIN}\noud\n{reference.END}\nmeer\n{LADDER}", encoding="utf-8"
    )
    for path, text in reference.generated(tmp_path).items():
        (tmp_path / path).write_text(text, encoding="utf-8")
    assert reference.stale(tmp_path) == []
    option = next(p for p in cli.commands["search"].params if p.name == "limit")
    monkeypatch.setattr(option, "help", "Een andere hulptekst.")
    assert reference.stale(tmp_path) == [reference.COMMANDS_DOC]


def test_the_message_table_has_every_code_once_with_placeholders_hidden(monkeypatch):
    table = reference.messages_table()
    rows = table.splitlines()[2:]
    assert [row.split("`")[1] for row in rows] == list(CATALOGUE)
    assert "{" not in table and "| `yaml-tab` | fout | Er staat een tab" in table
    assert "| `bestand-onbekend` | waarschuwing |" in table
    monkeypatch.setitem(CATALOGUE, "nieuwe-code", ("warning", "Nieuw: {x} | {y}.", ""))
    assert "| `nieuwe-code` | waarschuwing | Nieuw: … \\| …. |" in reference.messages_table()


def test_the_table_goes_between_the_markers_and_nowhere_else():
    text = f"Voor\n{reference.BEGIN}\nOUDE-TABEL\n{reference.END}\nNa\n"
    new = reference.with_messages_table(text)
    assert new.startswith(f"Voor\n{reference.BEGIN}\n| code |") and new.endswith(
        f"|\n{reference.END}\nNa\n"
    )
    assert "OUDE-TABEL" not in new
    with pytest.raises(ValueError):
        reference.with_messages_table("geen markeringen")


def test_check_mode_reports_without_writing(monkeypatch, tmp_path, capsys):
    (tmp_path / "CONTRIBUTING.md").write_text(
        f"{reference.BEGIN}\n{reference.END}\n{LADDER}", encoding="utf-8"
    )
    monkeypatch.setattr(reference, "REPO", tmp_path)
    assert reference.main(["--check"]) == 1
    assert "docs/commands.md is out of date: run `make docs`." in capsys.readouterr().err
    assert not (tmp_path / "docs").exists()
    (tmp_path / "docs").mkdir()
    assert reference.main([]) == 0
    assert reference.main(["--check"]) == 0


def test_contributing_has_the_evidence_ladder_of_the_code(monkeypatch, tmp_path):
    """Issue 14 item 7: the table meetontwerp -> Maryland level -> highest bewijsniveau in
    CONTRIBUTING.md is evidence.DESIGNS; a change there makes CONTRIBUTING.md stale."""
    text = (REPO / reference.CONTRIBUTING).read_text(encoding="utf-8")
    block = text.split(reference.LADDER_BEGIN)[1].split(reference.LADDER_END)[0]
    for design, (sms, level) in evidence.DESIGNS.items():
        sms_text = "—" if sms is None else str(sms)
        row = f"(`{design}`) | {sms_text} | {BEWIJSNIVEAU[level]} (`{level}`) |"
        assert row in block, row
    heading = text.split(reference.LADDER_BEGIN)[0].rsplit("\n## ", 1)[1].split("\n")[0]
    assert heading == evidence_table.SECTION
    (tmp_path / "docs").mkdir()
    (tmp_path / "CONTRIBUTING.md").write_text(text, encoding="utf-8")
    for path, generated in reference.generated(tmp_path).items():
        (tmp_path / path).write_text(generated, encoding="utf-8")
    assert reference.stale(tmp_path) == []
    monkeypatch.setitem(evidence.DESIGNS, "monitoring", (1, "goede_aanwijzingen"))
    assert reference.stale(tmp_path) == [reference.CONTRIBUTING]


def test_the_evidence_messages_point_to_the_section_that_exists():
    text = (REPO / reference.CONTRIBUTING).read_text(encoding="utf-8")
    assert f"\n## {evidence_table.SECTION}\n" in text
    _, _, hint = CATALOGUE["bewijsniveau-te-hoog"]
    assert f"'{evidence_table.SECTION}' in CONTRIBUTING.md" in hint
