"""What the web pages' precomputed rows cost a refresh: CPU seconds of rebuilding them beside the rebuild of the
search index they are published with, on a copy of a warehouse (bench/web.py builds the city).

    .venv/bin/python bench/pages.py --db /tmp/city.duckdb

Times are CPU time of this one process (DuckDB runs with one thread here, so that a shared machine does not
distort them); the size is the file's growth after a checkpoint.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    from ratsinfo.warehouse.db import connect
    from ratsinfo.warehouse.pages import rebuild_pages
    from ratsinfo.warehouse.search import rebuild_index, rebuild_sources

    ap = argparse.ArgumentParser()
    ap.add_argument("--db", required=True, help="a warehouse (copied; the copy is changed)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "copy.duckdb"
        shutil.copyfile(args.db, db)
        con = connect(db)
        con.execute("SET threads = 1")
        con.execute("CHECKPOINT")
        before = db.stat().st_size
        costs = {}
        for name, step in (("citations (doc_source)", rebuild_sources), ("search index", rebuild_index),
                           ("page rows", rebuild_pages), ("page rows again", rebuild_pages)):
            t0 = time.process_time()
            step(con)
            costs[name] = time.process_time() - t0
        con.execute("CHECKPOINT")
        grown = (db.stat().st_size - before) / 1e6
        rows = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("page_paper", "page_meeting", "page_body")}
        con.close()
    print(f"{args.db}: " + ", ".join(f"{n:,} rows in {t}" for t, n in rows.items()))
    for name, cpu in costs.items():
        print(f"{name:<24} {cpu:7.2f} s CPU")
    print(f"file grew by {grown:.1f} MB (page rows, plus whatever the index rebuild left)")


if __name__ == "__main__":
    main()
