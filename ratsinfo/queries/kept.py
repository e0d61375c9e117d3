"""What a reader may keep from a warehouse that never changes under it (the web app's published snapshot):
the directory of organizations and councils, and the whole results of canned queries that declare how their
parameters filter them (``-- kept:`` in the header). Planning a canned statement costs DuckDB 20 to 30 ms,
more than running it; filtering rows read once per snapshot costs well under a millisecond.

The reader says which snapshot a statement reads with ``using(kept)`` around it; without one (the command
line, a warehouse being written), every function here is skipped and the statements run as before.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any

import duckdb

from ratsinfo.warehouse import reads

if TYPE_CHECKING:
    from ratsinfo.queries import Query
    from ratsinfo.queries.names import Directory

WHOLE_ROWS = 200_000  # a larger whole result is not kept: its query runs with its parameters each time

_current: ContextVar[Kept | None] = ContextVar("ratsinfo_kept", default=None)


class Whole:
    """Every row of a canned query (every parameter unset), with the rows of each value of the columns its
    ``IN`` filters read, so that picking one organization's rows does not look at every row."""

    def __init__(self, query: Query, cols: list[str], rows: list[tuple]) -> None:
        self.query, self.cols, self.rows = query, cols, rows
        self.at = {c: cols.index(c) for c, _op, _p in query.kept}
        self.by: dict[str, dict[Any, list[int]]] = {}
        for column, op, _param in query.kept:
            if op == "IN":
                index: dict[Any, list[int]] = {}
                for i, r in enumerate(rows):
                    index.setdefault(r[self.at[column]], []).append(i)
                self.by[column] = index

    def select(self, params: dict[str, Any], directory: Directory) -> list[tuple]:
        """The rows the query returns with these parameters, in its order."""
        chosen: list[int] | None = None
        for column, op, param in self.query.kept:
            if op == "IN" and params.get(param) is not None:
                found = sorted({i for v in set(params[param]) for i in self.by[column].get(v, [])})
                chosen = found if chosen is None else sorted(set(chosen) & set(found))
        rows = self.rows if chosen is None else [self.rows[i] for i in chosen]
        return [r for r in rows if self._passes(r, params, directory)]

    def _passes(self, row: tuple, params: dict[str, Any], directory: Directory) -> bool:
        for column, op, param in self.query.kept:
            value = params.get(param)
            if value is None or op == "IN":
                continue
            have = row[self.at[column]]
            if (op == "=" and have != value) or (op == "MATCHES" and not directory.council_matches(have, value)):
                return False
        return True


class Kept:
    """One snapshot's directory, whole query results and facts, each read on first use by one thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._directory: Directory | None = None
        self._whole: dict[str, Whole | None] = {}
        self._facts: dict[str, Any] = {}

    def directory(self, con: duckdb.DuckDBPyConnection) -> Directory:
        from ratsinfo.queries.names import Directory

        with self._lock:
            if self._directory is None:
                self._directory = Directory.read(con)
            return self._directory

    def whole(self, con: duckdb.DuckDBPyConnection, query: Query) -> Whole | None:
        """Every row of the query, or None when there are too many to keep."""
        with self._lock:
            if query.name not in self._whole:
                cols, rows = reads.select(con, query.sql, {p.name: None for p in query.params})
                self._whole[query.name] = Whole(query, cols, rows) if len(rows) <= WHOLE_ROWS else None
            return self._whole[query.name]

    def once(self, name: str, read: Callable[[], Any]) -> Any:
        """A fact of the snapshot (whether it has its search rows), read on first use."""
        with self._lock:
            if name not in self._facts:
                self._facts[name] = read()
            return self._facts[name]


def current() -> Kept | None:
    return _current.get()


@contextlib.contextmanager
def using(kept: Kept | None) -> Iterator[None]:
    """Statements inside read the snapshot ``kept`` belongs to."""
    token = _current.set(kept)
    try:
        yield
    finally:
        _current.reset(token)
