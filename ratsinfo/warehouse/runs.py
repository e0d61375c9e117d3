"""Run records: every pipeline run, its counts per table, and every input that failed (run_error)."""

from __future__ import annotations

import contextlib
import json
import threading
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime

import duckdb

from ratsinfo.model import TABLES

RECORD_TABLES = {t for t, _a in TABLES}


def now() -> datetime:
    return datetime.now().replace(microsecond=0)


@dataclass
class Run:
    """One pipeline run: its id, counts per table and the inputs that failed."""

    con: duckdb.DuckDBPyConnection
    command: str
    source_key: str | None = None
    id: int = 0
    counts: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    inputs: int = 0
    errors: list[tuple[str, str, str]] = field(default_factory=list)
    stats: dict = field(default_factory=dict)
    requested: list[str] = field(default_factory=list)
    _pending: list[list] = field(default_factory=list)
    said: list[str] = field(default_factory=list)  # notes said once per run (note_once), for stderr
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        close_abandoned(self.con)
        self.id = self.con.execute(
            "INSERT INTO run (command, source_key, started_at, status) VALUES (?, ?, ?, 'running') "
            "RETURNING id", [self.command, self.source_key, now()]).fetchone()[0]

    def error(self, input_: str, stage: str, reason: str) -> None:
        """Record a failure; safe from worker threads (written by the owning thread in flush())."""
        with self._lock:
            self.errors.append((input_, stage, reason))
            self._pending.append([self.id, now(), input_, stage, reason])

    def note(self, input_: str, stage: str, reason: str) -> None:
        """A quirk worked around (not a failure): kept in run_error with stage 'note:...'."""
        with self._lock:
            self._pending.append([self.id, now(), input_, f"note:{stage}", reason])

    def note_once(self, input_: str, stage: str, reason: str) -> None:
        """A note said once per run however many inputs it concerns (a missing tool); shown on stderr too."""
        with self._lock:
            if reason in self.said:
                return
            self.said.append(reason)
        self.note(input_, stage, reason)

    def flush(self) -> None:
        """Write recorded errors and notes; only the thread that owns the connection calls this."""
        with self._lock:
            pending, self._pending = self._pending, []
        if pending:  # one statement, in the order recorded: executemany runs one statement per row
            self.con.execute("INSERT INTO run_error SELECT unnest(?::BIGINT[]), unnest(?::TIMESTAMP[]), "
                             "unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), unnest(?::VARCHAR[])",
                             [list(column) for column in zip(*pending, strict=True)])

    def add(self, table: str, counts: Counter) -> None:
        self.counts[table].update(counts)

    @property
    def changed(self) -> bool:
        """Whether any record changed (raw documents read again under new URLs do not count)."""
        return any(c.get("inserted") or c.get("updated") or c.get("deleted") for t, c in self.counts.items()
                   if t in RECORD_TABLES)

    @property
    def status(self) -> str:
        if not self.errors:
            return "ok"
        return "failed" if len(self.errors) >= self.inputs else "partial"

    def finish(self) -> None:
        self.flush()
        counts = {t: dict(c) for t, c in sorted(self.counts.items())}
        self.con.execute(
            "UPDATE run SET finished_at = ?, status = ?, counts = ?, inputs = ?, failed = ? WHERE id = ?",
            [now(), self.status, json.dumps(counts), self.inputs, len(self.errors), self.id])


def close_abandoned(con: duckdb.DuckDBPyConnection) -> int:
    """Runs still 'running' when a new one starts ended by a crash or a signal (one writer holds the
    file at a time): they are closed as failed, so `status` never shows them running for ever."""
    rows = con.execute("UPDATE run SET status = 'failed', finished_at = coalesce(finished_at, ?) "
                       "WHERE status = 'running' RETURNING id", [now()]).fetchall()
    if rows:
        con.executemany("INSERT INTO run_error VALUES (?, ?, 'run', 'run', ?)",
                        [[r[0], now(), "the run ended without finishing (killed or crashed); its committed "
                          "batches are kept, the rest is read again by the next run"] for r in rows])
    return len(rows)


def fail_source(con: duckdb.DuckDBPyConnection, command: str, source_key: str | None, location: str,
                reason: str) -> int:
    """A source that failed as a whole still gets a run record and its reason."""
    with contextlib.suppress(duckdb.Error):  # no transaction may be open
        con.execute("ROLLBACK")
    run = Run(con, command, source_key)
    run.inputs = 1
    run.error(location, "source", reason)
    run.finish()
    return run.id
