"""The app's door to the warehouse: spelled-out umlauts folded, and snapshots that never block a writer
and follow it once it has finished."""

from __future__ import annotations

import re
import threading
from pathlib import Path

from ratsinfo.demo import DEMO_BODY, default_examples, prepare_export
from ratsinfo.ingest.rawstore import RawStore
from ratsinfo.pipeline import ingest_files
from ratsinfo.warehouse import reads
from ratsinfo.warehouse.db import connect, publish
from ratsinfo.warehouse.pages import PAGE_TABLES, pages_exist
from ratsinfo.warehouse.search import refresh_index
from ratsinfo.web import data
from ratsinfo.web.data import Snapshot, Warehouse, fold_query, rows


def test_spelled_out_umlauts_gain_their_umlaut_form_and_keep_their_own():
    assert fold_query("Ausschuesse") == "Ausschuesse Ausschüsse"
    assert fold_query("Schoeneberg Aerzte") == "Schoeneberg Aerzte Schöneberg Ärzte"
    assert fold_query("Feuerwehr Ausschuss") == "Feuerwehr Ausschuss"


def test_snapshot_follows_each_finished_run_and_never_blocks_the_writer(tmp_path: Path):
    db = tmp_path / "w.duckdb"
    connect(db).close()
    store = Warehouse(db, check_every=0)
    try:
        with store.cursor() as con:
            assert rows(con, "councils") == []
        writer = connect(db)  # the app holds nothing open: the writer gets its lock
        export = prepare_export(default_examples(), tmp_path / "export")
        ingest_files(writer, RawStore(tmp_path / "home"), [str(export)], body=DEMO_BODY)
        with store.cursor() as con:  # the run ended and published its state; the writer is still open
            assert [c["name"] for c in rows(con, "councils")] == [DEMO_BODY]
        writer.close()
        with store.cursor() as con:
            assert [c["name"] for c in rows(con, "councils")] == [DEMO_BODY]
    finally:
        store.close()


def test_search_scores_every_match_as_the_extensions_bm25_does(site):
    store = Warehouse(site[0], check_every=60)
    try:
        with store.cursor() as con:
            for q in ("Bericht", "Ausschüsse Sitzung", "Sicherheit Bahnhof"):
                mine = rows(con, "search", q=q, limit=10_000, offset=0, newest=False, year=None, paper_type=None,
                            author=None, council=None, organization=None)
                theirs = dict(reads.select(con, "SELECT key, fts_main_search_doc.match_bm25(key, $q) FROM search_doc "
                                                "WHERE fts_main_search_doc.match_bm25(key, $q) IS NOT NULL",
                                           {"q": q})[1])
                assert mine and {r["key"] for r in mine} == set(theirs)
                assert all(abs(r["score"] - theirs[r["key"]]) < 1e-9 for r in mine)
    finally:
        store.close()


def test_the_newest_matches_come_first_alike_from_the_search_rows_and_from_the_index(site):
    store = Warehouse(site[0], check_every=60)
    try:
        with store.cursor() as con:
            for q in ("Bericht", "Ausschüsse Sitzung", "Sicherheit Bahnhof"):
                newest = data.search(con, q, per_page=1000, stored=True, newest=True).rows
                assert newest == data.search(con, q, per_page=1000, stored=False, newest=True).rows
                ranked = data.search(con, q, per_page=1000, stored=True).rows
                assert sorted(r["key"] for r in newest) == sorted(r["key"] for r in ranked)
                years = [r["year"] or 0 for r in newest]
                assert years == sorted(years, reverse=True)
                for year in set(years):  # within a year, by rank
                    scores = [r["score"] for r in newest if (r["year"] or 0) == year]
                    assert scores == sorted(scores, reverse=True)
    finally:
        store.close()


def test_a_snapshot_lends_no_more_cursors_than_it_has_readers(site):
    store = Warehouse(site[0], check_every=60)
    snap = store.current()
    bounded = Snapshot(snap.con.cursor(), generation=99, readers=1)
    inside, second_in = threading.Event(), threading.Event()
    release = threading.Event()

    def hold() -> None:
        with bounded.cursor():
            inside.set()
            release.wait(10)

    def wait_for_one() -> None:
        with bounded.cursor() as cur:
            second_in.set()
            assert rows(cur, "paper_types")

    first = threading.Thread(target=hold)
    first.start()
    inside.wait(10)
    second = threading.Thread(target=wait_for_one)
    second.start()
    assert not second_in.wait(0.3)  # waits while the only cursor is lent out
    release.set()
    assert second_in.wait(10)
    first.join()
    second.join()
    bounded.retire()
    store.close()


