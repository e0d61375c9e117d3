"""Figures of the redesign: the Loader against a plain DuckDB insert, a full OParl ingest against a bare
sequential download of the same pages (wall time ratio, peak RSS), a no-change refresh, and `reparse`.

    python bench/redesign.py [--scale 1] [--only loader|oparl]

Each ingest runs in its own process so that its peak RSS is its own.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

PARAGRAPH = ("Der Ausschuss für Ordnung und Sicherheit hat in seiner Sitzung über die Videoüberwachung am "
             "Bahnhof beraten und die Verwaltung beauftragt, bis zum Herbst zu berichten. ")


def bench_loader(n: int = 100_000, repeats: int = 3) -> dict:
    """The Loader against a plain insert of the same Arrow batches, 10,000 rows a transaction, for paper rows as
    OParl serves them (no text) and with about 1 KB of text each. The plain insert goes once into a bare table
    and once into a table with the warehouse's primary key (what every upsert needs). Each figure is the best of
    ``repeats`` runs (a fresh warehouse or table each), for the Loader and the plain insert alike: one run of
    about a second swings by a fifth on a shared machine."""
    from ratsinfo.model import Paper
    from ratsinfo.warehouse.db import connect
    from ratsinfo.warehouse.load import META, arrow_batch, table_schema, transaction, upsert

    out: dict = {}

    def keep(name: str, rows_per_s: float, rows_per_cpu_s: float) -> None:
        out[f"{name}_rows_per_s"] = max(out.get(f"{name}_rows_per_s", 0), round(rows_per_s))
        out[f"{name}_rows_per_cpu_s"] = max(out.get(f"{name}_rows_per_cpu_s", 0), round(rows_per_cpu_s))

    for shape, text in (("plain_rows", None), ("text_rows", PARAGRAPH * 4)):
        papers = [Paper(key=f"paper:b:{i}", reference=f"V-{i}/24", name=f"Vorlage {i}: Haushalt und Ordnung",
                        paper_type="Beschlussvorlage", status="öffentlich", originator="Dezernat Ordnung",
                        text=text) for i in range(n)]
        with tempfile.TemporaryDirectory() as tmp:
            for rep in range(repeats):
                con = connect(Path(tmp) / f"b{rep}.duckdb")
                for label in ("insert", "unchanged"):
                    t0, c0 = time.perf_counter(), time.process_time()
                    for i in range(0, n, 10_000):
                        with transaction(con):
                            upsert(con, "paper", papers[i:i + 10_000], run_id=1, log_inserts=False)
                    keep(f"{shape}_loader_{label}", n / (time.perf_counter() - t0), n / (time.process_time() - c0))
                schema = [(c, t) for c, t in table_schema(con, "paper") if c not in META]
                cols = ", ".join(c for c, _t in schema)
                for label, extra in (("bare", ""), ("keyed", "; ALTER TABLE {t} ADD PRIMARY KEY (key)")):
                    table = f"plain_{label}"
                    con.execute(f"CREATE TABLE {table} AS SELECT * FROM paper LIMIT 0" + extra.format(t=table))
                    t0, c0 = time.perf_counter(), time.process_time()
                    for i in range(0, n, 10_000):
                        con.register("_b", arrow_batch(papers[i:i + 10_000], schema))
                        con.execute(f"INSERT INTO {table} ({cols}) SELECT * FROM _b")
                        con.unregister("_b")
                    keep(f"{shape}_plain_insert_{label}", n / (time.perf_counter() - t0),
                         n / (time.process_time() - c0))
                con.close()
    return out


def town(scale: float) -> dict:
    return {"orgs": int(100 * scale), "persons": int(300 * scale), "meetings": int(3000 * scale),
            "items_per_meeting": 7, "papers": int(15000 * scale), "files_every": 0}


def serve(q: mp.Queue, cmd: mp.Queue, scale: float) -> None:
    from tests.oparl_server import OParlServer

    with OParlServer(page_size=100, **town(scale)) as srv:
        q.put(srv.system_url)
        cmd.get()


def bare_download(url: str) -> tuple[float, int]:
    """Every page the ingest reads, one after another, and nothing else: the floor of a full ingest."""
    import httpx

    t0 = time.perf_counter()
    n = 0
    with httpx.Client(timeout=60) as client:
        system = client.get(url).json()
        n += 1
        bodies = client.get(system["body"]).json()["data"]
        n += 1
        for body in bodies:
            for name in ("organization", "person", "membership", "meeting", "paper"):
                nxt = body.get(name)
                while nxt:
                    page = client.get(nxt).json()
                    n += 1
                    nxt = page.get("links", {}).get("next")
    return time.perf_counter() - t0, n


CPU: dict[str, float] = {}  # CPU seconds of the last child, beside its wall time (the machine may be shared)


def child(cmd: list[str]) -> tuple[float, float, str]:
    """Run a command; wall seconds, its peak RSS in MB, its output (its CPU seconds in ``CPU["last"]``)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    res = subprocess.run(cmd, capture_output=True, text=True)
    secs = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU["last"] = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    before, peak = before.ru_maxrss, after.ru_maxrss
    if res.returncode not in (0, 2):
        raise SystemExit(f"{cmd} failed: {res.stderr[-2000:]}")
    return secs, max(peak, before) / 1024, res.stdout + res.stderr


def bench_oparl(scale: float) -> dict:
    ctx = mp.get_context("spawn")
    q, cmd = ctx.Queue(), ctx.Queue()
    proc = ctx.Process(target=serve, args=(q, cmd, scale), daemon=True)
    proc.start()
    url = q.get(timeout=1800)
    out: dict = {"scale": scale}
    try:
        bare, pages = bare_download(url)
        out["bare_download_s"], out["pages"] = round(bare, 2), pages
        with tempfile.TemporaryDirectory() as tmp:
            base = [sys.executable, "-m", "ratsinfo.cli", "--db", f"{tmp}/w.duckdb", "--home", f"{tmp}/home"]
            ingest = [*base, "ingest", "oparl", url, "--no-files", "--max-rps", "1000"]
            secs, rss, _ = child(ingest)
            out["full_ingest_s"], out["full_peak_rss_mb"] = round(secs, 2), round(rss)
            out["full_over_bare"] = round(secs / bare, 2)
            out["full_ingest_cpu_s"] = round(CPU["last"], 2)
            secs, _rss, _ = child(ingest)
            out["no_change_s"], out["no_change_cpu_s"] = round(secs, 2), round(CPU["last"], 2)
            t0 = time.perf_counter()
            child([*base, "reparse"])
            out["reparse_s"], out["reparse_cpu_s"] = round(time.perf_counter() - t0, 2), round(CPU["last"], 2)
            t0 = time.perf_counter()
            child([sys.executable, "-c", "import ratsinfo.cli"])
            out["python_start_s"] = round(time.perf_counter() - t0, 2)
    finally:
        cmd.put("stop")
        proc.join(10)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--only", choices=("loader", "oparl"))
    args = ap.parse_args()
    if args.only in (None, "loader"):
        print(json.dumps(bench_loader()))
    if args.only in (None, "oparl"):
        print(json.dumps(bench_oparl(args.scale)))


if __name__ == "__main__":
    main()
