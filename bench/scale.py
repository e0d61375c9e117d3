"""National-scale simulation: generated councils (OParl of several flavours and ALLRIS sites) on loopback
hosts, crawled on a local Dask cluster into a lake, with 1 and then 2 workers, the documents read in
tasks of their own; optionally a nightly (incremental) run; then the CPU cost of each stage, measured
per thread in one process; then a projection for all German councils.

    .venv/bin/python bench/scale.py [--councils 200] [--hosts 10] [--workers 1 2] [--max-rps 10]
                                    [--fault-share 0.05] [--allris-share 0.2] [--time-budget 30]
                                    [--stage-councils 10] [--json results.json]

Wall times depend on what else runs on the machine; CPU seconds (process and thread CPU time) do not.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("RATSINFO_RETRY_BACKOFF", "0.05")

# every way the OParl ingest handles a failing server (tests/simulation.py FAULTS), those that hold a
# crawl until a deadline included: a trickling body or header (the minimum transfer rate ends it after
# its grace), a 'next' chain without end (the source's time budget ends it)
BENCH_FAULTS = ("spurious_500", "timeout_once", "broken_json", "object_for_list", "list_for_page", "looping_next",
                "truncated", "missing_orgs", "foreign_links", "wrong_types", "bad_next", "deep_json", "gzip_bomb",
                "bad_urls", "slow_body", "slow_headers", "endless_next", "private_name")


def configure(sim, folder: Path, max_rps: float, concurrency: int, time_budget: float | None = None):  # noqa: ANN001, ANN201
    from ratsinfo.ops.sources import host_limits, load

    config = sim.write_sources(folder / "sources.toml", max_rps, concurrency, time_budget)
    sources = load(config)
    return sources, host_limits(config, sources)


def summarise(reports: list, wall: float, workers: int, hosts: dict, usage: dict, kinds: dict) -> dict:
    docs = sum(r.documents for r in reports)
    cpu = sum(u["cpu_seconds"] for u in usage.values())
    doc_cpu = sum(r.document_cpu_seconds for r in reports)
    jobs = sum(r.document_jobs for r in reports)
    return {"workers": workers, "councils": len(reports), "allris_councils": sum(k == "allris" for k in kinds.values()),
            "wall_seconds": round(wall, 1), "documents": docs, "documents_per_second": round(docs / wall, 2),
            "cpu_seconds": round(cpu, 1), "cpu_seconds_per_council": round(cpu / len(reports), 2),
            "crawl_cpu_seconds": round(cpu - doc_cpu, 1), "document_task_cpu_seconds": round(doc_cpu, 1),
            "document_tasks": sum(r.document_tasks for r in reports), "document_jobs": jobs,
            "document_task_cpu_per_job": round(doc_cpu / jobs, 4) if jobs else None,
            "export_cpu_seconds": round(sum(r.export_cpu_seconds for r in reports), 1),
            "parquet_bytes": sum(r.parquet_bytes for r in reports), "rows": sum(r.rows for r in reports),
            "requests": sum(r.requests for r in reports),
            "status": {s: sum(r.status == s for r in reports) for s in ("ok", "partial", "failed")},
            "status_allris": {s: sum(r.status == s for r in reports if kinds.get(r.title) == "allris")
                              for s in ("ok", "partial", "failed")},
            "slowest_council_seconds": max(r.wall_seconds for r in reports),
            "peak_rss_mb_per_worker": {a: u["peak_rss_mb"] for a, u in sorted(usage.items())},
            "pdf_peak_rss_mb_per_worker": {a: u["pdf_peak_rss_mb"] for a, u in sorted(usage.items())},
            "cpu_seconds_per_worker": {a: u["cpu_seconds"] for a, u in sorted(usage.items())},
            "hosts_max_per_second": max(h["max_per_second"] for h in hosts.values()),
            "hosts_max_in_flight": max(h["max_in_flight"] for h in hosts.values())}


if TYPE_CHECKING:
    from tests.simulation import Simulation


def distributed_runs(args: argparse.Namespace) -> list[dict]:
    from tests.simulation import SMALL_TOWN, Simulation

    out = []
    for workers in args.workers:
        with tempfile.TemporaryDirectory() as tmp, \
                Simulation(councils=args.councils, hosts=args.hosts, faults=BENCH_FAULTS, town=dict(SMALL_TOWN),
                           fault_share=args.fault_share, allris_share=args.allris_share) as sim:
            sources, limits = configure(sim, Path(tmp), args.max_rps, args.concurrency, args.time_budget)
            kinds = {c.title: c.kind for c in sim.members}
            for label in ("first load", "nightly, nothing changed")[: 1 + bool(args.nightly)]:
                for h in sim.servers:
                    h.arrivals.clear()  # each run's own request rates
                out.append(crawl_once(sim, sources, limits, Path(tmp), workers, args.batch, kinds, label))
            if workers == args.workers[-1]:
                out.append(query_costs(Path(tmp) / "lake"))
                print(json.dumps(out[-1]), flush=True)
    return out


def crawl_once(sim: Simulation, sources: list, limits: dict, tmp: Path, workers: int, batch: int,
               kinds: dict[str, str], label: str) -> dict:
    """One crawl of every council, summarised and printed under ``label``."""
    from ratsinfo.scale.crawl import crawl

    usage: dict = {}
    started = time.perf_counter()
    reports = crawl(sources, limits, tmp / "lake", tmp / "raw", workers=workers, batch=batch, usage=usage)
    summary = summarise(reports, time.perf_counter() - started, workers, sim.host_reports(), usage, kinds)
    summary["run"] = label
    print(json.dumps(summary), flush=True)
    return summary


def query_costs(lake_dir: Path) -> dict:
    """CPU of reading the lake: one canned query across every council."""
    from ratsinfo.queries.across import query_each
    from ratsinfo.warehouse.lake import connect_lake

    c0 = time.process_time()
    lake = connect_lake(lake_dir)
    c1 = time.process_time()
    _cols, rows = query_each(lake, "sessions-per-year", {"year": "2023"})
    c2 = time.process_time()
    lake.close()
    return {"run": "query across the lake", "councils": len(lake.councils), "open_cpu_seconds": round(c1 - c0, 2),
            "sessions_per_year_cpu_seconds": round(c2 - c1, 2), "rows": len(rows)}


class StageClock:
    """CPU time per stage, measured on the thread that runs it (exclusive of nested stages)."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self.calls: dict[str, int] = defaultdict(int)
        self.local = threading.local()
        self.lock = threading.Lock()

    def wrap(self, owner: object, attr: str, stage: str) -> None:
        inner = getattr(owner, attr)
        clock = self

        def timed(*a, **kw):  # noqa: ANN002, ANN003, ANN202
            stack = clock.local.__dict__.setdefault("stack", [])
            stack.append(0.0)
            start = time.thread_time()
            try:
                return inner(*a, **kw)
            finally:
                spent = time.thread_time() - start
                nested = stack.pop()
                if stack:
                    stack[-1] += spent
                with clock.lock:
                    clock.seconds[stage] += spent - nested
                    clock.calls[stage] += 1

        setattr(owner, attr, timed)


