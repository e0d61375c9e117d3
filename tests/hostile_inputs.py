"""Hostile inputs made on the spot: PDF bombs written as raw PDF bytes, deeply nested JSON and HTML.

Small on disk, huge once read: a page whose compressed content stream draws tens of millions of
characters, a content stream of compressed zeros. Used by the tests and bench/hostile.py.
"""

from __future__ import annotations

import zlib
from functools import lru_cache


def raw_pdf(streams: list[bytes]) -> bytes:
    """A valid PDF with one page per (already deflated) content stream, Helvetica as /F1."""
    n = len(streams)
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + b" ".join(f"{4 + 2 * i} 0 R".encode() for i in range(n)) +
        f"] /Count {n} >>".encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    for i, data in enumerate(streams):
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
                       f"/Contents {5 + 2 * i} 0 R >>".encode())
        objects.append(f"<< /Length {len(data)} /Filter /FlateDecode >>\nstream\n".encode() + data + b"\nendstream")
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def _deflate_repeated(piece: bytes, times: int, head: bytes = b"", tail: bytes = b"") -> bytes:
    z = zlib.compressobj(6)
    block = piece * max(1, (1 << 20) // len(piece))
    out = [z.compress(head)]
    left = times * len(piece)
    while left > 0:
        chunk = block[:left]
        out.append(z.compress(chunk))
        left -= len(chunk)
    out.append(z.compress(tail))
    out.append(z.flush())
    return b"".join(out)


@lru_cache(maxsize=4)
def text_bomb(chars: int = 30_000_000, pages: int = 1) -> bytes:
    """Every page shows ``chars`` letters in one text object: a few dozen KB per page on disk."""
    run = b"(" + b"A" * 98 + b") Tj "  # 98 letters a show operator; pdfium cuts one string at 32,767
    stream = _deflate_repeated(run, chars // 98, b"BT /F1 1 Tf 0 0 Td ", b"ET")
    return raw_pdf([stream] * pages)


@lru_cache(maxsize=4)
def zeros_bomb(megabytes: int = 1000) -> bytes:
    """One page whose content stream is ``megabytes`` of compressed zeros (about 1 MB per GB)."""
    return raw_pdf([_deflate_repeated(b"\0", megabytes << 20)])


def deep_json(levels: int = 100_000) -> bytes:
    return b'{"data": ' + b"[" * levels + b"]" * levels + b"}"


def deep_html(levels: int = 100_000) -> bytes:
    return b"<html><body>" + b"<div>" * levels + b"Text" + b"</div>" * levels + b"</body></html>"
