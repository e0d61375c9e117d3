"""Depth and size limits checked on the raw bytes, before any tree is built.

A JSON or HTML file nested 100,000 levels deep makes recursive parsers raise RecursionError
or spend minutes building a tree nobody can walk. These checks cost one pass of regular
expressions over the bytes and turn such inputs into a :class:`ParseError` with a reason.
"""

from __future__ import annotations

import json
import re
from itertools import accumulate
from typing import Any

from ratsinfo.errors import ParseError

MAX_JSON_DEPTH = 200  # OParl objects nest fewer than 10 levels
MAX_HTML_DEPTH = 400  # council pages nest fewer than 60 elements

_JSON_STRING = re.compile(rb'"(?:[^"\\]++|\\.)*+"', re.S)
_NOT_BRACKET = bytes(b for b in range(256) if b not in b"[]{}")
_TAG = re.compile(rb"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)(?:[^>\"']++|\"[^\"]*+\"|'[^']*+')*+>")
# Elements that never hold children, or whose end tag the parser supplies itself: not counted.
_UNCOUNTED = {
    b"area", b"base", b"br", b"col", b"embed", b"hr", b"img", b"input", b"link", b"meta", b"param", b"source",
    b"track", b"wbr", b"p", b"li", b"dt", b"dd", b"option", b"optgroup", b"tr", b"td", b"th", b"thead", b"tbody",
    b"tfoot", b"colgroup", b"caption", b"rb", b"rt", b"rp", b"html", b"head", b"body", b"basefont", b"frame",
    b"isindex", b"keygen",
}


def json_depth(data: bytes | str) -> int:
    """Deepest nesting of arrays and objects (brackets inside strings do not count)."""
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    brackets = _JSON_STRING.sub(b"", raw).translate(None, _NOT_BRACKET)
    if not brackets:
        return 0
    return max(0, max(accumulate(1 if b in b"[{" else -1 for b in brackets)))


def check_json_depth(data: bytes | str, limit: int = MAX_JSON_DEPTH) -> None:
    depth = json_depth(data)
    if depth > limit:
        raise ParseError(f"JSON nested {depth} levels deep (more than {limit}): refused as malformed or hostile")


def loads(data: bytes | str, limit: int = MAX_JSON_DEPTH) -> Any:
    """json.loads (lenient about control characters) behind the depth check; ParseError on anything bad."""
    check_json_depth(data, limit)
    text = data.decode("utf-8", errors="replace") if isinstance(data, bytes) else data
    try:
        return json.loads(text, strict=False)
    except RecursionError as exc:  # a limit set above what the interpreter allows
        raise ParseError("JSON nested too deeply to read") from exc
    except ValueError as exc:
        raise ParseError(f"invalid JSON ({exc})") from exc


def html_depth(data: bytes | str) -> int:
    """Approximate element depth: open tags minus end tags, leaving out void elements and
    elements whose end tag HTML lets the parser supply (an unclosed <p> is not a nesting)."""
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    depth = deepest = 0
    for m in _TAG.finditer(raw):
        name = m.group(2).lower()
        if name in _UNCOUNTED or m.group(0).endswith(b"/>"):
            continue
        if m.group(1):
            depth = max(0, depth - 1)
        else:
            depth += 1
            deepest = max(deepest, depth)
    return deepest


def check_html_depth(data: bytes | str, limit: int = MAX_HTML_DEPTH) -> None:
    """ParseError for markup nested deeper than ``limit``; call before handing a page to any HTML parser."""
    depth = html_depth(data)
    if depth > limit:
        raise ParseError(f"HTML nested {depth} elements deep (more than {limit}): refused as malformed or hostile")


def check_nesting(data: bytes) -> None:
    """The depth check that fits the content (JSON or markup); call before detect() and any parser.

    Cheap for ordinary documents: content that is neither JSON nor markup is not scanned.
    """
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head[:1] in (b"{", b"["):
        check_json_depth(data)
    elif b"<" in head:
        check_html_depth(data)
