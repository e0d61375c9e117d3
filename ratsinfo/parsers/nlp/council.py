"""The council a document belongs to, read from its head: the letterhead ("Stadt Brühl",
"Landeshauptstadt Hannover", "Landkreis Lörrach", "Samtgemeinde Grasleben", "Rheingau-Taunus-Kreis"),
the council information system's title or a body named with its town ("Rat der Stadt Lünen").

Same-named bodies of two councils ("Lenkungsgruppe" in two towns) must never share a key, so every
organisation key carries the council's slug: ``org:<council-slug>:<name>``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

# kinds of council with the slug prefix that keeps "Gemeinde X" and "Samtgemeinde X" apart
_KINDS = {
    "Landeshauptstadt": "", "Universitäts- und Hansestadt": "", "Hanse- und Universitätsstadt": "",
    "Freie und Hansestadt": "", "Freie Hansestadt": "", "Hansestadt": "", "Universitätsstadt": "",
    "Kreisstadt": "", "Große Kreisstadt": "", "Stadt": "", "Gemeinde": "", "Marktgemeinde": "", "Markt": "",
    "Samtgemeinde": "sg-", "Verbandsgemeinde": "vg-", "Verwaltungsgemeinschaft": "vg-", "Amt": "amt-",
    "Landkreis": "landkreis-", "Kreis": "kreis-", "Städteregion": "staedteregion-", "Region": "region-",
}
_WORD = r"[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)*"
# "Emmerich am Rhein", "Frankfurt am Main", "Freiburg im Breisgau", "Königs Wusterhausen", "Schwäbisch Hall",
# "Bad Segeberg", "Sankt Augustin", "St. Ingbert" (a prefix word that names no town of its own)
_PLACE = (r"(?:(?:Bad|Sankt|St\.)\s+)?" + _WORD + r"(?:\s+(?:am|an\s+der|im|in\s+der|ob\s+der)\s+" + _WORD + r")?"
          r"(?:\s+(?:Hall|Gmünd|Wusterhausen|Hausen))?")
_KIND_RX = "|".join(sorted((re.escape(k).replace(r"\ ", r"\s+") for k in _KINDS), key=len, reverse=True))
# the lookahead of the kinds' first letters turns most positions away with one test instead of trying every kind
_KIND_FIRST = "(?=[" + "".join(sorted({re.escape(k[0]) for k in _KINDS})) + "])"
_COUNCIL = re.compile(_KIND_FIRST + r"(?<![\w-])(?P<kind>" + _KIND_RX + r")\s+(?P<place>" + _PLACE + r")")
_HYPHEN_KREIS = re.compile(r"(?<![\w-])(?P<place>(?:[A-ZÄÖÜ][a-zäöüß]+-)+Kreis(?:es)?)\b")
# a letterhead in capitals: "DER FREIEN UND HANSESTADT HAMBURG", "STADT BAD LINDENAU"
_UPPER_COUNCIL = re.compile(r"(?<![\w-])(?P<kind>HANSESTADT|LANDESHAUPTSTADT|UNIVERSITÄTSSTADT|STADT|GEMEINDE|"
                            r"SAMTGEMEINDE|VERBANDSGEMEINDE|LANDKREIS|MARKTGEMEINDE)\s+"
                            r"(?P<place>(?:BAD\s+)?[A-ZÄÖÜ]{3,}(?:-[A-ZÄÖÜ]{2,})*)(?![\wäöüß-])")
_SG_SHORT = re.compile(r"^\s*SG\s+(?P<place>" + _WORD + r")\s+-", re.M)
# words after "Stadt" that are no place: "Stadt Verwaltung", "Gemeinde Ebene"
_NOT_PLACE = {"Verwaltung", "Rat", "Bürgerinnen", "Bürger", "Stadtverwaltung", "Gemeinde", "Stadt", "Kreis",
              "Ebene", "Der", "Die", "Das", "Und", "Sowie", "Mitglied", "Mitglieder", "Ortsteil", "Ortsteile"}
HEAD_CHARS = 1500


@dataclass(frozen=True)
class Council:
    name: str  # "Stadt Brühl"
    place: str  # "Brühl"
    slug: str  # "bruehl"


def slugify(text: str) -> str:
    """'Brühl' -> 'bruehl', 'Emmerich am Rhein' -> 'emmerich-am-rhein'."""
    t = text.casefold()
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        t = t.replace(a, b)
    return re.sub(r"[^a-z0-9]+", "-", t).strip("-")


def _council(kind: str, place: str) -> Council:
    kind = re.sub(r"\s+", " ", kind)
    place = re.sub(r"\s+", " ", place)
    return Council(f"{kind} {place}", place, _KINDS.get(kind, "") + slugify(place))


_NOUNISH = re.compile(r"(?:recht|ung|heit|keit|schaft|ion|tät|nis|plan|amt|rat|ordnung)$")
# a body named with its council ("Rat der Stadt Lünen", "Kreistag des Landkreises Lörrach")
_OWNED = re.compile(r"(?:[Rr]at(?:e?s)?|[Aa]usschuss\w*|[Kk]reistag\w*|[Vv]erwaltung|versammlung|vertretung|konferenz|"
                    r"gruppe|[Bb]ürgerschaft|[Gg]remi\w*|Satzung|Geschäftsordnung|[Bb]ürgermeister\w*)\s+(?:der|des)\s*$")


def _candidates(text: str) -> list[tuple[int, Council, bool]]:
    """(position, council, strong): strong where it heads a line or names a body's owner."""
    out = []
    for m in _COUNCIL.finditer(text):
        place = m.group("place")
        words = place.split()
        if words[0] in _NOT_PLACE or _NOUNISH.search(words[-1]):
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        strong = not text[line_start:m.start()].strip() or _OWNED.search(text[max(0, m.start() - 40):m.start()])
        out.append((m.start(), _council(m.group("kind"), place), bool(strong)))
    for m in _HYPHEN_KREIS.finditer(text) if "-Kreis" in text else ():  # the pattern's own word, looked for first
        place = re.sub(r"es$", "", m.group("place"))
        out.append((m.start(), Council(place, place, slugify(place)), True))
    capitals = "STADT" in text[:HEAD_CHARS] or "GEMEINDE" in text[:HEAD_CHARS] or "LANDKREIS" in text[:HEAD_CHARS]
    for m in _UPPER_COUNCIL.finditer(text, 0, HEAD_CHARS) if capitals else ():  # the kinds' words, looked for first
        kind = m.group("kind").capitalize()
        place = "-".join(w.capitalize() for w in m.group("place").split("-"))
        place = " ".join(w.capitalize() if w.isupper() else w for w in place.split())
        if kind in _KINDS and place not in _NOT_PLACE:
            out.append((m.start(), _council(kind, place), True))
    for m in _SG_SHORT.finditer(text):
        out.append((m.start(), _council("Samtgemeinde", m.group("place")), True))
    return sorted(out, key=lambda pc: pc[0])


def recognise(text: str) -> Council | None:
    """The council named in the document's head, else the one the whole text names as owner of its bodies.

    A town named only in passing ("ein Projektverbund mit der Samtgemeinde X") counts only if the
    text names the place again."""
    every = _candidates(text)
    if not every:
        return None
    counts = Counter(c for _p, c, _s in every)
    strong = [(p, c) for p, c, s in every if s]
    head = [c for p, c in strong if p < HEAD_CHARS]
    if head:
        first = head[0]
        best = max(dict.fromkeys(head), key=lambda c: counts[c])  # on a tie, the one named first
        return best if counts[best] > 2 * counts[first] else first
    if strong:
        return max((c for _p, c in strong), key=lambda c: counts[c])
    weak = [c for _p, c, _s in every if len(re.findall(r"\b" + re.escape(c.place) + r"\b", text)) >= 2]
    return max(weak, key=lambda c: counts[c]) if weak else None


def council_of(text: str, council: str | None = None) -> Council | None:
    """The council given by the caller (``--body`` or the source; a name or a slug), else the recognised one."""
    if council:
        m = _COUNCIL.fullmatch(council.strip())
        if m:
            return _council(m.group("kind"), m.group("place"))
        return Council(council, council, slugify(council))
    return recognise(text)
