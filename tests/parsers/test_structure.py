from datetime import date

from ratsinfo.parsers.structure import (
    extract_questions,
    find_annex,
    find_references,
    parse_date_de,
    split_consultation,
)

INQUIRY = """Sachverhalt

1. Wie oft hat der Seniorenbeirat im Jahr 2022
getagt?

Der Beirat kam sechsmal zusammen.

2. Welche Themen wurden beraten?

3. Sitzung zum Haushalt
12. Sitzung zur Mobilität

3. Wer leitet den Beirat?
Die Vorsitzende Frau Keller.
"""


def test_numbered_questions_are_found_in_order_even_when_wrapped():
    qas = extract_questions(INQUIRY)
    assert [q.number for q in qas] == [1, 2, 3]
    assert qas[0].question == "Wie oft hat der Seniorenbeirat im Jahr 2022 getagt?"
    assert qas[2].question == "Wer leitet den Beirat?"


def test_numbered_lines_inside_an_answer_stay_in_the_answer():
    qas = extract_questions(INQUIRY)
    assert "12. Sitzung zur Mobilität" in qas[1].answer
    assert "3. Sitzung zum Haushalt" in qas[1].answer
    assert qas[0].answer == "Der Beirat kam sechsmal zusammen."


def test_answer_spans_point_at_the_answer_text():
    qas = extract_questions(INQUIRY)
    assert INQUIRY[qas[0].a_start:qas[0].a_end] == qas[0].answer
    assert INQUIRY[qas[2].q_start:qas[2].q_end] == "Wer leitet den Beirat?"


def test_numbered_statements_without_question_marks_are_not_questions():
    assert extract_questions("1. Keine Vermietung mehr.\n2. Das Programm bleibt.\n") == []


def test_an_annex_names_its_paper_in_its_first_lines():
    assert find_annex("Anlage 2 zur Vorlage DS 2021/0133\nSatzung") == ("2", "2021/0133")
    assert find_annex("Anlage 1 zu V0220/25\n\nGeschäftsordnung") == ("1", "V0220/25")
    assert find_annex("Der Rat beschließt.\nAnlage 1 zu V1/2 steht unten\n" + "x\n" * 10) is not None
    assert find_annex("Bericht\n" * 10 + "Anlage 1 zu V0220/25") is None


def test_references_with_dates_are_found():
    refs = find_references("gemäß Vorlage V-554/10 vom 20.10.2010 und Drucksache 1265/II")
    assert refs[0][:2] == ("V-554/10", date(2010, 10, 20))
    assert refs[1][0] == "1265/II" and refs[1][1] is None


def test_references_are_found_however_the_paper_and_its_number_are_introduced():
    text = ("Mitteilungsvorlage - 2024/0117/2.1\nVerwaltungsvorlagen-Nummer: 88/25\n"
            "wie in der Drucksachennummer: XII/0412 beschrieben. Dazu liegt Antrag Nr. 41/2024 v. 03.05.2024 vor. "
            "Der Kreistag hat mit Beschluss vom 14.02.2022 – KT/0099/2022 zugestimmt.\n"
            "| 3 | Neubau der Mensa | BA2-017/24 |\n| 4 | Verschiedenes | |\n")
    refs = [r[:2] for r in find_references(text)]
    assert refs == [("2024/0117/2.1", None), ("88/25", None), ("XII/0412", None), ("41/2024", date(2024, 5, 3)),
                    ("KT/0099/2022", date(2022, 2, 14)), ("BA2-017/24", None)]


def test_dates_and_plain_numbers_are_no_references():
    text = ("Antrag- 05.06.2023 zur Gründung. Die Vorlage 3 wurde vertagt. vom 01.02.2020 – 12 Stimmen dafür.\n"
            "| 5 | Bericht | 2023 |\n")
    assert find_references(text) == []


def test_consultation_lines_split_into_body_and_role():
    assert split_consultation("Ratsversammlung mündliche Beantwortung") == ("Ratsversammlung", "mündliche Beantwortung")
    assert split_consultation("Ausschuss für Umwelt und Ordnung Vorberatung") == \
        ("Ausschuss für Umwelt und Ordnung", "Vorberatung")
    assert split_consultation("Stadtbezirksbeirat Mitte") == ("Stadtbezirksbeirat Mitte", None)


def test_german_and_iso_dates_are_read():
    assert parse_date_de("07.10.2019") == date(2019, 10, 7)
    assert parse_date_de("am 2019-10-07") == date(2019, 10, 7)
    assert parse_date_de("31.02.2019") is None
    assert parse_date_de(None) is None
