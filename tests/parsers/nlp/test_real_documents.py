"""What the two real documents must yield (read from ../shared/corpus at run time)."""

from datetime import date

import pytest

from ratsinfo.parsers.allris_text import parse_allris_text
from ratsinfo.parsers.nlp.extract import extract
from ratsinfo.parsers.textutil import clean_extracted_text


@pytest.fixture(scope="module")
def leipzig(corpus):
    text = (corpus / "seeds" / "leipzig-VII-F-00741-AW-01-antwort.txt").read_text(encoding="utf-8")
    paper = parse_allris_text(text, "leipzig.txt", "doc", "local").papers[0]
    return extract(paper.text, document_key="doc", document="leipzig.txt", title=paper.name), paper.text


@pytest.fixture(scope="module")
def dresden(corpus):
    text = (corpus / "seeds" / "dresden-V0220-25-anlage1-geschaeftsordnung-kpr.txt").read_text(encoding="utf-8")
    return extract(clean_extracted_text(text), document_key="doc", document="dresden.txt")


def kind(result, k):
    return [f for f in result.facts if f.kind == k]


def test_leipzig_session_counts(leipzig):
    result, _ = leipzig
    got = {(f.subject, f.number, f.year, f.qualifier) for f in kind(result, "session_count")}
    assert got == {("Führungsstab", 2, 2019, "exact"), ("Lenkungsgruppe", 4, 2019, "exact"),
                   ("Sicherheitskonferenz", 2, None, "per_year")}


def test_leipzig_alias_and_parents(leipzig):
    result, _ = leipzig
    orgs = {o.name: o for o in result.organizations}
    assert "Lenkungsgremium" in orgs["Lenkungsgruppe"].aliases
    assert orgs["Kommunaler Präventionsrat"].abbreviation == "KPR"
    kpr = orgs["Kommunaler Präventionsrat"].key
    for name in ("AG Sicherheit in Kleingärten", "AG Innenstadt", "AG Sicherheit und Fußball",
                 "AG Extremismusprävention", "Führungsstab", "Lenkungsgruppe", "Sicherheitskonferenz"):
        assert orgs[name].parent_key == kpr, name


def test_leipzig_conferences(leipzig):
    result, _ = leipzig
    got = sorted((f.number, f.date) for f in kind(result, "meeting"))
    assert got == [(40, date(2019, 10, 7)), (41, date(2019, 11, 25))]
    assert all(f.value and f.subject == "Sicherheitskonferenz" for f in kind(result, "meeting"))


def test_leipzig_topics_and_working_groups(leipzig):
    result, _ = leipzig
    per_body: dict[str, int] = {}
    for f in kind(result, "topic"):
        per_body[f.subject] = per_body.get(f.subject, 0) + 1
    assert per_body["Führungsstab"] == 8 and per_body["Lenkungsgruppe"] == 9
    wgs = {f.subject: f.number for f in kind(result, "working_group")}
    assert wgs == {"AG Sicherheit in Kleingärten": 4, "AG Innenstadt": 5, "AG Sicherheit und Fußball": 2,
                   "AG Extremismusprävention": 3}


def test_leipzig_person_and_reference(leipzig):
    result, _ = leipzig
    assert [(f.subject, f.value) for f in kind(result, "person")] == [("Heiko Rosenthal", "Ordnungsbürgermeister")]
    assert [(f.subject, f.date) for f in kind(result, "paper_reference")] == [("V-554/10", date(2010, 10, 20))]


def test_leipzig_spans_cite_the_text(leipzig):
    result, text = leipzig
    for f in result.facts:
        assert text[f.start:f.end].strip() == f.text


def test_dresden_rules(dresden):
    rules = {(f.subject, f.qualifier): f for f in kind(dresden, "rule")}
    kpr = "Kommunaler Präventionsrat"
    assert rules[(kpr, "meeting_frequency")].number == 4
    assert rules[(kpr, "agenda_deadline")].number == 21
    assert rules[(kpr, "invitation_notice")].number == 14
    assert "elektronisch" in rules[(kpr, "invitation_notice")].value
    assert rules[(kpr, "minutes_deadline")].number == 14
    assert rules[(kpr, "public")].value == "nicht öffentlich"
    assert rules[(kpr, "meeting_frequency")].value.startswith("viermal im Jahr")
    assert rules[(kpr, "confidentiality")].number == 1
    chairs = rules[(kpr, "chairs")].value
    assert "Beigeordnete für Bildung, Jugend und Sport" in chairs and "Polizeidirektion Dresden" in chairs
    assert rules[(kpr, "composition")].number == 6
    assert rules[("Jour fixe", "composition")].number == 5
