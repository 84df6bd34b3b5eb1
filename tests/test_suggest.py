from wwidw_build.checks.suggest import suggestion

KNOWN = {
    "buurtbemiddeling": "Buurtbemiddeling",
    "klushuizen": "Klushuizen",
    "minder-burenoverlast": "Minder burenoverlast",
}


def test_typo_in_id():
    assert suggestion("buurtbemidelling", KNOWN) == "Bedoelde u 'buurtbemiddeling'? "


def test_name_instead_of_id():
    assert suggestion("Minder burenoverlast", KNOWN) == "Bedoelde u 'minder-burenoverlast'? "


def test_nothing_close():
    assert suggestion("zzzz", KNOWN) == ""


def test_strict_matches_the_spelling_as_written_and_falls_back():
    fields = ["titel", "organisatie"]
    assert suggestion("tittel", fields, "Toegestane velden.", loose=False) == "Bedoelde u 'titel'? "
    # Loose matching would find 'organisatie' in 'org' (containment); strict gives the fallback.
    assert suggestion("org", fields, loose=False) == ""
    assert suggestion("org", fields) == "Bedoelde u 'organisatie'? "
    assert suggestion("zzzz", fields, "Toegestane velden.", loose=False) == "Toegestane velden."
