"""Inquiries served over OParl, answered in every way real servers record it (a statement paper under
the inquiry or naming it, a statement filed with it, an oral answer in a meeting, a related Mitteilung)
and open ones: `query inquiries` names status, answer, date and asker of each."""

from __future__ import annotations

import json

from ratsinfo.warehouse.db import connect
from tests.oparl_server import OParlServer


def inquiries(cli) -> dict[str, dict]:
    res = cli("query", "inquiries", "--format", "json")
    assert res.code == 0, res.err
    return {r["inquiry"]: r for r in json.loads(res.out)}


def changes(cli, run_id: int) -> list[tuple]:
    con = connect(cli.db)
    try:
        return con.execute("SELECT table_name, key, field, old_value, new_value FROM change WHERE run_id = ? "
                           "ORDER BY 1, 2, 3", [run_id]).fetchall()
    finally:
        con.close()


def last_run(cli) -> int:
    con = connect(cli.db)
    try:
        return con.execute("SELECT max(id) FROM run").fetchone()[0]
    finally:
        con.close()


def test_each_way_of_answering_gives_status_answer_date_and_asker(cli):
    with OParlServer(papers=8, meetings=4, persons=4, orgs=4) as srv:
        truth = srv.town.add_inquiries()
        assert cli("ingest", "oparl", srv.system_url, "--max-rps", "1000").code == 0
        got = inquiries(cli)
        for ref, want in truth.items():
            row = got[ref]
            assert {k: row[k] for k in want} == want, ref
        oral = got["F0105/24"]
        assert (oral["answered_how"], oral["answered_in"]) == ("meeting", "Sitzung des Rates")
        assert got["F0103/24"]["answered_how"] == "file" and got["F0101/24"]["answered_how"] == "paper"
        assert got["F0101/24"]["days_to_answer"] == 19
        assert {r["status"] for r in json.loads(cli("query", "inquiries", "--param", "status=open", "--format",
                                                    "json").out)} == {"open"}
        here = json.loads(cli("query", "inquiries", "--param", "council=Beispielhausen", "--format", "json").out)
        assert len(here) == len(got) and {r["council"] for r in here} == {"Stadt Beispielhausen"}
        assert json.loads(cli("query", "inquiries", "--param", "council=Musterstadt", "--format", "json").out) == []


def test_a_no_change_refresh_writes_nothing_and_a_late_statement_is_logged(cli):
    with OParlServer(papers=8, meetings=4, persons=4, orgs=4) as srv:
        srv.town.add_inquiries()
        assert cli("ingest", "oparl", srv.system_url, "--max-rps", "1000").code == 0
        assert cli("ingest", "oparl", srv.system_url, "--max-rps", "1000").code == 0
        assert changes(cli, last_run(cli)) == []
        srv.town.answer_later("0107", "2024-07-20")
        assert cli("ingest", "oparl", srv.system_url, "--max-rps", "1000").code == 0
        logged = {(t, f, new) for t, _k, f, _old, new in changes(cli, last_run(cli)) if t == "inquiry_answer"}
        assert ("inquiry_answer", "status", "answered") in logged
        assert ("inquiry_answer", "answered_on", "2024-07-20") in logged
        row = inquiries(cli)["F0107/24"]
        assert (row["status"], row["answer"], row["answered_on"]) == ("answered", "Stellungnahme", "2024-07-20")
