"""Persons in the blocks of letters and papers that stand apart from the prose: a signature ("gez. Anna Beispiel",
a name line with the office on the line under it), an addressee (the office on the line above "Herrn Dr. Jonas
Muster"), and full names in running text whose first word is a known first name ("Anna Beispiel (SPD) merkte an").

A pair of capitalised words alone is weak evidence; a known first name, a form of address or "gez." before it, or
an office on the next line makes it a name.
"""

from __future__ import annotations

import re
from functools import cache

from ratsinfo.parsers.nlp.attendance import plausible
from ratsinfo.parsers.nlp.names import (
    NAME,
    NAME_WORD,
    NOT_NAMES,
    NOUN,
    alternation,
    clean_name,
    first_names,
    role_set,
    role_word,
)

Found = tuple[int, int, str, str | None, str]  # start, end, name, role, matched text

_ROLE_LINE = re.compile(r"(?P<role>(?:(?:[Ss]tellv\.|[Ss]tv\.|[Ss]tellvertretende[r]?|\d\.|Erster?|Zweiter?)[ \t]*)?"
                        r"[A-ZÄÖÜ][a-zäöüß]+)(?:[ \t]+[^\n]{0,40})?")
# a line that is only a name (after "gez." or a greeting), then up to two empty lines and the office
_SIGNED = re.compile(r"(?m)^[ \t]*(?P<gez>(?:gez\.|gezeichnet|i\.[ \t]?[AV]\.)[ \t]*)?"
                     r"(?P<name>(?:(?:Dr\.|Prof\.)[ \t]+)?" + NAME_WORD + r"(?:[ \t]+" + NAME_WORD + r"){1,2})"
                     r"[ \t]*\n(?:[ \t]*\n){0,2}[ \t]*"
                     r"(?P<line>[A-ZÄÖÜ][^\n]{2,59})$")
_GEZ = re.compile(r"(?m)^[ \t]*(?:gez\.|gezeichnet|i\.[ \t]?A\.|Im Auftrag|In Vertretung|i\.[ \t]?V\.)[ \t]*"
                  r"(?:\n[ \t]*){0,2}(?P<name>" + NAME + r")[ \t]*$")  # a signature on behalf of someone
# the office on its own line, then up to two empty lines and "Herrn Dr. Jonas Muster"
_ADDRESSEE = re.compile(r"(?m)^[ \t]*(?P<line>[A-ZÄÖÜ][^\n]{2,50})\n(?:[ \t]*\n){0,2}[ \t]*(?:Herrn?|Frau)[ \t]+"
                        r"(?P<name>" + NAME + r")[ \t]*$")


@cache
def _bare() -> re.Pattern:
    """A known first name, perhaps a second one, and a surname ("Anna Beispiel", "Dr. Anna Maria Beispiel")."""
    first = alternation(sorted(first_names()))
    # the pattern starts with the first name's letters, so that the search skips every other position at once;
    # what stands before it (a title, a letter) is looked at after a match
    return re.compile(r"(?P<name>(?P<first>" + first + r"(?:-[A-ZÄÖÜ][a-zäöüß]+)?)(?:[ \t]+[A-ZÄÖÜ][a-zäöüß]+)?[ \t]+"
                      + NAME_WORD + r")(?![\w&-])(?P<after>[ \t]*\S*)")
# what follows a name of a street, building, company or prize ("Anna Beispiel Straße", "... GmbH")
_NOT_AFTER = re.compile(r"[ \t]*(?:[Ss]tra(?:ß|ss)e|[Ss]tr\.|[Ww]eg|[Pp]latz|[Aa]llee|[Gg]asse|[Ss]chule|[Gg]ymnasium|"
                        r"[Hh]aus|[Hh]alle|[Kk]irche|[Ss]tiftung|[Pp]reis|[Pp]ark|[Zz]entrum|GmbH|AG|KG|e\.\s?V\.|&)\b")
_NOT_WORD = re.compile(r"(?:straße|strasse|weg|platz|allee|gasse|schule|gymnasium|haus|halle|kirche|stiftung|preis|"
                       r"park|zentrum|heim|klinik|institut|rat|räte|ausschuss|amt|fraktion|verwaltung|beirat|kreis|stadt|gemeinde|verein|verband)$",
                       re.I)


_NAME_AFTER = re.compile(r"[A-ZÄÖÜ][a-zäöüß]+[ \t]+(?:(?:Dr\.|[A-ZÄÖÜ]\.)[ \t]+)?[A-ZÄÖÜ][a-zäöüß]+[ \t]*(?:\(|$)")


_REVERSED_BEFORE = re.compile(r"[A-ZÄÖÜ][\w-]+,[ \t]*$")
_TITLE_BEFORE = re.compile(r"(Dr\.|Prof\.(?:[ \t]+Dr\.)?)[ \t]+$")


