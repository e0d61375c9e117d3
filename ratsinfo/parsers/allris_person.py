"""ALLRIS person pages: kp020 (a person, with the bodies they sit in) and kp041 (a person's memberships)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml.etree import _Element as Element

from ratsinfo.errors import ParseError
from ratsinfo.model import Membership, Organization, Person, org_key
from ratsinfo.parsers.allris_common import (
    find_label,
    label_pairs,
    link_id,
    page_tree,
    parse_date,
    program_of,
    scope_of,
    text,
    title_of,
)
from ratsinfo.parsers.allris_roster import person_name

_ORG_PROGRAMS = {"au020": ("AULFDNR", "committee"), "gr020": ("GRLFDNR", None), "fr020": ("FRLFDNR", "faction"),
                 "pa020": ("PALFDNR", "council"), "at020": ("ATLFDNR", "department")}


@dataclass
class PersonPage:
    person: Person
    organizations: list[Organization] = field(default_factory=list)
    memberships: list[Membership] = field(default_factory=list)


def parse_person(html: str, url: str, scope: str = "local", tree: Element | None = None) -> PersonPage:
    tree = tree if tree is not None else page_tree(html, url)
    scope = scope_of(tree, scope)
    pid = link_id(url, "KPLFDNR") or "?"
    pairs = label_pairs(tree)
    raw = text(find_label(pairs, "Name", "Person"))
    first = text(find_label(pairs, "Vorname"))
    if raw and first:
        raw = f"{raw}, {first}"
    if not raw:
        raw = re.sub(r"^(?:Person|Mitgliedschaften|Mandatsträger\w*)\s*-\s*", "", title_of(tree))
    if not raw:
        raise ParseError("no name on the page: not a person page")
    pkey = f"allris:{scope}:person:{pid}"
    role = text(find_label(pairs, "Funktion", "Rolle")) or None
    page = PersonPage(Person(key=pkey, name=person_name(raw), role=role, source_url=url))
    seen: set[str] = set()
    for a in tree.iter("a"):
        prog = program_of(a.get("href"))
        if prog not in _ORG_PROGRAMS:
            continue
        param, kind = _ORG_PROGRAMS[prog]
        oid = link_id(a.get("href"), param)
        name = text(a)
        if not oid or not name or name in seen:
            continue
        seen.add(name)
        okey = org_key(scope, name)
        row = next(a.iterancestors("tr"), None)
        cells = [text(td) for td in row if td.tag == "td"] if row is not None else []
        after = [c for c in cells if c and c != name]
        mrole = next((c for c in after if not parse_date(c) and len(c) < 60), None)
        dates = [parse_date(c) for c in after if parse_date(c)]
        page.organizations.append(Organization(key=okey, name=name, kind=kind or ("faction" if name.startswith(
            "Fraktion") else "committee"), source_url=url))
        page.memberships.append(Membership(key=f"{okey}/member/{pid}", person_key=pkey, organization_key=okey,
                                           role=mrole, start_date=dates[0] if dates else None,
                                           end_date=dates[1] if len(dates) > 1 else None, source_url=url))
    return page
