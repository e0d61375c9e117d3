"""Query latency: p50/p95 of every canned query and of search on a synthetic warehouse of
100,000 papers (plus organizations, meetings, agenda items, facts, topics, answers).

    .venv/bin/python bench/queries.py [--papers 100000] [--runs 40] [--db PATH]

The warehouse is generated with SQL (German-looking titles and texts from word lists), the
full-text index is built as ingest builds it, then each query runs --runs times.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from ratsinfo import queries
from ratsinfo.warehouse.db import connect, connect_readonly
from ratsinfo.warehouse.search import rebuild_index, search

WORDS = ["Sitzung", "Haushalt", "Videoüberwachung", "Radverkehr", "Schulweg", "Prävention", "Spielplatz", "Lärmschutz",
         "Sauberkeit", "Bahnhof", "Innenstadt", "Jugendhilfe", "Seniorenbeirat", "Kleingarten", "Obdachlosigkeit",
         "Beleuchtung", "Ordnungsamt", "Polizei", "Sicherheit", "Integration", "Klimaschutz", "Wohnungsbau",
         "Beteiligung", "Kita", "Sportstätte", "Parkraum", "Denkmal", "Stadtgrün", "Abfall", "Gewaltschutz"]
BODY_KINDS = ["committee", "advisory_board", "working_group", "staff", "conference"]


def generate(con, papers: int) -> None:
    con.execute("SELECT setseed(0.42)")
    con.execute("CREATE TEMP TABLE w (wi INTEGER, word VARCHAR)")
    con.executemany("INSERT INTO w VALUES (?, ?)", [[i + 1, word] for i, word in enumerate(WORDS)])
    n = len(WORDS)
    con.execute(f"""
        INSERT INTO organization (key, name, kind, aliases, row_hash, first_run, last_run)
        SELECT 'org:bench:' || i, 'Ausschuss ' || (SELECT word FROM w WHERE w.wi = 1 + i % {n}) || ' ' || i,
               ['committee','advisory_board','working_group','staff','conference'][1 + i % 5], [], 0, 0, 0
        FROM range(100) t(i)""")
    con.execute(f"""
        INSERT INTO paper (key, reference, name, paper_type, date, status, originator, text, stub, row_hash,
                           first_run, last_run, document_key)
        SELECT 'paper:bench:' || i, 'VO/' || (2010 + i % 15) || '/' || lpad(CAST(i AS VARCHAR), 6, '0'),
               (SELECT word FROM w WHERE w.wi = 1 + i % {n}) || ' und '
                   || (SELECT word FROM w WHERE w.wi = 1 + (i * 7) % {n}),
               CASE WHEN i % 5 = 0 THEN 'Anfrage' WHEN i % 5 = 1 THEN 'schriftliche Antwort zur Anfrage'
                    ELSE 'Beschlussvorlage' END,
               DATE '2010-01-01' + CAST(i % 5400 AS INTEGER), 'öffentlich', 'Fraktion ' || (i % 7),
               'Sachverhalt ' || (SELECT string_agg(word, ' ') FROM w WHERE (w.wi * 13 + i) % 4 = 0) ||
               ' Die Verwaltung berichtet über die Sitzungen des Ausschusses im Jahr ' || (2010 + i % 15) || '.',
               false, 0, 0, 0, 'doc:bench:' || i
        FROM range(?) t(i)""", [papers])
    con.execute("""
        INSERT INTO document (key, url, origin, sha256, kind, is_current, row_hash, first_run, last_run)
        SELECT 'doc:bench:' || i, 'https://ris.example.invalid/vo020?VOLFDNR=' || i,
               'https://ris.example.invalid/vo020?VOLFDNR=' || i, 'x', 'allris3_vo020', true, 0, 0, 0
        FROM range(?) t(i)""", [papers])
    con.execute("""
        INSERT INTO paper_relation (key, subject_key, subject_reference, relation, target_reference, target_key,
                                    row_hash, first_run, last_run, document_key)
        SELECT 'rel:' || i, 'paper:bench:' || (i + 1), p.reference || '-AW', 'answer_to', p.reference, p.key,
               0, 0, 0, 'doc:bench:' || (i + 1)
        FROM range(0, ?, 5) t(i) JOIN paper p ON p.key = 'paper:bench:' || i""", [papers])
    con.execute("""
        INSERT INTO meeting (key, name, organization_key, start, number, method, row_hash, first_run, last_run)
        SELECT 'meeting:bench:' || i, 'Sitzung ' || i, 'org:bench:' || (i % 100),
               TIMESTAMP '2010-01-01 17:00' + to_days(CAST(i % 5400 AS INTEGER)), CAST(i % 40 AS VARCHAR),
               'record', 0, 0, 0
        FROM range(20000) t(i)""")
    con.execute(f"""
        INSERT INTO agenda_item (key, meeting_key, number, name, row_hash, first_run, last_run)
        SELECT 'item:' || i, 'meeting:bench:' || (i % 20000), 'Ö ' || (i % 12),
               (SELECT word FROM w WHERE w.wi = 1 + i % {n}) || ' im Quartier', 0, 0, 0
        FROM range(100000) t(i)""")
    con.execute("""
        INSERT INTO fact (key, kind, subject, subject_key, value, number, year, qualifier, document_key, document,
                          start, "end", text, method, row_hash, first_run, last_run)
        SELECT 'fact:' || i, 'session_count', 'Ausschuss ' || (i % 100), 'org:bench:' || (i % 100),
               CAST(1 + i % 9 AS VARCHAR), 1 + i % 9, 2010 + i % 15,
               CASE WHEN i % 10 = 0 THEN 'per_year' ELSE 'exact' END, 'doc:bench:' || i, 'x', 0, 10,
               'fanden Sitzungen statt', 'rule', 0, 0, 0
        FROM range(20000) t(i)""")
    con.execute(f"""
        INSERT INTO topic (key, organization_key, topic, year, document_key, start, "end", row_hash, first_run,
                           last_run)
        SELECT 'topic:' || i, 'org:bench:' || (i % 100),
               (SELECT word FROM w WHERE w.wi = 1 + i % {n}) || ' ' || (i % 50),
               2010 + i % 15, 'doc:bench:' || i, 0, 10, 0, 0, 0
        FROM range(50000) t(i)""")
    con.execute("""
        INSERT INTO rule (key, organization_key, rule, value, number, unit, text, document_key, start, "end",
                          row_hash, first_run, last_run)
        SELECT 'rule:' || i, 'org:bench:' || i, 'meeting_frequency', 'viermal im Jahr', 4, 'per_year', 'tagt',
               'doc:bench:' || i, 0, 4, 0, 0, 0
        FROM range(100) t(i)""")


CASES = [
    ("sessions-per-year", {"year": "2019"}),
    ("sessions-per-year", {"year": "2019", "organization": "Ausschuss Haushalt 1"}),
    ("working-groups", {}),
    ("inquiries", {"since": "2020-01-01"}),
    ("paper-lineage", {"reference": "VO/2015/000005"}),
    ("rules", {"organization": "Ausschuss Haushalt 1"}),
    ("topics", {"organization": "Ausschuss Haushalt 1", "from": "2015", "to": "2020"}),
    ("answers", {"reference": "VO/2015/000005"}),
]


def pct(samples: list[float], p: float) -> float:
    s = sorted(samples)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--papers", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=40)
    ap.add_argument("--db")
    args = ap.parse_args()
    tmp = tempfile.TemporaryDirectory()
    path = Path(args.db) if args.db else Path(tmp.name) / "bench.duckdb"
    con = connect(path)
    start = time.perf_counter()
    generate(con, args.papers)
    gen = time.perf_counter() - start
    start = time.perf_counter()
    from ratsinfo.warehouse.search import rebuild_sources

    rebuild_sources(con)
    indexed = rebuild_index(con)
    idx = time.perf_counter() - start
    con.close()
    print(f"warehouse: {args.papers:,} papers generated in {gen:.1f} s; search index over {indexed:,} texts "
          f"built in {idx:.1f} s; {path.stat().st_size / 1e6:.0f} MB on disk")
    ro = connect_readonly(path)
    print(f"{'query':<48} {'p50 ms':>8} {'p95 ms':>8} {'rows':>6}")
    for name, params in CASES:
        times = []
        nrows = 0
        for _ in range(args.runs):
            t0 = time.perf_counter()
            _cols, rows = queries.run(ro, name, params)
            times.append((time.perf_counter() - t0) * 1000)
            nrows = len(rows)
        label = name + " " + " ".join(f"{k}={v}" for k, v in params.items())
        print(f"{label[:48]:<48} {statistics.median(times):>8.1f} {pct(times, 95):>8.1f} {nrows:>6}")
    for q in ("Videoüberwachung", "Sitzungen Haushalt", "Lärmschutz Innenstadt Beleuchtung"):
        times = []
        for _ in range(args.runs):
            t0 = time.perf_counter()
            hits = search(ro, q, limit=10)
            times.append((time.perf_counter() - t0) * 1000)
        print(f"{('search ' + q)[:48]:<48} {statistics.median(times):>8.1f} {pct(times, 95):>8.1f} {len(hits):>6}")
    ro.close()


if __name__ == "__main__":
    main()
