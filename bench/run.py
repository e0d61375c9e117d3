"""`make bench`: every benchmark in one table, the machine described at the top.

    .venv/bin/python bench/run.py [--scale 1] [--skip-files]

Each step runs in its own process (its peak RSS is its own) against the loopback servers of
the tests; nothing leaves this machine.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def machine() -> str:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = "?"
    try:
        kb = int(next(x for x in Path("/proc/meminfo").read_text().splitlines() if x.startswith("MemTotal")).split()[1])
        mem = f"{kb / 1024 / 1024:.0f} GiB"
    except (OSError, StopIteration, ValueError):
        pass
    import duckdb

    return (f"{platform.system()} {platform.machine()}, {cpu}, {os.cpu_count()} cores, {mem} RAM, Python "
            f"{platform.python_version()}, DuckDB {duckdb.__version__}")


def step(name: str, *extra: str, work: str, scale: float) -> dict:
    cmd = [sys.executable, str(ROOT / "bench" / "steps.py"), name, "--scale", str(scale), "--work", work, *extra]
    t0 = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    line = next((ln for ln in p.stdout.splitlines() if ln.startswith("RESULT ")), None)
    if p.returncode != 0 or line is None:
        print(f"step {name} failed ({time.perf_counter() - t0:.0f} s):\n{p.stderr[-2000:]}", file=sys.stderr)
        return {}
    return json.loads(line[len("RESULT "):])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--skip-files", action="store_true")
    ap.add_argument("--json", help="also write the results to this file")
    args = ap.parse_args()
    started = time.perf_counter()
    rows: list[tuple[str, str, str, str]] = []
    results: dict = {"machine": machine(), "scale": args.scale}
    print(f"machine: {results['machine']}")
    print(f"scale: {args.scale:g}x (1x = 15,000 papers, 3,000 meetings, 21,000 agenda items, 100 organizations, "
          "5,000 PDF files of 1 to 20 pages)\n")
    with tempfile.TemporaryDirectory() as work:
        o = results["oparl"] = step("oparl", work=work, scale=args.scale)
        if o:
            c = o["counts"]
            rows.append(("OParl full ingest, no files", f"{o['full']['seconds']} s",
                         f"{c['paper']:,} papers, {c['meeting']:,} meetings, {c['agenda_item']:,} items, "
                         f"{o['full']['requests']} requests", f"{o['full']['peak_rss_mb']} MB"))
            rows.append(("no-change refresh", f"{o['nochange']['seconds']} s", f"{o['nochange']['requests']} requests",
                         f"{o['nochange']['peak_rss_mb']} MB"))
            rows.append(("refresh after 1% changed", f"{o['change1']['seconds']} s",
                         f"{o['change1']['papers_updated']} papers updated", f"{o['change1']['peak_rss_mb']} MB"))
            rows.append(("warehouse size on disk", f"{o['db_mb']} MB", "after the three runs", ""))
            q = results["queries"] = step("queries", "--db", o["db"], work=work, scale=args.scale)
            for name, (p50, p95) in (q.get("latency_ms") or {}).items():
                rows.append((f"query {name}", f"p50 {p50} ms", f"p95 {p95} ms", f"{q['peak_rss_mb']} MB"))
        if not args.skip_files:
            f = results["oparl_files"] = step("oparl_files", work=work, scale=args.scale)
            if f:
                rows.append(("OParl full ingest with files", f"{f['seconds']} s",
                             f"{f['files']:,} PDFs, {f['pages']:,} pages, {f['errors']} errors",
                             f"{f['peak_rss_mb']} MB"))
        p = results["pdf"] = step("pdf", work=work, scale=args.scale)
        if p:
            rows.append(("PDF text, pypdfium2 path", f"{p['pdfium']} pages/s", "same generated PDFs",
                         f"{p['peak_rss_mb']} MB"))
            rows.append(("PDF text, pdfplumber path", f"{p['plumber']} pages/s", "", ""))
        a = results["allris"] = step("allris", work=work, scale=args.scale)
        if a:
            rows.append(("ALLRIS pages parsed", f"{a['pages_per_s']} pages/s", "every layout and type, one core CPU",
                         f"{a['peak_rss_mb']} MB"))
            rows.append(("ALLRIS slowest page type", f"{a['slowest_pages_per_s']} pages/s", a["slowest_page_type"],
                         ""))
        e = results["extraction"] = step("extraction", work=work, scale=args.scale)
        if e:
            rows.append(("extraction, one process", f"{e['tokens_per_s_1']:,} tokens/s", f"{e['docs_per_s_1']} docs/s",
                         f"{e['peak_rss_mb']} MB"))
            rows.append(("extraction, two processes", f"{e['tokens_per_s_2']:,} tokens/s", "", ""))
        lo = results["load"] = step("load", work=work, scale=args.scale)
        if lo:
            rows.append(("warehouse load, insert", f"{lo['insert_rows_per_s']:,} rows/s", "100,000 papers",
                         f"{lo['peak_rss_mb']} MB"))
            rows.append(("warehouse load, unchanged", f"{lo['unchanged_rows_per_s']:,} rows/s", "", ""))
    widths = [max(len(r[i]) for r in rows + [("figure", "value", "detail", "peak RSS")]) for i in range(4)]
    head = ("figure", "value", "detail", "peak RSS")
    print("  ".join(h.ljust(w) for h, w in zip(head, widths, strict=True)))
    print("  ".join("-" * w for w in widths))
    for r in rows:
        print("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)))
    print(f"\nbench took {time.perf_counter() - started:.0f} s")
    if args.json:
        Path(args.json).write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
