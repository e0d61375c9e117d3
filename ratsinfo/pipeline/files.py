"""Folders of exported files: read each file into the raw store, detect, parse, extract, load in
batches (one transaction each); a file read again that no longer yields a record retires it."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable

import duckdb

from ratsinfo.ingest import files as files_ingest
from ratsinfo.ingest.rawstore import RawStore
from ratsinfo.isolation import guarded
from ratsinfo.model import Document, Records
from ratsinfo.parsers import PARSER_VERSION
from ratsinfo.parsers.detect import detect
from ratsinfo.parsers.document import parse_document
from ratsinfo.parsers.limits import check_nesting
from ratsinfo.parsers.textutil import decoding_note
from ratsinfo.pipeline.common import (
    cite_origin,
    close_run,
    derive_themes,
    extract_safely,
    files_source,
    report_ocr,
    scope_name,
)
from ratsinfo.pipeline.oparl import Names
from ratsinfo.warehouse.db import db_path_of
from ratsinfo.warehouse.load import Loader, transaction, upsert
from ratsinfo.warehouse.runs import Run, now
from ratsinfo.warehouse.state import State


def read_file(data: bytes, document: Document, scope: str, run: Run, *, extract_facts: bool = True,
              pdf_engine: str = "pdfium", pdf_timeout: float = 60.0) -> Records:
    """Detect, parse and extract one document; fills in its parse status. Used by ingest and reparse."""
    document.parser_version = PARSER_VERSION
    parsed = None
    with guarded(run, document.origin, "parse") as outcome:
        check_nesting(data)
        kind, ctype = detect(data, document.url.rsplit("/", 1)[-1])
        document.kind, document.content_type = kind, ctype
        parsed = parse_document(kind, data, document.url, document.key, document.sha256, scope, pdf_engine,
                                pdf_timeout)
    if outcome.failed or parsed is None:
        document.parse_status, document.parse_error = "failed", outcome.reason
        document.kind = document.kind or "unreadable"
        return Records()
    if extract_facts:
        extract_safely(parsed.result, document.key, document.origin, scope, run)
    cite_origin(parsed.result, document.origin)
    document.parse_status, document.encoding, document.text = parsed.status, parsed.encoding, parsed.text
    document.text_method = parsed.text_method
    report_ocr(run, document.origin, parsed.ocr_problems, parsed.ocr_missing)
    document.parse_error = parsed.note or (decoding_note(data, parsed.encoding) if parsed.encoding else None)
    return parsed.result


def ingest_files(con: duckdb.DuckDBPyConnection, store: RawStore, paths: list[str], *,
                 body: str | None = None, pdf_engine: str = "pdfium", pdf_timeout: float = 60.0,
                 extract_facts: bool = True, name: str | None = None,
                 progress: Callable[[str], None] | None = None, readers: bool = True) -> Run:
    """Read every file under ``paths`` into the raw store and the warehouse (``readers``: see close_run)."""
    source = files_source(paths, body, name)
    scope = scope_name(body) if body else "local"
    run = Run(con, "ingest files", source.key)
    with transaction(con):
        run.add("source", upsert(con, "source", [source], run.id))
    known = State(con, source.key).document_keys()
    loader = Loader(con, run, per_document=True, first_load=not known, derive=derive_themes)
    names = Names(State(con, source.key))
    objects: list[tuple[Records, Document]] = []
    own = [db_path_of(con), store.root]  # the warehouse's own files are never read as input
    for found in files_ingest.walk(paths, skip=[*own, *(f"{own[0]}{x}" for x in (".wal", ".snapshot", ".lock"))]):
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
        doc = Document(key=doc_key, source_key=source.key, url=url, origin=found.origin, sha256=sha, size=len(data),
                       content_type="", kind="", encoding=None, fetched_at=now(), parser_version=PARSER_VERSION)
        records = read_file(data, doc, scope, run, extract_facts=extract_facts, pdf_engine=pdf_engine,
                            pdf_timeout=pdf_timeout)
        if doc.kind == "oparl_json":  # loaded once the folder is read: objects name bodies in other files
            objects.append((records, doc))
            names.learn(records)
            continue
        loader.add(records, [doc])
    for records, doc in objects:
        names.resolve(records)
        loader.add(records, [doc])
    loader.close()
    return close_run(con, run, readers)
