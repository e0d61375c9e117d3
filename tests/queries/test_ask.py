"""`ratsinfo ask` on the six questions of inquiry VII-F-00741, as the Leipzig document writes them
(read from the warehouse, which read them from ../shared/corpus)."""

import json
from collections import Counter

import pytest

from ratsinfo.queries.ask import ask


@pytest.fixture
def leipzig_questions(ro):
    rows = ro.execute("SELECT q.number, q.text FROM question q JOIN paper p ON p.key = q.paper_key "
                      "WHERE p.reference = 'VII-F-00741' ORDER BY q.number").fetchall()
    assert len(rows) == 6
    return dict(rows)


def test_question_1_counts_both_bodies(ro, leipzig_questions):
    a = ask(ro, leipzig_questions[1])
    assert a.query == "sessions-per-year" and a.params["year"] == 2019
    got = {r["organization"]: r["sessions"] for r in a.rows}
    assert got == {"Führungsstab": 2, "Lenkungsgruppe": 4}
    assert len(a.sentences) == 2 and all("(Quelle: VII-F-00741-AW-01)" in s for s in a.sentences)


def test_question_2_names_the_themes_of_both_bodies(ro, leipzig_questions):
    a = ask(ro, leipzig_questions[2])
    assert a.query == "body-facts" and a.params["kind"] == "topic"
    got = Counter(r["organization"] for r in a.rows if r.get("kind") == "topic")
    assert got == {"Führungsstab": 8, "Lenkungsgruppe": 9}
    assert len(a.sentences) == 2 and all(s.endswith("“ (Quelle: VII-F-00741-AW-01)") for s in a.sentences)
    assert all(r["sentence"] and r["value"].split()[0] in r["sentence"] for r in a.rows)


def test_question_3_lists_the_working_groups_and_their_focus(ro, leipzig_questions):
    a = ask(ro, leipzig_questions[3])
    assert a.query == "body-facts" and a.params["kind"] == "working_group"
    got = Counter(r["organization"] for r in a.rows if r["kind"] == "topic")
    assert got == {"AG Sicherheit in Kleingärten": 4, "AG Innenstadt": 5, "AG Sicherheit und Fußball": 2,
                   "AG Extremismusprävention": 3}
    assert {r["organization"] for r in a.rows if r["kind"] == "working_group"} == set(got)
    assert len(a.sentences) == 4 and all(s.endswith("“ (Quelle: VII-F-00741-AW-01)") for s in a.sentences)


def test_question_4_counts_the_conferences(ro, leipzig_questions):
    a = ask(ro, leipzig_questions[4])
    (row,) = a.rows
    assert (row["organization"], row["sessions"], row["year"]) == ("Sicherheitskonferenz", 2, 2019)
    assert "40. am 07.10.2019" in a.text and "41. am 25.11.2019" in a.text and "VII-F-00741-AW-01" in a.text


def test_question_5_names_the_conference_themes(ro, leipzig_questions):
    a = ask(ro, leipzig_questions[5])
    (row,) = a.rows
    assert row["organization"] == "Sicherheitskonferenz" and len(row["themes"]) == 2
    assert "Beziehungsgewalt" in a.text and "VII-F-00741-AW-01" in a.text


def test_question_6_gets_no_canned_answer_but_the_right_search_hit(ro, leipzig_questions):
    a = ask(ro, leipzig_questions[6])
    assert a.query is None
    assert a.sentences[0].startswith("Keine vorbereitete Abfrage passt")
    top = a.rows[0]
    assert top["type"] == "answer" and top["reference"] == "VII-F-00741-AW-01 (Antwort 6)"


def test_what_a_paper_answered(ro):
    a = ask(ro, "Was hat die Verwaltung in A-0412/2023-AW-01 geantwortet?")
    assert a.query == "answers" and [r["number"] for r in a.rows] == [1, 2, 3, 4]
    assert "dreimal getagt" in a.sentences[0]


def test_rules_of_a_body(ro):
    a = ask(ro, "Welche Regeln gelten laut Geschäftsordnung für den KPR?")
    assert a.query == "rules"
    assert any("Sitzungshäufigkeit: viermal im Jahr" in s for s in a.sentences)


def test_ask_as_json_carries_query_params_rows_and_text(cli, warehouse):
    res = cli("ask", "Wie oft tagte der Führungsstab 2019?", "--format", "json", db_path=warehouse)
    out = json.loads(res.out)
    assert out["query"] == "sessions-per-year" and out["params"]["year"] == 2019
    assert out["rows"][0]["sessions"] == 2 and "Führungsstab" in out["text"]
    text = cli("ask", "Wie ist das Wetter morgen?", db_path=warehouse)
    assert text.code == 0 and text.out.startswith("Keine vorbereitete Abfrage passt")
