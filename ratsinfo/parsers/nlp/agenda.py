"""The meeting a protocol or agenda is about and its agenda items.

The head of minutes names body and date in many ways: "12. Sitzung des Stadtbezirksrates Nord am Montag,
28. Januar 2008", "SG Grasleben - Finanz- und Haushaltsausschuss / Dienstag, 12. Dezember 2006",
"Niederschrift über die Sitzung der Gemeindevertretung am 15.11.22", "Aus der Gemeinderatssitzung vom
6. November 2014". Agenda items are "TOP 3 ...", numbered lines under "Tagesordnung" (also letter-spaced
"T a g e s o r d n u n g"), rows of a pipe table, a number alone on its line with the title below, or
the numbered headings of the minutes themselves.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ratsinfo.parsers.nlp.context import Context
from ratsinfo.parsers.nlp.meeting_acts import CANCELLED
from ratsinfo.parsers.nlp.numbers import DATE_PATTERN, WEEKDAY, parse_date
from ratsinfo.parsers.nlp.orgs import Mention

HEAD_CHARS = 900
MEETING_KINDS = ("council", "committee", "advisory_board", "conference", "staff", "working_group")
_CUE = re.compile(r"Niederschrift|Protokoll|Tagesordnung|Sitzungstermin|Sitzungsbeginn|TOP\s*\d|Gremium:|"
                  r"\bSitzung\s+(?:des|der|am|vom)\b|\d\.\s+(?:öffentlichen?\s+)?Sitzung|[Ss]itzung\s+(?:am|vom)\b")
_PROTOCOL = re.compile(r"Niederschrift|Protokoll|Tagesordnung|Sitzungstermin|TOP\s*\d")
_DATE = re.compile(WEEKDAY + DATE_PATTERN)
# "12. Sitzung", "12. öffentliche Sitzung", and the number after the word: "Sitzung Nr. 12", "Sitzung Nr. 12/2021"
_ORDINAL = re.compile(r"(?<![\d.])(?P<n>\d{1,3})\.\s+(?:(?:öffentlichen|öffentliche|ordentlichen|ordentliche|"
                      r"konstituierenden|konstituierende)\s+)?(?:Sitzung|Tagung)\b|"
                      r"\b(?:Sitzung|Tagung)\s+(?:Nr\.|Nummer)\s*(?P<nr>\d{1,3})(?:/(?:19|20)?\d\d)?(?![\d/])")
_COMPOUND_SESSION = re.compile(r"\b(?P<body>[A-ZÄÖÜ][a-zäöüß]*(?:rat|ausschuss|beirat|vertretung|versammlung|tag))"
                               r"s?sitzung\b")
_LETTER_SPACED = re.compile(r"\b(?:[A-Za-zÄÖÜäöüß] ){3,}[A-Za-zÄÖÜäöüß]\b")


# a statute's title opens the document: "Geschäftsordnung des Seniorenbeirates ... vom 12.03.2020"
_STATUTE_HEAD = re.compile(r"\s*(?:(?:\d+\.\s+)?(?:Änderungs)?[Ss]atzung|Geschäftsordnung|Hauptsatzung|Richtlinien?)\b")


@dataclass
class HeadMeeting:
    org: Mention
    when: date | None
    number: int | None
    start: int
    end: int


def despace(text: str) -> str:
    """'T a g e s o r d n u n g' -> 'Tagesordnung' (for matching only: offsets stay with the original)."""
    return _LETTER_SPACED.sub(lambda m: m.group(0).replace(" ", ""), text)


def head_meeting(ctx: Context) -> HeadMeeting | None:
    """The meeting the document records, from the body and date its head names (worked out once per document:
    the extraction and the paper topics both ask)."""
    if "head_meeting" not in ctx.memo:
        ctx.memo["head_meeting"] = _head_meeting(ctx)
    return ctx.memo["head_meeting"]  # type: ignore[return-value]


def _head_meeting(ctx: Context) -> HeadMeeting | None:
    text = ctx.text
    head = text[:HEAD_CHARS]
    if not (_CUE.search(despace(head)) or _ITEM_PAGE.match(head)) or _STATUTE_HEAD.match(head):
        return None  # no minutes or agenda; or a statute that speaks of sessions and agendas
    dates = [(m.start(), m.end(), parse_date(m.group("date"))) for m in _DATE.finditer(head)]
    dates = [d for d in dates if d[2] is not None and not _is_issued(head, d[0])]
    if not dates:
        return None
    orgs = [m for m in ctx.mentions_between(0, HEAD_CHARS) if m.kind in MEETING_KINDS]
    compound = _COMPOUND_SESSION.search(head)
    if compound and not orgs:
        name = compound.group("body")
        orgs = [m for m in ctx.mentions if m.display.casefold() == name.casefold()]
    if not orgs and _PROTOCOL.search(despace(head)) and ctx.main is not None:
        orgs = [ctx.main.mentions[0]]  # "Sitzungstermin: 21.09.2023" over minutes of the body they are about
    if not orgs:
        return None
    # the body named closest before the first date of a session ("Sitzung des Stadtrates ... am 01.12.2021")
    ds, de, when = dates[0]
    i = ctx.sentence_index(ds)
    sentence = ctx.sentences()[i] if i >= 0 and ds < ctx.sentences()[i][1] else (ds, de)
    said = text[sentence[0]:sentence[1]]
    if any(w in said for w in ("abgesagt", "ausgefallen", "fällt", "fiel", "entf")) and CANCELLED.search(said) \
            and len(_DATE.findall(said)) == 1:
        return None  # "Die Sitzung des Bauausschusses am 12.03.2024 fällt aus": a notice, no session
    in_sentence = [m for m in orgs if sentence[0] <= m.start < sentence[1]]
    if in_sentence and all(m.start >= de for m in in_sentence):
        # "Am 3. Mai beriet der Sozialausschuss erstmals darüber": the body of the date's own sentence,
        # not one named in the title above it
        orgs = in_sentence
    before = [m for m in orgs if m.end <= ds]
    while len(before) > 1 and re.fullmatch(r"\s+(?:des|der)\s+", text[before[-2].end:before[-1].start]):
        before.pop()  # "Ausschuss für Stadtentwicklung des Gemeinderats": the committee meets, not its council
    org = before[-1] if before else orgs[0]
    while len(before) > 1 and re.fullmatch(r"\s+(?:des|der)\s+", text[before[-2].end:org.start]):
        before.pop()  # "Ausschuss für Technik des Gemeinderats ... 09.05.2023": the committee meets, not its owner
        org = before[-1]
    ordinal = None
    for m in _ORDINAL.finditer(head):
        if m.start() < max(org.end, de) + 40:
            ordinal = int(m.group("n") or m.group("nr"))
            break
    return HeadMeeting(org, when, ordinal, min(org.start, ds), max(org.end, de))


def _is_issued(head: str, pos: int) -> bool:
    """Dates a page was published or printed ("erschienen am", "Datum 12.02.2008", "Erstellt") or a motion filed
    ("Antrag - 12.04.2021") are no meeting."""
    return re.search(r"(?:erschienen|Erstellt|Aktualisiert|Stand|Ausgabe|Artikel|[Ss]atzung|Fassung|Kraft|"
                     r"Bekanntmachung|Gesetz|Vorlage\s+\S+|Antrag|Anfrage)\W{0,3}(?:am|vom|seit dem)?\s*$",
                     head[max(0, pos - 30):pos]) is not None


_TOP = re.compile(r"^[ \t•\-*]*(?:[Zz]u[ \t]+)?(?:TOP|Top|Tagesordnungspunkt)[ \t]*"
                  r"(?:Ö[ \t]*)?(?P<n>\d{1,2}(?:\.\d{1,2})*)\.?[ \t]*"
                  r"[:.\-–]?[ \t]*(?:\n[ \t]*)?(?P<t>\S.*)$", re.M)  # title on its line or the next
_NUMBERED = re.compile(r"^[ \t|]*(?:Ö[ \t]*)?(?P<n>\d{1,2}(?:\.(?:\d{1,2}|[a-z]))*)\.?(?P<paren>\))?(?:[ \t]*\|)?[ \t]+"
                       r"(?P<t>[^\n|]*\S)[ \t|]*"
                       r"(?:\|[^\n]*)?$")
_NUMBER_ALONE = re.compile(r"^[ \t]*(?:Ö[ \t]*)?(?P<n>\d{1,2}(?:\.(?:\d{1,2}|[a-z]))*)\.?[ \t]*$")
# "Tagesordnung", also "Öffentliche Tagesordnung", "Geänderte Tagesordnung" (a non-public one ends the agenda)
_AGENDA_START = re.compile(r"^[ \t|]*(?:(?:(?:Öffentliche|Vorläufige|Geänderte|Ergänzte|Endgültige)\s+)?Tagesordnung|"
                           r"TOP-Nr\.|Öffentlicher Teil|I\.\s*Öffentlicher Teil)(?!\w)[^\n]*$", re.I)
_AGENDA_END = re.compile(r"^[ \t|]*(?:Nicht\s*öffentlicher Teil|Nicht\s*öffentliche\s+Tagesordnung|"
                         r"II\.\s|Sitzungsverlauf|Protokoll:|Beschluss:|"
                         r"zum Seitenanfang)", re.I)
# a numbered sentence of a statute or a note ("2. Anträge sind eine Woche vorher einzureichen") is no item
_FINITE = re.compile(r"\s(?:ist|sind|wird|werden|hat|haben|kann|können|soll|sollen|muss|müssen|darf|dürfen)"
                     r"\s(?:[^\n]*\s)?[a-zäöüß]+(?:en|t)\.?$")
_NOT_ITEM = re.compile(r"^(?:Beschlussvorlage|Vorlage|Berichterstatter|Anlage|Drucksache|Uhr\b|stellvertretender|"
                       r"(?:der|die|des|den|dem)\b)", re.I)


# the page of one agenda item (ALLRIS "to020"): "12.03.2024 - 5 Neubau der Grundschule", a long title cut with "..."
_ITEM_PAGE = re.compile(r"\A\s*\d{1,2}\.\d{1,2}\.\d{4}[ \t]+-[ \t]+(?:Ö[ \t]*)?\d{1,2}(?:\.\d{1,2})*\.?[ \t]+"
                        r"(?P<t>[^\n]*?)(?:\s*\S*(?:\.\.\.|…))?[ \t]*$", re.M)

# the words a cut title ends with that belong to the word cut off ("Feststellung der Ordnung..." -> "Feststellung")
_CUT_GLUE = re.compile(r"(?:[\s,]+(?:der|die|das|des|dem|den|und|sowie|für|von|vom|zur|zum|zu|mit|im|in|am|an|auf|über|"
                       r"eines?|einer|einem|einen))+[\s,]*$")


def agenda_items(ctx: Context) -> list[tuple[str, int, int]]:
    """Agenda items in source order, each once: (title, start, end)."""
    text = ctx.text
    out: list[tuple[str, int, int]] = []
    seen: set[str] = set()

    def add(title: str, a: int, b: int) -> None:
        title = clean_title(despace(title))
        key = re.sub(r"\W+", " ", title.casefold()).strip()
        if len(title) < 3 or key in seen or _NOT_ITEM.match(title) or _FINITE.search(title):
            return
        seen.add(key)
        out.append((title, a, b))

    page = _ITEM_PAGE.match(text)
    if page:  # the page of one agenda item: its title heads it, the numbers below are the record's own
        title = _CUT_GLUE.sub("", page.group("t")) if text[page.end("t"):page.end()].strip() else page.group("t")
        add(title, page.start("t"), page.start("t") + len(title))
        return out
    tops = list(_TOP.finditer(text))
    for m in tops:
        add(m.group("t"), m.start("t"), m.end("t"))
    if not tops:
        tops_in_line = _flattened_tops(text)
        for title, a, b in tops_in_line:
            add(title, a, b)
    listed, under_heading = _numbered_items(ctx)
    listed = listed or _flattened_items(text)
    # "TOP 3 ..." headings, unless the agenda under its heading lists more items than the minutes head; numbered
    # points inside a TOP's record ("erläutert die Punkte: 1. Ausschreibung 2. Wahlausschuss") are no agenda
    if len(listed) <= len(out) or out and not under_heading:
        return out
    out, seen = [], set()
    for title, a, b in listed:
        add(title, a, b)
    return out


# PDF text flattened onto one line: "Tagesordnung: Öffentlicher Teil 1. Eröffnung 2. Bauleitplanung 3. ..."
_FLAT_START = re.compile(r"Tagesordnung\s*:?|ÖFFENTLICHE\s+SITZUNG\b|Öffentlicher\s+Teil\s*:?")
# flattened minutes run each item's record on after its title: "2. Neubau des Kindergartens Herr Ott stellt vor"
_RECORD_STARTS = re.compile(r"\s(?=(?:Der|Die|Das|Den|Dem|Herr|Frau|Es|Er|Sie|Ein|Eine|Nach|Im|Zum|Zur|Auf|Hierzu|"
                            r"Dazu|Beschluss|Protokoll)\s)")
_FLAT_ITEM = re.compile(r"(?<![\d.§])(?P<n>\d{1,2})\.\s+(?=[A-ZÄÖÜ„\"])")
_FLAT_END = re.compile(r"\s+(?:Nicht\s*öffentlicher\s+Teil|Zu\s+TOP|TOP\s+1\b|Protokoll:|Niederschrift:|"
                       r"Sitzungsverlauf)")


def _flattened_items(text: str) -> list[tuple[str, int, int]]:
    """Items 1, 2, 3 ... in a row after "Tagesordnung" on one long line (a PDF's lines run together)."""
    out: list[tuple[str, int, int]] = []
    start = _FLAT_START.search(text)
    if start is None:
        return out
    line_end = text.find("\n", start.end())
    line_end = len(text) if line_end == -1 else line_end
    if line_end - start.end() < 80:
        return out  # a line of its own: the items stand on their own lines
    stop = _FLAT_END.search(text, start.end(), line_end)
    end = stop.start() if stop else line_end
    expected, marks = 1, []
    for m in _FLAT_ITEM.finditer(text, start.end(), end):
        if int(m.group("n")) == expected:
            marks.append(m)
            expected += 1
    if len(marks) < 3:
        return out
    for i, m in enumerate(marks):
        b = marks[i + 1].start() if i + 1 < len(marks) else min(end, m.end() + 200)
        record = _RECORD_STARTS.search(text, m.end(), b)
        title = text[m.end():record.start() if record else b].strip()
        out.append((title, m.end(), m.end() + len(title)))
    return out


# "TOP 1: Eröffnung TOP 2: Einwohnerfragestunde TOP 3: ...": the headings of an agenda run onto one line
_TOP_IN_LINE = re.compile(r"(?<![\w-])(?:TOP|Top|Tagesordnungspunkt)[ \t]*(?:Ö[ \t]*)?(?P<n>\d{1,2})(?![\d.]\d)\.?"
                          r"[ \t]*[:.\-–]?[ \t]+(?=[A-ZÄÖÜ„\"])")


def _flattened_tops(text: str) -> list[tuple[str, int, int]]:
    """Items "TOP 1", "TOP 2", "TOP 3" ... in a row inside one line; each title runs to the next mark or to where
    the item's record begins."""
    if "TOP" not in text and "Top" not in text and "Tagesordnungspunkt" not in text:
        return []
    marks: list[re.Match] = []
    expected = 1
    for m in _TOP_IN_LINE.finditer(text):
        if int(m.group("n")) == expected and (not marks or "\n" not in text[marks[-1].end():m.start()]):
            marks.append(m)  # the next number on the line of the last
            expected += 1
        elif int(m.group("n")) == 1:
            marks, expected = [m], 2
        if len(marks) >= 3 and int(m.group("n")) != expected - 1:
            break
    if len(marks) < 3:
        return []
    out: list[tuple[str, int, int]] = []
    for i, m in enumerate(marks):
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end == -1 else line_end
        b = marks[i + 1].start() if i + 1 < len(marks) else min(line_end, m.end() + 200)
        record = _RECORD_STARTS.search(text, m.end(), b)
        title = text[m.end():record.start() if record else b].strip()
        out.append((title, m.end(), m.end() + len(title)))
    return out


def _numbered_items(ctx: Context) -> tuple[list[tuple[str, int, int]], bool]:
    """Numbered lines that form an agenda: under "Tagesordnung", or a run from 1 upward in minutes; and whether
    the agenda stood under its heading."""
    text = ctx.text
    out: list[tuple[str, int, int]] = []
    lines = text.split("\n")
    starts, pos = [], 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    in_agenda = False
    numbered: list[tuple[str, int, int, str]] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        spaced = despace(line) if _LETTER_SPACED.search(line) else line
        if _AGENDA_START.match(spaced):
            in_agenda = True
            i += 1
            continue
        if in_agenda and _AGENDA_END.match(spaced):
            in_agenda = False
        alone = _NUMBER_ALONE.match(line)
        if alone:
            k = i + 1
            while k < len(lines) and not lines[k].strip(" \t|"):
                k += 1  # blank lines and the cell borders of a table ("1\n|\nEröffnung\n|")
            if k < len(lines) and not _NUMBER_ALONE.match(lines[k]) and len(lines[k].strip()) < 250:
                title, j = _cell(lines, k)
                numbered.append((alone.group("n"), title, starts[k], in_agenda))
                i = j
                continue
        m = _NUMBERED.match(line)
        # "1.)" numbers an agenda under its heading; above one it numbers the attendance list
        if m and len(m.group("t")) < 400 and not m.group("t").endswith("?") and (in_agenda or not m.group("paren")):
            numbered.append((m.group("n"), m.group("t"), starts[i] + m.start("t"), in_agenda))
        i += 1
    first_listed = next((k for k, item in enumerate(numbered) if item[3]), None)
    if first_listed is not None:  # "1. stellv. Bürgermeister ..." in the attendance above "Tagesordnung" is no item
        numbered = numbered[first_listed:]
    # a run of numbers from 1 upward is an agenda; an item under "Tagesordnung" always is
    run: list[tuple[str, str, int, bool]] = []
    expected = 1
    inner = False  # "Folgende Punkte werden genannt:\n1. Beleuchtung\n2. Mülleimer" inside an item
    for n, title, a, agenda in numbered:
        top = int(n.split(".")[0])
        if run and top == 1 and not agenda and text[:a].rstrip(" \t|").rstrip("\n \t1.").endswith(":"):
            inner = True
        if inner:
            if top != expected:
                continue
            inner = False
        if agenda or top == expected or (run and top == expected - 1 and "." in n):
            run.append((n, title, a, agenda))
            expected = top + 1
        elif top == 1:
            expected = 2
            run.append((n, title, a, agenda))
    rows = bool(run) and all(text[text.rfind("\n", 0, r[2]) + 1:r[2]].lstrip().startswith("|") for r in run)
    if not any(r[3] for r in run) and not rows and not _PROTOCOL.search(despace(ctx.text[:HEAD_CHARS])):
        return out, False  # numbered paragraphs of a statute are no agenda; numbered rows of a table are
    firsts = [r for r in run if int(r[0].split(".")[0]) == 1]  # "1", "1.1" and "01"
    if not any(r[3] for r in run) and len({r[0].split(".")[0] for r in run}) < 2:
        return out, False
    if not firsts:
        return out, False
    for _n, title, a, _agenda in run:
        out.append((title, a, a + len(title)))
    return out, any(r[3] for r in run)


# what follows an item's title in its table cell: the paper it is filed under
_CELL_END = re.compile(r"^[ \t]*(?:\||Vorlage\s*:|Drucksache\s*:|Beschlussvorlage\b|$)")


def _cell(lines: list[str], k: int) -> tuple[str, int]:
    """An item's title that a table cell breaks over lines ("Verlängerung der Veränderungssperre für den\n
    Geltungsbereich ...\n|"): its lines up to the cell's border, at most four; and the line after them."""
    if not lines[k].lstrip().startswith("|") and k + 1 < len(lines) and not lines[k + 1].strip(" \t|") \
            and "|" not in lines[k + 1]:
        return lines[k].strip(), k + 1  # a title alone on its line, a blank line after it
    parts, j = [lines[k].strip(" \t|")], k + 1
    while j < len(lines) and j - k < 4 and not _CELL_END.match(lines[j]) and not _NUMBER_ALONE.match(lines[j]):
        parts.append(lines[j].strip())
        j += 1
    if j < len(lines) and not lines[j].lstrip().startswith("|") and not _CELL_END.match(lines[j]):
        return lines[k].strip(), k + 1  # no cell border in reach: the title is the one line
    return " ".join(parts), j


_TITLE_NOISE = [
    re.compile(r"^(?:Beratung\s+und\s+Beschlussfassung|Beratung\s+und\s+Beschluss|Beschlussfassung)\s+"
               r"(?:über\s+(?:die|den|das)?|zur|zum|zu)\s*", re.I),
    re.compile(r"\s*\((?:Tischvorlage|öffentlicher Teil|öffentlich)\)\s*$", re.I),
    re.compile(r"\s*[-–]\s*(?:Vorberatung|Vorlage|Beschlussvorlage)\b.*$"),
    re.compile(r"\s+[A-Z]{1,4}\d?-\d+/\d{2,4}\s*$"),
    re.compile(r"\s+(?:auf|an)\s+(?:dem|den)\s+Grundstück(?:en)?\s+Fl(?:ur)?st.*$"),  # a building plot's cadastre
    re.compile(r"\s*\(?\b(?:\d{4}[-/]\d{3,5}(?:/\d{1,4})?|\d{1,4}/\d{4})\)?\s*$"),  # a paper number after the title
    # what the item asks for after the matter: "...; Beschluss über ...", "hier: Vorbereitung ...", the legal basis
    # ("gemäß der Verordnung ...", "nach § 34 BauGB") and the person it names (", Herr Jan Ott")
    re.compile(r"\s*;\s*(?:Beschluss|Beschlussfassung|Beratung|Entscheidung|Vorberatung|Zustimmung)\b.*$"),
    # "Tagesbetreuung hier: Neubau einer Kita" names the matter after "hier:", unless that is only a step
    re.compile(r",?\s+hier\s*:\s*(?:Vorbereitung|Beschluss|Beratung|Anhörung|Zustimmung|Feststellung|Kenntnisnahme|"
               r"Bericht|Information|Sachstand|Entscheidung|Empfehlung)\b.*$"),
    re.compile(r"^.{3,}?,?\s+hier\s*:\s*(?=\S)"),
    re.compile(r"\s+(?:gemäß|gem\.|nach)\s+(?:§|Art\.|der\s+[A-ZÄÖÜ]|dem\s+[A-ZÄÖÜ]|des\s+[A-ZÄÖÜ]).*$"),
    re.compile(r",\s+(?:Herr|Frau|Herrn)\s+[A-ZÄÖÜ].*$"),
]
# a parenthesis after the title names who moved it or the parts of the matter ("(Antrag der SPD-Fraktion)",
# "(Feuerwehrhaus, Schützenheim)"): the title without it still names the matter; after an abbreviation it
# explains it ("WST (Württembergische Staatstheater)") and an abbreviation in it ("(LTO)") stays; the title stays
# words of the text
_PARENTHESIS = re.compile(r"(?<![A-ZÄÖÜ]{2})(?<![A-ZÄÖÜ]{2}\s)\s*\((?![A-ZÄÖÜ]{2,6}\))[^()]{2,}\)\s*$")


def clean_title(title: str) -> str:
    t = re.sub(r"\s+", " ", title).strip(" \t|:;,.")
    for rx in _TITLE_NOISE:
        t = rx.sub("", t).strip(" \t|:;,.")
    bare = _PARENTHESIS.sub("", t).strip(" \t|:;,.")
    if len(bare.split()) >= 2:
        t = bare
    return t[:1].upper() + t[1:] if t else t
