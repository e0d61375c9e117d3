from datetime import date

import pytest


@pytest.mark.parametrize("when", ["7. Oktober 2019", "07.10.2019", "2019-10-07"])
def test_a_numbered_meeting_with_a_date_in_any_format(facts_of, when):
    facts = facts_of(f"Am {when} fand die 40. Stadtteilkonferenz statt.")
    (m,) = facts["meeting"]
    assert (m.subject, m.number, m.date) == ("Stadtteilkonferenz", 40, date(2019, 10, 7))


def test_the_day_of_a_date_is_not_a_meeting_number(facts_of):
    (m,) = facts_of("Am 7. Oktober 2019 tagte die Fachkonferenz Sucht.")["meeting"]
    assert (m.number, m.date) == (None, date(2019, 10, 7))


def test_a_heading_gives_the_numbered_meeting_its_title(facts_of):
    text = ("12. Fachkonferenz: Sicher unterwegs – Radverkehr im Quartier\n\n"
            "Die 12. Fachkonferenz, welche am 03.05.2021 stattfand, war gut besucht.")
    (m,) = facts_of(text)["meeting"]
    assert (m.number, m.date, m.value) == (12, date(2021, 5, 3), "Sicher unterwegs – Radverkehr im Quartier")


@pytest.mark.parametrize("ordinal", [1, 2, 3, 10, 23])
def test_ordinal_sessions_of_a_body(facts_of, ordinal):
    (m,) = facts_of(f"Die {ordinal}. Sitzung des Bauausschusses am 12.03.2020 wurde vertagt.")["meeting"]
    assert (m.subject, m.number, m.date) == ("Bauausschuss", ordinal, date(2020, 3, 12))


def test_numbered_sessions_listed_after_their_body(facts_of):
    facts = facts_of("Die 1. Sitzung des Jugendbeirates fand am 03.03.2021 statt, die 2. Sitzung am 16. Juni 2021.")
    assert sorted((m.number, m.date) for m in facts["meeting"]) == [(1, date(2021, 3, 3)), (2, date(2021, 6, 16))]


def test_a_session_known_only_to_the_month(facts_of):
    (m,) = facts_of("Der Kreispräventionsrat hat in einer Sondersitzung im Mai 2022 seine Geschäftsordnung "
                    "neu gefasst.")["meeting"]
    assert (m.subject, m.date, m.year, m.detail["month"]) == ("Kreispräventionsrat", None, 2022, "2022-05")


def test_a_body_with_the_day_it_decided_is_a_meeting(facts_of):
    from datetime import date

    got = {(m.subject, m.date) for m in facts_of(
        "Die Stadtverordnetenversammlung vom 13.09.2022 hat beschlossen, einen Klimabeirat einzurichten.")["meeting"]}
    assert got == {("Stadtverordnetenversammlung", date(2022, 9, 13))}


@pytest.mark.parametrize("sentence, body", [
    ("Der Stadtrat beschloss am 21.05.2019 die Gründung des Klimabeirates.", "Stadtrat"),
    ("Am 21. Mai 2019 empfahl der Hauptausschuss dem Kreistag die Annahme.", "Hauptausschuss"),
    ("Die Satzung wird durch die Gemeindevertretung am 21.05.2019 beschlossen.", "Gemeindevertretung"),
    ("Am 21.05.2019 stimmten die Mitglieder des Sportausschusses dem Vorschlag zu.", "Sportausschuss"),
    ("Die Arbeitsgruppe Radverkehr kam am 21. Mai 2019 zum ersten Mal zusammen.", "Arbeitsgruppe Radverkehr"),
])
def test_a_body_that_decided_or_met_on_a_day_held_a_meeting_that_day(facts_of, sentence, body):
    (m,) = [f for f in facts_of(sentence)["meeting"]]
    assert (m.subject, m.date) == (body, date(2019, 5, 21))


def test_the_body_a_decision_is_about_or_addressed_to_did_not_meet(facts_of):
    facts = facts_of("Am 21.05.2019 empfahl der Hauptausschuss dem Kreistag die Gründung des Seniorenbeirates.")
    assert [m.subject for m in facts["meeting"]] == ["Hauptausschuss"]


def test_a_date_of_a_statute_is_no_meeting_of_the_body_it_names(facts_of):
    facts = facts_of("Die Satzung des Seniorenbeirates vom 21.05.2019 regelt die Wahl der Mitglieder.")
    assert "meeting" not in facts


def test_a_day_without_its_year_takes_the_year_of_the_heading(facts_of):
    facts = facts_of("Tätigkeitsbericht 2021\n\nDer Seniorenbeirat traf sich am 12. April und am 8. November.")
    assert sorted(m.date for m in facts["meeting"]) == [date(2021, 4, 12), date(2021, 11, 8)]


def test_a_day_without_any_year_stays_month_and_day(facts_of):
    (m,) = facts_of("Der Seniorenbeirat tagte am 12. April im Rathaus.")["meeting"]
    assert (m.date, m.detail["month"]) == (None, "--04-12")


def test_a_meeting_of_several_days_is_dated_by_its_first(facts_of):
    (m,) = facts_of("Der Behindertenbeirat tagte vom 3. bis 4. Juni 2019 in Klausur.")["meeting"]
    assert m.date == date(2019, 6, 3)


def test_a_numbered_session_without_its_day(facts_of):
    (m,) = facts_of("Der Sozialausschuss hat sich in seiner 14. Sitzung mit dem Thema befasst.")["meeting"]
    assert (m.subject, m.number, m.date) == ("Sozialausschuss", 14, None)


