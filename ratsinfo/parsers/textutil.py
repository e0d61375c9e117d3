"""Decoding and clean-up shared by the parsers: bytes to German text that reads right."""

from __future__ import annotations

import re
import unicodedata

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_\-]+)""", re.I)

# Browsers read a declared ISO-8859-1 as windows-1252; so do we (same bytes for letters).
_ALIASES = {"iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "us-ascii": "cp1252",
            "iso-8859-15": "iso8859_15", "utf8": "utf-8"}


def _codec(label: str) -> str:
    return _ALIASES.get(label.lower(), label.lower())


def decode_html(data: bytes, header_charset: str | None = None) -> tuple[str, str]:
    """Decode an HTML page: BOM, then HTTP header, then <meta>/<?xml?>, then UTF-8, then cp1252.

    Returns (text, encoding label as declared or detected).
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8"
    head = data[:4096]
    candidates = []
    if header_charset:
        candidates.append(header_charset)
    for rx in (_META_CHARSET, _XML_ENCODING):
        m = rx.search(head)
        if m:
            candidates.append(m.group(1).decode("ascii"))
    for label in candidates:
        try:
            return data.decode(_codec(label)), label.lower()
        except (LookupError, UnicodeDecodeError):
            continue
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "cp1252"


def ascii_lower(text: str) -> bytes:
    """The text as UTF-8 with ASCII letters lowered, for substring tests with ASCII needles: ten times cheaper
    than ``str.lower()`` on a page with umlauts, which lowers character by character."""
    return text.encode("utf-8", "surrogatepass").lower()


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode a text export: UTF-8 (with or without BOM), UTF-16 with BOM, else cp1252."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "cp1252"


def looks_binary(data: bytes, sample: int = 8192) -> bool:
    """True when bytes are not text in any encoding we read (NULs or many control bytes)."""
    chunk = data[:sample]
    if not chunk:
        return False
    if chunk.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    if b"\x00" in chunk:
        return True
    controls = sum(1 for b in chunk if b < 32 and b not in (9, 10, 12, 13))
    return controls / len(chunk) > 0.02


# Bullet glyphs of Word/PDF exports: Symbol-font private use, cid codes, odd dashes.
_BULLETS = re.compile(
    r"[\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf0a8\u25aa\u25cf\u25e6\u2023\u2043\u2219]|\(cid:127\)|\(cid:183\)")
_PAGE_FOOTER = re.compile(
    r"^\s*(?:-\s*)?(?:Seite|Blatt)\s+\d+\s*(?:von|/)\s*\d+\s*(?:-\s*)?$|^\s*-\s*\d+\s*-\s*$", re.I | re.M)
_HYPHEN_BREAK = re.compile(r"(\w[a-zäöüß])-\n[ \t]*(?!(?:und|oder|bzw|sowie)\b)([a-zäöüß])")


def clean_extracted_text(text: str) -> str:
    """Tidy text that came out of a PDF or a copy: bullets, footers, hyphenation, spaces.

    Umlauts are kept (NFC); only line-break hyphenation before a lower-case letter is
    joined ("Präven-\\ntion"), so "Sozial- und" and "KPR-\\nrelevant" compounds survive.
    """
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.replace("\u00ad", "").replace("\xa0", " ").replace("\u200b", "")
    # pdfium marks a hyphen at a line end with U+FFFE (sometimes U+0002) and joins the lines
    text = re.sub("[\ufffe\x02]\\s*(?=[a-zäöüß])", "", text)
    text = text.replace("\ufffe", "-").replace("\x02", "-")
    text = _BULLETS.sub("•", text)
    text = _PAGE_FOOTER.sub("", text)
    text = _HYPHEN_BREAK.sub(r"\1\2", text)
    text = re.sub(r"[ \t]+\n", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


def squash(text: str) -> str:
    """One line, single spaces: for labels and short values."""
    return re.sub(r"\s+", " ", text.replace("\xa0", " ")).strip()


_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_CP1252_UNDEFINED = re.compile(rb"[\x81\x8d\x8f\x90\x9d]")


def decoding_note(data: bytes, encoding: str) -> str | None:
    """What a reader of the text should know about its decoding, for the document's parse_error:
    UTF-8 sequences inside a file read as cp1252 (mixed encodings: those letters read wrong),
    bytes no encoding defines (replaced by U+FFFD). The raw bytes are kept in the raw store."""
    notes = []
    if encoding.lower() in ("cp1252", "windows-1252"):
        utf8 = len(_UTF8_SEQUENCE.findall(data))
        if utf8:
            notes.append(f"mixed encodings: {utf8} UTF-8 sequences in a file read as cp1252 (they read wrong)")
        undefined = len(_CP1252_UNDEFINED.findall(data))
        if undefined:
            notes.append(f"{undefined} bytes that cp1252 does not define, replaced by U+FFFD")
    elif encoding.lower() in ("utf-8", "utf8", "utf-16"):
        try:
            data.decode("utf-16" if encoding.lower() == "utf-16" else "utf-8-sig")
        except UnicodeDecodeError:
            notes.append(f"bytes that are not {encoding}, replaced by U+FFFD")
    if not notes:
        return None
    return "; ".join(notes) + "; the raw bytes are kept unchanged"
