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