def test_every_date_of_a_table_of_session_dates_under_the_body(facts_of):
    text = "Sitzungstermine des Integrationsbeirates 2024:\nMontag, 15.01.2024\n18.03.2024, 17 Uhr\n10.06.2024\n"
    dates = sorted(m.date for m in facts_of(text)["meeting"] if m.subject == "Integrationsbeirat")
    assert dates == [date(2024, 1, 15), date(2024, 3, 18), date(2024, 6, 10)]


def test_the_committee_referred_to_again_as_the_committee(facts_of):
    text = ("Der Ausschuss für Bildung und Soziales befasste sich mit der Prävention. "
            "Am 11. November 2019 empfahlen die Mitglieder des Ausschusses eine Beratung im Rat.")
    (m,) = facts_of(text)["meeting"]
    assert (m.subject, m.date) == ("Ausschuss für Bildung und Soziales", date(2019, 11, 11))


def test_a_year_later_in_the_same_sentence_is_not_the_year_of_the_day(facts_of):
    (m,) = facts_of("Der Kreistag hat in seiner Sitzung am 14. Dezember den Haushalt 2023 beschlossen.")["meeting"]
    assert m.detail["month"] == "--12-14"


def test_a_committee_named_with_its_remit_decides_on_two_days(facts_of):
    facts = facts_of("Der Ausschuss für Umwelt und Klimaschutz hat sich am 12.02.2020 und am 15.06.2020 mit dem "
                     "Lärmaktionsplan befasst.")
    assert sorted(m.date for m in facts["meeting"]) == [date(2020, 2, 12), date(2020, 6, 15)]


def test_minutes_approved_of_an_earlier_numbered_session_of_the_same_body(facts_of):
    text = ("Niederschrift über die 12. Sitzung des Kulturausschusses am 10.03.2021\n\n"
            "TOP 2 Genehmigung des Protokolls der 11. öffentlichen Sitzung vom 11.02.2021\n")
    assert sorted((m.number, m.date) for m in facts_of(text)["meeting"]) == [
        (11, date(2021, 2, 11)), (12, date(2021, 3, 10))]


def test_a_numbered_session_named_in_one_word(facts_of):
    text = "Niederschrift über die 7. Beiratssitzung am 02.03.2022\n\nDer Seniorenbeirat begrüßt die Gäste."
    (m,) = facts_of(text)["meeting"]
    assert (m.subject, m.number, m.date) == ("Seniorenbeirat", 7, date(2022, 3, 2))


def test_the_number_of_the_term_is_not_the_number_of_the_session(facts_of):
    (m,) = facts_of("Herr Alt eröffnet die 4. Sitzung des 9. Jugendbeirates am 01.02.2022.")["meeting"]
    assert (m.number, m.date) == (4, date(2022, 2, 1))


@pytest.mark.parametrize("item", ["Genehmigung des Protokolls vom 13.04.2021",
                                  "Genehmigung der Sitzungsniederschrift vom 13.04.2021"])
def test_approved_minutes_are_an_earlier_session_of_the_body_whose_agenda_it_is(facts_of, item):
    text = f"Sitzung des Umweltausschusses\n\nDienstag, 11.05.2021, 18 Uhr\n\nTagesordnung\n\n1 {item}\n2 Baumschutz\n"
    dates = sorted(m.date for m in facts_of(text)["meeting"] if m.subject == "Umweltausschuss")
    assert dates == [date(2021, 4, 13), date(2021, 5, 11)]


def test_decisions_dated_in_brackets_after_their_body(facts_of):
    facts = facts_of("Dem Wunsch des Jugendbeirates (Beschluss vom 3.11.2020 und vom 9.2.2021) wird entsprochen.")
    assert sorted(m.date for m in facts["meeting"]) == [date(2020, 11, 3), date(2021, 2, 9)]


def test_the_acting_body_stands_near_its_day(facts_of):
    text = ("Der Präventionsrat der Stadt hält seine Sitzungen im Rathaus ab. Bildnachweis Stadtarchiv\n"
            "Vertreterinnen und Vertreter der Schulen aus dem ganzen Landkreis und der Vereine und Verbände "
            "trafen sich am 20. Januar 2020 zu einem Austausch.")
    assert "meeting" not in facts_of(text)


def test_two_bodies_deliberate_on_their_own_days(facts_of):
    text = ("Über die neue Satzung des Klimabeirates beraten am heutigen Dienstag, 6. Juni 2023, der Umweltausschuss "
            "sowie der Stadtrat in seiner Sitzung am Donnerstag, 15. Juni 2023.")
    met = sorted((m.subject, m.date) for m in facts_of(text)["meeting"])
    assert ("Umweltausschuss", date(2023, 6, 6)) in met and ("Stadtrat", date(2023, 6, 15)) in met
    assert ("Klimabeirat", date(2023, 6, 15)) not in met


def test_a_body_that_met_for_the_first_time_held_its_first_session(facts_of):
    (m,) = facts_of("Die Arbeitsgruppe Schulwege kam am 4. Mai 2016 zum ersten Mal zusammen.")["meeting"]
    assert (m.number, m.date) == (1, date(2016, 5, 4))


