"""Persons named one after the other in an enumeration: "Anna Beispiel, Jonas Muster und Clara Probe",
"Dr. Paul Quell sowie Lena Anders".

Minutes, reports and press texts of any council name those who attended, were elected, spoke or stand for a body
as a list in running text, often without an office beside each name. Every item of such a list must be a full name
led by a known first name: "die Stadt Musterstadt und Karl Marx" is no list of persons. Where a line before names
offices one by one ("Vorsitzende und stellvertretende Vorsitzende sind:"), the names take them in turn.
"""

from __future__ import annotations

import re

from ratsinfo.parsers.nlp.names import NAME, first_names, is_office
from ratsinfo.parsers.nlp.speakers import name_before, named

Found = tuple[int, int, str, str | None, str]  # start, end, name, role, matched text

_JOINT = re.compile(r"[ \t](?:und|sowie)(?=[ \t]+[A-ZÄÖÜ])")
_LAST = re.compile(r"[ \t]+(?P<name>" + NAME + r")(?![\w-])")
_COMMA_BEFORE = re.compile(r"[ \t]*,[ \t]*\Z")
_SPLIT = re.compile(r"[ \t]*,[ \t]*|[ \t]+(?:und|sowie)[ \t]+")
# "Vorsitzender und stellvertretender Vorsitzender sind seit 2020:", "Vorsitzende, Stellvertreterin und Kassenwart:":
# offices named in turn at the end of a line, before a colon
_OFFICE = r"(?:(?:stellvertretende[r]?|[Ss]tellv\.|[Ee]rste[r]?|[Zz]weite[r]?|\d\.)[ \t]+)?[A-ZÄÖÜ][a-zäöüß]+"
_OFFICES_IN_TURN = re.compile(r"(?m)(?:^|[.:][ \t]+)(?P<offices>" + _OFFICE + r"(?:[ \t]*,[ \t]*" + _OFFICE
                              + r")*[ \t]+und[ \t]+" + _OFFICE + r")(?:[ \t]+[a-zäöüß. ]{0,30})?[ \t]*:[ \t]*$")


def _offices_in_turn(text: str, start: int, count: int) -> list[str] | None:
    """The offices a line shortly before the list names in turn, when there are as many as names."""
    for m in _OFFICES_IN_TURN.finditer(text, max(0, start - 300), start):
        offices = [" ".join(o.split()) for o in _SPLIT.split(m.group("offices"))]
        words = [o.split()[-1] for o in offices]
        if len(offices) == count and all(is_office(w) for w in words):
            return offices
    return None


def enumerated_persons(text: str) -> list[Found]:
    """Persons of enumerations whose every item is a first-named full name, in text order: found at each "und" or
    "sowie" (the name after it, the name before it, then one name before each comma further back), not by trying a
    pattern of names at every capital of the text."""
    out: list[Found] = []
    names = first_names()
    for joint in _JOINT.finditer(text):
        word = (text[joint.end():joint.end() + 40].split(maxsplit=1) or [""])[0]
        if word.split("-")[0] not in names and word not in ("Dr.", "Prof."):
            continue  # the item after "und" starts with a first name (or a title): one look-up, not a pattern
        last = _LAST.match(text, joint.end())
        if not last or not (name := named(last.group("name"))):
            continue
        items = [(last.start("name"), name)]
        got = name_before(text, joint.start())
        while got is not None:
            items.insert(0, got)
            comma = _COMMA_BEFORE.search(text, max(0, got[0] - 5), got[0])
            got = name_before(text, comma.start()) if comma else None
            if comma and got is None:
                items = []  # an item before a comma that is no name: no list of persons
        if len(items) < 2:
            continue
        offices = _offices_in_turn(text, items[0][0], len(items)) or [None] * len(items)
        for (start, name), office in zip(items, offices, strict=True):
            out.append((start, start + len(name), name, office, name))
    return out