def test_answers_kept_by_a_snapshot_stay_within_its_budget(site):
    store = Warehouse(site[0], check_every=60)
    snap = Snapshot(store.current().con.cursor(), generation=99, cache_bytes=1000)
    for i in range(5):
        snap.keep(("page", i), f"answer {i}", 300)
    assert snap.answer(("page", 0)) is None and snap.answer(("page", 1)) is None  # the oldest went first
    assert snap.answer(("page", 4)) == ("answer 4", 300)
    snap.keep(("big",), "x" * 2000, 2000)
    assert snap.answer(("big",)) is None
    snap.retire()
    assert snap.answer(("page", 4)) is None  # a retired snapshot keeps nothing
    store.close()


def _keys(con, table: str) -> list[str]:
    return [r[0] for r in reads.select(con, f"SELECT key FROM {table} ORDER BY key")[1]]


def test_precomputed_pages_show_what_the_statements_of_each_part_show(site):
    """Every paper, meeting and body of the site (hostile titles, lineage, questions, facts, rules):
    the one-row lookup gives exactly what the per-part statements give, in the same order."""
    store = Warehouse(site[0])
    try:
        assert store.has_pages()
        with store.cursor() as con:
            papers, meetings, bodies = _keys(con, "paper"), _keys(con, "meeting"), _keys(con, "organization")
            assert papers and meetings and bodies
            for key in papers:
                assert data.paper_page(con, key, True) == data.paper_page(con, key, False), key
                assert data.paper_events(con, key, True) == data.paper_events(con, key, False), key
            for key in meetings:
                assert data.meeting_page(con, key, True) == data.meeting_page(con, key, False), key
            for key in bodies:
                assert data.body_page(con, key, True) == data.body_page(con, key, False), key
                assert data.body_feed(con, key, True) == data.body_feed(con, key, False), key
                assert (data.body_feed(con, key, True, meetings=1000, papers=0)
                        == data.body_feed(con, key, False, meetings=1000, papers=0)), key
            assert any(data.paper_page(con, k, True)["lineage"] for k in papers)
            assert any(data.paper_page(con, k, True)["questions"] for k in papers)
            assert any(data.body_page(con, k, True)["meetings"] for k in bodies)
    finally:
        store.close()


def test_a_warehouse_without_page_rows_is_served_by_statements_and_gains_them_with_the_next_index(own_db, site):
    con = connect(own_db)
    for table in PAGE_TABLES:
        con.execute(f"DROP TABLE {table}")
    con.close()
    store = Warehouse(own_db)
    try:
        assert not store.has_pages()
        with store.cursor() as cur:
            key = _keys(cur, "paper")[0]
            assert data.paper_page(cur, key, False)["paper"]["key"] == key
    finally:
        store.close()
    con = connect(own_db)
    assert not pages_exist(con)
    refresh_index(con, changed=False)
    assert pages_exist(con)
    con.close()


def test_postings_without_weights_are_served_by_the_index_until_the_next_rebuild(own_db, site):
    """A snapshot written before the postings carried their weights: search reads the index's own tables (the
    same hits), and the next rebuild, even without changes, writes the weights."""
    con = connect(own_db)
    con.execute("CREATE OR REPLACE TABLE search_posting AS SELECT termid, docid, 1 AS tf FROM search_posting")
    assert not pages_exist(con)
    con.close()
    store, fresh = Warehouse(own_db), Warehouse(site[0])
    try:
        assert not store.has_pages()
        with store.cursor() as old, fresh.cursor() as new:
            word = reads.select(new, "SELECT title FROM search_doc WHERE title IS NOT NULL LIMIT 1")[1][0][0].split()[0]
            served = data.search(old, word, stored=store.has_pages())
            assert served.total > 0 and served.rows == data.search(new, word, stored=True).rows
    finally:
        store.close()
        fresh.close()
    con = connect(own_db)
    refresh_index(con, changed=False)
    assert pages_exist(con)
    con.close()


def test_page_rows_built_in_many_parts_equal_those_built_at_once(own_db, monkeypatch):
    from ratsinfo.warehouse import pages

    con = connect(own_db)
    whole = {t: reads.select(con, f"SELECT * FROM {t} ORDER BY key")[1] for t in PAGE_TABLES}
    monkeypatch.setattr(pages, "ROWS_PER_PART", 3)  # a dozen parts for the site's papers and meetings
    built = pages.rebuild_pages(con)
    parted = {t: reads.select(con, f"SELECT * FROM {t} ORDER BY key")[1] for t in PAGE_TABLES}
    con.close()
    assert built["page_paper"] > 3 * 3 and built["page_meeting"] > 3 * 3
    assert parted == whole


