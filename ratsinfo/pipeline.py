"""ingest → parse → extract → load, with a record of every run and every failure."""

from __future__ import annotations

import hashlib
import json
import re
import threading
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import duckdb
import pyarrow as pa

from ratsinfo.errors import ParseError
from ratsinfo.ingest import files as files_ingest
from ratsinfo.ingest.rawstore import RawStore
from ratsinfo.model import Document, ParseResult, Source
from ratsinfo.parsers import PARSER_VERSION
from ratsinfo.parsers.detect import detect
from ratsinfo.parsers.document import parse_document
from ratsinfo.warehouse.load import log_deleted, retire_missing, upsert

# Tables loaded from a ParseResult, in load order, with the result attribute that feeds them.
CHILD_TABLES = (
    ("paper", "papers"), ("paper_relation", "relations"), ("consultation", "consultations"),
    ("organization", "organizations"), ("file", "files"), ("question", "questions"),
    ("answer", "answers"), ("meeting", "meetings"), ("person", "persons"), ("fact", "facts"),
    ("topic", "topics"), ("rule", "rules"),
)


def now() -> datetime:
    return datetime.now().replace(microsecond=0)


@dataclass
class Run:
    """One pipeline run: its id, counts per table and the inputs that failed."""

    con: duckdb.DuckDBPyConnection
    command: str
    source_key: str | None = None
    id: int = 0
    counts: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    inputs: int = 0
    errors: list[tuple[str, str, str]] = field(default_factory=list)
    _pending: list[list] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self.id = self.con.execute(
            "INSERT INTO run (command, source_key, started_at, status) VALUES (?, ?, ?, 'running') "
            "RETURNING id", [self.command, self.source_key, now()]).fetchone()[0]

    def error(self, input_: str, stage: str, reason: str) -> None:
        """Record a failure; safe from worker threads (written by the owning thread in flush())."""
        with self._lock:
            self.errors.append((input_, stage, reason))
            self._pending.append([self.id, now(), input_, stage, reason])

    def note(self, input_: str, stage: str, reason: str) -> None:
        """A quirk worked around (not a failure): kept in run_error with stage 'note:...'."""
        with self._lock:
            self._pending.append([self.id, now(), input_, f"note:{stage}", reason])

    def flush(self) -> None:
        """Write recorded errors and notes; only the thread that owns the connection calls this."""
        with self._lock:
            pending, self._pending = self._pending, []
        if pending:
            self.con.executemany("INSERT INTO run_error VALUES (?, ?, ?, ?, ?)", pending)

    def add(self, table: str, counts: Counter) -> None:
        self.counts[table].update(counts)

    @property
    def status(self) -> str:
        if not self.errors:
            return "ok"
        return "failed" if len(self.errors) >= self.inputs else "partial"

    def finish(self) -> None:
        self.flush()
        counts = {t: dict(c) for t, c in sorted(self.counts.items())}
        self.con.execute(
            "UPDATE run SET finished_at = ?, status = ?, counts = ?, inputs = ?, failed = ? WHERE id = ?",
            [now(), self.status, json.dumps(counts), self.inputs, len(self.errors), self.id])


@dataclass
class Pending:
    document: Document
    result: ParseResult


class Loader:
    """Collects parsed documents and loads them in batches, one transaction per batch."""

    def __init__(self, con: duckdb.DuckDBPyConnection, run: Run, batch_size: int = 200) -> None:
        self.con, self.run, self.batch_size = con, run, batch_size
        self.pending: list[Pending] = []

    def add(self, item: Pending) -> None:
        self.pending.append(item)
        if len(self.pending) >= self.batch_size:
            self.flush()

    def flush(self) -> None:
        if not self.pending:
            return
        batch, self.pending = self.pending, []
        try:
            self._load(batch)
        except duckdb.Error:
            # isolate the document that breaks the batch; load the others one by one
            for item in batch:
                try:
                    self._load([item])
                except duckdb.Error as exc:
                    self.run.error(item.document.origin, "load", f"could not be stored: {exc}".splitlines()[0])

    def _load(self, batch: list[Pending]) -> None:
        con, run_id = self.con, self.run.id
        con.execute("BEGIN")
        try:
            docs = [p.document for p in batch]
            self.run.add("document", upsert(con, "document", docs, run_id))
            mark_current(con, docs)
            doc_keys = [d.key for d in docs]
            for table, attr in CHILD_TABLES:
                records = [r for p in batch for r in getattr(p.result, attr)]
                self.run.add(table, upsert(con, table, records, run_id))
                if table != "paper":
                    gone = retire_missing(con, table, doc_keys, [r.key for r in records], run_id)
                    if gone:
                        self.run.add(table, Counter(deleted=gone))
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise


