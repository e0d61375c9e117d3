"""Organisations in German council prose: find mentions, resolve inflected forms, aliases,
abbreviations and parents to one organisation per document.

"Führungsstabes" and "Führungsstabs" are the Führungsstab; "Kommunalen Präventionsrats" is
the Kommunaler Präventionsrat; "(KPR)" after a mention makes "KPR" an alias; "Lenkungsgruppe"
and "Lenkungsgremium" in one document are one body (same determinant, same kind); "AG
Fußball und Sicherheit" is "AG Sicherheit und Fußball" (same words).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache, lru_cache

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc, Token

from ratsinfo.parsers.nlp.council import Council, recognise
from ratsinfo.parsers.nlp.doc_text import text_of
from ratsinfo.parsers.nlp.names import data as name_data
from ratsinfo.parsers.nlp.names import first_names, role_set
from ratsinfo.parsers.nlp.org_heads import (  # noqa: F401 - re-exported
    ADJ_ENDINGS,
    BARE_NEEDS_ADJ,
    BARE_WITH_NAME,
    CONNECTORS,
    NAME_STOP,
    NAMEABLE_KINDS,
    NAMED_DEPARTMENTS,
    NOM_ENDING,
    Head,
    _adj_stem,
    _match_head,
    canonical_key,
    data,
    heads,
)

if not Doc.has_extension("orgs"):
    Doc.set_extension("orgs", default=None)


_PARTY = re.compile(r"[A-ZÄÖÜ]{2,6}|Grünen|Linken|PIRATEN|Piraten")  # "Fraktion der CDU", "der Grünen"
_PARTY_NAME = r"(?:Die\s+)?(?:[A-ZÄÖÜ]{2,}\.?|Grünen?|Linken?|Piraten|Freie\s+Wähler|Bündnis\s*90/Die\s+Grünen)"
_PARTY_AFTER = re.compile(r"\s+(?:Bündnis\s*90\s*/\s*Die\s+Grünen|BÜNDNIS\s*90\s*/\s*DIE\s+GRÜNEN|Die\s+Linke\b|"
                          r"DIE\s+LINKE\b|Freie\s+Wähler\b)")
# a "Gruppe" of two or more parties in a council (Lower Saxony): "Gruppe SPD/Grüne", "Gruppe Die LINKE und PIRATEN"
_ALLIANCE = re.compile(r"Gruppe\s+" + _PARTY_NAME + r"(?:\s*(?:/|und|&|,)\s*" + _PARTY_NAME + r")+(?![\wäöüß])")
# party adjectives that name a faction before the word: "der Grünen Fraktion", "die Linke Fraktion"
_PARTY_ADJECTIVES = {"Grüne": "Grüne", "Grünen": "Grüne", "Linke": "Linke", "Linken": "Linke", "Freie": "Freie",
                     "Freien": "Freie"}

# the factions of parties named after the word: "Fraktion der CDU", "Fraktionen von SPD und FDP", "Fraktionen CDU,
# SPD und FDP", "Ratsfraktion der Grünen", "Fraktion der Freien Wähler"
_FACTION_WORDS = {"Fraktion", "Fraktionen", "Ratsfraktion", "Ratsfraktionen", "Stadtratsfraktion", "Kreistagsfraktion",
                  "Kreistagsfraktionen", "Gemeinderatsfraktion", "Gemeinderatsfraktionen"}
_PARTY_ITEM = r"(?:[A-ZÄÖÜ]{2,6}|Grünen|Linken|PIRATEN|Piraten|Freien\s+Wähler|FREIEN\s+WÄHLER)(?![\wäöüß/-])"
_FACTIONS_OF = re.compile(r"(?P<word>\w+)\s+(?:(?P<of>der|von\s+der|von)\s+)?" + _PARTY_ITEM
                          + r"(?:\s*(?:,|und|sowie)\s*(?:der\s+)?" + _PARTY_ITEM + r")*")
_FACTION_PARTY = re.compile(r"(?:^|(?<=\s)|(?<=,))(?P<party>" + _PARTY_ITEM + r")")
_NOMINATIVE_PARTY = {"Freien Wähler": "Freie Wähler", "FREIEN WÄHLER": "FREIE WÄHLER"}


@dataclass(slots=True)
class Mention:
    start: int  # character offsets in the document text
    end: int
    text: str
    display: str
    kind: str
    key: str
    gender: str = "f"
    head: str = ""
    determinant: str = ""
    is_abbreviation: bool = False


@dataclass
class Organisation:
    key: str
    name: str
    kind: str
    aliases: set[str] = field(default_factory=set)
    abbreviation: str | None = None
    parent: str | None = None
    mentions: list[Mention] = field(default_factory=list)
    official: str | None = None  # the full name a short one in brackets follows


def _is_cap(tok: Token) -> bool:
    return bool(tok.text) and tok.text[0].isupper() and tok.text[0].isalpha()


_OPEN_QUOTES = {"„", '"', "“", "‚", "»"}
_CLOSE_QUOTES = {"“", '"', "”", "‘", "«"}


_ADJECTIVE_END = re.compile(r"(?:e|en|er|es|em|isch|-)$")  # "Öffentliche Sicherheit", "Bau- und ..."


def _group_name(doc: Doc, i: int, commas: bool = False) -> int:
    """End token index (exclusive) of a group name starting after token i ('AG Innenstadt')."""
    j = i + 1
    if j < len(doc) and doc[j].text in _OPEN_QUOTES:
        # AG „Schulwege, Verkehr“, Runder Tisch "Radverkehr": the name is what the quotes hold
        k = j + 1
        while k < len(doc) and k - j <= 12 and doc[k].text not in _CLOSE_QUOTES and "\n" not in doc[k].text:
            k += 1
        if k < len(doc) and doc[k].text in _CLOSE_QUOTES and k > j + 1:
            return k + 1
    last_word = i
    while j < len(doc) and j - i <= 8:
        t = doc[j]
        if "\n" in doc[j - 1].whitespace_ or "\n" in t.text:
            break
        if t.is_punct and t.text not in ("-", "&", "/") and not (commas and t.text == ","):
            break
        if _is_cap(t) or t.text.isupper():
            if t.text in NAME_STOP or j > i + 1 and _is_group_word(t.text):
                break  # "Arbeitskreis Wohnen und Arbeitskreis Kultur": the next group begins
            if doc[i].lower_ == "für" and last_word == j - 1 > i and not _ADJECTIVE_END.search(doc[j - 1].text):
                break  # "Beirat für Klimaschutz Zeit für ...": two nouns in a row, the field ended at the first
            last_word = j
        elif t.text.lower() not in CONNECTORS and not (commas and t.text == ",") and not (
                t.text in ("die", "der", "das", "den") and doc[j - 1].lower_ in ("für", "gegen", "von", "mit")) \
                and not _field_adjective(doc, j):
            break
        j += 1
    return last_word + 1


# an adjective of a field of work, in lower case after "für", "und" or a comma: "Ausschuss für öffentliche
# Ordnung", "Beirat für kommunale Entwicklungszusammenarbeit", "Ausschuss für Bauen und ländlichen Raum"
_FIELD_ADJECTIVE = re.compile(r"[a-zäöüß]{3,}(?:e|en|er|es|em)")
_NO_FIELD_ADJECTIVE = {"eine", "einen", "einem", "einer", "eines", "keine", "keinen", "keinem", "keiner", "diese",
                       "diesen", "diesem", "dieser", "dieses", "jede", "jeden", "jedem", "jeder", "alle", "allen",
                       "aller", "seine", "seinen", "seinem", "seiner", "ihre", "ihren", "ihrem", "ihrer", "unsere",
                       "unseren", "welche", "welchen", "welcher", "beide", "beiden", "deren", "dessen", "wieder",
                       "oder", "sowie", "aber", "unter", "hinter", "über", "außer", "gegen", "nach", "neben",
                       "sondern", "sodass", "werden", "wurden", "haben", "hatten", "waren", "seien", "wären",
                       "sollen", "sollten", "können", "konnten", "müssen", "dürfen", "wollen", "immer", "später",
                       "weiter", "weitere", "weiteren", "weiterer", "anderen", "andere", "anderer", "einige",
                       "einigen", "mehrere", "mehreren", "viele", "vielen", "wenige", "wenigen", "sämtliche"}


def _field_adjective(doc: Doc, j: int) -> bool:
    """Whether token j is a lower-case adjective inside a field of work: after "für", "und" or a comma and
    before a capitalised noun of the same field."""
    word = doc[j].text
    return j + 1 < len(doc) and doc[j - 1].text in ("für", "und", ",") and word not in _NO_FIELD_ADJECTIVE \
        and _FIELD_ADJECTIVE.fullmatch(word) is not None and _is_cap(doc[j + 1]) \
        and doc[j + 1].text not in NAME_STOP and "\n" not in doc[j].whitespace_ + doc[j - 1].whitespace_


_LANDSCAPE_ADJ = re.compile(r"[A-ZÄÖÜ][a-zäöüß]{3,}(?:er|es)")  # "Hüttener", "Dänischer", "Mittleres"
_REGION = re.compile(r"[A-ZÄÖÜ][a-zäöüß]+-[A-ZÄÖÜ][a-zäöüß]+")  # a region of two names: "Schlei-Ostsee"
_TIME_UNITS = {"Jahr", "Jahre", "Jahren", "Monat", "Monate", "Monaten", "Wochen", "Tage", "Tagen", "Stunden"}
_UNIT_NUMBER = re.compile(r"\d{1,3}(?:\.\d{1,2})?|[IVX]{1,4}")
# committees named with their fields and no "für": "Ausschuss Planen und Bauen", "Ausschuss Umwelt, Klima und
# Mobilität", "Kommission Stadtgestaltung:" (a single field only with a field's ending or at the end of a line)
_FIELD_NAMED = {"ausschuss", "kommission", "beirat"}
_FIELD_ENDING = re.compile(r"(?:ung|ungen|heit|keit|wesen|schaft|ik|tion|tät|ur|sport|verkehr|bau|bauen|planen|"
                           r"finanzen|soziales|umwelt|kultur|bildung|jugend|senioren|klima|tourismus|ordnung)$")


def _fields_after(doc: Doc, i: int) -> int | None:
    """End token of the fields after a bare "Ausschuss" at i, or None when what follows names no field
    ("im Ausschuss Stellung nehmen", "Ausschuss Herr Meier")."""
    n = len(doc)
    if i + 1 >= n or "\n" in doc[i].whitespace_ or not _is_cap(doc[i + 1]) or i > 0 and (
            doc[i - 1].lower_ in _DEMONSTRATIVES or doc[i - 1].lower_ in _POSSESSIVE):
        return None  # "soll dieser Beirat Treffpunkt und Sprachrohr sein": what the body is, not its name
    e = _group_name(doc, i, commas=True)
    words = [t for t in doc[i + 1:e] if _is_cap(t)]
    if not words or any(t.text in NAME_STOP or t.text in _TITLES or t.text in first_names()
                        or _match_head(t.text) or t.text in _NOT_A_FIELD or t.text in _NOT_A_REGION for t in words):
        return None
    several = len(words) > 1 and any(t.text in (",", "und", "&") for t in doc[i + 1:e])
    line_end = e >= n or doc[e].is_punct and doc[e].text not in ("-",) or "\n" in doc[e - 1].whitespace_
    if several and (line_end or not _is_cap(doc[e])) or len(words) == 1 and e == i + 2 and (
            line_end or _FIELD_ENDING.search(words[0].lower_) and not _is_cap(doc[e])):
        return e
    return None


# nouns a committee gives or takes, not its field: "dem Ausschuss Bericht erstatten"
_NOT_A_FIELD = {"Bericht", "Stellung", "Kenntnis", "Fragen", "Auskunft", "Gelegenheit", "Zustimmung", "Einvernehmen",
                "Beschluss", "Antrag", "Anträge", "Vorlage", "Vorlagen", "Rede", "Antwort", "Stellungnahme",
                "Einblick", "Bescheid", "Zeit", "Vorschläge", "TOP", "Top",
                "Punkt", "Tagesordnungspunkt", "Niederschrift", "Protokoll", "Näheres", "Weiteres", "Hinweise",
                "Hinweis", "Anregungen", "Anregung", "Bedenken", "Empfehlungen", "Informationen", "Ideen",
                "Wünsche", "Maßnahmen", "Unterstützung", "Rückmeldung", "Rückmeldungen", "Einwände",
                "Kritik", "Lob", "Dank", "Gelder", "Mittel", "Zuschüsse", "Aufgaben", "Themen"}


_AFTER_A_NAME = {"werden", "worden", "sollen", "wollen", "können", "müssen", "haben", "geben", "tagen", "treffen",
                 "zusammen", "bestehen", "einrichten", "gründen", "bilden", "einsetzen"}


def _object_after_indefinite(doc: Doc, i: int, end: int) -> bool:
    """Whether the one word after "eine Arbeitsgruppe" is the object of a verb that follows ("eine Projektgruppe
    Vorschläge erarbeiten", "eine Projektgruppe Klarheit darüber schaffen"), not the group's name."""
    adjective = i > 1 and doc[i - 1].lower_ not in _INDEFINITE and doc[i - 1].text[:1].islower() \
        and doc[i - 1].lower_.endswith(("e", "en"))
    article = i - 2 if adjective else i - 1
    if article < 0 or doc[article].lower_ not in _INDEFINITE or end >= len(doc):
        return False  # "eine (weitere) Projektgruppe ..."
    nxt = doc[end].text
    return nxt in ("darüber", "darum", "dazu", "dafür", "damit") or (
        nxt[:1].islower() and nxt.endswith("en") and nxt not in _AFTER_A_NAME)


def _is_group_word(word: str) -> bool:
    cfg = data()
    return word in cfg["group_words"] or word in cfg["group_abbreviations"]


_PLACE_PREPOSITIONS = {"im", "vom", "zum", "beim"}
_DEMONSTRATIVES = {"dieser", "diese", "dieses", "diesem", "diesen", "jener", "jene", "jenes"}
# "der Arbeitskreis", "der Runde Tisch" (the article tells whether a body acts in its clause)
_GROUP_GENDER = {"Arbeitskreis": "m", "AK": "m", "Runder Tisch": "m", "Jour fixe": "m"}
_TOWN_WORDS = {"Stadt", "Gemeinde", "Landeshauptstadt", "Samtgemeinde", "Hansestadt", "Verbandsgemeinde", "Kreises",
               "Landkreises", "Marktgemeinde", "Universitätsstadt"}
# the members an assembly is named after: "der Lokalen Agenda 21", "der Regensburger Alten- und Seniorenclubs"
_OWNER_NAME = re.compile(r"(?:\s+(?:der|des)\s+(?!Stadt\b|Gemeinde\b|Landeshauptstadt\b|Samtgemeinde\b|Hansestadt\b)"
                         r"[A-ZÄÖÜ][\wäöüß]*-?(?:\s+(?:und\s+)?(?:[A-ZÄÖÜ][\wäöüß]*-?|\d{1,3}\b)){0,4}){1,2}")
_OTHER_TOWN = re.compile(r" (?:der|des) (?:Stadt|Gemeinde|Landeshauptstadt|Samtgemeinde|Hansestadt|Verbandsgemeinde|"
                         r"Ortsgemeinde|Marktgemeinde|Region|Amtes|Kreises|Landkreises) "
                         r"(?P<place>(?:(?:Bad|Sankt|St\.) )?[A-ZÄÖÜ][\wäöüß-]+)")
_TOWN_PREFIXES = ("Bad", "Sankt", "St.")


def _town_word(place: str) -> str:
    """The word that names the town: "Frankfurt" of "Frankfurt am Main", "Segeberg" of "Bad Segeberg"."""
    words = place.split()
    return words[1] if len(words) > 1 and words[0] in _TOWN_PREFIXES else words[0]
# heads that may name one body twice in a text ("Lenkungsgruppe"/"Lenkungsgremium", "Seniorenbeirat"/"Seniorenrat");
# a "Jugendparlament" and a "Jugendbeirat" are two bodies
_HEAD_FAMILY = {"gruppe": "group", "gremium": "group", "kreis": "group", "runde": "group", "team": "group",
                "stab": "group", "beirat": "board", "rat": "board", "parlament": "parliament",
                "vertretung": "parliament"}
# "Stadtratssitzung", "Kreistags-Sitzung", "des Samtgemeinderatsbeschlusses" (a decision only of a named council:
# a bare "Ratsbeschluss" may be any council's)
_COUNCIL_SESSION = re.compile(r"((?:Stadt|Gemeinde|Marktgemeinde|Samtgemeinde|Ortschafts|Orts|Ortsbei|Stadtbezirks)rat|"
                              r"Kreistag|Rat)s?-?[Ss]itzung(?:en)?|"
                              r"((?:Stadt|Gemeinde|Marktgemeinde|Samtgemeinde|Ortschafts|Orts|Ortsbei|Stadtbezirks)rat|"
                              r"Kreistag)s-?[Bb]eschl(?:uss|usses|üsse|üssen)")
_POSSESSIVE = {"ihr", "ihres", "ihrem", "ihren", "sein", "seines", "seinem", "seinen", "mein", "dein", "unser"}
_NOT_A_REGION = {"Anfang", "Ende", "Mitte", "Beginn"}  # "trat ihr Amt Anfang Mai an"
_TITLES = {"Frau", "Dr", "Prof"}  # a person after the head: "Lenkungsgruppe Frau Meier" is no name of the group
_DISTRICT_COUNCILS = {"bezirksvertretung", "bezirksversammlung"}  # named after their part of town
_GENDER = {"ausschuss": "m", "fachausschuss": "m", "beirat": "m", "rat": "m", "fachbereich": "m",
           "geschäftsbereich": "m"}
# what a bare head names when a complement follows ("Kommission für Denkmalpflege", "Fachausschuss für Verkehr")
_BARE_KINDS = {"amt": "department", "büro": "department", "rat": "advisory_board", "ausschuss": "committee",
               "fachausschuss": "committee", "beirat": "advisory_board", "kommission": "committee",
               "konferenz": "conference"}
_INDEFINITE = {"ein", "eine", "einen", "einem", "einer", "eines", "kein", "keinen", "keinem"}
_DECIDES = {"beschließt", "beschloss", "beschlossen", "stimmt", "stimmte", "möge", "fasst", "fasste", "empfahl",
            "empfiehlt", "lehnte", "lehnt", "billigte", "verabschiedete", "wählte"}
COUNCIL_WORD = re.compile(r"(stadtrat|gemeinderat|ortschaftsrat|kreistag|kreisrat|samtgemeinderat|stadtbezirksrat|"
                          r"bezirksrat|verbandsgemeinderat|ortsgemeinderat|ortsteilrat|ortsrat|ortsbeirat|marktgemeinderat|"
                          r"bürgerschaft|senat)"
                          r"(?:es|s)?")
# councils of a part of town carry its name: "Stadtbezirksrat Nord", "Ortsrat Mitte"
NAMED_COUNCILS = {"stadtbezirksrat", "bezirksrat", "ortsrat", "ortsbeirat", "ortschaftsrat", "ortsteilrat"}


def _coordinated_start(doc: Doc, i: int) -> int:
    """Start token of 'Kinder- und Jugendbeirat', 'Bau-, Planungs- und Umweltausschuss' ending at token i."""
    k = i - 1
    if k < 1 or doc[k].text not in ("und", "u.", "oder", "sowie", "&") or not _truncated(doc[k - 1]):
        return i
    start = k - 1
    k -= 2
    while k >= 1 and doc[k].text == "," and _truncated(doc[k - 1]):
        start = k - 1
        k -= 2
    return start


def _is_place(doc: Doc, tok: Token, places: set[str]) -> bool:
    """A town's name after a council word ("Stadtrat Heilsbronn"), not a person's ("Stadtrat Müller"):
    the council's place, or a capitalised word the text names again and never after Herr or Frau."""
    if tok.text in places:
        return True
    if not _is_cap(tok) or tok.text in NAME_STOP or _match_head(tok.text):
        return False
    named_again = doc.user_data.setdefault(_NAMED_AGAIN_KEY, {})  # per word: the text is scanned once
    if tok.text not in named_again:
        word = re.escape(tok.text)
        text = text_of(doc)
        named_again[tok.text] = len(re.findall(r"\b" + word + r"\b", text)) >= 2 and not re.search(
            r"\b(?:Herrn?|Frau|Dr\.)\s+" + word + r"\b", text)
    return named_again[tok.text]


def _truncated(tok: Token) -> bool:
    return len(tok.text) > 2 and tok.text.endswith("-") and tok.text[0].isupper()


def recognised_council(doc: Doc) -> Council | None:
    """The council the document's head names, recognised once per Doc: the organisation finder needs its
    place, and the keys of the document's records its slug."""
    if _COUNCIL_KEY not in doc.user_data:
        doc.user_data[_COUNCIL_KEY] = recognise(text_of(doc))
    return doc.user_data[_COUNCIL_KEY]


_COUNCIL_KEY = "ratsinfo_council"
_NAMED_AGAIN_KEY = "ratsinfo_named_again"
# words that name no body of their own but the one committee named before ("des Fachausschusses")
_BACK_REFERENCES = frozenset({"Ausschuss", "Ausschusses", "Fachausschuss", "Fachausschusses"})
_ROUND_TABLE = re.compile(r"rund(?:e|er|en|es)? tisch(?:es|s|e)?|jour fixe")


@cache
def _lower_group_initials() -> frozenset[str]:
    """First letters of group words written in lower case (none today): the only tokens without a capital
    that may start a mention."""
    cfg = data()
    return frozenset(w[:1] for w in (*cfg["group_abbreviations"], *cfg["group_words"]) if not w[:1].isupper())


@lru_cache(maxsize=65536)
def _may_start(word: str) -> bool:
    """Whether a rule of ``find_mentions`` can start a mention at this word: a group word, "Runder Tisch",
    "Jour fixe", "Fraktion", a head that needs a name ("Amt für"), a compound head or a council. Most capitalised
    words ("Sitzung", "Jahr") start none; one cached answer per word spares trying every rule on them."""
    cfg = data()
    low = word.casefold()
    return (word in cfg["group_abbreviations"] or word in cfg["group_words"]
            or re.sub(r"e?s$", "", word) in cfg["group_words"] or low.startswith(("rund", "jour"))
            or word == "Gruppe" or word in _FACTION_WORDS
            or low in BARE_WITH_NAME or word in _BACK_REFERENCES
            or _COUNCIL_SESSION.fullmatch(word) is not None
            or len(word) >= 3 and (_match_head(word) is not None or COUNCIL_WORD.fullmatch(low) is not None))


def find_mentions(doc: Doc) -> list[Mention]:
    cfg = data()
    out: list[Mention] = []
    full = text_of(doc)
    council = recognised_council(doc)
    places = {_town_word(council.place)} if council else set()
    hanseatic = council is not None and "Hanse" in council.name
    i = 0
    n = len(doc)
    strings = doc.vocab.strings
    words = [strings[orth] for orth in doc.to_array(ORTH).tolist()]  # the tokens' texts, without making tokens
    lower_starts = _lower_group_initials()
    while i < n:
        text = words[i]
        if not text[:1].isupper() and text[:1] not in lower_starts or not _may_start(text):
            i += 1  # every mention starts at a capital ("AG", "Fraktion", "Runder Tisch", "Stadtrat") of a kind
            continue
        cap = text[0].isupper() and text[0].isalpha()  # _is_cap(doc[i]), without making the token
        # AG Innenstadt, Arbeitskreis Jugend, Runder Tisch Sicherheit, Jour fixe Prävention
        group_kind = cfg["group_abbreviations"].get(text) or cfg["group_words"].get(text) or (
            cfg["group_words"].get(re.sub(r"e?s$", "", text)) if i + 1 < n and words[i + 1] in _OPEN_QUOTES
            else None)  # 'des Arbeitskreises "Umwelt"'
        if group_kind and text not in cfg["group_words"] and text not in cfg["group_abbreviations"]:
            text = re.sub(r"e?s$", "", text)
        multi = None
        if text[:1].isupper() and text.casefold().startswith(("rund", "jour")) and i + 1 < n:
            pair = f"{text} {words[i + 1]}".casefold()
            if _ROUND_TABLE.fullmatch(pair):
                multi = "Runder Tisch" if pair.startswith("rund") else "Jour fixe"
        if group_kind or multi:
            first = i + 1 if multi else i
            end = _group_name(doc, first)
            if multi == "Runder Tisch" and end <= first + 1:
                prior = [m for m in out if m.head == "runder tisch"]
                if prior:  # "des Runden Tisches": the round table named before
                    p = prior[-1]
                    span = doc[i:i + 2]
                    out.append(Mention(span.start_char, span.end_char, span.text, p.display, p.kind, p.key, p.gender,
                                       head=p.head, is_abbreviation=True))
                    i += 2
                    continue
            if end == first + 2 and not multi and _object_after_indefinite(doc, i, end):
                i = end - 1  # "soll eine Projektgruppe Lösungen erarbeiten": "Lösungen" is what the group does
                continue
            if end > first + 1 or multi == "Jour fixe":
                span = doc[i:end]
                name = multi if multi else text
                rest = doc[first + 1:end].text if end > first + 1 else ""
                rest = rest.strip("„“”\"‚‘»«").replace("“ ", " ").strip()
                display = f"{name} {rest}".strip()
                kind = "working_group" if multi == "Runder Tisch" else ("staff" if multi else group_kind)
                out.append(Mention(span.start_char, span.end_char, span.text, display, kind,
                                   canonical_key(display), _GROUP_GENDER.get(name, "f"), head=name.casefold()))
                i = end
                continue
        factions = _FACTIONS_OF.match(full, doc[i].idx) if text in _FACTION_WORDS else None
        if factions and (factions.group("of") or len(_FACTION_PARTY.findall(factions.group(0))) > 1):
            # "der Fraktion der CDU", "die Fraktionen von SPD und CDU", "der Fraktionen CDU, SPD und FDP", "die
            # Ratsfraktion der Freien Wähler": each the party's faction
            for p in _FACTION_PARTY.finditer(full, factions.end("word"), factions.end()):
                party = " ".join(p.group("party").split())
                display = f"{party}-Fraktion" if " " not in party else f"Fraktion {_NOMINATIVE_PARTY.get(party, party)}"
                start = factions.start() if p.start() <= factions.end("of" if factions.group("of") else "word") + 1 \
                    else p.start("party")
                out.append(Mention(start, p.end("party"), full[start:p.end("party")], display, "faction",
                                   canonical_key(display), "f", head="fraktion"))
            while i < n and doc[i].idx < factions.end():
                i += 1
            continue
        alliance = _ALLIANCE.match(full, doc[i].idx) if text == "Gruppe" else None
        if alliance:
            # "Gruppe Die LINKE und PIRATEN", "der Gruppe Grüne/UWG": parties that work together as one faction
            display = " ".join(alliance.group(0).split())
            out.append(Mention(alliance.start(), alliance.end(), alliance.group(0), display, "faction",
                               canonical_key(display), "f", head="gruppe"))
            while i < n and doc[i].idx < alliance.end():
                i += 1
            continue
        if text == "Fraktion" and i > 0 and doc[i - 1].text in _PARTY_ADJECTIVES and not (
                out and out[-1].end >= doc[i - 1].idx):
            # "der Grünen Fraktion": the party's adjective before the word
            span = doc[i - 1:i + 1]
            display = f"{_PARTY_ADJECTIVES[doc[i - 1].text]} Fraktion"
            out.append(Mention(span.start_char, span.end_char, span.text, display, "faction",
                               canonical_key(display), "f", head="fraktion"))
            i += 1
            continue
        if text == "Fraktion" and i + 1 < n and (doc[i + 1].text[:1].isupper() or doc[i + 1].text[:1].isdigit()):
            k = i + 1
            while k < n and k <= i + 5 and "\n" not in doc[k - 1].whitespace_ and (
                    doc[k].text[:1].isupper() or doc[k].text[:1].isdigit() or doc[k].text in ("/", "-")):
                if doc[k].text in NAME_STOP and not (k == i + 1 and doc[k].text == "Die" and k + 1 < n
                                                     and doc[k + 1].text[:1].isupper()):
                    break  # "Fraktion Die Grünen" keeps its article
                k += 1
            if k > i + 1:
                span = doc[i:k]
                out.append(Mention(span.start_char, span.end_char, span.text, span.text, "faction",
                                   canonical_key(span.text), "f", head="fraktion"))
                i = k
                continue
        if cap and text.casefold() in BARE_WITH_NAME and i + 1 < n:
            base = text
            low = text.casefold()
            for h in NAMED_DEPARTMENTS + ("fachausschuss", "ausschuss", "beirat", "amt", "rat", "kommission",
                                          "konferenz", "büro"):
                if low.startswith(h):
                    base = text[: len(h)]
                    break
            named = low.startswith(NAMED_DEPARTMENTS) and doc[i + 1].text not in _TITLES \
                and doc[i + 1].text not in first_names()  # "Abteilung Frau Meier": a person of the unit
            # "Beirat für Menschen mit Behinderungen" (also "f."), "Beirat von Menschen mit ..." (not "Rat von der
            # Stadt")
            complement = doc[i + 1].text in ("für", "f.") or doc[i + 1].text == "von" and base.casefold() in (
                "beirat", "ausschuss") and i + 2 < n and _is_cap(doc[i + 2]) or (
                # "Beirat der Volkshochschule": a board named after the institution it advises
                # "Büro der Kreisorgane", "Büro des Oberbürgermeisters": an office named after those it serves
                doc[i + 1].text in ("der", "des") and base.casefold() in ("beirat", "büro") and i + 2 < n
                and _is_cap(doc[i + 2]) and doc[i + 2].text not in _TOWN_WORDS and not _match_head(doc[i + 2].text)
                and not COUNCIL_WORD.fullmatch(doc[i + 2].lower_))
            if not complement and not named and base.casefold() in _FIELD_NAMED:
                fields = _fields_after(doc, i)
                if fields:
                    span = doc[i:fields]
                    display = base + " " + doc[i + 1:fields].text
                    out.append(Mention(span.start_char, span.end_char, span.text, display,
                                       _BARE_KINDS[base.casefold()], canonical_key(display),
                                       _GENDER.get(base.casefold(), "f"), head=base.casefold()))
                    i = fields
                    continue
            number = _UNIT_NUMBER.fullmatch(doc[i + 1].text)
            if (named or low in ("amt", "amtes")) and number and not (i + 2 < n and (doc[i + 2].text in (
                    "-", "–", ":") or doc[i + 2].text.isdigit() or doc[i + 2].text in _TIME_UNITS)) \
                    and not (i > 0 and (doc[i - 1].lower_ in _POSSESSIVE or doc[i - 1].lower_ in ("im", "ins"))):
                # "Fachbereich 3", "Amt 61", "Dezernat III": a unit by its number ("FB 31 - Schule" is named
                # whole elsewhere)
                span = doc[i:i + 2]
                display = base + " " + doc[i + 1].text
                out.append(Mention(span.start_char, span.end_char, span.text, display, "department",
                                   canonical_key(display), _GENDER.get(base.casefold(), "n"), head=base.casefold()))
                i += 2
                continue
            if complement or named and _is_cap(doc[i + 1]):
                e = _group_name(doc, i + 1 if complement else i, commas=True)
                if e > i + (2 if complement else 1):
                    kind = _BARE_KINDS.get(base.casefold(), "department")
                    span = doc[i:e]
                    display = base + " " + doc[i + 1:e].text
                    out.append(Mention(span.start_char, span.end_char, span.text, display, kind,
                                       canonical_key(display), _GENDER.get(base.casefold(), "n"), head=base.casefold()))
                    i = e
                    continue
        session_of = _COUNCIL_SESSION.fullmatch(text)
        council_word = session_of and (session_of.group(1) or session_of.group(2))
        if council_word and not any(m.head == council_word.casefold() and m.kind == "council" for m in out):
            # "Stadtratssitzung", "Kreistags-Sitzung": the council whose session it is, named nowhere else
            name = council_word[0].upper() + council_word[1:].casefold()
            out.append(Mention(doc[i].idx, doc[i].idx + len(text), text, name, "council", canonical_key(name), "m",
                               head=name.casefold(), is_abbreviation=True))
            i += 1
            continue
        landscape = text in ("Amt", "Amtes", "Amts") and i + 3 < n and "\n" not in doc[i].whitespace_ \
            and _LANDSCAPE_ADJ.fullmatch(doc[i + 1].text) and _is_cap(doc[i + 2]) and doc[i + 2].text not in NAME_STOP \
            and not _match_head(doc[i + 2].text) and not _is_cap(doc[i + 3]) and "\n" not in doc[i + 1].whitespace_
        if landscape:
            # an Amt named after a landscape: "Amt Hüttener Berge", "des Amtes Dänischer Wohld"
            span = doc[i:i + 3]
            display = "Amt " + doc[i + 1:i + 3].text
            out.append(Mention(span.start_char, span.end_char, span.text, display, "department",
                               canonical_key(display), "n", head="amt"))
            i += 3
            continue
        if text in ("Amt", "Amtes", "Amts") and i + 1 < n and _is_cap(doc[i + 1]) and "\n" not in doc[i].whitespace_ \
                and doc[i + 1].text not in NAME_STOP and doc[i + 1].text not in _NOT_A_REGION \
                and not _match_head(doc[i + 1].text) and not (i > 0 and doc[i - 1].lower_ in _POSSESSIVE) and (
                    i + 2 >= n or "\n" in doc[i + 1].whitespace_
                    or not _is_cap(doc[i + 2]) and doc[i + 2].text not in (",", "und", "&", "/")
                    or _REGION.fullmatch(doc[i + 1].text)):  # "des Amtes Kropp-Stapelholm, Am Markt 1"
            # an Amt of Schleswig-Holstein named after its region: "Amt Südtondern", "des Amtes Schlei-Ostsee"
            span = doc[i:i + 2]
            display = "Amt " + doc[i + 1].text
            out.append(Mention(span.start_char, span.end_char, span.text, display, "department",
                               canonical_key(display), "n", head="amt"))
            i += 2
            continue
        if text in _BACK_REFERENCES and not (
                i > 0 and doc[i - 1].lower_ in _INDEFINITE):
            # "des Ausschusses", "des Fachausschusses" after "Ausschuss für Bildung ...": the one committee named
            # before
            prior = {m.key: m for m in out if m.kind == "committee" and m.head.endswith("ausschuss")}
            if len(prior) == 1:
                p = next(iter(prior.values()))
                out.append(Mention(doc[i].idx, doc[i].idx + len(text), text, p.display, p.kind, p.key, p.gender,
                                   head=p.head, determinant=p.determinant, is_abbreviation=True))
                i += 1
                continue
        if cap and len(text) >= 3:
            hm = _match_head(text)
            if hm and text in cfg.get("generic_group_words", ()):
                hm = None  # "der Arbeitskreis" alone names no body; it refers back to one
            if hm:
                tok = doc[i]
                head, base, _infl = hm
                start_i = _coordinated_start(doc, i)
                if start_i < i:  # "Kinder- und Jugendbeirat", "Bau-, Planungs- und Umweltausschuss"
                    base = doc[start_i:i].text + " " + base
                elif head.kind == "faction" and i > 1 and doc[i - 1].text == "/" and not doc[i - 2].whitespace_ \
                        and not doc[i - 1].whitespace_ and _PARTY.fullmatch(doc[i - 2].text):
                    start_i = i - 2  # "CDU/CSU-Fraktion": two parties in one faction
                    base = doc[i - 2].text + "/" + base
                adjs: list[str] = []
                k = start_i - 1
                while k >= 0 and _adj_stem(doc[k].text) and (
                        doc[k].text[0].isupper() or _adj_stem(doc[k].text) in cfg["lowercase_adjectives"]):
                    stem = _adj_stem(doc[k].text)
                    adj = stem + NOM_ENDING[head.gender]
                    adjs.insert(0, adj.capitalize() if doc[k].text[0].isupper() else adj)
                    start_i = k
                    k -= 1
                end_i = i + 1
                extra = ""
                nxt = doc[i + 1] if i + 1 < n else None
                if nxt is not None and nxt.text == "für" and head.kind in ("committee", "advisory_board", "department",
                                                                          "working_group", "council"):
                    e = _group_name(doc, i + 1)
                    if e > i + 2:
                        extra = " " + doc[i + 1:e].text
                        end_i = e
                elif nxt is not None and nxt.text in _OPEN_QUOTES and head.kind in ("working_group", "department",
                                                                                    "staff"):
                    e = _group_name(doc, i)  # Stabsstelle „Vielfalt und Internationales“, Netzwerk „PAC“
                    if e > i + 2:
                        extra = " " + doc[i + 2:e - 1].text.strip()
                        end_i = e
                elif nxt is not None and head.kind in ("police", "department", "faction") and not (
                        head.kind == "faction" and "-" in text) and (
                        nxt.text.isupper() and len(nxt.text) >= 2 or _is_cap(nxt) and head.kind != "department"
                        and nxt.text not in NAME_STOP and not _match_head(nxt.text)
                        # an office named after its district: "Ortsamt Burglesum", "Landratsamt Ortenaukreis"
                        or head.suffix == "amt" and "\n" not in tok.whitespace_ and _is_cap(nxt)
                        and (nxt.text.endswith("kreis") or _is_place(doc, nxt, places))):
                    e = _group_name(doc, i) if head.kind == "faction" else i + 2
                    party = _PARTY_AFTER.match(full, tok.idx + len(text)) if head.kind == "faction" else None
                    if party and party.end() > doc[e - 1].idx + len(doc[e - 1].text):
                        # "Kreistagsfraktion Bündnis 90/Die Grünen": the party's name with its number and slash
                        while e < n and doc[e].idx < party.end():
                            e += 1
                    extra = " " + doc[i + 1:e].text
                    end_i = e
                elif nxt is not None and head.kind == "council" and "\n" not in tok.whitespace_ and (
                        _is_place(doc, nxt, places) or base.casefold() in _DISTRICT_COUNCILS and _is_cap(nxt)
                        and nxt.text not in NAME_STOP and not _match_head(nxt.text)):
                    # "Gemeindevertretung Humptrup", "Kreistag Lörrach", "Bezirksvertretung Nord"
                    extra = " " + nxt.text
                    end_i = i + 2
                elif nxt is not None and head.kind in NAMEABLE_KINDS and "\n" not in tok.whitespace_ and not (
                        i > 0 and doc[i - 1].lower_ in _DEMONSTRATIVES):  # "soll dieser Beirat Hilfe ... sein"
                    # a name after the head: "Fachbeirat Sport", "Lenkungsgruppe Sicheres Quartier"
                    k = i + 1
                    while k < n and k <= i + 2 and _is_cap(doc[k]) and doc[k].text not in NAME_STOP \
                            and doc[k].text not in _TITLES and doc[k].text not in first_names() \
                            and doc[k].text not in _NOT_A_FIELD \
                            and not _match_head(doc[k].text) and "\n" not in doc[k - 1].whitespace_:
                        k += 1
                    after = doc[k] if k < n else None
                    if k > i + 1 and (after is None or not _is_cap(after) or "\n" in doc[k - 1].whitespace_):
                        extra = " " + doc[i + 1:k].text
                        end_i = k
                owner_name = _OWNER_NAME.match(full, tok.idx + len(text)) \
                    if head.kind == "conference" and not extra and i + 2 < n and doc[i + 1].text in ("des", "der") \
                    and _match_head(doc[i + 2].text) is None and not COUNCIL_WORD.fullmatch(doc[i + 2].lower_) else None
                if owner_name and not any(_match_head(w) for w in owner_name.group(0).split()):
                    # "Vollversammlung der Lokalen Agenda 21", "Delegiertenversammlung der Alten- und Seniorenclubs":
                    # an assembly named after those who meet in it (no body of its own: "Plenum des Beirates")
                    extra = " " + " ".join(owner_name.group(0).split())
                    while end_i < n and doc[end_i].idx < owner_name.end():
                        end_i += 1
                if head.suffix == "geschäftsstelle" and not extra and i + 2 < n and doc[i + 1].text in ("des", "der") \
                        and (_match_head(doc[i + 2].text) is not None or COUNCIL_WORD.fullmatch(doc[i + 2].lower_)):
                    extra = " " + doc[i + 1:i + 3].text  # "Geschäftsstelle des Integrationsrates"
                    end_i = i + 3
                if not extra and head.kind in ("advisory_board", "committee", "council"):
                    owner = _OTHER_TOWN.match(full, tok.idx + len(text))
                    if owner and places and _town_word(owner.group("place")) not in places:
                        # a body of another council keeps its town in the name (and in its key)
                        extra = owner.group(0).rstrip()
                        while end_i < n and doc[end_i].idx < owner.end():  # (a position in the whole text)
                            end_i += 1
                det = base.casefold().split()[-1][: -len(head.suffix)]
                kind = head.kind
                if not det and head.suffix in BARE_NEEDS_ADJ and not adjs and not extra:
                    # "der Rat", "das Amt": too generic, unless a body owns it ("das Plenum des Präventionsrates")
                    owned = i + 2 < n and doc[i + 1].text in ("des", "der") and (
                        _match_head(doc[i + 2].text) is not None or doc[i + 2].text.isupper() and len(doc[i + 2]) > 1)
                    owner = re.match(r"\s+(?:der|von\s+der)\s+(?:Stadt|Landeshauptstadt|Gemeinde|Samtgemeinde|"
                                     r"Hansestadt)\s+[A-ZÄÖÜ][\wäöüß-]+",
                                     full[tok.idx + len(text):tok.idx + len(text) + 60])
                    prev_word = doc[i - 1].lower_ if i > 0 else ""
                    council_like = owner or prev_word in _PLACE_PREPOSITIONS or (
                        prev_word == "des" and i > 1 and doc[i - 2].lower_ in ("sitzung", "geschäftsordnung")) or (
                        i + 1 < n and doc[i + 1].lower_ in _DECIDES) or (
                        prev_word == "der" and i > 1 and doc[i - 2].lower_ in _DECIDES)  # "beschloss der Rat"
                    if not owned and head.suffix == "rat" and council_like and (
                            owner or not any(m.head == "rat" and m.kind == "advisory_board" for m in out)):
                        # "im Rat", "der Rat der Stadt Köln", "der Rat beschließt": the council itself
                        e = i + 1
                        display = "Rat"
                        if owner:
                            end_char = tok.idx + len(text) + owner.end()
                            while e < n and doc[e].idx < end_char:
                                e += 1
                            display = "Rat " + re.sub(r"^von\s+", "", owner.group(0).strip())
                        span = doc[i:e]
                        out.append(Mention(span.start_char, span.end_char, span.text, display, "council",
                                           canonical_key(display), "m", head="rat"))
                        i = e
                        continue
                    if not owned:
                        # "des Beirates" after "Seniorenbeirat": a short name for a body already named
                        prior = [m for m in out if m.head == head.suffix or m.head.endswith(head.suffix)]
                        if prior and not (i > 0 and doc[i - 1].lower_ in _INDEFINITE):
                            p = prior[-1]
                            out.append(Mention(tok.idx, tok.idx + len(text), text, p.display, p.kind, p.key,
                                               p.gender, head=p.head, determinant=p.determinant,
                                               is_abbreviation=True))
                        i += 1
                        continue
                if not det and head.suffix == "rat":
                    kind = "advisory_board"  # "Kriminalpräventiver Rat"; councils are "Stadtrat", "Gemeinderat"
                span = doc[start_i:end_i]
                display = " ".join(adjs + [base]) + extra
                if base.casefold() in ("stadtrat", "gemeinderat", "ortschaftsrat", "kreisrat") and nxt is not None \
                        and _is_cap(nxt) and not nxt.is_punct:
                    i += 1
                    continue
                out.append(Mention(span.start_char, span.end_char, span.text, display, kind,
                                   canonical_key(display), head.gender, head=head.suffix, determinant=det))
                i = end_i
                continue
            council = COUNCIL_WORD.fullmatch(text.casefold())
            # the Bürgerschaft and the Senat of a Hansestadt ("Senat" elsewhere is a university's)
            if council and (council.group(1) not in ("bürgerschaft", "senat") or hanseatic):
                tok = doc[i]
                nxt = doc[i + 1] if i + 1 < n else None
                name = text[: len(council.group(1))]
                gender = "f" if council.group(1) == "bürgerschaft" else "m"
                named = nxt is not None and "\n" not in tok.whitespace_ and (
                    _is_place(doc, nxt, places) or council.group(1) in NAMED_COUNCILS and _is_cap(nxt)
                    and nxt.text not in NAME_STOP and not (i + 2 < n and doc[i + 2].text == "("))
                if named:
                    # "Stadtrat Heilsbronn", "Stadtbezirksrat Misburg-Anderten"; not "Stadtrat Müller"
                    name = f"{name} {nxt.text}"
                    out.append(Mention(tok.idx, nxt.idx + len(nxt.text), doc[i:i + 2].text, name, "council",
                                       canonical_key(name), gender, head=council.group(1)))
                    i += 2
                    continue
                if nxt is None or not _is_cap(nxt) or nxt.is_punct:
                    out.append(Mention(tok.idx, tok.idx + len(text), text, name, "council", canonical_key(name), gender,
                                       head=name.casefold()))
        i += 1
    if "genda" in full:
        out += _local_agendas(full)
    out += _letter_spaced(full, out)
    out += _listed_groups(full, out)
    out += _numbered_departments(full, out)
    if "leiter" in full or "Leit" in full:
        out += _headed_units(full, out)
    if "Verwaltung" in full:
        out += _staff_units(full, out)
    out.sort(key=lambda m: m.start)
    return [_without_place(m, places) for m in out]


# a heading set in spaced letters ("S i t z u n g  d e s  B a u a u s s c h u s s e s"): each word's letters one
# space apart, the words further apart
_LETTER_SPACED = re.compile(r"(?<![\wäöüß])(?:[A-Za-zÄÖÜäöüß] ){4,}[A-Za-zÄÖÜäöüß](?![\wäöüß])")


def _letter_spaced(text: str, taken: list[Mention]) -> list[Mention]:
    """Bodies in a letter-spaced heading, named by the word its letters spell ("B e i r a t" is no body alone:
    a compound or a council word is)."""
    out = []
    for m in _LETTER_SPACED.finditer(text):
        word = m.group(0).replace(" ", "")
        word = word[0] + word[1:].casefold()
        hm = _match_head(word)
        council = COUNCIL_WORD.fullmatch(word.casefold())
        if not (hm or council) or any(x.start < m.end() and m.start() < x.end for x in taken):
            continue
        if hm:
            head, base, _infl = hm
            det = base.casefold()[: -len(head.suffix)]
            if not det and head.suffix in BARE_NEEDS_ADJ:
                continue
            display, kind, gender, suffix = base, head.kind, head.gender, head.suffix
        else:
            display = word[: len(council.group(1))]
            kind, gender, suffix, det = "council", "m", council.group(1), ""
        out.append(Mention(m.start(), m.end(), m.group(0), display, kind, canonical_key(display), gender,
                           head=suffix, determinant=det))
    return out


# the Lokale Agenda 21 of a town: citizens, groups and the administration working on its sustainability process
_LOCAL_AGENDA = re.compile(r"\b[Ll]okalen?\s+Agenda(?:[\s-]+21)?(?![\wäöüß-])|\bLA[\s-]?21\b")


def _local_agendas(text: str) -> list[Mention]:
    """'der Lokalen Agenda 21', 'Lokale Agenda', 'LA 21': one body, named in the nominative."""
    out = []
    for m in _LOCAL_AGENDA.finditer(text):
        display = "Lokale Agenda 21" if "21" in m.group(0) else "Lokale Agenda"
        out.append(Mention(m.start(), m.end(), m.group(0), display, "working_group", canonical_key(display), "f",
                           head="agenda"))
    return out


_PLURAL_GROUPS = {"arbeitskreise": "Arbeitskreis", "arbeitsgruppen": "Arbeitsgruppe", "projektgruppen": "Projektgruppe",
                  "ags": "AG", "runde tische": "Runder Tisch", "runden tische": "Runder Tisch",
                  "unterarbeitsgruppen": "Unterarbeitsgruppe", "ag-sitzungen": "AG",
                  "arbeitskreissitzungen": "Arbeitskreis", "arbeitsgruppensitzungen": "Arbeitsgruppe",
                  "gruppen": "Arbeitsgruppe"}
# "vier Arbeitskreise (Energie, ...)", "in drei AG-Sitzungen (Mobilität, ...)", "die Arbeitskreise „A“ und „B“",
# "teilten sich in drei Gruppen zu den Themen „A“, „B“ und „C“ ein" (plain "Gruppen" only before "zu den Themen")
_GROUP_LIST = re.compile(
    r"(?P<plural>Arbeitskreise|Arbeitsgruppen|Unterarbeitsgruppen|Projektgruppen|AGs|Runden?\s+Tische|AG-Sitzungen|"
    r"Arbeitskreissitzungen|Arbeitsgruppensitzungen|Gruppen(?=\s+zu\s+den\s+Themen\s+[„\"“]))"
    r"(?:\s*\([A-Za-zÄÖÜ]{2,6}\))?(?:\s*,?\s*(?:unter\s+anderem|u\.\s?a\.|darunter|z\.\s?B\.|nämlich)\s*:?)?"
    r"(?:\s+zu\s+den\s+Themen)?\s*"
    r"(?:\((?P<list>[^()\n]{3,200})\)|(?P<quoted>[„\"“][^„“”\"\n]{2,60}[“”\"]"
    r"(?:\s*\([^()\n]{2,60}\))?(?:\s*(?:,|und|sowie)\s*[„\"“][^„“”\"\n]{2,60}[“”\"](?:\s*\([^()\n]{2,60}\))?)+))")
_ITEM = re.compile(r"[„\"“](?P<q>[^„“”\"\n]+)[“”\"]|\([^()\n]*\)"
                   r"|(?P<w>[A-ZÄÖÜ][\w\-äöüß]*(?:\s+[A-ZÄÖÜ&][\w\-äöüß]*){0,3})")


def _listed_groups(text: str, taken: list[Mention]) -> list[Mention]:
    """'vier Arbeitskreise (Energie, Gesundheit, Natur und Verkehr)', 'die Runden Tische „Radverkehr“ und
    „Stadtklima“': one working group per item, named with the singular."""
    out = []
    for m in _GROUP_LIST.finditer(text):
        singular = _PLURAL_GROUPS[re.sub(r"\s+", " ", m.group("plural")).casefold()]
        group = "list" if m.group("list") else "quoted"
        body = m.group(group)
        if group == "list" and not re.fullmatch(r"[A-ZÄÖÜ][^()]*", body.strip()):
            continue
        base = m.start(group)
        for it in _ITEM.finditer(body):
            if not (it.group("q") or it.group("w")):
                continue  # "(Sprecherin Ida Noll)" after an item names its speaker
            name = (it.group("q") or it.group("w")).strip()
            a, b = base + it.start(), base + it.end()
            if any(x.start < b and a < x.end for x in taken) or len(name) < 3:
                continue
            display = f"{singular} {name}"
            kind = cfg_kind = data()["group_words"].get(singular) or data()["group_abbreviations"].get(singular)
            out.append(Mention(a, b, text[a:b], display, cfg_kind or "working_group", canonical_key(display), "f",
                               head=singular.casefold()))
            del kind
    return out


# a field of work: "Schule", "Öffentliche Sicherheit"
_FIELD = r"(?:[A-ZÄÖÜ][a-zäöüß]+(?:isch|lich|ig|al|er|en)e[nr]?\s+)?[A-ZÄÖÜ][\wäöüß-]+"
# a numbered department with its name: "FB 31 - Schule und Weiterbildung", "FB32 - Öffentliche Sicherheit und Ordnung"
_NUMBERED_DEPARTMENT = re.compile(r"\b(?:FB|Fachbereich|Amt|Dezernat|Referat)\s?\d{1,3}\s*[-–]\s*" + _FIELD
                                  + r"(?:(?:\s*,\s*|\s+und\s+)" + _FIELD + r")*")


def _numbered_departments(text: str, taken: list[Mention]) -> list[Mention]:
    out = []
    for m in _NUMBERED_DEPARTMENT.finditer(text):
        if any(x.start < m.end() and m.start() < x.end for x in taken):
            continue
        display = " ".join(m.group(0).split())
        out.append(Mention(m.start(), m.end(), m.group(0), display, "department", canonical_key(display), "m",
                           head=display.split()[0].casefold()))
    return out


# a unit of the administration named through the one who heads it: "Leiter des Bereichs Soziales",
# "Fachbereichsleiterin Bauen, Umwelt und Ordnung" (not "Fachbereichsleiterin Ilona Oswald")
_UNIT_WORDS = ("Fachbereich", "Bereich", "Amt", "Abteilung", "Referat", "Dezernat", "Fachdienst", "Sachgebiet")
_UNIT = r"(?P<{0}>" + "|".join(_UNIT_WORDS) + ")"
_UNIT_NAME = (r"(?P<{0}>[A-ZÄÖÜ][\wäöüß]*(?:-[ \t]?|[\wäöüß]*)"
              r"(?:(?:[ \t]*,[ \t]*|[ \t]+und[ \t]+|[ \t]+)[A-ZÄÖÜ][\wäöüß-]*){{0,4}})")  # on one line
_HEADED_UNIT = re.compile(r"\b(?:[Ll]eiter(?:in)?|[Ll]eitung)\s+(?:des|der)\s+" + _UNIT.format("unit") + r"(?:e?s)?\s+"
                          + _UNIT_NAME.format("name") + r"|\b" + _UNIT.format("unit2") + r"s?leiter(?:in)?\s+"
                          + _UNIT_NAME.format("name2"))
# the last word of a field of work, not of a surname ("Steuerung", "Bezirksratsangelegenheiten", "Dienste")
_FIELD_END = re.compile(r"(?:ung|ungen|heit|keit|wesen|schaft|ik|tion|ur|tät|dienste|angelegenheiten|ordnung|bildung)$")


def _headed_units(text: str, taken: list[Mention]) -> list[Mention]:
    out = []
    for m in _HEADED_UNIT.finditer(text):
        g = "" if m.group("unit") else "2"
        unit, name = m.group("unit" + g), m.group("name" + g)
        words = re.findall(r"[A-ZÄÖÜ][\wäöüß-]*", name)
        if words[0] in first_names() or words[0] in NAME_STOP or g and not (
                _FIELD_END.search(words[-1].casefold()) or re.search(r",|\bund\b", name)):
            continue  # "Fachbereichsleiterin Ilona Oswald", "Fachbereichsleiter Habben": a person, not the field
        a = m.start("name" + g)
        b = a + len(name.rstrip())
        if any(x.start < b and a < x.end for x in taken):
            continue
        display = unit + " " + " ".join(name.split())
        out.append(Mention(a, b, text[a:b], display, "department", canonical_key(display), "m",
                           head=unit.casefold()))
    return out


# the staff of the administration in an attendance list, each with the unit they come from:
# "Verwaltung: Frau Dr. Kühn (Energiemanagement), Herr Ott (Stadtplanung)" or one a line,
# "Frau Kühn Bereich Stadterneuerung und Wohnen"
_STAFF_HEAD = re.compile(r"^[ \t]*(?:Von\s+der\s+|Vertreter\w*\s+der\s+)?Verwaltung\s*:", re.M)
_STAFF_BRACKET = re.compile(r"\(\s*(?P<name>[A-ZÄÖÜ][\wäöüß-]+(?:[ \t]+(?:und[ \t]+)?[A-ZÄÖÜ][\wäöüß-]+){0,3})\s*\)")
_STAFF_LINE = re.compile(r"^[ \t•\-*]*(?:Herr|Frau)[ \t]+(?:Dr\.[ \t]+)?[A-ZÄÖÜ][\wäöüß-]+[ \t]*,?[ \t]+"
                         r"(?P<unit>Fachbereich|Bereich|Abteilung|Referat|Dezernat|Fachdienst|Stabsstelle)[ \t]+"
                         r"(?P<name>[A-ZÄÖÜ][^\n()]{2,80}?)[ \t]*$", re.M)


def _staff_units(text: str, taken: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    for h in _STAFF_HEAD.finditer(text):
        end = text.find("\n\n", h.end())
        end = len(text) if end == -1 else min(end, h.end() + 1500)
        spans: list[tuple[int, int, str]] = []
        for m in _STAFF_BRACKET.finditer(text, h.end(), end):
            words = m.group("name").split()
            if words[0] in role_set() or words[0] in first_names() or words[0].isupper() or any(
                    w.casefold().endswith(tuple(name_data()["role_suffixes"])) for w in words):
                continue  # "(Geschäftsführer ...)", "(CDU)", "(Vorsitzende)": a role or a party, not a unit
            spans.append((m.start("name"), m.end("name"), " ".join(words)))
        for m in _STAFF_LINE.finditer(text, h.end(), end):
            spans.append((m.start("unit"), m.end("name"), m.group("unit") + " " + " ".join(m.group("name").split())))
        for a, b, display in spans:
            if any(x.start < b and a < x.end for x in taken + out):
                continue
            out.append(Mention(a, b, text[a:b], display, "department", canonical_key(display), "m",
                               head=display.split()[0].casefold()))
    return out


def _without_place(m: Mention, places: set[str]) -> Mention:
    """'Beirat für Klimaschutz in Münster', 'Klimabeirat für Friedrichsdorf' name the body without the town."""
    for place in places:
        for tail in (" in " + place, " für " + place, " " + place):
            if m.display.endswith(tail) and m.kind not in ("council", "police") and " " in m.display[:-len(tail)] \
                    or m.display.endswith(tail) and m.kind not in ("council", "police") and _match_head(
                        m.display[:-len(tail)]):
                m.display = m.display[:-len(tail)]
                m.key = canonical_key(m.display)
                return m
    return m


# "keinen Beirat", "viele Runde Tische", "ein weiterer Rat ... wurde nicht gebildet": a kind of body, not one
# ("bilden einen gemeinsamen Lenkungskreis" introduces one)
_INDEFINITE_BEFORE = re.compile(r"\b(?:(?P<a>[Ee]in|[Ee]ine[mnrs]?)|[Kk]ein|[Kk]eine[mnrs]?|[Vv]iele[n]?|"
                                r"[Mm]ehrere[n]?|[Ss]olche[mnrs]?)\s+(?:[a-zäöüß][\wäöüß-]*\s+){0,2}$")
_NEGATED_AFTER = re.compile(r"[^.;:!?]{0,80}?\b(?:nicht|nie|niemals)\b")
# ... unless the text sets it up: "die Gründung eines Jugendbeirates", "einen Beirat zu gründen"
_FOUNDED_BEFORE = re.compile(r"\b(?:Einrichtung|Gründung|Neugründung|Bildung|Schaffung|Errichtung|Einsetzung)\s+\S+\s+"
                             r"(?:[a-zäöüß][\wäöüß-]*\s+){0,2}$")
_FOUNDED_AFTER = re.compile(r"[^.;:!?]{0,80}?\b(?:einzurichten|einrichten|einzusetzen|einsetzen|zu\s+gründen|gründen|"
                            r"zu\s+bilden|bilden|zu\s+schaffen|schaffen|ins\s+Leben|(?:eingerichtet|gegründet|gebildet|"
                            r"eingesetzt|geschaffen)\s+(?:werden|wird|wurde|worden))\b")
# "Der Sicherheitsrat ist das oberste Lenkungsgremium ...": the body named before, described
_PREDICATE = re.compile(r"\s+(?:ist|war|bleibt)\s+(?:das|der|die|ein|eine)\s+(?:[a-zäöüß][\wäöüß-]*\s+){0,2}")
_DESCRIBABLE = {"staff", "advisory_board", "committee", "working_group", "conference"}


def _generic(text: str, m: Mention, prev: Mention | None) -> bool:
    """A mention that names a kind of body, not a body: after an indefinite article or as the predicate of a
    body named just before."""
    if m.is_abbreviation:
        return False
    before = text[max(0, m.start - 60):m.start]
    if " " not in m.text and before[-1:] in _OPEN_QUOTES and text[m.end:m.end + 1] in _CLOSE_QUOTES:
        return True  # „Erwachsenenstadtrat“: a word in scare quotes, no body's name
    indefinite = _INDEFINITE_BEFORE.search(before) if m.kind != "conference" else None  # "führt eine Konferenz durch"
    if indefinite and (not indefinite.group("a") or _NEGATED_AFTER.match(text, m.end, min(len(text), m.end + 90))):
        return not (_FOUNDED_BEFORE.search(before) or _FOUNDED_AFTER.match(text, m.end, min(len(text), m.end + 90)))
    return prev is not None and m.kind in _DESCRIBABLE and prev.key != m.key \
        and _PREDICATE.fullmatch(text, prev.end, m.start) is not None


def _without_generic(text: str, mentions: list[Mention]) -> None:
    """Drops the bodies every mention of which is generic (see ``_generic``)."""
    generic: dict[str, bool] = {}
    for i, m in enumerate(mentions):  # a short reference back ("des Rates") decides nothing
        if not m.is_abbreviation:
            generic[m.key] = generic.get(m.key, True) and _generic(text, m, mentions[i - 1] if i else None)
    if any(generic.values()):
        mentions[:] = [m for m in mentions if not generic.get(m.key)]


# "Beirat für Umwelt und Klimaschutz (Klimabeirat)": the short name in brackets
_BRACKET_OPEN = re.compile(r"\s*\(\s*")


def _bracketed_names(text: str, mentions: list[Mention], orgs: dict[str, Organisation]) -> None:
    for a, b in zip(mentions, mentions[1:], strict=False):
        if a.key != b.key and a.kind == b.kind and a.key in orgs and b.key in orgs and not b.is_abbreviation \
                and _BRACKET_OPEN.fullmatch(text, a.end, b.start) and text[b.end:b.end + 1] == ")":
            _merge(orgs, mentions, [a.key, b.key], keep_first=True)
            orgs[a.key].official = a.display


_ABBR_DEF = re.compile(r"^[^()\n]{0,45}?\(\s*(?P<abbr>[A-ZÄÖÜ][A-ZÄÖÜa-z0-9]{1,7})\s*\)")


def resolve(doc: Doc, mentions: list[Mention]) -> dict[str, Organisation]:
    """One Organisation per body in this document, with aliases, abbreviation and parent."""
    text = text_of(doc)
    _without_generic(text, mentions)
    orgs: dict[str, Organisation] = {}
    abbreviations: dict[str, str] = {}
    for m in mentions:
        org = orgs.setdefault(m.key, Organisation(m.key, m.display, m.kind))
        org.mentions.append(m)
        org.aliases.add(m.display)
        d = _ABBR_DEF.match(text[m.end:m.end + 60])
        if d and not re.search(r"[.;:]", text[m.end:m.end + d.start("abbr")]):
            abbr = d.group("abbr")
            if abbr.isupper() and abbr not in abbreviations:
                abbreviations[abbr] = m.key
                org.abbreviation = abbr
    # bare abbreviations once defined ("des KPR")
    if abbreviations:
        rx = re.compile(r"\b(" + "|".join(map(re.escape, abbreviations)) + r")\b")
        taken = [(m.start, m.end) for m in mentions]
        for hit in rx.finditer(text):
            if any(s <= hit.start() < e for s, e in taken):
                continue
            key = abbreviations[hit.group(1)]
            org = orgs[key]
            mention = Mention(hit.start(), hit.end(), hit.group(1), org.name, org.kind, key, is_abbreviation=True)
            org.mentions.append(mention)
            mentions.append(mention)
        mentions.sort(key=lambda m: m.start)
    _bracketed_names(text, mentions, orgs)
    # aliases the document sets up implicitly: same determinant, same kind ("Lenkungsgruppe"/"Lenkungsgremium")
    by_det: dict[tuple[str, str, str, str], list[str]] = {}
    for key, org in orgs.items():
        first = org.mentions[0]
        if first.determinant and len(first.determinant) >= 5:
            name_part = org.name.split(" ", 1)[1] if " " in org.name else ""
            family = _HEAD_FAMILY.get(first.head, first.head)
            # "Seniorenbeirat" and "Senior*innenbeirat"/"SeniorInnenbeirat": one determinant without its endings
            det = re.sub(r"[*:_]?(?:innen|en|n)$", "", first.determinant)
            by_det.setdefault((det, name_part, org.kind, family), []).append(key)
    for keys in by_det.values():
        if len(keys) > 1:
            _merge(orgs, mentions, keys)
    for long_key, short_key in _spelled_out(orgs):
        _merge(orgs, mentions, [long_key, short_key], keep_first=True)
    # "Geschäftsstelle KPR" is the Geschäftsstelle of the KPR
    for key in list(orgs):
        org = orgs[key]
        for abbr, target in abbreviations.items():
            if target != key and org.name.endswith(" " + abbr):
                base = org.name[: -len(abbr) - 1]
                for m in org.mentions:
                    m.display = base
                org.name = base
                org.parent = target
                new_key = canonical_key(base)
                if new_key in orgs and new_key != key:
                    _merge(orgs, mentions, [new_key, key], keep_first=True)
                elif new_key != key:
                    orgs[new_key] = orgs.pop(key)
                    orgs[new_key].key = new_key
                    for m in orgs[new_key].mentions:
                        m.key = new_key
    # "Rat der Samtgemeinde Grasleben" and "Samtgemeinderat", "Rat der Stadt X" and "Stadtrat": one council
    for key in list(orgs):
        owned = _COUNCIL_OF_TOWN.match(key)
        compound = owned and owned.group("kind") + "rat"
        if owned and compound in orgs and orgs[compound].kind == "council" and orgs[key].kind == "council":
            _merge(orgs, mentions, [key, compound], keep_first=True)
    # "Polizeidirektion" alone is the "Polizeidirektion Leipzig" of the same document
    for key in list(orgs):
        if key not in orgs:
            continue
        longer = [k for k in orgs if k != key and k.startswith(key + " ") and orgs[k].kind == orgs[key].kind]
        if len(longer) == 1:
            _merge(orgs, mentions, [longer[0], key], keep_first=True)
            orgs[longer[0]].mentions.sort(key=lambda m: m.start)
    # display name: the form used most often; a heading ("AG Innenstadt:") counts double
    for org in orgs.values():
        names: Counter[str] = Counter()
        for m in org.mentions:
            if m.is_abbreviation:
                continue
            heading = re.match(r"\s*:\s*(?:\n|$)", text[m.end:m.end + 4]) is not None
            line_end = text.find("\n", m.end)
            in_question = text[m.end:line_end if line_end != -1 else len(text)].rstrip().endswith("?")
            names[m.display] += 1 + (0.5 if heading else 0) - (0.5 if in_question else 0)
        if names:
            org.name = org.official if org.official in names else names.most_common(1)[0][0]
            org.aliases = set(names) - {org.name}
        else:
            org.aliases = set()
    _parents(text, mentions, orgs)
    return orgs


_FIELD_WORD = re.compile(r"[A-ZÄÖÜ][a-zäöüß]{3,}")


def _spelled_out(orgs: dict[str, Organisation]) -> list[tuple[str, str]]:
    """(long key, compound key) of a body named both ways in one text: "Beirat für Architektur und
    Stadtgestaltung" and "Gestaltungsbeirat", "Beirat für Klimaschutz" and "Klimabeirat". The compound's
    determinant (without its linking ending) must begin a word of a short field (one or two words)."""
    out = []
    for long_key, long_org in orgs.items():
        head, _, field = long_org.name.partition(" für ")
        fields = _FIELD_WORD.findall(field)
        if not field or not 1 <= len(fields) <= 2 or " " in head:
            continue
        for key, org in orgs.items():
            first = org.mentions[0]
            if key == long_key or org.kind != long_org.kind or first.head != head.casefold() \
                    or len(first.determinant) < 4 or " " in org.name:
                continue
            stem = re.sub(r"(?:en|es|n|s|e)$", "", first.determinant)
            prefix = stem[: max(5, len(stem) - 2)]
            if any(stem in w.casefold() or w.casefold().startswith(prefix) for w in fields):
                out.append((long_key, key))
                break
    return out


_COUNCIL_OF_TOWN = re.compile(r"rat der (?P<kind>stadt|gemeinde|samtgemeinde|verbandsgemeinde|marktgemeinde) \S")


def _merge(orgs: dict[str, Organisation], mentions: list[Mention], keys: list[str], keep_first: bool = False) -> None:
    if not keep_first:
        keys = sorted(keys, key=lambda k: -len(orgs[k].mentions))
    target = orgs[keys[0]]
    for k in keys[1:]:
        other = orgs.pop(k)
        target.mentions.extend(other.mentions)
        target.abbreviation = target.abbreviation or other.abbreviation
        for m in other.mentions:
            m.key = target.key
    target.mentions.sort(key=lambda m: m.start)


_INSIDE = re.compile(r"\b(?:innerhalb|unterhalb|im Rahmen)\s+(?:des|der|dem)\s*$", re.I)
_GENITIVE = re.compile(r"^\s*(?:des|der)\s*$")
_GROUPS_OF = re.compile(r"\b(?:Arbeitsgruppen|Arbeitskreisen?|Unterarbeitsgruppen|AGs|Projektgruppen)\s+(?:des|der)\s+")
_PARENT_KINDS = {"advisory_board", "council", "committee", "staff"}
_CHILD_KINDS = {"working_group", "staff", "conference", "department"}


def _parents(text: str, mentions: list[Mention], orgs: dict[str, Organisation]) -> None:
    for i, m in enumerate(mentions):
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        # "Sicherheitskonferenz des KPR", "AG Innenstadt des Präventionsrates"
        if nxt and nxt.key != m.key and _GENITIVE.match(text[m.end:nxt.start]) and m.kind in _CHILD_KINDS \
                and (nxt.kind in _PARENT_KINDS or nxt.head == "runder tisch") and orgs[m.key].parent is None \
                and not (m.kind == "staff" and nxt.kind == "staff"):
            orgs[m.key].parent = nxt.key
        before = text[max(0, m.start - 40):m.start]
        if _INSIDE.search(before) and m.kind in _PARENT_KINDS:
            # "innerhalb des KPR in die Organisationen Führungsstab, Lenkungsgruppe, ... unterschieden"
            s_end_candidates = [p for p in (text.find(". ", m.end), text.find("\n", m.end)) if p != -1]
            s_end = min(s_end_candidates) if s_end_candidates else len(text)
            listed = [o for o in mentions if m.end <= o.start < s_end and o.key != m.key]
            run: list[Mention] = []
            for a, b in zip(listed, listed[1:], strict=False):
                if re.fullmatch(r"\s*(?:,|und|sowie)\s*(?:[A-ZÄÖÜ]\w+\s*(?:,|und|sowie)\s*)?", text[a.end:b.start]):
                    run.extend(x for x in (a, b) if x not in run)
            for other in run:
                if other.kind in _CHILD_KINDS and orgs[other.key].parent is None:
                    orgs[other.key].parent = m.key
            # "Die Lenkungsgruppe, als präventives Gremium innerhalb des KPR, ..."
            prev = [o for o in mentions if o.end <= m.start and m.start - o.end < 70]
            if prev and re.fullmatch(r",\s*als\s[^,.]*", text[prev[-1].end:m.start - len(before) + len(before)
                                                               - len(_INSIDE.search(before).group(0))].rstrip()):
                p = prev[-1]
                if p.kind in _CHILD_KINDS and orgs[p.key].parent is None:
                    orgs[p.key].parent = m.key
    # "in den Arbeitsgruppen des KPR": the working groups named after it belong to the KPR
    for hit in _GROUPS_OF.finditer(text):
        owner = next((o for o in mentions if o.start == hit.end()), None)
        if owner is None:
            continue
        stop = re.compile(r"\n\s*\d{1,2}\.\s+\S.*\?\s*$|\n\s*§\s*\d", re.M).search(text, hit.end())
        end = stop.start() if stop else len(text)
        for o in mentions:
            if hit.end() < o.start < end and o.kind == "working_group" and orgs[o.key].parent is None \
                    and o.key != owner.key:
                orgs[o.key].parent = owner.key
    # a working group with no other parent belongs to the document's main body
    main = [o for o in orgs.values() if o.kind in ("advisory_board", "council", "committee")] or [
        o for o in orgs.values() if o.mentions[0].head == "agenda"]  # the Lokale Agenda's working groups
    if main:
        top = max(main, key=lambda o: len(o.mentions))
        for o in orgs.values():
            if o.kind == "working_group" and o.parent is None and o.key != top.key:
                o.parent = top.key


@Language.component("ratsinfo_orgs")
def orgs_component(doc: Doc) -> Doc:
    mentions = find_mentions(doc)
    doc._.orgs = (mentions, resolve(doc, mentions))
    spans = []
    for m in mentions:
        sp = doc.char_span(m.start, m.end, label="ORG", alignment_mode="expand")
        if sp is not None:
            spans.append(sp)
    doc.spans["orgs"] = spans
    return doc

