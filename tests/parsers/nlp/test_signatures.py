"""Signatures, addressees and full names in running text (letters and minutes written for these tests)."""

from ratsinfo.parsers.nlp.signatures import signed_persons


def persons(facts_of, text: str) -> set[tuple[str, str | None]]:
    return {(p.subject, p.value) for p in facts_of(text).get("person", [])}


def test_a_name_line_with_the_office_under_it_is_a_signature(facts_of):
    text = ("Ich bitte um schriftliche Beantwortung.\n\nAnna Beispiel\n\nStellv.Fraktionsvorsitzende\n"
            "Fraktion Musterliste\n\nMit freundlichen Grüßen\ngez. Clara Probe\nBürgermeisterin\n")
    assert persons(facts_of, text) == {("Anna Beispiel", "stellvertretende Fraktionsvorsitzende"),
                                       ("Clara Probe", "Bürgermeisterin")}


def test_the_office_above_a_form_of_address_is_the_addressees(facts_of):
    text = ("Adressat\n\nOberbürgermeister\n\nHerrn Dr. Jonas Muster\n\nKurztitel\nLärmschutz am Musterweg\n\n"
            "Sehr geehrter Herr Oberbürgermeister,\nwir fragen an:")
    assert persons(facts_of, text) == {("Dr. Jonas Muster", "Oberbürgermeister")}


def test_full_names_in_running_text_without_address_office_party_verb_or_signature_are_left_alone(facts_of):
    text = ("Zu Beginn merkte Hubert Beispiel an, dass zwei Niederschriften fehlen. Die Sophie Scholl Schule "
            "und die Karl Marx Straße liegen im Gebiet. Dem stimmte Petra Muster (FWG) zu.")
    # the party makes her a councillor, office unsaid; he is the one who remarks (a verb of reporting)
    assert persons(facts_of, text) == {("Petra Muster", None), ("Hubert Beispiel", None)}


def test_role_lines_of_an_attendance_list_are_no_signatures():
    text = "Anwesend sind:\n\nMitglied des Gremiums\nBernd Beispiel\n\nMitglied des Gremiums\nKarin Muster\n"
    listed = [(text.index("Bernd"), text.index("Bernd") + 14, "Bernd Beispiel", "Mitglied des Gremiums", "")]
    assert all(role is None for _a, _b, _n, role, _t in signed_persons(text, [(a, b) for a, b, *_ in listed]))


def test_a_signature_under_im_auftrag_keeps_the_office_on_the_line_below_the_name(facts_of):
    text = ("Die Verwaltung empfiehlt die Annahme.\n\nMit freundlichen Grüßen\nIm Auftrag\n\nKarin Muster\n"
            "Sachgebietsleiterin\n")
    assert persons(facts_of, text) == {("Karin Muster", "Sachgebietsleiterin")}


def test_an_office_and_its_department_under_a_signature_are_no_second_person(facts_of):
    text = ("Die Verwaltung nimmt wie folgt Stellung.\n\nMit freundlichen Grüßen\n\nJonas Achterberg\n"
            "Fachbereichsleiter Finanzen\n\nAmtsleiterin Soziales Merle Quandt berichtet.")
    got = {(p.subject, p.value) for p in facts_of(text).get("person", [])}
    assert ("Jonas Achterberg", "Fachbereichsleiter") in got
    assert not {name for name, _role in got if name in ("Finanzen", "Soziales", "Soziales Merle Quandt")}


def test_a_signature_whose_line_breaks_were_lost_names_the_signer_and_the_office_after_the_name(facts_of):
    text = ("Wir bitten um Ihre Zustimmung. Mit freundlichen Grüßen gez. Anna Beispiel Bürgermeisterin Anlage: Plan "
            "Für die Richtigkeit: gez. Probe Schriftführer")
    assert persons(facts_of, text) == {("Anna Beispiel", "Bürgermeisterin"), ("Probe", "Schriftführer")}


def test_words_of_signing_before_no_name_give_no_person(facts_of):
    text = "Mit freundlichen Grüßen Ihre Stadtverwaltung. gez. Unterschrift"
    assert persons(facts_of, text) == set()
