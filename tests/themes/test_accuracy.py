"""The classifier measured on the labelled real agenda-item titles of the corpus (titles read at run time)
and on the untouched set of other councils (titles in its labels file)."""

import csv

import pytest

from ratsinfo.themes.evaluate import score
from ratsinfo.themes.gold import (
    ALLRIS_PAGES,
    LABELS,
    UNDECIDED,
    load,
    load_allris_pages,
    load_untouched,
    split_of,
)

# Accuracy of the theme code on the held-out titles. Measured: 0.841 (254/302). The target of 0.85
# is not reached on these; this floor guards the measured figure against regressions.
HELDOUT_FLOOR = 0.83
COUNCIL_FLOOR = 0.78  # each of the three large councils on its own (measured 0.82 to 0.84)
# The untouched set: 161 scored titles of 7 councils used nowhere else in gold/themes, labelled and
# committed before the classifier ever ran on them, measured once: 0.863 (139/161), the largest
# council (Gemeinde Nordstemmen, 91 titles) 0.879. The floors sit just under those figures.
UNTOUCHED_FLOOR = 0.85
LARGEST_COUNCIL_FLOOR = 0.86


@pytest.fixture(scope="module")
def labelled(corpus):
    return load(corpus / "agenda-items")


def test_every_corpus_title_is_labelled_once_and_split_by_its_key(corpus, labelled):
    rows = 0
    for path in (corpus / "agenda-items").glob("*.tsv"):
        with path.open(encoding="utf-8", newline="") as fh:
            rows += sum(1 for _ in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    assert len(labelled) == rows == len({(x.file, x.row) for x in labelled})
    assert all(x.split == split_of(x.file, x.row) for x in labelled)
    assert sum(x.code == UNDECIDED for x in labelled) < 0.01 * rows
    assert LABELS.read_text(encoding="utf-8").count("\n") == rows + 1


def test_held_out_accuracy_stays_above_the_floor(labelled):
    held = score([x for x in labelled if x.split == "heldout"])
    assert held.total >= 250
    assert held.accuracy >= HELDOUT_FLOOR, f"held-out accuracy {held.accuracy:.3f}"
    for council in ("Stadt Köln", "Landeshauptstadt Magdeburg", "Stadt Erlangen"):
        ok, n = held.councils[council]
        assert ok / n >= COUNCIL_FLOOR, f"{council}: {ok}/{n}"


def test_the_allris_page_labels_join_the_items_the_allris_parsers_read_as_development_rows(corpus):
    pages = load_allris_pages(corpus)
    assert len(pages) >= 150 and {x.split for x in pages} == {"dev"}
    assert all(x.title.strip() for x in pages)
    assert {"Bezirk Hamburg-Nord", "Bezirk Wandsbek", "Bezirk Altona", "Stadt Laatzen"} <= {x.council for x in pages}
    assert ALLRIS_PAGES.read_text(encoding="utf-8").count("\n") == len(pages) + 1


@pytest.fixture(scope="module")
def untouched():
    return load_untouched()


def test_the_untouched_set_holds_councils_used_nowhere_else(corpus, labelled, untouched):
    assert len(untouched) >= 150 and {x.split for x in untouched} == {"untouched"}
    assert all(x.title.strip() and x.source.strip() for x in untouched)
    councils = {x.council for x in untouched}
    assert len(councils) >= 3
    seen = {x.council for x in labelled} | {x.council for x in load_allris_pages(corpus)}
    assert not councils & seen
    assert sum(x.code == UNDECIDED for x in untouched) < 0.05 * len(untouched)


def test_untouched_accuracy_stays_above_its_floor(untouched):
    s = score(untouched)
    assert s.total >= 150
    assert s.accuracy >= UNTOUCHED_FLOOR, f"untouched accuracy {s.accuracy:.3f}"
    largest = max(s.councils, key=lambda council: s.councils[council][1])
    ok, n = s.councils[largest]
    assert ok / n >= LARGEST_COUNCIL_FLOOR, f"{largest}: {ok}/{n}"


def test_eval_of_the_theme_labels_reports_every_set_per_council_and_theme(cli, corpus):
    r = cli("eval", str(LABELS.parent), "--corpus", str(corpus))
    assert r.code == 0
    for heading in ("dev (5-fold cross-validation): accuracy", "held out (shipped model): accuracy",
                    "untouched (shipped model): accuracy", "per council:", "per theme"):
        assert heading in r.out
    assert "Bezirk Wandsbek" in r.out and "Landeshauptstadt Magdeburg" in r.out and "Gemeinde Nordstemmen" in r.out
