"""Full-text search with DuckDB's own ``fts`` extension (BM25, German stemmer).

The extension comes from the ``duckdb-ext-fts`` package installed with ratsinfo, never from a
download at first use: the connection points ``extension_directory`` at that package and
switches automatic installs off.
"""

from __future__ import annotations

import contextlib
import importlib.util
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import duckdb

from ratsinfo.errors import RatsinfoError
from ratsinfo.warehouse.db import no_autoload, rebuild_memory
from ratsinfo.warehouse.report import sql_text


class SearchUnavailable(RatsinfoError):
    exit_code = 1


def extension_directory() -> Path:
    spec = importlib.util.find_spec("duckdb_ext")
    if spec is None or not spec.submodule_search_locations:
        raise SearchUnavailable("the DuckDB fts extension package is missing: reinstall ratsinfo (make demo)")
    return Path(list(spec.submodule_search_locations)[0]) / "extensions"


def load_fts(con: duckdb.DuckDBPyConnection) -> None:
    """Load the installed fts extension once per connection; never a download."""
    # before the probe below: with autoloading on, DuckDB would first try to download fts (half a second
    # without a network, a fetch from the internet with one). Settings locked: a read-only connection, which
    # loaded fts when it was opened.
    with contextlib.suppress(duckdb.Error):
        no_autoload(con)
    try:
        con.execute("SELECT stem('sitzungen', 'german')")
        return  # already loaded
    except duckdb.Error:
        pass
    con.execute("SET extension_directory = ?", [str(extension_directory())])
    try:
        con.execute("LOAD fts")
    except duckdb.Error as exc:
        raise SearchUnavailable(f"cannot load the DuckDB fts extension ({str(exc).splitlines()[0]}); "
                                "reinstall ratsinfo so that duckdb and duckdb-ext-fts match") from exc


def run_script(con: duckdb.DuckDBPyConnection, name: str) -> None:
    """Run a .sql file of several statements in one transaction."""
    body = "\n".join(ln for ln in sql_text(name).splitlines() if not ln.lstrip().startswith("--"))
    con.execute("BEGIN")
    try:
        for stmt in body.split(";"):
            if stmt.strip():
                con.execute(stmt)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise


def rebuild_sources(con: duckdb.DuckDBPyConnection) -> None:
    run_script(con, "doc_source_rebuild")


def rebuild_index(con: duckdb.DuckDBPyConnection) -> int:
    """Refill ``search_doc`` from the warehouse and rebuild the BM25 index; returns rows indexed."""
    load_fts(con)
    if con.execute("SELECT count(*) FROM search_stopword").fetchone()[0] == 0:
        words = (resources.files("ratsinfo.warehouse") / "data" / "stopwords_de.txt").read_text("utf-8").split()
        # one statement: executemany runs a statement per word, 0.7 s for a new warehouse
        con.execute("INSERT INTO search_stopword SELECT unnest(?::VARCHAR[])", [words])
    run_script(con, "search_rebuild")
    con.execute("PRAGMA create_fts_index('search_doc', 'key', 'title', 'text', stemmer = 'german', "
                "stopwords = 'search_stopword', strip_accents = 1, lower = 1, overwrite = 1)")
    return con.execute("SELECT count(*) FROM search_doc").fetchone()[0]


def index_exists(con: duckdb.DuckDBPyConnection) -> bool:
    sql = "SELECT count(*) FROM duckdb_schemas() WHERE schema_name = 'fts_main_search_doc'"
    return con.execute(sql).fetchone()[0] > 0


@dataclass
class Hit:
    type: str
    reference: str | None
    title: str | None
    snippet: str
    year: int | None
    source: str | None
    score: float


def _terms(query: str) -> list[str]:
    return [t for t in re.findall(r"[\wäöüß]+", query.casefold()) if len(t) > 2]


def snippet(text: str, query: str, width: int = 110) -> str:
    """The passage around the first query word (matched on its first letters, like the stemmer)."""
    if not text:
        return ""
    low = text.casefold()
    positions = []
    for t in _terms(query):
        stem = t[: max(4, len(t) - 3)]
        p = low.find(stem)
        if p != -1:
            positions.append(p)
    pos = min(positions) if positions else 0
    start = max(0, pos - width // 2)
    end = min(len(text), start + width * 2)
    out = re.sub(r"\s+", " ", text[start:end]).strip()
    return ("…" if start > 0 else "") + out + ("…" if end < len(text) else "")


def search(con: duckdb.DuckDBPyConnection, query: str, *, type_: str | None = None,
           org_names: list[str] | None = None, year: int | None = None, limit: int = 10,
           stored: bool | None = None) -> list[Hit]:
    """Ranked hits. ``stored``: whether the index and the search rows built with it exist (None: look); a
    search without filters then adds up their stored weights instead of scoring every text (same hits, same
    order)."""
    if not stored:
        if not index_exists(con):  # a lake has none: its readers' settings are locked, fts cannot load there
            return []
        load_fts(con)
        from ratsinfo.warehouse.pages import pages_exist

        stored = stored is None and pages_exist(con)
    if stored and type_ is None and not org_names and year is None:
        cur = con.execute(sql_text("search_ranked"), {"q": query, "limit": limit, "offset": 0, "year": None,
                                                         "newest": False})
        ranked = [(r[0], r[-2]) for r in cur.fetchall()]  # key, ..., score, total
        keys = [k for k, _score in ranked]
        shown = {r[0]: r[1:] for r in con.execute(sql_text("search_stored_texts"), {"keys": keys}).fetchall()}
        return [Hit(t, ref, title, snippet(text, query), y, src, float(score))
                for key, score in ranked for t, ref, title, text, y, src in [shown[key]]]
    rows = con.execute(sql_text("search"), {"q": query, "type": type_, "year": year,
                                            "org_names": org_names or None, "limit": limit}).fetchall()
    return [Hit(r[0], r[1], r[2], snippet(r[3], query), r[4], r[5], float(r[6])) for r in rows]


def refresh_index(con: duckdb.DuckDBPyConnection, changed: bool) -> int | None:
    """Rebuild citations, the full-text index and the web pages' rows when records changed since the last
    rebuild (in this run, or in one killed before its rebuild) or none exist yet; returns the rows indexed,
    None when nothing needed doing."""
    from ratsinfo.warehouse.pages import pages_exist, rebuild_pages

    stale = con.execute("SELECT bool_or(index_stale) FROM reader_state").fetchone()[0]
    if not changed and not stale and index_exists(con) and pages_exist(con):
        return None
    with rebuild_memory(con):
        rebuild_sources(con)
        indexed = rebuild_index(con)
        rebuild_pages(con)
    con.execute("UPDATE reader_state SET index_stale = false")
    return indexed
