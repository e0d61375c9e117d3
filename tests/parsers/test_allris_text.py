from datetime import date

from ratsinfo.parsers.allris_text import looks_like_allris_text, parse_allris_text
from tests.conftest import EXAMPLES


def leipzig(corpus):
    text = (corpus / "seeds" / "leipzig-VII-F-00741-AW-01-antwort.txt").read_text(encoding="utf-8")
    return parse_allris_text(text, "seeds/leipzig.txt", "doc", "leipzig")


def test_labels_that_run_into_each_other_are_separated(corpus):
    paper = leipzig(corpus).papers[0]
    assert paper.reference == "VII-F-00741-AW-01"
    assert paper.name == "Kommunaler Präventionsrat"
    assert paper.status == "öffentlich (Vorlage abgeschlossen)"
    assert paper.paper_type == "schriftliche Antwort zur Anfrage"
    assert paper.originator == "Dezernat Umwelt, Ordnung, Sport"
    assert paper.related_reference == "VII-F-00741"
    assert paper.occasion == "Sonstiges"


def test_the_answer_has_six_questions_each_with_its_answer(corpus):
    result = leipzig(corpus)
    assert [q.number for q in result.questions] == [1, 2, 3, 4, 5, 6]
    assert all(q.paper_key == "paper:leipzig:VII-F-00741" for q in result.questions)
    assert result.questions[3].text == "Wie viele Sicherheitskonferenzen des KPR fanden 2019 statt?"
    answers = {a.number: a.text for a in result.answers}
    assert len(answers) == 6
    assert "zweimal jährlich" in answers[4]
    assert "41. Sicherheitskonferenz" in answers[5]
    assert "Office Integration" not in result.papers[0].text


def test_answer_spans_cite_the_paper_text(corpus):
    result = leipzig(corpus)
    text = result.papers[0].text
    for a in result.answers:
        assert text[a.start:a.end] == a.text


def test_the_stammbaum_says_what_is_answered_by_whom(corpus):
    result = leipzig(corpus)
    rel = next(r for r in result.relations if r.relation == "answer_to")
    assert rel.target_reference == "VII-F-00741"
    assert rel.asked_by == "Geschäftsstelle der Fraktion DIE LINKE"
    assert rel.answered_by == "32 Ordnungsamt"
    inquiry = next(p for p in result.papers if p.reference == "VII-F-00741")
    assert inquiry.stub and inquiry.paper_type == "Anfrage"


def test_a_paper_named_in_the_text_with_its_date_becomes_a_reference(corpus):
    result = leipzig(corpus)
    rel = next(r for r in result.relations if r.relation == "refers_to")
    assert (rel.target_reference, rel.target_date) == ("V-554/10", date(2010, 10, 20))


def test_beratungsfolge_lines_name_the_body_and_its_role(corpus):
    c = leipzig(corpus).consultations
    assert [(x.organization_name, x.role) for x in c] == [("Ratsversammlung", "mündliche Beantwortung")]


def test_the_example_text_export_is_recognised_and_parsed():
    text = (EXAMPLES / "falkenried" / "antwort-A-0412-2023-AW-01.txt").read_text(encoding="utf-8")
    assert looks_like_allris_text(text)
    result = parse_allris_text(text, "x.txt", "doc", "falkenried")
    assert result.papers[0].reference == "A-0412/2023-AW-01"
    assert len(result.questions) == 4 and len(result.answers) == 4


def test_plain_prose_is_not_taken_for_a_paper_export():
    assert not looks_like_allris_text("Protokoll der Sitzung\nBetreff: Haushalt\n")


def test_the_days_of_the_beratungsfolge_become_meetings_of_its_bodies():
    from ratsinfo.parsers.nlp.extract import extract

    text = ("Vorlage - 2023/0815\n\nBetreff: Spielplatz am Mühlenweg\nStatus:öffentlich\n"
            "Beratungsfolge:\nJugendhilfeausschuss Vorberatung\n14.03.2023\n"
            "Bauausschuss Entscheidung\n02.05.2023      zur Kenntnis genommen\n\n"
            "Beschlussvorschlag\nDer Bauausschuss beschließt den Umbau.\n")
    paper = parse_allris_text(text, "x.txt", "doc", "local").papers[0]
    found = extract(paper.text, document_key="doc", document="x.txt")
    met = sorted((f.subject, f.date) for f in found.facts if f.kind == "meeting")
    assert met == [("Bauausschuss", date(2023, 5, 2)), ("Jugendhilfeausschuss", date(2023, 3, 14))]
