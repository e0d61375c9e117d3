"""The same served data gives the same rows, whatever the thread timing and the order pages arrive in."""

from __future__ import annotations

from pathlib import Path

from ratsinfo.ingest.rawstore import RawStore
from ratsinfo.pipeline import ingest_oparl
from ratsinfo.warehouse.db import connect
from tests.oparl_server import OParlServer

TABLES = ("body", "organization", "person", "membership", "meeting", "agenda_item", "paper", "consultation", "file")
RUN_COLUMNS = {"first_run", "last_run", "row_hash"}  # run ids count runs; the hash covers the port


def content(con, base: str) -> dict[str, list[str]]:
    """Every row of every record table, without run ids, with the server's random port written as BASE."""
    out = {}
    for table in TABLES:
        cols = [c for (c,) in con.execute("SELECT column_name FROM information_schema.columns WHERE table_name = ? "
                                          "ORDER BY ordinal_position", [table]).fetchall() if c not in RUN_COLUMNS]
        quoted = ", ".join(f'"{c}"' for c in cols)
        rows = con.execute(f"SELECT {quoted} FROM {table} ORDER BY key").fetchall()
        out[table] = [repr(r).replace(base, "BASE") for r in rows]
    return out


def one_run(tmp: Path, seed: int, concurrency: int) -> dict[str, list[str]]:
    with OParlServer(page_size=6, separate_lists=True, jitter=0.005, seed=seed, papers=24, meetings=8) as srv:
        con = connect(tmp / "w.duckdb")
        run = ingest_oparl(con, RawStore(tmp / "home"), srv.system_url, files=False, max_rps=1000,
                           concurrency=concurrency, readers=False)  # records only: no search index, no snapshot
        assert run.errors == []
        rows = content(con, srv.base)
        con.close()
    return rows


def test_objects_embedded_and_listed_give_identical_warehouses_over_ten_runs(tmp_path, monkeypatch):
    """Ten runs with different page timings, fetch threads (1 to 4) and DuckDB threads (1 and 2)."""
    runs = []
    for i in range(10):
        monkeypatch.setenv("RATSINFO_THREADS", str(1 + i % 2))
        runs.append(one_run(tmp_path / f"r{i}", seed=i, concurrency=1 + i % 4))
    for other in runs[1:]:
        for table in TABLES:
            assert other[table] == runs[0][table], table


def test_position_comes_from_the_embedding_and_other_fields_from_either_copy(tmp_path):
    rows = one_run(tmp_path, seed=1, concurrency=4)
    con = connect(tmp_path / "w.duckdb")
    # the role is only in the listed copy, the position only in the embedding paper
    c = con.execute("SELECT position, role FROM consultation WHERE key LIKE '%/consultation/5'").fetchone()
    assert c == (0, "Vorberatung")
    items = con.execute("SELECT position, result FROM agenda_item WHERE meeting_key LIKE '%/meeting/0' "
                        "ORDER BY position").fetchall()
    assert [p for p, _r in items] == [0, 1, 2, 3, 4] and all(r for _p, r in items)
    assert rows["consultation"]


def test_a_no_change_refresh_writes_no_change_rows(tmp_path):
    with OParlServer(page_size=7, separate_lists=True, papers=30, meetings=10) as srv:
        con = connect(tmp_path / "w.duckdb")
        store = RawStore(tmp_path / "home")
        first = ingest_oparl(con, store, srv.system_url, files=False, max_rps=1000)
        per_table = con.execute("SELECT table_name, count(*) FROM change WHERE run_id = ? GROUP BY 1",
                                [first.id]).fetchall()
        assert per_table and all(n == 1 for _t, n in per_table)  # one summary row per table, not one per record
        assert con.execute("SELECT DISTINCT change FROM change WHERE run_id = ?", [first.id]).fetchall() == \
            [("first_load",)]
        again = ingest_oparl(con, store, srv.system_url, files=False, max_rps=1000)
        assert con.execute("SELECT count(*) FROM change WHERE run_id = ?", [again.id]).fetchone()[0] == 0
        assert not again.changed
        srv.town.change(fraction=0.1, deletes=1)
        changed = ingest_oparl(con, store, srv.system_url, files=False, max_rps=1000)
        kinds = dict(con.execute("SELECT change, count(*) FROM change WHERE run_id = ? GROUP BY 1",
                                 [changed.id]).fetchall())
        assert kinds.get("updated") and kinds.get("deleted") == 1
        con.close()
