"""ALLRIS sites: crawl (calendar → meetings → agenda items → papers → rosters), extract the papers'
text, download the meetings' attachments, and load in batches."""

from __future__ import annotations

from datetime import date
from typing import Any

import duckdb

from ratsinfo.ingest.allris import AllrisCrawl, shift
from ratsinfo.ingest.http import HostGate
from ratsinfo.ingest.rawstore import RawStore
from ratsinfo.model import TABLES, Records
from ratsinfo.parsers.timeout import PdfWorkers
from ratsinfo.pipeline.common import allris_source, client_for, close_run, derive_themes
from ratsinfo.pipeline.downloads import download_files
from ratsinfo.warehouse.load import Loader, transaction, upsert
from ratsinfo.warehouse.runs import Run
from ratsinfo.warehouse.state import State

BATCH = 2_000  # records of one table per transaction


def ingest_allris(con: duckdb.DuckDBPyConnection, store: RawStore, url: str, *, start: date | None = None,
                  end: date | None = None, files: bool = True, max_rps: float = 5.0, concurrency: int = 4,
                  allow_hosts: tuple[str, ...] = (), timeout: float = 30.0, today: date | None = None,
                  name: str | None = None, private_hosts: tuple[str, ...] = (),
                  time_budget: float | None = None, gate: HostGate | None = None, readers: bool = True,
                  pdf_workers: PdfWorkers | None = None, documents: Any = None) -> Run:
    """Crawl an ALLRIS site into the warehouse; see ratsinfo.ingest.allris (and ingest_oparl for the rest).

    ``documents``: in a cluster, the crawl's DocumentTasks: papers' texts and files go to tasks of their own."""
    today = today or date.today()
    start = start or shift(today, -12)
    end = end or shift(today, 3)
    window = max(start, shift(today, -3))
    source = allris_source(url, name)
    run = Run(con, "ingest allris", source.key)
    with transaction(con):
        run.add("source", upsert(con, "source", [source], run.id))
    state = State(con, source.key)
    client = client_for(url, allow_hosts, private_hosts, time_budget, max_rps=max_rps, timeout=timeout, gate=gate)
    crawl = AllrisCrawl(state, store, client, run, source.key, source.location, start, end, window, files=files,
                        concurrency=concurrency)
    loader = Loader(con, run, first_load=not state.has_documents(), batch_size=1, derive=derive_themes)
    try:
        crawl.crawl()
        found = crawl.collected
        extract_papers(found, run, documents)
        loader.add(Records(), crawl.take_documents())
        for part in batches(found):
            loader.add(part)
        if files:
            download_files(crawl, loader, crawl.downloads, pdf_workers, documents)
        loader.close()
    finally:
        client.close()
    run.inputs = crawl.stats["requests"]
    run.requested = list(client.requested)
    return close_run(con, run, readers)


def extract_papers(found: Records, run: Run, documents: Any = None) -> None:
    """Facts from each crawled paper's text, cited to the paper's own page; with ``documents`` (a cluster's
    DocumentTasks) in tasks of their own, their results merged in the papers' order all the same."""
    from ratsinfo.pipeline.common import extract_safely

    papers = [p for p in found.papers if not p.stub and p.text]
    if documents is not None:
        from ratsinfo.scale.documents import ExtractJob

        tickets = [documents.submit(ExtractJob(p, p.document_key or "", p.source_url)) for p in papers]
        for ticket in tickets:
            out = documents.result(ticket)
            for error in out.errors:
                run.error(*error)
            found.extend(out.records)
        return
    for paper in papers:
        one = Records(papers=[paper])
        extract_safely(one, paper.document_key or "", paper.source_url, "local", run)
        one.papers = []
        found.extend(one)


def batches(found: Records) -> list[Records]:
    """The crawl's records cut into transactions of at most BATCH records per table, in load order."""
    out = []
    for table, attr in TABLES:
        rows = getattr(found, attr)
        for i in range(0, len(rows), BATCH):
            part = Records()
            getattr(part, attr).extend(rows[i:i + BATCH])
            out.append(part)
        del table
    return out
