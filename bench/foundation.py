"""Foundation figures: PDF pages/s (pdfium and pdfplumber paths), ALLRIS paper pages/s,
warehouse load rows/s. Prints a table; not a test.

    .venv/bin/python bench/foundation.py [--corpus ../shared/corpus]
"""

from __future__ import annotations

import argparse
import platform
import tempfile
import time
from pathlib import Path

from ratsinfo.demo.pdfwriter import text_to_pdf
from ratsinfo.model import Paper
from ratsinfo.parsers.allris_html import parse_vo020
from ratsinfo.parsers.pdf import extract_pdf
from ratsinfo.parsers.textutil import decode_html
from ratsinfo.warehouse.db import connect
from ratsinfo.warehouse.load import upsert

PARAGRAPH = ("Die Verwaltung berichtet über die Sitzungen des Ausschusses für Ordnung und Sicherheit, "
             "die Beratungsergebnisse der Arbeitsgruppen sowie die Maßnahmen der Kriminalprävention. ")


def bench_pdf(n_docs: int = 20, pages_each: int = 10) -> list[tuple[str, float, str]]:
    docs = []
    for i in range(n_docs):
        lines = [f"Anlage {i + 1} zu V-{1000 + i}/24"] + [f"{j}. {PARAGRAPH * 3}" for j in range(pages_each * 9)]
        docs.append(text_to_pdf("\n".join(lines)))
    out = []
    for engine in ("pdfium", "plumber"):
        pages = 0
        start = time.perf_counter()
        for d in docs:
            pages += extract_pdf(d, engine).pages
        secs = time.perf_counter() - start
        out.append((f"PDF text, {engine}", pages / secs, f"{pages} pages in {secs:.2f} s"))
    return out


def bench_html(corpus: Path, rounds: int = 100) -> tuple[str, float, str]:
    pages = [decode_html(p.read_bytes())[0] for p in sorted((corpus / "allris-html").glob("*/vo020.html"))]
    start = time.perf_counter()
    for _ in range(rounds):
        for html in pages:
            parse_vo020(html, "https://example.invalid/bi/vo020.asp", "d", "local")
    secs = time.perf_counter() - start
    n = rounds * len(pages)
    return ("ALLRIS vo020 pages parsed", n / secs, f"{n} pages in {secs:.2f} s")


def bench_load(n: int = 100_000) -> list[tuple[str, float, str]]:
    with tempfile.TemporaryDirectory() as tmp:
        con = connect(Path(tmp) / "b.duckdb")
        papers = [Paper(key=f"paper:b:{i}", reference=f"V-{i}/24", name=f"Vorlage {i}: Haushalt und Ordnung",
                        paper_type="Beschlussvorlage", status="öffentlich", originator="Dezernat Ordnung",
                        text=PARAGRAPH * 4) for i in range(n)]
        out = []
        for label in ("insert", "re-load unchanged"):
            start = time.perf_counter()
            for i in range(0, n, 10_000):
                con.execute("BEGIN")
                upsert(con, "paper", papers[i:i + 10_000], run_id=1)
                con.execute("COMMIT")
            secs = time.perf_counter() - start
            out.append((f"warehouse load, {label}", n / secs, f"{n} papers in {secs:.2f} s"))
        con.close()
        return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(Path(__file__).resolve().parents[2] / "shared" / "corpus"))
    args = ap.parse_args()
    print(f"machine: {platform.machine()}, {platform.processor() or '?'}, Python {platform.python_version()}, "
          f"one process")
    rows = bench_pdf() + [bench_html(Path(args.corpus))] + bench_load()
    print(f"{'figure':<34} {'per second':>12}  detail")
    for name, rate, detail in rows:
        print(f"{name:<34} {rate:>12,.0f}  {detail}")


if __name__ == "__main__":
    main()
