"""Persons named one after the other in an enumeration: "Anna Beispiel, Jonas Muster und Clara Probe",
"Dr. Paul Quell sowie Lena Anders".

Minutes, reports and press texts of any council name those who attended, were elected, spoke or stand for a body
as a list in running text, often without an office beside each name. Every item of such a list must be a full name
led by a known first name: "die Stadt Musterstadt und Karl Marx" is no list of persons. Where a line before names
offices one by one ("Sprecher und stellvertretender Sprecher sind:"), the names take them in turn.
"""

from __future__ import annotations

import re

from ratsinfo.parsers.nlp.names import NAME, role_set, role_word
from ratsinfo.parsers.nlp.speakers import named

Found = tuple[int, int, str, str | None, str]  # start, end, name, role, matched text

_ENUM = re.compile(r"(?<![\w-])" + NAME + r"(?:[ \t]*,[ \t]*" + NAME + r")*[ \t]+(?:und|sowie)[ \t]+" + NAME
                   + r"(?![\w-])")
_SPLIT = re.compile(r"[ \t]*,[ \t]*|[ \t]+(?:und|sowie)[ \t]+")
# "Sprecher und stellvertretender Sprecher waren bzw. sind:", "Vorsitzende, Stellvertreterin und Kassenwart:":
# offices named in turn at the end of a line, before a colon
_OFFICE = r"(?:(?:stellvertretende[r]?|[Ss]tellv\.|[Ee]rste[r]?|[Zz]weite[r]?|\d\.)[ \t]+)?[A-ZÄÖÜ][a-zäöüß]+"
_OFFICES_IN_TURN = re.compile(r"(?m)(?:^|[.:][ \t]+)(?P<offices>" + _OFFICE + r"(?:[ \t]*,[ \t]*" + _OFFICE
                              + r")*[ \t]+und[ \t]+" + _OFFICE + r")(?:[ \t]+[a-zäöüß. ]{0,30})?[ \t]*:[ \t]*$")


def _offices_in_turn(text: str, start: int, count: int) -> list[str] | None:
    """The offices a line shortly before the list names in turn, when there are as many as names."""
    for m in _OFFICES_IN_TURN.finditer(text, max(0, start - 300), start):
        offices = [" ".join(o.split()) for o in _SPLIT.split(m.group("offices"))]
        words = [o.split()[-1] for o in offices]
        if len(offices) == count and all(w in role_set() or role_word().match(w) for w in words):
            return offices
    return None


def enumerated_persons(text: str) -> list[Found]:
    """Persons of enumerations whose every item is a first-named full name, in text order."""
    out: list[Found] = []
    if " und " not in text and " sowie " not in text:
        return out
    for m in _ENUM.finditer(text):
        items = _SPLIT.split(m.group(0))
        words = items[0].split()
        first = next((k for k in range(len(words) - 1) if named(" ".join(words[k:]))), 0)
        items[0] = " ".join(words[first:])  # "Dazu Anna Beispiel, …": the list starts at the first name
        names = [named(i) for i in items]
        if len(items) < 2 or not all(names):
            continue
        offices = _offices_in_turn(text, m.start(), len(items)) or [None] * len(items)
        pos = m.start()
        for raw, name, office in zip(items, names, offices, strict=True):
            at = text.find(raw, pos)
            out.append((at, at + len(raw), name, office, raw))
            pos = at + len(raw)
    return out
