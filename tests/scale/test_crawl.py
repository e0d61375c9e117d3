"""The simulation's smaller form on a local Dask cluster: 20 councils on 4 hosts, 2 workers, a fifth of
them ALLRIS sites on the same hosts as the OParl ones. Every council arrives whole in the lake, no host
saw more than its budget (measured by the servers, whichever vendor was asked), and the canned queries
answer per council across the lake. Documents are read in tasks of their own (two documents each, ending in
whatever order the workers finish them), and a council's warehouse still comes out as the one-process path
writes it, row for row. (One module, so that the crawl of the simulation is made once.)"""

from __future__ import annotations

import json
from datetime import datetime

import duckdb
import pytest

from ratsinfo.ingest.rawstore import RawStore
from ratsinfo.ops.refresh import run_source
from ratsinfo.ops.sources import load
from ratsinfo.parsers.timeout import PdfWorkers
from ratsinfo.queries.across import ask_each, query_each
from ratsinfo.warehouse.db import connect
from ratsinfo.warehouse.lake import connect_lake
from tests.scale.conftest import BATCH, CONCURRENCY, MAX_RPS
from tests.simulation import Simulation

TABLES = ("organization", "person", "membership", "meeting", "agenda_item", "paper", "consultation", "file")
# an OParl town's fault modes may link files of their own: its files are counted in the document tests below


def counts(con, table: str) -> int:
    return con.execute(f"SELECT count(*) FROM {table} WHERE NOT deleted").fetchone()[0]


def test_every_council_is_in_the_lake_whole(crawled):
    sim, reports, lake_dir = crawled
    lake = connect_lake(lake_dir)
    try:
        by_title = {lake.titles[s]: s for s in lake.councils}
        assert sorted(by_title) == sorted(c.title for c in sim.members)
        for council in sim.members:
            expected = council.expected()
            with lake.council(by_title[council.title]) as con:
                got = {t: counts(con, t) for t in TABLES if t in expected and (t != "file" or council.kind == "allris")}
                assert got == {t: expected[t] for t in got}, (council.title, council.vendor, council.fault)
    finally:
        lake.close()
    worked = {r.worker for r in reports}
    assert len(worked) == 2  # both workers crawled


def test_allris_sites_share_the_hosts_and_arrive_with_their_documents(crawled):
    sim, reports, lake_dir = crawled
    allris = [c for c in sim.members if c.kind == "allris"]
    assert len(allris) == 4 and {c.server.layout for c in allris} == {"allris4", "allris3r"}
    assert {c.host.name for c in allris} & {c.host.name for c in sim.members if c.kind == "oparl"}
    status = {r.title: r for r in reports}
    lake = connect_lake(lake_dir)
    try:
        for council in allris:
            assert status[council.title].status == "ok", status[council.title].errors
            with lake.council(status[council.title].council) as con:
                kinds = dict(con.execute("SELECT kind, count(*) FROM source GROUP BY kind").fetchall())
                texts = con.execute("SELECT count(*) FROM file WHERE download_status = 'ok' AND text LIKE ?",
                                    [f"{council.title}: Dokument%"]).fetchone()[0]
            assert kinds == {"allris": 1}
            assert texts == len(council.server.site.meetings)  # each meeting's invitation, downloaded and read
    finally:
        lake.close()


def test_failures_are_recorded_for_their_council_only(crawled):
    sim, reports, lake_dir = crawled
    status = {r.title: r for r in reports}
    for council in sim.members:
        report = status[council.title]
        if council.fault == "truncated":
            assert report.status == "partial" and any("invalid JSON" in e for e in report.errors)
        elif council.fault is None:
            assert report.status == "ok" and report.errors == [], council.title
    lake = connect_lake(lake_dir)
    try:
        slug = next(r.council for r in reports if sim.by_slug(_slug_of(sim, r.title)).fault == "truncated")
        with lake.council(slug) as con:
            assert con.execute("SELECT count(*) FROM run_error WHERE reason LIKE '%invalid JSON%'").fetchone()[0] >= 1
        clean = next(r.council for r in reports if sim.by_slug(_slug_of(sim, r.title)).fault is None)
        with lake.council(clean) as con:
            assert con.execute("SELECT count(*) FROM run_error WHERE stage NOT LIKE 'note:%'").fetchone()[0] == 0
    finally:
        lake.close()


def _slug_of(sim: Simulation, title: str) -> str:
    return next(c.slug for c in sim.members if c.title == title)


def test_no_host_saw_more_than_its_budget(crawled):
    sim, _reports, _lake = crawled
    for name, seen in sim.host_reports().items():
        assert seen["requests"] > 30, name  # each host served several councils
        # a budget of 8 a second lets 8 requests through in any second; one more may arrive at the edge
        # of the window, as arrival times jitter around the send times
        assert seen["max_per_second"] <= MAX_RPS + 1, (name, seen)
        assert seen["max_in_flight"] <= CONCURRENCY, (name, seen)


