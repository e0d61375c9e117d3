"""Open the warehouse, apply migrations in order, and give read-only access for `sql`."""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import time
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import duckdb

from ratsinfo.config import cache_dir, duckdb_threads, keep_in_cache, memory_limit, size_bytes
from ratsinfo.errors import NoWarehouse, WarehouseBusy
from ratsinfo.warehouse import absent

absent.install()

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
    """Apply the migrations the file has not seen yet, all in one transaction: a failed upgrade leaves the file
    as it was, and a new warehouse costs one commit, not one for each of its migrations."""
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name VARCHAR, "
        "applied_at TIMESTAMP DEFAULT current_timestamp)"
    )
    current = schema_version(con)
    pending = [(version, name, sql) for version, name, sql in migrations() if version > current]
    if not pending:
        return current
    con.execute("BEGIN")
    try:
        for version, name, sql in pending:
            con.execute(sql)
            con.execute("INSERT INTO schema_version (version, name) VALUES (?, ?)", [version, name])
    except Exception:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")
    return pending[-1][0]


LOCK_WORDS = ("conflicting lock", "could not set lock")
WRITER_WAIT = 10.0  # seconds a writer waits for readers of a warehouse without a snapshot


def is_lock_error(exc: BaseException) -> bool:
    return any(w in str(exc).casefold() for w in LOCK_WORDS)


def snapshot_path(path: str | os.PathLike) -> Path:
    """Where the last complete state is published for readers, beside the warehouse."""
    return Path(str(path) + ".snapshot")


def template() -> Path | None:
    """An empty warehouse at the newest schema, kept in the cache folder and named after the migrations and the
    DuckDB version: a new warehouse is a copy of it. Creating one by its migrations costs about 0.1 s of CPU
    (a simulated national crawl or the test suite makes hundreds); copying 2 MB costs a few milliseconds.
    None when the cache folder cannot be written: the new warehouse is then migrated in place."""
    digest = hashlib.sha256(duckdb.__version__.encode())
    for version, name, sql in migrations():
        digest.update(f"{version}\0{name}\0{sql}\0".encode())
    kept = cache_dir() / f"warehouse-{digest.hexdigest()[:16]}.duckdb"
    if kept.exists():
        return kept

    def write(tmp: Path) -> None:
        con = duckdb.connect(str(tmp))
        try:
            no_autoload(con)
            migrate(con)
        finally:
            con.close()
    try:
        return kept if keep_in_cache(kept, write) else None
    except duckdb.Error:
        return None


def _create(p: Path) -> bool:
    """A new warehouse file at ``p`` as a copy of the template, unless another process creates it first;
    whether this made it."""
    kept = template()
    if kept is None:
        return False
    tmp = p.with_name(f"{p.name}.{os.getpid()}.{time.monotonic_ns()}.new")
    try:
        shutil.copyfile(kept, tmp)
        os.link(tmp, p)  # never over a file another process has just made
    except OSError:
        return False  # the other process's file, or a file system without links: migrated in place
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
    return True


def connect(path: str | os.PathLike | None = None) -> duckdb.DuckDBPyConnection:
    """Open (creating if needed) and migrate the warehouse for writing.

    One process writes at a time: a second writer gets ``WarehouseBusy`` (exit 3) naming the file,
    never DuckDB's lock text.
    """
    p = db_path(path)
    if p.parent and not p.parent.exists():
        p.parent.mkdir(parents=True, exist_ok=True)
    copied = not p.exists() and not Path(f"{p}.wal").exists() and _create(p)
    deadline = time.monotonic() + WRITER_WAIT
    while True:
        try:
            con = duckdb.connect(str(p))
            break
        except duckdb.Error as exc:
            if not is_lock_error(exc):
                raise
            if time.monotonic() > deadline:
                raise WarehouseBusy(f"{p}: another ratsinfo process is writing this warehouse (an ingest, "
                                    "refresh or reparse); run this again when it has finished") from exc
            time.sleep(0.2)
    no_autoload(con)
    # DuckDB takes 80% of the machine by default; a nightly job shares it. Beyond this it spills to disk.
    con.execute("SET memory_limit = ?", [memory_limit()])
    if (threads := duckdb_threads()) is not None:
        con.execute("SET threads = ?", [threads])
    # and gives back what it freed once it is over 16 MB, not 128 MB (its allocator keeps freed memory)
    con.execute("SET allocator_flush_threshold = '16MB'")
    con.execute("SET allocator_bulk_deallocation_flush_threshold = '16MB'")
    con.execute("SET allocator_background_threads = true")
    migrate(con)
    if copied:  # the template's migrations count as applied now, to this file
        con.execute("UPDATE schema_version SET applied_at = current_timestamp")
    return con


