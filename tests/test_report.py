from wwidw_build.diagnostics import diag
from wwidw_build.report import as_github, as_text

D = [
    diag(
        "content/praktijken/a.md", 3, 5, "veld-verplicht", veld="titel", waar="", uitleg="Titel: x"
    ),
    diag("content/praktijken/a.md", 9, 1, "sectie-ontbreekt", sectie="Doel"),
    diag("content/praktijken/b,c.md", 1, 1, "bestand-leeg"),
]


def test_text_groups_per_file():
    text = as_text(D)
    assert text.count("content/praktijken/a.md\n") == 1
    assert "content/praktijken/a.md:3:5: fout [veld-verplicht]" in text
    assert "2 fout(en), 1 waarschuwing(en)." in text


def test_github_escapes_properties_and_data():
    lines = as_github(D).splitlines()
    assert lines[0].startswith(
        "::error file=content/praktijken/a.md,line=3,col=5,title=veld-verplicht::"
    )
    assert lines[1].startswith("::warning ")
    assert "file=content/praktijken/b%2Cc.md" in lines[2]
