"""Minutes name the meeting they record in their head and list its agenda items."""

from datetime import date

MINUTES = """Gemeinde Bergdorf
Niederschrift
über den öffentlichen Teil der 7. Sitzung
der Gemeindevertretung Bergdorf
am Dienstag, 14. März 2023

T a g e s o r d n u n g
1. Eröffnung der Sitzung
2. Beratung und Beschlussfassung über die Satzung zur Straßenreinigung
2.a. Dringlichkeitsanträge
3. Bericht des Bürgermeisters

Zu 1.
Der Vorsitzende eröffnet die Sitzung.
"""

TOPS = """SG Heideland - Bauausschuss

Montag, 02. Oktober 2023 , 18:00 Uhr

TOP 1 Eröffnung der Sitzung
Protokoll:
Der Vorsitzende begrüßt die Anwesenden.

TOP 2 Bebauungsplan Nr. 12 (Tischvorlage)
Protokoll:
Es wird beraten.
"""


def test_the_head_names_body_date_and_number(facts_of):
    (m,) = facts_of(MINUTES)["meeting"]
    assert (m.subject, m.number, m.date) == ("Gemeindevertretung Bergdorf", 7, date(2023, 3, 14))


def test_numbered_items_under_a_letter_spaced_heading_are_topics_in_order(facts_of):
    topics = [(t.subject, t.value, t.year) for t in facts_of(MINUTES)["topic"]]
    assert topics == [("Gemeindevertretung Bergdorf", "Eröffnung der Sitzung", 2023),
                      ("Gemeindevertretung Bergdorf", "Satzung zur Straßenreinigung", 2023),
                      ("Gemeindevertretung Bergdorf", "Dringlichkeitsanträge", 2023),
                      ("Gemeindevertretung Bergdorf", "Bericht des Bürgermeisters", 2023)]


def test_top_headings_are_topics_without_their_notes(facts_of):
    got = facts_of(TOPS)
    assert [t.value for t in got["topic"]] == ["Eröffnung der Sitzung", "Bebauungsplan Nr. 12"]
    (m,) = got["meeting"]
    assert (m.subject, m.date) == ("Bauausschuss", date(2023, 10, 2))


def test_numbered_paragraphs_of_a_statute_are_no_agenda(facts_of):
    text = ("Satzung über den Seniorenbeirat der Gemeinde Bergdorf\n\n1. Nachtragssatzung vom 10.12.2001\n"
            "2. Änderungssatzung vom 27.10.2003\n\n§ 1 Aufgaben\nDer Seniorenbeirat berät den Gemeinderat.")
    got = facts_of(text)
    assert "topic" not in got and "meeting" not in got


def test_topics_come_in_source_order_on_every_run(facts_of):
    runs = [[t.value for t in facts_of(MINUTES)["topic"]] for _ in range(3)]
    assert runs[0] == runs[1] == runs[2]
    starts = [t.start for t in facts_of(MINUTES)["topic"]]
    assert starts == sorted(starts)


def test_topic_spans_point_into_the_text(facts_of):
    for t in facts_of(MINUTES)["topic"]:
        assert t.value.split()[-1] in MINUTES[t.start:t.end]


def test_a_public_agenda_numbered_with_leading_zeros_is_read_with_its_titles_cut_to_the_matter(facts_of):
    text = ("Sitzung des Bauausschusses\n\nMittwoch, 08.03.2023, 18:00 Uhr\n\nÖffentliche Tagesordnung\n\n"
            "01 Bauantrag auf Neubau einer Scheune auf dem Grundstück Flst.Nr. 12/3 der Gemarkung Talheim "
            "(2023-0041\n\n"
            "02 Bauvoranfrage zur Errichtung eines Carports (2023-0040)\n\n"
            "03 Genehmigung der Sitzungsniederschrift vom 08.02.2023\n")
    got = [(t.subject, t.value, t.year) for t in facts_of(text)["topic"]]
    assert got == [("Bauausschuss", "Bauantrag auf Neubau einer Scheune", 2023),
                   ("Bauausschuss", "Bauvoranfrage zur Errichtung eines Carports", 2023),
                   ("Bauausschuss", "Genehmigung der Sitzungsniederschrift vom 08.02.2023", 2023)]


