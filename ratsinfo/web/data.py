"""The web app's one door to the library: a read-only snapshot of the warehouse, the page statements
in ``sql/`` loaded by name, and the library functions the pages show (ask, changes, health, canned
queries). When modules move, their imports change here and nowhere else in ``ratsinfo.web``.

Why a snapshot: DuckDB lets one process write a file or several read it, never both. A refresh must
be able to open the warehouse at any moment, so the app never holds it open: it copies the file when
no writer is at work (no write-ahead log beside it, size and time unchanged across the copy) and
serves from the copy, switching to a fresh copy once the refresh has finished.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import re
import shutil
import tempfile
import threading
import time
from collections import OrderedDict
from collections.abc import Hashable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb
from markupsafe import Markup
from starlette.exceptions import HTTPException

from ratsinfo import queries
from ratsinfo.errors import NoWarehouse
from ratsinfo.ops.health import Health, source_health
from ratsinfo.queries import kept
from ratsinfo.queries.ask import Answer
from ratsinfo.queries.ask import ask as ask_question
from ratsinfo.queries.kept import Kept, using
from ratsinfo.warehouse import reads
from ratsinfo.warehouse.db import connect_readonly, snapshot_path
from ratsinfo.warehouse.pages import page_row, pages_exist
from ratsinfo.warehouse.report import sql_text
from ratsinfo.warehouse.search import index_exists, snippet

__all__ = ["Answer", "Health", "Snapshot", "Warehouse", "ask_question", "changes_summary", "queries", "rows", "one",
           "source_health", "fold_query", "search", "snippet"]


@cache
def sql(name: str) -> str:
    """A page statement of ratsinfo/web/sql, else one the command line shares (ratsinfo/warehouse/sql)."""
    own = resources.files("ratsinfo.web") / "sql" / f"{name}.sql"
    return own.read_text(encoding="utf-8") if own.is_file() else sql_text(name)


def rows(con: duckdb.DuckDBPyConnection, name: str, **params: Any) -> list[dict[str, Any]]:
    """The rows of one page statement as dicts; parameters are bound by name, never formatted."""
    cols, data = reads.select(con, sql(name), params)
    return [dict(zip(cols, r, strict=True)) for r in data]


def one(con: duckdb.DuckDBPyConnection, name: str, **params: Any) -> dict[str, Any] | None:
    found = rows(con, name, **params)
    return found[0] if found else None


def _stored(con: duckdb.DuckDBPyConnection, table: str, key: str, what: str) -> dict[str, Any]:
    """A page's precomputed row, its empty lists as lists; a German 404 when there is none."""
    found = page_row(con, table, key)
    if found is None:
        raise HTTPException(404, MISSING[what])
    return {k: ([] if v is None and k != what else v) for k, v in found.items()}


def paper_page(con: duckdb.DuckDBPyConnection, key: str, stored: bool) -> dict[str, Any]:
    """What the paper page shows: one lookup of its precomputed row, else (a warehouse written before those
    rows existed) one statement per part."""
    if stored:
        found = _stored(con, "page_paper", key, "paper")
        return {k: found[k] for k in ("paper", "consultations", "lineage", "questions", "files", "facts")}
    return {"paper": existing(con, "paper", key), "consultations": rows(con, "paper_consultations", key=key),
            "lineage": rows(con, "paper_lineage", key=key), "questions": rows(con, "paper_questions", key=key),
            "files": rows(con, "paper_files", key=key), "facts": rows(con, "paper_facts", key=key)}


def paper_events(con: duckdb.DuckDBPyConnection, key: str, stored: bool) -> tuple[dict[str, Any], list[dict]]:
    """A paper and what happened to it, for its feed."""
    if stored:
        found = _stored(con, "page_paper", key, "paper")
        return found["paper"], found["events"]
    return existing(con, "paper", key), rows(con, "paper_events", key=key)


