"""Watches: how long the digests of a refresh take to make and write, beside the refresh itself.

    .venv/bin/python bench/watches.py [--papers 600] [--watches 30]

A loopback OParl town is read once; then watches (a third each search, body, paper; three
recipients each) are added, the town changes 20% of its papers and adds 10% new ones, and a
refresh reads that. The digests are then made again from scratch and written as .eml files.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ratsinfo.ops.refresh import refresh  # noqa: E402
from ratsinfo.ops.sources import SourceConfig  # noqa: E402
from ratsinfo.warehouse.db import connect  # noqa: E402
from ratsinfo.watches import manage  # noqa: E402
from ratsinfo.watches.send import deliver, pending  # noqa: E402
from ratsinfo.watches.settings import MailSettings  # noqa: E402
from tests.oparl_server import TOPICS, OParlServer  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--papers", type=int, default=600)
    ap.add_argument("--watches", type=int, default=30)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp())
    db, home = tmp / "w.duckdb", tmp / "home"
    with OParlServer(papers=args.papers, meetings=args.papers // 10, orgs=12, persons=20) as srv:
        src = SourceConfig(name="stadt", kind="oparl", url=srv.system_url, max_rps=1000, files=False)
        refresh(db, home, [src], mail=MailSettings(outbox=tmp / "first"))
        con = connect(db)
        per = max(1, args.watches // 3)
        for i in range(per):
            people = [f"p{(i + j) % 10}@example.org" for j in range(3)]
            manage.add(con, "search", TOPICS[i % len(TOPICS)], people)
            manage.add(con, "body", f"Ausschuss für {TOPICS[(4 * i) % len(TOPICS)]}", people)
            n = i * 4 % args.papers
            manage.add(con, "paper", f"VO/{2020 + n % 4}/{n:04d}", people)
        con.close()
        srv.town.change(fraction=0.2, deletes=0)
        srv.town.add_papers(args.papers // 10)
        t0 = time.perf_counter()
        refresh(db, home, [src], mail=MailSettings(outbox=tmp / "second"))
        t_refresh = time.perf_counter() - t0
    con = connect(db)
    con.execute("DELETE FROM watch_delivery")
    t0 = time.perf_counter()
    groups = pending(con, None, None)
    t_match = time.perf_counter() - t0
    t0 = time.perf_counter()
    report = deliver(con, MailSettings(outbox=tmp / "bench"))
    t_deliver = time.perf_counter() - t0
    events = con.execute("SELECT count(*) FROM change WHERE run_id = (SELECT max(id) FROM run)").fetchone()[0]
    con.close()
    items = sum(len(i) for g in groups.values() for _w, i in g)
    print(f"papers {args.papers}, watches {per * 3}, change rows of the refresh {events}")
    print(f"refresh (read + digests)      {t_refresh:8.2f} s")
    print(f"matching alone                {t_match:8.2f} s  ({items} items for {len(groups)} recipients)")
    print(f"matching + render + .eml      {t_deliver:8.2f} s  ({len(report.sent)} digests)")


if __name__ == "__main__":
    main()
