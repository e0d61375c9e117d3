"""Attendance lists written surname first whose line breaks were lost (lists written for these tests)."""

from ratsinfo.parsers.nlp.surname_first import surname_first_runs


def persons(text: str) -> list[tuple[str, str | None]]:
    return [(name, role) for _a, _b, name, role, _t in surname_first_runs(text)]


def test_rows_of_surname_and_first_name_run_on_under_party_headings_as_members():
    text = ("Unter dem Vorsitz von Frau Probe sind anwesend: Fraktion A Beispiel, Anna Muster, Jonas Maria "
            "Fraktion B Quell, Dr. Hans Anders, Clara-Marie Entschuldigt fehlt: Berger, Karl (Fraktion A) "
            "Lange, Ute (Fraktion B) Von der Verwaltung: Winter, Petra Sommer, Uwe Niederschrift")
    assert persons(text) == [("Anna Beispiel", "Mitglied"), ("Jonas Maria Muster", "Mitglied"),
                             ("Dr. Hans Quell", "Mitglied"), ("Clara-Marie Anders", "Mitglied"),
                             ("Karl Berger", "Mitglied"), ("Ute Lange", "Mitglied"),
                             ("Petra Winter", "Verwaltung"), ("Uwe Sommer", "Verwaltung")]


def test_a_list_written_first_name_first_is_not_read_the_other_way_round():
    text = "Bestätigt wurden: Jonas Beispiel, Anna Muster, Clara Probe und Karl Quell."
    assert persons(text) == []


def test_a_single_place_before_a_name_is_no_list():
    assert persons("Die Feier in Musterstadt, Anna Beispiel sprach ein Grußwort.") == []
