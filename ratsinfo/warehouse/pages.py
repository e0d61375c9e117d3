"""Rows the web app's paper, meeting and body pages read in one point lookup, rebuilt with the search index
before a snapshot is published (see sql/page_rows_rebuild.sql for why)."""

from __future__ import annotations

import duckdb

PAGE_TABLES = ("page_paper", "page_meeting", "page_body")
LOOKUPS = {"page_paper": "SELECT * FROM page_paper WHERE key = ?",
           "page_meeting": "SELECT * FROM page_meeting WHERE key = ?",
           "page_body": "SELECT * FROM page_body WHERE key = ?"}


def rebuild_pages(con: duckdb.DuckDBPyConnection) -> None:
    from ratsinfo.warehouse.search import run_script

    run_script(con, "page_rows_rebuild")


def pages_exist(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether this warehouse (or snapshot) has the page rows; one written before them has not."""
    found = con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name IN (SELECT unnest(?::VARCHAR[]))",
                        [list(PAGE_TABLES)]).fetchone()[0]
    return found == len(PAGE_TABLES)


def page_row(con: duckdb.DuckDBPyConnection, table: str, key: str) -> dict | None:
    """One page's row (columns as a dict, nested lists and structs as Python lists and dicts); None when the
    key has no page."""
    cur = con.execute(LOOKUPS[table], [key])
    row = cur.fetchone()
    return dict(zip([d[0] for d in cur.description], row, strict=True)) if row else None
