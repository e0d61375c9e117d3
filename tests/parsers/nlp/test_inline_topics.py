"""Themes enumerated inside a sentence, sessions read from a paper's Beratungsfolge and from decisions
named in one word ("Ratsbeschluss vom ...")."""

from datetime import date


def test_themes_enumerated_in_a_sentence_belong_to_the_body_that_speaks(facts_of):
    text = ("Seniorenbeirat\n\nDer Seniorenbeirat diskutiert unter anderem Fragen der Mobilität, "
            "der Pflege sowie der Wohnberatung. Seitens des Beirates gibt es viele Ideen, wie z. B. Bürgerbus, "
            "neue Bänke, Absenkung der Bordsteine, was aber am Geld scheitert.")
    got = [(t.subject, t.value) for t in facts_of(text)["topic"]]
    assert got == [("Seniorenbeirat", "Mobilität"), ("Seniorenbeirat", "Pflege"), ("Seniorenbeirat", "Wohnberatung"),
                   ("Seniorenbeirat", "Bürgerbus"), ("Seniorenbeirat", "Neue Bänke"),
                   ("Seniorenbeirat", "Absenkung der Bordsteine")]


def test_an_example_that_is_no_theme_is_left_alone(facts_of):
    text = "Der Ausschuss für Ordnung tagt. Partnerschaften sind Verträge zwischen z. B. Stadt und Polizei."
    assert "topic" not in facts_of(text)


def test_the_beratungsfolge_dates_each_body_s_session(facts_of):
    text = ("Beschlussvorlage 0815/2024\nBetreff: Spielplatzkonzept\nBeratungsfolge\n| Datum | Gremium | Rolle |\n"
            "| Jugendhilfeausschuss | Vorberatung | 12.03.2024 |\n| Stadtrat | Entscheidung | 21.03.2024 |\n\n"
            "Sachverhalt\nDer Stadtrat hat am 01.01.2020 nichts beschlossen.\n")
    got = {(m.subject, m.date) for m in facts_of(text)["meeting"]}
    assert {("Jugendhilfeausschuss", date(2024, 3, 12)), ("Stadtrat", date(2024, 3, 21))} <= got


def test_a_decision_named_in_one_word_is_a_session_of_that_body(facts_of):
    text = ("Der Stadtrat hat mit den Stadtratsbeschlüssen vom 04.05.2021 und vom 06.07.2022 den Beirat für "
            "Klimaschutz eingerichtet.")
    got = {(m.subject, m.date) for m in facts_of(text)["meeting"]}
    assert got == {("Stadtrat", date(2021, 5, 4)), ("Stadtrat", date(2022, 7, 6))}


def test_a_session_named_in_one_word_or_by_its_minutes_is_a_session(facts_of):
    text = ("Niederschrift über die 4. Sitzung des Ortsrates Talheim am 12.05.2023\n\n"
            "TOP 1 Genehmigung des Protokolls über die Sitzung am 14.03.2023\n"
            "Der Ortsrat nimmt Kenntnis. Der Bürgermeister lädt zur Ortsratssitzung am Montag, den 3. Juli 2023 ein.")
    got = {(m.subject, m.date) for m in facts_of(text)["meeting"]}
    assert {("Ortsrat Talheim", date(2023, 3, 14)), ("Ortsrat Talheim", date(2023, 7, 3))} <= got


def test_a_body_to_be_set_up_is_a_theme_of_the_council_that_decides_it(facts_of):
    text = ("Antrag zur Sitzung der Gemeindevertretung am 3. März 2025\n\nDie Gemeindevertretung beschließt, "
            "einen ehrenamtlichen Jugendbeirat gemäß § 8c HGO einzurichten. Es wird ferner ein Arbeitskreis "
            "gebildet. Der Jugendbeirat wurde in Nachbarorten oft gelobt.")
    got = {(t.subject, t.value, t.year) for t in facts_of(text)["topic"]}
    assert got == {("Gemeindevertretung", "Einrichtung eines Jugendbeirates", 2025),
                   ("Gemeindevertretung", "Bildung eines Arbeitskreises", 2025)}


def test_the_date_of_a_statute_for_a_body_is_no_session_of_it(facts_of):
    text = ("Satzung für den Sportbeirat der Stadt Talheim\nvom 12. Oktober 2022\n\nStadtratsbeschluss: 05.10.2022\n"
            "§ 1 Der Sportbeirat berät den Stadtrat.")
    got = {(m.subject, m.date) for m in facts_of(text)["meeting"]}
    assert got == {("Stadtrat", date(2022, 10, 5))}


def test_projects_listed_after_sind_with_semicolons_keep_their_commas(facts_of):
    text = ("Der Seniorenbeirat tagte im Mai. Die Projekte, die der Seniorenbeirat im Jahr 2022 begonnen hat, sind: "
            "Bürgerbus; Sitzbänke am Markt; Lesepaten für Kita, Schule und Bücherei.")
    got = [(t.subject, t.value, t.year) for t in facts_of(text)["topic"]]
    assert got == [("Seniorenbeirat", "Bürgerbus", 2022), ("Seniorenbeirat", "Sitzbänke am Markt", 2022),
                   ("Seniorenbeirat", "Lesepaten für Kita, Schule und Bücherei", 2022)]


def test_a_session_and_its_date_may_stand_between_befasste_sich_and_the_theme(facts_of):
    text = "Der Sportbeirat befasste sich in seiner Sitzung am 4. Mai 2023 mit der Sanierung der Turnhalle."
    assert [(t.subject, t.value, t.year) for t in facts_of(text)["topic"]] == [
        ("Sportbeirat", "Sanierung der Turnhalle", 2023)]


def test_the_focal_points_of_a_body_named_in_the_genitive(facts_of):
    text = "Schwerpunkte der Arbeit des Umweltbeirats sind Artenschutz, Stadtgrün und Wasser."
    assert [(t.subject, t.value) for t in facts_of(text)["topic"]] == [
        ("Umweltbeirat", "Artenschutz"), ("Umweltbeirat", "Stadtgrün"), ("Umweltbeirat", "Wasser")]


def test_a_passive_at_the_head_of_the_sentence_names_the_themes_after_it(facts_of):
    text = ("Der Verkehrsausschuss tagte am 5. Mai 2022. Beraten wurde auch über die Parkgebühren. "
            "Diskutiert wurden die Tempo-30-Zonen.")
    assert [(t.subject, t.value) for t in facts_of(text)["topic"]] == [
        ("Verkehrsausschuss", "Parkgebühren"), ("Verkehrsausschuss", "Tempo-30-Zonen")]
