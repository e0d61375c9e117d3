"""The labelled agenda-item titles: labels live in the project, titles stay in the corpus.

``gold/themes/labels.tsv`` names each item by its corpus file and row (with date and TOP number
to check the join), its split and its code. The split was fixed before any rule was written:
about 30 % of the rows, chosen by a hash of the key, are held out and never used for tuning.
"""

from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass
from pathlib import Path

UNDECIDED = "xx"  # the annotator could not tell the area from the title alone; left out of scoring
LABELS = Path(__file__).resolve().parents[2] / "gold" / "themes" / "labels.tsv"


def split_of(file: str, row: int) -> str:
    """'heldout' for about 30 % of the keys, 'dev' for the rest; stable across runs and machines."""
    digest = hashlib.sha1(f"{file}:{row}".encode()).hexdigest()
    return "heldout" if int(digest[:8], 16) % 10 < 3 else "dev"


@dataclass(frozen=True)
class Labelled:
    file: str
    row: int
    council: str
    body: str
    date: str
    title: str
    source: str
    split: str
    code: str
    code2: str | None


def _corpus_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def load(agenda_items: Path, labels: Path = LABELS) -> list[Labelled]:
    """Join the labels to the titles of ``agenda_items`` (the corpus folder) by file and row."""
    files: dict[str, list[dict[str, str]]] = {}
    out = []
    with labels.open(encoding="utf-8", newline="") as fh:
        for lab in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            name = lab["file"]
            if name not in files:
                files[name] = _corpus_rows(agenda_items / f"{name}.tsv")
            row = int(lab["row"])
            item = files[name][row - 1]
            if (item["date"], item["number"]) != (lab["date"], lab["number"]):
                raise ValueError(f"{name} row {row}: the corpus changed (date/number differ from the label)")
            out.append(
                Labelled(name, row, item["council"], item["body"], item["date"], item["title"], item["source"],
                         lab["split"], lab["code"], lab["code2"] or None)
            )
    return out
