"""What a name looks like: particles, double names broken by a PDF line, degrees, first names (own examples)."""

import re

from ratsinfo.parsers.nlp.names import alternation, clean_name, gender


def persons(facts_of, text: str) -> set[tuple[str, str | None]]:
    return {(p.subject, p.value) for p in facts_of(text).get("person", [])}


def test_particles_belong_to_a_name_after_a_first_name_or_a_form_of_address(facts_of):
    text = ("Herr van der Beek eröffnet die Sitzung. Es berichtet Ratsfrau Natalie von Hagenau. "
            "Frau Bartels de Souza (Elternvertretung) fragt nach.")
    assert persons(facts_of, text) == {("van der Beek", None), ("Natalie von Hagenau", "Ratsfrau"),
                                       ("Bartels de Souza", None)}


def test_von_der_after_a_surname_names_where_the_person_comes_from():
    assert clean_name("Muster von der Presse", addressed=True) == "Muster"
    assert clean_name("Otmar Quell von der Energieagentur", addressed=True) == "Otmar Quell"
    assert clean_name("von Musterstadt") is None  # "Bürgermeister von Musterstadt"


def test_degrees_and_a_double_name_broken_after_its_hyphen(facts_of):
    text = "Besonders begrüßt er Herrn Dipl.-Ing. (FH) Otmar Beispiel. Den Vorsitz führt Frau Britta Probe- Muster."
    assert persons(facts_of, text) == {("Otmar Beispiel", None), ("Britta Probe-Muster", "Vorsitzende")}


def test_an_office_alone_after_a_form_of_address_is_no_name():
    assert clean_name("Oberbürgermeister", addressed=True) is None
    assert clean_name("Meister", addressed=True) == "Meister"  # a surname that is also a word


def test_first_names_tell_the_gender_and_match_as_one_pattern():
    assert gender("Heike Beispiel") == "f" and gender("Jonas Beispiel") == "m" and gender("Beispiel") is None
    pattern = re.compile(alternation(["Anna", "Andrea", "Ann", "Bernd"]) + r"\b")
    assert [m.group(0) for m in pattern.finditer("Ann, Anna, Annika, Andrea und Bernd")] == ["Ann", "Anna", "Andrea",
                                                                                           "Bernd"]


def test_austrian_titles_without_a_dot_stand_before_the_name_but_are_no_part_of_it(facts_of):
    text = ("Anwesend waren:\n\n1.)      Bürgermeister        OSR Hermann Anwander\n\n"
            "2.)      Gemeinderat          DI Jonas Achterberg\n\n3.)      Gemeinderätin        MMag. Merle Quandt\n")
    assert persons(facts_of, text) == {("Hermann Anwander", "Bürgermeister"), ("Jonas Achterberg", "Gemeinderat"),
                                       ("Merle Quandt", "Gemeinderätin")}


def test_the_wider_first_names_leave_out_german_words_particles_and_short_names():
    from ratsinfo.parsers.nlp.lexicon import faker_first_names
    from ratsinfo.parsers.nlp.names import first_names

    wider = faker_first_names()
    assert len(wider) > 2000 and wider["Gunhild"] == "f"
    assert {"Romane", "Van", "Jo"} <= set(wider)  # a plural noun, a particle and a two-letter name
    names = first_names()
    assert "Gunhild" in names and "Ortrud" in names
    assert not {"Romane", "Van", "Jo"} & set(names)


def test_the_first_names_are_kept_in_the_cache_folder_and_read_back_alike(tmp_path, monkeypatch):
    from ratsinfo.parsers.nlp import names

    monkeypatch.setenv("RATSINFO_CACHE_DIR", str(tmp_path))
    built = names.first_names.__wrapped__()  # builds the table and keeps it
    kept = list(tmp_path.glob("first-names-*.json"))
    assert len(kept) == 1 and names.first_names.__wrapped__() == built  # read back from the kept file
    assert built["Ayşe"] == "f" and "Łukasz" in built  # names of the wider languages


def test_a_kept_table_that_cannot_be_read_is_built_again(tmp_path, monkeypatch):
    from ratsinfo.parsers.nlp import names

    monkeypatch.setenv("RATSINFO_CACHE_DIR", str(tmp_path))
    (tmp_path / f"first-names-{names._sources_key()}.json").write_text("{cut short", "utf-8")
    assert names.first_names.__wrapped__()["Gunhild"] == "f"


def test_a_text_names_someone_when_a_known_first_name_stands_in_it_even_beside_punctuation():
    from ratsinfo.parsers.nlp.names import names_someone

    assert names_someone("Es berichtete (Anna Beispiel) über den Stand.")
    assert names_someone("Die Liste: Beispiel, Karl-Heinz; Muster, Łukasz.")
    assert not names_someone("Der Beirat tagte am 4. Mai 2023 im Rathaus und beriet über den Haushalt.")