def test_a_top_whose_title_stands_on_the_next_line_is_an_item_and_the_longer_agenda_list_wins(facts_of):
    head = "Niederschrift\nüber die öffentliche Sitzung der Gemeindevertretung Talheim am 07.03.2023\n\n"
    tops = "Zu TOP 1.\nGenehmigung der Tagesordnung\n\nDer Bürgermeister eröffnet.\n\nZu TOP 2.\nBauleitplanung\n"
    got = [t.value for t in facts_of(head + tops)["topic"]]
    assert got == ["Genehmigung der Tagesordnung", "Bauleitplanung"]
    listed = ("Tagesordnung\n1. Genehmigung der Tagesordnung\n2. Bauleitplanung\n3. Haushaltssatzung 2023\n\n")
    got = [t.value for t in facts_of(head + listed + tops)["topic"]]
    assert got == ["Genehmigung der Tagesordnung", "Bauleitplanung", "Haushaltssatzung 2023"]


def test_top_written_in_small_letters_and_without_a_space_is_an_item(facts_of):
    text = ("Niederschrift über die Sitzung des Gemeinderates am 15.05.2012\n\nTop1\nGenehmigung der "
            "Niederschrift\nSie wird genehmigt.\nTop 2\nSachstand Kinderkrippe\n")
    assert [t.value for t in facts_of(text)["topic"]] == ["Genehmigung der Niederschrift", "Sachstand Kinderkrippe"]


def test_numbered_roles_in_the_attendance_above_the_agenda_are_no_items(facts_of):
    text = ("Niederschrift\nüber die öffentliche Sitzung der Gemeindevertretung Talheim vom 04.05.2021\n\n"
            "Anwesend sind:\nBürgermeisterin Inge Born\n1. stellv. Bürgermeister Kai Lenz\nGemeindevertreter Udo Rahn\n"
            "2. stellv. Bürgermeister Uwe Frey\n\nT a g e s o r d n u n g\n\n1. Eröffnung der Sitzung\n"
            "2. Bericht der Bürgermeisterin\n3. Neubau der Feuerwache\n")
    got = [t.value for t in facts_of(text)["topic"]]
    assert got == ["Eröffnung der Sitzung", "Bericht der Bürgermeisterin", "Neubau der Feuerwache"]


def test_agenda_titles_lose_who_moved_them_the_legal_basis_and_what_is_asked(facts_of):
    text = ("Niederschrift über die Sitzung des Gemeinderates Talheim am 12.06.2022\n\nTagesordnung\n"
            "1. Straßenbeleuchtung im Neubaugebiet (Antrag der FDP-Fraktion)\n"
            "2. Sporthalle Nord (Umkleiden, Duschen); Beschluss über die Vergabe der Arbeiten\n"
            "3. Erhöhung der Zuschüsse für Vereine gemäß der Förderrichtlinie des Landes\n"
            "4. Jahresabschluss 2021 hier: Feststellung durch den Gemeinderat\n"
            "5. Verabschiedung des ausgeschiedenen Ratsmitglieds, Herr Olaf Kern\n")
    got = [t.value for t in facts_of(text)["topic"]]
    assert got == ["Straßenbeleuchtung im Neubaugebiet", "Sporthalle Nord", "Erhöhung der Zuschüsse für Vereine",
                   "Jahresabschluss 2021", "Verabschiedung des ausgeschiedenen Ratsmitglieds"]


def test_minutes_of_one_item_give_its_subject_to_the_committee_not_to_the_council_it_belongs_to(facts_of):
    text = ("Protokoll: Ausschuss für Umwelt und Verkehr des Gemeinderats der Stadt Talheim\nNiederschrift Nr. 12\n"
            "Sitzungstermin: 14.06.2022\nSitzungsart: öffentlich\nBetreff: Parkraumkonzept PRK (Parkraum\n"
            "Konzept), - Antrag Nr. 7/2022 (FDP)\n\nDie Verwaltung berichtet über den Stand.\n")
    got = facts_of(text)
    (t,) = got["topic"]
    assert (t.subject, t.value, t.year) == (
        "Ausschuss für Umwelt und Verkehr", "Parkraumkonzept PRK (Parkraum Konzept)", 2022)
    (m,) = got["meeting"]
    assert (m.subject, m.date) == ("Ausschuss für Umwelt und Verkehr", date(2022, 6, 14))


