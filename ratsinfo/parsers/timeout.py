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
