"""ALLRIS agenda item page (to020): the item, its result and the paper it treats."""

from __future__ import annotations

import re

from ratsinfo.model import AgendaItem, paper_key
from ratsinfo.parsers.allris_common import absolute, labels, link_id, links, page_tree, scope_of, text, title_of


def parse_to020(html: str, url: str, scope: str = "local") -> tuple[AgendaItem, list[str]]:
    """The agenda item and the URLs of its meeting and paper."""
    tree = page_tree(html, url)
    scope = scope_of(tree, scope)
    tid = link_id(url, "TOLFDNR") or "?"
    lab = labels(tree)
    meeting_link = next(iter(links(tree, r"to010(?:\.asp)?\?SILFDNR=\d+")), None)
    mid = link_id(meeting_link.get("href"), "SILFDNR") if meeting_link is not None else None
    paper_link = next(iter(links(tree, r"vo020")), None)
    ref = None
    if paper_link is not None:
        words = text(paper_link)
        ref = words.split(" ", 1)[0] if words else None
    number = text(lab.get("TOP")) or None
    result = text(lab.get("Beschlussart")) or None
    title = re.sub(r"^Auszug\s*-\s*", "", title_of(tree))
    item = AgendaItem(key=f"allris:{scope}:item:{tid}", meeting_key=f"allris:{scope}:meeting:{mid}" if mid else "",
                      number=number, name=title, public=bool(number and number.startswith("Ö")),
                      result=None if result in (None, "", "(offen)") else result,
                      paper_key=paper_key(scope, ref) if ref else None, source_url=url)
    urls = [absolute(url, x.get("href")) for x in (meeting_link, paper_link) if x is not None]
    return item, urls
