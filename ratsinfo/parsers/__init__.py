"""Parsers: pure functions of bytes (+ URL) that yield typed records."""

PARSER_VERSION = "1"