def stage_costs(args: argparse.Namespace) -> dict:
    """Crawl a few councils (with PDFs) in this process, one after the other, every stage on the clock."""
    import psutil

    import ratsinfo.ingest.allris as ingest_allris
    import ratsinfo.ingest.oparl as ingest_oparl
    import ratsinfo.pipeline.allris as pipeline_allris
    import ratsinfo.pipeline.common as pipeline_common
    import ratsinfo.pipeline.oparl as pipeline_oparl
    from ratsinfo.ingest.http import PoliteClient
    from ratsinfo.ingest.rawstore import RawStore
    from ratsinfo.ops.refresh import run_source
    from ratsinfo.parsers.timeout import PdfWorkers
    from ratsinfo.warehouse import db, lake
    from ratsinfo.warehouse.load import Loader
    from ratsinfo.warehouse.runs import Run
    from ratsinfo.warehouse.state import State
    from tests.simulation import SMALL_TOWN, Simulation

    clock = StageClock()
    clock.wrap(PoliteClient, "_try", "fetch (HTTP client, body read)")
    clock.wrap(ingest_oparl, "decode", "decode JSON")
    clock.wrap(ingest_oparl.OParlIngest, "map_one", "map objects to records")
    clock.wrap(RawStore, "put", "raw store write")
    clock.wrap(pipeline_oparl, "derive_themes", "themes")
    clock.wrap(pipeline_allris, "derive_themes", "themes")
    clock.wrap(Loader, "load", "load (DuckDB upserts)")
    clock.wrap(db, "connect", "open and migrate a council file")
    clock.wrap(lake, "export_council", "export to Parquet")
    clock.wrap(pipeline_oparl, "set_watermark", "watermarks")
    clock.wrap(pipeline_common, "add_extraction", "extract facts from papers' texts (ALLRIS)")
    for name in ("parse_calendar", "parse_to010", "parse_to020", "parse_vo020", "parse_roster"):
        clock.wrap(ingest_allris, name, "parse ALLRIS pages")
    for name in ("flush", "finish"):
        clock.wrap(Run, name, "run records (run, run_error)")
    for name in [n for n in vars(State) if not n.startswith("_") and callable(getattr(State, n))]:
        clock.wrap(State, name, "state look-ups (known keys, names, validators)")
    me = psutil.Process()
    with tempfile.TemporaryDirectory() as tmp, \
            Simulation(councils=args.stage_councils, hosts=1, fault_share=0, town=dict(SMALL_TOWN),
                       allris_share=args.allris_share) as sim:
        sources, _limits = configure(sim, Path(tmp), 1000.0, 4)
        pool = PdfWorkers(processes=1)
        # warm up: imports, the PDF process and the extraction's language model, not counted
        warm = [next(s for s in sources if s.kind == kind) for kind in ("oparl", "allris") if
                any(s.kind == kind for s in sources)]
        for j, cfg in enumerate(warm):
            con = db.connect(Path(tmp) / f"warm{j}.duckdb")
            run_source(con, RawStore(Path(tmp) / "raw"), cfg, readers=False, pdf_workers=pool)
            con.close()
        sources = [s for s in sources if s not in warm]
        clock.seconds.clear()
        clock.calls.clear()
        kids0 = sum(sum(c.cpu_times()[:2]) for c in me.children(recursive=True))
        c0 = time.process_time()
        docs = 0
        for i, cfg in enumerate(sources, 1):
            con = db.connect(Path(tmp) / f"c{i}.duckdb")
            run_source(con, RawStore(Path(tmp) / "raw"), cfg, readers=False, pdf_workers=pool)
            entry = lake.export_council(con, Path(tmp) / "lake", f"c{i}", {})
            docs += entry["tables"]["document"]["rows"]
            con.close()
        total = time.process_time() - c0
        kids = sum(sum(c.cpu_times()[:2]) for c in me.children(recursive=True)) - kids0
        first = dict(clock.seconds)
        c1 = time.process_time()  # the nightly run: every council again, nothing changed
        for i, cfg in enumerate(sources, 1):
            con = db.connect(Path(tmp) / f"c{i}.duckdb")
            run_source(con, RawStore(Path(tmp) / "raw"), cfg, readers=False, pdf_workers=pool)
            lake.export_council(con, Path(tmp) / "lake", f"c{i}", {})
            con.close()
        nightly = time.process_time() - c1
        pool.close()
    n = len(sources)
    stages = {k: round(v / n, 4) for k, v in sorted(first.items(), key=lambda kv: -kv[1])}
    stages["PDF text (PDF process)"] = round(kids / n, 4)
    rest = max(0.0, total - sum(first.values()))
    stages["other (the loopback servers in this process, queues, threads)"] = round(rest / n, 4)
    return {"run": "stage costs", "councils": n, "documents": docs, "cpu_seconds_per_council": stages,
            "cpu_seconds_per_document": round((total + kids) / docs, 4), "calls": dict(clock.calls),
            "nightly_cpu_seconds_per_council": round(nightly / n, 3)}


