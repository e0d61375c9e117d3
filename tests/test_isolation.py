"""Failure boundaries: one input's failure is a recorded line, never the end of a run; a statement
past its deadline is stopped."""

from __future__ import annotations

import time

import pytest

from ratsinfo.errors import ParseError
from ratsinfo.isolation import StatementTimeout, guarded, statement_deadline
from ratsinfo.warehouse.db import connect_readonly


class Recorded:
    def __init__(self) -> None:
        self.errors: list[tuple[str, str, str]] = []

    def error(self, input_: str, stage: str, reason: str) -> None:
        self.errors.append((input_, stage, reason))


def test_each_failure_is_recorded_against_its_input_and_the_loop_goes_on():
    run = Recorded()
    done = []
    failures = {"a": ParseError("not a PDF"), "b\nError: x": RecursionError("maximum recursion depth exceeded"),
                "c": KeyError("reference")}
    for name in ("a", "b\nError: x", "c", "d"):
        with guarded(run, name, "parse") as outcome:
            if name in failures:
                raise failures[name]
            done.append(name)
        assert outcome.failed == (name in failures)
    assert done == ["d"]
    assert run.errors[0] == ("a", "parse", "not a PDF")
    assert run.errors[1][0] == "b\\nError: x" and "RecursionError" in run.errors[1][2]
    assert all("\n" not in r for e in run.errors for r in e)


def test_an_interrupt_is_not_swallowed():
    with pytest.raises(KeyboardInterrupt), guarded(Recorded(), "x", "parse"):
        raise KeyboardInterrupt


def test_a_statement_past_its_deadline_is_stopped(fresh_db, tmp_path):
    fresh_db.close()
    con = connect_readonly(tmp_path / "w.duckdb")
    started = time.monotonic()
    with pytest.raises(StatementTimeout, match="longer than 0.5 s"), statement_deadline(con, 0.5):
        con.execute("SELECT count(*) FROM range(100000000000) a WHERE a.range % 7 = 3").fetchone()
    assert time.monotonic() - started < 10
    with statement_deadline(con, 5):
        assert con.execute("SELECT 42").fetchone()[0] == 42  # the connection is still usable
    con.close()
