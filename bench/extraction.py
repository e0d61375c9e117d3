"""Extraction speed: tokens/s and documents/s on one core and with two processes.

    .venv/bin/python bench/extraction.py [--rounds 20]

The corpus is the project's gold documents (and the real seeds and real-docs excerpts when
../shared/corpus is there), each run through the full extraction (pipeline + every extractor).
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def corpus(rounds: int) -> list[str]:
    from ratsinfo.parsers.textutil import clean_extracted_text

    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "gold").glob("*/*.txt"))]
    shared = ROOT.parent / "shared" / "corpus"
    if (shared / "seeds").is_dir():
        texts += [clean_extracted_text(p.read_text(encoding="utf-8")) for p in sorted((shared / "seeds").glob("*.txt"))]
    if (shared / "real-docs").is_dir():  # real council prose of many towns (minutes, statutes, agendas)
        texts += [p.read_text(encoding="utf-8") for p in sorted((shared / "real-docs").glob("*/*.txt"))]
    else:  # the figures are then not comparable with those of BENCHMARKS.md
        print(f"note: {shared} is not beside this checkout: only the gold documents are benched", file=sys.stderr)
    return texts * rounds


def work(texts: list[str]) -> tuple[int, int, float, float]:
    from ratsinfo.parsers.nlp.extract import extract
    from ratsinfo.parsers.nlp.pipeline import german

    nlp = german()
    tokens = sum(len(nlp.tokenizer(t)) for t in texts)  # counted apart, not timed
    start, cpu = time.perf_counter(), time.process_time()
    for t in texts:
        extract(t, document_key="b", document="b")
    return tokens, len(texts), time.perf_counter() - start, time.process_time() - cpu


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=20)
    args = ap.parse_args()
    texts = corpus(args.rounds)
    work(texts[:5])  # build the pipeline once before timing
    tokens, docs, one, cpu = work(texts)
    print(f"one process:   {tokens / cpu:,.0f} tokens per CPU second (time.process_time: a shared machine does not "
          f"distort it), {docs / cpu:,.1f} documents/s; wall {tokens / one:,.0f} tokens/s "
          f"({docs} documents, {tokens} tokens, {cpu:.2f} s CPU, {one:.2f} s wall)")
    half = len(texts) // 2
    ctx = mp.get_context("fork")
    start = time.perf_counter()
    with ctx.Pool(2) as pool:
        results = pool.map(work, [texts[:half], texts[half:]])
    two = time.perf_counter() - start
    tokens2 = sum(r[0] for r in results)
    docs2 = sum(r[1] for r in results)
    print(f"two processes: {tokens2 / two:,.0f} tokens/s, {docs2 / two:,.1f} documents/s ({two:.2f} s wall, "
          f"pipeline built in each process, tokens counted inside the wall time)")


if __name__ == "__main__":
    main()
