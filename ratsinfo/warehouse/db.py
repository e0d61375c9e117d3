"""Open the warehouse, apply migrations in order, and give read-only access for `sql`."""

from __future__ import annotations

import contextlib
import os
from importlib import resources
from pathlib import Path

import duckdb

from ratsinfo.errors import NoWarehouse

DEFAULT_DB = "ratsinfo.duckdb"


def db_path(path: str | os.PathLike | None) -> Path:
    return Path(path or os.environ.get("RATSINFO_DB") or DEFAULT_DB)


def migrations() -> list[tuple[int, str, str]]:
    """(version, name, sql) of every migration file, in order."""
    out = []
    folder = resources.files("ratsinfo.warehouse") / "migrations"
    for entry in folder.iterdir():
        name = entry.name
        if name.endswith(".sql") and name[:3].isdigit():
            out.append((int(name[:3]), name, entry.read_text(encoding="utf-8")))
    return sorted(out)


def schema_version(con: duckdb.DuckDBPyConnection) -> int:
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
    ).fetchone()[0]
    if not exists:
        return 0
    return con.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()[0]


def migrate(con: duckdb.DuckDBPyConnection) -> int:
    """Apply the migrations the file has not seen yet, each in its own transaction."""
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name VARCHAR, "
        "applied_at TIMESTAMP DEFAULT current_timestamp)"
    )
    current = schema_version(con)
    for version, name, sql in migrations():
        if version <= current:
            continue
        con.execute("BEGIN")
        try:
            con.execute(sql)
            con.execute("INSERT INTO schema_version (version, name) VALUES (?, ?)", [version, name])
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        current = version
    return current


def connect(path: str | os.PathLike | None = None) -> duckdb.DuckDBPyConnection:
    """Open (creating if needed) and migrate the warehouse for writing."""
    p = db_path(path)
    if p.parent and not p.parent.exists():
        p.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(p))
    # DuckDB takes 80% of the machine by default; a nightly job shares it. Beyond this it spills to disk.
    con.execute("SET memory_limit = ?", [os.environ.get("RATSINFO_MEMORY_LIMIT", "384MB")])
    migrate(con)
    return con


def connect_readonly(path: str | os.PathLike | None = None) -> duckdb.DuckDBPyConnection:
    """Read-only, with the search extension loaded, then locked: no files or network from SQL."""
    p = db_path(path)
    if not p.exists():
        raise NoWarehouse(
            f"{p}: no warehouse here yet; run 'ratsinfo ingest files PATH' first or pass --db"
        )
    con = duckdb.connect(str(p), read_only=True)
    from ratsinfo.warehouse.search import SearchUnavailable, load_fts

    with contextlib.suppress(SearchUnavailable):  # search reports it; everything else works without
        load_fts(con)
    con.execute("SET enable_external_access = false")
    con.execute("SET lock_configuration = true")
    return con
