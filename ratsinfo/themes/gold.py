"""The labelled agenda-item titles: labels live in the project, titles stay in the corpus.

``gold/themes/labels.tsv`` names each item by its corpus file and row (with date and TOP number
to check the join), its split and its code. The split was fixed before any rule was written:
about 30 % of the rows, chosen by a hash of the key, are held out and never used for tuning.

``gold/themes/allris-pages.tsv`` labels the agenda items and papers of real ALLRIS pages of other
councils in the corpus (Hamburg districts, Laatzen), read here with the project's own ALLRIS parsers.
It was once the untouched set (measured once at 0.611); its errors were then studied, so it is
development data now.

``gold/themes/untouched.tsv`` is the untouched set that replaced it: real titles of councils found
nowhere else in ``gold/themes``, labelled and committed before the classifier ran on any of them.
Its titles are the labels' keys (the source pages are not in the corpus); it is only ever scored.
"""

from __future__ import annotations

import csv
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from ratsinfo.parsers.allris_lists import list_links
from ratsinfo.parsers.allris_meeting import parse_to010
from ratsinfo.parsers.textutil import decode_html

UNDECIDED = "xx"  # the annotator could not tell the area from the title alone; left out of scoring
LABELS = Path(__file__).resolve().parents[2] / "gold" / "themes" / "labels.tsv"
ALLRIS_PAGES = LABELS.with_name("allris-pages.tsv")
UNTOUCHED = LABELS.with_name("untouched.tsv")
_REFERENCE = re.compile(r"^\s*([0-9][\w./-]*)\s+")  # "22-2402 Bezirkliche Sondermittel" in a paper list


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


def _page(path: Path) -> str:
    return decode_html(path.read_bytes())[0]


def _page_items(corpus: Path, name: str) -> tuple[str, str, list[tuple[str, str]]]:
    """(body, date, [(number, title)]) of a meeting page (to010), or of a paper list (vo040: reference, title)."""
    url = f"http://allris.invalid/bi/{Path(name).name.split('-')[0].split('.')[0]}.asp"
    html = _page(corpus / name)
    if "vo040" in name:
        out = []
        for _url, label in list_links(html, url, "vo020"):
            m = _REFERENCE.match(label)
            out.append((m.group(1), label[m.end():]) if m else ("", label))
        return "", "", out
    page = parse_to010(html, url)
    return page.body or "", page.date or "", [(x.number or "", x.name) for x in page.items]


def load_allris_pages(corpus: Path, labels: Path = ALLRIS_PAGES) -> list[Labelled]:
    """Join the labels of the ALLRIS pages (development rows) to the titles the ALLRIS parsers read."""
    pages: dict[str, tuple[str, str, list[tuple[str, str]]]] = {}
    out = []
    with labels.open(encoding="utf-8", newline="") as fh:
        for lab in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            name = lab["file"]
            if name not in pages:
                pages[name] = _page_items(corpus, name)
            body, date, items = pages[name]
            row = int(lab["row"])
            number, title = items[row - 1]
            if number != lab["number"]:
                raise ValueError(f"{name} item {row}: the page changed (number {number!r}, label {lab['number']!r})")
            out.append(Labelled(name, row, lab["council"], body, date, title, f"corpus:{name}", "dev",
                                lab["code"], lab["code2"] or None))
    return out


def load_untouched(labels: Path = UNTOUCHED) -> list[Labelled]:
    """The untouched set: council, source, title and code of each row, as labelled before any run."""
    out = []
    with labels.open(encoding="utf-8", newline="") as fh:
        for row, lab in enumerate(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE), start=1):
            out.append(Labelled(labels.name, row, lab["council"], "", "", lab["title"], lab["source"], "untouched",
                                lab["code"], lab["code2"] or None))
    return out
