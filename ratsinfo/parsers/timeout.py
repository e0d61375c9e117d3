"""Run one parse in a forked child so that a PDF that hangs is stopped, not waited for."""

from __future__ import annotations

import multiprocessing as mp
import traceback
from collections.abc import Callable
from typing import Any

from ratsinfo.errors import ParseError


def _child(conn: Any, fn: Callable[..., Any], args: tuple) -> None:
    try:
        conn.send(("ok", fn(*args)))
    except ParseError as exc:
        conn.send(("parse_error", str(exc)))
    except BaseException as exc:  # report, never hang the parent
        conn.send(("error", f"{type(exc).__name__}: {exc}".strip() or traceback.format_exc(limit=1)))
    finally:
        conn.close()


def run_with_timeout(fn: Callable[..., Any], args: tuple, seconds: float, what: str) -> Any:
    """Call ``fn(*args)`` in a child process; ParseError if it fails or takes too long."""
    ctx = mp.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(child, fn, args), daemon=True)
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
            raise ParseError(f"{what}: the parser crashed (exit code {proc.exitcode})") from exc
    finally:
        parent.close()
    proc.join(5)
    if status == "ok":
        return payload
    if status == "parse_error":
        raise ParseError(payload)
    raise ParseError(f"{what} failed: {payload}")


class PdfWorkers:
    """A small pool of PDF parsers in their own processes (spawned, so they stay small), for many
    files at once: no fork of a large process per file, both cores busy, and a file that hangs
    is still stopped (its worker is replaced)."""

    def __init__(self, processes: int = 2, seconds: float = 60.0) -> None:
        self.processes, self.seconds = processes, seconds
        self._pool = None

    def _start(self) -> Any:
        if self._pool is None:
            self._pool = mp.get_context("spawn").Pool(self.processes)
        return self._pool

    def submit(self, data: bytes, engine: str = "pdfium") -> Any:
        from ratsinfo.parsers.pdf import extract_pdf

        return self._start().apply_async(extract_pdf, (data, engine))

    def result(self, pending: Any, what: str) -> Any:
        """The parse result; ParseError if it failed or took too long (the pool is then renewed)."""
        import multiprocessing

        try:
            return pending.get(self.seconds)
        except multiprocessing.TimeoutError as exc:
            self.close()
            raise ParseError(f"{what} took longer than {self.seconds:g} s and was stopped") from exc
        except ParseError:
            raise
        except Exception as exc:  # a crash inside the worker
            raise ParseError(f"{what} failed: {type(exc).__name__}: {exc}") from exc

    def close(self) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None
