from datetime import date

import pytest

from ratsinfo.errors import ParseError
from ratsinfo.parsers.allris_html import page_type, parse_vo020
from ratsinfo.parsers.textutil import decode_html
from tests.conftest import EXAMPLES

# What the three real ALLRIS 3 paper pages of Hamburg's district assemblies say.
EXPECTED = {
    "wandsbek": ("22-3995", "Vermietungen an Fremd-Veranstalter von Parties und Feiern im Brakula – Eingabe",
                 "Eingabe", "Interner Service", None),
    "altona": ("22-2362", "Umleitung der Metrobuslinie 1 – Beschlussempfehlung des Mobilitätsausschusses",
               "Beschlussempfehlung öffentlich", "Geschäftsstelle der Bezirksversammlung", date(2026, 7, 9)),
    "hamburg_nord": ("22-2402", "Bezirkliche Sondermittel – Antrag der GRÜNE-Fraktion", "Antrag",
                     "Interner Service", date(2026, 7, 7)),
}


def parse(path, url="https://example.invalid/bi/vo020.asp?VOLFDNR=1"):
    html, _ = decode_html(path.read_bytes())
    return parse_vo020(html, url, "doc", "local")


@pytest.mark.parametrize("district", sorted(EXPECTED))
def test_real_allris3_paper_pages_yield_reference_title_type_direction_and_consultations(corpus, district):
    result, body = parse(corpus / "allris-html" / district / "vo020.html")
    ref, title, ptype, direction, meeting_date = EXPECTED[district]
    paper = result.papers[0]
    assert (paper.reference, paper.name, paper.paper_type, paper.under_direction_of) == (ref, title, ptype, direction)
    assert paper.status == "öffentlich"
    assert body.startswith("Bezirksversammlung")
    assert paper.key.startswith("paper:bezirksversammlung-")
    assert [c.organization_name for c in result.consultations] == ["Hauptausschuss"]
    assert result.consultations[0].date == meeting_date
    if meeting_date:
        assert result.consultations[0].meeting_name == "Sitzung des Hauptausschusses"
        assert result.consultations[0].status == "Geplant"


def test_words_split_by_rtf_markup_are_joined_again(corpus):
    result, _ = parse(corpus / "allris-html" / "wandsbek" / "vo020.html")
    text = result.papers[0].sections["Sachverhalt"]
    assert text.startswith("Der Geschäftsstelle der Bezirksversammlung liegt folgende Eingabe vor")
    assert "Lärmschutz-Verordnung" in text


def test_script_inside_the_betreff_cell_does_not_leak_into_the_title(corpus):
    for district in EXPECTED:
        result, _ = parse(corpus / "allris-html" / district / "vo020.html")
        assert "function" not in result.papers[0].name and "CDATA" not in result.papers[0].name


def test_originators_on_several_lines_are_kept_together(corpus):
    result, _ = parse(corpus / "allris-html" / "hamburg_nord" / "vo020.html")
    assert result.papers[0].originator == "Thorsten Schmidt, Daniela Clément"


def test_the_paper_pdf_behind_do027_becomes_a_file_with_an_absolute_url(corpus):
    result, _ = parse(corpus / "allris-html" / "altona" / "vo020.html", "https://bv.example.invalid/bi/vo020.asp")
    assert result.files[0].access_url == "https://bv.example.invalid/bi/do027.asp?DOLFDNR=1543908"


def test_other_allris_programs_are_recognised_by_their_container(corpus):
    html, _ = decode_html((corpus / "allris-html" / "altona" / "to010.html").read_bytes())
    assert page_type(html) == "to010"


def test_allris4_grunddaten_page_yields_fields_consultations_and_stammbaum():
    html = (EXAMPLES / "falkenried" / "antwort-A-0412-2023-AW-01.html").read_text(encoding="utf-8")
    result, _ = parse_vo020(html, "https://ris.example.invalid/public/vo020?VOLFDNR=7", "doc", "falkenried")
    paper = result.papers[0]
    assert paper.reference == "A-0412/2023-AW-01"
    assert paper.paper_type == "schriftliche Antwort zur Anfrage"
    assert paper.under_direction_of == "31 Ordnungsamt"
    assert paper.originator == "Bürgermeisterin für Ordnung und Soziales"
    c = result.consultations[0]
    assert (c.organization_name, c.role, c.date) == ("Stadtrat", "Kenntnisnahme", date(2023, 12, 14))
    rel = {r.relation: r for r in result.relations}
    assert rel["answer_to"].target_reference == "A-0412/2023"
    assert rel["answer_to"].asked_by == "Fraktion Grüne Liste Falkenried"
    assert rel["answer_to"].answered_by == "31 Ordnungsamt"
    assert [q.number for q in result.questions] == [1, 2, 3, 4]
    assert len(result.answers) == 4


def test_a_page_cut_off_in_transfer_is_refused(corpus):
    data = (corpus / "allris-html" / "altona" / "vo020.html").read_bytes()
    html, _ = decode_html(data[: len(data) // 2])
    with pytest.raises(ParseError, match="truncated"):
        parse_vo020(html, "u", "d", "local")


def test_access_denied_and_login_pages_are_refused_not_stored_as_papers():
    denied = "<html><body><div id='allriscontainer' class='vo020'><h1>Zugriff verweigert</h1></div></body></html>"
    with pytest.raises(ParseError, match="Zugriff verweigert"):
        parse_vo020(denied, "u", "d", "local")
    login = "<html><body><form action='login.asp'><input type='password' name='pw'></form></body></html>"
    with pytest.raises(ParseError, match="login"):
        parse_vo020(login, "u", "d", "local")


def test_allris4_key_value_layout_is_read_the_same_way():
    from tests.conftest import ROOT

    html = (ROOT / "tests" / "fixtures" / "allris4_vo020_keyvalue.html").read_text(encoding="utf-8")
    result, _ = parse_vo020(html, "https://ris.example.invalid/public/vo020?VOLFDNR=815", "doc", "x")
    paper = result.papers[0]
    assert paper.reference == "DS 2024/0815"
    assert paper.name == "Parkraumkonzept für das Quartier – am Mühlgraben"
    assert (paper.paper_type, paper.under_direction_of) == ("Beschlussvorlage", "61 Stadtplanungsamt")
    assert [(c.organization_name, c.role, c.result) for c in result.consultations] == [
        ("Ausschuss für Stadtentwicklung", "Vorberatung", "ungeändert beschlossen"),
        ("Stadtrat", "Beschlussfassung", "mit Änderungen beschlossen")]
    assert result.consultations[1].date == date(2024, 3, 21)
