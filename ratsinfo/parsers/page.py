"""Saved ALLRIS pages of every type, and folders of OParl JSON objects, as typed records.

:func:`read_page` reads one saved page (any program, any layout) into :class:`PageRecords` or raises
ParseError with the reason it cannot; :func:`read_oparl_files` maps OParl JSON objects as the OParl ingest
does. Both are pure: the files pipeline stores what they return.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ratsinfo.errors import ParseError
from ratsinfo.model import (
    AgendaItem,
    Consultation,
    File,
    Meeting,
    Membership,
    Organization,
    Paper,
    PaperRelation,
    Person,
    Records,
)
from ratsinfo.parsers.allris_common import page_tree
from ratsinfo.parsers.detect import PageInfo, allris_page_info
from ratsinfo.parsers.textutil import decode_html

# Programs that only list or navigate: they hold no record of their own, their links are followed by a crawl.
LIST_PROGRAMS = {"vo040", "fr010", "au010", "gr010", "pa010", "kp040", "si018", "to035", "vo010", "at010"}


@dataclass
class PageRecords:
    """What one ALLRIS page holds, as records of ratsinfo.model."""

    program: str
    layout: str
    encoding: str | None = None
    papers: list[Paper] = field(default_factory=list)
    relations: list[PaperRelation] = field(default_factory=list)
    consultations: list[Consultation] = field(default_factory=list)
    files: list[File] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    agenda_items: list[AgendaItem] = field(default_factory=list)
    organizations: list[Organization] = field(default_factory=list)
    persons: list[Person] = field(default_factory=list)
    memberships: list[Membership] = field(default_factory=list)
    links: list[str] = field(default_factory=list)  # records the page points at (meetings, items, papers, bodies)
    paper_result: Records | None = None  # a vo020 page: the full result, with questions, answers and text
    text: str | None = None

    @property
    def count(self) -> int:
        return sum(len(getattr(self, a)) for a in ("papers", "consultations", "files", "meetings", "agenda_items",
                                                    "organizations", "persons", "memberships"))

    def to_parse_result(self) -> Records:
        """The page's records as one record set."""
        if self.paper_result is not None:
            return self.paper_result
        return Records(papers=list(self.papers), relations=list(self.relations),
                           consultations=list(self.consultations), organizations=list(self.organizations),
                           files=list(self.files), meetings=list(self.meetings), persons=list(self.persons),
                           agenda_items=list(self.agenda_items), memberships=list(self.memberships),
                           text=self.text)


