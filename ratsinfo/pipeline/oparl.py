"""OParl: stream every list page from the crawler into the warehouse, a batch of pages a transaction;
advance a list's watermark once its pages are committed; fill gaps; download files."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import duckdb

from ratsinfo.ingest.http import HostGate
from ratsinfo.ingest.oparl import ListDone, OParlIngest, PageBatch
from ratsinfo.ingest.rawstore import RawStore
from ratsinfo.model import Records
from ratsinfo.parsers.timeout import PdfWorkers
from ratsinfo.pipeline.common import client_for, close_run, derive_themes, oparl_source
from ratsinfo.pipeline.downloads import download_files
from ratsinfo.warehouse.load import Loader, set_watermark, transaction, upsert
from ratsinfo.warehouse.runs import Run, now
from ratsinfo.warehouse.state import State

GAP_TABLES = ("organization", "person", "meeting", "paper")


class Names:
    """Consultations and papers refer to bodies and people by OParl id; the warehouse shows names."""

    def __init__(self, state: State) -> None:
        self.state = state
        self.known: dict[str, str] = {}
        self.asked: set[str] = set()  # looked up once per run: a paper's originator is an org or a person, never both

    def learn(self, records: Records) -> None:
        self.known.update({o.key: o.name for o in records.organizations})
        self.known.update({p.key: p.name for p in records.persons})

    def resolve(self, records: Records) -> None:
        self.learn(records)
        wanted = {c.organization_key for c in records.consultations if c.organization_key}
        for p in records.papers:
            for ref in (p.originator, p.under_direction_of):
                if ref:
                    wanted.update({f"oparl:organization:{ref}", f"oparl:person:{ref}"})
        unknown = sorted(k for k in wanted if k not in self.known and k not in self.asked)
        if unknown:
            self.asked.update(unknown)
            self.known.update(self.state.names(unknown))
        for c in records.consultations:
            if c.organization_key:
                c.organization_name = self.known.get(c.organization_key, c.organization_name)
        for p in records.papers:
            for attr in ("originator", "under_direction_of"):
                ref = getattr(p, attr)
                if ref:
                    setattr(p, attr, self.known.get(f"oparl:organization:{ref}")
                            or self.known.get(f"oparl:person:{ref}") or ref)


# A batch's statements cost the same for 10 pages as for 50 (each new key is looked up in a scan of its table), and
# 50 pages of up to 100 objects are a few MB: 10 -> 50 took 8% off the CPU of a full ingest of the generated
# city. A kill loses at most the batch it interrupts; the next run reads those pages again.
PAGES_PER_TRANSACTION = 50


def ingest_oparl(con: duckdb.DuckDBPyConnection, store: RawStore, url: str, *, since: datetime | None = None,
                 body: str | None = None, files: bool = True, max_rps: float = 5.0, concurrency: int = 4,
                 allow_hosts: tuple[str, ...] = (), timeout: float = 30.0, retries: int = 4,
                 name: str | None = None, backoff: float | None = None, private_hosts: tuple[str, ...] = (),
                 time_budget: float | None = None, gate: HostGate | None = None, readers: bool = True,
                 pdf_workers: PdfWorkers | None = None, documents: Any = None) -> Run:
    """Read an OParl system or body into the warehouse, incrementally and streaming.

    ``gate``, ``readers``, ``pdf_workers``, ``documents``: see HostGate, close_run and download_files (crawls
    in a cluster)."""
    source = oparl_source(url, name)
    run = Run(con, "ingest oparl", source.key)
    with transaction(con):
        run.add("source", upsert(con, "source", [source], run.id))
    state = State(con, source.key)
    client = client_for(url, allow_hosts, private_hosts, time_budget, max_rps=max_rps, timeout=timeout,
                        retries=retries, gate=gate, **({"backoff": backoff} if backoff is not None else {}))
    ing = OParlIngest(state, store, client, run, source.key, since=since, body_filter=body, files=files,
                      concurrency=concurrency)
    loader = Loader(con, run, first_load=not state.has_documents(), batch_size=PAGES_PER_TRANSACTION,
                    derive=derive_themes)
    names = Names(state)
    seen: set[str] = set()
    references: dict[str, set[str]] = {}
    attachments = []
    try:
        for item in ing.stream(url):
            if isinstance(item, ListDone):
                if item.complete and (item.modified or item.mode):
                    loader.flush()  # the list's pages are committed before its watermark moves
                    with transaction(con):
                        set_watermark(con, source.key, item.body_key, item.list_name, item.modified, item.mode,
                                      now())
                continue
            _note(item, seen, references)
            names.resolve(item.records)
            if files:
                attachments += item.records.files
            loader.add(item.records, item.documents)
        extra = ing.gaps(references, seen)
        names.resolve(extra)
        loader.add(extra, ing.take_documents())
        if files:
            download_files(ing, loader, attachments + extra.files, pdf_workers, documents)
        loader.add(Records(), ing.take_documents())
        loader.close()
    finally:
        client.close()
    # the keys and names of a whole city are not needed while its index and page rows are rebuilt
    del seen, references, names, attachments, extra, loader
    run.inputs = ing.stats["requests"]
    run.stats = dict(ing.stats)
    run.requested = list(client.requested)
    return close_run(con, run, readers)


def _note(item: PageBatch, seen: set[str], references: dict[str, set[str]]) -> None:
    """Keys read in this run, and ids referenced, so that unlisted objects can be fetched afterwards."""
    for table in GAP_TABLES:
        seen.update(r.key for r in item.records.of(table))
    for table, ids in item.records.references.items():
        if table in GAP_TABLES:
            references.setdefault(table, set()).update(ids)
    item.records.references = {}
