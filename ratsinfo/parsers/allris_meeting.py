"""ALLRIS meeting page (to010): the meeting and its agenda, with links to items and papers."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from ratsinfo.model import AgendaItem, File, Meeting, org_key
from ratsinfo.parsers.allris_common import absolute, has_class, labels, link_id, page_tree, scope_of, text, title_of
from ratsinfo.parsers.structure import parse_date_de


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
    tree = page_tree(html, url)
    scope = scope_of(tree, scope)
    mid = link_id(url, "SILFDNR") or "?"
    lab = labels(tree)
    name = text(lab.get("Bezeichnung")) or title_of(tree).replace("Tagesordnung - ", "")
    body = text(lab.get("Gremium")) or None
    day = text(lab.get("Datum"))
    time = text(lab.get("Zeit"))
    room = text(lab.get("Raum")) or None
    status = text(lab.get("Status"))
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
        a = next(lab["Gremium"].iter("a"), None)
        if a is not None and a.get("href"):
            page.committee_urls.append(absolute(url, a.get("href")))
    for pos, row in enumerate(tree.xpath(f"//table[{has_class('tl1')}]//tr")):
        first = next((td for td in row if td.tag == "td" and "text4" in (td.get("class") or "")), None)
        if first is None:
            continue
        number = text(first)
        if not re.match(r"^[ÖN]\s*\d", number):
            continue
        cells = [c for c in row if c.tag == "td"]
        anchors = list(row.iter("a"))
        title_link = next((a for a in anchors if "to020" in (a.get("href") or "").lower()), None)
        first_a = next(first.iter("a"), None)
        item_id = (link_id(title_link.get("href"), "TOLFDNR") if title_link is not None else None) or \
            (link_id(first_a.get("href") or "", "TOLFDNR") if first_a is not None else None)
        if title_link is not None:
            title = text(title_link)
        else:
            texts = [text(c) for c in cells[1:]]
            title = next((t for t in texts if t and not re.fullmatch(r"[\d\-./A-Z]+", t)), "")
        result_btn = next((i for i in row.iter("input") if i.get("value") == "PA"), None)
        result = result_btn.get("title") if result_btn is not None else None
        if result in ("(offen)", ""):
            result = None
        paper_link = next((a for a in anchors if "vo020" in (a.get("href") or "").lower()), None)
        paper_ref = text(paper_link) if paper_link is not None else None
        from ratsinfo.model import paper_key

        item = AgendaItem(key=f"allris:{scope}:item:{item_id or f'{mid}-{pos}'}", meeting_key=mkey,
                          number=number.replace("\xa0", " "), name=title, public=number.startswith("Ö"),
                          result=result, paper_key=paper_key(scope, paper_ref) if paper_ref else None,
                          source_url=url)
        item.position = len(page.items)
        page.items.append(item)
        if title_link is not None:
            page.item_urls.append(absolute(url, title_link.get("href")))
        if paper_link is not None:
            page.paper_urls.append(absolute(url, paper_link.get("href")))
    for form in tree.iter("form"):
        if "do027" not in (form.get("action") or "").lower():
            continue
        inputs = list(form.iter("input"))
        dol = next((i for i in inputs if i.get("name") == "DOLFDNR"), None)
        sub = next((i for i in inputs if i.get("type") == "submit"), None)
        if dol is not None:
            name_ = (sub.get("value") if sub is not None else None) or "Dokument"
            ident = dol.get("value")
            page.files.append(File(key=f"allris:{scope}:file:{ident}", name=name_, meeting_key=mkey,
                                   access_url=absolute(url, f"do027.asp?DOLFDNR={ident}"), source_url=url))
    return page
