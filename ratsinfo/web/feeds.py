"""Atom feeds (a search, a body, a single paper) and an iCalendar feed of a body's meetings.

Feed entries have ids that do not change between requests (tag URIs over warehouse keys), so a
reader shows an entry once; times come from the run that first saw the record.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import quote

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from ratsinfo.web import data
from ratsinfo.web.templating import ENV, TYPES, de_date, link

ATOM = "application/atom+xml; charset=utf-8"
EPOCH = datetime(2000, 1, 1, tzinfo=UTC)
FEED_ENTRIES = 30  # a search feed's newest matches; a reader polling daily sees each new one


def _stamp(value: date | datetime | None) -> str:
    if value is None:
        return EPOCH.isoformat()
    if not isinstance(value, datetime):
        value = datetime(value.year, value.month, value.day)
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.isoformat(timespec="seconds")


def tag(key: str) -> str:
    """A stable entry id: the same record gives the same id on every request and every server."""
    return "tag:ratsinfo,2026:" + quote(key, safe="")


def atom(request: Request, title: str, self_path: str, alternate: str, entries: list[dict[str, Any]]) -> Response:
    base = str(request.base_url).rstrip("/")
    updated = max((e["updated"] for e in entries), default=_stamp(None))
    xml = ENV.get_template("feed.xml").render(title=title, id=tag(self_path), self_url=base + self_path,
                                              alternate=base + alternate, updated=updated, entries=entries,
                                              base=base)
    return Response(xml, media_type=ATOM)


def _query_args(request: Request) -> str:
    return ("?" + str(request.query_params)) if request.query_params else ""


def search_feed(request: Request) -> Response:
    p = request.query_params
    q = p.get("q", "").strip()
    if not q:
        raise HTTPException(400, "Ein Feed braucht einen Suchbegriff (q=…)")
    filters = {"council": p.get("rat"), "organization": p.get("gremium"), "paper_type": p.get("art"),
               "author": p.get("urheber"), "year": int(p["jahr"]) if p.get("jahr", "").isdigit() else None}
    store = request.app.state.warehouse
    stored = store.has_pages()
    with store.cursor() as con:
        hits = data.search(con, q, per_page=FEED_ENTRIES, stored=stored, newest=True, **filters)
    entries = []
    for h in hits.rows:
        href = link("/sitzung/", h["meeting_key"]) if h["meeting_key"] else (
            link("/vorlage/", h["paper_key"]) if h["paper_key"] else "/suche?" + str(request.query_params))
        entries.append({"id": tag(h["key"]), "title": f"{TYPES.get(h['type'], h['type'])} "
                        f"{h['reference'] or ''}: {h['title'] or ''}".strip(), "href": href,
                        "updated": _stamp(date(h["year"], 1, 1) if h["year"] else None), "summary": h["snippet"]})
    return atom(request, f"Suche: {q}", "/atom/suche" + _query_args(request), "/suche" + _query_args(request),
                entries)


EVENTS = {"consultation": "Neue Beratung", "answer": "Antwort eingegangen", "file": "Datei hinzugefügt"}


def paper_feed(request: Request) -> Response:
    key = request.path_params["key"]
    store = request.app.state.warehouse
    stored = store.has_pages()
    with store.cursor() as con:
        paper, events = data.paper_events(con, key, stored)
    entries = []
    for e in events:
        title = f"{EVENTS[e['event']]}: {e['what'] or ''}" + (f" ({e['detail']})" if e["detail"] else "")
        entries.append({"id": tag(e["key"]), "title": title, "href": link("/vorlage/", key),
                        "updated": _stamp(e["seen"] or e["date"]),
                        "summary": f"{paper['reference']}: {paper['name'] or ''}"})
    return atom(request, f"Vorlage {paper['reference']}", link("/atom/vorlage/", key), link("/vorlage/", key),
                entries)


def organization_feed(request: Request) -> Response:
    key = request.path_params["key"]
    store = request.app.state.warehouse
    stored = store.has_pages()
    with store.cursor() as con:
        org, papers, meetings = data.body_feed(con, key, stored)
    entries = [{"id": tag(f"{key}|{p['key']}"), "title": f"Beratung: {p['reference']} {p['name'] or ''}".strip(),
                "href": link("/vorlage/", p["key"]), "updated": _stamp(p["seen"] or p["date"]),
                "summary": " – ".join(x for x in (p["role"], p["result"]) if x)} for p in papers]
    entries += [{"id": tag(m["key"]), "title": f"Sitzung: {m['name'] or ''} am {de_date(m['start'])}",
                 "href": link("/sitzung/", m["key"]), "updated": _stamp(m["start"]),
                 "summary": m["location"] or ""} for m in meetings]
    entries.sort(key=lambda e: e["updated"], reverse=True)
    return atom(request, org["name"], link("/atom/gremium/", key), link("/gremium/", key), entries)


def _ical_text(value: str) -> str:
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r", "").replace("\n", "\\n")


def _fold(line: str) -> str:
    """RFC 5545 lines of at most 75 octets, continued with a leading space."""
    raw = line.encode("utf-8")
    if len(raw) <= 75:
        return line
    parts, cur = [], b""
    for ch in line:
        b = ch.encode("utf-8")
        if len(cur) + len(b) > (75 if not parts else 74):
            parts.append(cur.decode("utf-8"))
            cur = b""
        cur += b
    parts.append(cur.decode("utf-8"))
    return "\r\n ".join(parts)


def organization_calendar(request: Request) -> Response:
    key = request.path_params["key"]
    store = request.app.state.warehouse
    stored = store.has_pages()
    with store.cursor() as con:
        org, _papers, meetings = data.body_feed(con, key, stored, meetings=1000, papers=0)
    base = str(request.base_url).rstrip("/")
    now = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//ratsinfo//Sitzungen//DE", "CALSCALE:GREGORIAN",
             f"X-WR-CALNAME:{_ical_text(org['name'])}"]
    for m in meetings:
        if m["start"] is None:
            continue
        lines += ["BEGIN:VEVENT", f"UID:{_ical_text(tag(m['key']))}", f"DTSTAMP:{now}",
                  f"DTSTART:{m['start'].strftime('%Y%m%dT%H%M%S')}"]
        if m["end"]:
            lines.append(f"DTEND:{m['end'].strftime('%Y%m%dT%H%M%S')}")
        summary = f"{org['name']}: {m['name'] or 'Sitzung'}"
        lines.append("SUMMARY:" + _ical_text(summary))
        if m["location"]:
            lines.append(f"LOCATION:{_ical_text(m['location'])}")
        if m["cancelled"]:
            lines.append("STATUS:CANCELLED")
        lines += [f"URL:{base}{link('/sitzung/', m['key'])}", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    body = "\r\n".join(_fold(line) for line in lines) + "\r\n"
    return Response(body, media_type="text/calendar; charset=utf-8",
                    headers={"Content-Disposition": 'inline; filename="sitzungen.ics"'})