def test_the_first_session_of_a_body_is_its_session_number_one(facts_of):
    (m,) = facts_of("Die erste Sitzung des Jugendbeirates fand am 12.03.2010 statt.")["meeting"]
    assert (m.subject, m.number, m.date) == ("Jugendbeirat", 1, date(2010, 3, 12))


@pytest.mark.parametrize("sentence, year", [
    ("Die letzte Sitzung des Seniorenbeirates fand im Jahr 2014 statt.", "2014"),
    ("Der Behindertenbeirat wurde 2009 gegründet. Die erste Sitzung fand 2010 statt.", "2010"),
])
def test_a_first_or_last_session_known_only_to_its_year(facts_of, sentence, year):
    (m,) = facts_of(sentence)["meeting"]
    assert (m.date, m.detail["month"], m.year) == (None, year, int(year))


def test_a_month_is_not_read_as_a_year_only(facts_of):
    (m,) = facts_of("Die erste Sitzung des Jugendbeirates fand im März 2010 statt.")["meeting"]
    assert m.detail["month"] == "2010-03"


def test_listed_days_take_the_year_the_list_ends_with(facts_of):
    facts = facts_of("Der Integrationsrat tagt in diesem Jahr am 12.02., 14.05., 10.09. und 03.12.2024.")
    assert sorted(m.date for m in facts["meeting"]) == [
        date(2024, 2, 12), date(2024, 5, 14), date(2024, 9, 10), date(2024, 12, 3)]


def test_session_days_listed_after_a_heading_on_its_line(facts_of):
    facts = facts_of("Termine 2023 des Umweltausschusses: 16.01., 20.03., 22.05.\n")
    assert sorted(m.date for m in facts["meeting"]) == [date(2023, 1, 16), date(2023, 3, 20), date(2023, 5, 22)]


def test_a_council_named_only_in_its_session_word(facts_of):
    facts = facts_of("In der Gemeinderatssitzung vom 29. Juli 2021 werden die neuen Mitglieder berufen.")
    assert [(o.subject, o.value) for o in facts["organization"]] == [("Gemeinderat", "council")]
    assert [(m.subject, m.date) for m in facts["meeting"]] == [("Gemeinderat", date(2021, 7, 29))]


def test_a_session_word_with_its_council_named_before_the_day(facts_of):
    (m,) = facts_of("Rede zur Kreistagssitzung des Landkreises Musterland\nam 14.05.2019, 17 Uhr")["meeting"]
    assert (m.subject, m.date) == ("Kreistag", date(2019, 5, 14))


def test_an_agenda_items_page_starts_with_the_day_of_its_session(facts_of):
    text = "12.10.2022 - 3 Bericht der Verwaltung\n\nWortprotokoll\n\nDer Ortsbeirat nimmt den Bericht zur Kenntnis.\n"
    (m,) = facts_of(text)["meeting"]
    assert (m.subject, m.date) == ("Ortsbeirat", date(2022, 10, 12))


def test_the_first_session_without_a_day_is_session_one(facts_of):
    (m,) = facts_of("Mit der ersten Sitzung des Kulturbeirates im Bürgersaal begann die Arbeit.")["meeting"]
    assert (m.subject, m.number, m.date) == ("Kulturbeirat", 1, None)


def test_a_council_session_in_one_word_with_its_day_in_brackets(facts_of):
    (m,) = facts_of("Der Plan soll in der Ratssitzung (14.03.2024) beschlossen werden.")["meeting"]
    assert (m.subject, m.date.isoformat()) == ("Rat", "2024-03-14")


def test_minutes_of_a_committee_of_the_council_record_the_committee(facts_of):
    text = ("Protokoll: Ausschuss für Wege und Grün des Gemeinderats der Stadt Kellbach\n"
            "Sitzungstermin: 14.02.2024\nSitzungsart: öffentlich\n\nDer Ausschuss berät über Radwege.\n")
    (m,) = facts_of(text)["meeting"]
    assert (m.subject, m.date.isoformat()) == ("Ausschuss für Wege und Grün", "2024-02-14")


def test_the_date_of_a_statute_naming_its_body_is_no_session(facts_of):
    facts = facts_of("Geschäftsordnung für die Vollversammlung der Vereine und den Kulturbeirat der Stadt Kellbach "
                     "vom 12.03.2019\n§ 1 Aufgaben\n")
    assert "meeting" not in facts


def test_a_motion_date_at_the_head_is_no_session(facts_of):
    facts = facts_of("Antrag - 12.04.2021\nEinrichtung eines Seniorenbeirates\n\nDie Sitzung des Rates möge "
                     "beschließen, einen Seniorenbeirat einzurichten.\n")
    assert "meeting" not in facts


def test_a_session_numbered_in_words(facts_of):
    (m,) = facts_of("Die zweite ordentliche Sitzung des Kulturbeirates fand am 3. Mai 2021 statt.")["meeting"]
    assert (m.subject, m.number, m.date.isoformat()) == ("Kulturbeirat", 2, "2021-05-03")


def test_the_next_session_announced_is_a_session_of_the_body_named_before(facts_of):
    facts = facts_of("Der Umweltbeirat beriet über Baumschutz. Die nächste Sitzung findet am 12. Mai 2025 im "
                     "Rathaus statt.")
    (m,) = facts["meeting"]
    assert (m.subject, m.date.isoformat()) == ("Umweltbeirat", "2025-05-12")
    (m,) = facts_of("Der Kreistag tagte. Nächste Plenumssitzung des Seniorenbeirates am Freitag, den "
                    "3. Oktober 2025")["meeting"]
    assert (m.subject, m.date.isoformat()) == ("Seniorenbeirat", "2025-10-03")


