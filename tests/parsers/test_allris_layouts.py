"""Recognition by structure, the shared field vocabulary, and read_page / read_oparl_files."""

from __future__ import annotations

from datetime import date

import pytest

from ratsinfo.errors import ParseError
from ratsinfo.parsers.allris_common import parse_date
from ratsinfo.parsers.allris_vocab import paper_field, split_title
from ratsinfo.parsers.detect import allris_page_info, detect
from ratsinfo.parsers.page import read_oparl_files, read_oparl_folder, read_page
from tests.allris_server import ModernSite
from tests.conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures"


@pytest.mark.parametrize(("value", "expected"), [
    ("01.09.2026", date(2026, 9, 1)), ("Di., 01.09.2026", date(2026, 9, 1)), ("2024 Oct 3", date(2024, 10, 3)),
    ("Jan 9, 2024", date(2024, 1, 9)), ("3. Oktober 2024", date(2024, 10, 3)), ("3 Oct 2024", date(2024, 10, 3)),
    ("2024-10-03", date(2024, 10, 3)), ("12. Mär. 2025", date(2025, 3, 12)), ("", None), ("Sitzung", None)])
def test_dates_in_german_and_english_forms(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize(("title", "kind", "ref"), [
    ("Antrag - 2026/245", "Antrag", "2026/245"),
    ("Schriftliche Kenntnisgabe - K 2024/0311", "Schriftliche Kenntnisgabe", "K 2024/0311"),
    ("VO/2024/77 - öffentliche Beschlussvorlage", "öffentliche Beschlussvorlage", "VO/2024/77"),
    ("Drucksache - 22-3995", "Drucksache", "22-3995"),
    ("Vorlage - VII-F-00741-AW-01", "Vorlage", "VII-F-00741-AW-01"),
    ("Mitteilung der Verwaltung - RS. 16/218-02", "Mitteilung der Verwaltung", "RS. 16/218-02"),
    ("Sitzungskalender", None, None)])
def test_references_of_any_kind_and_in_either_order(title, kind, ref):
    assert split_title(title) == (kind, ref)


@pytest.mark.parametrize(("label", "field"), [
    ("Vorlageart:", "paper_type"), ("Vorlage-Art", "paper_type"), ("Drucksache-Art:", "paper_type"),
    ("Berichterstatter/in:", "submitter"), ("Vorstand:", "submitter"), ("1. Berichterstattung:", "submitter"),
    ("Verfasser", "submitter"), ("Einreicher/in:", "submitter"), ("Federführung:", "under_direction_of"),
    ("Federführendes Amt:", "under_direction_of"), ("Betreff:", "title"), ("Sitzungsgeld:", None)])
def test_the_label_vocabulary(label, field):
    assert paper_field(label) == field


def test_an_allris3_page_inside_a_city_website_is_recognised_and_read():
    data = (FIXTURES / "allris3_embedded_vo020.html").read_bytes()
    assert b"ALLRIS" not in data[:2000]
    assert detect(data, "seite.html")[0] == "allris3_vo020"
    rec = read_page(data, "https://www.musterhausen.example/buergerinfo/vo020.asp?VOLFDNR=311", "musterhausen")
    paper = rec.papers[0]
    assert (rec.program, rec.layout) == ("vo020", "allris3e")
    assert (paper.reference, paper.paper_type, paper.date) == ("K 2024/0311", "Schriftliche Kenntnisgabe",
                                                               date(2024, 1, 9))
    assert paper.originator == "Bürgermeister Klaus Beispiel"
    assert paper.name == "Sachstand Sanierung Hallenbad – Bericht der Verwaltung"
    assert [(c.organization_name, c.role, c.result) for c in rec.consultations] == [
        ("Sportausschuss", "Kenntnisnahme", "zur Kenntnis genommen")]
    assert [f.access_url.rsplit("/", 1)[1] for f in rec.files] == ["do027.asp?DOLFDNR=55001", "Anlage1.pdf"]


def test_container_class_before_its_id_is_still_classic_allris3():
    html = '<html><body><div class="to010" id="allriscontainer"><p>x</p></div></body></html>'
    assert allris_page_info(html).program == "to010"


@pytest.mark.parametrize("layout", ["allris4", "allris3r"])
def test_read_page_turns_every_page_type_into_records(layout):
    site = ModernSite(layout)
    enc = "utf-8" if layout == "allris4" else "iso-8859-15"
    u = (lambda p, q: f"https://ris.example.invalid/public/{p}?{q}") if layout == "allris4" else \
        (lambda p, q: f"https://ris.example.invalid/bi/{p}_r.asp?{q}")

    def read(html, prog, q):
        return read_page(html.encode(enc, "xmlcharrefreplace"), u(prog, q), "beispielstadt")

    meeting = read(site.meeting("2001"), "to010", "SILFDNR=2001")
    assert meeting.meetings[0].key == "allris:beispielstadt:meeting:2001"
    assert [i.number for i in meeting.agenda_items] == ["Ö 1", "Ö 2", "Ö 3", "N 4"]
    assert meeting.agenda_items[1].paper_key == f"paper:beispielstadt:{site.ref('4101')}"
    assert [f.name for f in meeting.files] == ["Einladung"]
    paper = read(site.paper("4102"), "vo020", "VOLFDNR=4102")
    assert paper.papers[0].date == date(2025, 10, 21)  # printed "Oct 21, 2025"
    assert paper.papers[0].originator == "Fraktion Beispielliste"  # label "Berichterstatter/in"
    assert len(paper.files) == 2
    item = read(site.item("3002"), "to020", "TOLFDNR=3002")
    assert item.agenda_items[0].meeting_key == "allris:beispielstadt:meeting:2001"
    cal = read(site.calendar(2025, 11), "si010", "MM=11&YY=2025")
    assert [(m.key, m.start.isoformat()) for m in cal.meetings] == [("allris:beispielstadt:meeting:2001",
                                                                    "2025-11-04T18:00:00")]
    roster = read(site.roster("gr020", "5"), "gr020", "GRLFDNR=5")
    assert [p.name for p in roster.persons] == ["Anna Beispiel", "Bernd Muster", "Clara Probe"]
    assert roster.memberships[0].role == "Vorsitz"
    listed = read(site.paper_list(), "vo040", "")
    assert len(listed.links) == 4 and listed.count == 0


def test_read_page_names_what_it_cannot_read(corpus):
    with pytest.raises(ParseError, match="not an ALLRIS page"):
        read_page(b"<html><body><p>Willkommen</p></body></html>", "a.html")
    data = (corpus / "allris-real" / "laatzen" / "vo020-1000238.html").read_bytes()
    with pytest.raises(ParseError, match="truncated"):
        read_page(data[: len(data) // 2], "https://ratsinfo.laatzen.de/public/vo020?VOLFDNR=1000238")
    with pytest.raises(ParseError, match="Zugriff verweigert"):
        read_page(b"<html><body><div id='allriscontainer' class='to010'>Zugriff verweigert</div></body></html>"
, "https://x.invalid/bi/to010.asp")


def test_real_meeting_page_of_allris4_becomes_a_meeting_with_agenda_items(corpus):
    data = (corpus / "allris-real" / "laatzen" / "to010-1000073.html").read_bytes()
    rec = read_page(data, "https://ratsinfo.laatzen.de/public/to010?SILFDNR=1000073")
    m = rec.meetings[0]
    assert (m.name, m.start.isoformat(), m.organization_key) == (
        "Sitzung des Schulausschusses", "2026-09-01T18:00:00", "org:local:schulausschuss")
    assert [i.key.rsplit(":", 1)[1] for i in rec.agenda_items] == ["1001057", "1001058", "1001059", "1001065"]
    assert "https://ratsinfo.laatzen.de/public/to020?TOLFDNR=1001059" in rec.links


def test_a_folder_of_oparl_objects_is_mapped_like_the_oparl_ingest(corpus, tmp_path):
    mapped, failures = read_oparl_folder(corpus / "oparl-spec" / "master")
    assert not failures, failures
    assert mapped.papers and mapped.meetings and mapped.organizations and mapped.persons
    assert all(p.key.startswith("oparl:paper:") for p in mapped.papers)
    (tmp_path / "kein.json").write_text('{"name": "kein OParl"}')
    (tmp_path / "kaputt.json").write_text('{"type": ')
    mapped, failures = read_oparl_files([((tmp_path / n).read_bytes(), n) for n in ("kein.json", "kaputt.json")])
    assert [f[0] for f in failures] == ["kein.json", "kaputt.json"]
    assert "no OParl object" in failures[0][1] and "invalid JSON" in failures[1][1]


def test_a_person_page_gives_the_person_and_the_bodies_they_sit_in():
    html = ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>ALLRIS - Person</title></head><body>'
            '<div id="allris"><div id="search"><form action="./kp020?0-1.-head-searchform&amp;KPLFDNR=901" '
            'id="searchform"></form></div><main><h1 class="title">Person</h1><dl><dt>Name:</dt><dd>Beispiel</dd>'
            '<dt>Vorname:</dt><dd>Anna</dd></dl><table class="dataTable"><tr><td><a href="./gr020?GRLFDNR=5">'
            'Bauausschuss</a></td><td>Vorsitz</td><td>01.11.2021</td></tr><tr><td><a href="./fr020?FRLFDNR=7">'
            'Fraktion Beispielliste</a></td><td>Mitglied</td><td>01.11.2021</td><td>31.10.2026</td></tr></table>'
            '</main></div></body></html>')
    rec = read_page(html.encode(), "https://ris.example.invalid/public/kp020?KPLFDNR=901", "beispielstadt")
    assert (rec.program, rec.layout, rec.persons[0].name) == ("kp020", "allris4", "Anna Beispiel")
    assert [(o.name, o.kind) for o in rec.organizations] == [("Bauausschuss", "committee"),
                                                             ("Fraktion Beispielliste", "faction")]
    assert [(m.role, m.start_date, m.end_date) for m in rec.memberships] == [
        ("Vorsitz", date(2021, 11, 1), None), ("Mitglied", date(2021, 11, 1), date(2026, 10, 31))]
