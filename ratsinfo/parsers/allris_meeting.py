"""ALLRIS meeting page (to010): the meeting and its agenda, with links to items and papers."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from ratsinfo.model import AgendaItem, File, Meeting, org_key
from ratsinfo.parsers.allris_common import absolute, labels, link_id, page_soup, scope_of, title_of
from ratsinfo.parsers.structure import parse_date_de
from ratsinfo.parsers.textutil import squash


@dataclass
class MeetingPage:
    meeting: Meeting
    items: list[AgendaItem] = field(default_factory=list)
    item_urls: list[str] = field(default_factory=list)
    paper_urls: list[str] = field(default_factory=list)
    committee_urls: list[str] = field(default_factory=list)
    files: list[File] = field(default_factory=list)
    scope: str = "local"


def _start(day: str, time: str) -> datetime | None:
    d = parse_date_de(day)
    if d is None:
        return None
    m = re.search(r"(\d{1,2}):(\d{2})", time or "")
    return datetime(d.year, d.month, d.day, int(m.group(1)), int(m.group(2))) if m else datetime(d.year, d.month,
                                                                                                  d.day)


def parse_to010(html: str, url: str, scope: str = "local") -> MeetingPage:
    soup = page_soup(html, url)
    scope = scope_of(soup, scope)
    mid = link_id(url, "SILFDNR") or "?"
    lab = labels(soup)
    name = squash(lab["Bezeichnung"].get_text(" ")) if "Bezeichnung" in lab else title_of(soup).replace(
        "Tagesordnung - ", "")
    body = squash(lab["Gremium"].get_text(" ")) if "Gremium" in lab else None
    day = squash(lab["Datum"].get_text(" ")) if "Datum" in lab else ""
    time = squash(lab["Zeit"].get_text(" ")) if "Zeit" in lab else ""
    room = squash(lab["Raum"].get_text(" ")) if "Raum" in lab else None
    status = squash(lab["Status"].get_text(" ")) if "Status" in lab else ""
    mkey = f"allris:{scope}:meeting:{mid}"
    start = _start(day, time)
    end = None
    m = re.search(r"-\s*(\d{1,2}):(\d{2})", time)
    if start and m:
        end = start.replace(hour=int(m.group(1)), minute=int(m.group(2)))
    page = MeetingPage(Meeting(key=mkey, name=name, organization_key=org_key(scope, body) if body else None,
                               start=start, end=end, location=room, public="öffentlich" in status and
                               "nicht" not in status.replace("öffentlich/nichtöffentlich", "öffentlich"),
                               source_url=url, method="record"), scope=scope)
    if "Gremium" in lab:
        a = lab["Gremium"].find("a", href=True)
        if a:
            page.committee_urls.append(absolute(url, a["href"]))
    for pos, row in enumerate(soup.select("table.tl1 tr")):
        first = row.find("td", class_="text4")
        if first is None:
            continue
        number = squash(first.get_text(" "))
        if not re.match(r"^[ÖN]\s*\d", number):
            continue
        cells = row.find_all("td", recursive=False)
        title_link = row.find("a", href=re.compile(r"to020", re.I))
        item_id = (link_id(title_link["href"], "TOLFDNR") if title_link else None) or \
            (link_id(first.find("a")["href"], "TOLFDNR") if first.find("a") else None)
        if title_link is not None:
            title = squash(title_link.get_text(" "))
        else:
            texts = [squash(c.get_text(" ")) for c in cells[1:]]
            title = next((t for t in texts if t and not re.fullmatch(r"[\d\-./A-Z]+", t)), "")
        result_btn = row.find("input", attrs={"value": "PA"})
        result = result_btn.get("title") if result_btn is not None else None
        if result in ("(offen)", ""):
            result = None
        paper_link = row.find("a", href=re.compile(r"vo020", re.I))
        paper_ref = squash(paper_link.get_text(" ")) if paper_link else None
        from ratsinfo.model import paper_key

        item = AgendaItem(key=f"allris:{scope}:item:{item_id or f'{mid}-{pos}'}", meeting_key=mkey,
                          number=number.replace("\xa0", " "), name=title, public=number.startswith("Ö"),
                          result=result, paper_key=paper_key(scope, paper_ref) if paper_ref else None,
                          source_url=url)
        item.position = len(page.items)
        page.items.append(item)
        if title_link is not None:
            page.item_urls.append(absolute(url, title_link["href"]))
        if paper_link is not None:
            page.paper_urls.append(absolute(url, paper_link["href"]))
    for form in soup.find_all("form", action=re.compile(r"do027", re.I)):
        dol = form.find("input", attrs={"name": "DOLFDNR"})
        sub = form.find("input", attrs={"type": "submit"})
        if dol is not None:
            name_ = (sub.get("value") if sub is not None else None) or "Dokument"
            page.files.append(File(key=f"allris:{scope}:file:{dol['value']}", name=name_, meeting_key=mkey,
                                   access_url=absolute(url, f"do027.asp?DOLFDNR={dol['value']}"), source_url=url))
    return page
