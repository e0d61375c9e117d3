"""Train the naive Bayes weights of the theme classifier on the development labels (offline).

    python -m ratsinfo.themes.train ../shared/corpus/agenda-items

Only development rows are used (the 'dev' split of the agenda items and the labelled ALLRIS pages);
the held-out rows and the untouched set are never trained on.
Keyword stems of ``data/rules.json`` enter as prior counts for their area, so a stem that no
development title contains still points to its area.
"""

from __future__ import annotations

import json
import math
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

from ratsinfo.themes.classify import _data, features, rules
from ratsinfo.themes.codes import CODES, PROCEDURAL
from ratsinfo.themes.gold import UNDECIDED, Labelled, load, load_allris_pages

STEM_PRIOR = 20.0  # pseudo-counts a keyword stem gives its area
PROC_PRIOR = 8.0  # pseudo-counts of the procedural flag for "00"
OFFICE_PRIOR = 3.0  # pseudo-counts of "Amt NN" in a title for that office's area
SUBJECT_PRIOR = 8.0  # pseudo-counts of "subject and budget words together" for every subject area
ALPHA = 0.3  # additive smoothing
PRIOR_POWER = 0.5  # flatten the class frequencies: a big area should not swallow every unsure title


def train(examples: Iterable[tuple[str, str]]) -> dict:
    """Weights from (title, code) pairs: centred log-likelihoods per feature and code, and log priors."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    docs: Counter[str] = Counter()
    for title, code in examples:
        docs[code] += 1
        counts[code].update(features(title))
    for stem, code in ((s, c) for c, stems in _data("rules.json")["stems"].items() for s in stems):
        counts[code][f"s:{stem}"] += STEM_PRIOR
    counts[PROCEDURAL]["p:proc"] += PROC_PRIOR
    counts["11"]["g:appointment"] += PROC_PRIOR
    for code in CODES:  # a subject named next to budget words pulls away from the finance area
        if code not in (PROCEDURAL, "11", "61"):
            counts[code]["f:subject"] += SUBJECT_PRIOR
    for code in set(rules().office_numbers.values()):
        counts[code][f"a:{code}"] += OFFICE_PRIOR
    vocab = sorted({f for c in counts.values() for f in c})
    totals = {c: sum(counts[c].values()) for c in CODES}
    weights = {}
    for f in vocab:
        logs = [math.log((counts[c][f] + ALPHA) / (totals[c] + ALPHA * len(vocab))) for c in CODES]
        mean = sum(logs) / len(logs)
        weights[f] = [round(v - mean, 3) for v in logs]
    n = sum(docs.values())
    prior = [PRIOR_POWER * math.log((docs[c] + 1) / (n + len(CODES))) for c in CODES]
    mean = sum(prior) / len(prior)
    return {"codes": list(CODES), "prior": [round(p - mean, 3) for p in prior], "weights": weights}


def development(corpus: Path) -> list[Labelled]:
    """The development rows: the dev split of the agenda-item labels, then the labelled ALLRIS pages."""
    return [x for x in load(corpus / "agenda-items") if x.split == "dev"] + load_allris_pages(corpus)


def dev_examples(corpus: Path) -> list[tuple[str, str]]:
    return [(x.title, x.code) for x in development(corpus) if x.code != UNDECIDED]


def main(argv: list[str] | None = None) -> None:
    args = argv if argv is not None else sys.argv[1:]
    agenda_items = Path(args[0]) if args else Path("../shared/corpus/agenda-items")
    model = train(dev_examples(agenda_items.parent))
    out = Path(__file__).resolve().parent / "data" / "model.json"
    out.write_text(json.dumps(model, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{len(model['weights'])} features, written to {out.name}")


if __name__ == "__main__":
    main()
