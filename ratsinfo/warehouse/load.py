"""Bulk, idempotent loading: the one Loader of every source kind, and the upsert beneath it.

Records go to DuckDB as Arrow columns; merging with what is stored, hashing and comparing happen
in SQL, so a batch costs no Python work per field. A row whose content is unchanged is not written
again, so re-running an ingest changes nothing.

How a record that arrives from several places is decided (one rule for every field): a field a
copy leaves empty (None) keeps what another copy or the stored row says; in the tables of
``MERGE_TABLES`` this holds across batches and runs, so the order in which copies arrive does not
matter. Fields that only the embedding parent knows (the position of a consultation in its paper,
of an agenda item in its meeting) are set only by that parent; a copy read from its own list leaves
them empty. A stub (a paper known only from another paper's Stammbaum) never overwrites a full row.
"""

from __future__ import annotations

import dataclasses
import json
from collections import Counter
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from datetime import datetime
from functools import partial
from itertools import groupby
from operator import attrgetter, itemgetter
from typing import Any

import duckdb
import pyarrow as pa

from ratsinfo.model import TABLES, Document, Records
from ratsinfo.warehouse.runs import RECORD_TABLES

META = ("row_hash", "first_run", "last_run", "deleted")
MERGE_TABLES = {"paper", "organization", "person", "consultation", "agenda_item", "meeting", "file"}
DERIVED = {"theme", "theme2", "theme_confidence"}  # computed from a record's content (see ``upsert``)
VOLATILE = {"fetched_at", "is_current"}  # a new read time (or version flag, set by mark_current) is no new content
EMPTY = (None, "", "{}", [])

# Tables whose changes are logged field by field (what a person reads in `ratsinfo changes`).
LOGGED_TABLES = {"paper", "meeting", "agenda_item", "organization", "person", "membership", "consultation", "file",
                 "question", "answer", "paper_relation", "rule", "topic", "body", "fact", "inquiry_answer"}
SKIP_FIELDS = {"text", "sections", "source_url", "document_key", "row_hash", "first_run", "last_run", "deleted",
               "detail", "theme", "theme2", "theme_confidence"}

_schema_cache: dict[tuple[int, str], list[tuple[str, str]]] = {}
_json_cache: dict[type, frozenset[str]] = {}


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection):
    """BEGIN … COMMIT, rolled back on any exception: a batch is stored whole or not at all."""
    con.execute("BEGIN")
    try:
        yield con
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")


def table_schema(con: duckdb.DuckDBPyConnection, table: str) -> list[tuple[str, str]]:
    """(column, type) of ``table``, in order. The first call on a connection reads every table of the warehouse
    in one look: a look at the catalogue costs a few milliseconds, about as much as loading a small batch."""
    key = (id(con), table)
    if key not in _schema_cache:
        rows = con.execute("SELECT table_name, column_name, data_type FROM duckdb_columns() WHERE "
                           "database_name = current_database() AND schema_name = 'main' "
                           "ORDER BY table_name, column_index").fetchall()
        for name, columns in groupby(rows, key=itemgetter(0)):
            _schema_cache.setdefault((id(con), name), [(c, t) for _n, c, t in columns])
    if key not in _schema_cache:
        rows = con.execute("SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ? "
                           "ORDER BY ordinal_position", [table]).fetchall()
        if not rows:
            raise ValueError(f"no table {table!r} in the warehouse")
        _schema_cache[key] = rows
    return _schema_cache[key]


def _has_document_key(con: duckdb.DuckDBPyConnection, table: str) -> bool:
    return any(c == "document_key" for c, _t in table_schema(con, table))


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


_ARROW_TYPES = {"VARCHAR": pa.string(), "BIGINT": pa.int64(), "INTEGER": pa.int32(), "BOOLEAN": pa.bool_(),
                "DATE": pa.date32(), "TIMESTAMP": pa.timestamp("us"), "DOUBLE": pa.float64()}


