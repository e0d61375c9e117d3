"""ALLRIS page parsing speed per layout and page type, field accuracy per layout on the real pages, and the
crawl's requests per second against the loopback site at the default politeness.

    .venv/bin/python bench/allris.py [--rounds 30] [--no-crawl]

Pages: the real pages of ../shared/corpus (Hamburg ALLRIS 3 classic, Laatzen ALLRIS 4, Giesen responsive
ALLRIS 3), the pages of the loopback site in the ALLRIS 4 and responsive layouts (every page type), and the
embedded ALLRIS 3 fixture. Each page is parsed by the parser the pipeline uses for it (``read_page``).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpus"


def pages() -> list[tuple[str, str, bytes, str]]:
    """(layout, program, bytes, url)."""
    from ratsinfo.parsers.detect import allris_page_info
    from ratsinfo.parsers.textutil import decode_html
    from tests.allris_server import ModernSite

    out = []
    for path in sorted((CORPUS / "allris-html").rglob("*.html")) + sorted((CORPUS / "allris-real").rglob("*.html")):
        data = path.read_bytes()
        url = f"https://ris.example.invalid/bi/{path.stem.split('-')[0]}.asp?X=1"
        if "laatzen" in str(path):
            url = f"https://ris.example.invalid/public/{path.stem.split('-')[0]}?X=1"
        if "giesen" in str(path):
            url = "https://ris.example.invalid/bi/si010_r.asp?MM=9&YY=2026"
        info = allris_page_info(decode_html(data)[0], url)
        out.append((info.layout, info.program, data, url))
    fixture = ROOT / "tests" / "fixtures" / "allris3_embedded_vo020.html"
    out.append(("allris3e", "vo020", fixture.read_bytes(), "https://www.musterhausen.example/bi/vo020.asp?VOLFDNR=1"))
    for layout in ("allris4", "allris3r"):
        site = ModernSite(layout)
        enc = "utf-8" if layout == "allris4" else "iso-8859-15"

        def u(p: str, q: str, layout: str = layout) -> str:
            return (f"https://ris.example.invalid/public/{p}?{q}" if layout == "allris4" else
                    f"https://ris.example.invalid/bi/{p}_r.asp?{q}")

        for prog, html, q in [("vo020", site.paper("4101"), "VOLFDNR=4101"), ("to010", site.meeting("2001"),
                              "SILFDNR=2001"), ("to020", site.item("3002"), "TOLFDNR=3002"),
                              ("si010", site.calendar(2025, 11), "MM=11&YY=2025"),
                              ("gr020", site.roster("gr020", "5"), "GRLFDNR=5"),
                              ("fr020", site.roster("fr020", "7"), "FRLFDNR=7"),
                              ("kp020", site.person("901"), "KPLFDNR=901"), ("vo040", site.paper_list(), "")]:
            out.append((layout + " (site)", prog, html.encode(enc, "xmlcharrefreplace"), u(prog, q)))
    return out


def rates(rounds: int) -> tuple[float, dict[tuple[str, str], tuple[int, float, float]]]:
    """Pages per second of CPU over all pages, and per (layout, page type): (pages, median rate, best rate).

    CPU time of this process (``time.process_time``), not wall time: the machine is shared and wall time
    measures the neighbours. Every round parses every page once, with the link memos emptied before each page;
    a page type's rate is its pages divided by the median (and the fastest) of its per-round CPU times, so that a
    round slowed by a busy neighbour does not set the figure.
    """
    from ratsinfo.parsers.allris_common import canonical, link_id, program_of
    from ratsinfo.parsers.page import read_page

    def cold() -> None:  # every page read as if first seen: the link memos help a crawl only across pages
        for memo in (canonical, link_id, program_of):
            memo.cache_clear()

    items = pages()
    for _layout, _prog, data, url in items:  # warm up: imports are not parsing
        read_page(data, url)
    per: dict[tuple[str, str], list[float]] = defaultdict(list)  # CPU seconds per round
    count: dict[tuple[str, str], int] = defaultdict(int)
    for layout, prog, _data, _url in items:
        count[(layout, prog)] += 1
    t_all = time.process_time()
    for _ in range(rounds):
        spent: dict[tuple[str, str], float] = defaultdict(float)
        for layout, prog, data, url in items:
            cold()
            t0 = time.process_time()
            read_page(data, url)
            spent[(layout, prog)] += time.process_time() - t0
        for key, secs in spent.items():
            per[key].append(secs)
    overall = rounds * len(items) / (time.process_time() - t_all)
    return overall, {key: (count[key], count[key] / statistics.median(times), count[key] / min(times))
                     for key, times in per.items()}


def speed(rounds: int) -> None:
    overall, per = rates(rounds)
    print(f"{rounds} rounds over {sum(n for n, _m, _b in per.values())} pages: {overall:.0f} pages/s of CPU on one "
          "core (decode, detect, parse, records; CPU time of this process)")
    print(f"  {'layout':<16} {'page':<6} {'pages':>5} {'median/s':>9} {'best/s':>7}")
    for (layout, prog), (n, median, best) in sorted(per.items()):
        print(f"  {layout:<16} {prog:<6} {n:5d} {median:9.0f} {best:7.0f}")
    (layout, prog), (_n, worst, _b) = min(per.items(), key=lambda kv: kv[1][1])
    print(f"slowest page type: {layout} {prog} at {worst:.0f} pages/s (median round; target 200)")


def accuracy() -> None:
    from ratsinfo.parsers.inspect import parse_file
    from tests.parsers.truth_fields import compare, truth_pages

    per: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for _pid, path, url, truth in truth_pages():
        if not path.is_file():
            print(f"  (skipped {_pid}: not in ../shared/corpus yet)")
            continue
        got = parse_file(path, url=url)
        for _f, _e, _r, ok in compare(truth, got):
            per[got["layout"]][0] += ok
            per[got["layout"]][1] += 1
    print("field accuracy on the real pages with truth files:")
    for layout, (ok, total) in sorted(per.items()):
        print(f"  {layout:<10} {ok}/{total} fields = {ok / total:.1%}")


def crawl() -> None:
    from ratsinfo.ingest.rawstore import RawStore
    from ratsinfo.pipeline import ingest_allris
    from ratsinfo.warehouse.db import connect
    from tests.allris_server import TODAY, AllrisServer

    for layout, start, end in (("allris3", date(2025, 1, 1), date(2026, 3, 1)),
                               ("allris4", date(2025, 10, 1), date(2026, 1, 1)),
                               ("allris3r", date(2025, 10, 1), date(2026, 1, 1))):
        with tempfile.TemporaryDirectory() as tmp, AllrisServer(layout=layout) as srv:
            con = connect(Path(tmp) / "w.duckdb")
            t0 = time.perf_counter()
            run = ingest_allris(con, RawStore(Path(tmp) / "h"), srv.base, start=start, end=end, today=TODAY)
            secs = time.perf_counter() - t0
            n = len(srv.requests)
            counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in
                      ("meeting", "agenda_item", "paper")}
            print(f"crawl {layout:<8} at 5 requests/s: {n} requests in {secs:.1f} s = {n / secs:.1f} requests/s; "
                  f"{counts}; {len(run.errors)} errors (pages the corpus does not hold answer 404)")
            con.close()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=30)
    ap.add_argument("--no-crawl", action="store_true")
    args = ap.parse_args()
    speed(args.rounds)
    accuracy()
    if not args.no_crawl:
        crawl()


if __name__ == "__main__":
    main()