def meeting_page(con: duckdb.DuckDBPyConnection, key: str, stored: bool) -> dict[str, Any]:
    if stored:
        found = _stored(con, "page_meeting", key, "meeting")
        return {"meeting": found["meeting"], "items": found["items"]}
    return {"meeting": existing(con, "meeting", key), "items": rows(con, "meeting_items", key=key)}


BODY_MEETINGS = 50  # meetings on a body's page and in its feed; its calendar has up to 1,000


def body_page(con: duckdb.DuckDBPyConnection, key: str, stored: bool) -> dict[str, Any]:
    """What the body page shows; the check of its rules of procedure runs only for a body that has rules."""
    if stored:
        found = _stored(con, "page_body", key, "org")
        ctx = {k: found[k] for k in ("org", "sessions", "topics", "members", "groups", "rules")}
        ctx["meetings"] = found["meetings"][:BODY_MEETINGS]
    else:
        ctx = {"org": existing(con, "organization", key), "sessions": rows(con, "org_sessions", key=key),
               "topics": rows(con, "org_topics", key=key), "members": rows(con, "org_members", key=key),
               "groups": rows(con, "org_groups", key=key), "rules": rows(con, "org_rules", key=key),
               "meetings": rows(con, "org_meetings", key=key, limit=BODY_MEETINGS)}
    ctx["rule_check"] = []
    if any(r["rule"] == "meeting_frequency" for r in ctx["rules"]):
        cols, checked = queries.run_bound(con, "rules", {"organization": [key]})
        ctx["rule_check"] = [dict(zip(cols, r, strict=True)) for r in checked
                             if r[cols.index("rule")] == "meeting_frequency"]
    return ctx


def body_feed(con: duckdb.DuckDBPyConnection, key: str, stored: bool, meetings: int = BODY_MEETINGS,
              papers: int = 50) -> tuple[dict[str, Any], list[dict], list[dict]]:
    """A body, the papers consulted in it and its meetings, newest first, for its feeds."""
    if stored:
        found = _stored(con, "page_body", key, "org")
        return found["org"], found["papers"][:papers], found["meetings"][:meetings]
    return (existing(con, "organization", key), rows(con, "org_papers", key=key, limit=papers) if papers else [],
            rows(con, "org_meetings", key=key, limit=meetings))


MISSING = {"paper": "Diese Vorlage gibt es im Bestand nicht.", "meeting": "Diese Sitzung gibt es im Bestand nicht.",
           "organization": "Dieses Gremium gibt es im Bestand nicht."}


def existing(con: duckdb.DuckDBPyConnection, name: str, key: str) -> dict[str, Any]:
    """The paper, meeting or organization a page or feed is about; a German 404 when there is none."""
    found = one(con, name, key=key)
    if not found:
        raise HTTPException(404, MISSING[name])
    return found


def _env_int(name: str, default: int) -> int:
    try:
        return int(os.environ.get(name, default))
    except ValueError:
        return default


WORKERS = _env_int("RATSINFO_WEB_WORKERS", os.cpu_count() or 2)  # requests computed at once (app.Admission)
READERS = _env_int("RATSINFO_WEB_READERS", os.cpu_count() or 2)  # statements running at once
THREADS = _env_int("RATSINFO_WEB_THREADS", 1)  # DuckDB threads per statement
CACHE_MB = _env_int("RATSINFO_WEB_CACHE_MB", 32)  # answers kept per snapshot; 0 keeps none
HEALTH_SECONDS = 60.0  # source health judged by a clock at most this old
CACHE_ITEM = 1 << 20  # larger answers (big downloads) are never kept


