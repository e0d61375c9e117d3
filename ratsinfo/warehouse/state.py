"""What crawlers may ask of the warehouse, read-only: watermarks, validators, known keys, open papers.

Crawlers get a ``State``, never a connection: they fetch and map, the pipeline loads. Calls come from
worker threads, so each one runs on its own cursor under a lock (a DuckDB connection is not
thread-safe).
"""

from __future__ import annotations

import threading
from datetime import datetime

import duckdb
import pyarrow as pa


class State:
    def __init__(self, con: duckdb.DuckDBPyConnection, source_key: str) -> None:
        self._con, self.source_key = con, source_key
        self._lock = threading.Lock()
        self._cursor: duckdb.DuckDBPyConnection | None = None  # one of its own, opened once: opening costs

    def _cur(self) -> duckdb.DuckDBPyConnection:
        """The State's own cursor, opened on first use; call with the lock held."""
        if self._cursor is None:
            self._cursor = self._con.cursor()
        return self._cursor

    def _all(self, sql: str, params: list) -> list[tuple]:
        with self._lock:
            return self._cur().execute(sql, params).fetchall()

    def _keyed(self, sql: str, keys: list[str]) -> list[tuple]:
        """Rows for a long list of keys, handed over as an Arrow column (``_keys.k``): binding a Python list of
        thousands of strings costs more than the query."""
        with self._lock:
            cur = self._cur()
            cur.register("_keys", pa.table({"k": pa.array(keys, pa.string())}))
            try:
                return cur.execute(sql).fetchall()
            finally:
                cur.unregister("_keys")

    def watermark(self, body: str, list_name: str) -> datetime | None:
        rows = self._all("SELECT modified_until FROM watermark WHERE source_key = ? AND body = ? AND list = ?",
                         [self.source_key, body, list_name])
        return rows[0][0] if rows else None

    def list_mode(self, body: str, list_name: str) -> str | None:
        """How a list must be read incrementally, as learnt on an earlier run ('backward' or None)."""
        rows = self._all("SELECT mode FROM watermark WHERE source_key = ? AND body = ? AND list = ?",
                         [self.source_key, body, list_name])
        return rows[0][0] if rows else None

    def stored(self, url: str) -> tuple[str, str | None, str | None] | None:
        """sha256, ETag and Last-Modified of the newest good copy of a URL."""
        rows = self._all("SELECT sha256, etag, last_modified FROM document WHERE url = ? AND http_status = 200 "
                         "ORDER BY fetched_at DESC, key LIMIT 1", [url])
        return rows[0] if rows else None

    def stored_page(self, url: str) -> tuple[str, str | None, str | None] | None:
        """Like ``stored``, for a page that was also parsed without error."""
        rows = self._all("SELECT sha256, etag, last_modified FROM document WHERE url = ? AND http_status = 200 "
                         "AND parse_status = 'ok' ORDER BY fetched_at DESC, key LIMIT 1", [url])
        return rows[0] if rows else None

    def validators(self, urls: list[str]) -> dict[str, tuple[str | None, str | None]]:
        rows = self._keyed("SELECT url, etag, last_modified FROM document WHERE url IN (SELECT k FROM _keys) "
                           "AND http_status = 200 ORDER BY fetched_at, key", urls)
        return {u: (e, lm) for u, e, lm in rows}

    def known(self, table: str, keys: list[str]) -> set[str]:
        """Which of these keys the table holds (live or deleted)."""
        if table not in KNOWN_TABLES:
            raise ValueError(f"no such record table: {table}")
        return {r[0] for r in self._keyed(KNOWN_TABLES[table], keys)}

    def open_papers(self, statuses: tuple[str, ...]) -> set[str]:
        """Source URLs of papers with a consultation still in one of these states."""
        rows = self._all("SELECT DISTINCT p.source_url FROM paper p JOIN consultation c ON c.paper_key = p.key "
                         "WHERE NOT p.deleted AND list_contains(?, c.status)", [list(statuses)])
        return {r[0] for r in rows}

    def names(self, keys: list[str]) -> dict[str, str]:
        """Names of organizations and persons by key, for consultations and papers that refer to them."""
        rows = self._keyed("SELECT key, name FROM organization WHERE key IN (SELECT k FROM _keys) "
                           "UNION ALL SELECT key, name FROM person WHERE key IN (SELECT k FROM _keys)", keys)
        return dict(sorted(rows))

    def files(self, keys: list[str]) -> dict[str, tuple]:
        """Stored state of files: access URL, sha256, text, pages, download status, mime type."""
        rows = self._keyed("SELECT key, access_url, sha256, text, pages, download_status, mime_type FROM file "
                           "WHERE key IN (SELECT k FROM _keys)", keys)
        return {r[0]: r[1:] for r in rows}

    def has_documents(self) -> bool:
        """Whether anything of this source was stored before (a first load is summarised, not listed)."""
        return bool(self._all("SELECT 1 FROM document WHERE source_key = ? LIMIT 1", [self.source_key]))

    def document_keys(self) -> dict[str, str]:
        """Documents of this source: key -> 'parser version|parse status' (what a re-read may skip)."""
        rows = self._all("SELECT key, parser_version || '|' || parse_status FROM document WHERE source_key = ?",
                         [self.source_key])
        return dict(rows)


KNOWN_TABLES = {t: f"SELECT key FROM {t} WHERE key IN (SELECT k FROM _keys)"  # noqa: S608 - fixed table names
                for t in ("organization", "person", "meeting", "paper", "agenda_item", "consultation", "file",
                          "membership")}
