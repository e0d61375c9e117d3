"""Incremental runs against the OParl that vendors really serve."""

from __future__ import annotations

from ratsinfo.ingest.rawstore import RawStore
from ratsinfo.pipeline import ingest_oparl
from ratsinfo.warehouse.db import connect
from tests.oparl_server import OParlServer


def count(con, table: str) -> int:
    return con.execute(f"SELECT count(*) FROM {table} WHERE NOT deleted").fetchone()[0]


def test_allris4_lists_are_read_backwards_and_new_papers_cost_a_quarter_of_a_full_crawl(tmp_path):
    with OParlServer(vendor="allris4", papers=600, meetings=100, persons=30) as srv:
        con = connect(tmp_path / "w.duckdb")
        store = RawStore(tmp_path / "home")
        full = ingest_oparl(con, store, srv.system_url, files=False, max_rps=1000)
        assert full.errors == []
        full_requests = len(srv.requests)
        assert count(con, "paper") == 600
        modes = dict(con.execute("SELECT list, mode FROM watermark").fetchall())
        assert modes["paper"] == "backward" and modes["meeting"] == "backward"
        new = srv.town.add_papers(7)
        before = len(srv.requests)
        again = ingest_oparl(con, store, srv.system_url, files=False, max_rps=1000)
        assert again.errors == []
        spent = len(srv.requests) - before
        stored = {k for (k,) in con.execute("SELECT source_url FROM paper").fetchall()}
        assert set(new) <= stored and count(con, "paper") == 607
        assert spent <= full_requests / 4, (spent, full_requests)
        con.close()


def test_somacos_next_links_keep_the_filter(tmp_path):
    with OParlServer(vendor="somacos", page_size=5, papers=40) as srv:
        con = connect(tmp_path / "w.duckdb")
        store = RawStore(tmp_path / "home")
        ingest_oparl(con, store, srv.system_url, files=False, max_rps=1000)
        before = len(srv.requests)
        run = ingest_oparl(con, store, srv.system_url, files=False, max_rps=1000)
        later = [r for r in srv.requests[before:] if "/body/1/paper" in r]
        assert later and all("modified_since=" in r for r in later)
        notes = con.execute("SELECT count(*) FROM run_error WHERE run_id = ? AND reason LIKE '%Somacos%'",
                            [run.id]).fetchone()[0]
        assert notes >= 0 and count(con, "paper") == 40
        con.close()


def test_sdnet_pages_of_25_without_a_limit_parameter(tmp_path):
    with OParlServer(vendor="sdnet", papers=60) as srv:
        con = connect(tmp_path / "w.duckdb")
        run = ingest_oparl(con, RawStore(tmp_path / "home"), srv.system_url, files=False, max_rps=1000)
        assert run.errors == [] and count(con, "paper") == 60
        assert not any("limit=" in r for r in srv.requests)
        con.close()
