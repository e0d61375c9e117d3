"""Persons named one after the other in running text (sentences written for these tests)."""

from ratsinfo.parsers.nlp.enumerations import enumerated_persons


def persons(text: str) -> list[tuple[str, str | None]]:
    return [(name, role) for _a, _b, name, role, _t in enumerated_persons(text)]


def test_every_first_named_item_of_an_enumeration_is_a_person():
    text = "Zur Sitzung kamen Anna Beispiel, Jonas Muster und Dr. Paul Quell sowie später Lena Anders."
    assert persons(text) == [("Anna Beispiel", None), ("Jonas Muster", None), ("Dr. Paul Quell", None)]


def test_an_enumeration_with_an_item_that_is_no_first_named_name_is_no_list_of_persons():
    text = "Gefördert werden die Stadt Musterstadt und Karl Marx, Clara Probe und der Kreis Musterland."
    assert persons(text) == []


def test_offices_named_in_turn_before_the_list_go_to_the_names_in_turn():
    text = ("Vorsitzende und stellvertretender Vorsitzender waren bzw. sind:\nab 1. März 2019:\n"
            "Anna Beispiel und Jonas Muster\n\nab 2. April 2023:\nClara Probe und Paul Quell\n")
    assert persons(text) == [("Anna Beispiel", "Vorsitzende"), ("Jonas Muster", "stellvertretender Vorsitzender"),
                             ("Clara Probe", "Vorsitzende"), ("Paul Quell", "stellvertretender Vorsitzender")]


def test_enumerated_persons_reach_the_extracted_persons(facts_of):
    got = {(p.subject, p.value) for p in facts_of("Es berichten Ortrud Beispiel und Gunhild Muster.")["person"]}
    assert got == {("Ortrud Beispiel", None), ("Gunhild Muster", None)}
