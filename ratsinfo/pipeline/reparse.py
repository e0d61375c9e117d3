"""Rebuild records and facts from the raw store, offline: how a parser fix reaches every council
already crawled. The same detection, parsers, extraction and Loader as an ingest; nothing is
fetched. Documents are read newest first, and a record already rebuilt from a newer document is
not taken again from an older one, so a second reparse changes nothing."""

from __future__ import annotations

from datetime import datetime

import duckdb

from ratsinfo.errors import ParseError
from ratsinfo.ingest.rawstore import RawStore
from ratsinfo.model import TABLES, Document, Records
from ratsinfo.parsers import PARSER_VERSION
from ratsinfo.parsers.oparl import decode, map_object, page_of
from ratsinfo.parsers.textutil import decode_html
from ratsinfo.pipeline.common import close_run, derive_themes, extract_safely
from ratsinfo.pipeline.files import read_file
from ratsinfo.pipeline.oparl import Names
from ratsinfo.warehouse import reads
from ratsinfo.warehouse.load import Loader
from ratsinfo.warehouse.runs import Run
from ratsinfo.warehouse.state import State


def reparse(con: duckdb.DuckDBPyConnection, store: RawStore, *, source: str | None = None, kind: str | None = None,
            since: datetime | None = None, extract_facts: bool = True) -> Run:
    """Re-run detection, parsing and extraction over stored documents (``source``: key or name)."""
    run = Run(con, "reparse", source)
    rows = reads.documents_to_reparse(con, source, kind, since)
    # files in the order an ingest reads them (two files of one paper merge as they did then); fetched
    # pages newest first, each record taken from its newest page only
    rows = sorted((r for r in rows if r[2] == "files"), key=lambda r: (r[7], r[4])) + \
        [r for r in rows if r[2] != "files"]
    per_doc = Loader(con, run, per_document=True, derive=derive_themes, derive_all=True)
    records = Loader(con, run, batch_size=20, derive=derive_themes, derive_all=True)
    taken: set[tuple[str, str]] = set()
    names: dict[str, Names] = {}
    for (key, source_key, source_kind, url, origin, sha, doc_kind, fetched_at, status, etag, last_modified, size,
         ctype) in rows:
        run.inputs += 1
        try:
            data = store.get(sha)
        except (FileNotFoundError, OSError):
            run.error(origin, "reparse", f"the raw bytes {sha[:12]} are missing from the raw store; fetch again")
            continue
        doc = Document(key=key, source_key=source_key, url=url, origin=origin, sha256=sha, size=size,
                       content_type=ctype or "", kind=doc_kind, encoding=None, fetched_at=fetched_at,
                       http_status=status, etag=etag, last_modified=last_modified, parser_version=PARSER_VERSION)
        if source_kind == "files":
            scope = source_key.split(":", 1)[1] if ":" in source_key else "local"
            per_doc.add(read_file(data, doc, scope, run, extract_facts=extract_facts), [doc])
        elif doc_kind == "oparl_json":
            found = _oparl(data, doc, run)
            names.setdefault(source_key, Names(State(con, source_key))).resolve(found)
            records.add(_newest_only(found, taken))
        elif doc_kind == "allris_page":
            found = _allris(data, doc, run, extract_facts)
            records.add(_newest_only(found, taken))
    per_doc.close()
    records.close()
    return close_run(con, run)


def _newest_only(found: Records, taken: set[tuple[str, str]]) -> Records:
    """Records not yet rebuilt from a newer document."""
    out = Records()
    for table, attr in TABLES:
        for rec in getattr(found, attr):
            if (table, rec.key) not in taken:
                taken.add((table, rec.key))
                getattr(out, attr).append(rec)
    return out


def _oparl(data: bytes, doc: Document, run: Run) -> Records:
    out = Records()
    try:
        value = decode(data).value
        objects = page_of(value).objects
    except ParseError as exc:
        run.error(doc.origin, "reparse", str(exc))
        return out
    for obj in objects:
        map_object(obj, None, out)  # the body a record belongs to is kept from the stored row
    out.deleted = {}
    return out


def _allris(data: bytes, doc: Document, run: Run, extract_facts: bool) -> Records:
    """An ALLRIS page by its program: papers (vo020), meetings (to010), agenda items (to020), rosters."""
    from ratsinfo.parsers.allris_agenda_item import parse_to020
    from ratsinfo.parsers.allris_html import parse_vo020
    from ratsinfo.parsers.allris_meeting import parse_to010
    from ratsinfo.parsers.allris_roster import parse_roster

    html = decode_html(data)[0]
    url = doc.url
    out = Records()
    try:
        if "vo020" in url:
            out, _body = parse_vo020(html, url, doc.key, "local")
            if extract_facts:
                extract_safely(out, doc.key, url, "local", run)
        elif "to010" in url:
            page = parse_to010(html, url)
            out.meetings.append(page.meeting)
            out.agenda_items += page.items
            out.files += page.files
        elif "to020" in url:
            out.agenda_items.append(parse_to020(html, url)[0])
        elif any(p in url for p in ("au020", "gr020", "fr020")):
            roster = parse_roster(html, url, kind="faction" if "fr020" in url else None)
            out.organizations.append(roster.organization)
            out.persons += roster.persons
            out.memberships += roster.memberships
    except ParseError as exc:
        run.error(doc.origin, "reparse", str(exc))
    return out