def _arrow_type(duck: str) -> pa.DataType:
    duck = duck.upper()
    if duck.endswith("[]"):
        return pa.list_(_arrow_type(duck[:-2]))
    return _ARROW_TYPES.get(duck, pa.string())


def _column(records: list[Any], name: str) -> list[Any]:
    values = [getattr(r, name, None) for r in records]
    if any(isinstance(v, dict) for v in values):
        values = [json.dumps(v, ensure_ascii=False, sort_keys=True) if isinstance(v, dict) else v for v in values]
    return values


def _dedupe(records: list[Any]) -> list[Any]:
    """Two copies of one record in a batch become one: what either knows is kept, a full row beats a stub."""
    seen: dict[str, Any] = {}
    out: list[Any] = []
    for rec in records:
        prev = seen.get(rec.key)
        if prev is None:
            seen[rec.key] = rec
            out.append(rec)
            continue
        stub, prev_stub = getattr(rec, "stub", False), getattr(prev, "stub", False)
        if stub and not prev_stub:
            continue
        if prev_stub and not stub:
            out[out.index(prev)] = rec
            seen[rec.key] = rec
            continue
        for name in rec.__slots__:
            mine = getattr(rec, name)
            if mine not in EMPTY:
                setattr(prev, name, mine)
    return out


def _json_fields(cls: type) -> frozenset[str]:
    """Fields of a record class that hold dicts (stored as JSON text)."""
    hit = _json_cache.get(cls)
    if hit is None:
        hit = frozenset(f.name for f in dataclasses.fields(cls) if "dict" in str(f.type)) \
            if dataclasses.is_dataclass(cls) else frozenset()
        _json_cache[cls] = hit
    return hit


def _to_json(value: Any) -> Any:
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True) if value else "{}"
    return value


def arrow_batch(records: list[Any], schema: list[tuple[str, str]]) -> pa.Table:
    """Arrow columns of the records, in the table's column order: one C-level getter per column, JSON text
    made only for the fields that hold dicts, a column the records lack is one null array."""
    cls = type(records[0])
    if any(type(r) is not cls for r in records):
        return pa.table({c: pa.array(_column(records, c), type=_arrow_type(t)) for c, t in schema})
    json_fields = _json_fields(cls)
    columns = {}
    for c, t in schema:
        kind = _arrow_type(t)
        if not hasattr(cls, c):
            columns[c] = pa.nulls(len(records), kind)
            continue
        values = list(map(attrgetter(c), records))
        if c in json_fields:
            values = [_to_json(v) for v in values]
        columns[c] = pa.array(values, type=kind)
    return pa.table(columns)


def _digest(alias: str, columns: list[str]) -> str:
    """A 64-bit hash of the content columns (row() keeps NULL apart from '' and field boundaries apart)."""
    return f"hash(row({', '.join(f'{alias}.{_q(c)}' for c in columns)}))"