# --- projection for all German councils: every assumption named ------------------------------------------
# (councils, papers each): councils by size, papers over all years on record (the issue: a large city 20,000-50,000)
TIERS = {"cities over 100,000": (80, 30_000), "towns of 20,000-100,000": (620, 6_000),
         "towns of 5,000-20,000": (2_300, 1_500), "municipalities under 5,000 (often an Amt's system)": (8_000, 300),
         "districts (Kreistage)": (294, 8_000)}
PDFS_PER_PAPER = 2.5  # "each with several PDFs"
PAGES_PER_PDF = 8
BYTES_PER_PDF = 250_000
JSON_BYTES_PER_PAPER = 6_000  # the paper and its share of meetings, agenda items, consultations, persons
OBJECTS_PER_PAGE = 100  # OParl list pages
# CPU per unit, from BENCHMARKS.md (this project's `make bench`, one process on this machine kind):
JSON_CPU_PER_PAPER = 10.92 * 1.3 / 15_000  # full OParl ingest without files: 10.92 s wall for 15,000 papers, ~1.3 cores
PDF_PAGES_PER_CPU_SECOND = 1117 / 5  # pypdfium2 on generated PDFs, 1117 pages/s; real PDFs taken as 5x heavier
NEW_PAPERS_PER_YEAR_SHARE = 0.08  # of all papers on record, i.e. about 12 years on record
NIGHTS_PER_YEAR = 365


