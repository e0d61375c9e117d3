"""Persons with role and organisation: "Ordnungsbürgermeister Heiko Rosenthal", "Frau Erste
Stadträtin Dr. Keller", "Herrn Friehe, Geschäftsführer des Präventionsrates"."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from ratsinfo.parsers.nlp.context import Context


@cache
def _roles() -> list[str]:
    data = json.loads((resources.files("ratsinfo.parsers.nlp") / "data" / "roles.json").read_text("utf-8"))
    return sorted(data["roles"], key=len, reverse=True)


NAME_TOKEN = r"(?:Dr\.[ \t]|Prof\.[ \t])?[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?"
NOT_NAMES = {"Die", "Der", "Das", "Den", "Dem", "Des", "Ein", "Eine", "Im", "In", "Am", "Mit", "Für", "Und",
             "Sitzung", "Stadt", "Landeshauptstadt", "Jahr", "Leitung", "Vertretung", "Herr", "Frau", "Herrn",
             "Polizeidirektion", "Abteilung", "Amt", "Bereich", "Rahmen", "Anwesenden", "Forderungen",
             "Themen", "Vorsitz", "Stadtrat", "Stadträtin", "Bürgermeister", "Bürgermeisterin"}


@dataclass
class FoundPerson:
    name: str
    role: str | None
    org_key: str | None
    start: int
    end: int
    text: str


def _rx():
    roles = "|".join(re.escape(r) for r in _roles())
    before = re.compile(
        r"(?:(?P<hon>Herrn?|Frau)\s+)?(?P<role>" + roles + r")[ \t]+(?P<name>" + NAME_TOKEN + r"(?:[ \t]+" + NAME_TOKEN
        + r"){0,2})(?![\w-])")
    after = re.compile(
        r"(?P<hon>Herrn?|Frau)[ \t]+(?P<name>" + NAME_TOKEN + r"(?:[ \t]+" + NAME_TOKEN + r"){0,2}),\s+"
        r"(?P<role>" + roles + r")\b")
    return before, after


def find_persons(ctx: Context) -> list[FoundPerson]:
    """Persons in text order; a later mention by surname only ("Bürgermeister Rosenthal") is the same person."""
    text = ctx.text
    before, after = _rx()
    out: dict[str, FoundPerson] = {}
    role_words = set(_roles())
    matches = sorted(((m, rx is after) for rx in (before, after) for m in rx.finditer(text)),
                     key=lambda pair: pair[0].start())
    for m, is_after in matches:
        name_tokens = m.group("name").split()
        if is_after and name_tokens and name_tokens[0] in role_words:
            continue
        while name_tokens and name_tokens[-1] in NOT_NAMES:
            name_tokens.pop()
        if not name_tokens or name_tokens[0] in NOT_NAMES or len(" ".join(name_tokens)) < 3:
            continue
        name = " ".join(name_tokens)
        role = m.group("role")
        org_key = None
        follow = text[m.end():m.end() + 80]
        g = re.match(r"\s*(?:des|der)\s+", follow)
        if g:
            for om in ctx.mentions_between(m.end(), m.end() + 80):
                if om.start == m.end() + g.end():
                    org_key = om.key
                    break
        surname = name_tokens[-1]
        prev = next((p for k, p in out.items() if k.split()[-1] == surname), None)
        if prev is not None and (len(name_tokens) == 1 or prev.name == name or len(prev.name.split()) == 1):
            if len(name) > len(prev.name):
                prev.name = name
            prev.org_key = prev.org_key or org_key
            continue
        out[name] = FoundPerson(name, role, org_key, m.start(), m.end(), m.group(0))
    return list(out.values())