class Snapshot:
    """One copy of the warehouse and what was read from it: a copy never changes, so cursors can be
    reused and listings, the query layer's directory and whole results (queries.kept) and whole answers
    kept until the next copy replaces it.

    At most ``readers`` statements run at once; more requests wait for a cursor instead of sharing
    the cores among themselves (twenty statements at once finish no sooner, but every one finishes later).
    """

    def __init__(self, con: duckdb.DuckDBPyConnection, generation: int, readers: int = READERS,
                 cache_bytes: int = CACHE_MB << 20) -> None:
        self.con = con
        self.generation = generation
        self.memo: dict[tuple, Any] = {}  # listings and filter options
        self.kept = Kept()  # the directory of names and councils, whole results of canned queries
        self._slots = threading.BoundedSemaphore(max(1, readers))
        self._idle: list[duckdb.DuckDBPyConnection] = []
        self._lock = threading.Lock()
        self._users = 0
        self._retired = False
        self._answers: OrderedDict[Hashable, Any] = OrderedDict()
        self._answer_bytes = 0
        self.cache_bytes = cache_bytes

    @contextlib.contextmanager
    def cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        with self._slots:
            with self._lock:
                self._users += 1
                cur = self._idle.pop() if self._idle else self.con.cursor()
            try:
                with using(self.kept):  # the query layer may keep what it reads from this copy
                    yield cur
            finally:
                with self._lock:
                    self._idle.append(cur)
                    self._users -= 1
                    if self._retired and self._users == 0:
                        self._close()

    def retire(self) -> None:
        """Close the copy once the last request reading it has finished."""
        with self._lock:
            self._retired = True
            if self._users == 0:
                self._close()

    def _close(self) -> None:
        for cur in self._idle:
            cur.close()
        self._idle.clear()
        self._answers.clear()
        self.con.close()

    def answer(self, key: Hashable) -> Any:
        with self._lock:
            found = self._answers.get(key)
            if found is not None:
                self._answers.move_to_end(key)
            return found

    def keep(self, key: Hashable, value: Any, size: int) -> None:
        """Keep an answer read from this copy, dropping the least recently used beyond the budget."""
        if size > min(CACHE_ITEM, self.cache_bytes):
            return
        with self._lock:
            if self._retired or key in self._answers:
                return
            self._answers[key] = (value, size)
            self._answer_bytes += size
            while self._answer_bytes > self.cache_bytes:
                _k, (_v, dropped) = self._answers.popitem(last=False)
                self._answer_bytes -= dropped


