"""Documents parsed and extracted as Dask tasks of their own, apart from the crawl that found them.

A crawl is network-bound and polite; reading a PDF's text or extracting facts from a paper's text is
CPU-bound. In a cluster the crawl task downloads into the raw store (shared storage, like the lake)
and hands each document on as a job: a file to read (by its sha256 in the raw store, so no bytes
travel through the scheduler) or a paper's text to extract facts from. Jobs go out in batches of
``BATCH`` as tasks of a higher priority than crawls, so a free worker takes documents first. The
crawl collects the results by the order it submitted them, never by the order tasks end, and loads
them into its own council's file: the single writer per council and the manifest commit stay as
they were, and the output is the same whichever worker finished first. Without a cluster none of
this runs: the one-process path parses in its own PDF process (pipeline/downloads.py).
"""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass, field
from typing import Any

BATCH = 50  # documents per task
PRIORITY = 10  # above the crawls' 0: a worker that is free takes documents before a new council


@dataclass
class FileJob:
    """A downloaded file whose text is wanted."""

    sha: str
    kind: str  # what detect() said: pdf, html, text, ...
    url: str
    name: str | None
    where: str  # the input its failures are recorded against


@dataclass
class ExtractJob:
    """A paper (its text read by the crawl) to extract facts from."""

    paper: Any  # model.Paper
    doc_key: str
    origin: str


@dataclass
class Outcome:
    """One job's result: what to set on the file (or the records extraction found) and the failures to
    record, as the one-process path records them."""

    failed: bool = False
    text: str | None = None
    pages: int | None = None
    pdf: bool = False
    method: str | None = None  # PDFs: text layer, ocr, or both
    ocr_problems: list[str] = field(default_factory=list)
    ocr_missing: str | None = None
    records: Any = None  # model.Records, for an ExtractJob
    errors: list[tuple[str, str, str]] = field(default_factory=list)


@dataclass
class BatchOut:
    outcomes: list[Outcome]
    cpu_seconds: float  # the task's own thread and the PDF process it used
    worker: str


class _Errors:
    """Collects what guarded() and extract_safely() would record on the run, to replay it there."""

    def __init__(self) -> None:
        self.errors: list[tuple[str, str, str]] = []

    def error(self, input_: str, stage: str, reason: str) -> None:
        self.errors.append((input_, stage, reason))


def live_children_cpu() -> float:
    """CPU seconds of this process's children still running (the PDF pool), which getrusage does not see."""
    import psutil

    total = 0.0
    for child in psutil.Process().children(recursive=True):
        try:
            t = child.cpu_times()
            total += t.user + t.system
        except psutil.Error:
            pass
    return total


def read_file(job: FileJob, data: bytes, pdf_workers: Any) -> Outcome:
    """The text of one file as download_files reads it in one process: PDFs in a PDF process, the rest here."""
    from ratsinfo.errors import ParseError
    from ratsinfo.isolation import guarded
    from ratsinfo.parsers.document import parse_document

    out = Outcome()
    rec = _Errors()
    if job.kind == "pdf":
        try:
            text = pdf_workers.result(pdf_workers.submit(data), "PDF text extraction")
        except ParseError as exc:
            out.failed = True
            rec.error(job.where, "file", str(exc))
        else:
            out.text, out.pages, out.pdf, out.method = text.text, text.pages, True, text.method
            out.ocr_problems, out.ocr_missing = list(text.ocr_problems or []), text.ocr_missing
    else:
        parsed = None
        with guarded(rec, job.where, "file") as outcome:
            parsed = parse_document(job.kind, data, job.url, f"{job.url}#{job.sha[:16]}", job.sha, "local")
        if outcome.failed or parsed is None:
            out.failed = True
        else:
            out.text = parsed.text
            out.pages = parsed.result.files[0].pages if parsed.result.files else None
    out.errors = rec.errors
    return out


def extract_paper(job: ExtractJob) -> Outcome:
    """Facts from one paper's text, as the ALLRIS path extracts them in one process."""
    from ratsinfo.model import Records
    from ratsinfo.pipeline.common import extract_safely

    rec = _Errors()
    one = Records(papers=[job.paper])
    extract_safely(one, job.doc_key, job.origin, "local", rec)  # type: ignore[arg-type]
    one.papers = []
    return Outcome(records=one, errors=rec.errors)


def run_batch(home: str, jobs: list[FileJob | ExtractJob]) -> BatchOut:
    """A Dask task: every job of the batch, in order; the files read from the raw store under ``home``."""
    import os
    from pathlib import Path

    from ratsinfo.ingest.rawstore import RawStore
    from ratsinfo.scale.crawl import _pdf_workers

    t0, kids0 = time.thread_time(), live_children_cpu()
    store = RawStore(Path(home))
    outcomes = []
    for job in jobs:
        if isinstance(job, FileJob):
            outcomes.append(read_file(job, store.get(job.sha), _pdf_workers() if job.kind == "pdf" else None))
        else:
            outcomes.append(extract_paper(job))
    cpu = time.thread_time() - t0 + max(0.0, live_children_cpu() - kids0)
    return BatchOut(outcomes, round(cpu, 4), str(os.getpid()))


class DocumentTasks:
    """One crawl's documents as Dask tasks in batches; results taken by the order of submission.

    Made inside a crawl task (the worker's client submits); ``collect`` leaves the worker's slot to
    the document tasks while it waits (secede), and takes it back after (rejoin)."""

    def __init__(self, home: str, council: str, batch: int = BATCH, client: Any = None) -> None:
        from distributed import get_client

        self.home, self.council, self.batch = home, council, max(1, batch)
        self.client = client or get_client()
        self.tag = uuid.uuid4().hex[:8]
        self.waiting: list[FileJob | ExtractJob] = []
        self.sent: list[tuple[int, Any]] = []  # (index of the batch's first job, future)
        self.done: dict[int, Outcome] = {}
        self.count = 0
        self.tasks = 0
        self.cpu_seconds = 0.0
        self.workers: set[str] = set()

    def submit(self, job: FileJob | ExtractJob) -> int:
        """Queue one job; returns its ticket for ``result``."""
        ticket = self.count
        self.count += 1
        self.waiting.append(job)
        if len(self.waiting) >= self.batch:
            self.flush()
        return ticket

    def flush(self) -> None:
        if not self.waiting:
            return
        first = self.count - len(self.waiting)
        future = self.client.submit(run_batch, self.home, self.waiting, pure=False, priority=PRIORITY,
                                    key=f"documents-{self.council}-{self.tag}-{first}")
        self.sent.append((first, future))
        self.waiting = []

    def result(self, ticket: int) -> Outcome:
        if ticket not in self.done:
            self.flush()
            self._collect()
        return self.done.pop(ticket)

    def _collect(self) -> None:
        from distributed import rejoin, secede

        sent, self.sent = self.sent, []
        if not sent:
            return
        secede()
        try:
            batches = self.client.gather([f for _first, f in sent])
        finally:
            rejoin()
        for (first, _f), out in zip(sent, batches, strict=True):
            self.tasks += 1
            self.cpu_seconds += out.cpu_seconds
            self.workers.add(out.worker)
            for i, outcome in enumerate(out.outcomes):
                self.done[first + i] = outcome
