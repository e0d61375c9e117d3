from datetime import date


def test_persons_with_role_before_or_after_the_name(facts_of):
    text = ("Frau Erste Stadträtin Dr. Maria Keller eröffnete. Herrn Jonas Weber, Geschäftsführer des "
            "Präventionsrates, dankte sie. Bürgermeister Weber ergänzte.")
    persons = {(p.subject, p.value): p for p in facts_of(text)["person"]}
    assert set(persons) == {("Dr. Maria Keller", "Erste Stadträtin"), ("Jonas Weber", "Geschäftsführer"),
                            ("Jonas Weber", "Bürgermeister")}  # the surname alone is the same person, in a new role
    assert persons[("Jonas Weber", "Geschäftsführer")].detail["organization"] == "Präventionsrat"


def test_role_abbreviations_and_attendance_lists(facts_of):
    text = ("Anwesend:\nVorsitz\nAnna Beispiel\nMitglieder\nKarl Muster\nPaula Probe\n\n"
            "BM Huber eröffnet. Vors. Wahlers dankt. Herr Fehmer fragt nach. Ratsherr Ady, Vorsitzender, schließt.")
    got = {(p.subject, p.value) for p in facts_of(text)["person"]}
    assert got == {("Anna Beispiel", "Vorsitz"), ("Karl Muster", "Mitglied"), ("Paula Probe", "Mitglied"),
                   ("Huber", "Bürgermeister"), ("Wahlers", "Vorsitzender"), ("Fehmer", None),
                   ("Ady", "Ratsherr")}


def test_roles_given_in_a_sentence(facts_of):
    text = ("Die anwesenden Mitglieder des Seniorenbeirates Anna Beispiel, Karl Muster und Paula Probe berichten. "
            "Laut Herrn Lehmann von der CDU-Fraktion fehlt ein Konzept. Frau Schulz von der Fraktion Die Grünen "
            "widerspricht. Anschließend wird Ratsherr Otto Sommer zum stellvertretenden Vorsitzenden gewählt. "
            "Als Sprecher wurde Jan Winter gewählt. Im ersten Jahr ist Lea Herbst die neue Vorsitzende.")
    got = {(p.subject, p.value) for p in facts_of(text)["person"]}
    assert {("Anna Beispiel", "Mitglied"), ("Karl Muster", "Mitglied"), ("Paula Probe", "Mitglied"),
            ("Lehmann", "Mitglied der CDU-Fraktion"), ("Schulz", "Mitglied der Fraktion Die Grünen"),
            ("Otto Sommer", "stellvertretender Vorsitzender"), ("Jan Winter", "Sprecher"),
            ("Lea Herbst", "Vorsitzende")} <= got
    assert all(role for _name, role in got)


def test_paper_references_with_and_without_dates(facts_of):
    text = "Gemäß Vorlage V-554/10 vom 20.10.2010, der Drucksache 1265/II und DS 2015/0112."
    refs = facts_of(text)["paper_reference"]
    assert [(r.subject, r.date) for r in refs] == [("V-554/10", date(2010, 10, 20)), ("1265/II", None),
                                                  ("2015/0112", None)]


RULES = """Geschäftsordnung des Seniorenbeirates

§ 1 Mitglieder
Der Seniorenbeirat setzt sich zusammen aus:
den Vertretern der Seniorenclubs,
je einem Mitglied jeder Fraktion,
der Seniorenbeauftragten.

§ 2 Vorsitz
Den Vorsitz haben die Sprecherin des Beirates und der Bürgermeister inne.

§ 3 Sitzungen
Der Seniorenbeirat tagt mindestens viermal im Jahr. Anträge zur Tagesordnung sind bis zehn Tage vor der
Sitzung einzureichen. Die Einladung erfolgt per E-Mail mit einer Frist von zwei Wochen.
Die Sitzungen sind öffentlich.
§ 4 Niederschrift
Die Niederschrift geht den Mitgliedern spätestens vier Wochen nach der Sitzung zu.
§ 5 Verschwiegenheit
Die Mitglieder sind zur Verschwiegenheit verpflichtet.
"""


