"""Crash safety of the nightly refresh: SIGKILL at random moments loses nothing and changes nothing.

A module of its own, so that the test runner can run it beside the others."""

from __future__ import annotations

import random
import signal
import time
from pathlib import Path

from ratsinfo.warehouse.db import connect
from tests import warm_cli
from tests.oparl_server import OParlServer
from tests.test_refresh import export, oparl, write_sources


def live_state(db: Path) -> dict[str, list]:
    con = connect(db)
    try:
        out = {}
        for t in ("paper", "meeting", "agenda_item", "organization", "person", "membership", "consultation",
                  "question", "answer", "fact", "file"):
            out[t] = con.execute(f"SELECT key, row_hash FROM {t} WHERE NOT deleted ORDER BY key").fetchall()
        # a document is stored with its records or not at all: the files' documents match the clean run
        out["file_documents"] = con.execute("SELECT key, parse_status FROM document WHERE source_key LIKE 'files:%' "
                                            "AND is_current ORDER BY key").fetchall()
        out["duplicate_keys"] = con.execute("SELECT count(*) - count(DISTINCT key) FROM paper").fetchone()
        return out
    finally:
        con.close()


def test_killing_a_refresh_at_any_moment_loses_nothing(tmp_path):
    """SIGKILL a refresh process at 20 different moments, four in a row on each of five warehouses (each kill
    after the first lands in the rerun of the one before); each time the next full refresh leaves the
    warehouse exactly as a clean run does: no duplicate, no half-loaded document, no lost record. The
    moments are drawn over the duration of the last run that was not killed, so they fall inside a refresh
    however fast the machine is; a refresh that ends before its moment is a clean rerun and is not counted."""
    with OParlServer(page_size=10, papers=150, meetings=30) as srv:
        cfg = write_sources(tmp_path / "s.toml", oparl(srv), export())
        clean_db = tmp_path / "clean.duckdb"
        started = time.monotonic()
        assert warm_cli.call(["--db", str(clean_db), "--home", str(tmp_path / "clean-home"), "refresh",
                              "--config", str(cfg)]) == 0
        took = time.monotonic() - started
        clean = live_state(clean_db)
        rnd = random.Random(11)
        for i in range(5):
            db, home = tmp_path / f"k{i}.duckdb", tmp_path / f"k{i}-home"
            refresh = ["--db", str(db), "--home", str(home), "refresh", "--config", str(cfg)]
            killed = 0
            for _attempt in range(12):
                started = time.monotonic()
                proc = warm_cli.start(refresh)
                time.sleep(rnd.uniform(0.05, 0.9) * took)
                proc.kill()
                proc.join()
                if proc.exitcode == -signal.SIGKILL:
                    killed += 1
                else:  # it ended first: a clean rerun, and a measure of how long a rerun takes now
                    assert proc.exitcode == 0
                    took = time.monotonic() - started
                if killed == 4:
                    break
            assert killed == 4, f"only {killed} of 12 refreshes were still running at their moment"
            log = tmp_path / f"k{i}.log"
            assert warm_cli.call(refresh, log) == 0, log.read_text()
            state = live_state(db)
            assert state == clean, f"kills {4 * i} to {4 * i + 3} left a different warehouse"