_LEAD = re.compile(r"[\d.)•·▪*\-–\"]+|[A-ZÄÖÜ][\w.-]*\.|[A-ZÄÖÜ]{1,4}")  # numbering, bullets, "Ing.", "OSR"


def _alone_on_its_line(text: str, start: int, end: int) -> bool:
    head = text[text.rfind("\n", 0, start) + 1:start]
    tail_end = text.find("\n", end)
    tail = text[end:tail_end if tail_end != -1 else len(text)]
    return all(_LEAD.fullmatch(w) for w in head.split()) and not tail.strip(" \t,;")


def _office(line: str) -> str | None:
    """The office a short line names ("Bürgermeisterin", "Stellv.Fraktionsvorsitzender", "Fachbereichsleiter
    Bauen"), or None for any other line."""
    line = line.strip()
    m = _ROLE_LINE.fullmatch(line)
    if not m or line.endswith((".", ":", ",")):
        return None
    word = re.sub(r"^(?:[Ss]tellv\.|[Ss]tv\.|[Ss]tellvertretende[r]?|\d\.|Erster?|Zweiter?)[ \t]*", "", m.group("role"))
    return m.group("role") if word in role_set() or role_word().match(word) else None


def _name(raw: str, addressed: bool = False) -> str | None:
    name = clean_name(raw, addressed)
    if not name:
        return None
    words = [w for w in name.split() if not w.endswith(".")]
    if any(w in NOT_NAMES or _NOT_WORD.search(w) or role_word().match(w) for w in words) or not plausible(name):
        return None
    return name


def _overlaps(a: int, b: int, spans: list[tuple[int, int]]) -> bool:
    return any(a < y and x < b for x, y in spans)


def signed_persons(text: str, covered: list[tuple[int, int]]) -> list[Found]:
    """Signatures, addressees and full names with a known first name, outside the spans already read."""
    out: list[Found] = []
    if "\n" in text:
        for m in _SIGNED.finditer(text):
            office = _office(m.group("line"))
            if not office or _overlaps(m.start("name"), m.end("name"), covered) or _NAME_AFTER.search(m.group("line")):
                continue  # a line of an attendance list read already, or "Bürgermeister Anna Beispiel" under it
            name = _name(m.group("name"))
            known = name and (name.split()[0] in first_names() or name.split()[0] in ("Dr.", "Prof."))
            if name and name == " ".join(m.group("name").split()) and (m.group("gez") or known):
                out.append((m.start("name"), m.end("name"), name, office, m.group(0)))
        if "gez" in text or "Auftrag" in text or "Vertretung" in text or "i. A." in text or "i.A." in text:
            out += [(m.start("name"), m.end("name"), n, None, m.group(0)) for m in _GEZ.finditer(text)
                    if (n := _name(m.group("name")))]
        if "Herr" in text or "Frau" in text:
            for m in _ADDRESSEE.finditer(text):
                if _overlaps(m.start("name"), m.end("name"), covered):
                    continue
                office = _office(m.group("line"))
                name = _name(m.group("name"), addressed=True)
                if name and office:
                    out.append((m.start("name"), m.end("name"), name, office, m.group(0)))
    taken = covered + [(a, b) for a, b, *_ in out]
    for m in _bare().finditer(text):
        at = m.start()
        if at and (text[at - 1].isalnum() or text[at - 1] in "_.&/-"):
            continue  # inside a word or a compound
        title = _TITLE_BEFORE.search(text, max(0, at - 12), at)
        start = title.start() if title else at
        if _alone_on_its_line(text, start, m.end("name")):
            continue  # a name on a line of its own stands in a list or table whose role this reader does not know
        if _REVERSED_BEFORE.search(text, max(0, at - 40), at):
            continue  # "Beispiel, Anna Muster, Jonas": a flattened list of surnames first; Anna is Beispiel's
        if m.group("first").split("-")[0] not in first_names() or _overlaps(start, m.end("name"), taken) \
                or text[max(0, at - 6):at].rstrip().endswith(("St.", "Sankt")):
            continue  # read already, or a saint of a church's or school's name ("St. Anna Beispiel")
        after = m.group("after").strip()
        if _NOT_AFTER.match(m.group("after")) or _NOT_WORD.search(after):
            continue  # "Anna Beispiel Schule", "Jonas Muster Krankenhaus", "Clara Probe GmbH"
        name = _name(m.group("name"))
        if name is None or name != " ".join(m.group("name").split()) or NOUN.search(name.split()[-1]):
            continue
        if title:
            name = title.group(1) + " " + name
        out.append((start, m.end("name"), name, None, text[start:m.end("name")]))
    return out