def mark_current(con: duckdb.DuckDBPyConnection, docs: list[Document]) -> None:
    """The newest version of each URL is current; older versions stay, marked as such."""
    con.register("_cur", pa.table({"key": [d.key for d in docs], "url": [d.url for d in docs]}))
    try:
        con.execute(
            "UPDATE document SET is_current = (document.key IN (SELECT key FROM _cur)) "
            "WHERE document.url IN (SELECT url FROM _cur)")
    finally:
        con.unregister("_cur")


def scope_name(text: str) -> str:
    return re.sub(r"[^a-z0-9äöüß]+", "-", text.casefold()).strip("-") or "local"


def ingest_files(con: duckdb.DuckDBPyConnection, store: RawStore, paths: list[str], *,
                 body: str | None = None, pdf_engine: str = "pdfium", pdf_timeout: float = 60.0,
                 extract_facts: bool = True, name: str | None = None,
                 progress: Callable[[str], None] | None = None) -> Run:
    """Read every file under ``paths`` into the raw store and the warehouse."""
    scope = scope_name(body) if body else "local"
    source = Source(key=f"files:{scope}", kind="files", location=", ".join(paths), name=name or body or "files")
    run = Run(con, "ingest files", source.key)
    con.execute("BEGIN")
    run.add("source", upsert(con, "source", [source], run.id))
    con.execute("COMMIT")
    known = dict(con.execute(
        "SELECT key, parser_version || '|' || parse_status FROM document WHERE source_key = ?",
        [source.key]).fetchall())
    loader = Loader(con, run)
    for found in files_ingest.walk(paths):
        run.inputs += 1
        if progress:
            progress(found.origin)
        if found.error:
            run.error(found.origin, "read", found.error)
            continue
        try:
            data = files_ingest.read(found.path)
        except FileNotFoundError:
            run.error(found.origin, "read", "the file vanished while the run was going: run again")
            continue
        except OSError as exc:
            run.error(found.origin, "read", f"cannot read the file ({exc.strerror or exc}): check permissions")
            continue
        sha = hashlib.sha256(data).hexdigest()
        url = found.path.resolve().as_uri()
        doc_key = f"{url}#{sha[:16]}"
        if known.get(doc_key) in (f"{PARSER_VERSION}|ok", f"{PARSER_VERSION}|skipped"):
            run.add("document", Counter(unchanged=1))
            continue
        store.put(data)
        kind, ctype = detect(data, found.path.name)
        doc = Document(key=doc_key, source_key=source.key, url=url, origin=found.origin,
                       sha256=sha, size=len(data), content_type=ctype, kind=kind, encoding=None,
                       fetched_at=now(), parser_version=PARSER_VERSION)
        try:
            parsed = parse_document(kind, data, url, doc_key, sha, scope, pdf_engine, pdf_timeout)
        except ParseError as exc:
            doc.parse_status, doc.parse_error = "failed", str(exc)
            run.error(found.origin, "parse", str(exc))
            loader.add(Pending(doc, ParseResult()))
            continue
        if extract_facts:
            try:
                add_extraction(parsed.result, doc_key, found.origin, scope)
            except Exception as exc:  # extraction must never lose the parsed document
                run.error(found.origin, "extract", f"extraction failed ({type(exc).__name__}: {exc})")
        _cite_origin(parsed.result, found.origin)
        doc.parse_status, doc.encoding, doc.text = parsed.status, parsed.encoding, parsed.text
        doc.parse_error = parsed.note
        loader.add(Pending(doc, parsed.result))
    loader.flush()
    refresh_search(con, run)
    run.finish()
    return run


def refresh_search(con: duckdb.DuckDBPyConnection, run: Run) -> None:
    """Rebuild the full-text index when this run changed anything (or none exists yet)."""
    from ratsinfo.warehouse.search import SearchUnavailable, rebuild_index, rebuild_sources

    changed = any(c.get("inserted") or c.get("updated") or c.get("deleted") for c in run.counts.values())
    exists = con.execute("SELECT count(*) FROM duckdb_schemas() WHERE schema_name = 'fts_main_search_doc'"
                         ).fetchone()[0] > 0
    if changed or not exists:
        rebuild_sources(con)
        try:
            run.add("search_doc", Counter(indexed=rebuild_index(con)))
        except SearchUnavailable as exc:
            run.error("search index", "index", str(exc))


