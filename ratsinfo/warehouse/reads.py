"""Reads that the query layer, operations and the CLI need: each statement here, bound, never
formatted; larger ones live as ``.sql`` files (``warehouse/sql``, ``queries/*.sql``)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import duckdb


def select(con: duckdb.DuckDBPyConnection, sql: str, params: Any = None) -> tuple[list[str], list[tuple]]:
    """Run one read statement; (column names, rows). A statement that returns nothing gives ([], [])."""
    cur = con.execute(sql, params if params is not None else [])
    if cur.description is None:
        return [], []
    return [d[0] for d in cur.description], cur.fetchall()


def questions(con: duckdb.DuckDBPyConnection) -> list[tuple[str, int, str]]:
    return con.execute("SELECT paper_key, number, text FROM question WHERE NOT deleted "
                       "ORDER BY paper_key, number").fetchall()


def question_text(con: duckdb.DuckDBPyConnection, paper_key: str, number: int) -> str | None:
    row = con.execute("SELECT text FROM question WHERE paper_key = ? AND number = ?", [paper_key, number]).fetchone()
    return row[0] if row else None


def frequency_counts(con: duckdb.DuckDBPyConnection, org_keys: list[str]) -> list[tuple]:
    """Session counts read as rules or bounds ("viermal im Jahr", "bis zu zwölf Mal"), with their source."""
    return con.execute(
        "SELECT f.subject, CAST(f.number AS INTEGER), f.qualifier, s.source FROM fact f "
        "JOIN doc_source s ON s.document_key = f.document_key WHERE f.kind = 'session_count' AND NOT f.deleted "
        "AND f.qualifier IN ('per_year', 'upper_bound', 'at_least') AND f.subject_key IN (SELECT unnest(?::VARCHAR[])) "
        "ORDER BY f.subject, f.start", [org_keys]).fetchall()


def organizations(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str, list[str] | None, str | None]]:
    return con.execute("SELECT key, name, aliases, abbreviation FROM organization WHERE NOT deleted "
                       "ORDER BY key").fetchall()


def organization_names(con: duckdb.DuckDBPyConnection, keys: list[str]) -> list[tuple]:
    return con.execute("SELECT name, aliases, abbreviation FROM organization "
                       "WHERE key IN (SELECT unnest(?::VARCHAR[])) ORDER BY key", [keys]).fetchall()


def inquiry_of_answer(con: duckdb.DuckDBPyConnection, answer_key: str) -> str | None:
    row = con.execute("SELECT ip.reference FROM answer a JOIN question q ON q.key = a.question_key "
                      "JOIN paper ip ON ip.key = q.paper_key WHERE a.key = ?", [answer_key]).fetchone()
    return row[0] if row else None


def paper_reference(con: duckdb.DuckDBPyConnection, key: str) -> str | None:
    row = con.execute("SELECT reference FROM paper WHERE key = ?", [key]).fetchone()
    return row[0] if row else None


def run_sources(con: duckdb.DuckDBPyConnection) -> list[str]:
    return [r[0] for r in con.execute("SELECT DISTINCT source_key FROM run WHERE source_key IS NOT NULL "
                                      "ORDER BY 1").fetchall()]


def finished_runs(con: duckdb.DuckDBPyConnection, source_key: str) -> list[tuple[datetime, str, str]]:
    return con.execute("SELECT started_at, status, counts FROM run WHERE source_key = ? AND finished_at IS NOT NULL "
                       "ORDER BY id DESC", [source_key]).fetchall()


def source_name(con: duckdb.DuckDBPyConnection, key: str) -> str | None:
    row = con.execute("SELECT name FROM source WHERE key = ?", [key]).fetchone()
    return row[0] if row else None


def watermarks(con: duckdb.DuckDBPyConnection, source_key: str) -> list[tuple[str, datetime | None]]:
    return con.execute("SELECT list, modified_until FROM watermark WHERE source_key = ? ORDER BY list",
                       [source_key]).fetchall()


def document_count(con: duckdb.DuckDBPyConnection, source_key: str) -> int:
    return con.execute("SELECT count(*) FROM document WHERE source_key = ?", [source_key]).fetchone()[0]


def documents_to_reparse(con: duckdb.DuckDBPyConnection, source_key: str | None, kind: str | None,
                         since: datetime | None) -> list[tuple]:
    """Current stored documents, newest first: key, source key, source kind, url, origin, sha256, kind,
    fetched_at, http status, validators."""
    return con.execute(
        "SELECT d.key, d.source_key, s.kind, d.url, d.origin, d.sha256, d.kind, d.fetched_at, d.http_status, "
        "d.etag, d.last_modified, d.size, d.content_type FROM document d JOIN source s ON s.key = d.source_key "
        "WHERE NOT d.deleted AND coalesce(d.is_current, true) AND (d.http_status IS NULL OR d.http_status < 400) "
        "AND (CAST(? AS VARCHAR) IS NULL OR d.source_key = ? OR s.name = ?) "
        "AND (CAST(? AS VARCHAR) IS NULL OR d.kind = ?) "
        "AND (CAST(? AS TIMESTAMP) IS NULL OR d.fetched_at >= ?) "
        "ORDER BY d.fetched_at DESC, d.key DESC",
        [source_key, source_key, source_key, kind, kind, since, since]).fetchall()


def councils_matching(con: duckdb.DuckDBPyConnection, text: str) -> list[str]:
    """The councils on record that a place name in a question means ("Musterstadt", "Stadt Musterstadt")."""
    return [c for (c,) in con.execute("SELECT DISTINCT council FROM organization_council "
                                      "WHERE council_matches(council, ?) ORDER BY council", [text]).fetchall()]


def council_directory(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str | None, str | None]]:
    """Every organization's council and that council's slug (as council_matches compares them)."""
    return con.execute("SELECT key, council, council_slug(council) FROM organization_council ORDER BY key").fetchall()


def working_groups(con: duckdb.DuckDBPyConnection, parent_keys: list[str] | None, council: str | None) -> list[str]:
    """Keys of the working groups (under these parents, of this council when given), by name."""
    return [k for (k,) in con.execute(
        "SELECT o.key FROM organization o JOIN organization_council c ON c.key = o.key "
        "WHERE NOT o.deleted AND o.kind = 'working_group' AND (?::VARCHAR[] IS NULL OR list_contains(?, o.parent_key)) "
        "AND (?::VARCHAR IS NULL OR council_matches(c.council, ?)) ORDER BY o.name, o.key",
        [parent_keys, parent_keys, council, council]).fetchall()]


def organization_kinds(con: duckdb.DuckDBPyConnection, keys: list[str]) -> dict[str, str | None]:
    """The kind of each organization key (council, committee, working_group ...)."""
    return dict(con.execute("SELECT key, kind FROM organization WHERE list_contains(?, key)", [keys]).fetchall())


def organization_councils(con: duckdb.DuckDBPyConnection, keys: list[str]) -> dict[str, str | None]:
    """The council of each organization key."""
    return dict(con.execute("SELECT key, council FROM organization_council WHERE list_contains(?, key)",
                            [keys]).fetchall())