def upsert(con: duckdb.DuckDBPyConnection, table: str, records: list[Any], run_id: int,
           log_inserts: bool = True, derive: Callable[[list[Any]], None] | None = None,
           derive_all: bool = False, fresh: bool = True) -> Counter:
    """Upsert records into ``table``; returns counts inserted/updated/unchanged.

    Call inside the caller's transaction. ``log_inserts=False`` leaves inserts out of the change
    log (a source's first load is summarised there instead of listed row by row). ``derive`` fills
    the ``DERIVED`` columns (themes) of the records whose content is new or changed — or of all of them
    with ``derive_all``, after the deriving rules changed — so an unchanged record costs no derivation.
    ``fresh``: the records may well be new (a first load), worth a look for the straight insert.
    """
    counts: Counter = Counter()
    if not records:
        return counts
    if len({r.key for r in records}) < len(records):
        records = _dedupe(records)
    schema = [(c, t) for c, t in table_schema(con, table) if c not in META]
    cols = [c for c, _t in schema]
    derived = [c for c in cols if c in DERIVED]
    content = [c for c in cols if c not in VOLATILE and c not in DERIVED]
    t = _q(table)
    merge = table in MERGE_TABLES
    picked = ", ".join(
        f"coalesce(b.{_q(c)}, t.{_q(c)}) AS {_q(c)}" if merge and c != "key" else f"b.{_q(c)} AS {_q(c)}"
        for c in cols)
    olds = "".join(f", t.{_q(c)} AS {_q('_old_' + c)}" for c in derived)
    stub_skip = " WHERE NOT coalesce(b.stub AND NOT t.stub, false)" if "stub" in cols else ""
    content_changed = "(_new OR _was_deleted OR _old_hash IS DISTINCT FROM row_hash)"
    changed = " OR ".join([content_changed, *(f"{_q(c)} IS DISTINCT FROM {_q('_old_' + c)}" for c in derived)])

    batch = arrow_batch(records, schema)
    con.register("_batch", batch)
    try:
        if fresh and not _any_stored(con, table):
            return _insert_new(con, table, records, batch, schema, content, run_id, log_inserts, derive)
        con.execute(f"CREATE OR REPLACE TEMP TABLE _m AS SELECT *, {_digest('m', content)} AS row_hash FROM "
                    f"(SELECT {picked}, t.key IS NULL AS _new, coalesce(t.deleted, false) AS _was_deleted, "
                    f"t.row_hash AS _old_hash{olds} FROM _batch b LEFT JOIN {t} t ON t.key = b.key{stub_skip}) m")
        if derive is not None and derived:
            _derive(con, records, [(c, ty) for c, ty in schema if c == "key" or c in DERIVED], derive,
                    None if derive_all else content_changed)
        new, updated = con.execute(f"SELECT count(*) FILTER (WHERE _new), count(*) FILTER (WHERE NOT _new AND "
                                   f"({changed})) FROM _m").fetchone()
        counts["inserted"], counts["updated"] = new, updated
        counts["unchanged"] = len(records) - new - updated
        if table in LOGGED_TABLES and (new or updated):
            _log_changes(con, table, cols, run_id, log_inserts and bool(new), updated)
        collist = ", ".join(_q(c) for c in cols + list(META))
        picked_m = ", ".join("m." + _q(c) for c in cols)
        if new:
            con.execute(f"INSERT INTO {t} ({collist}) SELECT {picked_m}, m.row_hash, ?, ?, false FROM _m m "
                        "WHERE m._new", [run_id, run_id])
        if updated:
            updates = ", ".join(f"{_q(c)} = excluded.{_q(c)}" for c in cols + list(META)
                                if c not in ("key", "first_run"))
            con.execute(f"INSERT INTO {t} ({collist}) SELECT {picked_m}, m.row_hash, ?, ?, false FROM _m m "
                        f"WHERE NOT m._new AND ({changed}) ON CONFLICT (key) DO UPDATE SET {updates}",
                        [run_id, run_id])
        con.execute("DROP TABLE _m")
    finally:
        con.unregister("_batch")
    return counts


def _any_stored(con: duckdb.DuckDBPyConnection, table: str) -> bool:
    """Whether any key of the registered batch is stored already (one look decides the straight insert)."""
    return bool(con.execute(f"SELECT count(*) FROM _batch k JOIN {_q(table)} t ON t.key = k.key").fetchone()[0])


def _any_key_stored(con: duckdb.DuckDBPyConnection, table: str, records: list[Any]) -> bool:
    """Whether any of these records' keys is stored, for a look before their batch is registered."""
    con.register("_keys", pa.table({"key": pa.array([r.key for r in records], pa.string())}))
    try:
        return bool(con.execute(f"SELECT count(*) FROM _keys k JOIN {_q(table)} t ON t.key = k.key").fetchone()[0])
    finally:
        con.unregister("_keys")


