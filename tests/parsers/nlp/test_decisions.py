"""What a body decides, named by a noun of action: the family of nouns in -ung and the few other nouns of
council decisions, not nouns that name the procedure or a law. The sentences are written for these tests."""

import pytest


def topics(facts_of, text: str) -> set[tuple[str | None, str, int | None]]:
    return {(t.subject, t.value, t.year) for t in facts_of(text).get("topic", [])}


@pytest.mark.parametrize(("sentence", "theme", "year"), [
    ("Der Gemeinderat beschloss die Sanierung des Rathauses.", "Sanierung des Rathauses", None),
    ("Der Gemeinderat stimmte der Erweiterung des Kindergartens zu.", "Erweiterung des Kindergartens", None),
    ("Der Gemeinderat hat am 12.05.2022 die Fortschreibung des Lärmaktionsplans beschlossen.",
     "Fortschreibung des Lärmaktionsplans", 2022),
    ("Der Gemeinderat lehnte die Erhöhung der Hundesteuer ab.", "Erhöhung der Hundesteuer", None),
    ("Der Gemeinderat beschloss den Beitritt zum Zweckverband.", "Beitritt zum Zweckverband", None),
])
def test_a_decision_on_an_act_is_a_theme_of_the_deciding_body(facts_of, sentence, theme, year):
    assert topics(facts_of, sentence) == {("Gemeinderat", theme, year)}


@pytest.mark.parametrize("sentence", [
    "Der Gemeinderat beschließt nach der Gemeindeordnung des Landes in der Fassung der Bekanntmachung vom 1.1.2020.",
    "Der Gemeinderat beschloss die Veröffentlichung der Vorlage und die Formulierung des Beschlussentwurfs.",
    "Der Gemeinderat beschloss die Verwaltung mit der Prüfung zu beauftragen.",
])
def test_nouns_of_procedure_and_of_law_name_no_theme(facts_of, sentence):
    assert topics(facts_of, sentence) == set()