def add_extraction(result: ParseResult, doc_key: str, origin: str, scope: str) -> None:
    """Extract facts from the text of each full paper and stand-alone file of a document."""
    from ratsinfo.parsers.nlp.extract import extract

    for paper in result.papers:
        if paper.stub or not paper.text:
            continue
        found = extract(paper.text, document_key=doc_key, document=origin, paper_key=paper.key,
                        title=paper.name, scope=scope)
        merge_into(result, found)
    for f in result.files:
        if f.text and f.key.startswith("file:"):  # a stand-alone PDF or text, not a paper's attachment link
            found = extract(f.text, document_key=doc_key, document=origin, paper_key=f.paper_key, scope=scope)
            merge_into(result, found)


def merge_into(result: ParseResult, found: ParseResult) -> None:
    for attr in ("organizations", "meetings", "persons", "facts", "topics", "rules"):
        getattr(result, attr).extend(getattr(found, attr))


def _cite_origin(result: ParseResult, origin: str) -> None:
    """Records read from a file cite the path as the user gave it."""
    for attr in ("papers", "relations", "consultations", "organizations", "files", "questions", "answers",
                 "meetings", "persons"):
        for rec in getattr(result, attr):
            if getattr(rec, "source_url", None) is not None and rec.source_url.startswith("file:"):
                rec.source_url = origin


def path_of(p: str) -> Path:
    return Path(p)


# --- OParl ------------------------------------------------------------------------------------------

OPARL_TABLES = (("body", "bodies"), ("organization", "organizations"), ("person", "persons"),
                ("membership", "memberships"), ("meeting", "meetings"), ("agenda_item", "agenda_items"),
                ("paper", "papers"), ("paper_relation", "relations"), ("consultation", "consultations"),
                ("file", "files"))


def ingest_oparl(con: duckdb.DuckDBPyConnection, store: RawStore, url: str, *, since: datetime | None = None,
                 body: str | None = None, files: bool = True, max_rps: float = 5.0, concurrency: int = 4,
                 allow_hosts: tuple[str, ...] = (), timeout: float = 30.0, retries: int = 4,
                 name: str | None = None) -> Run:
    """Read an OParl system or body into the warehouse, incrementally."""
    from urllib.parse import urlsplit

    from ratsinfo.ingest.http import PoliteClient, host_of
    from ratsinfo.ingest.oparl import OParlIngest

    parts = urlsplit(url)
    source = Source(key=f"oparl:{parts.netloc}{parts.path}", kind="oparl", location=url, name=name or parts.netloc)
    run = Run(con, "ingest oparl", source.key)
    con.execute("BEGIN")
    run.add("source", upsert(con, "source", [source], run.id))
    con.execute("COMMIT")
    client = PoliteClient({host_of(url), *allow_hosts}, max_rps=max_rps, timeout=timeout, retries=retries)
    ing = OParlIngest(con, store, client, run, source.key, since=since, body_filter=body, files=files,
                      concurrency=concurrency)
    try:
        mapped, results = ing.walk(url)
        ing.fill_gaps(mapped)
        _resolve_names(con, mapped)
        _keep_file_state(con, mapped.files)
        if files:
            _download_files(ing, mapped.files, run)
        run.inputs = ing.stats["requests"]
        _load_oparl(con, run, source.key, ing, mapped, results)
    finally:
        client.close()
    run.stats = dict(ing.stats)  # type: ignore[attr-defined]
    run.requested = list(client.requested)  # type: ignore[attr-defined]
    refresh_search(con, run)
    run.finish()
    return run


