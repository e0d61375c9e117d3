"""`ratsinfo` commands in child processes that start warm.

A test that kills or races whole processes needs real processes, but a fresh interpreter spends about a
second importing the CLI, spaCy and the German pipeline before it does anything. Here the children are
forked from one server process that has imported and built all of that once (multiprocessing's fork
server): each child runs the same entry point as the `ratsinfo` script, in a process of its own, from its
first millisecond on."""

from __future__ import annotations

import multiprocessing
import os
import sys
from multiprocessing.process import BaseProcess
from pathlib import Path

from ratsinfo.cli import run as run_cli

_CTX = multiprocessing.get_context("forkserver")
_CTX.set_forkserver_preload(["tests.warm_server", __name__])


def _main(argv: list[str], out: str | None, err: str | None) -> None:
    """The child: output to files (or nowhere), then the CLI with the `ratsinfo` script's exit code."""
    for fd, path in ((1, out), (2, err or out)):
        target = os.open(path or os.devnull, os.O_WRONLY | os.O_CREAT | os.O_APPEND)
        os.dup2(target, fd)
        os.close(target)
    sys.exit(run_cli(argv))


def start(argv: list[str], out: Path | None = None, err: Path | None = None) -> BaseProcess:
    """Start `ratsinfo ARGV` in a warm child; its stdout goes to ``out`` and its stderr to ``err`` (to ``out``
    when not given; None for both: discarded)."""
    proc = _CTX.Process(target=_main, args=(list(argv), str(out) if out else None, str(err) if err else None))
    proc.start()
    return proc


def call(argv: list[str], out: Path | None = None, err: Path | None = None) -> int:
    """Run `ratsinfo ARGV` in a warm child to its end; its exit code."""
    proc = start(argv, out, err)
    proc.join()
    assert proc.exitcode is not None
    return proc.exitcode
