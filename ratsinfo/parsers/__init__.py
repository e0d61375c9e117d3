"""Parsers: pure functions of bytes (+ URL) that yield typed records."""

PARSER_VERSION = "5"  # bump when parsing or extraction changes: documents are read again
