"""Agenda items in the layouts of exported tables and item pages: rows "| 1. | title |", a number alone with its
title in the next cell of the table, and the page of one item that an information system heads with the date,
the item's number and its title. The minutes are written for these tests."""

from datetime import date

ROWS = """am Mittwoch, den 08.11.2023, um 18:00 Uhr, im Rathaus
| 1. | Eröffnung und Begrüßung |
Die Vorsitzende des Kulturausschusses eröffnet die 4. öffentliche Sitzung des Kulturausschusses.
| 2. | Sanierung der Stadtbücherei |
Herr Kern erläutert die Planung.
| 3. | Verschiedenes |
"""

CELLS = """Niederschrift
3. öffentliche Sitzung des Ortsbeirates Talheim
Sitzungstermin:
|
Montag,
12.09.2022
|
Tagesordnung:
1
|
Feststellung der Beschlussfähigkeit
|
2
|
Ausbau des Feldweges zwischen dem Sportplatz
und der Mühle am Bach
Vorlage: DRS. 22/101
|
3
|
Zuschuss für den Heimatverein
|
"""

ITEM_PAGE = """12.03.2024 - 5 Neubau der Grundschule am Lindenplatz mit Mensa und Turnhalle, Vergabe der Planungsleis...

Reduzieren

Wortprotokoll

Herr Kern stellt die Planung vor. Der Bauausschuss nimmt die Planung zur Kenntnis.
1. Die Verwaltung prüft die Kosten.
2. Die Verwaltung berichtet im Mai.
"""


def topics(facts_of, text: str) -> list[tuple[str | None, str, int | None]]:
    return [(t.subject, t.value, t.year) for t in facts_of(text).get("topic", [])]


def test_numbered_rows_of_a_table_in_minutes_are_agenda_items_of_the_body_that_met(facts_of):
    assert topics(facts_of, ROWS) == [("Kulturausschuss", "Eröffnung und Begrüßung", 2023),
                                      ("Kulturausschuss", "Sanierung der Stadtbücherei", 2023),
                                      ("Kulturausschuss", "Verschiedenes", 2023)]


def test_a_title_in_the_cell_after_its_number_is_read_over_its_lines_without_the_paper_it_is_filed_under(facts_of):
    assert topics(facts_of, CELLS) == [
        ("Ortsbeirat Talheim", "Feststellung der Beschlussfähigkeit", 2022),
        ("Ortsbeirat Talheim", "Ausbau des Feldweges zwischen dem Sportplatz und der Mühle am Bach", 2022),
        ("Ortsbeirat Talheim", "Zuschuss für den Heimatverein", 2022)]


def test_the_page_of_one_item_gives_its_title_without_the_cut_word_and_no_numbered_lines_of_the_record(facts_of):
    got = facts_of(ITEM_PAGE)
    assert topics(facts_of, ITEM_PAGE) == [
        ("Bauausschuss", "Neubau der Grundschule am Lindenplatz mit Mensa und Turnhalle, Vergabe", 2024)]
    assert [(m.subject, m.date) for m in got["meeting"]] == [("Bauausschuss", date(2024, 3, 12))]


def test_numbered_sentences_of_a_statute_in_a_table_are_still_no_agenda(facts_of):
    text = "Satzung des Seniorenbeirates\n| 1. | Der Beirat hat sieben Mitglieder. |\n| 2. | Er tagt öffentlich. |\n"
    assert "topic" not in facts_of(text)


def test_items_numbered_with_a_parenthesis_or_headed_tagesordnungspunkt_are_agenda_items(facts_of):
    head = "Niederschrift über die Sitzung des Umweltausschusses am 14.03.2022\n\n"
    listed = head + "Tagesordnung\n1.) Eröffnung der Sitzung\n2.) Lärmaktionsplan\n"
    headed = head + ("Tagesordnungspunkt 1: Eröffnung der Sitzung\nDer Vorsitzende eröffnet.\n"
                     "Tagesordnungspunkt 2: Lärmaktionsplan\nEs wird beraten.\n")
    for text in (listed, headed):
        assert topics(facts_of, text) == [("Umweltausschuss", "Eröffnung der Sitzung", 2022),
                                          ("Umweltausschuss", "Lärmaktionsplan", 2022)]


def test_an_attendance_list_numbered_with_parentheses_is_no_agenda(facts_of):
    text = ("Niederschrift über die 3. Sitzung des Gemeinderates am 18.08.2021\n\nAnwesend waren:\n"
            "1.)  Bürgermeister   Jan Ott\n2.)  Gemeinderat   Eva Kern\n3.)  Gemeinderat   Udo Lenz\n")
    assert "topic" not in facts_of(text)


def test_points_numbered_inside_the_record_of_a_top_are_no_agenda_of_their_own(facts_of):
    text = ("Bericht aus der Sitzung des Gemeinderates am 17.06.2021\n\nTOP 1 - Wahl des Ortsvorstehers\n\n"
            "Herr Ott erläutert die zu beschließenden Punkte:\n\n1. Ausschreibung\n\nSie folgt dem Muster.\n\n"
            "2. Wahlausschuss\n\nEr wird besetzt.\n\n3. Termin\n")
    assert topics(facts_of, text) == [("Gemeinderat", "Wahl des Ortsvorstehers", 2021)]
