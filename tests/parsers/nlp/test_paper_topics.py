"""A paper's subject as a topic of each body that consults it, also when a PDF's text ran its form onto one
line. The papers are written for these tests."""

from ratsinfo.parsers.nlp.paper_topics import paper_subject


def test_the_subject_of_a_flattened_form_runs_to_the_next_field():
    text = "Vorlage 12/2022 Betreff: Sanierung der Sporthalle Beschlussvorschlag: Der Rat beschließt die Sanierung."
    title, a, b = paper_subject(text)
    assert title == "Sanierung der Sporthalle" and text[a:b] == title


def test_each_body_of_a_flattened_beratungsfolge_gets_the_subject_in_the_year_of_its_session(facts_of):
    text = ("Drucksache: 123/2021 Fachbereich Bauen Beratungsfolge: Sitzungstermin: Bauausschuss 12.03.2021 "
            "Rat der Gemeinde Talheim 30.03.2022 Betreff: Neubau des Feuerwehrhauses Beschlussvorschlag: Der Rat "
            "beschließt den Neubau.")
    got = {(t.subject, t.value, t.year) for t in facts_of(text)["topic"]}
    assert got == {("Bauausschuss", "Neubau des Feuerwehrhauses", 2021),
                   ("Rat der Gemeinde Talheim", "Neubau des Feuerwehrhauses", 2022)}