class Warehouse:
    """Read-only snapshots of the warehouse file, renewed after writers finish."""

    def __init__(self, path: str | Path, check_every: float = 2.0) -> None:
        self.path = Path(path)
        if not self.path.exists():
            raise NoWarehouse(f"{self.path}: no warehouse here yet; run 'ratsinfo demo' or 'ratsinfo ingest' first")
        self.check_every = check_every
        self._dir = Path(tempfile.mkdtemp(prefix="ratsinfo-web-"))
        self._n = itertools.count()
        self._lock = threading.Lock()
        self._snap: Snapshot | None = None
        self._stamp: tuple | None = None
        self._checked = 0.0
        if not self._renew(first=True):
            raise NoWarehouse(f"{self.path}: could not take a readable copy of the warehouse; try again when the "
                              "running ingest has finished")

    def _source(self) -> Path:
        """The snapshot every finished run publishes (replaced atomically, never written in place), else the file."""
        snap = snapshot_path(self.path)
        return snap if snap.exists() else self.path

    def _stamp_now(self) -> tuple:
        st = self._source().stat()
        return st.st_mtime_ns, st.st_size

    def _writer_busy(self) -> bool:
        return Path(str(self._source()) + ".wal").exists()

    def _renew(self, first: bool = False) -> bool:
        """Copy the file if it changed and no writer is at work; True when a (new) snapshot is in use."""
        try:
            stamp = self._stamp_now()
        except FileNotFoundError:
            return self._snap is not None
        if stamp == self._stamp:
            return True
        if self._writer_busy() and not first:
            return False
        n = next(self._n)
        target = self._dir / f"snapshot-{n}.duckdb"
        try:
            shutil.copyfile(self._source(), target)
            if self._stamp_now() != stamp:  # written to while we copied: try again later
                raise OSError("changed during copy")
            con = connect_readonly(target, threads=THREADS)
            reads.select(con, "SELECT count(*) FROM paper")
        except (OSError, duckdb.Error):
            target.unlink(missing_ok=True)
            return False
        old, self._snap, self._stamp = self._snap, Snapshot(con, n), stamp  # requests see one or the other
        if old is not None:
            old.retire()
            for f in self._dir.glob("snapshot-*.duckdb"):
                if f != target:
                    f.unlink(missing_ok=True)  # open handles keep the old file readable until they close
        return True

    def current(self) -> Snapshot:
        """The newest snapshot (checked for a newer warehouse every few seconds)."""
        self._follow()
        assert self._snap is not None
        return self._snap

    @contextlib.contextmanager
    def cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor of the newest snapshot for one request, from a bounded pool (waits while all are busy)."""
        with self.current().cursor() as cur:
            yield cur

    def due(self) -> bool:
        """Whether the next request should look for a newer warehouse (which may copy the file: blocking)."""
        return time.monotonic() - self._checked >= self.check_every

    def newest(self) -> Snapshot:
        """The snapshot in use, without looking for a newer one (never blocks)."""
        assert self._snap is not None
        return self._snap

    def _follow(self) -> None:
        """Every few seconds, one request (never several at once) checks for a newer warehouse."""
        now = time.monotonic()
        if now - self._checked >= self.check_every and self._lock.acquire(blocking=False):
            try:
                self._checked = now
                self._renew()
            finally:
                self._lock.release()

    def listing(self, name: str, **params: Any) -> list[dict[str, Any]]:
        """Rows of a statement that many pages show (councils, bodies, paper types), kept with the snapshot
        they were read from: a snapshot never changes, so neither do they."""
        snap = self.current()
        key = (name, tuple(sorted(params.items())))
        found = snap.memo.get(key)
        if found is None:
            with snap.cursor() as cur:
                found = snap.memo[key] = rows(cur, name, **params)
        return found

    def options(self, name: str, value: str, label: str, selected: str | None) -> Markup:
        """The <option>s of a filter over a listing (a city has a thousand bodies), escaped once per snapshot."""
        snap = self.current()
        key = ("<options>", name, value, label)
        found = snap.memo.get(key)
        if found is None:
            option = Markup('<option value="{}">{}</option>')
            found = snap.memo[key] = [(str(r[value]), option.format(r[value], r[label])) for r in self.listing(name)]
        chosen = (Markup(str(html).replace('">', '" selected>', 1)) if v == selected else html for v, html in found)
        return Markup("").join(chosen)

    def health(self, cur: duckdb.DuckDBPyConnection, within: float = HEALTH_SECONDS) -> list[Health]:
        """Source health as of at most ``within`` seconds ago: the runs it reads never change within a
        snapshot, only the clock it is judged by moves (stale after days), and reading it took a statement or
        three per source on every visit of the changes page."""
        snap = self.current()
        now = time.monotonic()
        found = snap.memo.get("<health>")
        if found is None or now - found[0] > within:
            found = snap.memo["<health>"] = (now, source_health(cur))
        return found[1]

    def has_pages(self) -> bool:
        """Whether the snapshot in use carries the pages' precomputed rows (checked once per snapshot)."""
        snap = self.current()
        found = snap.memo.get("<pages>")
        if found is None:
            with snap.cursor() as cur:
                found = snap.memo["<pages>"] = pages_exist(cur)
        return found

    def close(self) -> None:
        if self._snap is not None:
            self._snap.retire()
        shutil.rmtree(self._dir, ignore_errors=True)


_UMLAUT = {"ae": "ä", "oe": "ö", "ue": "ü"}


def _umlaut(m: re.Match[str]) -> str:
    u = _UMLAUT[m.group(1).lower()]
    return u.upper() if m.group(1)[0].isupper() else u