def _insert_new(con: duckdb.DuckDBPyConnection, table: str, records: list[Any], batch: pa.Table,
                schema: list[tuple[str, str]], content: list[str], run_id: int, log_inserts: bool,
                derive: Callable[[list[Any]], None] | None) -> Counter:
    """The common case of a first load: no record of the registered batch is stored yet, so nothing is merged
    or compared, and the rows go straight from Arrow into the table (same hash as ``upsert``), the hash
    computed in the INSERT itself."""
    cols = [c for c, _t in schema]
    derived = [(c, t) for c, t in schema if c in DERIVED]
    if derive is not None and derived:
        derive(records)  # only now: the batch is known to be new, so every record needs its themes
        con.register("_batch", _with_columns(batch, arrow_batch(records, derived)))
    if table in LOGGED_TABLES and log_inserts:
        con.execute(f"INSERT INTO change SELECT ?, ?, b.key, NULL, NULL, CAST(b.{_q(_label(cols))} AS VARCHAR), "
                    "'inserted' FROM _batch b ORDER BY b.key", [run_id, table])
    collist = ", ".join(_q(c) for c in cols + list(META))
    con.execute(f"INSERT INTO {_q(table)} ({collist}) SELECT {', '.join('b.' + _q(c) for c in cols)}, "
                f"{_digest('b', content)}, ?, ?, false FROM _batch b", [run_id, run_id])
    return Counter(inserted=len(records), updated=0, unchanged=0)


def _with_columns(batch: pa.Table, columns: pa.Table) -> pa.Table:
    """The batch with some of its columns replaced (the others are not copied)."""
    for name in columns.column_names:
        batch = batch.set_column(batch.schema.get_field_index(name), name, columns.column(name))
    return batch


def _derive(con: duckdb.DuckDBPyConnection, records: list[Any], schema: list[tuple[str, str]],
            derive: Callable[[list[Any]], None], where: str | None) -> None:
    """Fill the derived columns of the records that need it, in the records and in ``_m``."""
    keys = {r[0] for r in con.execute("SELECT key FROM _m" + (f" WHERE {where}" if where else "")).fetchall()}
    subset = [r for r in records if r.key in keys]
    if not subset:
        return
    derive(subset)
    con.register("_derived", arrow_batch(subset, schema))
    try:
        sets = ", ".join(f"{_q(c)} = d.{_q(c)}" for c, _t in schema if c != "key")
        con.execute(f"UPDATE _m SET {sets} FROM _derived d WHERE _m.key = d.key")
    finally:
        con.unregister("_derived")


def _label(cols: list[str]) -> str:
    """The column that names an inserted row in the change log."""
    return next((c for c in ("reference", "name", "number", "text", "subject") if c in cols), "key")


def _log_changes(con: duckdb.DuckDBPyConnection, table: str, cols: list[str], run_id: int, inserts: bool,
                 updates: int) -> None:
    """Change rows for what this batch inserts or updates (called before the write)."""
    t = _q(table)
    if inserts:
        con.execute(f"INSERT INTO change SELECT ?, ?, m.key, NULL, NULL, CAST(m.{_q(_label(cols))} AS VARCHAR), "
                    "'inserted' FROM _m m WHERE m._new ORDER BY m.key", [run_id, table])
    fields = [c for c in cols if c not in SKIP_FIELDS and c not in ("key", "stub")]
    if not updates or not fields:
        return
    unions = " UNION ALL ".join(
        f"SELECT m.key, '{c}' AS field, CAST(t.{_q(c)} AS VARCHAR) AS old_value, CAST(m.{_q(c)} AS VARCHAR) "
        f"AS new_value FROM _m m JOIN {t} t ON t.key = m.key WHERE NOT m._new "
        f"AND t.first_run IS DISTINCT FROM ? "  # a row this run inserted: its insert (or summary) says it all
        f"AND t.{_q(c)} IS DISTINCT FROM m.{_q(c)}"
        for c in fields)
    con.execute(f"INSERT INTO change SELECT ?, ?, key, field, old_value, new_value, 'updated' FROM ({unions}) "
                "ORDER BY key, field", [run_id, table, *([run_id] * len(fields))])


