"""The family of verbs that say a body dealt with a theme: each form finds its theme, and the near forms that
say something else (advice, a motion's aims, a word before a preposition) find none. The sentences are
written for these tests."""

import pytest


def topics(facts_of, text: str) -> set[tuple[str | None, str, int | None]]:
    return {(t.subject, t.value, t.year) for t in facts_of(text).get("topic", [])}


@pytest.mark.parametrize(("sentence", "theme"), [
    ("In der Sitzung des Bauausschusses ging es um die Sanierung der Stadthalle.", "Sanierung der Stadthalle"),
    ("Der Bauausschuss informierte sich über den Ausbau der Kita am Weiher.", "Ausbau der Kita am Weiher"),
    ("Der Bauausschuss tauschte sich über die Sprachkurse aus.", "Sprachkurse"),
    ("Der Bauausschuss diskutierte lebhaft über die Erweiterung des Friedhofs.", "Erweiterung des Friedhofs"),
    ("Der Bauausschuss thematisierte die Barrierefreiheit am Bahnhof.", "Barrierefreiheit am Bahnhof"),
    ("Der Bauausschuss besprach ausführlich den Haushaltsentwurf.", "Haushaltsentwurf"),
    ("Im Bauausschuss stand die Wohnraumförderung auf der Agenda.", "Wohnraumförderung"),
    ("Ein weiteres Thema im Bauausschuss war der Zustand der Feldwege.", "Zustand der Feldwege"),
    ("Weiterer Punkt auf der Tagesordnung des Bauausschusses war die Sanierung der Brücke.", "Sanierung der Brücke"),
    ("Breiten Raum nahm im Bauausschuss die Debatte über den Haushalt ein.", "Haushalt"),
    ("Ebenfalls beraten wurde im Bauausschuss die Grundsteuerreform.", "Grundsteuerreform"),
])
def test_each_verb_of_the_family_names_the_theme_of_the_body_in_its_sentence(facts_of, sentence, theme):
    assert topics(facts_of, sentence) == {("Bauausschuss", theme, None)}


def test_an_agenda_or_a_sentence_of_themes_enumerates_them(facts_of):
    text = ("Auf der Agenda des Jugendbeirates standen der Skatepark, die Buslinie und das Sommerfest. "
            "Weitere Themen im Kulturausschuss waren der Stadtschreiber und die Musikschule.")
    assert topics(facts_of, text) == {("Jugendbeirat", "Skatepark", None), ("Jugendbeirat", "Buslinie", None),
                                      ("Jugendbeirat", "Sommerfest", None),
                                      ("Kulturausschuss", "Stadtschreiber", None),
                                      ("Kulturausschuss", "Musikschule", None)}


def test_a_year_inside_the_theme_is_no_year_of_the_session(facts_of):
    assert topics(facts_of, "Der Hauptausschuss diskutierte den Stellenplan 2025.") == \
        {("Hauptausschuss", "Stellenplan 2025", None)}


@pytest.mark.parametrize("sentence", [
    "Der Seniorenbeirat berät die Organe der Gemeinde in allen Fragen des Alters.",  # advice, not a theme
    "Der Seniorenbeirat diskutiert mit dem Alter zusammenhängende Grundfragen.",  # a preposition follows
    "Dem Seniorenbeirat geht es um die Sicherheit der Fußwege.",  # the aims of a motion or a body, in the present
])
def test_near_forms_that_say_something_else_name_no_theme(facts_of, sentence):
    assert topics(facts_of, sentence) == set()


def test_themes_of_the_body_whose_dated_meeting_the_page_announces_have_the_meeting_s_year(facts_of):
    text = ("Talheim. Der Gemeinderat tagt am Donnerstag, 18. Mai 2023, um 19 Uhr im Rathaus. Auf der "
            "Tagesordnung stehen unter anderem der Neubau des Bauhofs und die Kalkulation der Abwassergebühren. "
            "Der Seniorenbeirat befasst sich mit dem Bürgerbus.")
    assert topics(facts_of, text) == {("Gemeinderat", "Neubau des Bauhofs", 2023),
                                      ("Gemeinderat", "Kalkulation der Abwassergebühren", 2023),
                                      ("Seniorenbeirat", "Bürgerbus", None)}


def test_a_theme_named_without_a_body_or_session_dealing_with_it_is_no_topic(facts_of):
    text = ("Der Kulturausschuss tagte im Rathaus.\n\nDie Bücherei lädt Kinder ein. Seit Jahren würden Kinder so an "
            "das Thema Lesen herangeführt.\n\nIn der Sitzung stand das Thema Wohnen im Mittelpunkt.")
    assert topics(facts_of, text) == {("Kulturausschuss", "Wohnen", None)}


def test_a_quoted_theme_after_thematik_belongs_to_the_body_that_decided_on_it(facts_of):
    text = ("Der Rat der Stadt Talheim hat am 12.05.2021 beschlossen, dass die Beratung der Thematik "
            "\u201eSchulwegsicherheit\u201c im Bauausschuss erfolgen soll.")
    assert ("Rat der Stadt Talheim", "Schulwegsicherheit", 2021) in topics(facts_of, text)


@pytest.mark.parametrize(("sentence", "owner"), [
    ("Der Gemeinderat folgte der Empfehlung des Bauausschusses und befasste sich mit dem Bürgerbus.", "Gemeinderat"),
    ("Auf Anregung des Seniorenbeirates befasste sich der Sozialausschuss mit dem Bürgerbus.", "Sozialausschuss"),
    ("Nach einem Bericht des Seniorenbeirates sprach der Sozialausschuss ausführlich über den Bürgerbus.",
     "Sozialausschuss"),
])
def test_the_theme_goes_to_the_body_of_its_own_clause_not_to_one_in_the_genitive(facts_of, sentence, owner):
    assert topics(facts_of, sentence) == {(owner, "Bürgerbus", None)}


def test_a_quoted_name_a_web_page_spaced_and_a_gender_colon_stay_one_theme_beside_the_next(facts_of):
    text = ("Der Jugendbeirat tagt heute. Auf der Tagesordnung stehen der \u201e Schüler :innen-Zeitung\u201c "
            "sowie Berichte aus den Arbeitsgruppen, die sich auch mit dem Stadtfest befassen wollen.")
    got = topics(facts_of, text)
    assert {("Jugendbeirat", "Schüler:innen-Zeitung", None),
            ("Jugendbeirat", "Berichte aus den Arbeitsgruppen", None)} <= got
