"""ALLRIS committee (au020, gr020), council (pa020) and faction (fr020) pages: the body and its members."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml.etree import _Element as Element

from ratsinfo.errors import ParseError
from ratsinfo.model import Membership, Organization, Person, org_key
from ratsinfo.parsers.allris_common import (
    link_id,
    page_tree,
    parse_date,
    program_of,
    scope_of,
    text,
    title_of,
)
from ratsinfo.parsers.nlp.org_heads import _match_head


@dataclass
class Roster:
    organization: Organization
    persons: list[Person] = field(default_factory=list)
    memberships: list[Membership] = field(default_factory=list)


def person_name(raw: str) -> str:
    """'Eickmann, Torben' -> 'Torben Eickmann'; titles stay in front ('Dr. Anna Beispiel')."""
    raw = re.sub(r"\s+", " ", raw).strip()
    last, sep, first = raw.partition(", ")
    return f"{first} {last}".strip() if sep and first and "," not in first else raw


def parse_roster(html: str, url: str, scope: str = "local", kind: str | None = None,
                 tree: Element | None = None) -> Roster:
    tree = tree if tree is not None else page_tree(html, url)
    scope = scope_of(tree, scope)
    title = title_of(tree)
    name = re.sub(r"^(?:Gremium|Fraktion|Ausschuss|Mitglieder)\s*-\s*(?=\S)", "", title) \
        if re.match(r"^(?:Gremium|Mitglieder)\s*-", title) else title
    if not name:
        raise ParseError("no name on the page: not a committee or faction page")
    prog = program_of(url)
    if kind is None:
        hm = next((_match_head(w) for w in reversed(name.split()) if _match_head(w)), None)
        kind = "faction" if prog == "fr020" or name.startswith("Fraktion") else (hm[0].kind if hm else "committee")
    okey = org_key(scope, name)
    roster = Roster(Organization(key=okey, name=name, kind=kind, source_url=url))
    seen: set[str] = set()
    for a in tree.iter("a"):
        if program_of(a.get("href")) not in ("kp020", "kp041"):
            continue
        pid = link_id(a.get("href"), "KPLFDNR")
        row = next(a.iterancestors("tr"), None)
        if not pid or row is None or pid in seen:
            continue
        seen.add(pid)
        raw = text(a)
        role, dates = None, []
        if raw:
            cells = iter([td for td in row if td.tag == "td"])
            if any(raw in text(td) for td in cells):  # the cells after the name: role, then dates
                for c in filter(None, map(text, cells)):
                    d = parse_date(c)
                    if d is not None:
                        dates.append(d)
                    elif role is None:
                        role = c
        pkey = f"allris:{scope}:person:{pid}"
        roster.persons.append(Person(key=pkey, name=person_name(raw), source_url=url))
        roster.memberships.append(Membership(key=f"{okey}/member/{pid}", person_key=pkey, organization_key=okey,
                                             role=role, start_date=dates[0] if dates else None,
                                             end_date=dates[1] if len(dates) > 1 else None, source_url=url))
    return roster
