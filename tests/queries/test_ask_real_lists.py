"""`ask` about the themes a body dealt with and the working groups it has, over real council documents
(read from the corpus at run time): every answer quotes the sentences the themes or groups stand in,
each quoted sentence occurs in the document, every theme named is written in the document, and the
document is cited."""

from __future__ import annotations

import re

import pytest

from tests.queries.test_ask_real import council_of, flat

# (document in real-docs, question, the query that answers it from text)
QUESTIONS = [
    ("windeby/101-niederschrift-finanzausschuss-2012-03-07.txt",
     "Welche Themen behandelte der Finanzausschuss in Windeby?", "themes"),
    ("heilsbronn/040-stadtrat-26-sitzung-2021-12-01.txt", "Womit befasste sich der Stadtrat Heilsbronn?", "themes"),
    ("humptrup/044-niederschrift-gemeindevertretung-2018-12-17.txt",
     "Welche Themen beriet die Gemeindevertretung Humptrup?", "themes"),
    ("freisen/025-gemeinderat-sitzung-2023-09-21-tagesordnung.txt",
     "Welche Themen standen beim Gemeinderat in Freisen auf der Tagesordnung?", "themes"),
    ("bobingen/010-bauausschuss-2022-03-08-tagesordnung.txt",
     "Welche Themen behandelte der Bau-, Planungs- und Umweltausschuss?", "themes"),
    ("grasleben/032-protokoll-finanzausschuss-2006-12-12.txt",
     "Womit beschäftigte sich der Finanz- und Haushaltsausschuss im Jahr 2006?", "themes"),
    ("idstein/045-berichtsantrag-runde-tische-2022.txt", "Welche Arbeitsgruppen gibt es in Idstein?", "groups"),
    ("schwerte/090-to0050-ag-inklusion-umsetzungsstand.txt", "Welche Arbeitsgruppen hat der Inklusionsbeirat?",
     "groups"),
    ("kamen/048-to0050-praeventionskonzept-arbeitsgruppe.txt", "Welche Arbeitsgruppen gibt es in Kamen?", "groups"),
    ("kreis-borken/054-arbeitskreis-gleichstellung.txt", "Welche Arbeitskreise gibt es im Kreis Borken?", "groups"),
]
ANSWER = re.compile(r"^„(?P<body>[^“]+)“.*? – „(?P<q>.+)“ \(Quelle: (?P<src>[^)]+)\)\.?$")


@pytest.fixture(scope="module")
def real(tmp_path_factory, corpus):
    from ratsinfo.ingest.rawstore import RawStore
    from ratsinfo.pipeline import ingest_files
    from ratsinfo.warehouse.db import connect

    root = tmp_path_factory.mktemp("lists")
    con = connect(root / "w.duckdb")
    store = RawStore(root / "home")
    for i, (doc, _q, _k) in enumerate(QUESTIONS):  # the index and the readers' snapshot once, after the last
        ingest_files(con, store, [str(corpus / "real-docs" / doc)], body=council_of(corpus, doc),
                     readers=i == len(QUESTIONS) - 1)
    con.close()
    return root / "w.duckdb"


@pytest.mark.parametrize("doc, question, kind", QUESTIONS, ids=[q for _d, q, _k in QUESTIONS])
def test_ask_quotes_the_sentences_themes_and_groups_stand_in(corpus, real, doc, question, kind):
    from ratsinfo.queries.ask import ask
    from ratsinfo.warehouse.db import connect_readonly

    con = connect_readonly(real)
    try:
        answer = ask(con, question)
    finally:
        con.close()
    text = flat((corpus / "real-docs" / doc).read_text(encoding="utf-8"))
    assert answer.sentences and answer.query == "body-facts", answer.text
    assert answer.params["kind"] == ("topic" if kind == "themes" else "working_group")
    for sentence in answer.sentences:
        m = ANSWER.search(sentence)
        assert m, sentence
        assert m.group("src").endswith(doc)
        for part in m.group("q").split(" […] "):
            assert part in text, part
        if kind == "themes":
            themes = sentence[:m.start("q") - len(" – „")].split(" mit folgenden Themen: ", 1)[1].split("; ")
            assert len(themes) >= 2
            for theme in themes:
                assert theme.casefold() in text.casefold(), theme  # a list item's first letter may be raised
            assert any(theme in m.group("q") for theme in themes), sentence
        else:
            last = re.sub(r"^(?:Arbeitsgruppe|Arbeitskreis|Runder Tisch|AG)\s+", "", m.group("body")).split()[-1]
            assert last.casefold() in m.group("q").casefold(), sentence
