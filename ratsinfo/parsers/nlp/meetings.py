"""Dated and numbered meetings: "Am 7. Oktober 2019 fand die 40. Sicherheitskonferenz statt",
"Die 41. Sicherheitskonferenz des KPR, welche am 25. November 2019 ... stattfand", and
headings that give a number its title ("41. Sicherheitskonferenz: Ordnung und Sauberkeit ...")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ratsinfo.parsers.nlp.context import Context
from ratsinfo.parsers.nlp.numbers import DATE_PATTERN, parse_date

DATE_RX = re.compile(DATE_PATTERN)
MEETING_KINDS = ("conference", "committee", "advisory_board", "council", "staff", "working_group")


@dataclass
class FoundMeeting:
    key: str  # organisation key
    number: int | None
    when: date | None
    title: str | None
    start: int
    end: int
    text: str


def find_meetings(ctx: Context) -> list[FoundMeeting]:
    text = ctx.text
    found: dict[tuple[str, int | None, date | None], FoundMeeting] = {}
    titles: dict[tuple[str, int], tuple[str, int, int]] = {}
    # headings "41. Sicherheitskonferenz: Title" (a line of its own)
    for m in ctx.mentions:
        line_start = text.rfind("\n", 0, m.start) + 1
        head = text[line_start:m.start]
        num = re.fullmatch(r"\s*(\d{1,3})\.\s*", head)
        if not num or m.kind not in MEETING_KINDS:
            continue
        line_end = text.find("\n", m.end)
        rest = text[m.end: line_end if line_end != -1 else len(text)]
        t = re.match(r"\s*(?:des\s+\S+\s*)?:\s*(\S.*?)\s*$", rest)
        if t:
            titles[(m.key, int(num.group(1)))] = (t.group(1), line_start, m.end + len(rest))
    for s, e in ctx.sentences():
        sent = text[s:e]
        if sent.rstrip().endswith("?"):
            continue
        dates = [(d.start() + s, d.end() + s, parse_date(d.group("date"))) for d in DATE_RX.finditer(sent)]
        for m in ctx.mentions_between(s, e):
            if m.kind not in MEETING_KINDS:
                continue
            before = text[max(s, m.start - 40):m.start]
            ordinal = re.search(r"(?<![\d.])(\d{1,3})\.\s*(?:(?:öffentliche|ordentliche|konstituierende)\s+)?"
                                r"(?:(?:Sitzung|Tagung)\s+(?:des|der)\s+)?$", before)
            session = re.search(r"\b(?:Sitzung|Tagung)\s+(?:des|der)\s*$", before)
            if not ordinal and not session:
                continue
            if ordinal and DATE_RX.search(text[max(s, m.start - 25):m.start]) and not session:
                # "am 7. Oktober 2019 die Sicherheitskonferenz": the number belongs to the date
                if re.search(r"\d{4}\s*$", text[max(s, m.start - 25):m.start - len(ordinal.group(0))]):
                    pass
            number = int(ordinal.group(1)) if ordinal else None
            if number is not None and dates:
                # "7." of "7. Oktober 2019" is a day, not a meeting number
                if any(ds <= m.start - len(ordinal.group(0)) + 1 < de_ for ds, de_, _ in dates):
                    number = None
            when = min(dates, key=lambda d: abs(d[0] - m.start))[2] if dates else None
            if number is None and when is None:
                continue
            if (number is not None and number > 300) or (when is None and not ordinal):
                continue
            title = titles.get((m.key, number))[0] if number is not None and (m.key, number) in titles else None
            key = (m.key, number, when)
            if key not in found:
                found[key] = FoundMeeting(m.key, number, when, title, s, e, sent.strip())
    # a numbered heading with no dated sentence is still a meeting
    for (okey, number), (title, a, b) in titles.items():
        if not any(f.key == okey and f.number == number for f in found.values()):
            found[(okey, number, None)] = FoundMeeting(okey, number, None, title, a, b, text[a:b].strip())
    # merge undated numbered entries into dated ones of the same number
    out = []
    for f in found.values():
        if f.when is None and f.number is not None and any(
                g.key == f.key and g.number == f.number and g.when for g in found.values()):
            continue
        out.append(f)
    return sorted(out, key=lambda f: (f.when or date.max, f.number or 0))
