"""Statements of the watches: storing them, reading the events of runs, and recording deliveries.

A delivery row says which item of the change log went to which address in which message; it is
written with status ``sending`` (and committed) before the mail leaves, and turned into ``sent``
or ``failed`` afterwards, so that a crash in between is visible instead of silently repeated.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import duckdb

from ratsinfo.warehouse.load import transaction
from ratsinfo.warehouse.report import sql_text
from ratsinfo.warehouse.search import load_fts

WATCH_COLUMNS = ("id", "kind", "label", "words", "council", "body", "paper_type", "faction", "paper_key",
                 "after_run", "created_at")


def latest_run(con: duckdb.DuckDBPyConnection) -> int:
    return con.execute("SELECT coalesce(max(id), 0) FROM run").fetchone()[0]


def add_watch(con: duckdb.DuckDBPyConnection, fields: dict[str, Any], recipients: list[str]) -> int:
    """Store a watch and its recipients; it reports runs after the latest one (older runs are not news)."""
    with transaction(con):
        watch_id = con.execute(
            "INSERT INTO watch (kind, label, words, council, body, paper_type, faction, paper_key, after_run, "
            "created_at) VALUES ($kind, $label, $words, $council, $body, $paper_type, $faction, $paper_key, "
            "(SELECT coalesce(max(id), 0) FROM run), current_timestamp::TIMESTAMP) RETURNING id",
            {k: fields.get(k) for k in ("kind", "label", "words", "council", "body", "paper_type", "faction",
                                        "paper_key")}).fetchone()[0]
        con.executemany("INSERT INTO watch_recipient VALUES (?, ?) ON CONFLICT DO NOTHING",
                        [[watch_id, a] for a in recipients])
    return watch_id


def remove_watch(con: duckdb.DuckDBPyConnection, watch_id: int) -> bool:
    """Remove a watch, its recipients and its delivery record; False when there was none."""
    with transaction(con):
        gone = con.execute("DELETE FROM watch WHERE id = ? RETURNING id", [watch_id]).fetchall()
        con.execute("DELETE FROM watch_recipient WHERE watch_id = ?", [watch_id])
        con.execute("DELETE FROM watch_delivery WHERE watch_id = ?", [watch_id])
    return bool(gone)


def watches(con: duckdb.DuckDBPyConnection, watch_id: int | None = None) -> list[tuple]:
    """Every watch (or one) as a row of WATCH_COLUMNS plus its sorted recipients."""
    return con.execute(
        "SELECT w.id, w.kind, w.label, w.words, w.council, w.body, w.paper_type, w.faction, w.paper_key, "
        "w.after_run, w.created_at, list(r.address ORDER BY r.address) FILTER (WHERE r.address IS NOT NULL) "
        "FROM watch w LEFT JOIN watch_recipient r ON r.watch_id = w.id WHERE ($id IS NULL OR w.id = $id) "
        "GROUP BY ALL ORDER BY w.id", {"id": watch_id}).fetchall()


def runs_after(con: duckdb.DuckDBPyConnection, after_run: int, since: datetime | None) -> list[int]:
    return [r[0] for r in con.execute(
        "SELECT id FROM run WHERE id > ? AND (CAST(? AS TIMESTAMP) IS NULL OR started_at >= ?) ORDER BY id",
        [after_run, since, since]).fetchall()]


def events(con: duckdb.DuckDBPyConnection, run_ids: list[int]) -> list[tuple]:
    """(run_id, table, key, event, paper_key, meeting_key, detail) for what these runs inserted or changed."""
    if not run_ids:
        return []
    return con.execute(sql_text("watch_events"), {"runs": run_ids}).fetchall()


def papers(con: duckdb.DuckDBPyConnection, keys: list[str]) -> list[tuple]:
    """(key, reference, name, paper_type, source_url, council, body_key, originator, under_direction_of, bodies)."""
    return con.execute(sql_text("watch_papers"), {"keys": keys}).fetchall() if keys else []


def meetings(con: duckdb.DuckDBPyConnection, keys: list[str]) -> list[tuple]:
    """(key, name, start, cancelled, source_url, organization_key, body, aliases, abbreviation)."""
    return con.execute(sql_text("watch_meetings"), {"keys": keys}).fetchall() if keys else []


def papers_with_words(con: duckdb.DuckDBPyConnection, keys: list[str], words: str) -> set[str]:
    """The papers among ``keys`` that contain every word (German stems, as the search index)."""
    if not keys:
        return set()
    load_fts(con)  # the stem() function
    return {r[0] for r in con.execute(sql_text("watch_words"), {"keys": keys, "words": words}).fetchall()}


def find_papers(con: duckdb.DuckDBPyConnection, reference: str) -> list[tuple[str, str, str | None]]:
    """(key, reference, council) of the papers with this key or reference."""
    return con.execute(
        "SELECT p.key, p.reference, coalesce(b.name, p.body_key) FROM paper p LEFT JOIN body b ON b.key = p.body_key "
        "WHERE NOT p.deleted AND (p.key = $r OR lower(p.reference) = lower($r)) ORDER BY p.key",
        {"r": reference}).fetchall()


def find_bodies(con: duckdb.DuckDBPyConnection, name: str) -> list[tuple[str, str]]:
    """(key, name) of the organizations called so (name, alias, short name or key), case-insensitively."""
    return con.execute(
        "SELECT key, name FROM organization WHERE NOT deleted AND (key = $n OR lower(name) = lower($n) "
        "OR lower(coalesce(abbreviation, '')) = lower($n) "
        "OR list_contains(list_transform(coalesce(aliases, []), a -> lower(a)), lower($n))) ORDER BY key",
        {"n": name}).fetchall()


def body_names_like(con: duckdb.DuckDBPyConnection, name: str, limit: int = 5) -> list[str]:
    """Names close to a misspelt body name, for the error message."""
    return [r[0] for r in con.execute(
        "SELECT DISTINCT name FROM organization WHERE NOT deleted AND name IS NOT NULL "
        "ORDER BY jaro_winkler_similarity(lower(name), lower(?)) DESC, name LIMIT ?", [name, limit]).fetchall()]


def deliveries(con: duckdb.DuckDBPyConnection, address: str) -> dict[tuple[int, str], tuple[str, str | None]]:
    """(watch_id, item_id) → (status, message_id) of what was sent, or tried, to this address."""
    rows = con.execute("SELECT watch_id, item_id, status, message_id FROM watch_delivery WHERE address = ?",
                       [address]).fetchall()
    return {(w, i): (s, m) for w, i, s, m in rows}


def record(con: duckdb.DuckDBPyConnection, address: str, items: list[tuple[int, str]], message_id: str,
           status: str, error: str | None = None) -> None:
    """Record, committed at once, the status of a message for the items it carries."""
    with transaction(con):
        con.executemany(
            "INSERT INTO watch_delivery VALUES (?, ?, ?, ?, ?, current_timestamp::TIMESTAMP, ?) "
            "ON CONFLICT (address, watch_id, item_id) DO UPDATE SET message_id = excluded.message_id, "
            "status = excluded.status, recorded_at = excluded.recorded_at, error = excluded.error",
            [[address, w, i, message_id, status, error] for w, i in items])


def unsure(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str, int]]:
    """(address, message_id, items) of messages recorded as sending: a crash came between send and record."""
    return con.execute("SELECT address, message_id, count(*) FROM watch_delivery WHERE status = 'sending' "
                       "GROUP BY ALL ORDER BY address, message_id").fetchall()


def settle(con: duckdb.DuckDBPyConnection, address: str, message_id: str, status: str) -> None:
    """Decide a message left as sending: sent (it arrived) or failed (it did not: send again)."""
    with transaction(con):
        con.execute("UPDATE watch_delivery SET status = ?, recorded_at = current_timestamp::TIMESTAMP "
                    "WHERE address = ? AND message_id = ? AND status = 'sending'", [status, address, message_id])
