"""ALLRIS calendar pages (si010, si010_e, si010_a, si010_j, si010_r, ALLRIS 4 si010): the meetings of a month.

Classic pages put the day number in a cell of its own (later rows of the same day leave it empty);
responsive ALLRIS 3 and ALLRIS 4 pages put it in ``span.dom`` beside the weekday (``span.dow``), the time in
``td.time`` and the room in ``td.raum``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from lxml.etree import _Element as Element

from ratsinfo.parsers.allris_common import (
    canonical,
    classes,
    link_id,
    page_tree,
    parse_date,
    program_of,
    text,
    time_range,
)

_TIME = re.compile(r"\d{1,2}:\d{2}(?:\s*-\s*\d{1,2}:\d{2})?(?:\s*Uhr)?")
_DOM = re.compile(r"\d{1,2}")
_DAY = re.compile(r"\d{1,2}\.?")


@dataclass
class CalendarEntry:
    meeting_id: str
    url: str
    name: str
    day: date | None
    time: str | None
    room: str | None = None
    body: str | None = None


def calendar_month(html: str, url: str) -> tuple[int, int] | None:
    """The month a calendar page shows, from its address (MM, YY) or its own form fields."""
    mm, yy = link_id(url, "MM"), link_id(url, "YY")
    if mm and yy:
        return int(yy), int(mm)
    m = re.search(r"kaldatvon[^>]*value=[\"']\d{1,2}\.(\d{1,2})\.(\d{4})", html)
    if m:
        return int(m.group(2)), int(m.group(1))
    m = re.search(r"action=[\"']\./si010\?([^\"']*searchform[^\"']*)", html)
    if m:  # ALLRIS 4: the search form of the page carries its month
        mm, yy = re.search(r"\bMM=(\d{1,2})", m.group(1)), re.search(r"\bYY=(\d{4})", m.group(1))
        if mm and yy:
            return int(yy.group(1)), int(mm.group(1))
    return None


def parse_calendar(html: str, url: str, year: int | None = None, month: int | None = None,
                   tree: Element | None = None) -> list[CalendarEntry]:
    if year is None or month is None:
        ym = calendar_month(html, url)
        if ym:
            year, month = ym
    tree = tree if tree is not None else page_tree(html, url)
    out: dict[str, CalendarEntry] = {}
    day: date | None = None
    for row in tree.iter("tr"):
        if next(row.iterdescendants("table"), None) is not None:
            continue  # a layout row around the calendar table
        cells = [td for td in row if td.tag == "td"]
        found = _row_day(cells, [text(td) for td in cells[:3]], year, month)
        if found is not None:
            day = found  # later rows of the same day leave the day cell empty
        a = next((x for x in row.iter("a") if program_of(x.get("href")) == "to010" and
                  link_id(x.get("href"), "SILFDNR")), None)
        if a is None:
            continue
        mid = link_id(a.get("href"), "SILFDNR")
        if not mid or mid in out:
            continue
        time_cell = room_cell = body_cell = None
        for c in cells:
            names = classes(c)
            if time_cell is None and "time" in names:
                time_cell = c
            if room_cell is None and not names.isdisjoint(("raum", "room", "ort")):
                room_cell = c
            if body_cell is None and not names.isdisjoint(("gremium", "grname")):
                body_cell = c
        time = text(time_cell) if time_cell is not None else next(
            (t for t in map(text, cells) if _TIME.fullmatch(t)), None)
        begin, end = time_range(time)
        out[mid] = CalendarEntry(mid, canonical(url, a.get("href")), text(a), day,
                                 f"{begin} - {end}" if begin and end else begin,
                                 text(room_cell) or None if room_cell is not None else None,
                                 text(body_cell) or None if body_cell is not None else None)
    return list(out.values())


def _row_day(cells: list[Element], texts: list[str], year: int | None, month: int | None) -> date | None:
    for c in cells[:3]:
        dom = next((s for s in c.iterdescendants("span") if "dom" in classes(s)), None)
        if dom is not None and _DOM.fullmatch(text(dom)):
            return _day(year, month, int(text(dom)))
    for t in texts[:3]:
        if _DAY.fullmatch(t):
            return _day(year, month, int(t.rstrip(".")))
        d = parse_date(t) if len(t) <= 20 else None
        if d:
            return d
    return None


def _day(year: int | None, month: int | None, dom: int) -> date | None:
    if year is None or month is None:
        return None
    try:
        return date(year, month, dom)
    except ValueError:
        return None
