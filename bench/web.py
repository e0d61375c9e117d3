"""Web app latency: p50/p95 server time per page type and for search, on the generated city (bench/generate.py's
town served over OParl and ingested as a refresh would), with 1 and with 20 concurrent clients.
Target: p95 under 150 ms at 1x with 20 clients.

    .venv/bin/python bench/web.py [--scale 1] [--requests 100] [--clients 1,20] [--cache on|off|both] [--db PATH]
                                  [--pages search,ask]

The server runs as `ratsinfo serve` in its own process, as users run it; clients are threads here. Per page
type it prints, for each number of clients:
  server ms  the app's own time from request to answer (its Server-Timing header, `app`), waits included;
  client ms  what the client saw (connection, HTTP, the client's own share of the cores);
  cpu ms     CPU time per request: p50 of the page thread's CPU time (Server-Timing `cpu`; DuckDB runs each
             statement on that thread) and the server process's whole CPU time (/proc) divided by requests;
  kept       the share of answers served from those kept per snapshot (Server-Timing `cache`).
On a shared machine the times grow with the load of others; CPU time does not, so it tells load from cost.

Every request of a page type goes to a URL not requested before (hundreds of papers, meetings, bodies,
searches, questions, canned queries), so kept answers are the exception; only the start page has one URL.
Regimes, each with a fresh server: `on` as served (answers kept per snapshot), `off` keeps none
(RATSINFO_WEB_CACHE_MB=0).
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
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, timedelta
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
    """2n DISTINCT URLs per page type where the city has that many (the first n for one client, the next n for
    the concurrent clients), so that answers kept from an earlier request are the exception: random papers,
    meetings and bodies, searches over every topic word with and without a year and page, questions and
    canned queries over every body and year, changes since different days. Only the start page is one URL."""
    from generate import TOPICS

    from ratsinfo.warehouse.db import connect_readonly

    con = connect_readonly(db)
    rnd = random.Random(7)
    m = 2 * n

    def keys(table: str) -> list[str]:
        found = [r[0] for r in con.execute(f"SELECT key FROM {table} WHERE NOT deleted ORDER BY key").fetchall()]
        return rnd.sample(found, min(m, len(found)))

    papers, meetings, orgs = keys("paper"), keys("meeting"), keys("organization")
    names = [r[0] for r in con.execute("SELECT DISTINCT name FROM organization WHERE NOT deleted AND kind <> "
                                       "'working_group' ORDER BY 1").fetchall()]
    refs = [r[0] for r in con.execute("SELECT reference FROM paper WHERE NOT deleted AND NOT stub "
                                      "ORDER BY key").fetchall()]
    last = con.execute("SELECT max(year(start)) FROM meeting").fetchone()[0]
    con.close()
    years = list(range(last - 9, last + 1))
    words = list(dict.fromkeys([*SEARCHES, *TOPICS]))
    terms = [(w, y, pg) for w in words for y in [None, *years] for pg in (1, 2)]
    rnd.shuffle(terms)
    rnd.shuffle(names)
    rnd.shuffle(refs)
    combos = [(name, y) for name in names for y in years]
    rnd.shuffle(combos)

    def search_url(path: str, w: str, y: int | None, pg: int) -> str:
        return f"{path}?q={quote(w)}" + (f"&jahr={y}" if y else "") + (f"&seite={pg}" if pg > 1 else "")

    def cycle(items: list, count: int = m) -> list:
        return [items[i % len(items)] for i in range(count)]

    return {
        "start": ["/"] * m,
        "search": [search_url("/suche", *t) for t in terms[:m]],
        "paper": [f"/vorlage/{quote(k)}" for k in papers],
        "meeting": [f"/sitzung/{quote(k)}" for k in meetings],
        "body": [f"/gremium/{quote(k)}" for k in orgs],
        "ask": ["/frage?q=" + quote(f"Wie oft tagte der {name} {y}?") for name, y in cycle(combos)],
        "canned query": [f"/abfragen/sessions-per-year?organization={quote(name)}&year={y}"
                         for name, y in cycle(combos[::-1])],
        "CSV download": [f"/abfragen/paper-lineage.csv?reference={quote(r)}" for r in cycle(refs)],
        "changes and health": [f"/aenderungen?seit={date.today() - timedelta(days=i)}" for i in range(m)],
        "Atom feed (search)": [search_url("/atom/suche", *t) for t in terms[m: 2 * m]],
        "Atom feed (body)": [f"/atom/gremium/{quote(k)}" for k in orgs],
        "Atom feed (paper)": [f"/atom/vorlage/{quote(k)}" for k in papers],
        "iCalendar (body)": [f"/ical/gremium/{quote(k)}" for k in orgs],
    }


def pct(values: list[float], p: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))] if s else float("nan")


def process_cpu(pid: int) -> float:
    """CPU seconds (user + system) the process has used so far, all its threads (DuckDB's too)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@dataclass
class Batch:
    server: list[float] = field(default_factory=list)
    client: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    kept: int = 0
    process_cpu_ms: float = 0.0


def timing(header: str, name: str) -> float | None:
    m = re.search(rf"\b{name};dur=([\d.]+)", header)
    return float(m.group(1)) if m else None


def measure(base: str, urls: list[str], clients: int, pid: int) -> Batch:
    out = Batch()
    lock = threading.Lock()

    def one(client: httpx.Client, url: str) -> None:
        t0 = time.perf_counter()
        r = client.get(url)
        spent = (time.perf_counter() - t0) * 1000
        if r.status_code != 200:
            raise RuntimeError(f"{url}: HTTP {r.status_code}")
        header = r.headers["server-timing"]
        with lock:
            out.client.append(spent)
            out.server.append(timing(header, "app") or 0.0)
            cpu = timing(header, "cpu")
            if cpu is not None:
                out.cpu.append(cpu)
            out.kept += "cache;desc=hit" in header

    cpu0 = process_cpu(pid)
    with httpx.Client(base_url=base, timeout=300) as client:
        if clients == 1:
            for u in urls:
                one(client, u)
        else:
            with ThreadPoolExecutor(clients) as pool:
                list(pool.map(lambda u: one(client, u), urls))
    out.process_cpu_ms = (process_cpu(pid) - cpu0) * 1000 / max(1, len(urls))
    return out


def serve(db: Path, cache: bool) -> tuple[subprocess.Popen, str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "RATSINFO_WEB_CACHE_MB": os.environ.get("RATSINFO_WEB_CACHE_MB", "32") if cache else "0"}
    proc = subprocess.Popen([sys.executable, "-m", "ratsinfo.cli", "--db", str(db), "--quiet", "serve", "--port",
                             str(port)], cwd=ROOT, env=env)
    base = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            httpx.get(base + "/static/style.css", timeout=1)
            return proc, base
        except httpx.TransportError:
            time.sleep(0.1)
    proc.terminate()
    raise RuntimeError("the server did not start")


def warm_url(url: str) -> str:
    """The same page under another address: warms the server without keeping the answer a measured URL gets."""
    return url + ("&" if "?" in url else "?") + "warm=1"


def run(db: Path, cases: dict[str, list[str]], clients: list[int], cache: bool) -> float:
    """Measure every page type with each number of clients, each on its own share of the distinct URLs; print
    one table; return the worst p95 server time with the most clients."""
    proc, base = serve(db, cache)
    worst = 0.0
    try:
        for urls in cases.values():  # warm: the German pipeline, DuckDB's caches, never a measured answer
            measure(base, [warm_url(u) for u in urls[-2:]], 1, proc.pid)
        load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
        regime = ("answers kept per snapshot (as served), every URL new but the start page" if cache
                  else "every answer computed (cache off)")
        print(f"\n{regime}; load average {load} before")
        head = "".join(f" | {f'{c} client' + ('s' if c > 1 else ''):<10} {'server p50':>10} {'p95':>7} "
                       f"{'client p95':>10} {'cpu p50':>7} {'proc/req':>8} {'kept':>5}" for c in clients)
        print(f"{'page':<24}{head}")
        for name, urls in cases.items():
            line = f"{name:<24}"
            share = len(urls) // len(clients)
            for i, c in enumerate(clients):
                b = measure(base, urls[i * share:(i + 1) * share], c, proc.pid)
                line += (f" | {'':<10} {statistics.median(b.server):>10.1f} {pct(b.server, 95):>7.1f} "
                         f"{pct(b.client, 95):>10.1f} {statistics.median(b.cpu) if b.cpu else 0.0:>7.1f} "
                         f"{b.process_cpu_ms:>8.1f} {b.kept / max(1, len(b.server)):>5.0%}")
                if c == clients[-1]:
                    worst = max(worst, pct(b.server, 95))
            print(line, flush=True)
        load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
        print(f"worst p95 server time with {clients[-1]} clients: {worst:.1f} ms (target < 150 ms at 1x); "
              f"load average after: {load}")
    finally:
        proc.terminate()
        proc.wait(10)
    return worst


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--requests", type=int, default=100,
                    help="requests per page type and number of clients, each to a URL not requested before")
    ap.add_argument("--clients", default="1,20", help="numbers of concurrent clients, comma-separated")
    ap.add_argument("--cache", choices=["both", "off", "on"], default="on")
    ap.add_argument("--db", help="a warehouse to use (built here at --scale when the file does not exist)")
    ap.add_argument("--pages", help="only the page types whose names contain one of these words, comma-separated")
    args = ap.parse_args()
    tmp = tempfile.TemporaryDirectory()
    db = Path(args.db) if args.db else Path(tmp.name) / "city.duckdb"
    if not db.exists():
        t0 = time.perf_counter()
        build(db, args.scale)
        print(f"city at {args.scale:g}x built in {time.perf_counter() - t0:.1f} s ({db.stat().st_size / 1e6:.0f} MB)")
    from ratsinfo.warehouse.db import connect_readonly

    con = connect_readonly(db)
    sizes = {t: con.execute(f"SELECT count(*) FROM {t} WHERE NOT deleted").fetchone()[0]
             for t in ("paper", "meeting", "agenda_item", "organization")}
    con.close()
    print(f"machine: {os.cpu_count()} cores; warehouse {db.name}: "
          + ", ".join(f"{n:,} {t}s" for t, n in sizes.items()))
    print("server/client: wall-clock ms; cpu p50: CPU ms of the page's thread; proc/req: server process CPU ms "
          "per request")
    clients = sorted({int(c) for c in args.clients.split(",")})
    cases = samples(db, args.requests * len(clients) // 2)
    if args.pages:
        cases = {k: v for k, v in cases.items() if any(w.strip() in k for w in args.pages.split(","))}
    for cache in {"both": [False, True], "off": [False], "on": [True]}[args.cache]:
        run(db, cases, clients, cache)


if __name__ == "__main__":
    main()
