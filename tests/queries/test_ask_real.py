"""`ask` over real council documents (read from the corpus at run time): how often a body meets (by its
rules, at most, at least), when it met first or last, when it was founded, how many members it has,
who chairs it and how long its members serve. Each answer quotes a sentence that occurs in the document,
the quoted sentence holds the number or year answered, and the document is cited."""

from __future__ import annotations

import re

import pytest

# (document in real-docs, question, what the answer must state: "number", "year" or a word of the quote)
QUESTIONS = [
    ("ilm-kreis/046-naturschutzbeirat.txt", "Wann wurde der Naturschutzbeirat gegründet?", "year"),
    ("ilm-kreis/046-naturschutzbeirat.txt", "Aus wie vielen Mitgliedern besteht der Naturschutzbeirat?", "number"),
    ("kreis-gross-gerau/055-naturschutzbeirat.txt", "Wie lange ist die Amtszeit im Naturschutzbeirat?", "number"),
    ("kreis-gross-gerau/055-naturschutzbeirat.txt", "Wie viele Mitglieder hat der Naturschutzbeirat?", "number"),
    ("friedrichshafen/028-geschaeftsordnung-gestaltungsbeirat-2018.txt",
     "Aus wie vielen Mitgliedern besteht der Gestaltungsbeirat?", "number"),
    ("friedrichshafen/028-geschaeftsordnung-gestaltungsbeirat-2018.txt", "Wer leitet den Gestaltungsbeirat?",
     "Vorsitz"),
    ("koeln/051-to0050-geschaeftsordnung-gestaltungsbeirat.txt", "Wie viele Mitglieder hat der Gestaltungsbeirat?",
     "number"),
    ("freiburg/024-gestaltungsbeirat.txt", "Seit wann gibt es den Gestaltungsbeirat?", "year"),
    ("geretsried-wolfratshausen/030-agenda21-beginn-koordinierungsteam.txt",
     "Wann wurde das Koordinierungsteam gegründet?", "year"),
    ("essen/022-inklusionsbeirat-leichte-sprache.txt", "Wann kam der Inklusions-Beirat zum ersten Mal zusammen?",
     "year"),
    ("bremen-burglesum/013-niederschrift-beirat-19-sitzung-2021.txt", "Wann tagte der Beirat Burglesum zuletzt?",
     "year"),
    ("duesseldorf/018-geschaeftsordnung-integrationsrat.txt", "Wer führt den Vorsitz im Integrationsrat?", "Vorsitz"),
    ("amt-probstei/004-to0050-seniorinnenbeirat-satzungsaenderung.txt",
     "Aus wie vielen Mitgliedern besteht der Senior*innenbeirat?", "number"),
    ("bickenbach/007-antrag-einrichtung-seniorenbeirat-2024.txt",
     "Aus wie vielen Mitgliedern soll der Seniorenbeirat bestehen?", "number"),
    ("bramsche/011-to0050-jugendparlament-vorstellung.txt", "Wie viele Mitglieder hat das Jugendparlament?", "number"),
    ("ostfildern/078-gemeinderat-tagt-zehnmal-im-jahr.txt", "Wie oft tagt der Gemeinderat?", "number"),
    ("pforzheim/079-gestaltungsbeirat-funktion.txt", "Wie oft tritt der Gestaltungsbeirat zusammen?", "number"),
    ("pohlheim/080-to0050-geschaeftsordnung-klimabeirat-aenderungen.txt", "Wie oft tagt der Klimabeirat?", "number"),
    ("kreis-borken/054-arbeitskreis-gleichstellung.txt",
     "Wie oft trifft sich der Arbeitskreis für die Gleichstellung von Frau und Mann?", "number"),
    ("hannover/036-protokoll-internationaler-ausschuss-2018-01-18.txt",
     "Wann tagte der Ausschuss für Integration, Europa und Internationale Kooperation zuletzt?", "year"),
    ("hannover/036-protokoll-internationaler-ausschuss-2018-01-18.txt",
     "Wann tagte der Ausschuss für Integration, Europa und Internationale Kooperation zum ersten Mal?", "year"),
    ("unterschleissheim/094-jugendparlament-konstituierende-sitzung-2021.txt",
     "Wann tagte das Jugendparlament zum ersten Mal?", "year"),
]
WORDS = {1: "ein", 2: "zwei", 3: "drei", 4: "vier", 5: "fünf", 6: "sechs", 7: "sieben", 8: "acht", 9: "neun",
         10: "zehn", 11: "elf", 12: "zwölf"}
