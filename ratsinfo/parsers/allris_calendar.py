"""ALLRIS calendar pages (si010, si010_e, si010_a, si010_j, si010_r): the meetings of a month."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ratsinfo.parsers.allris_common import absolute, link_id, page_tree, text

_TO010 = re.compile(r"to010(?:\.asp)?\?[^\"']*SILFDNR=\d+", re.I)
_TIME = re.compile(r"\d{1,2}:\d{2}(?:\s*-\s*\d{1,2}:\d{2})?")


@dataclass
class CalendarEntry:
    meeting_id: str
    url: str
    name: str
    day: date | None
    time: str | None


def parse_calendar(html: str, url: str, year: int, month: int) -> list[CalendarEntry]:
    tree = page_tree(html, url)
    out: dict[str, CalendarEntry] = {}
    day: date | None = None
    for row in tree.iter("tr"):
        cells = [text(td) for td in row if td.tag == "td"]
        for c in cells[:3]:
            if re.fullmatch(r"\d{1,2}", c):
                try:
                    day = date(year, month, int(c))  # later rows of the same day leave the cell empty
                except ValueError:
                    day = None
        a = next((x for x in row.iter("a") if _TO010.search(x.get("href") or "")), None)
        if a is None:
            continue
        mid = link_id(a.get("href"), "SILFDNR")
        if not mid or mid in out:
            continue
        time = next((c for c in cells if _TIME.fullmatch(c)), None)
        out[mid] = CalendarEntry(mid, absolute(url, f"to010.asp?SILFDNR={mid}" if ".asp" in url else
                                               f"to010?SILFDNR={mid}"), text(a), day, time)
    return list(out.values())