def test_a_paper_put_before_a_body_on_a_day_is_its_session(facts_of):
    (m,) = facts_of("Der Entwurf des Spielplatzkonzepts wird am 12. Mai 2026 dem Bauausschuss vorgelegt.")["meeting"]
    assert (m.subject, m.date.isoformat()) == ("Bauausschuss", "2026-05-12")


def test_a_press_release_date_under_its_title_is_no_session(facts_of):
    text = ("Konstituierende Sitzung des Kinderbeirates\n\nMittwoch, 14. Mai 2025\n\nAm 7. Mai 2025 fand im Rathaus "
            "die konstituierende Sitzung des Kinderbeirates statt.\n")
    assert [m.date.isoformat() for m in facts_of(text)["meeting"]] == ["2025-05-07"]


def test_the_date_of_a_statute_setting_up_a_body_is_no_session(facts_of):
    facts = facts_of("Der Bürgermeister möge die Satzung über die Bildung eines Jugendbeirates vom 12.03.2019 "
                     "ändern.")
    assert "meeting" not in facts


def test_a_working_group_meeting_for_the_first_time(facts_of):
    (m,) = facts_of("Der Arbeitskreis Radwege kam am 3. März 2005 zum ersten Mal zusammen.")["meeting"]
    assert (m.subject, m.number, m.date.isoformat()) == ("Arbeitskreis Radwege", 1, "2005-03-03")


def test_the_first_session_of_a_new_term_is_not_the_bodys_first(facts_of):
    (m,) = facts_of("Am 13. März 2024 tagt der Jugendbeirat zum ersten Mal in neuer Besetzung.")["meeting"]
    assert (m.number, m.date.isoformat()) == (None, "2024-03-13")


def test_a_founding_assembly_is_a_session_of_the_body_founded(facts_of):
    (m,) = facts_of("Auf Wunsch der Gemeinde wurde ein Kulturbeirat gegründet. Am 3. Mai 2001 fand die "
                    "Gründungsversammlung statt.")["meeting"]
    assert (m.subject, m.date.isoformat()) == ("Kulturbeirat", "2001-05-03")


def test_a_session_dated_with_vom_and_no_year(facts_of):
    (m,) = facts_of("Der Ortsbeirat beschloss in der Sitzung vom 5. Juli einstimmig den Ausbau.")["meeting"]
    assert (m.subject, m.date, m.detail["month"]) == ("Ortsbeirat", None, "--07-05")


def test_a_letter_dated_with_vom_is_no_session(facts_of):
    assert "meeting" not in facts_of("Das Schreiben vom 5. Juli hat der Ortsbeirat zur Kenntnis genommen.")


@pytest.mark.parametrize("head", [
    "Bauausschuss\n\nDonnerstag, 31. August 2023 , 16:00 Uhr\nRathaus, Marktplatz 1\n",
    "Gemeinde Musterdorf - Bauausschuss (BA)\nDonnerstag, 31. August 2023, 16:00 Uhr\nRathaus\n",
])
def test_the_head_of_a_minutes_page_dates_the_session_of_its_body(facts_of, head):
    (m,) = facts_of(head + "\nTOP 1 Eröffnung\nDer Vorsitzende begrüßt die Anwesenden.")["meeting"]
    assert (m.subject, m.date) == ("Bauausschuss", date(2023, 8, 31))


def test_a_date_line_under_a_sentence_is_no_session_head(facts_of):
    assert "meeting" not in facts_of("Der Bauausschuss berichtet über den Stand.\nDonnerstag, 31. August 2023\n")


def test_a_date_in_the_head_goes_to_the_body_of_its_own_sentence(facts_of):
    text = ("Gründung eines Seniorenbeirates der Stadt Musterhausen\n\n"
            "Erstmals beriet der Sozialausschuss am 14.11.2019 in seiner Sitzung über die Beteiligung "
            "älterer Menschen.")
    assert [(m.subject, m.date) for m in facts_of(text)["meeting"]] == [("Sozialausschuss", date(2019, 11, 14))]


@pytest.mark.parametrize("verb", ["trifft sich", "tritt zu einer Sondersitzung zusammen", "kommt zusammen"])
def test_a_session_announced_in_the_present_tense(facts_of, verb):
    (m,) = facts_of(f"Der Seniorenbeirat {verb} am 4. Mai im Rathaus.")["meeting"]
    assert (m.subject, m.detail["month"]) == ("Seniorenbeirat", "--05-04")


def test_the_first_session_in_a_new_composition_is_not_the_bodys_first(facts_of):
    (m,) = facts_of("In neuer Besetzung kommt der Stadtrat am Mittwoch, 3. Juli 2024, erstmals zusammen.")["meeting"]
    assert (m.number, m.date) == (None, date(2024, 7, 3))


def test_a_report_given_in_a_committee_is_a_session_of_that_committee(facts_of):
    (m,) = facts_of("Der Seniorenbeirat stellte seinen Bericht am 5. Mai 2021 im Sozialausschuss vor.")["meeting"]
    assert (m.subject, m.date) == ("Sozialausschuss", date(2021, 5, 5))


def test_a_paper_discussed_in_two_bodies_on_two_days(facts_of):
    facts = facts_of("Die Vorlage wurde am 3. März 2021 im Bauausschuss und am 15. März 2021 im Stadtrat beraten.")
    assert sorted((m.subject, m.date) for m in facts["meeting"]) == [
        ("Bauausschuss", date(2021, 3, 3)), ("Stadtrat", date(2021, 3, 15))]