QUOTE = re.compile(r" – „(?P<q>.+)“ \(Quelle: (?P<src>[^)]+)\)$")


def flat(text: str) -> str:
    return " ".join(text.split())


def council_of(corpus, doc: str) -> str:
    """The council the corpus manifest names for a document (the --body of its ingest)."""
    for line in (corpus / "real-docs" / "MANIFEST.md").read_text(encoding="utf-8").splitlines():
        if line.startswith(f"| `{doc}`"):
            return line.split("|")[2].strip()
    raise AssertionError(f"{doc} is not in the manifest")


@pytest.fixture(scope="module")
def real(tmp_path_factory, corpus):
    """The documents ingested once, each council's with its --body; files are read from the corpus."""
    from ratsinfo.ingest.rawstore import RawStore
    from ratsinfo.pipeline import ingest_files
    from ratsinfo.warehouse.db import connect

    root = tmp_path_factory.mktemp("real")
    con = connect(root / "w.duckdb")
    store = RawStore(root / "home")
    by_council: dict[str, list[str]] = {}
    for doc, _q, _w in QUESTIONS:
        path = str(corpus / "real-docs" / doc)
        if path not in by_council.setdefault(council_of(corpus, doc), []):
            by_council[council_of(corpus, doc)].append(path)
    councils = sorted(by_council.items())
    for i, (council, paths) in enumerate(councils):  # the index and the readers' snapshot once, after the last
        ingest_files(con, store, paths, body=council, readers=i == len(councils) - 1)
    con.close()
    return root / "w.duckdb"


def test_the_questions_are_distinct_and_many():
    assert len({q for _d, q, _w in QUESTIONS}) == len(QUESTIONS) >= 20


@pytest.mark.parametrize("doc, question, wants", QUESTIONS, ids=[q for _d, q, _w in QUESTIONS])
def test_ask_answers_from_the_documents_words(corpus, real, doc, question, wants):
    from ratsinfo.queries.ask import ask
    from ratsinfo.warehouse.db import connect_readonly

    council = council_of(corpus, doc)
    con = connect_readonly(real)
    try:
        answer = ask(con, question, council)
    finally:
        con.close()
    text = flat((corpus / "real-docs" / doc).read_text(encoding="utf-8"))
    assert answer.sentences and answer.query == "body-facts", answer.text
    for sentence in answer.sentences:
        m = QUOTE.search(sentence)
        assert m, sentence
        quoted, head = m.group("q"), sentence[:m.start()]
        assert quoted in text, quoted
        assert m.group("src").endswith(doc)
        assert "None" not in sentence and ".0" not in head
        if wants == "year":
            year = re.search(r"\b(1[89]\d\d|20\d\d)\b", head)
            assert year and year.group(1) in quoted, sentence
        elif wants == "number":
            n = int(re.search(r"\b(\d+)\b", head).group(1)) if re.search(r"\b\d+\b", head) else next(
                k for k, w in WORDS.items() if re.search(rf"\b{w}mal\b", head))
            assert str(n) in re.findall(r"\d+", quoted) or WORDS.get(n, "#") in quoted.casefold(), sentence
            if n == 1:
                assert "Sitzungen" not in head and "Mitgliedern" not in head
        else:
            assert wants.casefold() in quoted.casefold(), sentence
