"""Persons in the blocks of letters and papers that stand apart from the prose: a signature ("gez. Anna Beispiel",
"i. A. Anna Beispiel", a name line with the office on the line under it) and an addressee (the office on the line
above "Herrn Dr. Jonas Muster").

A pair of capitalised words alone is weak evidence; a known first name, "gez." or a form of address before it, and
an office next to it make it a name. Full names in running text without any of these are not read: on both halves of
the development set and on the extra real documents they added more wrong persons (streets, lists whose role this
reader cannot see) than right ones.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from ratsinfo.parsers.nlp.attendance import plausible
from ratsinfo.parsers.nlp.names import (
    NAME,
    NAME_WORD,
    NOT_NAMES,
    clean_name,
    first_names,
    is_office,
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
# a signature inside a line (a letter's end flattened by a PDF's text layer): "… Mit freundlichen Grüßen gez. Anna
# Beispiel Bürgermeisterin", "i. A. Muster Sachbearbeiter"; the words of signing, then the name, then its office
_SIGN = re.compile(r"(?=[giIMF])(?<![\w.])(?:(?:gez\.|gezeichnet|i\.[ \t]?[AV]\.|Im[ \t]+Auftrag|In[ \t]+Vertretung|"
                   r"Mit[ \t]+freundlichen[ \t]+Grüßen|Mit[ \t]+freundlichem[ \t]+Gruß|Freundliche[ \t]+Grüße)"
                   r"[ \t,]*\n?[ \t]*\n?[ \t]*)+")
_SIGN_WORDS = ("gez", "Auftrag", "Vertretung", "i. A.", "i.A.", "i. V.", "i.V.", "Grüß", "Gruß")
_TOKEN = re.compile(r"[ \t]*\n?[ \t]*(?P<word>(?:Dr\.|Prof\.)|" + NAME_WORD + r"|(?:[Ss]tellv\.|[Ss]tv\.|\d\.)"
                    r"(?=[ \t]*[A-ZÄÖÜ]))")
_MODIFIER = re.compile(r"^(?:[Ss]tellv\.|[Ss]tv\.|\d\.|Erster?|Zweiter?|[Ss]tellvertretende[r]?)$")


def _signed_inline(text: str) -> list[Found]:
    """A signature whose line breaks are lost or kept: the name after the words of signing, and the office word
    right after it when one stands there ("gez. Beispiel Bürgermeister" names Beispiel alone)."""
    out: list[Found] = []
    for m in _SIGN.finditer(text):
        gez = "gez" in m.group(0) or "A." in m.group(0) or "V." in m.group(0) or "Auftrag" in m.group(0) \
            or "Vertretung" in m.group(0)
        words: list[tuple[int, int, str]] = []
        pos = m.end()
        while len(words) < 6 and (t := _TOKEN.match(text, pos)):
            words.append((t.start("word"), t.end("word"), t.group("word")))
            pos = t.end()
        k = 0
        while k < len(words) and words[k][2] in ("Dr.", "Prof."):
            k += 1
        names = []
        while k < len(words) and len(names) < 3 and not _MODIFIER.match(words[k][2]) \
                and not is_office(words[k][2]):
            names.append(words[k])
            k += 1
        office_words = []
        while k < len(words) and _MODIFIER.match(words[k][2]):
            office_words.append(words[k][2])
            k += 1
        if k < len(words) and is_office(words[k][2]):
            office_words.append(words[k][2])
        else:
            office_words = []
        if not names:
            continue
        start = words[0][0]
        raw = text[start:names[-1][1]]
        name = _name(" ".join(raw.split()))
        if not name or name != " ".join(raw.split()):
            continue
        known = name.split()[0] in first_names() or name.split()[0] in ("Dr.", "Prof.")
        if not (known if len(name.split()) >= 2 else gez and office_words):
            continue
        out.append((start, names[-1][1], name, " ".join(office_words) or None, text[start:names[-1][1]]))
    return out


# the office on its own line, then up to two empty lines and "Herrn Dr. Jonas Muster"
_ADDRESSEE = re.compile(r"(?m)^[ \t]*(?P<line>[A-ZÄÖÜ][^\n]{2,50})\n(?:[ \t]*\n){0,2}[ \t]*(?:Herrn?|Frau)[ \t]+"
                        r"(?P<name>" + NAME + r")[ \t]*$")

# words that end a body's, street's or building's name, never a person's
_NOT_WORD = re.compile(r"(?:straße|strasse|weg|platz|allee|gasse|schule|gymnasium|haus|halle|kirche|stiftung|preis|"
                       r"park|zentrum|heim|klinik|institut|rat|räte|ausschuss|amt|fraktion|verwaltung|beirat|kreis|"
                       r"stadt|gemeinde|verein|verband)$", re.I)
# a line under a name that names a person itself ("Gemeindevertreter Jonas Muster"): a list, no signature
_NAME_AFTER = re.compile(r"[A-ZÄÖÜ][a-zäöüß]+[ \t]+(?:(?:Dr\.|[A-ZÄÖÜ]\.)[ \t]+)?[A-ZÄÖÜ][a-zäöüß]+[ \t]*(?:\(|$)")


def _names_someone(line: str) -> bool:
    """Whether a line under a name names a person itself ("Gemeindevertreter Jonas Muster"), not an office and its
    department ("Fachbereichsleiter Bauen")."""
    m = _NAME_AFTER.search(line)
    return m is not None and m.group(0).strip(" \t(").split()[-1] not in NOT_NAMES


def _office(line: str) -> str | None:
    """The office a short line names ("Bürgermeisterin", "Stellv.Fraktionsvorsitzender", "Fachbereichsleiter
    Bauen"), or None for any other line."""
    line = line.strip()
    m = _ROLE_LINE.fullmatch(line)
    if not m or line.endswith((".", ":", ",")):
        return None
    word = re.sub(r"^(?:[Ss]tellv\.|[Ss]tv\.|[Ss]tellvertretende[r]?|\d\.|Erster?|Zweiter?)[ \t]*", "", m.group("role"))
    return m.group("role") if is_office(word) else None


def _name(raw: str, addressed: bool = False) -> str | None:
    name = clean_name(raw, addressed)
    if not name:
        return None
    words = [w for w in name.split() if not w.endswith(".")]
    if any(w in NOT_NAMES or _NOT_WORD.search(w) or role_word().match(w) for w in words) or not plausible(name):
        return None
    return name


class _Spans:
    """Spans read already, sorted, with the furthest end up to each: whether a span overlaps them is a binary
    search (an attendance list has hundreds of spans, and each name line under it asks)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans = sorted(spans)
        self.starts = [x for x, _y in spans]
        self.reach: list[int] = []
        for _x, y in spans:
            self.reach.append(max(y, self.reach[-1]) if self.reach else y)

    def overlaps(self, a: int, b: int) -> bool:
        k = bisect_left(self.starts, b)  # the spans that start before b
        return k > 0 and self.reach[k - 1] > a


def signed_persons(text: str, covered: list[tuple[int, int]]) -> list[Found]:
    """Signatures and addressees, outside the spans already read."""
    out: list[Found] = []
    read = _Spans(covered)
    if "\n" in text:
        pos = 0
        while m := _SIGNED.search(text, pos):
            pos = m.start("line")  # "Im Auftrag" / "Anna Beispiel" / "Sachbearbeiterin": the name line is the next try
            office = _office(m.group("line"))
            if not office or read.overlaps(m.start("name"), m.end("name")) or _names_someone(m.group("line")):
                continue  # a line of an attendance list read already, or "Bürgermeister Anna Beispiel" under it
            name = _name(m.group("name"))
            known = name and (name.split()[0] in first_names() or name.split()[0] in ("Dr.", "Prof."))
            if name and name == " ".join(m.group("name").split()) and (m.group("gez") or known):
                out.append((m.start("name"), m.end("name"), name, office, m.group(0)))
        if "gez" in text or "Auftrag" in text or "Vertretung" in text or "i. A." in text or "i.A." in text:
            out += [(m.start("name"), m.end("name"), n, None, m.group(0)) for m in _GEZ.finditer(text)
                    if (n := _name(m.group("name")))]
    if any(w in text for w in _SIGN_WORDS):
        out += [f for f in _signed_inline(text) if not read.overlaps(f[0], f[1])]
    if "\n" in text and ("Herr" in text or "Frau" in text):
        for m in _ADDRESSEE.finditer(text):
            if read.overlaps(m.start("name"), m.end("name")):
                continue
            office = _office(m.group("line"))
            name = _name(m.group("name"), addressed=True)
            if name and office:
                out.append((m.start("name"), m.end("name"), name, office, m.group(0)))
    return out
