"""`ratsinfo changes`: what the runs changed, as rows and as one German-and-English summary line
("3 new papers, 1 answer arrived for VII-F-00741, meeting 2019-10-07 moved")."""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

import duckdb

from ratsinfo.warehouse import reads
from ratsinfo.warehouse.report import sql_text

NOUNS = {"paper": "paper", "meeting": "meeting", "agenda_item": "agenda item", "organization": "organization",
         "person": "person", "file": "file", "answer": "answer", "question": "question",
         "consultation": "consultation", "membership": "membership", "paper_relation": "relation"}


def rows(con: duckdb.DuckDBPyConnection, since: date | None, keys: list[str] | None) -> tuple[list[str], list[tuple]]:
    return reads.select(con, sql_text("changes"), {"since": since, "keys": keys})


def summary(con: duckdb.DuckDBPyConnection, data: list[tuple]) -> str:
    parts: list[str] = []
    inserted: Counter = Counter()
    updated: set[tuple[str, str]] = set()
    deleted: Counter = Counter()
    details: list[str] = []
    for _run, _at, table, change, key, field, old, new in data:
        if change == "inserted":
            inserted[table] += 1
            if table == "answer":
                ref = reads.inquiry_of_answer(con, key)
                if ref:
                    details.append(f"answer arrived for {ref}")
        elif change == "updated":
            updated.add((table, key))
            if table == "meeting" and field == "start" and old:
                details.append(f"meeting {old[:10]} moved to {(new or '')[:10]}")
            if table == "paper" and field == "status":
                ref = reads.paper_reference(con, key)
                details.append(f"{ref or key}: status {old} → {new}")
        elif change == "first_load":  # a source's first load, summarised: one row per table with its count
            inserted[table] += int(new or 0)
        else:
            deleted[table] += 1
    for table, n in sorted(inserted.items()):
        if table in NOUNS and table != "answer":
            parts.append(f"{n} new {NOUNS[table]}{'s' if n != 1 else ''}")
    upd = Counter(t for t, _k in updated)
    for table, n in sorted(upd.items()):
        if table in NOUNS:
            parts.append(f"{n} {NOUNS[table]}{'s' if n != 1 else ''} changed")
    for table, n in sorted(deleted.items()):
        if table in NOUNS:
            parts.append(f"{n} {NOUNS[table]}{'s' if n != 1 else ''} deleted")
    dedup = list(dict.fromkeys(details))
    answers = Counter(d for d in dedup if d.startswith("answer arrived"))
    out = parts + [f"{answers[d] if answers[d] > 1 else 1} {d}" if d.startswith("answer arrived") else d
                   for d in dedup[:10]]
    return ", ".join(out) if out else "nothing changed"


def as_dicts(cols: list[str], data: list[tuple]) -> list[dict[str, Any]]:
    return [dict(zip(cols, r, strict=False)) for r in data]
