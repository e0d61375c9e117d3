"""The nightly refresh: sources file, lock, independent sources, change log, health, crash safety."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from ratsinfo.errors import BadInput
from ratsinfo.ops.health import source_health
from ratsinfo.ops.refresh import EXIT_ALL_FAILED, EXIT_LOCKED, EXIT_OK, EXIT_PARTIAL, Lock, LockHeld, refresh
from ratsinfo.ops.sources import SourceConfig, add, load
from ratsinfo.warehouse.db import connect
from tests import warm_cli
from tests.conftest import EXAMPLES
from tests.oparl_server import OParlServer


def write_sources(path: Path, *configs: SourceConfig) -> Path:
    for c in configs:
        add(path, c)
    return path


def oparl(srv: OParlServer, name: str = "stadt") -> SourceConfig:
    return SourceConfig(name=name, kind="oparl", url=srv.system_url, max_rps=1000, files=False)


def export(name: str = "export") -> SourceConfig:
    return SourceConfig(name=name, kind="files", path=str(EXAMPLES / "falkenried"), body="Stadtrat Falkenried")


def test_sources_file_round_trip_and_validation(tmp_path):
    path = write_sources(tmp_path / "s.toml", SourceConfig(name="a", kind="oparl", url="https://x.invalid/system",
                                                           allow_hosts=["files.x.invalid"]), export())
    loaded = load(path)
    assert [(s.name, s.kind, s.allow_hosts) for s in loaded] == [("a", "oparl", ["files.x.invalid"]),
                                                                 ("export", "files", [])]
    with pytest.raises(BadInput, match="exists already"):
        add(path, export())
    (tmp_path / "bad.toml").write_text('[[source]]\nname = "x"\nkind = "ftp"\nurl = "ftp://x"\n')
    with pytest.raises(BadInput, match="kind 'ftp' is not one of"):
        load(tmp_path / "bad.toml")
    (tmp_path / "bad2.toml").write_text('[[source]]\nname = "x"\nkind = "oparl"\nspeed = 3\n')
    with pytest.raises(BadInput, match="unknown key"):
        load(tmp_path / "bad2.toml")


def test_sources_commands(cli, tmp_path):
    with OParlServer() as srv:
        cfg = str(tmp_path / "s.toml")
        assert cli("sources", "add", "stadt", "oparl", srv.system_url, "--config", cfg).code == 0
        assert cli("sources", "add", "export", "files", str(EXAMPLES / "falkenried"), "--config", cfg).code == 0
        assert "stadt" in cli("sources", "list", "--config", cfg).out
        res = cli("sources", "check", "--config", cfg, "--format", "json")
        rows = {r["name"]: r for r in json.loads(res.out)}
        assert rows["stadt"]["reachable"] and rows["stadt"]["detected"] == "OParl System"
        assert rows["stadt"]["would_do"] == "a first full read"
        assert rows["export"]["detected"] == "folder with 3 files"


def test_refresh_runs_every_source_and_writes_a_summary(tmp_path):
    with OParlServer() as srv:
        sources = [oparl(srv), export()]
        code, outcomes, summary = refresh(tmp_path / "w.duckdb", tmp_path / "home", sources)
        assert code == EXIT_OK and [o.status for o in outcomes] == ["ok", "ok"]
        data = json.loads(summary.read_text(encoding="utf-8"))
        assert data["exit_code"] == 0 and [s["name"] for s in data["sources"]] == ["stadt", "export"]
        assert data["sources"][0]["counts"]["paper"]["inserted"] == 120


def test_one_failing_source_does_not_stop_the_others(tmp_path):
    with OParlServer() as srv:
        broken = SourceConfig(name="weg", kind="oparl", url="http://127.0.0.1:9/oparl/system", max_rps=1000)
        code, outcomes, _ = refresh(tmp_path / "w.duckdb", tmp_path / "home", [broken, oparl(srv)])
        assert code == EXIT_PARTIAL
        assert [o.status for o in outcomes] == ["failed", "ok"]
        code, outcomes, _ = refresh(tmp_path / "w.duckdb", tmp_path / "home", [broken])
        assert code == EXIT_ALL_FAILED


def test_a_second_refresh_while_one_runs_stops_at_once(tmp_path, cli):
    db = tmp_path / "w.duckdb"
    with Lock(db):
        with pytest.raises(LockHeld, match="already running"):
            refresh(db, tmp_path / "home", [export()])
        (tmp_path / "s.toml").write_text("")
        add(tmp_path / "s.toml", export())
        res = cli("refresh", "--config", str(tmp_path / "s.toml"), db_path=db)
        assert res.code == EXIT_LOCKED and "already running" in res.err


def test_the_change_log_says_what_changed(tmp_path, cli):
    db = tmp_path / "w.duckdb"
    with OParlServer(papers=100) as srv:
        refresh(db, tmp_path / "home", [oparl(srv)])
        changed = srv.town.change(fraction=0.02, deletes=1)
        meeting = srv.town.objects["meeting"][changed["meeting"][0]]
        meeting["start"] = "2024-03-05T18:00:00+00:00"
        srv.town.touch(meeting)
        code, outcomes, _ = refresh(db, tmp_path / "home", [oparl(srv)])
        con = connect(db)
        run_id = outcomes[0].run_id
        rows = con.execute("SELECT table_name, change, field, new_value FROM change WHERE run_id = ?",
                           [run_id]).fetchall()
        con.close()
        papers = {r for r in rows if r[0] == "paper"}
        assert sum(1 for r in papers if r[1] == "updated" and r[2] == "name") == len(changed["paper"])
        assert sum(1 for r in papers if r[1] == "deleted") == 1
        assert ("meeting", "updated", "start", "2024-03-05 18:00:00") in rows
        res = cli("changes", db_path=db)
        first = res.out.splitlines()[0]
        assert "2 papers changed" in first and "1 paper deleted" in first and "moved to 2024-03-05" in first


def test_stale_sources_are_flagged(tmp_path):
    db = tmp_path / "w.duckdb"
    broken = SourceConfig(name="weg", kind="oparl", url="http://127.0.0.1:9/oparl/system", max_rps=1000)
    for _ in range(3):
        refresh(db, tmp_path / "home", [broken])
    ok = export()
    refresh(db, tmp_path / "home", [ok])
    refresh(db, tmp_path / "home", [ok])
    con = connect(db)
    try:
        health = {h.source: h for h in source_health(con, [broken, ok])}
        assert health["weg"].stale and "last 3 runs failed" in health["weg"].reason
        assert not health["export"].stale
        later = datetime.now() + timedelta(days=9)
        health = {h.source: h for h in source_health(con, [broken, ok], now=later)}
        assert health["export"].stale and "nothing new for 9 days" in health["export"].reason
    finally:
        con.close()


def test_json_logs_and_quiet_cron_output(tmp_path, cli):
    cfg = write_sources(tmp_path / "s.toml", export())
    res = cli("refresh", "--config", str(cfg), "--json-logs")
    assert res.code == 0
    events = [json.loads(line) for line in res.err.strip().splitlines()]
    assert [e["event"] for e in events] == ["source_started", "source_finished", "refresh_finished"]
    assert events[-1]["exit_code"] == 0 and Path(events[-1]["summary"]).exists()
    quiet = cli("refresh", "--config", str(cfg))
    assert quiet.err == ""  # no terminal: no progress output for cron
    assert "export: ok" in quiet.out


def test_reads_during_a_refresh_see_the_last_complete_state(tmp_path):
    """20 concurrent `query`, `status`, `sql`, `search`, `changes` and `ask` calls from other processes while a
    refresh writes: all answer, from the state published by the last complete run, and none shows a lock
    message."""
    db, home = tmp_path / "w.duckdb", tmp_path / "home"
    base = ["--db", str(db), "--home", str(home)]
    with OParlServer(page_size=5, papers=40, meetings=10, hold=True) as srv:
        first = write_sources(tmp_path / "first.toml", export())
        assert warm_cli.call([*base, "refresh", "--config", str(first)]) == 0
        cfg = write_sources(tmp_path / "s.toml", SourceConfig(name="stadt", kind="oparl", url=srv.system_url,
                                                               files=False))
        writer = warm_cli.start([*base, "refresh", "--config", str(cfg)], err=tmp_path / "writer.err")
        assert srv.holding.wait(120)  # the refresh is writing: it waits for the paper list's second page
        calls = [["query", "sessions-per-year", "--param", "year=2023"], ["status"],
                 ["sql", "SELECT count(*) AS n FROM paper WHERE NOT deleted", "--format", "json"],
                 ["search", "Beleuchtung"], ["changes"]]
        ask = ["ask", "Wie oft tagte der Stadtrat Falkenried 2023?"]
        calls = [calls[i % len(calls)] for i in range(18)] + [ask, ask]
        outs = [(tmp_path / f"r{i}.out", tmp_path / f"r{i}.err") for i in range(len(calls))]
        readers = [warm_cli.start([*base, *call], out, err) for call, (out, err) in zip(calls, outs, strict=True)]
        for r in readers:
            r.join(120)
        results = [(call, out.read_text(), err.read_text(), r.exitcode) for call, (out, err), r
                   in zip(calls, outs, readers, strict=True)]
        still_writing = writer.is_alive()
        srv.release.set()
        writer.join(300)
        assert writer.exitcode == 0, (tmp_path / "writer.err").read_text()
    assert still_writing  # the reads happened while the refresh was writing
    served = urlsplit(srv.system_url).netloc
    for args, out, err, code in results:
        assert code == 0, (args, err)
        assert "lock" not in err.casefold(), (args, err)
        if "sql" in args:
            assert json.loads(out) == [{"n": 3}]  # the export's papers only: the refresh had not ended
        if "search" in args:
            assert "Runder Tisch" in out and served not in out  # the export is found, nothing of the running refresh
