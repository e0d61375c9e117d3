"""One benchmark step per process (so that each reports its own peak RSS); prints one JSON line.

    python bench/steps.py STEP --scale 1 --work DIR
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def town(scale: float) -> dict:
    return {"orgs": int(100 * scale), "persons": int(300 * scale), "meetings": int(3000 * scale),
            "items_per_meeting": 7, "papers": int(15000 * scale)}


def serve(q: mp.Queue, cmd: mp.Queue, scale: float, files: bool) -> None:
    from generate import pdf_pool

    from tests.oparl_server import OParlServer

    pool = pdf_pool(40) if files else None
    with OParlServer(page_size=100, files_every=3 if files else 0, pdf_pool=pool, **town(scale)) as srv:
        q.put((srv.system_url, srv.town.counts()))
        while True:
            msg = cmd.get()
            if msg == "change":
                srv.town.change(fraction=0.01, deletes=int(10 * scale))
                q.put("changed")
            else:
                return


def server(scale: float, files: bool):  # noqa: ANN201
    ctx = mp.get_context("spawn")
    q, cmd = ctx.Queue(), ctx.Queue()
    proc = ctx.Process(target=serve, args=(q, cmd, scale, files), daemon=True)
    proc.start()
    url, counts = q.get(timeout=1800)
    return proc, q, cmd, url, counts


def step_oparl(args: argparse.Namespace) -> dict:
    from ratsinfo.ops.refresh import refresh
    from ratsinfo.ops.sources import SourceConfig

    proc, q, cmd, url, counts = server(args.scale, files=False)
    work = Path(args.work)
    db, home = work / "oparl.duckdb", work / "oparl-home"
    cfg = SourceConfig(name="bench", kind="oparl", url=url, max_rps=1000, files=False, concurrency=4)
    out: dict = {"counts": counts}
    for label in ("full", "nochange", "change1"):
        if label == "change1":
            cmd.put("change")
            q.get()
        t0 = time.perf_counter()
        code, outcomes, _ = refresh(db, home, [cfg])
        out[label] = {"seconds": round(time.perf_counter() - t0, 2), "exit": code, "peak_rss_mb": round(rss_mb()),
                      "requests": outcomes[0].counts.get("document", {}).get("inserted", 0)
                      + outcomes[0].counts.get("document", {}).get("unchanged", 0),
                      "papers_updated": outcomes[0].counts.get("paper", {}).get("updated", 0)}
    cmd.put("stop")
    proc.join(10)
    out["db_mb"] = round(db.stat().st_size / 1e6, 1)
    out["db"] = str(db)
    return out


def step_oparl_files(args: argparse.Namespace) -> dict:
    from ratsinfo.ingest.rawstore import RawStore
    from ratsinfo.pipeline import ingest_oparl
    from ratsinfo.warehouse.db import connect

    proc, q, cmd, url, counts = server(args.scale, files=True)
    work = Path(args.work)
    con = connect(work / "files.duckdb")
    t0 = time.perf_counter()
    run = ingest_oparl(con, RawStore(work / "files-home"), url, files=True, max_rps=1000, concurrency=4)
    secs = time.perf_counter() - t0
    pages = con.execute("SELECT coalesce(sum(pages), 0), count(*) FROM file WHERE download_status = 'ok'").fetchone()
    con.close()
    cmd.put("stop")
    proc.join(10)
    return {"seconds": round(secs, 1), "files": pages[1], "pages": int(pages[0]), "errors": len(run.errors),
            "peak_rss_mb": round(rss_mb()), "counts": counts}


def step_pdf(args: argparse.Namespace) -> dict:
    from generate import pdf_pool

    from ratsinfo.parsers.pdf import extract_pdf

    pool = pdf_pool(20)
    out = {}
    for engine, docs in (("pdfium", pool), ("plumber", pool[:4])):
        t0 = time.perf_counter()
        pages = sum(extract_pdf(d, engine).pages for d in docs)
        out[engine] = round(pages / (time.perf_counter() - t0), 1)
    out["peak_rss_mb"] = round(rss_mb())
    return out


def step_allris(args: argparse.Namespace) -> dict:
    import allris

    overall, per = allris.rates(20)
    (layout, prog), (_n, slowest, _best) = min(per.items(), key=lambda kv: kv[1][1])
    return {"pages_per_s": round(overall), "slowest_pages_per_s": round(slowest),
            "slowest_page_type": f"{layout} {prog}", "peak_rss_mb": round(rss_mb())}


def step_extraction(args: argparse.Namespace) -> dict:
    import extraction

    texts = extraction.corpus(20)
    extraction.work(texts[:5])
    tokens, docs, _wall, secs = extraction.work(texts)  # per CPU second of this process (a shared machine)
    ctx = mp.get_context("fork")
    half = len(texts) // 2
    t0 = time.perf_counter()
    with ctx.Pool(2) as pool:
        res = pool.map(extraction.work, [texts[:half], texts[half:]])
    two = time.perf_counter() - t0
    return {"tokens_per_s_1": round(tokens / secs), "tokens_per_s_2": round(sum(r[0] for r in res) / two),
            "docs_per_s_1": round(docs / secs), "peak_rss_mb": round(rss_mb())}


def step_load(args: argparse.Namespace) -> dict:
    import foundation

    rows = foundation.bench_load(100_000)
    return {"insert_rows_per_s": round(rows[0][1]), "unchanged_rows_per_s": round(rows[1][1]),
            "peak_rss_mb": round(rss_mb())}


def step_queries(args: argparse.Namespace) -> dict:
    from ratsinfo import queries
    from ratsinfo.warehouse.db import connect_readonly
    from ratsinfo.warehouse.search import search

    con = connect_readonly(args.db)
    org = con.execute("SELECT name FROM organization ORDER BY key LIMIT 1").fetchone()[0]
    ref = con.execute("SELECT reference FROM paper ORDER BY key LIMIT 1").fetchone()[0]
    cases = [("sessions-per-year", {"year": "2023"}), ("sessions-per-year", {"year": "2023", "organization": org}),
             ("working-groups", {}), ("inquiries", {"since": "2020-01-01"}), ("paper-lineage", {"reference": ref}),
             ("rules", {"organization": org}), ("topics", {"organization": org}), ("answers", {"reference": ref})]
    out = {}
    for name, params in cases:
        times = []
        for _ in range(args.runs):
            t0 = time.perf_counter()
            queries.run(con, name, params)
            times.append((time.perf_counter() - t0) * 1000)
        key = name + (" (organization)" if "organization" in params and name == "sessions-per-year" else "")
        out[key] = (round(statistics.median(times), 1), round(sorted(times)[int(0.95 * (len(times) - 1))], 1))
    for q in ("Radverkehr", "Haushalt Quartier", "Sitzung Bericht Spielplatz"):
        times = []
        for _ in range(args.runs):
            t0 = time.perf_counter()
            search(con, q, limit=10)
            times.append((time.perf_counter() - t0) * 1000)
        out[f"search {q}"] = (round(statistics.median(times), 1), round(sorted(times)[int(0.95 * (len(times) - 1))], 1))
    con.close()
    return {"latency_ms": out, "peak_rss_mb": round(rss_mb())}


STEPS = {"oparl": step_oparl, "oparl_files": step_oparl_files, "pdf": step_pdf, "allris": step_allris,
         "extraction": step_extraction, "load": step_load, "queries": step_queries}

if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("step", choices=sorted(STEPS))
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--work", default=".")
    ap.add_argument("--db")
    ap.add_argument("--runs", type=int, default=30)
    a = ap.parse_args()
    t = time.perf_counter()
    result = STEPS[a.step](a)
    result["step_seconds"] = round(time.perf_counter() - t, 1)
    print("RESULT " + json.dumps(result, ensure_ascii=False))
