"""Rows the web app's paper, meeting and body pages (and their feeds) read in one point lookup, rebuilt with
the search index before a snapshot is published.

Why: such a page used to run five to eight statements, and planning them, not running them, was most of its
time (about 20 ms of CPU for a paper). Each row holds, as lists of structs, what those statements return for
one key (``sql/page_*.sql``); the web app reads it with one lookup by key and falls back to the statements on
a warehouse written before these tables existed.

The rows are built in parts of about ``ROWS_PER_PART`` keys (by a hash of the key): every list of the whole
city at once does not fit the writer's memory limit at ten times the generated city. Each part is committed
into a staging table (``<table>_next``) that replaces the table in one last transaction: rows inserted in one
transaction stay in its memory until it commits, so a single transaction over all parts held the whole
table (at ten times the city, more than a 256 MB limit allows).
"""

from __future__ import annotations

from typing import Any

import duckdb

from ratsinfo.warehouse.load import transaction
from ratsinfo.warehouse.report import sql_text

PAGE_TABLES = ("page_paper", "page_meeting", "page_body")
SEARCH_TABLES = ("search_posting", "search_hit")  # sql/search_rows_rebuild.sql
WEIGHTED = ("SELECT count(*) = 2 FROM duckdb_columns() WHERE table_name = 'search_posting' "
            "AND column_name IN ('weight', 'ord')")  # postings with their BM25 weight and their text's rank of key
ROWS_PER_PART = 20_000
SIZES = {"page_paper": "SELECT count(*) FROM paper", "page_meeting": "SELECT count(*) FROM meeting",
         "page_body": "SELECT count(*) FROM organization"}
DROP = {t: f"DROP TABLE IF EXISTS {t}" for t in PAGE_TABLES}
DROP_NEXT = {t: f"DROP TABLE IF EXISTS {t}_next" for t in PAGE_TABLES}
CREATE = {t: f"CREATE TABLE {t}_next AS " for t in PAGE_TABLES}
INSERT = {t: f"INSERT INTO {t}_next " for t in PAGE_TABLES}
SWAP = {t: f"ALTER TABLE {t}_next RENAME TO {t}" for t in PAGE_TABLES}
INDEX = {t: f"CREATE UNIQUE INDEX {t}_key ON {t} (key)" for t in PAGE_TABLES}
# what one part reads: a body's page gathers its papers through the consultations, many per body
WORK = {**SIZES, "page_body": "SELECT greatest((SELECT count(*) FROM organization), "
                              "(SELECT count(*) FROM consultation))"}
SEARCH_SIZE = "SELECT count(*) FROM search_hit"
LOOKUP = {t: f"SELECT * FROM {t} WHERE key = ?" for t in PAGE_TABLES}


def rebuild_pages(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Refill the search rows (the index must be built) and the page tables, each part in its own transaction
    and, when large, checkpointed after each table (otherwise all of them stay in memory until the end);
    returns the rows of each page table. Readers see none of it before the snapshot is published."""
    from ratsinfo.warehouse.search import run_script

    run_script(con, "search_rows_rebuild")
    _spill(con, con.execute(SEARCH_SIZE).fetchone()[0])
    built = {}
    for table in PAGE_TABLES:
        select = sql_text(table)
        parts = 1 + con.execute(WORK[table]).fetchone()[0] // ROWS_PER_PART
        con.execute(DROP_NEXT[table])  # left by a run killed while building it
        for part in range(parts):
            with transaction(con):
                head = CREATE[table] if part == 0 else INSERT[table]
                con.execute(head + select, {"part": part, "parts": parts})
        with transaction(con):
            con.execute(DROP[table])
            con.execute(SWAP[table])
            con.execute(INDEX[table])
            built[table] = con.execute(SIZES[table]).fetchone()[0]
        _spill(con, built[table])
    return built


def _spill(con: duckdb.DuckDBPyConnection, rows: int) -> None:
    """Checkpoint after a large table, so that its blocks are written to the file and leave memory for the next
    one; a small warehouse skips it (a checkpoint costs 30 to 80 ms even then, and publishing makes one)."""
    if rows >= ROWS_PER_PART:
        con.execute("CHECKPOINT")


def pages_exist(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether this warehouse (or snapshot) has the page rows and the search rows in their present form; one
    written before them (or before the postings carried their weights) has not, and is served by the
    statements until its next refresh builds them."""
    tables = [*PAGE_TABLES, *SEARCH_TABLES]
    found = con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name IN (SELECT unnest(?::VARCHAR[]))",
                        [tables]).fetchone()[0]
    return found == len(tables) and con.execute(WEIGHTED).fetchone()[0]


def page_row(con: duckdb.DuckDBPyConnection, table: str, key: str) -> dict[str, Any] | None:
    """One page's row (columns as a dict, nested lists and structs as Python lists and dicts); None when the
    key has no page."""
    cur = con.execute(LOOKUP[table], [key])
    row = cur.fetchone()
    return dict(zip([d[0] for d in cur.description], row, strict=True)) if row else None
