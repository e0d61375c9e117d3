"""Documents read in tasks of their own: on the cluster, the files a crawl downloads and the papers' texts
it extracts from go to document tasks of two documents each, which end in whatever order the two workers
finish them; a council's warehouse still comes out as the one-process path writes it, row for row."""

from __future__ import annotations

import duckdb
import pytest

from ratsinfo.ingest.rawstore import RawStore
from ratsinfo.ops.refresh import run_source
from ratsinfo.ops.sources import load
from ratsinfo.parsers.timeout import PdfWorkers
from ratsinfo.warehouse.db import connect
from tests.scale.conftest import BATCH

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
