"""ALLRIS agenda item page (to020): the item, its meeting, body, date, result and the paper it treats."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml.etree import _Element as Element

from ratsinfo.errors import ParseError
from ratsinfo.model import AgendaItem, paper_key
from ratsinfo.parsers.allris_common import (
    canonical,
    find_label,
    label_pairs,
    lines,
    link_id,
    page_tree,
    program_of,
    scope_of,
    text,
    title_of,
)


@dataclass
class ItemPage:
    item: AgendaItem
    urls: list[str] = field(default_factory=list)  # its meeting and its paper
    meeting: str | None = None
    body: str | None = None
    date: str | None = None
    paper: str | None = None


def read_to020(html: str, url: str, scope: str = "local", tree: Element | None = None) -> ItemPage:
    tree = tree if tree is not None else page_tree(html, url)
    scope = scope_of(tree, scope)
    tid = link_id(url, "TOLFDNR") or "?"
    pairs = label_pairs(tree)
    meeting_link = next((a for a in tree.iter("a") if program_of(a.get("href")) == "to010"
                         and link_id(a.get("href"), "SILFDNR")), None)
    mid = link_id(meeting_link.get("href"), "SILFDNR") if meeting_link is not None else None
    paper_link = next((a for a in tree.iter("a") if program_of(a.get("href")) == "vo020"), None)
    ref = None
    if paper_link is not None:
        words = text(paper_link)
        ref = words.split(" ", 1)[0] if words and not re.match(r"^[A-Za-z]{1,6}\.?\s+\S*\d", words) else words
    number = text(find_label(pairs, "TOP", "TOP-Nr", "Nummer", "Nr")).replace("\xa0", " ") or None
    result = text(find_label(pairs, "Beschlussart", "Beschluss", "Ergebnis", "Abstimmungsergebnis")) or None
    title = lines(find_label(pairs, "Betreff", "Titel")) or re.sub(r"^(?:Auszug|Tagesordnungspunkt|TOP)\s*-\s*", "",
                                                                    title_of(tree))
    if not title and not number:
        raise ParseError("no agenda item on the page: not a to020 page or cut off")
    status = text(find_label(pairs, "Status"))
    public = bool(number and number.startswith("Ö")) if number else (
        None if not status else not re.search(r"nicht\s*-?\s*öffentlich", status) or "/" in status)
    item = AgendaItem(key=f"allris:{scope}:item:{tid}", meeting_key=f"allris:{scope}:meeting:{mid}" if mid else "",
                      number=number, name=title, public=public,
                      result=None if result in (None, "", "(offen)") else result,
                      paper_key=paper_key(scope, ref) if ref else None, source_url=url)
    urls = [canonical(url, x.get("href")) for x in (meeting_link, paper_link) if x is not None]
    return ItemPage(item, urls, text(meeting_link) or None if meeting_link is not None else None,
                    text(find_label(pairs, "Gremium")) or None, text(find_label(pairs, "Datum")) or None, ref)


def parse_to020(html: str, url: str, scope: str = "local") -> tuple[AgendaItem, list[str]]:
    """The agenda item and the URLs of its meeting and paper."""
    page = read_to020(html, url, scope)
    return page.item, page.urls