def test_after_hier_the_title_names_the_matter_unless_only_a_step_of_it_follows(facts_of):
    from ratsinfo.parsers.nlp.agenda import clean_title

    assert clean_title("Schulentwicklung hier: Erweiterung der Grundschule Nord") == "Erweiterung der Grundschule Nord"
    assert clean_title("Haushaltssatzung 2024 hier: Vorbereitung des Ratsbeschlusses") == "Haushaltssatzung 2024"


def test_a_statute_that_speaks_of_sessions_and_agendas_has_no_meeting_and_no_agenda(facts_of):
    text = ("Geschäftsordnung des Seniorenbeirates der Stadt Talheim vom 12.03.2020\n\n§ 1 Sitzungen\n"
            "1. Der Seniorenbeirat tritt viermal im Jahr zusammen.\n2. Die Einladung erfolgt schriftlich.\n\n"
            "§ 2 Tagesordnung\n1. Die Tagesordnung stellt der Vorsitz auf.\n"
            "2. Anträge sind eine Woche vor der Sitzung einzureichen.\n")
    got = facts_of(text)
    assert "topic" not in got and "meeting" not in got


def test_a_numbered_list_after_a_colon_inside_an_item_is_no_part_of_the_agenda(facts_of):
    text = ("Protokoll der Sitzung des Jugendbeirats am 05.05.2022\n\n1. Begrüßung\nDie Vorsitzende begrüßt alle.\n"
            "2. Skatepark\nEin Brief an den Bürgermeister soll folgende Punkte nennen:\n1. Beleuchtung\n2. Mülleimer\n"
            "3. Verschiedenes\n")
    assert [t.value for t in facts_of(text)["topic"]] == ["Begrüßung", "Skatepark", "Verschiedenes"]


def test_public_items_numbered_with_oe_in_a_table_are_agenda_items(facts_of):
    text = ("Sitzung des Ortsrates Nordheim am 14.11.2016\n\nÖffentlicher Teil: |\nÖ 1 | Eröffnung der Sitzung | ||\n"
            "Ö 2 | Feststellung der Tagesordnung | ||\nÖ 3 | Wahl des Ortsbürgermeisters | ||\n")
    got = [(t.subject, t.value, t.year) for t in facts_of(text)["topic"]]
    assert got == [("Ortsrat Nordheim", "Eröffnung der Sitzung", 2016),
                   ("Ortsrat Nordheim", "Feststellung der Tagesordnung", 2016),
                   ("Ortsrat Nordheim", "Wahl des Ortsbürgermeisters", 2016)]


def test_minutes_flattened_onto_one_line_give_each_item_without_its_record(facts_of):
    text = ("ÖFFENTLICHE NIEDERSCHRIFT NR. 3/2019 Öffentliche Sitzung des Ortschaftsrats Talheim am Dienstag, "
            "12.03.19 im Rathaus Dauer der Sitzung: 18:00 Uhr bis 19:30 Uhr ÖFFENTLICHE SITZUNG 1. Bekanntgaben "
            "Der Vorsitzende gibt bekannt, dass die Straße gesperrt wird. 2. Neubau des Kindergartens Herr Ott "
            "stellt die Planung vor. 3. Anfragen Es gibt keine Anfragen.")
    got = [(t.subject, t.value, t.year) for t in facts_of(text)["topic"]]
    assert got == [("Ortschaftsrat Talheim", "Bekanntgaben", 2019),
                   ("Ortschaftsrat Talheim", "Neubau des Kindergartens", 2019),
                   ("Ortschaftsrat Talheim", "Anfragen", 2019)]


def test_agenda_headings_run_onto_one_line_are_each_an_item(facts_of):
    text = ("Protokoll der Sitzung des Werksausschusses vom 12.01.2022 TOP 1: Eröffnung TOP 2: Wasserpreise 2022 "
            "Der Werkleiter erläutert die Kalkulation. TOP 3: Verschiedenes")
    assert [(t.subject, t.value, t.year) for t in facts_of(text)["topic"]] == [
        ("Werksausschuss", "Eröffnung", 2022), ("Werksausschuss", "Wasserpreise 2022", 2022),
        ("Werksausschuss", "Verschiedenes", 2022)]


def test_a_top_named_in_running_text_makes_no_agenda(facts_of):
    text = "Der Werksausschuss hat am 12.01.2022 getagt. Zu TOP 2 gab es Fragen, TOP 3 wurde vertagt."
    assert "topic" not in facts_of(text)
