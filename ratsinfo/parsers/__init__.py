"""Parsers: pure functions of bytes (+ URL) that yield typed records."""

PARSER_VERSION = "4"  # bump when parsing or extraction changes: documents are read again
