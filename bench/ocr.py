"""OCR figures: scanned PDF pages read per second of CPU (this process and its Tesseract children,
`time.process_time` + `RUSAGE_CHILDREN`, so that other work on a shared machine does not count),
and the share of the written words that came back. Prints a table; not a test.

    .venv/bin/python bench/ocr.py [--pages 10] [--dpi 200]

The pages are German council prose written for this benchmark, rendered to a PDF, then turned
into pictures only (no text layer), as a scanner makes them.
"""

from __future__ import annotations

import argparse
import resource
import time

from ratsinfo.demo.pdfwriter import scan_of, text_to_pdf
from ratsinfo.parsers import ocr
from ratsinfo.parsers.pdf import extract_pdf

PARAGRAPH = ("Der Arbeitskreis Verkehrssicherheit hat im Jahr 2023 viermal getagt. Er befasste sich mit den "
             "Schulwegen, der Beleuchtung der Unterführung am Bahnhof und den Tempo-30-Zonen vor Kitas. "
             "Die nächste Sitzung findet am 14. März 2024 im Großen Sitzungssaal des Rathauses statt. ")


def _cpu() -> float:
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + kids.ru_utime + kids.ru_stime


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=10)
    ap.add_argument("--dpi", type=int, default=200, help="resolution of the scan (the OCR renders at 300)")
    args = ap.parse_args()
    why = ocr.unavailable()
    if why:
        raise SystemExit(why)
    text = "\n".join(f"{i + 1}. {PARAGRAPH * 2}" for i in range(args.pages * 6))
    typed = text_to_pdf(text)
    scan = scan_of(typed, dpi=args.dpi)
    written = extract_pdf(typed, use_ocr=False).text.split()
    start_cpu, start_wall = _cpu(), time.perf_counter()
    out = extract_pdf(scan)
    cpu, wall = _cpu() - start_cpu, time.perf_counter() - start_wall
    read = set(out.text.split())
    found = sum(w in read for w in written) / len(written)
    print(f"OCR: {out.pages} scanned pages, {len(out.ocr_pages)} read by OCR")
    print(f"  {out.pages / cpu:.2f} pages/s of CPU ({cpu:.1f} s CPU incl. tesseract; {wall:.1f} s wall)")
    print(f"  {found:.1%} of the {len(written)} written words came back exactly")


if __name__ == "__main__":
    main()