def projection(per_council_cpu_first: float, per_council_cpu_nightly: float) -> dict:
    """Documents, bytes and core-hours for every German council, from the measured fixed cost per council
    (this simulation) and the per-unit costs measured on a large generated city (BENCHMARKS.md)."""
    councils = sum(n for n, _ in TIERS.values())
    papers = sum(n * p for n, p in TIERS.values())
    pdfs = papers * PDFS_PER_PAPER
    pages = pdfs * PAGES_PER_PDF
    list_pages = papers * 4 / OBJECTS_PER_PAGE
    documents = pdfs + list_pages
    first_cpu = councils * per_council_cpu_first + papers * JSON_CPU_PER_PAPER + pages / PDF_PAGES_PER_CPU_SECOND
    new_papers = papers * NEW_PAPERS_PER_YEAR_SHARE / NIGHTS_PER_YEAR
    nightly_cpu = councils * per_council_cpu_nightly + new_papers * JSON_CPU_PER_PAPER + \
        new_papers * PDFS_PER_PAPER * PAGES_PER_PDF / PDF_PAGES_PER_CPU_SECOND
    return {"run": "projection", "councils": councils, "papers": papers, "pdfs": pdfs, "documents": round(documents),
            "raw_bytes": round(pdfs * BYTES_PER_PDF + papers * JSON_BYTES_PER_PAPER),
            "first_load_core_hours": round(first_cpu / 3600, 1),
            "first_load_core_hours_fixed_per_council": round(councils * per_council_cpu_first / 3600, 1),
            "nightly_new_papers": round(new_papers), "nightly_raw_bytes": round(new_papers * (
                PDFS_PER_PAPER * BYTES_PER_PDF + JSON_BYTES_PER_PAPER)),
            "nightly_core_hours": round(nightly_cpu / 3600, 2),
            "nightly_core_hours_fixed_per_council": round(councils * per_council_cpu_nightly / 3600, 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--councils", type=int, default=200)
    parser.add_argument("--hosts", type=int, default=10)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--max-rps", type=float, default=10.0)
    parser.add_argument("--concurrency", type=int, default=2)
    parser.add_argument("--stage-councils", type=int, default=10)
    # 5% in each of 18 ways would be 90% of the councils failing, leaving no room for the ALLRIS fifth
    parser.add_argument("--fault-share", type=float, default=0.02, help="share of the councils failing in each way")
    parser.add_argument("--allris-share", type=float, default=0.2, help="share of the councils that are ALLRIS sites")
    parser.add_argument("--time-budget", type=float, default=30.0, help="seconds each source may take")
    parser.add_argument("--batch", type=int, default=50, help="documents per document task")
    parser.add_argument("--skip-cluster", action="store_true", help="only the stage costs")
    parser.add_argument("--skip-stages", action="store_true", help="only the cluster runs")
    parser.add_argument("--nightly", action=argparse.BooleanOptionalAction, default=True,
                        help="after the first load, crawl again on the cluster (nothing changed)")
    parser.add_argument("--json", type=Path, help="write every result to this file")
    parser.add_argument("--project", type=float, nargs=2, metavar=("FIRST", "NIGHTLY"),
                        help="project to all German councils from these CPU seconds per council (first load, nightly)")
    args = parser.parse_args()
    results = [] if args.skip_cluster else distributed_runs(args)
    if not args.skip_stages:
        results.append(stage_costs(args))
        print(json.dumps(results[-1]), flush=True)
    if args.project:
        first, nightly = args.project
        results.append(projection(first, nightly))
        print(json.dumps(results[-1]), flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
