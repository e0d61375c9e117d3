"""Failure boundaries for a run: one bad input (file, page, object, download) becomes a run_error
row with the input and a one-line reason, and the run goes on; and a deadline for one SQL statement.

The pipeline wraps each input in :func:`guarded`; ``sql`` and ``ask`` wrap each statement on a
read-only connection in :func:`statement_deadline`.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Protocol

from ratsinfo.errors import ParseError, one_line, printable


class Recorder(Protocol):
    def error(self, input_: str, stage: str, reason: str) -> None: ...


@dataclass
class Outcome:
    failed: bool = False
    reason: str | None = None


@contextlib.contextmanager
def guarded(run: Recorder, input_: object, stage: str) -> Iterator[Outcome]:
    """Run the block for one input; any exception (a parser's ParseError, a bug, RecursionError,
    MemoryError) is recorded against that input and swallowed. KeyboardInterrupt and SystemExit pass.

        with guarded(run, found.origin, "parse") as outcome:
            parsed = parse_document(...)
        if outcome.failed:
            continue
    """
    outcome = Outcome()
    try:
        yield outcome
    except ParseError as exc:
        outcome.failed, outcome.reason = True, printable(str(exc)).splitlines()[0] if str(exc) else "unreadable"
        run.error(printable(input_), stage, outcome.reason)
    except Exception as exc:  # the failure boundary: this input only
        outcome.failed, outcome.reason = True, f"unexpected failure ({one_line(exc)}); reported as a bug"
        run.error(printable(input_), stage, outcome.reason)


class StatementTimeout(Exception):
    """A statement ran past its deadline and was interrupted."""


@contextlib.contextmanager
def statement_deadline(con: Any, seconds: float | None) -> Iterator[None]:
    """Interrupt the statements run on ``con`` inside the block once ``seconds`` have passed.

    DuckDB has no statement timeout setting; ``interrupt()`` from a timer thread ends the running
    statement with an InterruptException, turned here into StatementTimeout with the limit named.
    """
    if not seconds or seconds <= 0:
        yield
        return
    fired = threading.Event()

    def stop() -> None:
        fired.set()
        con.interrupt()

    timer = threading.Timer(seconds, stop)
    timer.daemon = True
    timer.start()
    try:
        yield
    except Exception as exc:
        if fired.is_set():
            raise StatementTimeout(f"the statement ran longer than {seconds:g} s and was stopped; "
                                   "narrow it down or raise the limit") from exc
        raise
    finally:
        timer.cancel()
