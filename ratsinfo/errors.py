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
