"""What the inquiry derivation reads (inquiries and the evidence of their answers) and how it stores
its verdicts: an idempotent upsert, so that a run that changes nothing writes nothing."""

from __future__ import annotations

from collections import Counter
from typing import Any

import duckdb

from ratsinfo.warehouse.load import transaction, upsert
from ratsinfo.warehouse.report import sql_text


def inquiries(con: duckdb.DuckDBPyConnection) -> list[tuple]:
    """(key, reference, name, originator, date, head of text) of every inquiry on record."""
    return con.execute(sql_text("inquiry_inquiries")).fetchall()


def evidence(con: duckdb.DuckDBPyConnection) -> list[tuple]:
    """(inquiry key, evidence, evidence key, name, detail, date, by whom, asked by, head of text) rows."""
    return con.execute(sql_text("inquiry_evidence")).fetchall()


def store_answers(con: duckdb.DuckDBPyConnection, rows: list[Any], run_id: int) -> Counter:
    """Upsert the verdicts; an inquiry that is gone retires its row. Changed verdicts are logged field by field."""
    with transaction(con):
        counts = upsert(con, "inquiry_answer", rows, run_id, log_inserts=False)
        keep = {r.key for r in rows}
        stale = [k for (k,) in con.execute("SELECT key FROM inquiry_answer WHERE NOT deleted").fetchall()
                 if k not in keep]
        if stale:  # the inquiry's own deletion is in the change log already
            con.execute("UPDATE inquiry_answer SET deleted = true, last_run = ? WHERE list_contains(?, key)",
                        [run_id, stale])
            counts["deleted"] += len(stale)
    return counts


def decided(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether inquiries were decided before (an upgraded warehouse has none decided yet)."""
    return bool(con.execute("SELECT count(*) FROM (SELECT 1 FROM inquiry_answer LIMIT 1)").fetchone()[0])
