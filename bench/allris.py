"""ALLRIS page parsing speed on the real pages of ../shared/corpus/allris-html, per page type,
and the crawl's requests per second against the loopback site at the default politeness.

    .venv/bin/python bench/allris.py [--rounds 30]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpus" / "allris-html"


def parsers():
    from ratsinfo.parsers.allris_agenda_item import parse_to020
    from ratsinfo.parsers.allris_calendar import parse_calendar
    from ratsinfo.parsers.allris_html import parse_vo020
    from ratsinfo.parsers.allris_lists import faction_links, paper_links
    from ratsinfo.parsers.allris_meeting import parse_to010
    from ratsinfo.parsers.allris_roster import parse_roster

    u = "https://ris.example.invalid/bi/"
    return {
        "vo020": lambda h: parse_vo020(h, u + "vo020.asp?VOLFDNR=1", "d", "local"),
        "to010": lambda h: parse_to010(h, u + "to010.asp?SILFDNR=1"),
        "to020": lambda h: parse_to020(h, u + "to020.asp?TOLFDNR=1"),
        "au020": lambda h: parse_roster(h, u + "au020.asp?AULFDNR=1"),
        "fr020": lambda h: parse_roster(h, u + "fr020.asp?FRLFDNR=1", kind="faction"),
        "si010_e": lambda h: parse_calendar(h, u + "si010_e.asp", 2023, 10),
        "vo040": lambda h: paper_links(h, u + "vo040.asp"),
        "fr010": lambda h: faction_links(h, u + "fr010.asp"),
    }


def main() -> None:
    from ratsinfo.parsers.textutil import decode_html

    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=30)
    args = ap.parse_args()
    pages = []
    for program, fn in parsers().items():
        for path in sorted(CORPUS.rglob(f"*{program}.html")):
            pages.append((program, fn, decode_html(path.read_bytes())[0]))
    total = 0
    start = time.perf_counter()
    per: dict[str, list[float]] = {}
    for _ in range(args.rounds):
        for program, fn, html in pages:
            t0 = time.perf_counter()
            fn(html)
            per.setdefault(program, []).append(time.perf_counter() - t0)
            total += 1
    secs = time.perf_counter() - start
    print(f"parsed {total} real pages ({len(pages)} distinct) in {secs:.2f} s: {total / secs:.0f} pages/s, one core")
    for program, times in per.items():
        print(f"  {program:<8} {len(times) / sum(times):7.0f} pages/s")
    from ratsinfo.ingest.rawstore import RawStore
    from ratsinfo.pipeline import ingest_allris
    from ratsinfo.warehouse.db import connect
    from tests.allris_server import TODAY, AllrisServer

    with tempfile.TemporaryDirectory() as tmp, AllrisServer() as srv:
        con = connect(Path(tmp) / "w.duckdb")
        t0 = time.perf_counter()
        run = ingest_allris(con, RawStore(Path(tmp) / "h"), srv.base, start=date(2025, 1, 1), end=date(2026, 3, 1),
                            today=TODAY)
        secs = time.perf_counter() - t0
        n = len(srv.requests)
        print(f"crawl at the default politeness (5 requests/s): {n} requests in {secs:.1f} s = {n / secs:.1f} "
              f"requests/s; {len(run.errors)} pages the corpus does not hold answered 404")
        con.close()


if __name__ == "__main__":
    main()