def test_two_bodies_met_on_two_days_in_one_sentence(facts_of):
    facts = facts_of("Der Arbeitskreis Verkehr hat sich am 4. Mai 2022 getroffen, die Lenkungsgruppe am 12. Mai 2022.")
    assert sorted((m.subject, m.date) for m in facts["meeting"]) == [
        ("Arbeitskreis Verkehr", date(2022, 5, 4)), ("Lenkungsgruppe", date(2022, 5, 12))]


def test_a_place_that_is_no_body_leaves_the_session_with_its_body(facts_of):
    (m,) = facts_of("Der Seniorenbeirat traf sich am 4. Mai 2021 im Rathaus.")["meeting"]
    assert m.subject == "Seniorenbeirat"


def test_the_council_deciding_after_a_committee_recommended(facts_of):
    facts = facts_of("Auf Empfehlung des Jugendhilfeausschusses vom 4. März 2020 beschloss der Rat am 12. März 2020 "
                     "die Satzung.")
    assert ("Rat", date(2020, 3, 12)) in [(m.subject, m.date) for m in facts["meeting"]]


@pytest.mark.parametrize("text", [
    "Der Ausländerbeirat hat sich durch Beschluss am 09.02.95 folgende Geschäftsordnung gegeben:",
    "Mit Beschluss vom 9. Februar 1995 hat der Ausländerbeirat seine Geschäftsordnung geändert.",
])
def test_a_body_deciding_by_resolution_on_a_day_met_that_day(facts_of, text):
    (m,) = facts_of(text)["meeting"]
    assert (m.subject, m.date) == ("Ausländerbeirat", date(1995, 2, 9))


def test_a_resolution_referred_to_is_no_session_of_the_body_deciding_now(facts_of):
    facts = facts_of("Der Antrag bezieht sich auf den Beschluss vom 4. Mai 2020; der Kreistag hat zugestimmt.")
    assert "meeting" not in facts


def test_a_body_elected_by_the_voters_on_a_day_did_not_meet(facts_of):
    assert "meeting" not in facts_of("Der Integrationsrat wird am 4. Mai 2025 neu gewählt.")


def test_a_body_electing_its_chair_on_a_day_met(facts_of):
    (m,) = facts_of("Die Vorsitzende wurde am 4. Mai 2021 vom Seniorenbeirat gewählt.")["meeting"]
    assert (m.subject, m.date) == ("Seniorenbeirat", date(2021, 5, 4))


def test_a_year_closing_a_sentence_keeps_the_session_with_that_sentences_body(facts_of):
    (m,) = facts_of("Der Seniorenbeirat tagte am 4. Mai 2021. Der Präventionsrat tagte auch.")["meeting"]
    assert (m.subject, m.date) == ("Seniorenbeirat", date(2021, 5, 4))


def test_the_session_of_a_body_of_another_region_keeps_its_region(facts_of):
    text = ("Stadt Musterau\n\nAm 13. Januar 2020 fand die konstituierende Sitzung des Kommunalpräventiven Rates "
            "der Region Talheim statt. Der Präventionsrat in Musterau tagt monatlich.")
    facts = facts_of(text)
    assert [(m.subject, m.date) for m in facts["meeting"]] == [
        ("Kommunalpräventiver Rat der Region Talheim", date(2020, 1, 13))]
    assert "Präventionsrat" in {o.subject for o in facts["organization"]}


@pytest.mark.parametrize("words", ["über die öffentliche Sitzung am", "über die letzte Sitzung vom",
                                   "über die nichtöffentliche Sitzung am"])
def test_minutes_approved_of_an_earlier_session_in_every_inflection(facts_of, words):
    text = f"Sitzung des Kulturausschusses am 31.08.2023\n\nTOP 2 Genehmigung des Protokolls {words} 01.06.2023"
    assert sorted(m.date for m in facts_of(text)["meeting"]) == [date(2023, 6, 1), date(2023, 8, 31)]


@pytest.mark.parametrize("sentence", [
    "Der Wegeausschuss tagte am 9. Sept. 2021 im Feuerwehrhaus.",
    "Die Sitzung des Wegeausschusses am Do., 09.09.2021 begann mit einer Ortsbesichtigung.",
    "Der Wegeausschuss kam am Do 9. Sep. 2021 zusammen.",
])
def test_a_meeting_day_with_its_month_or_weekday_cut_short(facts_of, sentence):
    (m,) = facts_of(sentence)["meeting"]
    assert (m.subject, m.date) == ("Wegeausschuss", date(2021, 9, 9))


@pytest.mark.parametrize("sentence, number, when", [
    ("Der Heimatbeirat kam am 2. Mai 2024 zu seiner vierten Sitzung zusammen.", 4, date(2024, 5, 2)),
    ("Die Mitglieder der Radwegekommission trafen sich am 2. Mai 2024 zu ihrer 7. Sitzung.", 7, date(2024, 5, 2)),
    ("Der Heimatbeirat hat in seiner zweiten ordentlichen Sitzung am 2. Mai 2024 den Haushalt beraten.", 2,
     date(2024, 5, 2)),
    ("Der Heimatbeirat hat sich in seiner fünften Sitzung mit dem Wegekonzept befasst.", 5, None),
])
def test_a_session_the_body_counts_as_its_own_in_words_or_digits(facts_of, sentence, number, when):
    (m,) = facts_of(sentence)["meeting"]
    assert (m.number, m.date) == (number, when)