def ingest_allris(con: duckdb.DuckDBPyConnection, store: RawStore, url: str, *, start: date | None = None,
                  end: date | None = None, files: bool = True, max_rps: float = 5.0, concurrency: int = 4,
                  allow_hosts: tuple[str, ...] = (), timeout: float = 30.0, today: date | None = None,
                  name: str | None = None) -> Run:
    """Crawl an ALLRIS site into the warehouse; see ratsinfo.ingest.allris."""
    from urllib.parse import urlsplit

    from ratsinfo.ingest.allris import AllrisCrawl, shift
    from ratsinfo.ingest.http import PoliteClient, host_of

    today = today or date.today()
    start = start or shift(today, -12)
    end = end or shift(today, 3)
    window = max(start, shift(today, -3))
    parts = urlsplit(url)
    base = url.split("?", 1)[0]
    if base.endswith(".asp"):
        base = base.rsplit("/", 1)[0]
    base = base.rstrip("/") + "/"
    source = Source(key=f"allris:{parts.netloc}{urlsplit(base).path}", kind="allris", location=base,
                    name=name or parts.netloc)
    run = Run(con, "ingest allris", source.key)
    con.execute("BEGIN")
    run.add("source", upsert(con, "source", [source], run.id))
    con.execute("COMMIT")
    client = PoliteClient({host_of(url), *allow_hosts}, max_rps=max_rps, timeout=timeout)
    crawl = AllrisCrawl(con, store, client, run, source.key, base, start, end, window, files=files,
                        concurrency=concurrency)
    try:
        crawl.crawl()
        c = crawl.collected
        if files:
            _keep_file_state(con, c.files)
            _download_files(crawl, c.files, run)
        results = []
        for pr in c.papers:
            p = pr.papers[0]
            try:
                add_extraction(pr, p.document_key or "", p.source_url, "local")
            except Exception as exc:  # extraction must never lose the crawled paper
                run.error(p.source_url, "extract", f"extraction failed ({type(exc).__name__}: {exc})")
            results.append(pr)
        run.inputs = crawl.stats["requests"]
        con.execute("BEGIN")
        try:
            run.add("document", upsert(con, "document", crawl.documents, run.id))
            for table, records in (("organization", c.organizations), ("person", c.persons),
                                   ("membership", c.memberships), ("meeting", c.meetings), ("agenda_item", c.items),
                                   ("file", c.files)):
                run.add(table, upsert(con, table, records, run.id))
            for table, attr in CHILD_TABLES:
                records = [r for pr in results for r in getattr(pr, attr)]
                if table == "file":
                    records = [r for r in records if r.key not in {f.key for f in c.files}]
                run.add(table, upsert(con, table, records, run.id))
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
    finally:
        client.close()
    run.requested = list(client.requested)  # type: ignore[attr-defined]
    refresh_search(con, run)
    run.finish()
    return run


def _resolve_names(con: duckdb.DuckDBPyConnection, mapped) -> None:  # noqa: ANN001
    """Consultations and papers name bodies and people, not their OParl ids."""
    names = {o.key: o.name for o in mapped.organizations}
    names.update({p.key: p.name for p in mapped.persons})
    wanted = set()
    for c in mapped.consultations:
        if c.organization_key and c.organization_key not in names:
            wanted.add(c.organization_key)
    for p in mapped.papers:
        for ref in (p.originator, p.under_direction_of):
            if ref:
                wanted.update({f"oparl:organization:{ref}", f"oparl:person:{ref}"})
    if wanted:
        for table in ("organization", "person"):
            for k, n in con.execute(f"SELECT key, name FROM {table} WHERE list_contains(?, key)",
                                    [sorted(wanted)]).fetchall():
                names[k] = n
    for c in mapped.consultations:
        if c.organization_key:
            c.organization_name = names.get(c.organization_key, c.organization_name)
    for p in mapped.papers:
        for attr in ("originator", "under_direction_of"):
            ref = getattr(p, attr)
            if ref:
                setattr(p, attr, names.get(f"oparl:organization:{ref}") or names.get(f"oparl:person:{ref}") or ref)


def _keep_file_state(con: duckdb.DuckDBPyConnection, files: list) -> None:
    """A file already downloaded keeps its text, hash and pages while its URL is the same."""
    if not files:
        return
    rows = con.execute("SELECT key, access_url, sha256, text, pages, download_status, mime_type FROM file "
                       "WHERE list_contains(?, key)", [[f.key for f in files]]).fetchall()
    known = {r[0]: r for r in rows}
    for f in files:
        r = known.get(f.key)
        if r and r[1] == f.access_url and r[5] == "ok":
            f.sha256, f.text, f.pages, f.download_status, f.mime_type = r[2], r[3], r[4], r[5], r[6]


