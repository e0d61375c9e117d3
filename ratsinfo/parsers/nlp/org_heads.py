"""Heads of organisation names ("-ausschuss", "-beirat", "Arbeitsgruppe") and keys of names, without spaCy.

Parsers of structured pages (ALLRIS rosters, OParl objects) and the query layer need these; keeping
them apart from the prose components spares those paths the import of the language pipeline.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources


@cache
def data() -> dict:
    return json.loads((resources.files("ratsinfo.parsers.nlp") / "data" / "organizations.json").read_text("utf-8"))


@dataclass(frozen=True, slots=True)
class Head:
    suffix: str
    kind: str
    gender: str
    determinants: tuple[str, ...] = ()
    exclude: frozenset[str] = frozenset()
    not_a_body: tuple[str, ...] = ()  # determinant endings of no council body: "Amtsrat", "Lehrerkonferenz"


@cache
def heads() -> list[Head]:
    out = [Head(h["suffix"].casefold(), h["kind"], h["gender"],
                tuple(d.casefold() for d in h.get("determinants", ())),
                frozenset(x.casefold() for x in h.get("exclude", ())), tuple(h.get("not_a_body", ())))
           for h in data()["heads"] if " " not in h["suffix"]]
    return sorted(out, key=lambda h: -len(h.suffix))


_PARTY_PREFIX = re.compile(r"[A-ZÄÖÜ]{2,6}|Grünen|Linken")
ADJ_ENDINGS = re.compile(r"(?:e|er|en|em|es)$")
NOM_ENDING = {"m": "er", "f": "e", "n": "es"}
CONNECTORS = {"und", "in", "im", "für", "&", "-", "zur", "zum", "gegen", "mit", "an", "am", "bei", "von", "vom", "+"}
NAME_STOP = {"Themen", "Thema", "Sitzung", "Sitzungen", "Mitglieder", "Ergebnis", "Ergebnisse", "Vorsitz",
             "Leitung", "Jahr", "Jahres", "Die", "Der", "Das", "Im", "In", "Am", "Zu", "Seit", "Nach",
             "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
             "November", "Dezember", "Frühjahr", "Sommer", "Herbst", "Winter", "Quartal", "Halbjahr",
             "Herr", "Herrn",
             # the role of a body in a paper's Beratungsfolge: "Schulausschuss Entscheidung"
             "Entscheidung", "Vorberatung", "Kenntnisnahme", "Beratung", "Anhörung", "Empfehlung", "Zuständigkeit"}
# heads that name a body only with what follows: "Amt für Stadtgrün", "Dezernat Umwelt, Ordnung, Sport"
BARE_WITH_NAME = {"amt", "amtes", "amts", "rat", "rates", "rats", "ausschuss", "ausschusses", "beirat", "beirates",
                  "beirats", "dezernat", "dezernates", "dezernats", "fachbereich", "fachbereiches", "fachbereichs",
                  "referat", "referates", "referats", "geschäftsbereich", "geschäftsbereiches", "geschäftsbereichs",
                  "fachausschuss", "fachausschusses", "kommission", "konferenz", "fachdienst", "fachdienstes",
                  "fachdiensts", "abteilung", "sachgebiet", "sachgebietes", "sachgebiets", "büro", "büros"}
# units of the administration named with their field: "Fachbereich Kultur", "Fachdienst Jugend und Familie",
# "Abteilung Stadtplanung", "Sachgebiet Verkehr"
NAMED_DEPARTMENTS = ("dezernat", "fachbereich", "referat", "geschäftsbereich", "fachdienst", "abteilung", "sachgebiet")
BARE_NEEDS_ADJ = {"stab", "gremium", "amt", "rat", "kreis", "plenum", "beirat", "ausschuss"}
NAMEABLE_KINDS = {"advisory_board", "committee", "conference", "staff", "working_group"}


def _inflections(h: Head) -> tuple[str, ...]:
    return ("", "s", "es") if h.gender in ("m", "n") else ("",)


@cache
def _head_endings() -> tuple[int, frozenset[str]]:
    """The last letters (three, or fewer if a head is shorter) of every head with its inflections: a word
    ending otherwise names no body, and most words are dismissed by one set lookup instead of a test
    against every head."""
    size = min((3, *(len(h.suffix) for h in heads())))
    return size, frozenset((h.suffix + infl)[-size:] for h in heads() for infl in _inflections(h))


# the level a body of a town or district works at, written before its determinant (a "Landes-" body is most
# often an association)
_LEVEL = re.compile(r"^(?:kreis|stadt|bezirks|orts|gemeinde|stadtteil)-?")


@lru_cache(maxsize=65536)
def _match_head(word: str) -> tuple[Head, str, str] | None:
    """(head, stem, inflection) if ``word`` is a compound ending in a known head."""
    low = word.casefold()
    size, endings = _head_endings()
    if low[-size:] not in endings:
        return None
    for h in heads():
        for infl in _inflections(h):
            if not low.endswith(h.suffix + infl):
                continue
            base = low[: len(low) - len(infl)] if infl else low
            if base in h.exclude:
                continue
            party, _, rest = word.partition("-")
            if h.suffix == "rat" and rest and _PARTY_PREFIX.fullmatch(party) \
                    and rest.casefold().rstrip("s") in h.exclude:
                continue  # "CDU-Stadtrat Meier", "SPD-Gemeinderätin": a member of the council, not a body
            det = base[: -len(h.suffix)]
            if h.not_a_body and det.endswith(h.not_a_body):
                continue  # a rank before a surname ("Gemeindeamtsrat Pfeil"), a school's conference
            if h.determinants and not any(det.startswith(d) or det == d.rstrip("s") for d in h.determinants) \
                    and not any(_LEVEL.sub("", det).startswith(d) for d in h.determinants):
                continue  # "Kreisseniorenvertretung", "Stadt-Jugendparlament": the level before the determinant
            if det and len(det) < 2:
                continue
            return h, word[: len(word) - len(infl)] if infl else word, infl
    return None


@lru_cache(maxsize=16384)
def _adj_stem(word: str) -> str | None:
    stem = ADJ_ENDINGS.sub("", word.casefold())
    return stem if stem in data()["adjectives"] else None


@lru_cache(maxsize=65536)
def canonical_key(display: str) -> str:
    """A key that ignores case, spacing (also around a slash), the gender sign ("Senior*innenbeirat" =
    "SeniorInnenbeirat") and the AG/Arbeitsgruppe spelling; kept per name, since a text names its bodies again and
    again."""
    d = re.sub(r"\s*/\s*", "/", re.sub(r"\s+", " ", display)).strip().casefold()  # "Bündnis 90 / Die Grünen"
    d = re.sub(r"(?<=\w)[*:_/]-?(?=innen)", "", d)
    m = re.match(r"^(ag|ak|uag|arbeitsgruppe|arbeitskreis|unterarbeitsgruppe|projektgruppe)\s+(.+)$", d)
    if m:
        words = sorted(w for w in re.findall(r"[\wäöüß]+", m.group(2)) if w not in CONNECTORS)
        kind = "ak" if m.group(1) in ("ak", "arbeitskreis") else "ag"
        return f"{kind}:" + " ".join(words)
    return d
