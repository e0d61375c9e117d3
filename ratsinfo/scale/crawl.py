"""Fan the sources' crawls out over a Dask cluster; each writes its council's partition of the lake.

Two units of work: one source's crawl (network-bound and polite) runs the same ingest as a one-town
refresh, into the council's own DuckDB file (so its next run is incremental), and hands the documents
it downloaded to the raw store on as tasks of their own, in batches (CPU-bound: PDF text, facts from
papers' texts; ratsinfo/scale/documents.py); it loads their results into its council's file, then
exports that file to the lake. Without a scheduler address a ``LocalCluster`` of worker processes with
one thread each runs on this machine; with one, the same tasks go to that cluster (the lake folder,
raw store included, must then be shared storage).
"""

from __future__ import annotations

import logging
import os
import resource
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from itertools import zip_longest
from pathlib import Path
from typing import Any

from distributed import WorkerPlugin

from ratsinfo.ops.sources import HostLimit, SourceConfig
from ratsinfo.scale.politeness import ClusterGate, SchedulerRates
from ratsinfo.warehouse.lake import council_slug


@dataclass
class CrawlReport:
    """What one council's crawl did, measured in the worker that ran it."""

    council: str
    title: str
    host: str
    status: str  # ok | partial | failed
    documents: int = 0
    requests: int = 0
    rows: int = 0
    parquet_bytes: int = 0
    errors: list[str] = field(default_factory=list)
    wall_seconds: float = 0.0
    # the worker process and its PDF process while the crawl ran: while the crawl waits for its documents,
    # the worker runs document tasks (its own or others'), whose CPU is counted here too
    cpu_seconds: float = 0.0
    export_cpu_seconds: float = 0.0
    document_tasks: int = 0  # the tasks that read this council's documents
    document_jobs: int = 0  # files read and papers extracted by them
    document_cpu_seconds: float = 0.0  # those tasks' own CPU (thread and PDF process), wherever they ran
    document_workers: list[str] = field(default_factory=list)
    worker: str = ""
    peak_rss_mb: float = 0.0  # the worker process's peak so far
    pdf_peak_rss_mb: float = 0.0  # the largest PDF process it ran so far

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _cpu() -> float:
    """CPU seconds of this process and its children: those waited for, and those still running (the PDF pool)."""
    from ratsinfo.scale.documents import live_children_cpu

    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime + live_children_cpu()


def _children_peak_mb() -> float:
    """The largest peak resident size of a child process (the PDF pool), living or gone."""
    import psutil

    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    for child in psutil.Process().children(recursive=True):
        try:
            status = Path(f"/proc/{child.pid}/status").read_text()
        except OSError:
            continue
        for line in status.splitlines():
            if line.startswith("VmHWM:"):
                peak = max(peak, int(line.split()[1]) / 1024)
    return round(peak, 1)


_POOL: list[Any] = []


def _pdf_workers() -> Any:
    """One PDF pool per worker process, kept across its crawls (a pool starts in about a second)."""
    from ratsinfo.parsers.timeout import PdfWorkers

    if not _POOL:
        _POOL.append(PdfWorkers(processes=1))
    return _POOL[0]


class _ClosePool(WorkerPlugin):
    """A worker plugin: the worker's PDF pool ends with the worker."""

    def teardown(self, worker: Any) -> None:
        while _POOL:
            _POOL.pop().close()