@pytest.mark.parametrize("sentence", [
    "Am 6. Juni 2024 trat der neu gewählte Heimatbeirat zusammen.",
    "Die im März gebildete Radwegekommission traf sich am 6. Juni 2024 im Bürgerhaus.",
    "Der neue Heimatbeirat tagte am 6. Juni 2024 im Bürgerhaus.",
])
def test_a_body_described_between_its_article_and_its_name_still_acts(facts_of, sentence):
    (m,) = facts_of(sentence)["meeting"]
    assert m.date == date(2024, 6, 6)


def test_a_described_body_a_decision_is_addressed_to_did_not_meet(facts_of):
    facts = facts_of("Am 6. Juni 2024 empfahl der Hauptausschuss dem neu gewählten Heimatbeirat eine Stellungnahme.")
    assert [m.subject for m in facts["meeting"]] == ["Hauptausschuss"]


def test_a_page_head_with_the_hours_as_a_span_and_the_place_after_the_day(facts_of):
    text = "Ergebnisniederschrift\nRadwegekommission\n06.06.2024, 16:30 - 18:15 Uhr, Bürgerhaus Ost\n\nAnwesend: sieben"
    (m,) = facts_of(text)["meeting"]
    assert (m.subject, m.date) == ("Radwegekommission", date(2024, 6, 6))


@pytest.mark.parametrize("verb", ["vorberaten", "erörtert", "diskutiert", "behandelt", "besprochen"])
def test_a_body_that_discussed_a_matter_on_a_day_met_that_day(facts_of, verb):
    (m,) = facts_of(f"Der Wegeausschuss hat den Entwurf am 6. Juni 2024 {verb}.")["meeting"]
    assert (m.subject, m.date) == ("Wegeausschuss", date(2024, 6, 6))


@pytest.mark.parametrize("text", [
    "Die Sitzung Nr. 9 der Radwegekommission fand am 6. Juni 2024 im Bürgerhaus statt.",
    "Protokoll\nüber die öffentliche Sitzung Nr. 9/2024 des Wegeausschusses am 06.06.2024",
])
def test_a_session_numbered_after_the_word(facts_of, text):
    (m,) = facts_of(text)["meeting"]
    assert (m.number, m.date) == (9, date(2024, 6, 6))


@pytest.mark.parametrize("sentence", [
    "Der Wegeausschuss berät am 6. Juni 2024 über den Entwurf.",
    "Der Wegeausschuss empfiehlt am 6. Juni 2024 die Annahme des Entwurfs.",
    "Der Wegeausschuss wird am 6. Juni 2024 über den Entwurf beschließen.",
    "Der Wegeausschuss genehmigte am 6. Juni 2024 den Entwurf.",
    "Der Wegeausschuss wird am 6. Juni 2024 im Rathaus tagen.",
    "Der Wegeausschuss befaßte sich am 6. Juni 2024 mit dem Entwurf.",
])
def test_every_form_of_a_verb_of_deciding_or_meeting_dates_a_session(facts_of, sentence):
    (m,) = facts_of(sentence)["meeting"]
    assert (m.subject, m.date) == ("Wegeausschuss", date(2024, 6, 6))


def test_voters_electing_a_body_on_a_day_are_no_session_of_it(facts_of):
    assert "meeting" not in facts_of("Die Einwohner wählen am 6. Juni 2024 den neuen Heimatbeirat.")


@pytest.mark.parametrize("sentence, body", [
    ("Am 6. Juni 2024 berichtete die Kämmerin den Mitgliedern des Wegeausschusses vom Stand der Arbeiten.",
     "Wegeausschuss"),
    ("Am 6. Juni 2024 informierte das Bauamt den Wegeausschuss über die Kosten.", "Wegeausschuss"),
    ("Die Planerin referierte am 6. Juni 2024 dem Heimatbeirat die Ergebnisse.", "Heimatbeirat"),
])
def test_a_report_given_to_a_body_on_a_day_is_a_session_of_that_body(facts_of, sentence, body):
    (m,) = facts_of(sentence)["meeting"]
    assert (m.subject, m.date) == (body, date(2024, 6, 6))


@pytest.mark.parametrize("sentence", [
    "Am 6. Juni 2024 berichtete die Kämmerin über die Arbeit der Radwegekommission.",
    "Am 6. Juni 2024 berichtete das Bauamt über die Zusammenarbeit mit dem Wegeausschuss.",
])
def test_a_report_about_a_body_is_no_session_of_it(facts_of, sentence):
    assert "meeting" not in facts_of(sentence)


def test_an_invitation_form_further_down_names_a_session_of_its_own(facts_of):
    text = ("Wegeausschuss\nMittwoch, 05.06.2024, 17:00 Uhr\n\n1 Genehmigung der Niederschrift\n"
            "2 Ausbau des Feldweges am Bach\n\n"
            "Einladung\n\nzur: Sitzung des Heimatbeirates\n\nam: Donnerstag, 13.06.2024 um 18:30 Uhr\n\n"
            "im: Bürgerhaus\n")
    got = {(m.subject, m.date) for m in facts_of(text)["meeting"]}
    assert ("Heimatbeirat", date(2024, 6, 13)) in got