def test_a_canned_query_returns_one_row_set_per_council(crawled):
    sim, _reports, lake_dir = crawled
    org = sim.members[0].server.town.objects["organization"][f"{sim.members[0].server.town.base}/organization/0"]
    lake = connect_lake(lake_dir)
    try:
        cols, rows = query_each(lake, "sessions-per-year", {"year": "2023", "organization": org["name"]})
        by_title = {s: lake.titles[s] for s in lake.councils}
    finally:
        lake.close()
    assert cols[0] == "council"
    got = {by_title[r[0]]: r[cols.index("sessions")] for r in rows}
    expected = {}
    for council in sim.members:
        if council.kind == "allris":
            continue  # its meetings are of this year and last
        town = council.server.town
        meetings = [m for m in council.served("meeting") if f"{town.base}/organization/0" in m["organization"]
                    and datetime.fromisoformat(m["start"]).year == 2023]
        if meetings:
            expected[council.title] = len(meetings)
    assert got == expected


def test_the_cli_reads_the_lake_per_council_and_across(crawled, cli):
    sim, reports, lake_dir = crawled
    one = reports[0].council
    r = cli("--lake", str(lake_dir), "query", "sessions-per-year", "--param", "year=2023", "--format", "json")
    assert r.code == 0, r.err
    rows = json.loads(r.out)
    oparl = {c.title for c in sim.members if c.kind == "oparl"}  # the ALLRIS sites' meetings are of recent months
    assert {row["council"] for row in rows} == {rep.council for rep in reports if rep.title in oparl}
    r = cli("--lake", str(lake_dir), "query", "sessions-per-year", "--council", one, "--format", "json")
    assert r.code == 0 and {row["council"] for row in json.loads(r.out)} == {one}
    r = cli("--lake", str(lake_dir), "query", "sessions-per-year", "--council", "nirgendwo")
    assert r.code == 1 and "council 'nirgendwo' is not in the lake" in r.err


def test_ask_answers_in_each_council_that_has_an_answer(crawled):
    sim, _reports, lake_dir = crawled
    lake = connect_lake(lake_dir)
    try:
        answers = ask_each(lake, "Wie viele Sitzungen des Ausschusses für Radverkehr fanden 2023 statt?")
    finally:
        lake.close()
    assert len(answers) >= len([c for c in sim.members if c.kind == "oparl"]) - 2
    assert all(a.query == "sessions-per-year" and "2023" in a.text for _slug, a in answers)


SKIP_TABLES = {"run", "schema_version", "watch", "watch_delivery", "watch_recipient", "search_doc",
               "search_stopword", "theme_label"}
VOLATILE = {"first_run", "last_run", "run_id", "at", "fetched_at", "updated_at"}  # when and in which run


def contents(path) -> dict[str, list[tuple]]:
    """Every row of every table of a council's warehouse, without the columns that say when."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        tables = [t for (t,) in con.execute("SELECT table_name FROM information_schema.tables WHERE table_schema = "
                                            "'main' AND table_type = 'BASE TABLE'").fetchall() if t not in SKIP_TABLES]
        out = {}
        for table in tables:
            cols = [c for (c,) in con.execute("SELECT column_name FROM information_schema.columns WHERE table_name = ? "
                                              "ORDER BY ordinal_position", [table]).fetchall() if c not in VOLATILE]
            quoted = ", ".join('"' + c + '"' for c in cols)
            out[table] = sorted(con.execute(f'SELECT {quoted} FROM "{table}"').fetchall(), key=repr)
        return out
    finally:
        con.close()


@pytest.fixture(scope="module")
def alone(crawled, tmp_path_factory):
    """Two councils of the simulation again, in one process: an OParl town with files and an ALLRIS site."""
    sim, reports, lake_dir = crawled
    chosen = [next(c for c in sim.members if c.kind == kind and c.fault is None) for kind in ("oparl", "allris")]
    sources = {s.name: s for s in load(lake_dir.parent / "sources.toml")}
    by_title = {r.title: r for r in reports}
    tmp = tmp_path_factory.mktemp("alone")
    pool = PdfWorkers(processes=1)
    try:
        for council in chosen:
            con = connect(tmp / f"{by_title[council.title].council}.duckdb")
            try:
                run_source(con, RawStore(tmp), sources[council.title], readers=False, pdf_workers=pool)
            finally:
                con.close()
    finally:
        pool.close()
    return [by_title[c.title] for c in chosen], tmp


def test_documents_are_read_in_tasks_of_their_own_on_both_workers(crawled):
    sim, reports, _lake = crawled
    by_title = {r.title: r for r in reports}
    for council in sim.members:
        report = by_title[council.title]
        if council.kind == "allris" or (council.fault is None and council.server.town.counts()["file"]):
            assert report.document_jobs > BATCH, report  # files read, and papers' texts extracted (ALLRIS)
            assert report.document_tasks == -(-report.document_jobs // BATCH), report
    assert len({w for r in reports for w in r.document_workers}) == 2


def test_a_council_read_in_tasks_is_the_council_read_in_one_process(crawled, alone):
    _sim, _reports, lake_dir = crawled
    reports, folder = alone
    for report in reports:
        cluster = contents(lake_dir / "councils" / f"{report.council}.duckdb")
        one = contents(folder / f"{report.council}.duckdb")
        assert cluster.keys() == one.keys()
        for table in cluster:
            assert cluster[table] == one[table], (report.council, table)
        assert any("ok" in row for row in cluster["file"]), report.council  # files were read, not only listed