def crawl_source(cfg: SourceConfig, lake: str, home: str, gate: ClusterGate | None = None,
                 batch: int | None = None) -> CrawlReport:
    """One source into its own warehouse file, then into the lake; never raises for a failing source.

    ``batch``: documents per task of their own (ratsinfo/scale/documents.py); None: read in this task."""
    from ratsinfo.ingest.http import host_of
    from ratsinfo.ingest.rawstore import RawStore
    from ratsinfo.ops.refresh import run_source
    from ratsinfo.warehouse.db import connect
    from ratsinfo.warehouse.lake import export_council

    if gate is not None:
        gate.open()
    slug = council_slug(cfg.name)
    report = CrawlReport(slug, cfg.name, host_of(cfg.url) if cfg.url else "", "failed", worker=str(os.getpid()))
    started, cpu0 = time.perf_counter(), _cpu()
    con = connect(Path(lake) / "councils" / f"{slug}.duckdb")
    documents = None
    if batch:
        from ratsinfo.scale.documents import DocumentTasks

        documents = DocumentTasks(home, slug, batch)
    try:
        try:
            run = run_source(con, RawStore(Path(home)), cfg, gate=gate, readers=False,
                             **({"documents": documents} if documents else {"pdf_workers": _pdf_workers()}))
            report.status = run.status
            report.requests = len(getattr(run, "requested", []) or [])
            report.errors = [f"{i}: {r}" for i, _s, r in run.errors[:50]]
            run_id = run.id
        except Exception as exc:  # one council's failure never stops the others
            report.errors = [f"{cfg.location}: {type(exc).__name__}: {exc}"]
            run_id = None
        cpu1 = _cpu()
        entry = export_council(con, Path(lake), slug, {"title": cfg.name, "url": cfg.location, "host": report.host,
                                                       "run_id": run_id, "status": report.status})
    finally:
        con.close()
    report.export_cpu_seconds = round(_cpu() - cpu1, 3)
    if documents is not None:
        report.document_tasks, report.document_jobs = documents.tasks, documents.count
        report.document_cpu_seconds = round(documents.cpu_seconds, 3)
        report.document_workers = sorted(documents.workers)
    report.documents = entry["tables"].get("document", {}).get("rows", 0)
    report.rows = sum(t["rows"] for t in entry["tables"].values())
    report.parquet_bytes = sum(t["bytes"] for t in entry["tables"].values())
    report.wall_seconds = round(time.perf_counter() - started, 3)
    report.cpu_seconds = round(_cpu() - cpu0, 3)
    report.peak_rss_mb = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    report.pdf_peak_rss_mb = _children_peak_mb()
    return report


def interleave(configs: list[SourceConfig]) -> list[SourceConfig]:
    """One source of each host in turn, so that the workers start on different hosts."""
    from ratsinfo.ingest.http import host_of

    groups: dict[str, list[SourceConfig]] = {}
    for cfg in configs:
        groups.setdefault(host_of(cfg.url) if cfg.url else cfg.location, []).append(cfg)
    return [c for row in zip_longest(*groups.values()) for c in row if c is not None]


def _worker_usage() -> dict[str, float]:
    """This worker process's CPU (with its PDF process) and peak memory, for the totals of a crawl."""
    return {"cpu_seconds": _cpu(), "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            "pdf_peak_rss_mb": _children_peak_mb()}


def crawl(configs: list[SourceConfig], limits: dict[str, HostLimit], lake: Path, home: Path, *, workers: int = 2,
          scheduler: str | None = None, on_report: Callable[[CrawlReport], None] | None = None,
          batch: int | None = None, usage: dict[str, dict[str, float]] | None = None) -> list[CrawlReport]:
    """Crawl every source on the cluster; the hosts' budgets hold across all workers.

    ``batch``: documents per document task (default documents.BATCH); ``usage``: filled with each worker's
    CPU seconds spent in this crawl and its peak memory."""
    import dask
    from distributed import Client, LocalCluster, as_completed

    from ratsinfo.scale.documents import BATCH

    lake, home = lake.resolve(), home.resolve()
    lake.mkdir(parents=True, exist_ok=True)
    slugs = [council_slug(c.name) for c in configs]
    twice = sorted({s for s in slugs if slugs.count(s) > 1})
    if twice:
        from ratsinfo.errors import BadInput

        raise BadInput(f"sources whose names give the same council name: {', '.join(twice)}; rename one of them")
    # a worker's crawl parses PDFs in child processes: worker processes must be allowed children. Dask's
    # statistical profiler samples every thread of a worker each 10 ms, for a dashboard a crawl does not use:
    # about a tenth of the crawl's CPU
    with dask.config.set({"distributed.worker.daemon": False, "distributed.admin.tick.limit": "30s",
                          "distributed.worker.profile.enabled": False}):
        cluster = None if scheduler else LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                                      dashboard_address=":0", silence_logs=logging.ERROR)
        client = Client(scheduler or cluster)
        try:
            client.register_plugin(_ClosePool(), name="ratsinfo-close-pdf-pool")
            gate = ClusterGate(SchedulerRates({h: lim.max_rps for h, lim in limits.items()}),
                               {h: lim.concurrency for h, lim in limits.items()})
            before = client.run(_worker_usage)
            futures = [client.submit(crawl_source, cfg, str(lake), str(home), gate, batch or BATCH, pure=False,
                                     key=f"crawl-{council_slug(cfg.name)}") for cfg in interleave(configs)]
            reports = []
            for future in as_completed(futures):
                report = future.result()
                reports.append(report)
                if on_report:
                    on_report(report)
            if usage is not None:
                for address, now in client.run(_worker_usage).items():
                    usage[address] = {**now, "cpu_seconds": round(now["cpu_seconds"] -
                                                                  before.get(address, {}).get("cpu_seconds", 0.0), 2)}
            return sorted(reports, key=lambda r: r.council)
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
