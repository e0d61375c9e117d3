"""Web app latency: p50/p95 server time (the app's Server-Timing header) per page type and for search,
on the generated city at 1x (bench/generate.py's town served over OParl and ingested as a refresh
would), with 1 and with 20 concurrent clients. Target: p95 under 150 ms.

    .venv/bin/python bench/web.py [--scale 1] [--requests 30] [--db PATH]

The server runs as `ratsinfo serve` in its own process, as users run it; clients are threads here.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import quote

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

SEARCHES = ["Radverkehr", "Spielplätze", "Haushalt", "Kita-Ausbau", "Sicherheit", "Lärmschutz Quartier",
            "Ausschuesse", "Bericht", "Videoüberwachung", "Wohnungsbau"]


def build(db: Path, scale: float) -> None:
    from steps import town

    from ratsinfo.demo import DEMO_BODY, default_examples, prepare_export
    from ratsinfo.ingest.rawstore import RawStore
    from ratsinfo.pipeline import ingest_files, ingest_oparl
    from ratsinfo.warehouse.db import connect
    from tests.oparl_server import OParlServer

    con = connect(db)
    store = RawStore(db.parent / "home")
    with OParlServer(page_size=100, files_every=0, **town(scale)) as srv:
        ingest_oparl(con, store, srv.system_url, files=False, max_rps=1000, concurrency=4)
    ingest_files(con, store, [str(prepare_export(default_examples(), db.parent / "export"))], body=DEMO_BODY)
    con.close()


def samples(db: Path, n: int) -> dict[str, list[str]]:
    from ratsinfo.warehouse.db import connect_readonly

    con = connect_readonly(db)
    rnd = random.Random(7)

    def keys(table: str) -> list[str]:
        found = [r[0] for r in con.execute(f"SELECT key FROM {table} WHERE NOT deleted ORDER BY key").fetchall()]
        return rnd.sample(found, min(n, len(found)))

    papers, meetings, orgs = keys("paper"), keys("meeting"), keys("organization")
    year = con.execute("SELECT max(year(start)) FROM meeting").fetchone()[0]
    con.close()
    q = lambda i: SEARCHES[i % len(SEARCHES)]  # noqa: E731
    return {
        "start": ["/"] * n,
        "search": [f"/suche?q={quote(q(i))}" for i in range(n)],
        "search + filters, page 2": [f"/suche?q={quote(q(i))}&jahr={year}&seite=2" for i in range(n)],
        "paper": [f"/vorlage/{quote(k)}" for k in papers],
        "meeting": [f"/sitzung/{quote(k)}" for k in meetings],
        "body": [f"/gremium/{quote(k)}" for k in orgs],
        "ask": ["/frage?q=" + quote(f"Wie oft tagte der Ausschuss für Radverkehr {year}?")] * n,
        "canned query": [f"/abfragen/sessions-per-year?year={year}"] * n,
        "CSV download": [f"/abfragen/sessions-per-year.csv?year={year}"] * n,
        "Atom feed (search)": [f"/atom/suche?q={quote(q(i))}" for i in range(n)],
        "Atom feed (body)": [f"/atom/gremium/{quote(k)}" for k in orgs],
        "iCalendar (body)": [f"/ical/gremium/{quote(k)}" for k in orgs],
        "changes and health": ["/aenderungen"] * n,
    }


def pct(values: list[float], p: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))]


def server_ms(client: httpx.Client, url: str) -> float:
    r = client.get(url)
    if r.status_code != 200:
        raise RuntimeError(f"{url}: HTTP {r.status_code}")
    return float(re.search(r"dur=([\d.]+)", r.headers["server-timing"]).group(1))


def measure(base: str, urls: list[str], clients: int) -> list[float]:
    with httpx.Client(base_url=base, timeout=120) as client:
        if clients == 1:
            return [server_ms(client, u) for u in urls]
        with ThreadPoolExecutor(clients) as pool:
            return list(pool.map(lambda u: server_ms(client, u), urls * max(1, clients // 2)))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--requests", type=int, default=30)
    ap.add_argument("--db")
    args = ap.parse_args()
    tmp = tempfile.TemporaryDirectory()
    db = Path(args.db) if args.db else Path(tmp.name) / "city.duckdb"
    if not db.exists():
        t0 = time.perf_counter()
        build(db, args.scale)
        print(f"city at {args.scale:g}x built in {time.perf_counter() - t0:.1f} s ({db.stat().st_size / 1e6:.0f} MB)")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "ratsinfo.cli", "--db", str(db), "--quiet", "serve", "--port",
                             str(port)], cwd=ROOT)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                httpx.get(base + "/static/style.css", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        cases = samples(db, args.requests)
        for urls in cases.values():  # warm: the German pipeline, DuckDB's caches
            measure(base, urls[:2], 1)
        load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
        print(f"machine: {os.cpu_count()} cores, load average {load} before measuring")
        print(f"{'page':<26} {'1 client p50':>13} {'p95':>7} {'20 clients p50':>15} {'p95':>7}   (server ms)")
        worst = 0.0
        for name, urls in cases.items():
            one = measure(base, urls, 1)
            many = measure(base, urls, 20)
            worst = max(worst, pct(one, 95))
            print(f"{name:<26} {statistics.median(one):>13.1f} {pct(one, 95):>7.1f} {statistics.median(many):>15.1f} "
                  f"{pct(many, 95):>7.1f}")
        print(f"worst p95 with one client: {worst:.1f} ms (target < 150 ms); load average after: "
              f"{', '.join(f'{x:.1f}' for x in os.getloadavg())}")
    finally:
        proc.terminate()
        proc.wait(10)


if __name__ == "__main__":
    main()
