"""ALLRIS committee (au020, gr020) and faction (fr020) pages: the body and its members."""

from __future__ import annotations

from dataclasses import dataclass, field

from ratsinfo.errors import ParseError
from ratsinfo.model import Membership, Organization, Person, org_key
from ratsinfo.parsers.allris_common import link_id, links, page_tree, scope_of, text, title_of
from ratsinfo.parsers.nlp.orgs import _match_head


@dataclass
class Roster:
    organization: Organization
    persons: list[Person] = field(default_factory=list)
    memberships: list[Membership] = field(default_factory=list)


def parse_roster(html: str, url: str, scope: str = "local", kind: str | None = None) -> Roster:
    tree = page_tree(html, url)
    scope = scope_of(tree, scope)
    name = title_of(tree)
    if not name:
        raise ParseError("no name on the page: not a committee or faction page")
    if kind is None:
        hm = next((_match_head(w) for w in reversed(name.split()) if _match_head(w)), None)
        kind = "faction" if "fr020" in url or name.startswith("Fraktion") else (hm[0].kind if hm else "committee")
    okey = org_key(scope, name)
    roster = Roster(Organization(key=okey, name=name, kind=kind, source_url=url))
    for a in links(tree, r"kp020"):
        pid = link_id(a.get("href"), "KPLFDNR")
        row = next((p for p in a.iterancestors() if p.tag == "tr"), None)
        if not pid or row is None:
            continue
        raw = text(a)
        last, _, first = raw.partition(", ")
        person = f"{first} {last}".strip() if first else raw
        cells = [text(td) for td in row if td.tag == "td"]
        role = next((c for c in cells[cells.index(raw) + 1:] if c), None) if raw in cells else None
        pkey = f"allris:{scope}:person:{pid}"
        roster.persons.append(Person(key=pkey, name=person, source_url=url))
        roster.memberships.append(Membership(key=f"{okey}/member/{pid}", person_key=pkey, organization_key=okey,
                                             role=role, source_url=url))
    return roster
