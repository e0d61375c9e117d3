"""What the parsers read from one saved ALLRIS page, as plain data: used by ``ratsinfo parse`` and by the
field-by-field tests against the truth files."""

from __future__ import annotations

from pathlib import Path

from ratsinfo.errors import ParseError
from ratsinfo.parsers.allris_common import page_tree, parse_date
from ratsinfo.parsers.detect import PROGRAMS, PageInfo, allris_page_info
from ratsinfo.parsers.textutil import decode_html


def _iso(value: str | None) -> str | None:
    d = parse_date(value)
    return d.isoformat() if d else None


def parse_file(path: str | Path, type: str | None = None, url: str | None = None) -> dict:  # noqa: A002
    """Read one saved page; ``type`` forces the page program (vo020, to010, ...), ``url`` the address its
    links resolve against (default: the file's own URI)."""
    p = Path(path)
    data = p.read_bytes()
    return parse_bytes(data, url or p.resolve().as_uri(), type)


def parse_bytes(data: bytes, url: str, type: str | None = None) -> dict:  # noqa: A002
    html, enc = decode_html(data)
    info = allris_page_info(html, url)
    if type:
        prog = type.lower().split("_")[0]
        if prog not in PROGRAMS:
            raise ParseError(f"unknown page type {type!r}: one of {', '.join(PROGRAMS)}")
        info = PageInfo(prog, info.layout if info else ("allris4" if "<dt" in html else "allris3"), type.lower())
    if info is None:
        raise ParseError("not an ALLRIS page: no ALLRIS page structure (classic, responsive, ALLRIS 4 or embedded)")
    tree = page_tree(html, url)
    out: dict = {"type": info.program, "layout": info.layout, "encoding": enc}
    prog = info.program
    if prog == "vo020":
        from ratsinfo.parsers.allris_html import read_vo020

        r = read_vo020(html, url, info.layout, tree)
        out.update(reference=r.reference, title=r.title, paper_type=r.paper_type, date=r.date, date_iso=r.date_iso,
                   status=r.status, under_direction_of=r.under_direction_of, submitter=r.submitter,
                   submitter_label=r.submitter_label, related_reference=r.related_reference, council=r.council,
                   other_fields=r.other_fields,
                   consultations=[{"body": c["body"], "role": c.get("role"), "status": c.get("status"),
                                   "date": c.get("date"), "date_iso": _iso(c.get("date")),
                                   "meeting": c.get("meeting"), "result": c.get("result") or ""}
                                  for c in r.consultations],
                   attachments={"documents": [n for n, _ in r.documents], "annexes": [n for n, _ in r.annexes],
                                "total": len(r.documents) + len(r.annexes)},
                   files=[u for _, u in r.documents + r.annexes],
                   stammbaum=[[s.reference, s.name, s.originator, s.paper_type] for s in r.stammbaum],
                   sections=sorted(r.sections))
    elif prog == "to010":
        from ratsinfo.parsers.allris_meeting import parse_to010

        mp = parse_to010(html, url, "local", tree)
        out.update(body=mp.body, meeting_name=mp.meeting.name, date=mp.date, date_iso=_iso(mp.date), time=mp.time,
                   room=mp.room, public=mp.meeting.public, agenda_items=len(mp.items),
                   items=[{"number": i.number, "title": i.name, "paper": ref, "public": i.public, "result": i.result}
                          for i, ref in zip(mp.items, mp.papers, strict=True)],
                   files=[f.name for f in mp.files], item_urls=mp.item_urls, paper_urls=mp.paper_urls)
    elif prog == "to020":
        from ratsinfo.parsers.allris_agenda_item import read_to020

        ip = read_to020(html, url, "local", tree)
        out.update(number=ip.item.number, title=ip.item.name, public=ip.item.public, result=ip.item.result,
                   meeting=ip.meeting, body=ip.body, date=ip.date, date_iso=_iso(ip.date), paper=ip.paper)
    elif prog == "si010":
        from ratsinfo.parsers.allris_calendar import parse_calendar

        out["meetings"] = [{"id": e.meeting_id, "name": e.name, "date_iso": e.day.isoformat() if e.day else None,
                            "time": e.time, "room": e.room, "url": e.url} for e in parse_calendar(html, url, tree=tree)]
    elif prog in ("au020", "gr020", "fr020", "pa020"):
        from ratsinfo.parsers.allris_roster import parse_roster

        r = parse_roster(html, url, "local", "faction" if prog == "fr020" else None, tree)
        out.update(name=r.organization.name, kind=r.organization.kind,
                   members=[{"name": p.name, "role": m.role} for p, m in zip(r.persons, r.memberships, strict=True)])
    elif prog in ("kp020", "kp041"):
        from ratsinfo.parsers.allris_person import parse_person

        pp = parse_person(html, url, "local", tree)
        out.update(name=pp.person.name, memberships=[{"organization": o.name, "role": m.role} for o, m in
                                                     zip(pp.organizations, pp.memberships, strict=True)])
    else:
        from ratsinfo.parsers.page import read_page

        out["links"] = read_page(data, url, info=info).links
    return out
