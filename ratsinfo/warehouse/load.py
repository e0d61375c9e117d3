"""Bulk, idempotent loading: Arrow batches upserted on stable keys, counted as
inserted / updated / unchanged.

A row whose content hash is unchanged is not written again, so re-running an ingest
changes nothing. Stub rows (a paper known only from another paper's Stammbaum) never
overwrite a full row.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections import Counter
from datetime import date, datetime
from typing import Any

import duckdb
import pyarrow as pa

META = ("row_hash", "first_run", "last_run", "deleted")
_columns_cache: dict[tuple[int, str], list[str]] = {}


def table_columns(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    key = (id(con), table)
    if key not in _columns_cache:
        rows = con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ? "
            "ORDER BY ordinal_position", [table]).fetchall()
        if not rows:
            raise ValueError(f"no table {table!r} in the warehouse")
        _columns_cache[key] = [r[0] for r in rows]
    return _columns_cache[key]


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return value


def _hash(row: dict[str, Any], cols: list[str]) -> str:
    def enc(v: Any) -> Any:
        if isinstance(v, date | datetime):
            return v.isoformat()
        return v

    payload = json.dumps([enc(row.get(c)) for c in cols], ensure_ascii=False, default=str)
    return hashlib.sha1(payload.encode("utf-8")).hexdigest()


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


# Tables where several documents describe one record (a paper as HTML page and as text
# export): a field one of them leaves empty keeps what the other said.
MERGE_TABLES = {"paper", "organization", "person"}

# Fields whose change alone does not make a row new content (when it was read).
VOLATILE = {"fetched_at"}


def upsert(con: duckdb.DuckDBPyConnection, table: str, records: list[Any], run_id: int) -> Counter:
    """Upsert dataclass records into ``table``; returns counts inserted/updated/unchanged.

    Call inside the caller's transaction: a batch is loaded whole or not at all.
    """
    counts: Counter = Counter()
    if not records:
        return counts
    cols = [c for c in table_columns(con, table) if c not in META]
    content_cols = [c for c in cols if c not in VOLATILE]
    by_key: dict[str, dict[str, Any]] = {}
    for rec in records:
        row = {c: _plain(v) for c, v in dataclasses.asdict(rec).items() if c in cols}
        prev = by_key.get(row["key"])
        if prev is not None:
            if row.get("stub") and not prev.get("stub"):
                continue  # a full record in the same batch wins over a stub
            if row.get("stub") == prev.get("stub"):
                # two documents describe the same record: what either knows is kept
                row = {c: (row[c] if row.get(c) not in (None, "", "{}", []) else prev.get(c)) for c in row}
        by_key[row["key"]] = row
    rows = list(by_key.values())
    for row in rows:
        row["row_hash"] = _hash(row, content_cols)
        row["first_run"] = run_id
        row["last_run"] = run_id
        row["deleted"] = False
    all_cols = cols + list(META)
    schema_types = dict(con.execute(
        "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ?",
        [table]).fetchall())
    arrays = {c: [r.get(c) for r in rows] for c in all_cols}
    batch = pa.table({c: pa.array(v, type=_arrow_type(schema_types[c])) for c, v in arrays.items()})
    con.register("_batch", batch)
    try:
        t = _q(table)
        new, changed, same = con.execute(
            f"SELECT count(*) FILTER (WHERE t.key IS NULL), "
            f"count(*) FILTER (WHERE t.key IS NOT NULL AND t.row_hash IS DISTINCT FROM b.row_hash), "
            f"count(*) FILTER (WHERE t.key IS NOT NULL AND t.row_hash = b.row_hash) "
            f"FROM _batch b LEFT JOIN {t} t ON t.key = b.key").fetchone()
        if table in LOGGED_TABLES and (new or changed):
            _log_changes(con, table, content_cols, run_id)
        collist = ", ".join(_q(c) for c in all_cols)
        merge = table in MERGE_TABLES
        updates = ", ".join(
            f"{_q(c)} = coalesce(excluded.{_q(c)}, {t}.{_q(c)})" if merge and c not in META
            else f"{_q(c)} = excluded.{_q(c)}"
            for c in all_cols if c not in ("key", "first_run"))
        has_stub = "stub" in cols
        stub_guard = f" WHERE NOT ({t}.stub = false AND excluded.stub = true)" if has_stub else ""
        con.execute(
            f"INSERT INTO {t} ({collist}) SELECT {collist} FROM _batch b "
            f"WHERE NOT EXISTS (SELECT 1 FROM {t} x WHERE x.key = b.key AND x.row_hash = b.row_hash) "
            f"ON CONFLICT (key) DO UPDATE SET {updates}{stub_guard}")
        if has_stub:
            # stubs that met a full row were not written: count them as unchanged
            stubbed = con.execute(
                f"SELECT count(*) FROM _batch b JOIN {t} x ON x.key = b.key "
                f"WHERE b.stub AND NOT x.stub AND x.row_hash <> b.row_hash").fetchone()[0]
            changed -= stubbed
            same += stubbed
    finally:
        con.unregister("_batch")
    counts["inserted"] += new
    counts["updated"] += changed
    counts["unchanged"] += same
    return counts


# Tables whose changes are logged field by field (what a person reads in `ratsinfo changes`).
LOGGED_TABLES = {"paper", "meeting", "agenda_item", "organization", "person", "membership", "consultation", "file",
                 "question", "answer", "paper_relation", "rule", "topic", "body"}
SKIP_FIELDS = {"text", "sections", "source_url", "document_key", "row_hash", "first_run", "last_run", "deleted"}


def _log_changes(con: duckdb.DuckDBPyConnection, table: str, cols: list[str], run_id: int) -> None:
    """Write change rows for what this batch inserts or updates (called before the write)."""
    t = _q(table)
    label = next((c for c in ("reference", "name", "number", "text") if c in cols), "key")
    con.execute(
        f"INSERT INTO change SELECT ?, ?, b.key, NULL, NULL, CAST(b.{_q(label)} AS VARCHAR), 'inserted' "
        f"FROM _batch b LEFT JOIN {t} t ON t.key = b.key WHERE t.key IS NULL", [run_id, table])
    fields = [c for c in cols if c not in SKIP_FIELDS and c != "key" and c != "stub"]
    if not fields:
        return
    unions = " UNION ALL ".join(
        f"SELECT b.key, '{c}' AS field, CAST(t.{_q(c)} AS VARCHAR) AS old_value, "
        f"CAST(b.{_q(c)} AS VARCHAR) AS new_value "
        f"FROM _batch b JOIN {t} t ON t.key = b.key WHERE t.row_hash IS DISTINCT FROM b.row_hash "
        f"AND t.{_q(c)} IS DISTINCT FROM b.{_q(c)} AND b.{_q(c)} IS NOT NULL"
        + (" AND NOT (t.stub = false AND b.stub = true)" if "stub" in cols else "")
        for c in fields)
    con.execute(f"INSERT INTO change SELECT ?, ?, key, field, old_value, new_value, 'updated' FROM ({unions})",
                [run_id, table])


def retire_missing(con: duckdb.DuckDBPyConnection, table: str, document_keys: list[str],
                   keep: list[str], run_id: int) -> int:
    """Mark rows read from these documents but absent from the new parse as deleted.

    Nothing is dropped: a re-parsed document that no longer yields a row soft-deletes it.
    """
    if not document_keys:
        return 0
    con.register("_docs", pa.table({"k": pa.array(document_keys, pa.string())}))
    con.register("_keep", pa.table({"k": pa.array(keep, pa.string())}))
    try:
        n = con.execute(
            f"UPDATE {_q(table)} SET deleted = true, last_run = ? "
            f"WHERE NOT deleted AND document_key IN (SELECT k FROM _docs) "
            f"AND key NOT IN (SELECT k FROM _keep) RETURNING key", [run_id]).fetchall()
        log_deleted(con, table, [r[0] for r in n], run_id)
    finally:
        con.unregister("_docs")
        con.unregister("_keep")
    return len(n)


def log_deleted(con: duckdb.DuckDBPyConnection, table: str, keys: list[str], run_id: int) -> None:
    if keys and table in LOGGED_TABLES:
        con.executemany("INSERT INTO change VALUES (?, ?, ?, NULL, NULL, NULL, 'deleted')",
                        [[run_id, table, k] for k in keys])


def _arrow_type(duck: str) -> pa.DataType:
    duck = duck.upper()
    if duck.endswith("[]"):
        return pa.list_(_arrow_type(duck[:-2]))
    return {
        "VARCHAR": pa.string(), "BIGINT": pa.int64(), "INTEGER": pa.int32(),
        "BOOLEAN": pa.bool_(), "DATE": pa.date32(), "TIMESTAMP": pa.timestamp("us"),
        "DOUBLE": pa.float64(),
    }.get(duck, pa.string())