REBUILD_FLOOR = 256 * 1024 * 1024  # the page rows of ten times the generated city need this much


@contextlib.contextmanager
def rebuild_memory(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """Two thirds of the writer's memory limit (not under 256 MiB) while the index and page rows are rebuilt.

    Why: the rebuild comes after a load, whose Python side (parsed pages, caches) is still resident; with the
    whole limit on top, an ingest of ten times the generated city peaked at 700 to 770 MB, with two thirds at
    about 530 MB. Its statements spill to disk beyond the limit (each page table is built in parts)."""
    said = memory_limit()
    size = size_bytes(said)
    if size is None:  # a limit DuckDB reads but this does not ("300000000 bytes"): left as it is
        yield
        return
    con.execute("SET memory_limit = ?", [f"{int(max(size * 2 / 3, min(size, REBUILD_FLOOR)))}B"])
    try:
        yield
    finally:
        con.execute("SET memory_limit = ?", [said])


def no_autoload(con: duckdb.DuckDBPyConnection) -> None:
    """Extensions come from packages only: with autoloading on, a missing function makes DuckDB try to install
    its extension from the network (half a second of every process here, and a request nobody asked for)."""
    con.execute("SET autoinstall_known_extensions = false")
    con.execute("SET autoload_known_extensions = false")


def db_path_of(con: duckdb.DuckDBPyConnection) -> str:
    """The file a connection has open ('' for an in-memory database)."""
    row = con.execute("SELECT path FROM duckdb_databases() WHERE database_name = current_database()").fetchone()
    return row[0] if row and row[0] else ""


def publish(con: duckdb.DuckDBPyConnection) -> Path | None:
    """Publish the committed state for readers: checkpoint, copy beside the warehouse, rename atomically.

    Readers open the snapshot, never the file a writer holds, so `query`, `status`, `ask`, `search` and the
    web app keep answering during a refresh, from the last complete run, and never block the next writer.
    """
    path = db_path_of(con)
    if not path:
        return None
    source = Path(path)
    con.execute("CHECKPOINT")
    target = snapshot_path(source)
    tmp = target.with_name(target.name + f".{os.getpid()}.tmp")
    shutil.copyfile(source, tmp)
    with open(tmp, "rb+") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, target)
    return target


def connect_readonly(path: str | os.PathLike | None = None, threads: int | None = None) -> duckdb.DuckDBPyConnection:
    """Read-only, with the search extension loaded, then locked: no files or network from SQL.

    Reads the published snapshot when there is one (the last complete state), else the warehouse.
    ``threads`` caps DuckDB's threads per statement: a server running many small statements at once gets
    more from one thread each than from splitting each statement across the cores (else RATSINFO_THREADS).
    """
    p = db_path(path)
    if not p.exists():
        raise NoWarehouse(
            f"{p}: no warehouse here yet; run 'ratsinfo ingest files PATH' first or pass --db"
        )
    snap = snapshot_path(p)
    target = snap if snap.exists() else p
    try:
        con = duckdb.connect(str(target), read_only=True)
    except duckdb.Error as exc:
        if not is_lock_error(exc):
            raise
        raise WarehouseBusy(f"{p}: a ratsinfo process is writing this warehouse and no snapshot of it exists yet "
                            "(it is published when a run ends); try again when the run has finished") from exc
    from ratsinfo.warehouse.search import SearchUnavailable, load_fts

    with contextlib.suppress(SearchUnavailable):  # search reports it; everything else works without
        load_fts(con)
    # a reader shares the machine with the nightly run: bounded memory, then locked (see also statement_deadline)
    con.execute("SET memory_limit = ?", [os.environ.get("RATSINFO_READ_MEMORY_LIMIT", "512MB")])
    if (threads := threads or duckdb_threads()) is not None:
        con.execute("SET threads = ?", [threads])
    con.execute("SET enable_external_access = false")
    con.execute("SET lock_configuration = true")
    return con