def test_a_numbered_session_with_its_day_on_a_labelled_line(facts_of):
    text = ("Anlage 3\n\nSie werden zur 8. Sitzung gebeten.\n\nTagesordnung für die 8. Sitzung des Heimatbeirates\n"
            "Datum: Donnerstag, 13.06.2024\nBeginn: 18:30 Uhr\n")
    assert {(m.number, m.date) for m in facts_of(text)["meeting"]} == {(8, date(2024, 6, 13))}


@pytest.mark.parametrize("text, body", [
    ("Der Heimatbeirat wurde im Frühjahr gewählt. Am 4. März 2024 hat er sich im Bürgerhaus konstituiert.",
     "Heimatbeirat"),
    ("Die Radwegekommission legte ihren Bericht vor. Am 4. März 2024 tagte sie im Bürgerhaus.", "Radwegekommission"),
    ("Im Juni tagte der Heimatbeirat öffentlich. Zuvor, am 4. März 2024, gründete er sich im Bürgerhaus.",
     "Heimatbeirat"),
])
def test_a_pronoun_that_stands_for_the_body_of_the_sentence_before(facts_of, text, body):
    got = {(m.subject, m.date) for m in facts_of(text)["meeting"]}
    assert (body, date(2024, 3, 4)) in got


@pytest.mark.parametrize("text", [
    "Die Kämmerin lobte den Heimatbeirat. Am 4. März 2024 hat sie die Mitglieder geehrt.",
    "Frau Kern leitet die Radwegekommission. Am 4. März 2024 hat sie beschlossen, zurückzutreten.",
])
def test_a_pronoun_for_a_person_or_an_object_is_no_body(facts_of, text):
    assert "meeting" not in facts_of(text)


def test_a_body_meeting_for_the_nth_time_holds_its_nth_session(facts_of):
    (m,) = facts_of("Am 4. März 2024 tagte der Heimatbeirat zum dritten Mal.")["meeting"]
    assert (m.number, m.date) == (3, date(2024, 3, 4))


@pytest.mark.parametrize("sentence, month", [
    ("Der Heimatbeirat tagte Anfang März 2024 im Bürgerhaus.", "2024-03"),
    ("Mitte Mai 2024 fand die Sitzung des Heimatbeirates statt.", "2024-05"),
    ("Der Heimatbeirat hat Ende Juni 2024 beschlossen, ein Heimatfest auszurichten.", "2024-06"),
])
def test_a_session_known_to_a_part_of_its_month(facts_of, sentence, month):
    (m,) = facts_of(sentence)["meeting"]
    assert (m.subject, m.detail["month"]) == ("Heimatbeirat", month)


def test_a_deadline_in_a_month_is_no_session(facts_of):
    assert "meeting" not in facts_of("Bis Mitte Mai 2024 soll der Heimatbeirat seine Sitzung vorbereiten.")


def test_a_calendar_of_sessions_gives_each_row_its_body_and_day(facts_of):
    text = ("Sitzungskalender Juni 2024\n\nDatum | Gremium | Ort\n05.06.2024 | Wegeausschuss | Bürgerhaus\n"
            "13.06.2024 | Heimatbeirat | Rathaus, Saal 2\n\nAlle Sitzungen sind öffentlich.")
    got = {(m.subject, m.date) for m in facts_of(text)["meeting"]}
    assert got == {("Wegeausschuss", date(2024, 6, 5)), ("Heimatbeirat", date(2024, 6, 13))}


def test_a_calendar_row_may_list_several_days_of_one_body(facts_of):
    text = "Übersicht der Sitzungen\nWegeausschuss: 05.06.2024, 04.09.2024\nHeimatbeirat: 13.06.2024\n"
    got = {(m.subject, m.date) for m in facts_of(text)["meeting"]}
    assert got == {("Wegeausschuss", date(2024, 6, 5)), ("Wegeausschuss", date(2024, 9, 4)),
                   ("Heimatbeirat", date(2024, 6, 13))}


def test_days_listed_without_a_year_take_the_year_of_their_heading(facts_of):
    text = "Sitzungstermine des Heimatbeirates 2024:\n- 12. März\n- 4. Juni\n"
    assert sorted(m.date for m in facts_of(text)["meeting"]) == [date(2024, 3, 12), date(2024, 6, 4)]


def test_a_sentence_below_a_heading_of_sessions_is_no_calendar_row(facts_of):
    text = "Sitzungen\n\nDie Vorlage des Bauamtes vom 05.06.2024 liegt dem Wegeausschuss noch nicht vor.\n"
    assert "meeting" not in facts_of(text)


def test_a_month_without_its_year_takes_the_year_of_the_heading_when_the_session_is_past(facts_of):
    facts = facts_of("Tätigkeitsbericht 2023\n\nDer Heimatbeirat tagte im Mai und im Oktober im Bürgerhaus.")
    assert sorted(m.detail["month"] for m in facts["meeting"]) == ["2023-05", "2023-10"]


def test_months_of_sessions_to_come_without_a_year_are_no_meetings(facts_of):
    facts = facts_of("Tätigkeitsbericht 2023\n\nDie Sitzungen des Heimatbeirates finden im Mai und im Oktober statt.")
    assert "meeting" not in facts


