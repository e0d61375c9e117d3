def test_bullets_under_a_body_heading_are_its_topics(facts_of):
    text = "2. Welche Themen wurden 2022 behandelt?\n\nSeniorenbeirat:\n• Barrierefreiheit\n• Wohnen im Alter\n"
    topics = facts_of(text)["topic"]
    assert [(t.subject, t.value, t.year) for t in topics] == [
        ("Seniorenbeirat", "Barrierefreiheit", 2022), ("Seniorenbeirat", "Wohnen im Alter", 2022)]


def test_a_sentence_naming_the_body_introduces_its_topics_even_when_wrapped(facts_of):
    text = "Die Gesundheitskonferenz befasste sich im Jahr 2020\nmit folgenden Themen:\n- Hitzeschutz\n- Impfungen\n"
    topics = facts_of(text)["topic"]
    assert [(t.subject, t.year) for t in topics] == [("Gesundheitskonferenz", 2020)] * 2


def test_working_groups_with_their_focus_topics(facts_of):
    text = ("Im Präventionsrat Ost arbeiten zwei Arbeitsgruppen:\n\nAG Schule:\n• Mobbing\n• Schulweg\n\n"
            "AG Sport:\n• Fanarbeit\n")
    wgs = {f.subject: f for f in facts_of(text)["working_group"]}
    assert wgs["AG Schule"].value == "Präventionsrat Ost" and wgs["AG Schule"].number == 2
    assert wgs["AG Sport"].number == 1 and wgs["AG Sport"].detail["topics"] == ["Fanarbeit"]


def test_lone_bullet_glyphs_of_pdf_text_still_make_items(facts_of):
    text = "Der Jugendbeirat befasste sich 2021 mit diesen Themen:\n•\n\nSkatepark\n\n•\n\nJugendzentrum\n"
    assert [t.value for t in facts_of(text)["topic"]] == ["Skatepark", "Jugendzentrum"]


def test_a_list_of_tasks_is_not_a_list_of_topics(facts_of):
    text = "Der Beirat für Senioren nimmt folgende Aufgaben wahr:\n• Beratung\n• Stellungnahmen\n"
    assert "topic" not in facts_of(text)


def test_bullets_answering_a_themes_question_belong_to_the_body_it_means(facts_of):
    text = ("1. Wie oft tagte der Jugendbeirat 2022?\n\nDer Jugendbeirat tagte viermal.\n\n"
            "2. Welche Themen standen auf seiner Tagesordnung?\n\n• Skatepark\n• Busverbindungen\n")
    topics = facts_of(text)["topic"]
    assert [(t.subject, t.value, t.year) for t in topics] == [("Jugendbeirat", "Skatepark", 2022),
                                                             ("Jugendbeirat", "Busverbindungen", 2022)]
