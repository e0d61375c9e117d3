"""The extraction meets its targets on the gold sets: precision ≥ 0.95 and recall ≥ 0.90 per kind."""

import json

import pytest

from ratsinfo.evaluate import evaluate
from tests.conftest import ROOT


@pytest.mark.parametrize("folder", ["documents", "heldout"])
def test_gold_sets_written_for_the_project(folder):
    scores, n_docs = evaluate(ROOT / "gold" / folder)
    assert n_docs >= (30 if folder == "documents" else 10)
    for kind, score in scores.items():
        assert score.precision >= 0.95, (kind, score.extras)
        assert score.recall >= 0.90, (kind, score.misses)


def test_gold_of_the_real_documents(corpus):
    scores, n_docs = evaluate(ROOT / "gold" / "real", corpus)
    assert n_docs == 2
    for kind, score in scores.items():
        assert score.precision >= 0.95 and score.recall >= 0.90, (kind, score.misses, score.extras)


def test_a_wrong_extraction_is_counted_as_a_miss_and_an_extra(tmp_path):
    (tmp_path / "d.txt").write_text("Im Jahr 2020 fanden drei Sitzungen des Sportbeirates statt.", encoding="utf-8")
    wrong = {"file": "d.txt", "facts": {"session_count": [
        {"subject": "Sportbeirat", "value": 4, "year": 2020, "qualifier": "exact"}],
        "organization": [{"subject": "Sportbeirat", "value": "advisory_board"}]}}
    (tmp_path / "d.json").write_text(json.dumps(wrong), encoding="utf-8")
    scores, _ = evaluate(tmp_path)
    assert (scores["session_count"].tp, scores["session_count"].fp, scores["session_count"].fn) == (0, 1, 1)
    assert scores["organization"].precision == 1.0


def test_eval_prints_a_table(cli):
    res = cli("eval", str(ROOT / "gold" / "heldout"))
    assert res.code == 0
    lines = res.out.splitlines()
    assert lines[0] == "10 documents"
    assert lines[1].split() == ["kind", "gold", "found", "correct", "precision", "recall"]