def test_rules_of_procedure_from_paragraphs(facts_of):
    rules = {f.qualifier: f for f in facts_of(RULES)["rule"]}
    assert {r.subject for r in rules.values()} == {"Seniorenbeirat"}
    assert rules["meeting_frequency"].number == 4
    assert rules["agenda_deadline"].number == 10
    assert rules["invitation_notice"].number == 14 and "per e-mail" in rules["invitation_notice"].value
    assert rules["minutes_deadline"].number == 28
    assert rules["public"].value == "öffentlich"
    assert rules["meeting_frequency"].value == "viermal im Jahr (mindestens 4-mal pro Jahr)"
    assert rules["confidentiality"].number == 1
    assert rules["chairs"].number == 2
    assert rules["composition"].number == 3


def test_rule_spans_point_into_the_text(facts_of):
    for f in facts_of(RULES)["rule"]:
        assert RULES[f.start:f.end].strip() == f.text


def test_rules_of_procedure_in_running_text(facts_of):
    text = ("Der Seniorenbeirat besteht aus 9 gewählten Mitgliedern. Sie werden für die Dauer von fünf Jahren "
            "gewählt. Wählbar ist, wer das 60. Lebensjahr vollendet hat. Die Sitzungen sind öffentlich.")
    rules = {(f.subject, f.qualifier, f.number) for f in facts_of(text)["rule"]}
    assert rules == {("Seniorenbeirat", "composition", 9), ("Seniorenbeirat", "term_of_office", 5),
                     ("Seniorenbeirat", "minimum_age", 60), ("Seniorenbeirat", "public", 1)}


def test_topics_a_body_decided_on(facts_of):
    text = "Der Gemeinderat stimmt am 12.05.2022 der Einrichtung eines Seniorenrates zu."
    (t,) = facts_of(text)["topic"]
    assert (t.subject, t.value, t.year) == ("Gemeinderat", "Einrichtung eines Seniorenrates", 2022)


def test_the_founding_date_of_a_body_as_precise_as_the_text(facts_of):
    got = {(f.subject, f.qualifier, f.value) for f in facts_of(
        "Der Präventionsrat wurde im Jahr 1994 gegründet. Im Februar 2014 hat der Gestaltungsbeirat seine Arbeit "
        "aufgenommen.")["rule"]}
    assert got == {("Präventionsrat", "founding_date", "1994"), ("Gestaltungsbeirat", "founding_date", "2014-02")}


def test_a_founding_decided_or_built_up_gives_the_date_to_the_body_founded(facts_of):
    got = {(f.subject, f.qualifier, f.value) for f in facts_of(
        "Der Stadtrat hat in seiner Sitzung vom 04.03.2020 die Einrichtung eines Jugendbeirates beschlossen. "
        "Im Jahr 2017 wurde mit Hilfe des Kreistages eine Gesundheitskonferenz aufgebaut. "
        "Die Einrichtung eines Seniorenbeirates wird 2025 geprüft.")["rule"]
        if f.qualifier == "founding_date"}
    assert got == {("Jugendbeirat", "founding_date", "2020-03-04"), ("Gesundheitskonferenz", "founding_date", "2017")}


def test_a_person_with_two_roles_is_one_record(facts_of):
    got = facts_of("Vorsitzender, Ratsherr Ady, eröffnet. Vorsitzender Ady schließt die Sitzung.")
    assert {(f.subject, f.value) for f in got["person"]} == {("Ady", "Ratsherr"), ("Ady", "Vorsitzender")}
    assert [p.key for p in got["_result"].persons] == ["person:local:ady"]


def test_surnames_that_look_like_nouns_and_names_written_surname_first(facts_of):
    text = ("Anwesend sind:\nBezirksratsherr Hartung (CDU)\n(Bezirksratsfrau Böhning) (SPD)\n"
            "Die Ausschreibung wird beraten.\n\nVerfasser:Winter, Jana - Tel.: 1234\n")
    got = {(p.subject, p.value) for p in facts_of(text)["person"]}
    assert got == {("Hartung", "Bezirksratsherr"), ("Böhning", "Bezirksratsfrau"), ("Jana Winter", "Verfasser")}
