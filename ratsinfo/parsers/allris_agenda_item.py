"""ALLRIS agenda item page (to020): the item, its result and the paper it treats."""

from __future__ import annotations

import re

from ratsinfo.model import AgendaItem, paper_key
from ratsinfo.parsers.allris_common import absolute, labels, link_id, page_soup, scope_of, title_of
from ratsinfo.parsers.textutil import squash


def parse_to020(html: str, url: str, scope: str = "local") -> tuple[AgendaItem, list[str]]:
    """The agenda item and the URLs of its meeting and paper."""
    soup = page_soup(html, url)
    scope = scope_of(soup, scope)
    tid = link_id(url, "TOLFDNR") or "?"
    lab = labels(soup)
    meeting_link = soup.find("a", href=re.compile(r"to010(?:\.asp)?\?SILFDNR=\d+", re.I))
    mid = link_id(meeting_link["href"], "SILFDNR") if meeting_link else None
    paper_link = soup.find("a", href=re.compile(r"vo020", re.I))
    ref = None
    if paper_link is not None:
        text = squash(paper_link.get_text(" "))
        ref = text.split(" ", 1)[0] if text else None
    number = squash(lab["TOP"].get_text(" ")) if "TOP" in lab else None
    result = squash(lab["Beschlussart"].get_text(" ")) if "Beschlussart" in lab else None
    title = title_of(soup)
    title = re.sub(r"^Auszug\s*-\s*", "", title)
    item = AgendaItem(key=f"allris:{scope}:item:{tid}", meeting_key=f"allris:{scope}:meeting:{mid}" if mid else "",
                      number=number, name=title, public=bool(number and number.startswith("Ö")),
                      result=None if result in (None, "", "(offen)") else result,
                      paper_key=paper_key(scope, ref) if ref else None, source_url=url)
    links = [absolute(url, x["href"]) for x in (meeting_link, paper_link) if x is not None]
    return item, links
