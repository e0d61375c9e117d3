"""Theme classification speed: titles per second on one core.

    .venv/bin/python bench/themes.py [--rounds 10]

The titles are the real agenda-item titles of ../shared/corpus/agenda-items. "cold" is a first
pass with empty word caches (every word new), repeated --rounds times with the caches emptied before
each (median and slowest printed); "warm" repeats the titles, as a long ingest does with its
recurring words. Model loading is timed apart. Rates are per second of CPU time of this one
process (time.process_time), so that a machine shared with other jobs does not distort them; the
wall-clock rate is printed beside.
"""

from __future__ import annotations

import argparse
import csv
import os
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
AGENDA_ITEMS = ROOT.parent / "shared" / "corpus" / "agenda-items"


def titles() -> list[str]:
    out = []
    for path in sorted(AGENDA_ITEMS.glob("*.tsv")):
        with path.open(encoding="utf-8", newline="") as fh:
            out += [row["title"] for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)]
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=10)
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    from ratsinfo.themes import classify as c

    start = time.perf_counter()
    c.rules(), c.model(), c._lexicon()
    print(f"load (rules, weights, lemma table and stop words): {time.perf_counter() - start:.2f} s")
    items = [(t,) for t in titles()]
    if not items:
        raise SystemExit(f"no titles under {AGENDA_ITEMS}")
    with_office = [(t, None, "Beschlussvorlage", "66 Tiefbauamt") for (t,) in items]
    cold = []
    for _ in range(args.rounds):
        c.forget_words()
        cpu = time.process_time()
        c.classify_many(items)
        cold.append(len(items) / (time.process_time() - cpu))
    cold.sort()
    print(f"cold (empty word caches), {args.rounds} first passes of {len(items)} titles: median "
          f"{cold[len(cold) // 2]:,.0f} titles/s of CPU, slowest {cold[0]:,.0f}")
    runs = [("warm", items * args.rounds), ("warm, with paper type and lead office", with_office)]
    for name, batch in runs:
        wall, cpu = time.perf_counter(), time.process_time()
        c.classify_many(batch)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        print(f"{name}: {len(batch)} titles, {len(batch) / cpu:,.0f} titles/s of CPU ({len(batch) / wall:,.0f} wall)")
    print(f"load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