def _download_files(ing, files, run: Run) -> None:  # noqa: ANN001
    """Download new files in worker threads; parse them here (PDF parsing forks, threads must not)."""
    from concurrent.futures import ThreadPoolExecutor


    todo = [f for f in files if f.access_url and f.download_status != "ok"]
    validators = {}
    if todo:
        rows = ing.con.execute(
            "SELECT url, etag, last_modified FROM document WHERE list_contains(?, url) AND http_status = 200 "
            "ORDER BY fetched_at", [[f.access_url for f in todo]]).fetchall()
        validators = {u: (e, lm) for u, e, lm in rows}

    def get(f):  # noqa: ANN001, ANN202
        etag, last_modified = validators.get(f.access_url, (None, None))
        return f, ing.get(f.access_url, "file download", etag=etag, last_modified=last_modified)

    from ratsinfo.parsers.timeout import PdfWorkers

    workers = PdfWorkers(processes=2)
    done: list = []
    pending: list = []  # (file, response, sha, pdf job) parsed in the worker pool, two at a time

    def finish(f, resp, sha, job) -> None:  # noqa: ANN001
        try:
            out = workers.result(job, "PDF text extraction")
        except ParseError as exc:
            f.download_status, f.sha256 = "unreadable", sha
            run.error(f.access_url, "file", str(exc))
            return
        f.sha256, f.text, f.pages, f.download_status = sha, out.text, out.pages, "ok"
        f.mime_type = "application/pdf"
        done.append(f)
        if len(done) >= FILE_BATCH:
            store_files(ing.con, run, done)

    try:
        with ThreadPoolExecutor(max_workers=max(1, ing.concurrency)) as pool:
            # in slices, so that no more than a slice of downloaded bodies waits in memory
            results = (r for i in range(0, len(todo), 100) for r in pool.map(get, todo[i:i + 100]))
            for f, resp in results:
                if resp is None:  # the reason is in run_error already
                    f.download_status = "failed"
                    continue
                if resp.not_modified:
                    old = ing.con.execute("SELECT sha256 FROM document WHERE url = ? AND http_status = 200 "
                                          "ORDER BY fetched_at DESC LIMIT 1", [f.access_url]).fetchone()
                    if old is None:
                        f.download_status = "failed"
                        run.error(f.access_url, "file", "304 Not Modified for a file never stored")
                        continue
                    resp = type(resp)(resp.url, 200, ing.store.get(old[0]), resp.headers, resp.elapsed)
                if resp.status >= 400:
                    f.download_status = "failed"
                    run.error(f.access_url, "file", f"download failed: HTTP {resp.status}")
                    continue
                sha = ing._keep(resp.url, resp.content, resp.status, resp.headers, "file")
                kind, _ctype = detect(resp.content, f.name)
                if kind == "pdf":
                    pending.append((f, resp, sha, workers.submit(resp.content)))
                    if len(pending) >= 8:
                        finish(*pending.pop(0))
                    continue
                try:
                    parsed = parse_document(kind, resp.content, resp.url, f"{resp.url}#{sha[:16]}", sha, "local")
                except ParseError as exc:
                    f.download_status, f.sha256 = "unreadable", sha
                    run.error(f.access_url, "file", str(exc))
                    continue
                f.sha256, f.text, f.download_status = sha, parsed.text, "ok"
                f.pages = parsed.result.files[0].pages if parsed.result.files else None
        for item in pending:
            finish(*item)
        store_files(ing.con, run, done)
    finally:
        workers.close()


FILE_BATCH = 500


def store_files(con: duckdb.DuckDBPyConnection, run: Run, done: list) -> None:
    """Load downloaded files in batches and let their text go: a city's PDFs do not fit in memory."""
    if not done:
        return
    con.execute("BEGIN")
    try:
        run.add("file", upsert(con, "file", done, run.id))
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    for f in done:
        f.text = None  # stored; the final load keeps the stored text (see _keep_file_state)
        f.download_status = "stored"
    done.clear()


def _load_oparl(con: duckdb.DuckDBPyConnection, run: Run, source_key: str, ing, mapped, results) -> None:  # noqa: ANN001
    """One transaction: documents, every table, soft deletes and the new watermarks."""
    con.execute("BEGIN")
    try:
        run.add("document", upsert(con, "document", ing.documents, run.id))
        for table, attr in OPARL_TABLES:
            records = getattr(mapped, attr)
            if table == "file":
                records = [f for f in records if f.download_status != "stored"]
            for i in range(0, len(records), 20_000):
                run.add(table, upsert(con, table, records[i:i + 20_000], run.id))
        for table, keys in mapped.deleted.items():
            gone = con.execute(f"UPDATE {table} SET deleted = true, last_run = ? WHERE list_contains(?, key) "
                               "AND NOT deleted RETURNING key", [run.id, sorted(keys)]).fetchall()
            log_deleted(con, table, [g[0] for g in gone], run.id)
            if gone:
                run.add(table, Counter(deleted=len(gone)))
        for res in results:
            if not res.complete:
                continue
            until = res.mapped.modified
            if until is None:
                continue
            con.execute("INSERT INTO watermark VALUES (?, ?, ?, ?, ?) ON CONFLICT (source_key, body, list) "
                        "DO UPDATE SET modified_until = greatest(watermark.modified_until, excluded.modified_until), "
                        "updated_at = excluded.updated_at",
                        [source_key, res.body_key, res.name, until, now()])
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
