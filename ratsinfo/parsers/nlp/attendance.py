"""Persons in the attendance and participant lists of minutes and invitations, and in function lines.

A list opens at a heading line ("Anwesend:", "Mitglieder", "Beiratsmitglieder", "Verwaltung", "Entschuldigt
fehlen:"); every following line that reads as names gives persons with the heading's role, until the next
heading or a line that is neither a name nor a role. Names come one a line ("Anna Beispiel",
"Beispiel, Anna", "Dr. Anna Beispiel", "A. Beispiel", "Frau Beispiel"), with a party or office in brackets,
several to a line separated by commas, or as the first cells of a table row. A function line
("Verfasser: Beispiel, Anna", "Ansprechpartnerin: Frau Beispiel") names one person with that function.

Only texts holding a heading are read, from their first heading on: the reader costs nothing elsewhere.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from ratsinfo.parsers.nlp.names import (
    DEGREE,
    NAME,
    NAME_WORD,
    NOT_NAMES,
    alternation,
    clean_name,
    data,
    gender,
    role_word,
    roles,
)

Found = tuple[int, int, str, str | None, str]  # start, end, name, role, matched text

# "(in)", "/in", "/-in", ":innen", "*innen", "Innen" after a heading word ("Schriftführer/in", "TeilnehmerInnen")
_GENDER = re.compile(r"(?:\(in\)|\(innen\)|\(r\)|/-?in(?:nen)?|/r|[:*_]in(?:nen)?|In(?:nen)?)(?=$|[ :])")
_TRAIL = re.compile(r"[ \t]+(?:sind|waren|ist|war|haben gefehlt|entschuldigt|unentschuldigt)$")
_EDGE = " \t|:*•·▪-–"
_MEMBERS = re.compile(r"^(?P<body>[A-ZÄÖÜ][a-zäöüß]{2,})mitglieder$")  # "Beiratsmitglieder"
# not a name although capitalised: parties, bodies, streets, places of work
_NOT_NAME_WORD = re.compile(
    r"(?:straße|strasse|str\.|weg|platz|allee|gasse|chaussee|rat|räte|ausschuss|amt|ämter|"
    r"fraktion|verwaltung|beirat|kreis|stadt|gemeinde|partei|verein|verband|schule|bereich|abteilung|referat|"
    r"dienst|dienste|büro|stelle|liste|zentrum|ordnung|planung|bericht|sitzung|beginn)$|"
    r"[a-zäöüß](?:ungs|heits|keits|schafts|tions|täts)[a-zäöüß]{3,}", re.I)  # "Beratungsfolge": a compound noun
# endings of the words of a body's name ("Polizeiinspektion Goslar", "Diakonie Musterstadt") that no first name has
_NOT_FIRST = re.compile(r"(?:ung|heit|keit|schaft|tion|tät|ismus|ei|werk|wehr|bund|hilfe|kasse|bank|bahn|stiftung|"
                        r"initiative|forum|konferenz|team|gruppe|kirche|gemeinde|diakonie|caritas)$", re.I)
_PARTY_WORDS = {"Demokraten", "Liste", "Bürgerliste",
                "Grüne", "Grünen", "Linke", "Linken", "Piraten", "Freie", "Wähler", "Bündnis", "Union", "Liberale",
                "Unabhängige", "Wählergemeinschaft", "Wählergruppe", "Gruppe", "Die", "Fraktionslos", "Parteilos",
                # words of agenda items and place names that a two-word title shares with a name's shape
                "Neue", "Neuer", "Neues", "Alte", "Alter", "Altes", "Große", "Großer", "Kleine", "Kleiner", "Obere",
                "Untere", "Innere", "Nord", "Süd", "Ost", "West", "Mitte", "Allgemeine", "Sonstige", "Sonstiges",
                "Verschiedenes", "Öffentliche", "Aktuelle", "Mitteilungen", "Anfragen", "Bekanntgaben",
                "Einwohnerfragestunde", "Gemeinsame", "Wünsche", "Anregungen", "Haushalt", "Satzung", "Wahl"}
_PARTY = re.compile(r"^(?:[A-ZÄÖÜ0-9][A-ZÄÖÜ0-9./&\- ]{1,24}|(?:Die |DIE )?(?:Grüne|Grünen|Linke|LINKE|Piraten|Freie "
                    r"Wähler|Bündnis 90/Die Grünen|fraktionslos|parteilos)|[\w./-]*[Ff]raktion[\w ./-]*|"
                    r"(?:[A-ZÄÖÜ][\w-]*[ \t]+){0,3}[\w-]*(?:Liste|liste|Wählergemeinschaft|Wählergruppe|Demokraten)"
                    r"(?:[ \t]+[\w-]+){0,3})$")
_STATUS = re.compile(r"^(?:entschuldigt|unentschuldigt|abwesend|anwesend|fehlt|krank|verhindert|vertreten|ja|nein|"
                     r"ohne\s+(?:Ratsmandat|Mandat|Stimmrecht)|"
                     r"ab\s+TOP\s*\S+|bis\s+TOP\s*\S+|(?:in\s+)?Vertretung|i\.\s?V\.|als\s+Vertret\w*|für|"
                     r"ab\s+\d{1,2}[.:]\d{2}(?:\s*Uhr)?|bis\s+\d{1,2}[.:]\d{2}(?:\s*Uhr)?)"
                     r"(?:\s.*)?$", re.I)
_OWN_ROLE = re.compile(r"^(?:zugleich\s+(?:als\s+)?|als\s+)?(?:gewählte[rs]?\s+)?"
                       r"(?P<role>(?:\d\.\s+)?(?:[Ss]tellv(?:\.|ertretende[rn]?)\s+)?"
                       r"(?:[A-ZÄÖÜ][a-zäöüß]*)?(?i:meister|meisterin|vorsitzende[r]?|vorsitz|führer|führerin|führung|leiter|"
                       r"leiterin|leitung|sprecher|sprecherin|beauftragter?|mitglied|vertreter|vertreterin|"
                       r"ratsherr|ratsfrau|verordneter?|beigeordneter?|dezernent|dezernentin|vorsteher|vorsteherin|referent|"
                       r"referentin|koordinator|koordinatorin|präsident|präsidentin|direktor|direktorin|bearbeiter|bearbeiterin|"
                       r"protokollant|protokollantin|stadtrat|stadträtin|gemeinderat|gemeinderätin|kreisrat|kreisrätin|"
                       r"ortschaftsrat|ortschaftsrätin|bürger|bürgerin))$")
# a short line naming where the persons under it come from: a body, office or company, no sentence
_AFFILIATION = re.compile(r"^(?=[^.:;!?]{3,60}$)(?:[A-ZÄÖÜ][\w./&-]*[ \t]+(?:(?:für|der|des|und|von)[ \t]+)?){0,4}"
                          r"(?:[A-ZÄÖÜ][\w./&-]*)$")
_BODY_WORD = re.compile(r"(?:amt|ämter|büro|referat|abteilung|bereich|verwaltung|gmbh|werke|polizei|kreis|gemeinde|"
                        r"stadt|dienst|stelle|behörde|ministerium|verband|verein)$", re.I)
_ROLE_FIRST = re.compile(r"(?P<role>(?:(?:\d\.|Erster|Erste|Zweiter|Zweite|[Ss]tellv\.|[Ss]tv\.|"
                         r"[Ss]tellvertretende[r]?)[ \t]+){0,2}(?P<word>(?:[A-ZÄÖÜ][a-zäöüß]+/)?[A-ZÄÖÜ][a-zäöüß]+))"
                         r"[ \t]+(?=[A-ZÄÖÜ])")  # "2. stellv. Bürgermeisterin", "Verwaltung/Protokollführer"
_ABBREVIATED = re.compile(r"([A-ZÄÖÜ][A-Za-zäöü]{0,5}\.?)[ \t]+(?=[A-ZÄÖÜ])")
_COLUMN_HEADS = re.compile(r"(?:(?:Name|Vorname|Nachname|Funktion|Fraktion|Partei|Gruppe|Bemerkung|Anwesenheit|"
                           r"Unterschrift|Vertreter|Titel|Status|Rolle)[ \t|,/]*)+")
_ADJECTIVE = re.compile(r"(?:liche|lichen|ische|ischen|ige|igen|ene|ener|erte|ste|sten)$")
_FIELD_END = re.compile(r"[ \t]+[-–][ \t]+|[ \t]*[|)]|[ \t,]+(?:Tel\.|Telefon|Zimmer|Raum|E-Mail|Fax)")
_BULLET = re.compile(r"^[ \t•·▪*\-–]*(?:\d{1,2}[.)][ \t]+(?!(?:[Ss]tellv|[Ss]tv\.|[Ss]tellvertret|Bürgermeister|"
                     r"Beigeordnete|Vorsitzende)))?")  # "2. stellv. Bürgermeisterin" is an ordinal, no numbering
_HONORIFIC = re.compile(r"^(?:(?P<hon>Herrn?|Frau)[ \t]+)?")
_FUNCTION_WORDS = ("earbeiter", "earbeitung", "Verfasser", "Ansprechpartner", "Berichterstatt", "Protokollführ",
                   "Schriftführ")  # each label of a function line holds one
_FUNCTION = re.compile(r"(?<![\w/-])(?P<label>(?:Sach)?[Bb]earbeit(?:ung|er(?:in)?)|Verfasser(?:in)?|"
                       r"Ansprechpartner(?:in)?|Berichterstatt(?:ung|er(?:in)?)|Protokollführ(?:ung|er(?:in)?)|"
                       r"Schriftführ(?:ung|er(?:in)?))(?:\(in\)|/-?in)?[ \t]*:[ \t]*(?P<rest>[^\n]+)")


@cache
def _labels() -> dict[str, str | None]:
    out: dict[str, str | None] = dict(data()["list_labels"])
    out.update({w: None for w in data()["list_openers"]})
    return out


@cache
def _heading_words() -> re.Pattern:
    """One search that tells whether a text holds any heading at the start of a line."""
    words = sorted({w.split()[0] for w in (*_labels(), *data()["list_heading_adjectives"])}, key=len, reverse=True)
    return re.compile(r"^[ \t|*•·▪\-–]*(?:[a-h]\)[ \t]+|\d\.[ \t]+)?(?:[Vv]on der |[Aa]us der |[Ss]eitens der )?(?:"
                      + "|".join(map(re.escape, words)) + r"|[A-ZÄÖÜ][a-zäöüß]{2,}mitglieder|" + _office_head() + ")",
                      re.M)


def _office_head() -> str:
    """An office alone before a colon heads the list of its holders ("Beigeordnete:", "Ortsbürgermeister (o. RM):"):
    a known office or plural, or a word ending like one (looked back at from the word's end, as persons.py does)."""
    by_length: dict[int, list[str]] = {}
    for suffix in data()["role_suffixes"]:
        by_length.setdefault(len(suffix), []).append(suffix)
    ending = "|".join("(?<=" + "|".join(sorted(group)) + ")" for _n, group in sorted(by_length.items()))
    return (r"(?:(?:\d\.|[Ee]rste|[Zz]weite|[Ss]tellv\.|[Ss]tellvertretende)[ \t]+)?(?:"
            + alternation([*data()["plural_roles"], *roles()])
            + r"|[A-ZÄÖÜ][a-zäöüß]*+(?=[ \t]*[(:])(?:" + ending + r"))"
            r"(?:[ \t]*\([^()\n]{1,20}\))?[ \t]*:")


def _office_heading(word: str) -> str | None:
    """The office a heading names ("Beigeordnete" -> "Beigeordneter", "Stellvertretende Bürgermeister"), or None."""
    words = _BRACKET_END.sub("", word).split()
    if not words or len(words) > 2:
        return None
    last = words[-1]
    office = data()["plural_roles"].get(last) or (last if last in roles() or role_word().match(last) else None)
    if office is None or last in _labels() or len(words) == 2 and words[0] not in data()["role_modifiers"]:
        return None
    return " ".join([*words[:-1], office])


_BRACKET_END = re.compile(r"[ \t]*\([^()]*\)$")
_ARE = re.compile(r" (?:sind|waren) ")
_COUNT_END = re.compile(r"[ \t]*\(\d+\)$")
_LEAD_ROLE = re.compile(r"[ \t,]*(?P<role>[A-ZÄÖÜ][a-zäöüß]+)(?![\w-])")
_CAPITAL_NEXT = re.compile(r"[ \t,]*[A-ZÄÖÜ(]")
_NUMBERING = re.compile(r"[\d.)\s]*")
_ENUMERATION = re.compile(r"^[ \t|*•·▪\-–]*(?:[a-h]\)|\d\.)[ \t]+")


def heading(line: str) -> tuple[bool, str | None, str]:
    """Whether a line is a list heading, the role it gives, and what follows its colon on the line."""
    if not _heading_words().match(line):
        return False, None, ""  # the one search that every heading passes turns every other line away
    head, colon, rest = line.partition(":")
    head = _ENUMERATION.sub("", head)  # "a) Stimmberechtigte Mitglieder:", "2. Verwaltung"
    word = _TRAIL.sub("", _GENDER.sub("", head.strip(_EDGE)))
    if word not in _labels():
        word = _ARE.sub(" ", word)  # "Weiterhin sind anwesend"
    word = _COUNT_END.sub("", word)  # "Mitglieder (12)"
    if word not in _labels() and _BRACKET_END.sub("", word) in _labels():
        word = _BRACKET_END.sub("", word)  # "Ortsbürgermeister (o. RM)": a note on the heading's office
    word = word[:1].upper() + word[1:]  # "von der Verwaltung"
    labels = _labels()
    if word not in labels:
        for adjective in data()["list_heading_adjectives"]:
            if word.startswith(adjective + " ") and word[len(adjective) + 1:] in labels:
                word = word[len(adjective) + 1:]  # "Anwesende Mitglieder", "Weitere Teilnehmer"
                break
    if word not in labels and "/" in word and " " not in word and word.split("/")[0].strip() in labels:
        word = word.split("/")[0].strip()  # "Entschuldigt/Abwesend", "Protokoll/Schriftführer"
    if word in labels:
        return True, labels[word], rest.strip() if colon else ""
    m = _MEMBERS.match(word)
    if m and m.group("body") not in ("Alle", "Die"):
        return True, m.group("body") + "mitglied", rest.strip() if colon else ""
    office = _office_heading(word) if colon else None
    if office:
        return True, office, rest.strip() if rest.strip(_EDGE) else ""
    return False, None, ""


def _plausible(name: str) -> bool:
    """Whether words can be a name: no party, body, street or role word, and only the surname may end like a
    noun ("Lothar Hartung", but not "Polizeiinspektion Goslar")."""
    words = [w for w in name.split() if not w.endswith(".")]
    return bool(words) and len(words) <= 4 and not any(_no_name_word(w) for w in words) \
        and not any(_NOT_FIRST.search(w) for w in words[:-1])


@lru_cache(maxsize=16384)
def _no_name_word(w: str) -> bool:
    """A party, body, street or role word (kept per word: the same words come back in every list)."""
    return w in NOT_NAMES or w in _PARTY_WORDS or bool(_NOT_NAME_WORD.search(w) or role_word().match(w))


plausible = _plausible  # for the readers of signatures and running text

_NAME_FIRST = re.compile(r"(?P<name>" + NAME + r")(?![\w-])")
_REVERSED = re.compile(r"(?P<title0>(?:(?:Dr\.|Prof\.)[ \t]*)*)"
                       r"(?P<last>" + NAME_WORD + r")[ \t]*,[ \t]*(?P<title>(?:(?:Dr\.|Prof\.)[ \t]*)*)"
                       r"(?P<first>" + NAME_WORD + r"(?:[ \t]+" + NAME_WORD + r")?)(?![\w-])")


_PLACE_AFTER = re.compile(r"[ \t]*,[ \t]*" + NAME_WORD + r"[ \t]*")


def _tail_role(tail: str) -> tuple[bool, str | None]:
    """What may follow a name in a list: nothing, a party or office in brackets, a status, a role."""
    tail = tail.strip(" \t,;-–|")
    if not tail:
        return True, None
    if tail.startswith("("):
        inner, _, after = tail[1:].partition(")")
        ok, role = _tail_role(after)
        own = _OWN_ROLE.match(re.split(r"[,;/]", inner)[0].strip())
        word = re.split(r"[\s,;/]", inner.strip())[0]
        lead = word if word[:1].isupper() and role_word().match(word) else None  # "(Geschäftsführer der X GmbH)"
        return ok, role or (own.group("role") if own else lead)
    own = _OWN_ROLE.match(tail)  # before the party: "Fraktionssprecher" is an office, "SPD-Fraktion" a party
    if own:
        return True, own.group("role")
    if _PARTY.match(tail) or _STATUS.match(tail):
        return True, None
    if "(" in tail:  # "Stadträtin (SPD)": a role, then a party
        head, _, bracket = tail.partition("(")
        ok_head, role_head = _tail_role(head)
        ok_bracket, role_bracket = _tail_role("(" + bracket)
        return ok_head and ok_bracket, role_head or role_bracket
    return False, None


def person_in(cell: str, free_tail: bool = False) -> tuple[str, str | None, int, int] | None:
    """The one person a list cell names, with the role it gives itself, and the span of the name in it.
    ``free_tail``: anything may follow the name (a field of a flattened header), which then ends at its last
    word that can be a name."""
    lead = _BULLET.match(cell).end()
    body = cell[lead:]
    if body.startswith("(") and ")" in body:  # "(Bezirksratsherr Budde) (FDP)": absent, still a member
        lead += 1
        body = body[1:].replace(")", " ", 1)
    hon = _HONORIFIC.match(body)
    start = lead + hon.end()
    body = body[hon.end():]
    before = _ROLE_FIRST.match(body)
    role_first = None
    abbr = _ABBREVIATED.match(body)
    if abbr and DEGREE.fullmatch(abbr.group(1)):  # "MA Anja Beispiel": a degree, no office
        start += abbr.end()
        body = body[abbr.end():]
        abbr = _ABBREVIATED.match(body)
    if abbr and abbr.group(1) in data()["abbreviations"]:
        role_first = abbr.group(1)  # "Bgm. Anna Beispiel", "RM Jonas Muster": written out with the name's gender
        start += abbr.end()
        body = body[abbr.end():]
        before = None
    last = before.group("word").split("/")[-1] if before else ""
    if before and (role_word().match(last) or last in roles()):
        role_first = " ".join(before.group("role").split())  # "Bezirksratsherr Budde", "Stv. Bürgermeisterin Probe"
        start += before.end()
        body = body[before.end():]
    rev = _REVERSED.match(body)
    if rev and not role_word().match(rev.group("first").split()[0]) and _plausible(rev.group("first")):
        ok, role = _tail_role(body[rev.end():])
        if not ok and _PLACE_AFTER.fullmatch(body[rev.end():]):
            ok = True  # "Muster, Jonas, Oberdorf": the village a local mayor stands for
        title = " ".join((rev.group("title0") + " " + rev.group("title")).split())  # "Dr. Beispiel, Anna"
        name = " ".join(p for p in (title, rev.group("first"), rev.group("last")) if p)
        if ok and _plausible(name):
            return name, role, start, start + rev.end()
    m = _NAME_FIRST.match(body)
    if not m:
        return None
    words = [w for w in m.group("name").split() if not DEGREE.fullmatch(w)]  # "Ing. Anna Beispiel"
    if free_tail or hon.group("hon"):
        cut = next((k for k in range(1, len(words)) if not _plausible(words[k])), len(words))
        words = words[:cut]  # "Frau Beispiel Fachbereich Finanzen": the name ends where the office begins
    while (free_tail or hon.group("hon")) and len(words) > 1 and not _plausible(words[-1]):
        words.pop()
    joined = " ".join(words)
    name = clean_name(joined, addressed=bool(hon.group("hon")))
    if name is None and (role_first and len(words) == 1 or len(words) >= 2 and not _ADJECTIVE.search(words[0])) \
            and _plausible(joined):
        name = joined  # "Bezirksratsherr Amelung (CDU)", "Lothar Hartung": in a list, a surname may look like a noun
    if name and name != joined and (free_tail or hon.group("hon")) and joined.startswith(name + " "):
        words = name.split()  # "Herr Beispiel Fachbereichsleiter Bau": the name ends at the role
    if not name or name != " ".join(words) or not _plausible(name):
        return None
    end = m.start() + m.group("name").find(words[-1]) + len(words[-1])
    ok, role = (True, None) if free_tail else _tail_role(body[end:])
    if not ok:
        lead_role = _LEAD_ROLE.match(body, end)
        role = lead_role.group("role") if lead_role and role_word().match(lead_role.group("role")) else None
    if not ok and not (hon.group("hon") and _CAPITAL_NEXT.match(body, end)):
        return None  # "Herr Beispiel Bereich Bau" is a list line, "Herr Beispiel berichtet" a sentence
    role = role_first or role
    titled = name.split()[0] in ("Dr.", "Prof.") or re.match(r"[A-ZÄÖÜ]\.", name)
    if len(name.split()) < 2 and not (hon.group("hon") or titled or role or "(" in body):
        return None  # one word alone is a name only with a form of address, a title, a role or a party
    return name, role, start, start + end


def _cells(line: str) -> list[tuple[int, str]]:
    """A table row's cells ("|", tabs or wide gaps), else the comma-separated items of a line, with offsets."""
    sep = r"\|" if "|" in line else r"\t+| {3,}" if "\t" in line.strip() or "   " in line.strip() else None
    if sep is None:
        body = _BULLET.sub("", line).strip()
        rev = _REVERSED.match(body)
        if rev and _tail_role(body[rev.end():])[0]:
            return [(0, line)]  # "Beispiel, Anna (SPD)", "Beispiel, Anna SPD" is one name
        sep = r"[;,]|\s+und\s+"
    out, pos = [], 0
    for m in re.finditer(sep, line):
        if line.count("(", pos, m.start()) > line.count(")", pos, m.start()):
            continue  # a comma inside brackets: "Anna Beispiel (Vorsitzende, SPD)"
        out.append((pos, line[pos:m.start()]))
        pos = m.end()
    out.append((pos, line[pos:]))
    out = [(a, c) for a, c in out if c.strip()]
    if sep.startswith("[;,]") and len(out) >= 2 and _REVERSED.fullmatch(
            _BULLET.sub("", line[:out[1][0] + len(out[1][1])]).strip()):
        out[:2] = [(0, line[:out[1][0] + len(out[1][1])])]  # "Beispiel, Anna, Vorsitzende"
    return out


def _aside(cell: str, full_name: bool) -> tuple[bool, str | None]:
    """Whether a cell beside a name is no name but a party, status, office or place of work, and the role it
    gives ("Vorsitzende", "SPD", "entschuldigt", "Amt für Schule"; after a full name any short title,
    "Kreisjugendring")."""
    ok, role = _tail_role(cell)
    if ok:
        return True, role
    bare = cell.strip(_EDGE)
    return bool(_AFFILIATION.match(bare) and (full_name or any(_BODY_WORD.search(w) for w in bare.split()))), None


def names_on(line: str) -> list[tuple[int, int, str, str | None]] | None:
    """The persons a list line names (offsets in the line), or None when it is not a line of names."""
    cells = _cells(line)
    table = "|" in line or "\t" in line or "   " in line.strip()
    if table:
        # a table row: numbers before the name are skipped; "| Beispiel | Anna |" is surname and first name;
        # a cell beside a name gives its role, party or status, or names a further person (two columns)
        while cells and _NUMBERING.fullmatch(cells[0][1]):
            cells = cells[1:]
        if len(cells) >= 2 and re.fullmatch(NAME_WORD, cells[0][1].strip()) and re.fullmatch(
                NAME_WORD, cells[1][1].strip()) and not role_word().match(cells[1][1].strip()) \
                and not _PARTY.match(cells[1][1].strip()) and _plausible(cells[1][1].strip()):
            name = f"{cells[1][1].strip()} {cells[0][1].strip()}"
            role = next((r for _a, c in cells[2:] for ok, r in (_tail_role(c),) if ok and r), None)
            return [(cells[0][0], cells[1][0] + len(cells[1][1]), name, role)] if _plausible(name) else None
    out: list[tuple[int, int, str, str | None]] = []
    for off, cell in cells:
        got = person_in(cell)
        if got:
            name, role, a, b = got
            out.append((off + a, off + b, name, role))
            continue
        ok, own = _aside(cell, len(out[-1][2].split()) >= 2) if out else (False, None)
        if not ok and len(out) >= 2:
            return out  # "Anna Beispiel (Bauamt), Jonas Muster (Planung), 3 Architekten": the names before
        if not ok and not (table and out):  # a table may hold any other column beside the name
            break
        if own and out[-1][3] is None:  # "Anna Beispiel (SPD), Vorsitzende"
            out[-1] = (*out[-1][:3], own)
    else:
        return out or None
    if _HONORIFIC.match(_BULLET.sub("", line)).group("hon"):
        got = person_in(line)  # "Herr Beispiel Leiter des Bereichs Bau, Planung und Umwelt": one person and his office
        return [(got[2], got[3], got[0], got[1])] if got else None
    return None  # one item that is no name: the line is prose or a title, not a list


def _own_role_line(line: str) -> str | None:
    m = _OWN_ROLE.match(line.strip(_EDGE))
    return m.group("role") if m and len(line.strip()) <= 45 else None


_ADDRESSED = r"(?:(?P<WHOhon>Herrn?|Frau)[ \t]+)?(?P<WHO>" + NAME + r")(?![\w-])(?:[ \t]*\([^()\n]{0,40}\))?"
# "Anna Beispiel wurde durch Jonas Muster (beide CDU) vertreten", "Anna Beispiel (vertreten durch Jonas Muster)",
# "Jonas Muster in Vertretung für Anna Beispiel": the member and the one who stands in
_MEMBER, _DEPUTY = _ADDRESSED.replace("WHO", "member"), _ADDRESSED.replace("WHO", "deputy")
# each pattern with the words it cannot match without: only the line around such a word is searched
_STAND_IN = (
    (re.compile(_MEMBER + r"[ \t]+(?:wurde|wird|war|ist)[ \t]+(?:durch|von)[ \t]+" + _DEPUTY + r"[ \t]+vertreten\b"),
     ("vertreten",)),
    (re.compile(_MEMBER + r"[ \t]*[,(]?[ \t]*(?:vertreten[ \t]+durch|in[ \t]+Vertretung[ \t]+durch)[ \t]+" + _DEPUTY),
     ("vertreten durch", "Vertretung durch")),
    (re.compile(_DEPUTY + r"[ \t]+nimmt[^.\n]{0,40}?[ \t]+in[ \t]+Vertretung[ \t]+(?:von|für)[ \t]+" + _MEMBER
                + r"[^.\n]{0,20}?[ \t]+teil\b"), ("Vertretung von", "Vertretung für")),
    (re.compile(_DEPUTY + r"[ \t]*[,(]?[ \t]*(?:in[ \t]+Vertretung[ \t]+(?:für|von)|als[ \t]+Vertreter(?:in)?[ \t]+"
                r"(?:für|von)|i\.[ \t]?V\.[ \t]+(?:für|von)|Vertretung[ \t]+für)[ \t]+" + _MEMBER),
     ("Vertretung für", "Vertretung von", "Vertreter für", "Vertreterin für", "Vertreter von", "Vertreterin von",
      "V. für", "V. von")),
)


def _places(text: str, words: tuple[str, ...]) -> list[tuple[int, int]]:
    """Where the words stand in a text, found by plain string search (much cheaper than a pattern)."""
    out = []
    for w in words:
        at = text.find(w)
        while at != -1:
            out.append((at, at + len(w)))
            at = text.find(w, at + 1)
    return sorted(out)


def _stand_ins(text: str) -> list[Found]:
    """Members and their stand-ins, looked for only in the line around the words that name a stand-in."""
    out: list[Found] = []
    seen: set[tuple[int, int]] = set()
    for rx, words in _STAND_IN:
        for start, end in _places(text, words):
            lo = text.rfind("\n", max(0, start - 120), start) + 1 or max(0, start - 120)
            hi = min(len(text), end + 80)
            for m in rx.finditer(text, lo, hi):
                if m.start() > start or m.end() < end or m.span() in seen:
                    continue
                seen.add(m.span())
                for who, role in (("member", "Mitglied"), ("deputy", "Vertreter")):
                    name = clean_name(m.group(who))
                    if not name or not _plausible(name):
                        break
                    if role == "Vertreter" and m.group(who + "hon") == "Frau":
                        role = "Vertreterin"
                    out.append((m.start(who), m.end(who), name, role, m.group(who)))
    return out


def listed_persons(text: str) -> list[Found]:
    """Persons of the attendance lists and function lines of a text, in text order."""
    out: list[Found] = []
    if ":" in text and any(w in text for w in _FUNCTION_WORDS):
        out += _function_lines(text)
    out += _stand_ins(text)
    first = _heading_words().search(text)
    if first is None:
        return out
    pos = text.rfind("\n", 0, first.start()) + 1
    lines = text[pos:].split("\n")
    starts = []
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    role: str | None = None
    active = False
    taken = {a for a, *_ in out}
    pending: str | None = None  # a role line standing before a name ("Bürgermeister" / "Anna Beispiel")
    prev_name = False  # whether the line before named a person (a role line after a name is that person's)
    for i, line in enumerate(lines):
        stripped = line.strip(_EDGE)
        if not stripped:
            prev_name = False
            continue
        is_head, lrole, rest = heading(line)
        if is_head:
            role, active, pending, prev_name = lrole, True, None, False
            if rest.strip(_EDGE):  # "| Mitglieder: | |": the empty cells of a table row are no rest
                base = starts[i] + line.index(rest, line.index(":"))
                got = names_on(rest)
                for a, b, name, own in got or ():
                    if base + a not in taken:
                        out.append((base + a, base + b, name, own or role, rest[a:b]))
                active = bool(got) or lrole is None  # "Verwaltung: Amt für X" is no list
            continue
        if not active:
            continue
        bare = stripped.strip("()")
        if _COLUMN_HEADS.fullmatch(bare) or not bare.strip("|-: \t"):
            continue  # a table's head row or its rule
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        got = names_on(line)
        if got:
            # "Anna Beispiel" / "Sachbearbeiterin": her role, unless a name follows it as its heading
            after = _own_role_line(nxt) if len(got) == 1 else None
            if after and heading(nxt)[0] and i + 2 < len(lines) and names_on(lines[i + 2]):
                after = None
            for a, b, name, own in got:
                if starts[i] + a not in taken:  # a member or stand-in read already keeps that role
                    out.append((starts[i] + a, starts[i] + b, name, own or after or pending or role, line[a:b]))
                    if own and role and own != role and "zugleich" in line[b:]:
                        # "Muster, Jonas zugleich Ratsmitglied" under "Beigeordnete:": both offices are his
                        out.append((starts[i] + a, starts[i] + b, name, role, line[a:b]))
            pending, prev_name = None, True
            continue
        alone = re.fullmatch(NAME_WORD, _BULLET.sub("", line).strip())
        if alone and _plausible(alone.group(0)) and not role_word().match(alone.group(0)) and _own_role_line(nxt):
            a = starts[i] + line.index(alone.group(0))  # "Beispiel" / "Ortsvorsteher": a surname and its office
            out.append((a, a + len(alone.group(0)), alone.group(0), _own_role_line(nxt), alone.group(0)))
            pending, prev_name = None, True
            continue
        if _own_role_line(line):
            if not prev_name:
                pending = _own_role_line(line)
            prev_name = False
            continue
        prev_name = False
        if _PARTY.match(bare) or _STATUS.match(bare):
            continue  # a party or status line of the list
        if _AFFILIATION.match(stripped) and any(_BODY_WORD.search(w) for w in stripped.split()):
            continue  # "Amt für Schule", "Stadtwerke Musterstadt GmbH": where the next person comes from
        if len(stripped) > 60 or stripped.endswith((".", "!", "?")) or not (
                i + 1 < len(lines) and names_on(lines[i + 1])):
            role, active = None, False  # a sentence, or a line that is no name and no name after it: the list ends
    return out


def _next_label(text: str, pos: int) -> re.Match | None:
    """The next label of a function line from ``pos``: its words are found by plain string search and the pattern is
    tried only on their line (tried at every letter of the text, it cost more than the rest of the list reader)."""
    while True:
        ats = [a for w in _FUNCTION_WORDS if (a := text.find(w, pos)) != -1]
        if not ats:
            return None
        at = min(ats)
        end = text.find("\n", at)
        m = _FUNCTION.search(text, max(pos, at - 5), len(text) if end == -1 else end)
        if m:
            return m
        pos = at + 1


def _function_lines(text: str) -> list[Found]:
    """'Verfasser: Beispiel, Anna - Tel.: 123', 'Berichterstattung: Herr Muster (Amt X), Frau Probe (Amt Y)'."""
    out: list[Found] = []
    pos = 0
    while m := _next_label(text, pos):
        neutral = m.group(0)[len(m.group("label")):].lstrip().startswith(("/", "(in)"))  # "Bearbeiter/-in:"
        label = _GENDER.sub("", m.group("label"))
        role = _labels().get(label, label)
        # the field ends at a dash, a phone number, a table cell or a closing bracket ("Beispiel, Anna - Tel.: 123");
        # the next label may stand on the same line
        rest = _FIELD_END.split(m.group("rest"))[0]
        base = m.start("rest")
        pos = base + max(1, len(rest))
        for off, cell in _cells(rest):
            got = person_in(cell, free_tail=True)
            if not got:
                break
            name, _own, a, b = got
            own = role + "in" if neutral and role.endswith("er") and gender(name) == "f" else role
            out.append((base + off + a, base + off + b, name, own, cell[a:b]))
    return out
