"""Persons with role and organisation as minutes and papers name them: "Ordnungsbürgermeister Heiko
Rosenthal", "Frau Erste Stadträtin Dr. Keller", "Herrn Friehe, Geschäftsführer des Präventionsrates",
"Bezirksratsherr Drenske (SPD)", role abbreviations ("BM Huber", "Vors. Wahlers", "EStR Willems"),
"Herr Fehmer" without a role, and attendance lists under headings ("Mitglieder", "Verwaltung:").

A person named with two roles ("Vorsitzender, Ratsherr Ady") gets one fact per role.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from ratsinfo.parsers.nlp.attendance import listed_persons
from ratsinfo.parsers.nlp.context import Context
from ratsinfo.parsers.nlp.names import (
    NAME,
    NAME_TOKEN,
    NAME_WORD,
    NOT_NAMES,
    NOUN,
    UPPER,
    clean_name,
    data,
    role_word,
    roles,
)

_data, _roles, _clean_name, _role_word, _NAME_WORD = data, roles, clean_name, role_word, NAME_WORD
__all__ = ["NAME", "NAME_TOKEN", "NOT_NAMES", "FoundPerson", "find_persons"]


@dataclass
class FoundPerson:
    name: str
    role: str | None
    org_key: str | None
    start: int
    end: int
    text: str


@cache
def _patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    data = _data()
    roles = "|".join(re.escape(r) for r in _roles())
    suffixes = "|".join(sorted(data["role_suffixes"], key=len, reverse=True))
    roles += "|" + "|".join(sorted((r.capitalize() for r in data["role_suffixes"]), key=len, reverse=True))
    abbr = "|".join(re.escape(a) for a in sorted(data["abbreviations"], key=len, reverse=True))
    mods = "|".join(re.escape(m) for m in sorted(data["role_modifiers"], key=len, reverse=True))
    # a capitalised word ending in a role suffix ("Fachbereichsleiter"): the whole word, then one look back per
    # length of suffix. A blank must follow the role, so only the word's end could ever match; trying every
    # suffix at every letter of every capitalised word cost more than the rest of the pattern.
    by_length: dict[int, list[str]] = {}
    for suffix in data["role_suffixes"]:
        by_length.setdefault(len(suffix), []).append(suffix)
    ending = "|".join("(?<=" + "|".join(sorted(group)) + ")" for _n, group in sorted(by_length.items()))
    role = (r"(?:(?:" + mods + r")[ \t]+)?(?:" + roles + r"|[A-ZÄÖÜ][a-zäöüß]*+(?:" + ending + r")|(?<![\w.])(?:"
            + abbr + r"))")
    # a match starts with the honorific, a modifier, a role, a capital or an abbreviation: the lookahead turns
    # every other position away with one test instead of trying each of the hundred roles there (a word that
    # starts in lower case or with a digit, "stellv.", "1.", is looked for by its first four characters)
    words = (*data["role_modifiers"], *_roles(), *data["abbreviations"],
             *(w.capitalize() for w in data["role_suffixes"]))
    capitals = {"H", "F", *UPPER, *(w[:1] for w in words if w[:1].isupper())}
    others = sorted({re.escape(w[:4]) for w in words if w[:1] not in capitals})
    first = "(?=[" + "".join(re.escape(c) for c in sorted(capitals)) + "]" + "".join("|" + w for w in others) + ")"
    before = re.compile(first + r"(?:(?P<hon>Herrn?|Frau)[ \t]+)?(?P<role>" + role + r")(?:[ \t]+(?P<role2>" + role
                        + r"))?[ \t]+(?P<name>" + NAME + r")(?![\w-])")
    honorific = re.compile(r"(?<![\w-])(?P<hon>Herrn?|Frau)[ \t]+(?P<name>" + NAME + r")(?![\w-])")
    apposition = re.compile(r"^,\s+(?P<role>(?:(?:" + mods + r")[ \t]+)?(?:" + roles + r"|[A-ZÄÖÜ][a-zäöüß]*(?:"
                            + suffixes + r")|[a-zäöüß]+[ \t]+[A-ZÄÖÜ][a-zäöüß]*(?:" + suffixes + r")))")
    role_after = re.compile(r"^[ \t]+(?P<role>[A-ZÄÖÜ][a-zäöüß]*(?:" + suffixes + r"))\b")
    return before, honorific, apposition, role_after


def _expand(role: str) -> str:
    abbr = _data()["abbreviations"]
    words = role.split()
    out = [abbr.get(w, w) for w in words]
    role = " ".join(out)
    return re.sub(r"\b(Ratsherr)n\b", r"\1", role)


def _party_member(name: str, text: str, end: int) -> str | None:
    """'Bezirksratsherr Amelung (CDU)': a surname that looks like a noun ("-ung") is a name when the
    role stands before it and the party after it."""
    if " " not in name.strip() and NOUN.search(name) and re.match(r"\)?[ \t]*\([A-ZÄÖÜ][^()\n]{0,25}\)", text[end:]):
        return name.strip()
    return None


_OWNER = re.compile(r"(?<![\w-])(?:Herrn?|Frau)[ \t]+" + NAME + r"[ \t]+$")


def find_persons(ctx: Context) -> list[FoundPerson]:
    """Persons in text order, one per name and role; a later mention by surname only is the same person."""
    text = ctx.text
    before, honorific, apposition, role_after = _patterns()
    found: list[tuple[int, int, str, str | None, str]] = []  # start, end, name, role, matched text
    covered: list[tuple[int, int]] = []
    places = {m.display.split()[-1] for m in ctx.mentions}
    for m in before.finditer(text):
        if _OWNER.search(text, max(0, m.start() - 60), m.start()):
            continue  # "Herr Muster Fachbereichsleiter Bau": the role is Muster's, "Bau" is his department
        name = _clean_name(m.group("name")) or _party_member(m.group("name"), text, m.end())
        if name is None or name.split()[-1] in places and len(name.split()) == 1:
            continue
        found.append((m.start(), m.end(), name, _expand(m.group("role")), m.group(0)))
        if m.group("role2") and not m.group("role2").startswith(("Dr", "Prof")):
            found.append((m.start(), m.end(), name, _expand(m.group("role2")), m.group(0)))
        covered.append((m.start(), m.end()))
    for m in honorific.finditer(text) if "Herr" in text or "Frau" in text else ():
        if any(a <= m.start("name") < b for a, b in covered):
            continue
        name = _clean_name(m.group("name"))
        if name is None:
            continue
        name_end = m.start("name") + m.group("name").find(name.split()[-1]) + len(name.split()[-1])
        rest = text[name_end:name_end + 120]
        app = apposition.match(rest) or role_after.match(rest)
        role = _expand(app.group("role")) if app else None
        end = name_end + (app.end() if app else 0)
        found.append((m.start(), end, name, role, text[m.start():end]))
    found += listed_persons(text)
    found += _prose_roles(text)
    found.sort(key=lambda f: f[0])
    return _merge(ctx, found)


# "Die (anwesenden) Mitglieder des Seniorenbeirates (SB) Anna Beispiel, Bernd Muster und Clara Probe"
_MEMBERS = re.compile(r"\b[Mm]itglieder\s+(?:des|der)\s+[^,.;:\n]{3,60}?\s+(?:\([^)]{1,20}\)\s+)?"
                      r"(?P<names>" + NAME + r"(?:\s*,\s*" + NAME + r")*\s+und\s+" + NAME + r")")
# "Herr Muster von der CDU-Fraktion", "Frau Probe von der Fraktion Die Grünen"
_OF_FACTION = re.compile(r"(?<![\w-])(?:Herrn?|Frau)[ \t]+(?P<name>" + NAME + r")\s+von\s+der\s+"
                         r"(?P<faction>[\w-]*Fraktion(?:\s+(?:Die\s+|der\s+)?[A-ZÄÖÜ][\w/-]*(?:\s+[A-ZÄÖÜ0-9][\w/-]*)?)?)")
# "wird Ratsherr Anton Muster zum stellvertretenden Vorsitzenden gewählt" (every match starts at a capital)
_ELECTED = re.compile(r"(?=[A-ZÄÖÜ])(?:(?:Herrn?|Frau|Ratsherrn?|Ratsfrau|Ratsmitglied)[ \t]+)?"
                      r"(?P<name>" + NAME + r")\s+"
                      r"zu(?:m|r)\s+(?P<role>(?:\d\.\s+|ersten\s+|zweiten\s+)?(?:stellvertretenden\s+)?"
                      r"(?:Vorsitzenden|Sprecher(?:in)?|Schriftführer(?:in)?|Stellvertreter(?:in)?))\b[^.]{0,80}?gewählt")
# "Als Sprecher wurde Anton Muster, als Vertreter Bernd Probe gewählt"; "ist Clara Probe die neue Vorsitzende"
_AS_ROLE = re.compile(r"\b[Aa]ls\s+(?P<role>(?:stellvertretende[rn]?\s+)?(?:Sprecher(?:in)?|Vorsitzende[r]?|"
                      r"Vertreter(?:in)?|Schriftführer(?:in)?))\s+(?:wurden?\s+|ist\s+|wird\s+)?"
                      r"(?P<name>" + NAME + r")")
_IS_ROLE = re.compile(r"\bist\s+(?P<name>" + NAME + r")\s+(?:der|die)\s+(?:neue\s+)?"
                      r"(?P<role>(?:stellvertretende[r]?\s+)?Vorsitzende[r]?|Sprecher(?:in)?)\b")


def _nominative(role: str) -> str:
    """'stellvertretenden Vorsitzenden' (after "zum") -> 'stellvertretender Vorsitzender'."""
    words = role.split()
    return " ".join(re.sub(r"enden$", "ender", w) if w.endswith("enden") else w for w in words)


# a word each pattern cannot match without (any one of them): a text that has none is not searched, which
# spares trying every capital of the text as the start of a name
_NEEDS: dict[re.Pattern, tuple[str, ...]] = {
    _MEMBERS: ("itglieder",), _OF_FACTION: ("Fraktion",), _ELECTED: ("gewählt",),
    _AS_ROLE: ("Sprecher", "Vorsitzende", "Vertreter", "Schriftführer"), _IS_ROLE: ("Vorsitzende", "Sprecher"),
}


def _found(rx: re.Pattern, text: str) -> Iterator[re.Match]:
    return rx.finditer(text) if any(w in text for w in _NEEDS[rx]) else iter(())


def _prose_roles(text: str) -> list[tuple[int, int, str, str | None, str]]:
    """Roles given in a sentence: members named after their body, a councillor "von der CDU-Fraktion",
    a person elected "zum stellvertretenden Vorsitzenden", "Als Sprecher wurde ...", "ist ... die neue Vorsitzende"."""
    out: list[tuple[int, int, str, str | None, str]] = []
    for m in _found(_MEMBERS, text):
        base = m.start("names")
        for nm in re.finditer(NAME, m.group("names")):
            name = _clean_name(nm.group(0))
            if name and len(name.split()) >= 2:
                out.append((base + nm.start(), base + nm.end(), name, "Mitglied", nm.group(0)))
    for m in _found(_OF_FACTION, text):
        name = _clean_name(m.group("name"))
        if name:
            out.append((m.start(), m.end(), name, f"Mitglied der {m.group('faction')}", m.group(0)))
    for rx in (_ELECTED, _AS_ROLE, _IS_ROLE):
        for m in _found(rx, text):
            name = _clean_name(m.group("name"))
            if name and not _role_word().match(name.split()[-1]):
                out.append((m.start(), m.end(), name, _nominative(m.group("role")), m.group(0)))
    return out


def _merge(ctx: Context, found: list[tuple[int, int, str, str | None, str]]) -> list[FoundPerson]:
    out: list[FoundPerson] = []
    text = ctx.text
    for start, end, name, role, matched in found:
        surname = name.split()[-1]
        same = [p for p in out if p.name.split()[-1] == surname and (
            len(name.split()) == 1 or len(p.name.split()) == 1 or p.name == name
            or p.name.replace("Dr. ", "") == name.replace("Dr. ", ""))]
        if same:
            longer = max([name] + [p.name for p in same], key=len)
            for p in same:
                p.name = longer
            if role is None or any(p.role == role for p in same):
                continue
            if all(p.role is None for p in same):
                same[0].role = role
                continue
            if any(_same_office(p.role, role) for p in same if p.role):
                continue
        org_key = None
        g = re.match(r"\s*,?\s*(?:[\w ]+\s)?(?:des|der)\s+", text[end:end + 80])
        if g:
            for om in ctx.mentions_between(end, end + 80):
                if om.start == end + g.end():
                    org_key = om.key
                    break
        out.append(FoundPerson(longer if same else name, role, org_key, start, end, matched))
    # a name given once with a role and once without is the person with the role
    roled = {p.name.split()[-1] for p in out if p.role}
    return [p for p in out if p.role or p.name.split()[-1] not in roled]


def _same_office(a: str, b: str) -> bool:
    """'Bürgermeister' and 'Bürgermeisterin', 'Ratsherr' and 'Ratsherrn', 'Ordnungsbürgermeister' and
    'Bürgermeister' are one office."""
    def stem(r: str) -> str:
        return re.sub(r"(?:in|n|en)$", "", r.casefold())
    a, b = stem(a), stem(b)
    return a.endswith(b) or b.endswith(a)