def fold_query(query: str) -> str:
    """The query with spelled-out umlauts also written as umlauts: "Ausschuesse" finds "Ausschüsse".

    The index strips accents and stems (ü→u, ß→ss), so the umlaut variant meets every spelling; the
    original word stays too, for names that really are written with "ue" (Manuel, Feuer).
    """
    words = re.findall(r"[\wÄÖÜäöüß-]+", query)
    extra = []
    for w in words:
        v = re.sub(r"(?i)(?<![eiaä])(ae|oe|ue)", _umlaut, w)
        if v != w:
            extra.append(v)
    return " ".join([*words, *extra])


NOUNS = {"paper": ("neue Vorlage", "neue Vorlagen"), "meeting": ("neue Sitzung", "neue Sitzungen"),
         "agenda_item": ("neuer Tagesordnungspunkt", "neue Tagesordnungspunkte"),
         "organization": ("neues Gremium", "neue Gremien"), "person": ("neue Person", "neue Personen"),
         "file": ("neue Datei", "neue Dateien"), "answer": ("Antwort eingegangen", "Antworten eingegangen"),
         "consultation": ("neue Beratung", "neue Beratungen")}
CHANGED = {"paper": "Vorlagen", "meeting": "Sitzungen", "agenda_item": "Tagesordnungspunkte", "file": "Dateien",
           "organization": "Gremien", "consultation": "Beratungen"}


def changes_summary(counted: list[dict[str, Any]]) -> str | None:
    """One German line on what changed ("3 neue Vorlagen, 1 Antwort eingegangen") from the counts of
    changes_counts.sql: counted in SQL, so that a full first ingest does not cost the start page."""
    counts = {(r["table_name"], r["change"]): r["n"] for r in counted}
    parts = [f"{n} {NOUNS[t][n != 1]}" for (t, c), n in counts.items() if c == "inserted" and t in NOUNS]
    parts += [f"{n} {CHANGED[t]} geändert" for (t, c), n in counts.items() if c == "updated" and t in CHANGED]
    parts += [f"{n} {CHANGED[t]} gelöscht" for (t, c), n in counts.items() if c == "deleted" and t in CHANGED]
    return ", ".join(parts) or None


def warm_up() -> None:
    """Load the German pipeline once, so that the first question does not wait for it."""
    from ratsinfo.parsers.nlp.pipeline import analyse

    analyse("Wie oft tagte der Rat im Jahr 2020?")


@dataclass
class Hits:
    total: int
    rows: list[dict[str, Any]]


def search(con: duckdb.DuckDBPyConnection, query: str, *, page: int = 1, per_page: int = 20, stored: bool = False,
           newest: bool = False, **filters: Any) -> Hits:
    """One page of ranked hits with snippets centred on the match. ``stored``: the snapshot has the search
    rows built with the index, which a search without filters (but the year) reads instead of the index's
    own tables, and the page's texts by key. ``newest``: the newest matches first (a feed's order: what
    arrives later is what a subscriber waits for, whatever its rank)."""
    keeping = kept.current()
    indexed = keeping.once("index", lambda: index_exists(con)) if keeping else index_exists(con)
    if not query.strip() or not indexed:
        return Hits(0, [])
    params = {"year": None, "paper_type": None, "author": None, "council": None, "organization": None}
    params.update({k: (v if v not in ("", None) else None) for k, v in filters.items()})
    narrowed = any(params[k] is not None for k in ("paper_type", "author", "council", "organization"))
    folded = fold_query(query)
    at = {"q": folded, "limit": per_page, "offset": (page - 1) * per_page, "newest": newest}
    if stored and not narrowed:
        found = rows(con, "search_ranked", **at, year=params["year"])
        keys = [h["key"] for h in found]
        texts = {r["key"]: r["text"] for r in rows(con, "search_texts", keys=keys)} if keys else {}
        for r in found:
            r["text"] = texts.get(r["key"])
    else:  # filters, or a snapshot written before the search rows existed
        found = rows(con, "search", **at, **params)
    for r in found:
        r["snippet"] = snippet(r.pop("text") or "", folded)
    return Hits(found[0]["total"] if found else 0, found)
