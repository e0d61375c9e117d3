"""Canned queries: ``*.sql`` files beside this module, each with a header that names it,
says what it answers and lists its ``:params``. Parameters are always bound, never formatted.

Header lines::

    -- name: sessions-per-year
    -- answers: how many sessions each organization held in a year, and on which themes
    -- param: year INTEGER optional: the calendar year

Types: INTEGER, VARCHAR, DATE, and ORGANIZATION (a name, alias, abbreviation or inflected form,
bound as the list of matching organization keys).

A query whose parameters only pick rows of its whole result may say how, so that a reader of a snapshot
that never changes runs it once and filters (see ``kept``); columns whose names begin with ``_`` are for
that filter and never shown::

    -- kept: _organization_key IN organization, year = year, council MATCHES council
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources
from typing import Any

import duckdb

from ratsinfo.errors import BadInput
from ratsinfo.queries import kept
from ratsinfo.warehouse import reads

TYPES = ("INTEGER", "VARCHAR", "DATE", "ORGANIZATION")
_KEPT = re.compile(r"^\s*(?P<column>\w+)\s+(?P<op>IN|=|MATCHES)\s+(?P<param>\w+)\s*$")
_PARAM = re.compile(r"^--\s*param:\s*(?P<name>\w+)\s+(?P<type>\w+)(?P<opt>\s+optional)?\s*:?\s*(?P<doc>.*)$")


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    optional: bool
    doc: str


@dataclass(frozen=True)
class Query:
    name: str
    answers: str
    params: tuple[Param, ...]
    sql: str = field(repr=False)
    kept: tuple[tuple[str, str, str], ...] = ()  # (column, IN / = / MATCHES, parameter) of the ``-- kept:`` line

    def usage(self) -> str:
        ps = " ".join(f"[--param {p.name}=…]" if p.optional else f"--param {p.name}=…" for p in self.params)
        return f"ratsinfo query {self.name} {ps}".strip()


def parse(text: str, filename: str) -> Query:
    name = answers = None
    params = []
    filters: list[tuple[str, str, str]] = []
    for line in text.splitlines():
        if not line.startswith("--"):
            break
        if m := re.match(r"^--\s*name:\s*(\S+)", line):
            name = m.group(1)
        elif m := re.match(r"^--\s*answers:\s*(.+)$", line):
            answers = m.group(1).strip()
        elif m := _PARAM.match(line):
            ptype = m.group("type").upper()
            if ptype not in TYPES:
                raise ValueError(f"{filename}: parameter {m.group('name')} has unknown type {ptype}")
            params.append(Param(m.group("name"), ptype, bool(m.group("opt")), m.group("doc").strip()))
        elif m := re.match(r"^--\s*kept:\s*(.+)$", line):
            for part in m.group(1).split(","):
                f = _KEPT.match(part)
                if f is None:
                    raise ValueError(f"{filename}: '-- kept:' takes 'column IN|=|MATCHES parameter, ...', not {part!r}")
                filters.append((f.group("column"), f.group("op"), f.group("param")))
    if not name or not answers:
        raise ValueError(f"{filename}: the header needs '-- name:' and '-- answers:' lines")
    for p in params:
        if f"${p.name}" not in text:
            raise ValueError(f"{filename}: parameter {p.name} is declared but not used as ${p.name}")
    declared = {p.name for p in params}
    for _column, _op, param in filters:
        if param not in declared:
            raise ValueError(f"{filename}: '-- kept:' names parameter {param}, which the header does not declare")
    if filters and declared - {param for _c, _o, param in filters}:
        raise ValueError(f"{filename}: '-- kept:' must say how every parameter filters the whole result")
    return Query(name, answers, tuple(params), text, tuple(filters))


@cache
def registry() -> dict[str, Query]:
    out = {}
    for entry in sorted(resources.files("ratsinfo.queries").iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".sql"):
            q = parse(entry.read_text(encoding="utf-8"), entry.name)
            out[q.name] = q
    return out


def get(name: str) -> Query:
    queries = registry()
    if name not in queries:
        raise BadInput(f"no canned query {name!r}; choose one of {', '.join(queries)}")
    return queries[name]


def bind(con: duckdb.DuckDBPyConnection, query: Query, raw: dict[str, str]) -> dict[str, Any]:
    """Check and convert the given parameters; unknown or missing ones name the valid choices."""
    known = {p.name: p for p in query.params}
    for key in raw:
        if key not in known:
            choices = ", ".join(known) or "none"
            raise BadInput(f"query {query.name} has no parameter {key!r}; its parameters: {choices}")
    out: dict[str, Any] = {}
    for p in query.params:
        value = raw.get(p.name)
        if value is None or value == "":
            if not p.optional:
                raise BadInput(f"query {query.name} needs --param {p.name}=… ({p.doc}); usage: {query.usage()}")
            out[p.name] = None
            continue
        try:
            if p.type == "INTEGER":
                out[p.name] = int(value)
            elif p.type == "DATE":
                out[p.name] = date.fromisoformat(value)
            elif p.type == "ORGANIZATION":
                from ratsinfo.queries.names import resolve

                out[p.name] = [k for k, _n in resolve(con, value)] or ["(no such organization)"]
            else:
                out[p.name] = str(value)
        except ValueError as exc:
            raise BadInput(f"--param {p.name}={value!r} is not a valid {p.type.lower()} ({exc})") from exc
    return out


def run(con: duckdb.DuckDBPyConnection, name: str, raw: dict[str, str]) -> tuple[list[str], list[tuple]]:
    """Run a canned query with parameters given as text (from the command line)."""
    query = get(name)
    return run_bound(con, name, bind(con, query, raw))


def run_bound(con: duckdb.DuckDBPyConnection, name: str, params: dict[str, Any]) -> tuple[list[str], list[tuple]]:
    """Run a canned query with parameters already typed (organization: a list of keys); from its whole result
    kept with the snapshot when the reader keeps one and the query says how (``-- kept:``)."""
    query = get(name)
    bound = {p.name: params.get(p.name) for p in query.params}
    keeping = kept.current()
    whole = keeping.whole(con, query) if keeping is not None and query.kept else None
    if whole is None:
        return _shown(*reads.select(con, query.sql, bound))
    return _shown(whole.cols, whole.select(bound, keeping.directory(con)))  # type: ignore[union-attr]


def _shown(cols: list[str], rows: list[tuple]) -> tuple[list[str], list[tuple]]:
    """The columns a reader sees: those named with a leading ``_`` serve the filter of ``-- kept:`` only."""
    hidden = [i for i, c in enumerate(cols) if c.startswith("_")]
    if not hidden:
        return cols, rows
    shown = [i for i in range(len(cols)) if i not in hidden]
    return [cols[i] for i in shown], [tuple(r[i] for i in shown) for r in rows]
