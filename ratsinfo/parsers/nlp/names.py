"""What a person's name looks like in council texts, and the roles, titles and headings that stand beside it:
shared by the persons found in prose and those of attendance lists."""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources


@cache
def data() -> dict:
    """Roles, abbreviations and list headings, read once from the package's data."""
    return json.loads((resources.files("ratsinfo.parsers.nlp") / "data" / "roles.json").read_text("utf-8"))


def roles() -> list[str]:
    return sorted(data()["roles"], key=len, reverse=True)


UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÜ"
NAME_WORD = r"[A-ZÄÖÜ][a-zäöüßøé]+(?:-[A-ZÄÖÜ][a-zäöüßøé]+)?"
_TITLE = r"(?:(?:Dr\.|Prof\.|Dipl\.-[A-Z][a-z]+\.)[ \t]+)"
NAME = _TITLE + r"*(?:(?:[A-ZÄÖÜ]\.|" + NAME_WORD + r")[ \t]+){0,2}" + NAME_WORD
NAME_TOKEN = r"(?:Dr\.[ \t]|Prof\.[ \t])?" + NAME_WORD  # kept for callers of the old pattern
NOT_NAMES = {"Die", "Der", "Das", "Den", "Dem", "Des", "Ein", "Eine", "Im", "In", "Am", "Mit", "Für", "Und",
             "Sitzung", "Stadt", "Landeshauptstadt", "Jahr", "Leitung", "Vertretung", "Herr", "Frau", "Herrn",
             "Polizeidirektion", "Abteilung", "Amt", "Bereich", "Rahmen", "Anwesenden", "Forderungen",
             "Themen", "Vorsitz", "Stadtrat", "Stadträtin", "Bürgermeister", "Bürgermeisterin", "Gemeinde",
             "Verwaltung", "Antrag", "Beschluss", "Bericht", "Sitzungen", "Mitglieder", "Mitglied", "Ausschuss",
             "Rat", "Fraktion", "Kreis", "Landkreis", "Samtgemeinde", "Zusammenarbeit", "Vorschlag", "Fragen",
             "Ende", "Beginn", "Wort", "Seite", "Begrüßung", "Bezirksrat", "Stadtbezirksrat", "Gemeinderat", "Es",
             "Er", "Sie", "Dies", "Diese", "Dieser", "Auch", "Zu", "Von", "Bei", "Nach", "Über", "Als", "Auf",
             "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
             "November", "Dezember", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag",
             "Sonntag", "Anlage", "Tagesordnung", "Protokoll", "Niederschrift", "Abstimmung", "Ja", "Nein",
             "Entschuldigt", "Anwesend", "Abwesend", "Öffentlicher", "Nichtöffentlicher", "Teil"}


NOUN = re.compile(r"(?:ung|heit|keit|schaft|tion|tät|ismus)$")


@cache
def role_word() -> re.Pattern:
    suffixes = "|".join(sorted(data()["role_suffixes"], key=len, reverse=True))
    return re.compile(r"^(?:[A-ZÄÖÜ][a-zäöüß]*)?(?:" + suffixes + r")$", re.I)


def clean_name(name: str) -> str | None:
    """The name without the words around it that are no name (roles, articles, months), or None."""
    tokens = name.split()
    for k, t in enumerate(tokens):
        if k > 0 and (role_word().match(t) or t in NOT_NAMES):
            tokens = tokens[:k]  # "Herr Härke Fachbereichsleiter Steuerung": the name ends at the role
            break
    while tokens and tokens[-1] in NOT_NAMES:
        tokens.pop()
    while tokens and tokens[0] in NOT_NAMES:
        tokens.pop(0)
    if not tokens or all(t.endswith(".") for t in tokens) or NOUN.search(tokens[-1]):
        return None
    name = " ".join(tokens)
    return name if len(name.replace("Dr.", "").strip()) >= 3 else None


