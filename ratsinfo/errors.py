"""Narrow exceptions that the CLI turns into one line and an exit code."""

from __future__ import annotations


class RatsinfoError(Exception):
    """Base: a message for the user, an exit code for the shell."""

    exit_code = 1


class BadInput(RatsinfoError):
    """An input (file, page, argument) that cannot be read; say which and what to do."""

    exit_code = 1


class SourceFailure(RatsinfoError):
    """A source (server, folder) failed as a whole."""

    exit_code = 2


class ParseError(Exception):
    """A parser could not make sense of one document; recorded in run_error, run goes on."""


class NoWarehouse(RatsinfoError):
    exit_code = 1


class WarehouseBusy(RatsinfoError):
    """Another process holds the warehouse for writing; exit 3 like a held refresh lock."""

    exit_code = 3


_CONTROL = {c: f"\\x{c:02x}" for c in (*range(0x20), 0x7f)}
_CONTROL.update({0x0a: "\\n", 0x0d: "\\r", 0x09: "\\t"})


def printable(text: object) -> str:
    """Control characters (a newline in a file name) escaped, and bytes a file name could not
    decode shown as \\xNN: one input can never forge a second 'Error:' line."""
    s = str(text)
    if any(0xDC80 <= ord(c) <= 0xDCFF for c in s):  # surrogateescape from a name that is not UTF-8
        s = "".join(f"\\x{ord(c) - 0xDC00:02x}" if 0xDC80 <= ord(c) <= 0xDCFF else c for c in s)
    return s.translate(_CONTROL)


def one_line(exc: BaseException, limit: int = 300) -> str:
    """An exception as one printable line of at most ``limit`` characters, its type named."""
    said = str(exc).strip()
    first = said.splitlines()[0] if said else ""
    text = f"{type(exc).__name__}: {first}" if first else type(exc).__name__
    text = printable(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"