def mark_index_stale(con: duckdb.DuckDBPyConnection) -> None:
    """Records changed: the full-text index is behind until it is rebuilt (committed with the change)."""
    con.execute("UPDATE reader_state SET index_stale = true WHERE NOT index_stale")


def summarise_inserts(con: duckdb.DuckDBPyConnection, run_id: int, counts: dict[str, Counter]) -> None:
    """One change row per table for a source's first load: "N inserted" instead of N rows."""
    tables = [t for t, c in sorted(counts.items()) if t in LOGGED_TABLES and c.get("inserted")]
    if tables:
        con.execute("INSERT INTO change SELECT ?, unnest(?::VARCHAR[]), NULL, 'count', NULL, unnest(?::VARCHAR[]), "
                    "'first_load'", [run_id, tables, [str(counts[t]["inserted"]) for t in tables]])


def retire_missing(con: duckdb.DuckDBPyConnection, table: str, document_keys: list[str],
                   keep: list[str], run_id: int) -> int:
    """Soft-delete rows read from these documents that the new parse no longer yields (nothing is dropped)."""
    if not document_keys:
        return 0
    con.register("_docs", pa.table({"k": pa.array(document_keys, pa.string())}))
    con.register("_keep", pa.table({"k": pa.array(keep, pa.string())}))
    try:
        gone = con.execute(f"UPDATE {_q(table)} SET deleted = true, last_run = ? WHERE NOT deleted "
                           "AND document_key IN (SELECT k FROM _docs) AND key NOT IN (SELECT k FROM _keep) "
                           "RETURNING key", [run_id]).fetchall()
    finally:
        con.unregister("_docs")
        con.unregister("_keep")
    keys = sorted(r[0] for r in gone)
    log_deleted(con, table, keys, run_id)
    return len(keys)


def retire_keys(con: duckdb.DuckDBPyConnection, table: str, keys: Iterable[str], run_id: int) -> int:
    """Soft-delete what the source says it deleted."""
    gone = con.execute(f"UPDATE {_q(table)} SET deleted = true, last_run = ? "
                       "WHERE key IN (SELECT unnest(?::VARCHAR[])) AND NOT deleted RETURNING key",
                       [run_id, sorted(keys)]).fetchall()
    found = sorted(g[0] for g in gone)
    log_deleted(con, table, found, run_id)
    return len(found)


def log_deleted(con: duckdb.DuckDBPyConnection, table: str, keys: list[str], run_id: int) -> None:
    if keys and table in LOGGED_TABLES:  # one statement: DuckDB runs executemany's rows one by one
        con.execute("INSERT INTO change SELECT ?, ?, unnest(?::VARCHAR[]), NULL, NULL, NULL, 'deleted'",
                    [run_id, table, keys])


def mark_current(con: duckdb.DuckDBPyConnection, docs: list[Document]) -> None:
    """The newest version of each URL is current; older versions stay, marked as such."""
    con.register("_cur", pa.table({"key": [d.key for d in docs], "url": [d.url for d in docs]}))
    try:
        con.execute("UPDATE document SET is_current = (document.key IN (SELECT key FROM _cur)) "
                    "WHERE document.url IN (SELECT url FROM _cur) "
                    "AND is_current IS DISTINCT FROM (document.key IN (SELECT key FROM _cur))")
    finally:
        con.unregister("_cur")


def set_watermark(con: duckdb.DuckDBPyConnection, source_key: str, body: str, list_name: str,
                  until: datetime | None, mode: str | None, at: datetime) -> None:
    """Advance a list's watermark (never backwards); called once the data it covers is committed."""
    con.execute("INSERT INTO watermark (source_key, body, list, modified_until, updated_at, mode) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (source_key, body, list) DO UPDATE SET "
                "modified_until = greatest(watermark.modified_until, excluded.modified_until), "
                "updated_at = excluded.updated_at, mode = excluded.mode",
                [source_key, body, list_name, until, at, mode])


