"""Canned queries and ``ask`` over the lake: the same query in every council (or one), one row set.

Each council is a separate town with its own keys and names, so a query runs once per council with
every view narrowed to it (organization names resolve within that council), and its rows come back
with the council in front: "in which cities did the Präventionsrat meet in 2019, and how often?"
is ``sessions-per-year`` with year and organization, across councils.
"""

from __future__ import annotations

from typing import Any

from ratsinfo import queries
from ratsinfo.warehouse.lake import Lake


def query_each(lake: Lake, name: str, raw: dict[str, str], council: str | None = None
               ) -> tuple[list[str], list[tuple]]:
    """(columns, rows) of a canned query in each council, ``council`` first in every row."""
    query = queries.get(name)
    cols: list[str] = []
    rows: list[tuple] = []
    for slug, con in lake.each(council):
        c, data = queries.run_bound(con, name, queries.bind(con, query, raw))
        cols = cols or c
        rows += [(slug, *r) for r in data]
    # the lake's council leads; a query's own council column (the name read in the documents) stays beside it
    return ["council", *("council_name" if c == "council" else c for c in cols)], rows


def ask_each(lake: Lake, question: str, council: str | None = None, *, with_rows_only: bool = True
             ) -> list[tuple[str, Any]]:
    """(council, Answer) per council; councils whose answer found no rows are left out unless asked for."""
    from ratsinfo.queries.ask import ask

    out = []
    for slug, con in lake.each(council):
        answer = ask(con, question)
        if answer.rows or not with_rows_only or council:
            out.append((slug, answer))
    return out