def test_a_staging_table_left_by_a_killed_rebuild_is_replaced_and_none_remains(own_db):
    from ratsinfo.warehouse import pages

    con = connect(own_db)
    whole = reads.select(con, "SELECT * FROM page_paper ORDER BY key")[1]
    con.execute("CREATE TABLE page_paper_next AS SELECT * FROM page_paper LIMIT 1")  # a kill mid-build
    pages.rebuild_pages(con)
    tables = {r[0] for r in reads.select(con, "SELECT table_name FROM duckdb_tables()")[1]}
    rebuilt = reads.select(con, "SELECT * FROM page_paper ORDER BY key")[1]
    con.close()
    assert rebuilt == whole
    assert not {f"{t}_next" for t in PAGE_TABLES} & tables


def test_source_health_is_read_once_a_minute_per_snapshot_and_matches_a_fresh_reading(site):
    from ratsinfo.ops.health import source_health

    store = Warehouse(site[0])
    try:
        with store.cursor() as con:
            first = store.health(con)
            assert store.health(con) is first  # kept: the changes page reads it without a statement
            assert [h.source_key for h in first] == [h.source_key for h in source_health(con)] and first
            assert store.health(con, within=0) is not first  # judged again by the clock once it is old
    finally:
        store.close()


def test_search_over_the_rows_built_with_the_index_ranks_exactly_as_the_index_itself(site):
    """Every word of the site's titles, alone, with another, on its second page and within a year: the same
    hits, scores, totals and snippets from the search rows (weights stored per posting) as from the index's own
    tables."""
    store = Warehouse(site[0])
    try:
        assert store.has_pages()
        with store.cursor() as con:
            titles = " ".join(r[0] or "" for r in reads.select(con, "SELECT title FROM search_doc")[1])
            words = sorted({w for w in re.findall(r"[A-Za-zÄÖÜäöüß]{5,}", titles)})[:60]
            years = [r[0] for r in reads.select(con, "SELECT DISTINCT year FROM search_doc WHERE year IS NOT NULL")[1]]
            assert len(words) > 20 and years
            compared = 0
            queries = [*words, *(f"{w} {words[(i + 7) % len(words)]}" for i, w in enumerate(words))]
            for i, w in enumerate(queries):
                for kw in ({}, {"page": 2, "per_page": 5}, {"year": years[i % len(years)]}):
                    fast, plain = data.search(con, w, stored=True, **kw), data.search(con, w, stored=False, **kw)
                    assert fast.total == plain.total, (w, kw)
                    assert [(h["key"], h["snippet"], h["meeting_key"], h["paper_type"], round(h["score"], 9))
                            for h in fast.rows] == [
                           (h["key"], h["snippet"], h["meeting_key"], h["paper_type"], round(h["score"], 9))
                            for h in plain.rows], (w, kw)
                    assert [{k: v for k, v in h.items() if k != "score"} for h in fast.rows] == [
                        {k: v for k, v in h.items() if k != "score"} for h in plain.rows]
                    compared += len(fast.rows)
            assert compared > 50
    finally:
        store.close()


def test_each_snapshot_keeps_its_own_directory_and_canned_results(tmp_path: Path):
    """Statements read through a snapshot's cursor see that snapshot's kept rows; a later run's snapshot keeps
    its own, so a body added by the run is found by name and counted."""
    from ratsinfo import queries
    from ratsinfo.queries import kept

    db = tmp_path / "w.duckdb"
    con = connect(db)
    store_raw = RawStore(tmp_path / "home")
    ingest_files(con, store_raw, [str(prepare_export(default_examples(), tmp_path / "export"))], body=DEMO_BODY)
    con.close()
    store = Warehouse(db, check_every=0)
    try:
        assert kept.current() is None
        with store.cursor() as cur:
            first = kept.current()
            assert first is store.newest().kept
            bodies = {n for _k, n, *_ in first.directory(cur).organizations}
            cols, found = queries.run(cur, "sessions-per-year", {})
        assert kept.current() is None and cols and found
        con = connect(db)
        con.execute("INSERT INTO organization (key, name, kind) VALUES ('org:local:neu', 'Neuer Beirat', "
                    "'advisory_board')")
        con.execute("INSERT INTO meeting (key, name, organization_key, start, method, source_url) VALUES ('m:neu', "
                    "'Sitzung', 'org:local:neu', DATE '2024-05-01', 'record', 'https://ris.example.invalid/m')")
        publish(con)  # as a finished run does
        con.close()
        with store.cursor() as cur:
            assert kept.current() is not first
            assert "Neuer Beirat" not in bodies and resolve_name(cur, "neuer beirat") == ["org:local:neu"]
            cols, rows_now = queries.run(cur, "sessions-per-year", {"organization": "Neuer Beirat"})
            assert [r[cols.index("sessions")] for r in rows_now] == [1]
    finally:
        store.close()


def resolve_name(con, text: str) -> list[str]:
    from ratsinfo.queries.names import resolve

    return [k for k, _n in resolve(con, text)]
