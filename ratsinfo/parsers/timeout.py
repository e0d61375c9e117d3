"""Run parses in child processes so that a PDF that hangs is stopped, not waited for, and a PDF
bomb (a 100 KB file whose page draws 30 million characters, a stream of compressed zeros) runs
out of its own memory budget instead of the machine's.

Each child lowers its address-space limit (RLIMIT_AS) to what it has plus MEMORY_BUDGET; pdfium
aborts when it cannot allocate, which ends that child only.
"""

from __future__ import annotations

import multiprocessing as mp
import resource
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import wait
from typing import Any

from ratsinfo.errors import ParseError

MEMORY_BUDGET = 768 * 1024 * 1024  # address space a parse may add to what its process has at the start


def _address_space() -> int:
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def limit_memory(budget: int = MEMORY_BUDGET) -> None:
    """Let this process grow by ``budget`` bytes of address space at most (never raises a limit)."""
    base = _address_space()
    if not base or budget <= 0:
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    want = base + budget
    if hard != resource.RLIM_INFINITY:
        want = min(want, hard)
    if soft == resource.RLIM_INFINITY or want < soft:
        resource.setrlimit(resource.RLIMIT_AS, (want, hard))


def _outcome(fn: Callable[..., Any], args: tuple) -> tuple[str, Any]:
    try:
        return "ok", fn(*args)
    except ParseError as exc:
        return "parse_error", str(exc)
    except MemoryError:
        return "error", f"it needs more than its memory budget of {MEMORY_BUDGET >> 20} MB"
    except BaseException as exc:  # report, never hang the parent
        return "error", f"{type(exc).__name__}: {exc}".strip() or traceback.format_exc(limit=1)


def _child(conn: Any, fn: Callable[..., Any], args: tuple, budget: int) -> None:
    limit_memory(budget)
    try:
        conn.send(_outcome(fn, args))
    finally:
        conn.close()


def _crashed(what: str, exitcode: int | None, budget: int) -> ParseError:
    return ParseError(f"{what}: the parser crashed (exit code {exitcode}); the file is broken or needs more "
                      f"than the memory budget of {budget >> 20} MB")


def run_with_timeout(fn: Callable[..., Any], args: tuple, seconds: float, what: str,
                     budget: int = MEMORY_BUDGET) -> Any:
    """Call ``fn(*args)`` in a child process; ParseError if it fails, takes too long or outgrows ``budget``."""
    ctx = mp.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(child, fn, args, budget), daemon=True)
    proc.start()
    child.close()
    try:
        if not parent.poll(seconds):
            proc.kill()
            proc.join(5)
            raise ParseError(f"{what} took longer than {seconds:g} s and was stopped; "
                             "raise --pdf-timeout or check the file")
        try:
            status, payload = parent.recv()
        except EOFError as exc:
            proc.join(5)
            raise _crashed(what, proc.exitcode, budget) from exc
    finally:
        parent.close()
    proc.join(5)
    if status == "ok":
        return payload
    if status == "parse_error":
        raise ParseError(payload)
    raise ParseError(f"{what} failed: {payload}")


def _serve(conn: Any, budget: int, seconds: float) -> None:
    """A PDF worker: parse what arrives until the pipe closes."""
    limit_memory(budget)
    from ratsinfo.parsers.pdf import extract_pdf

    while True:
        try:
            data, engine = conn.recv()
        except (EOFError, OSError):
            return
        conn.send(_outcome(extract_pdf, (data, engine, True, seconds)))


@dataclass(eq=False)
class PdfJob:
    data: bytes
    engine: str
    outcome: tuple[str, Any] | None = None


class _Worker:
    def __init__(self, ctx: Any, budget: int, seconds: float) -> None:
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_serve, args=(child, budget, seconds), daemon=True)
        self.proc.start()
        child.close()
        self.job: PdfJob | None = None
        self.started = 0.0

    def stop(self) -> None:
        self.proc.kill()
        self.proc.join(5)
        self.conn.close()


class PdfWorkers:
    """A small pool of PDF parsers in their own processes (spawned, so they stay small), for many
    files at once: no fork of a large process per file, both cores busy. A file that hangs is
    stopped and a file that crashes its worker (a bomb past the memory budget) fails alone: each
    job has its own worker while it runs, and only that worker is replaced."""

    def __init__(self, processes: int = 2, seconds: float = 60.0, budget: int = MEMORY_BUDGET) -> None:
        self.processes, self.seconds, self.budget = processes, seconds, budget
        self._workers: list[_Worker | None] = [None] * max(1, processes)
        self._queue: list[PdfJob] = []
        self._ctx = mp.get_context("spawn")

    def submit(self, data: bytes, engine: str = "pdfium") -> PdfJob:
        job = PdfJob(data, engine)
        self._queue.append(job)
        self._dispatch()
        return job

    def _dispatch(self) -> None:
        for i, w in enumerate(self._workers):
            if not self._queue:
                return
            if w is not None and w.job is not None:
                continue
            if w is None or not w.proc.is_alive():
                if w is not None:
                    w.stop()
                w = self._workers[i] = _Worker(self._ctx, self.budget, self.seconds)
            job = self._queue.pop(0)
            w.conn.send((job.data, job.engine))
            w.job, w.started = job, time.monotonic()

    def _collect(self) -> None:
        """Wait for the next job to end (answer, crash or timeout) and record its outcome."""
        busy = [w for w in self._workers if w is not None and w.job is not None]
        if not busy:
            return
        first_deadline = min(w.started + self.seconds for w in busy)
        wait([w.conn for w in busy] + [w.proc.sentinel for w in busy], max(0.0, first_deadline - time.monotonic()))
        for i, w in enumerate(self._workers):
            if w is None or w.job is None:
                continue
            outcome: tuple[str, Any] | None = None
            if w.conn.poll():
                try:
                    outcome = w.conn.recv()
                except (EOFError, OSError):
                    outcome = ("crash", w.proc.exitcode)
            elif not w.proc.is_alive():
                outcome = ("crash", w.proc.exitcode)
            elif time.monotonic() >= w.started + self.seconds:
                outcome = ("timeout", None)
            if outcome is None:
                continue
            w.job.outcome, w.job = outcome, None
            if outcome[0] in ("crash", "timeout"):
                w.stop()
                self._workers[i] = None

    def result(self, job: PdfJob, what: str) -> Any:
        """The parse result; ParseError if it failed, crashed or took too long."""
        while job.outcome is None:
            self._dispatch()
            self._collect()
        status, payload = job.outcome
        job.data = b""  # let the bytes go
        if status == "ok":
            return payload
        if status == "parse_error":
            raise ParseError(payload)
        if status == "timeout":
            raise ParseError(f"{what} took longer than {self.seconds:g} s and was stopped")
        if status == "crash":
            raise _crashed(what, payload, self.budget)
        raise ParseError(f"{what} failed: {payload}")

    def close(self) -> None:
        for w in self._workers:
            if w is not None:
                w.stop()
        self._workers = [None] * len(self._workers)
        self._queue.clear()