@pytest.mark.parametrize("text, number", [
    ("Der Gemeinderat beschloss 2023 die Bildung eines Heimatbeirates. Die erste Sitzung fand am 04.03.2024 statt.", 1),
    ("Der Heimatbeirat hat neun Mitglieder. Seine zweite Sitzung fand am 04.03.2024 im Bürgerhaus statt.", 2),
    ("Der Heimatbeirat hat neun Mitglieder. Die letzte Sitzung war am 04.03.2024.", None),
])
def test_a_session_whose_sentence_names_no_body_is_of_the_body_named_just_before(facts_of, text, number):
    (m,) = [m for m in facts_of(text)["meeting"] if m.subject == "Heimatbeirat"]
    assert (m.number, m.date) == (number, date(2024, 3, 4))


def test_a_session_after_a_paragraph_break_is_not_given_to_the_body_before_it(facts_of):
    facts = facts_of("Der Heimatbeirat hat neun Mitglieder.\n\nDie erste Sitzung fand am 04.03.2024 statt.")
    assert "meeting" not in facts


@pytest.mark.parametrize("line", ["Sitzung: Wegeausschuss, 05.06.2024", "Gremium: Wegeausschuss / Mi., 05.06.2024",
                                  "Sitzung: Wegeausschuss am 5. Juni 2024"])
def test_a_session_given_as_one_field_of_a_form(facts_of, line):
    (m,) = facts_of(f"Beschlussauszug\n{line}\n\nTOP 4 Ausbau des Feldweges")["meeting"]
    assert (m.subject, m.date) == ("Wegeausschuss", date(2024, 6, 5))


@pytest.mark.parametrize("text", [
    "Die Sitzung des Heimatbeirates am 04.03.2024 fällt aus.",
    "Die Sitzung des Heimatbeirates am 04.03.2024 wurde abgesagt.",
    "Die für den 04.03.2024 vorgesehene Sitzung des Wegeausschusses entfällt.",
])
def test_a_session_called_off_is_no_meeting(facts_of, text):
    assert "meeting" not in facts_of(text)


def test_a_session_called_off_in_its_own_clause_leaves_the_one_held(facts_of):
    facts = facts_of("Tätigkeitsbericht 2024\n\nDer Heimatbeirat tagte am 04.03.2024; die Sitzung im Mai fiel aus.")
    assert [(m.date, m.detail.get("month")) for m in facts["meeting"]] == [(date(2024, 3, 4), None)]


def test_a_session_closed_at_its_end_was_held(facts_of):
    (m,) = facts_of("Die Sitzung des Heimatbeirates am 04.03.2024 wurde um 20:10 Uhr aufgehoben.")["meeting"]
    assert m.date == date(2024, 3, 4)


@pytest.mark.parametrize("text", [
    "In der Sitzung des Heimatbeirates am 04.03.2024 fiel die Wahl auf Frau Kern aus dem Ortsteil Au.",
    "In der Sitzung des Heimatbeirates am 04.03.2024 wurde berichtet, dass auf den Beirat 500 Euro entfallen.",
    "Der Heimatbeirat tagte am 04.03.2024, die Sitzung im Mai entfiel.",
])
def test_words_of_calling_off_that_call_off_no_session_held(facts_of, text):
    assert date(2024, 3, 4) in {m.date for m in facts_of(text)["meeting"]}


@pytest.mark.parametrize("text, when", [
    ("Pressemitteilung vom 07.03.2024\n\nDer Heimatbeirat hat in seiner gestrigen Sitzung ein Heimatfest beschlossen.",
     date(2024, 3, 6)),
    ("Pressemitteilung\n07.03.2024\n\nIn ihrer heutigen Sitzung hat die Radwegekommission den Plan beraten.",
     date(2024, 3, 7)),
    ("Musterfeld, den 7. März 2024\n\nDer Wegeausschuss hat am vergangenen Montag getagt.", date(2024, 3, 4)),
    ("Musterfeld, 07.03.2024\n\nDer Wegeausschuss hat gestern den Ausbau des Feldweges beraten.", date(2024, 3, 6)),
])
def test_a_session_told_relative_to_the_day_the_document_is_dated(facts_of, text, when):
    (m,) = facts_of(text)["meeting"]
    assert m.date == when


def test_today_as_nowadays_dates_no_session(facts_of):
    assert "meeting" not in facts_of("Musterfeld, 07.03.2024\n\nDer Heimatbeirat tagt heute noch im alten Rathaus.")


def test_days_in_brackets_after_a_count_are_the_sessions_counted(facts_of):
    facts = facts_of("Der Heimatbeirat hat im Jahr 2023 dreimal getagt (am 12.03., 14.06. und 20.11.2023).")
    assert sorted(m.date for m in facts["meeting"]) == [date(2023, 3, 12), date(2023, 6, 14), date(2023, 11, 20)]


@pytest.mark.parametrize("text", [
    "Im Jahr 2023 fanden drei Sitzungen des Heimatbeirates statt: 12.03.2023, 14.06.2023 und 20.11.2023.",
    "Der Heimatbeirat tagte 2023 an folgenden Terminen: 12.03., 14.06. und 20.11.2023.",
])
def test_days_listed_after_the_colon_of_a_sentence_of_sessions(facts_of, text):
    facts = facts_of(text)
    assert sorted(m.date for m in facts["meeting"]) == [date(2023, 3, 12), date(2023, 6, 14), date(2023, 11, 20)]


def test_days_listed_after_a_colon_that_names_two_bodies_belong_to_neither(facts_of):
    facts = facts_of("Termine des Heimatbeirates und des Wegeausschusses: 12.03.2023, 14.06.2023.")
    assert "meeting" not in facts
