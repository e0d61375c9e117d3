"""Full OParl ingest of a generated municipality from the loopback server (no files), then a
no-change re-run and a run after 1% changed.

    .venv/bin/python bench/oparl.py [--papers 15000] [--meetings 3000] [--items 7] [--orgs 100]
                                    [--page-size 100] [--max-rps 5]

The server runs in its own process so that the peak RSS printed is the ingest's alone.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def serve(q: mp.Queue, cmd: mp.Queue, args: argparse.Namespace) -> None:
    from tests.oparl_server import OParlServer

    with OParlServer(page_size=args.page_size, orgs=args.orgs, persons=args.orgs * 3, meetings=args.meetings,
                     items_per_meeting=args.items, papers=args.papers, files_every=0) as srv:
        q.put((srv.system_url, srv.town.counts()))
        while True:
            msg = cmd.get()
            if msg == "change":
                srv.town.change(fraction=0.01, deletes=10)
                q.put(("changed", len(srv.requests)))
            elif msg == "requests":
                q.put(("requests", len(srv.requests)))
            else:
                return


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--papers", type=int, default=15_000)
    ap.add_argument("--meetings", type=int, default=3_000)
    ap.add_argument("--items", type=int, default=7)
    ap.add_argument("--orgs", type=int, default=100)
    ap.add_argument("--page-size", type=int, default=100)
    ap.add_argument("--max-rps", type=float, default=5.0)
    ap.add_argument("--concurrency", type=int, default=4)
    ap.add_argument("--via-refresh", action="store_true", help="run through `ratsinfo refresh` (lock, summary)")
    args = ap.parse_args()
    ctx = mp.get_context("spawn")
    q, cmd = ctx.Queue(), ctx.Queue()
    proc = ctx.Process(target=serve, args=(q, cmd, args), daemon=True)
    proc.start()
    url, counts = q.get(timeout=300)
    from ratsinfo.ingest.rawstore import RawStore
    from ratsinfo.ops.refresh import refresh
    from ratsinfo.ops.sources import SourceConfig
    from ratsinfo.pipeline import ingest_oparl
    from ratsinfo.warehouse.db import connect

    class _Run:  # what the figures need from a refresh outcome
        def __init__(self, outcome) -> None:  # noqa: ANN001
            self.stats = {"requests": sum(c.get("inserted", 0) + c.get("unchanged", 0) + c.get("updated", 0)
                                          for t, c in outcome.counts.items() if t == "document")}
            self.counts = {t: __import__("collections").Counter(c) for t, c in outcome.counts.items()}
            self.errors = outcome.errors

    with tempfile.TemporaryDirectory() as tmp:
        con = connect(Path(tmp) / "w.duckdb")
        store = RawStore(Path(tmp) / "home")
        print(f"municipality: {counts}; page size {args.page_size}; --max-rps {args.max_rps}; "
              f"--concurrency {args.concurrency}")
        for label in ("full ingest (no files)", "no-change re-run", "after 1% changed"):
            if label == "after 1% changed":
                cmd.put("change")
                q.get()
            t0 = time.perf_counter()
            if args.via_refresh:
                con.close()
                cfg = SourceConfig(name="bench", kind="oparl", url=url, max_rps=args.max_rps, files=False,
                                   concurrency=args.concurrency)
                _code, outcomes, _summary = refresh(Path(tmp) / "w.duckdb", Path(tmp) / "home", [cfg])
                con = connect(Path(tmp) / "w.duckdb")
                run = con.execute("SELECT id FROM run WHERE id = ?", [outcomes[0].run_id]).fetchone()
                run = _Run(outcomes[0])
            else:
                run = ingest_oparl(con, store, url, files=False, max_rps=args.max_rps, concurrency=args.concurrency)
            secs = time.perf_counter() - t0
            reqs = run.stats.get("requests", 0)
            changed = {t: dict(c) for t, c in run.counts.items() if c.get("updated") or c.get("deleted")
                       or (c.get("inserted") and t != "document")}
            rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(f"{label:<24} {secs:7.1f} s  {reqs:5d} requests  {reqs / secs:6.1f} req/s  "
                  f"peak RSS {rss:6.0f} MB  errors {len(run.errors)}  changed {changed}")
        con.close()
    cmd.put("stop")
    proc.join(10)


if __name__ == "__main__":
    main()
