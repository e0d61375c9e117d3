"""What every source kind's path shares: source keys, extraction of a parsed document, citations,
and closing a run (search index, run record)."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any
from urllib.parse import urlsplit

import duckdb

from ratsinfo.ingest.http import Limits, PoliteClient, host_of
from ratsinfo.model import Records, Source
from ratsinfo.warehouse.db import publish
from ratsinfo.warehouse.runs import Run
from ratsinfo.warehouse.search import SearchUnavailable, refresh_index


def scope_name(text: str) -> str:
    return re.sub(r"[^a-z0-9äöüß]+", "-", text.casefold()).strip("-") or "local"


def files_source(paths: list[str], body: str | None, name: str | None) -> Source:
    """A folder source is keyed by the council it belongs to (``--body``), not by its paths."""
    scope = scope_name(body) if body else "local"
    return Source(key=f"files:{scope}", kind="files", location=", ".join(paths), name=name or body or "files")


def oparl_source(url: str, name: str | None) -> Source:
    parts = urlsplit(url)
    return Source(key=f"oparl:{parts.netloc}{parts.path}", kind="oparl", location=url, name=name or parts.netloc)


def allris_base(url: str) -> str:
    base = url.split("?", 1)[0]
    if base.endswith(".asp") or base.rsplit("/", 1)[-1] in ("si010", "si0040", "vo040", "pa021"):
        base = base.rsplit("/", 1)[0]
    return base.rstrip("/") + "/"


def allris_source(url: str, name: str | None) -> Source:
    base = allris_base(url)
    parts = urlsplit(url)
    return Source(key=f"allris:{parts.netloc}{urlsplit(base).path}", kind="allris", location=base,
                  name=name or parts.netloc)


def client_for(url: str, allow_hosts: tuple[str, ...], private_hosts: tuple[str, ...], time_budget: float | None,
               **options: Any) -> PoliteClient:
    """The polite client of one source: its hosts, the internal hosts it may reach, its time budget."""
    limits = Limits(budget=time_budget) if time_budget else None
    return PoliteClient({host_of(url), *allow_hosts}, limits=limits,
                        private_hosts={*private_hosts, *(h for h in {host_of(url), *allow_hosts} if _literal_host(h))}
                        if private_hosts else None, **options)


def _literal_host(host: str) -> bool:
    import ipaddress

    name = host.rsplit(":", 1)[0] if host.count(":") == 1 else host
    try:
        ipaddress.ip_address(name.strip("[]"))
    except ValueError:
        return False
    return True


def add_extraction(result: Records, doc_key: str, origin: str, scope: str) -> None:
    """Extract facts from the text of each full paper and stand-alone file of a document."""
    from ratsinfo.parsers.nlp.extract import extract

    for paper in result.papers:
        if paper.stub or not paper.text:
            continue
        _merge(result, extract(paper.text, document_key=doc_key, document=origin, paper_key=paper.key,
                               title=paper.name, scope=scope, council=council_of(scope)))
    for f in list(result.files):
        if f.text and f.key.startswith("file:"):  # a stand-alone PDF or text, not a paper's attachment link
            _merge(result, extract(f.text, document_key=doc_key, document=origin, paper_key=f.paper_key,
                                   scope=scope, council=council_of(scope)))


def council_of(scope: str) -> str | None:
    """The council a source names (``--body``); else the extraction reads it from the document's head."""
    return None if scope == "local" else scope


def _merge(result: Records, found: Records) -> None:
    """What extraction adds to a parsed document (its questions come from the parser itself)."""
    for attr in ("organizations", "meetings", "persons", "facts", "topics", "rules"):
        getattr(result, attr).extend(getattr(found, attr))


def extract_safely(result: Records, doc_key: str, origin: str, scope: str, run: Run) -> None:
    """Extraction must never lose the parsed document: a failure is recorded and the records stay."""
    try:
        add_extraction(result, doc_key, origin, scope)
    except Exception as exc:
        run.error(origin, "extract", f"extraction failed ({type(exc).__name__}: {exc})")


def report_ocr(run: Run, origin: str, problems: list[str] | None, missing: str | None) -> None:
    """Pages OCR could not read are errors of their file; a missing Tesseract is said once per run."""
    for problem in problems or []:
        run.error(origin, "ocr", f"{problem}: that page stays without text")
    if missing:
        run.note_once(origin, "ocr", missing)


def cite_origin(result: Records, origin: str) -> None:
    """Records read from a file cite the path as the user gave it."""
    for attr in ("papers", "relations", "consultations", "organizations", "files", "questions", "answers",
                 "meetings", "persons", "agenda_items", "memberships"):
        for rec in getattr(result, attr):
            if getattr(rec, "source_url", None) is not None and rec.source_url.startswith("file:"):
                rec.source_url = origin


def close_run(con: duckdb.DuckDBPyConnection, run: Run, readers: bool = True) -> Run:
    """Decide the inquiries again, rebuild the search index when the run changed anything, then record
    the run as finished.

    ``readers``: the warehouse is read directly (search index and published snapshot kept up to date);
    a council's file in a lake is read through its Parquet export instead and needs neither."""
    from ratsinfo.pipeline.inquiries import derive_inquiry_answers

    try:
        derive_inquiry_answers(con, run)
    except duckdb.Error as exc:
        run.error("inquiries", "derive", f"answers of inquiries not derived: {exc}".splitlines()[0])
    if not readers:
        run.finish()
        return run
    update_readers(con, run.changed, run)
    run.finish()
    publish(con)
    return run


def update_readers(con: duckdb.DuckDBPyConnection, changed: bool, run: Run | None = None) -> None:
    """Bring the search index up to date; a refresh of many sources calls this once at its end (and then
    publishes) instead of once per source."""
    try:
        indexed = refresh_index(con, changed)
        if indexed is not None and run is not None:
            run.add("search_doc", Counter(indexed=indexed))
    except SearchUnavailable as exc:
        if run is not None:
            run.error("search index", "index", str(exc))
        else:
            raise


def derive_themes(table: str, records: list, units: list[Records]) -> None:
    """The policy area of new or changed papers and agenda items, from titles, types, lead offices and texts.

    The Loader calls this only for records whose content is new or changed (all of them on ``reparse``).
    An agenda item finds its paper and its meeting's body in the unit it was read with (its page or
    document), never elsewhere in the batch: what shares a batch depends on thread timing.
    """
    from ratsinfo.themes.assign import item_themes, paper_themes

    if table == "paper":
        full = [p for p in records if not p.stub]
        if full:
            themes = paper_themes(full)
            for p in full:
                t = themes[p.key]
                p.theme, p.theme2, p.theme_confidence = t.code, t.second, t.confidence
    elif table == "agenda_item" and records:
        wanted = {id(i) for i in records}
        for unit in units:
            items = [i for i in unit.agenda_items if id(i) in wanted]
            if not items:
                continue
            papers = {p.key: p for p in unit.papers if not p.stub}
            orgs = {o.key: o.name for o in unit.organizations}
            bodies = {m.key: orgs[m.organization_key] for m in unit.meetings if m.organization_key in orgs}
            themes = item_themes(items, papers, bodies)
            for i in items:
                t = themes[i.key]
                i.theme, i.theme2, i.theme_confidence = t.code, t.second, t.confidence
