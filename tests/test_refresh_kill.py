"""Crash safety of the nightly refresh: SIGKILL at random moments loses nothing and changes nothing.

A module of its own, so that the test runner can run it beside the others."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import time
from pathlib import Path

from ratsinfo.warehouse.db import connect
from tests.conftest import ROOT
from tests.oparl_server import OParlServer
from tests.test_refresh import RATSINFO, export, oparl, write_sources


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
    """SIGKILL a refresh subprocess at 20 different moments, four in a row on each of five warehouses (each
    kill after the first lands in the rerun of the one before); each time the next full refresh leaves the
    warehouse exactly as a clean run does: no duplicate, no half-loaded document, no lost record. The
    moments are drawn over the clean run's own duration, so they fall inside a refresh however fast the
    machine is."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    with OParlServer(page_size=10, papers=150, meetings=30) as srv:
        cfg = write_sources(tmp_path / "s.toml", oparl(srv), export())
        clean_db = tmp_path / "clean.duckdb"
        started = time.monotonic()
        code = subprocess.run([*RATSINFO, "--db", str(clean_db), "--home", str(tmp_path / "clean-home"), "refresh",
                               "--config", str(cfg)], env=env, capture_output=True).returncode
        took = time.monotonic() - started
        assert code == 0
        clean = live_state(clean_db)
        rnd = random.Random(11)
        killed = 0
        for i in range(5):
            db, home = tmp_path / f"k{i}.duckdb", tmp_path / f"k{i}-home"
            refresh = [*RATSINFO, "--db", str(db), "--home", str(home), "refresh", "--config", str(cfg)]
            for _kill in range(4):
                proc = subprocess.Popen(refresh, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                time.sleep(rnd.uniform(0.15, 0.5) * took)
                if proc.poll() is None:
                    proc.send_signal(signal.SIGKILL)
                    killed += 1
                proc.wait()
            again = subprocess.run(refresh, env=env, capture_output=True, text=True)
            assert again.returncode == 0, again.stderr
            state = live_state(db)
            assert state == clean, f"kills {4 * i} to {4 * i + 3} left a different warehouse"
        assert killed >= 12, killed  # most kills landed while a refresh was working
