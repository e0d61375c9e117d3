"""What kind of document is this? Decided by content; the file name only breaks ties."""

from __future__ import annotations

import json
import re

from ratsinfo.parsers.textutil import looks_binary

KINDS = (
    "pdf", "allris3_vo020", "allris4_vo020", "allris_page", "html", "allris_text_paper",
    "text", "oparl_json", "json", "binary", "empty",
)


def detect(data: bytes, name: str = "") -> tuple[str, str]:
    """Return (kind, content type)."""
    head = data[:4096]
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not data.strip():
        return "empty", "application/octet-stream"
    if stripped.startswith(b"%PDF") or b"%PDF-" in head[:1024]:
        return "pdf", "application/pdf"
    if looks_binary(data):
        return "binary", "application/octet-stream"
    lower = head.lower()
    if stripped[:1] in (b"{", b"["):
        kind = _json_kind(data)
        if kind:
            return kind, "application/json"
    if re.search(rb"<!doctype html|<html[\s>]|<body[\s>]|<table[\s>]|<div[\s>]", lower):
        from ratsinfo.parsers.allris_html import page_type
        from ratsinfo.parsers.textutil import decode_html

        html, _ = decode_html(data)
        ptype = page_type(html)
        if ptype == "vo020":
            from ratsinfo.parsers.allris_html import allris_version

            return f"allris{allris_version(html)}_vo020", "text/html"
        if ptype:
            return "allris_page", "text/html"
        return "html", "text/html"
    from ratsinfo.parsers.allris_text import looks_like_allris_text
    from ratsinfo.parsers.textutil import decode_text

    text, _ = decode_text(data[:20000])
    if looks_like_allris_text(text):
        return "allris_text_paper", "text/plain"
    return "text", "text/plain"


def _json_kind(data: bytes) -> str | None:
    try:
        obj = json.loads(data.decode("utf-8", errors="replace"), strict=False)
    except ValueError:
        # broken JSON from a real OParl server is still OParl: keep it for the OParl parser
        return "oparl_json" if b"schema.oparl.org" in data[:65536] else None
    sample = obj[0] if isinstance(obj, list) and obj else obj
    if isinstance(sample, dict):
        t = str(sample.get("type", ""))
        if "oparl" in t.lower() or "oparlVersion" in sample or "schema.oparl.org" in json.dumps(sample)[:5000]:
            return "oparl_json"
    return "json"
