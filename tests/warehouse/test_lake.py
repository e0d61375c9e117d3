"""The lake: councils exported one by one are read as one, per council or across; a new generation
replaces the old for readers; the single-file warehouse is untouched."""

from __future__ import annotations

import pytest

from ratsinfo.errors import BadInput
from ratsinfo.pipeline import ingest_oparl
from ratsinfo.queries.across import query_each
from ratsinfo.warehouse.db import connect
from ratsinfo.warehouse.lake import connect_lake, council_slug, export_council, read_manifest
from tests.oparl_server import OParlServer

TOWN = {"orgs": 3, "persons": 4, "meetings": 5, "items_per_meeting": 2, "papers": 6, "files_every": 0}


def crawl_into(tmp_path, name: str, store, **town):
    with OParlServer(page_size=25, body_name=name, **{**TOWN, **town}) as srv:
        con = connect(tmp_path / f"{council_slug(name)}.duckdb")
        ingest_oparl(con, store, srv.system_url, max_rps=1000, readers=False)
        entry = export_council(con, tmp_path / "lake", council_slug(name), {"title": name})
        papers = con.execute("SELECT count(*) FROM paper").fetchone()[0]
        con.close()
    return entry, papers


def test_council_names_become_ascii_partition_names():
    assert council_slug("Stadt Mühlbach") == "stadt-muehlbach"
    assert council_slug("KDVZ Frechen: Gemeinde Nörvenich") == "kdvz-frechen-gemeinde-noervenich"
    assert council_slug("Groß-Gerau") == "gross-gerau"


def test_two_councils_are_read_as_one_and_each_alone(tmp_path, store):
    crawl_into(tmp_path, "Stadt Nord", store, papers=6)
    crawl_into(tmp_path, "Stadt Süd", store, papers=9)
    lake = connect_lake(tmp_path / "lake")
    try:
        assert lake.councils == ["stadt-nord", "stadt-sued"]
        assert lake.con.execute("SELECT count(*) FROM paper").fetchone()[0] == 15
        per = {slug: con.execute("SELECT count(*) FROM paper").fetchone()[0] for slug, con in lake.each()}
        assert per == {"stadt-nord": 6, "stadt-sued": 9}
        cols, rows = query_each(lake, "sessions-per-year", {"year": "2023"})
        assert cols[0] == "council" and {r[0] for r in rows} == {"stadt-nord", "stadt-sued"}
        with pytest.raises(BadInput, match="not in the lake"):
            query_each(lake, "sessions-per-year", {}, council="stadt-west")
        with pytest.raises(Exception, match="disabled"):  # a reader reads the lake and nothing else
            lake.con.execute("SELECT * FROM read_csv('/etc/passwd')")
    finally:
        lake.close()


def test_a_new_generation_replaces_the_old_for_readers(tmp_path, store):
    first, _ = crawl_into(tmp_path, "Stadt Nord", store, papers=6)
    second, papers = crawl_into(tmp_path, "Stadt Nord", store, papers=8)  # the council file keeps the first's too
    manifest = read_manifest(tmp_path / "lake", "stadt-nord")
    assert manifest["generation"] == second["generation"] != first["generation"]
    assert manifest["previous"]["paper"]["path"] == first["tables"]["paper"]["path"]  # kept for running readers
    lake = connect_lake(tmp_path / "lake")
    try:
        assert lake.con.execute("SELECT count(*) FROM paper").fetchone()[0] == papers == 14
    finally:
        lake.close()
    third, _ = crawl_into(tmp_path, "Stadt Nord", store, papers=7)
    assert not (tmp_path / "lake" / first["tables"]["paper"]["path"]).exists()  # two generations back: gone


def test_an_empty_lake_says_what_to_do(tmp_path):
    with pytest.raises(BadInput, match="run 'ratsinfo crawl' first"):
        connect_lake(tmp_path / "nothing")