def read_page(data: bytes, url_or_path: str, scope: str = "local", document_key: str | None = None,
              info: PageInfo | None = None) -> PageRecords:
    """Read one saved ALLRIS page of any type and layout; ParseError (with the reason) when it cannot.

    ``url_or_path``: the page's address, or the saved file's path or ``file://`` URI; links on the page are
    resolved against it. ``scope``: the council the records belong to ("local": the one the page names).
    """
    html, enc = decode_html(data)
    url = _as_url(url_or_path)
    info = info or allris_page_info(html, url)
    if info is None:
        raise ParseError("not an ALLRIS page: no ALLRIS page structure (classic, responsive, ALLRIS 4 or embedded)")
    tree = page_tree(html, url)
    out = PageRecords(info.program, info.layout, enc)
    prog = info.program
    if prog == "vo020":
        from ratsinfo.parsers.allris_html import paper_records, read_vo020

        reading = read_vo020(html, url, info.layout, tree)
        result = paper_records(reading, url, document_key or url, scope)
        out.paper_result = result
        out.papers, out.relations, out.consultations, out.files = (result.papers, result.relations,
                                                                   result.consultations, result.files)
        out.text = result.text
        out.links = [c["meeting_url"] for c in reading.consultations if c.get("meeting_url")]
    elif prog == "to010":
        from ratsinfo.parsers.allris_meeting import parse_to010

        mp = parse_to010(html, url, scope, tree)
        out.meetings, out.agenda_items, out.files = [mp.meeting], mp.items, mp.files
        out.links = mp.item_urls + mp.paper_urls + mp.committee_urls
    elif prog == "to020":
        from ratsinfo.parsers.allris_agenda_item import read_to020

        ip = read_to020(html, url, scope, tree)
        out.agenda_items, out.links = [ip.item], ip.urls
    elif prog == "si010":
        from ratsinfo.model import org_key
        from ratsinfo.parsers.allris_calendar import parse_calendar
        from ratsinfo.parsers.allris_common import scope_of, start_of

        sc = scope_of(tree, scope)
        for e in parse_calendar(html, url, tree=tree):
            begin = (e.time or "").split(" - ")[0] or None
            out.meetings.append(Meeting(key=f"allris:{sc}:meeting:{e.meeting_id}", name=e.name,
                                        organization_key=org_key(sc, e.body) if e.body else None,
                                        start=start_of(e.day, begin), location=e.room, source_url=e.url,
                                        method="record"))
            out.links.append(e.url)
        if not out.meetings and "keine" not in html.casefold():
            raise ParseError("calendar page without meetings and without saying so: cut off or not a calendar")
    elif prog in ("au020", "gr020", "fr020", "pa020"):
        from ratsinfo.parsers.allris_roster import parse_roster

        r = parse_roster(html, url, scope, "faction" if prog == "fr020" else ("council" if prog == "pa020"
                                                                             else None), tree)
        out.organizations, out.persons, out.memberships = [r.organization], r.persons, r.memberships
    elif prog in ("kp020", "kp041"):
        from ratsinfo.parsers.allris_person import parse_person

        pp = parse_person(html, url, scope, tree)
        out.persons, out.organizations, out.memberships = [pp.person], pp.organizations, pp.memberships
    elif prog in LIST_PROGRAMS:
        from ratsinfo.parsers.allris_lists import records_listed

        for listed in records_listed(tree, url, ("vo020", "fr020", "au020", "gr020", "pa020", "kp020",
                                                 "to010")).values():
            out.links += [u for u, _ in listed]
        if not out.links:
            raise ParseError(f"ALLRIS list page ({prog}) that lists nothing: empty, cut off or not public")
    else:
        raise ParseError(f"ALLRIS page of program {prog!r} holds no records this parser reads")
    if document_key:
        for attr in ("papers", "relations", "consultations", "files", "meetings", "agenda_items", "organizations",
                     "persons"):
            for rec in getattr(out, attr):
                if hasattr(rec, "document_key") and rec.document_key is None:
                    rec.document_key = document_key
    return out


def _as_url(url_or_path: str) -> str:
    if "://" in url_or_path:
        return url_or_path
    p = Path(url_or_path)
    try:
        return p.resolve().as_uri()
    except (OSError, ValueError):
        return url_or_path


# --- OParl JSON objects ---------------------------------------------------------------------------------------------


def read_oparl_files(items: Iterable[tuple[bytes, str]]):  # noqa: ANN201 - returns ratsinfo.parsers.oparl.Records
    """Map OParl JSON files (each one object, a list of objects, or a list page) as the OParl ingest would.

    ``items``: (bytes, origin) pairs. Returns (Records, failures) where failures are (origin, reason) for
    files that are not OParl or not readable; nothing is dropped silently.
    """
    from ratsinfo.parsers.oparl import Records, decode, key, map_object, object_type, page_of

    mapped = Records()
    failures: list[tuple[str, str]] = []
    body_of: dict[str, str] = {}
    decoded = []
    for data, origin in items:
        try:
            value = decode(data).value
        except ParseError as exc:
            failures.append((origin, str(exc)))
            continue
        try:
            objs = page_of(value).objects
        except ParseError as exc:
            failures.append((origin, f"JSON holds no OParl object ({exc})"))
            continue
        objs = [o for o in objs if object_type(o) or o.get("deleted") is True]
        if not objs:
            failures.append((origin, "JSON holds no OParl object (no 'type' naming an OParl schema)"))
            continue
        for o in objs:
            if object_type(o) == "Body":
                body_of[o["id"]] = key("body", o["id"])
        decoded.append(objs)
    for objs in decoded:
        for o in objs:
            body = o.get("body") if isinstance(o.get("body"), str) else None
            map_object(o, body_of.get(body) or (key("body", body) if body else None), mapped)
    return mapped, failures


def read_oparl_folder(folder: str | Path):  # noqa: ANN201
    """Every ``*.json`` file under ``folder`` (recursively, in a stable order) through :func:`read_oparl_files`."""
    paths = sorted(p for p in Path(folder).rglob("*") if p.is_file() and p.suffix.lower() in (".json", ".jsonld"))
    return read_oparl_files((p.read_bytes(), str(p)) for p in paths)