class Loader:
    """Loads record sets, one transaction per batch, for every source kind.

    ``per_document`` retires rows a re-read document no longer yields (files, reparse); OParl and
    ALLRIS records are retired only when the source says so (``Records.deleted``).
    """

    def __init__(self, con: duckdb.DuckDBPyConnection, run: Any, *, per_document: bool = False,
                 first_load: bool = False, batch_size: int = 200,
                 derive: Callable[[str, list[Any], list[Records]], None] | None = None,
                 derive_all: bool = False) -> None:
        self.con, self.run, self.batch_size, self.derive = con, run, batch_size, derive
        self.per_document, self.first_load, self.derive_all = per_document, first_load, derive_all
        self.pending: list[tuple[list[Document], Records]] = []

    def add(self, records: Records, documents: list[Document] | None = None) -> None:
        """Queue the records of one document (or page); a full batch is loaded at once."""
        self.pending.append((documents or [], records))
        if len(self.pending) >= self.batch_size:
            self.flush()

    def flush(self) -> None:
        if self.pending:
            batch, self.pending = self.pending, []
            self._isolating(batch)

    def _isolating(self, batch: list[tuple[list[Document], Records]]) -> None:
        try:
            self.load(batch)
        except duckdb.Error as exc:
            if len(batch) > 1:  # find what breaks the batch; the others are stored one by one
                for item in batch:
                    self._isolating([item])
                return
            docs = batch[0][0]
            self.run.error(docs[0].origin if docs else "records", "load",
                           f"could not be stored: {exc}".splitlines()[0])

    def load(self, batch: list[tuple[list[Document], Records]]) -> None:
        """One transaction; the run's counts grow only once it is committed."""
        con, run = self.con, self.run
        counts: dict[str, Counter] = {}

        def count(table: str, c: Counter) -> None:
            counts.setdefault(table, Counter()).update(c)

        with transaction(con):
            docs = [d for ds, _r in batch for d in ds]
            # rows read from a document before are retired when a new parse no longer yields them; a batch of
            # documents never stored (a first load, a new folder) has nothing to retire: one look instead of one
            # statement per table
            retire = self.per_document and bool(docs) and _any_key_stored(con, "document", docs)
            if docs:
                count("document", upsert(con, "document", docs, run.id, log_inserts=False, fresh=self.first_load))
                mark_current(con, docs)
            doc_keys = [d.key for d in docs]
            whole = Records()
            for _d, rs in batch:
                whole.extend(rs)
            for table, attr in TABLES:
                records = getattr(whole, attr)
                hook = None if self.derive is None else partial(self.derive, table, units=[rs for _d, rs in batch])
                count(table, upsert(con, table, records, run.id, log_inserts=not self.first_load, derive=hook,
                                    derive_all=self.derive_all, fresh=self.first_load))
                if retire and table != "paper" and _has_document_key(con, table):
                    gone = retire_missing(con, table, doc_keys, [r.key for r in records], run.id)
                    if gone:
                        count(table, Counter(deleted=gone))
            for _d, rs in batch:
                for table, keys in sorted(rs.deleted.items()):
                    gone = retire_keys(con, table, keys, run.id)
                    if gone:
                        count(table, Counter(deleted=gone))
            if any(c.get("inserted") or c.get("updated") or c.get("deleted") for t, c in counts.items()
                   if t in RECORD_TABLES):  # as Run.changed: raw pages read again under new URLs do not count
                mark_index_stale(con)
            run.flush()
        for table, c in counts.items():
            run.add(table, c)

    def close(self) -> None:
        self.flush()
        if self.first_load:
            with transaction(self.con):
                summarise_inserts(self.con, self.run.id, self.run.counts)

