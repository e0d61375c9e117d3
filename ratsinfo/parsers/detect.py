"""What kind of document is this? Decided by content; the file name only breaks ties.

ALLRIS pages are recognised by their structure, not by a word in the page head:

- ``allris3``: classic ALLRIS 3 (``*.asp``): ``div#allriscontainer`` with the program as its class,
  ``td.kb1`` label cells;
- ``allris3r``: responsive ALLRIS 3 (``*_r.asp``): ``<div id="allris" class="vo020 normal">``;
- ``allris4``: ALLRIS net 4: ``<div id="allris">`` without a program class, relative ``./vo020?…`` links,
  Wicket resources and forms (``./vo020?0-1.-head-searchform``);
- ``allris3e``: ALLRIS 3 inside a city's CMS page (``div.allriscontent``), with no "ALLRIS" in its head.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from ratsinfo.parsers.textutil import ascii_lower, looks_binary

KINDS = (
    "pdf", "allris3_vo020", "allris4_vo020", "allris_page", "html", "allris_text_paper",
    "text", "oparl_json", "json", "binary", "empty",
)
LAYOUTS = ("allris3", "allris3r", "allris4", "allris3e")
PROGRAMS = ("vo020", "to010", "to020", "si010", "au020", "gr020", "fr020", "pa020", "kp020", "kp041", "vo040",
            "fr010", "au010", "gr010", "pa010", "kp040", "si018", "to035", "vo010", "at010", "at020")


@dataclass(frozen=True, slots=True)
class PageInfo:
    program: str  # vo020, to010, to020, si010 (any calendar), au020, gr020, fr020, kp020, kp041, vo040, fr010, ...
    layout: str  # allris3, allris3r, allris4, allris3e
    variant: str = ""  # the calendar or list flavour as served: si010_e, si010_r, ...


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
        from ratsinfo.parsers.textutil import decode_html

        html, _ = decode_html(data)
        info = allris_page_info(html, name)
        if info is None:
            return "html", "text/html"
        if info.program == "vo020":
            return ("allris4_vo020" if info.layout == "allris4" else "allris3_vo020"), "text/html"
        return "allris_page", "text/html"
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
    if isinstance(sample, dict) and isinstance(sample.get("data"), list) and sample["data"]:
        sample = sample["data"][0]  # a list page
    if isinstance(sample, dict):
        t = str(sample.get("type", ""))
        if "oparl" in t.lower() or "oparlVersion" in sample or "schema.oparl.org" in json.dumps(sample)[:5000]:
            return "oparl_json"
    return "json"


# --- ALLRIS pages -----------------------------------------------------------------------------------------

_PROG = r"([a-z]{2}\d{3})(_[a-z])?"
_CONTAINER = re.compile(r"<div\b(?=[^>]*\bid=[\"']allriscontainer[\"'])[^>]*\bclass=[\"']\s*" + _PROG, re.I)
_ALLRIS_DIV = re.compile(r"<div\b(?=[^>]*\bid=[\"']allris[\"'])([^>]*)>", re.I)
_CLASS = re.compile(r"\bclass=[\"']\s*([^\"']*)[\"']", re.I)
_EMBEDDED = re.compile(r"\bclass=[\"'][^\"']*\ballriscontent\b", re.I)
_KB1 = re.compile(r"<td\b[^>]*\bclass=[\"']?kb1\b", re.I)
_ASP_LINK = re.compile(r"href=[\"'][^\"']*?\b" + _PROG + r"\.asp\b", re.I)
_NET_LINK = re.compile(r"href=[\"'](?:\./|/[\w/]*?/)?" + _PROG + r"\?[A-Z]", re.I)
_WICKET = re.compile(r"wicket[/.:-]|ALLRIS net Version 4", re.I)
_SEARCHFORM = re.compile(r"action=[\"']\./" + _PROG + r"\?[^\"']*searchform", re.I)
_PRINT = re.compile(r"href=[\"']\./" + _PROG + r"\?[^\"']*selfaction=print", re.I)
_URL_PROGRAM = re.compile(r"/" + _PROG + r"(?:\.asp)?(?:\?|$)", re.I)
# ids of ALLRIS 4 and responsive ALLRIS 3 value fields, by the page they belong to
_FIELD_IDS = (("vo020", re.compile(r"\bid=[\"'](?:vobetreff|voart|vofamt)[\"']")),
              ("to010", re.compile(r"\bid=[\"'](?:sibetreff|sigremium|sidatum)[\"']")),
              ("to020", re.compile(r"\bid=[\"'](?:tobetreff|tonr|tostatus)[\"']")),
              ("kp020", re.compile(r"\bid=[\"'](?:kpname|kpvorname)[\"']")))
_TITLES = {"vorlage": "vo020", "drucksache": "vo020", "sitzung": "to010", "tagesordnung": "to010",
           "tagesordnungspunkt": "to020", "top": "to020", "kalender": "si010", "sitzungskalender": "si010",
           "gremium": "gr020", "fraktion": "fr020", "person": "kp020", "vorlagen": "vo040", "fraktionen": "fr010",
           "mitgliedschaften": "kp041", "auszug": "to020"}


def allris_page_info(html: str, url: str = "") -> PageInfo | None:
    """Which ALLRIS program and layout a page is; None when it is not an ALLRIS page."""
    head = html[:200_000]
    low = ascii_lower(head)  # substring tests before regexes: case-insensitive scans of a whole page cost more
    embedded = b"allriscontent" in low and _EMBEDDED.search(head)
    if b"allriscontainer" in low:
        m = _CONTAINER.search(head)
        if m:
            return _info(m.group(1), "allris3e" if embedded else "allris3", m.group(2))
    wicket = (b"wicket" in low or b"allris net version 4" in low) and _WICKET.search(head)
    m = _ALLRIS_DIV.search(head)
    if m:
        cm = _CLASS.search(m.group(1))
        first = cm.group(1).split()[0] if cm and cm.group(1).split() else ""
        pm = re.fullmatch(_PROG, first, re.I)
        if pm:
            return _info(pm.group(1), "allris3r", pm.group(2) or "_r")
        if wicket or _NET_LINK.search(head) or _SEARCHFORM.search(head):
            prog = _net_program(head, url)
            return _info(prog, "allris4") if prog else None
        if _ASP_LINK.search(head):  # an ALLRIS 3 page in the responsive frame without a class yet
            prog = _content_program(head, url)
            return _info(prog, "allris3r", "_r") if prog else None
    if wicket and (_NET_LINK.search(head) or "/public/" in head):
        prog = _net_program(head, url)  # ALLRIS net 4 in a page frame of its own (no div#allris)
        if prog:
            return _info(prog, "allris4")
    if embedded or (b"kb1" in low and _KB1.search(head) and _ASP_LINK.search(head)):
        prog = _content_program(head, url)
        if prog:
            return _info(prog, "allris3e" if embedded else "allris3", _variant(url))
    return None


def _info(program: str, layout: str, suffix: str | None = None) -> PageInfo:
    program = program.lower()
    variant = program + (suffix or "").lower()
    return PageInfo(program, layout, variant)


def _variant(url: str) -> str:
    m = _URL_PROGRAM.search(url or "")
    return (m.group(1) + (m.group(2) or "")).lower() if m else ""


def _net_program(head: str, url: str) -> str | None:
    for rx in (_SEARCHFORM, _PRINT):
        m = rx.search(head)
        if m:
            return m.group(1).lower()
    return _content_program(head, url)


def _content_program(head: str, url: str) -> str | None:
    """The program from the page's own fields, its title, its address, or what it lists."""
    for prog, rx in _FIELD_IDS:
        if rx.search(head):
            return prog
    m = _URL_PROGRAM.search(url or "")
    if m and m.group(1).lower() in PROGRAMS:
        return m.group(1).lower()
    m = re.search(r"<title>\s*(?:ALLRIS\s*-\s*)?([A-Za-zäöüÄÖÜ]+)", head, re.I)
    if m and m.group(1).casefold() in _TITLES:
        return _TITLES[m.group(1).casefold()]
    # the bookmark and print links of a classic page point at the page itself
    m = re.search(r'<div id="risname"[^>]*>\s*<h1>\s*([A-Za-zäöüÄÖÜ]+)', head)
    if m and m.group(1).casefold() in _TITLES:
        return _TITLES[m.group(1).casefold()]
    labels = {x.casefold() for x in re.findall(r"class=[\"']?kb1[\"']?[^>]*>\s*([^<:]+):?\s*<", head)}
    if "betreff" in labels and labels & {"beratungsfolge", "federführend", "status", "vorlage-art",
                                         "drucksache-art"}:
        return "vo020"
    if labels & {"gremium", "sitzung"} and labels & {"datum", "zeit", "raum"}:
        return "to010" if "top" not in labels else "to020"
    counts = {p: len(re.findall(r"\b" + p + r"(?:_\w)?(?:\.asp)?\?", head, re.I))
              for p in ("to010", "vo020", "fr020", "kp020")}
    if counts["to010"] >= 2:
        return "si010"
    if counts["kp020"] >= 3:
        return "au020"
    if counts["vo020"] >= 3:
        return "vo040"
    if counts["fr020"] >= 2:
        return "fr010"
    return None
