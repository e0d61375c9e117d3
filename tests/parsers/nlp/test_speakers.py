"""Persons named as the ones who report, explain or ask in minutes and press texts (sentences written for these
tests)."""

from ratsinfo.parsers.nlp.speakers import speaking_persons


def names(text: str) -> list[str]:
    return [name for _a, _b, name, _role, _t in speaking_persons(text)]


def test_a_first_named_person_before_or_after_a_verb_of_reporting_is_a_speaker():
    text = ("Zu Beginn berichtete Anna Beispiel über die Ferienspiele. Jonas Muster erläutert den Haushalt, "
            "Hans Peter Probe fragte nach den Kosten. „Das freut uns sehr“, so Clara Quell.")
    assert names(text) == ["Anna Beispiel", "Jonas Muster", "Hans Peter Probe", "Clara Quell"]


def test_an_office_before_the_name_is_left_to_the_office_readers():
    assert names("Bürgermeisterin Clara Probe begrüßte die Gäste.") == ["Clara Probe"]


def test_words_that_do_not_start_with_a_first_name_are_no_speaker():
    text = ("Die Stadt Musterstadt informiert über den Winterdienst. Danach berichtete Grüne Liste über den Antrag. "
            "Anschließend stellte Kulturamt Nord die Planung vor. Die Sitzung schloss um 20 Uhr.")
    assert names(text) == []


def test_names_of_any_language_in_latin_letters_lead_a_speaker():
    assert names("Ayşe Çelik berichtete vom Jugendforum, danach fragte Łukasz Kowalski nach.") == [
        "Ayşe Çelik", "Łukasz Kowalski"]


def test_a_speaker_reaches_the_extracted_persons_without_an_office(facts_of):
    got = {(p.subject, p.value) for p in facts_of("Im Anschluss erläuterte Ortrud Beispiel das Konzept.")["person"]}
    assert got == {("Ortrud Beispiel", None)}
