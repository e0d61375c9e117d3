"""ALLRIS meeting page (to010): the meeting and its agenda, with links to items and papers.

Classic ALLRIS 3 lists the agenda in ``table.tl1`` (number in ``td.text4``, the title linking to ``to020``);
ALLRIS 4 and responsive ALLRIS 3 in ``table.dataTable`` with cells ``td.tonr``, ``td.tobetreff``,
``td.tovonr`` (the paper), where ALLRIS 4 links the number to ``#`` with the item id in ``id="link_…"``.
Rows without a number ("Öffentlicher Teil") are section headings, not items.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml.etree import _Element as Element

from ratsinfo.errors import ParseError
from ratsinfo.model import AgendaItem, File, Meeting, org_key, paper_key
from ratsinfo.parsers.allris_common import (
    absolute,
    canonical,
    classes,
    find_label,
    label_pairs,
    lines,
    link_id,
    one_line,
    page_tree,
    parse_date,
    program_of,
    scope_of,
    start_of,
    text,
    time_range,
    title_of,
    with_class,
)


@dataclass
class MeetingPage:
    meeting: Meeting
    items: list[AgendaItem] = field(default_factory=list)
    item_urls: list[str] = field(default_factory=list)
    paper_urls: list[str] = field(default_factory=list)
    committee_urls: list[str] = field(default_factory=list)
    files: list[File] = field(default_factory=list)
    scope: str = "local"
    body: str | None = None  # the body as the page names it
    date: str | None = None  # as shown
    time: str | None = None
    room: str | None = None
    papers: list[str | None] = field(default_factory=list)  # the paper reference of each item, in order
    _section: str = ""  # the last section heading ("Öffentlicher Teil", "Nichtöffentlicher Teil")


def parse_to010(html: str, url: str, scope: str = "local", tree: Element | None = None) -> MeetingPage:
    tree = tree if tree is not None else page_tree(html, url)
    scope = scope_of(tree, scope)
    mid = link_id(url, "SILFDNR") or _own_id(tree) or "?"
    pairs = label_pairs(tree)
    heading = re.sub(r"^Tagesordnung\s*-\s*", "", title_of(tree))
    head_body, _, head_date = heading.rpartition(" - ") if parse_date(heading) else ("", "", "")
    name = one_line(find_label(pairs, "Bezeichnung", "Betreff", "Sitzung")) or heading
    body_el = find_label(pairs, "Gremium", "Gremien", "Ausschuss")
    body = text(body_el) or head_body or None
    day = text(find_label(pairs, "Datum", "Sitzungsdatum", "Termin")) or head_date
    time = text(find_label(pairs, "Zeit", "Uhrzeit", "Beginn"))
    room = text(find_label(pairs, "Raum", "Sitzungsraum", "Ort", "Sitzungsort")) or None
    status = text(find_label(pairs, "Status", "Sitzungsstatus"))
    mkey = f"allris:{scope}:meeting:{mid}"
    begin, end_time = time_range(time or day)
    start = start_of(parse_date(day), begin)
    end = start.replace(hour=int(end_time[:2]), minute=int(end_time[3:])) if start and end_time else None
    public = None
    st = status.casefold().replace("öffentlich/nichtöffentlich", "gemischt")
    if _NOT_PUBLIC.search(st):
        public = False
    elif "öffentlich" in st:
        public = True
    cancelled = bool(re.search(r"abgesagt|fällt aus|entfällt", status + " " + name, re.I)) or None
    page = MeetingPage(Meeting(key=mkey, name=name or None, organization_key=org_key(scope, body) if body else None,
                               start=start, end=end, location=room, public=public, source_url=url, method="record",
                               cancelled=cancelled),
                       scope=scope, body=body, date=day or None, time=begin, room=room)
    if body_el is not None:
        a = next(body_el.iter("a"), None)
        if a is not None and program_of(a.get("href")) in ("au020", "gr020", "pa020", "au010", "gr010"):
            page.committee_urls.append(canonical(url, a.get("href")))
    rows = _agenda_rows(tree)
    for pos, row in enumerate(rows):
        _item(page, row, pos, url, scope, mkey, mid)
    _meeting_files(page, tree, url, scope, mkey)
    if not page.items and not (body or day):
        raise ParseError("no meeting data and no agenda on the page: not a to010 meeting page or cut off")
    return page


def _own_id(tree: Element) -> str | None:
    for form in tree.iter("form"):
        mid = link_id(form.get("action"), "SILFDNR")
        if mid and program_of(form.get("action")) == "to010":
            return mid
    for a in tree.iter("a"):
        href = a.get("href") or ""
        if program_of(href) in ("si019", "si018", "to010") and link_id(href, "SILFDNR"):
            return link_id(href, "SILFDNR")
    return None


def _agenda_rows(tree: Element) -> list[Element]:
    rows: list[Element] = []
    for td in with_class(tree, "td", "tonr"):  # ALLRIS 4, responsive
        tr = td.getparent()
        if tr is not None and tr.tag == "tr" and (not rows or rows[-1] is not tr):
            rows.append(tr)
    if rows:
        return rows
    seen: set[Element] = set()
    for table in with_class(tree, "table", "tl1"):  # classic: the rows with a number cell
        for tr in table.iter("tr"):
            if tr not in seen and any(td.tag == "td" and "text4" in classes(td) for td in tr):
                seen.add(tr)
                rows.append(tr)
    return rows


_NUMBER = re.compile(r"^(?:NÖ|[ÖN]|TOP)?\s*\.?\s*\d+[\w.]*$|^(?:NÖ|[ÖN])\s*\d", re.I)
_STRICT = re.compile(r"^(?:NÖ|[ÖN])\s*\d")
_RESULT_CLASSES = frozenset({"tobeschluss", "toergebnis", "beschluss"})
_LINK_ID = re.compile(r"link_(\d+)")
_CODE = re.compile(r"[\d\-./A-Z]+")
_SPACED_REF = re.compile(r"^[A-Za-z]{1,6}\.?\s+\S*\d")
_NOT_PUBLIC_NUMBER = re.compile(r"^(?:NÖ|N)\s*\d")
_NOT_PUBLIC = re.compile(r"nicht\s*-?\s*öffentlich")


def _item(page: MeetingPage, row: Element, pos: int, url: str, scope: str, mkey: str, mid: str) -> None:
    cells: list[Element] = []
    tonr = text4 = title_cell = res_cell = None  # the cells by class, found in one pass over the row
    for c in row:
        if c.tag != "td":
            continue
        cells.append(c)
        cls = c.get("class")
        if not cls:
            continue
        names = cls.split()
        if tonr is None and "tonr" in names:
            tonr = c
        elif text4 is None and "text4" in names:
            text4 = c
        if title_cell is None and "tobetreff" in names:
            title_cell = c
        if res_cell is None and not _RESULT_CLASSES.isdisjoint(names):
            res_cell = c
    number_cell = tonr if tonr is not None else text4
    if number_cell is None:
        return
    number = text(number_cell).replace("\xa0", " ")
    if not number:
        page._section = text(row).casefold() or page._section
        return
    strict = tonr is None
    if not (_STRICT.match(number) if strict else _NUMBER.match(number)):
        return
    item_link = paper_link = result_btn = None
    for a in row.iter("a", "input"):  # links and the result button, in one pass over the row
        if a.tag == "input":
            if result_btn is None and a.get("value") == "PA":
                result_btn = a
            continue
        prog = program_of(a.get("href"))
        if prog == "to020" and item_link is None:
            item_link = a
        elif prog == "vo020" and paper_link is None:
            paper_link = a
    num_a = next(number_cell.iter("a"), None)
    item_id = link_id(item_link.get("href"), "TOLFDNR") if item_link is not None else None
    if item_id is None and num_a is not None:
        item_id = link_id(num_a.get("href") or "", "TOLFDNR")
        if item_id is None:
            m = _LINK_ID.fullmatch(num_a.get("id") or "")
            item_id = m.group(1) if m else None
    if title_cell is not None:
        title = lines(title_cell)
    elif item_link is not None:
        title = lines(item_link)
    else:
        texts = [text(c) for c in cells if c is not number_cell]
        title = next((t for t in texts if t and not _CODE.fullmatch(t)), "")
    paper_ref = text(paper_link) if paper_link is not None else None
    if paper_ref and " " in paper_ref and not _SPACED_REF.match(paper_ref):
        paper_ref = paper_ref.split(" ", 1)[0]
    result = result_btn.get("title") if result_btn is not None else text(res_cell) or None
    if result in ("(offen)", ""):
        result = None
    item = AgendaItem(key=f"allris:{scope}:item:{item_id or f'{mid}-{pos}'}", meeting_key=mkey,
                      number=number, name=title.replace("\n", " ") if title_cell is None else title,
                      public=_public(number, page._section), result=result,
                      paper_key=paper_key(scope, paper_ref) if paper_ref else None, source_url=url)
    item.position = len(page.items)
    page.items.append(item)
    page.papers.append(paper_ref)
    if item_link is not None:
        page.item_urls.append(canonical(url, item_link.get("href")))
    elif item_id and num_a is not None and (num_a.get("id") or "").startswith("link_"):
        page.item_urls.append(canonical(url, f"to020?TOLFDNR={item_id}"))  # ALLRIS 4: the number opens the item
    if paper_link is not None:
        page.paper_urls.append(canonical(url, paper_link.get("href")))


def _public(number: str, section: str) -> bool | None:
    if _NOT_PUBLIC_NUMBER.match(number):
        return False
    if number.startswith("Ö"):
        return True
    if _NOT_PUBLIC.search(section):
        return False
    return True if "öffentlich" in section else None


def _meeting_files(page: MeetingPage, tree: Element, url: str, scope: str, mkey: str) -> None:
    seen: set[str] = set()
    for form in tree.iter("form"):
        if "do027" not in (form.get("action") or "").replace("D", "d").replace("O", "o"):
            continue
        inputs = list(form.iter("input"))
        dol = next((i for i in inputs if i.get("name") == "DOLFDNR"), None)
        sub = next((i for i in inputs if i.get("type") == "submit"), None)
        if dol is not None:
            name_ = (sub.get("value") if sub is not None else None) or "Dokument"
            ident = dol.get("value")
            access = absolute(url, f"do027.asp?DOLFDNR={ident}")
            seen.add(access)
            page.files.append(File(key=f"allris:{scope}:file:{ident}", name=name_, meeting_key=mkey,
                                   access_url=access, source_url=url))
    # ALLRIS 4 and responsive pages: the meeting's documents panel (Einladung, Bekanntmachung, Niederschrift)
    for a in (a for aside in with_class(tree, "aside", "documents") for a in aside.iter("a")):
        href = (a.get("href") or "").strip()
        if not href or href.startswith("#") or "doclink" not in classes(a):
            continue
        access = absolute(url, href)
        if access in seen:
            continue
        seen.add(access)
        m = re.search(r"doc(\d+)\.\w+$", href) or re.search(r"DOLFDNR=(\d+)", href, re.I)
        ident = m.group(1) if m else str(len(page.files))
        page.files.append(File(key=f"allris:{scope}:file:{ident}", name=text(a) or "Dokument", meeting_key=mkey,
                               access_url=access, source_url=url))
