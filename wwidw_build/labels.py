"""Dutch labels for enumerations shown on the site."""

RICHTING = {
    "werkt": "Werkt",
    "veelbelovend": "Veelbelovend",
    "gemengd": "Gemengd",
    "geen_effect": "Geen effect",
    "averechts": "Averechts",
    "nog_onbekend": "Nog onbekend",
}
BEWIJSNIVEAU = {
    "goed_beschreven": "Goed beschreven",
    "goed_onderbouwd": "Goed onderbouwd",
    "eerste_aanwijzingen": "Eerste aanwijzingen voor effectiviteit",
    "goede_aanwijzingen": "Goede aanwijzingen voor effectiviteit",
    "sterke_aanwijzingen": "Sterke aanwijzingen voor effectiviteit",
}
MEETONTWERP = {
    "geen_meting": "Geen meting",
    "kwalitatief": "Kwalitatief",
    "monitoring": "Monitoring",
    "voor_nameting": "Voor- en nameting",
    "vergelijkingsgroep": "Vergelijkingsgroep",
    "voor_nameting_met_vergelijkingsgroep": "Voor- en nameting met vergelijkingsgroep",
    "natuurlijk_experiment": "Natuurlijk experiment",
    "rct": "Gerandomiseerd experiment (rct)",
}
PROJECTSTATUS = {"lopend": "Lopend", "afgerond": "Afgerond", "gestopt": "Gestopt"}
ZICHTBAARHEID = {
    "openbaar": "Openbaar",
    "partners": "Alleen partners",
    "organisatie": "Alleen eigen organisatie",
}
