"""Dated and numbered meetings: "Am 3. Mai 2021 fand die 12. Fachkonferenz statt", "die 5.
Sitzung des Bauausschusses am 12.03.2020", and headings that give a number its title
("12. Fachkonferenz: Sicher unterwegs – ...")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from ratsinfo.parsers.nlp.alternation import any_of
from ratsinfo.parsers.nlp.context import Context
from ratsinfo.parsers.nlp.meeting_acts import (
    CANCELLED,
    acted_on_days,
    approved_minutes,
    bracketed_decisions,
    colon_lists,
    date_tables,
    heading_session,
    item_page_day,
    labelled_session,
    numbered_without_day,
    relative_days,
    unnamed_sessions,
    year_above,
    year_sessions,
)
from ratsinfo.parsers.nlp.numbers import DATE_PATTERN, WEEKDAY, months, ordinal_number, ordinals, parse_date

DATE_RX = re.compile(DATE_PATTERN)
MEETING_KINDS = ("conference", "committee", "advisory_board", "council", "staff", "working_group")


# a body followed by the day it met: "(der Stadt Köln) in seiner Sitzung am Montag, 8. September 2022"
_DATED = re.compile(r"(?:\s+(?:der|des)\s+(?:Stadt|Gemeinde|Landeshauptstadt|Samtgemeinde)\s+[A-ZÄÖÜ][\wäöüß-]+)?"
                    r"(?:\s*\([^)]{1,40}\))?\s*:?\s+(?:war\s+)?(?:am|vom)\s+" + WEEKDAY + DATE_PATTERN)
# a date of a statute or a letter, not of a meeting: "Satzung des Rates vom ...", "Geschäftsordnung ... vom"
# a decision dated by its session, not a statute: "Beschluss in der Fassung des Ausschusses vom ..."
_DECISION_TEXT = re.compile(r"\bBeschluss\w*\s+in\s+der\s+Fassung\s+(?:des|der)\s*$")
# the title of a statute naming its bodies: "Geschäftsordnung für die Delegiertenversammlung ... und den Beirat
# der Stadt X vom 24.05.2017" dates the statute
_STATUTE_TITLE = re.compile(r"\s*(?:Geschäftsordnung|Satzung|Hauptsatzung|Wahlordnung|Richtlinien?)\b[^.;:\n]*$")
# ("Satzung über die Bildung eines Seniorenbeirates vom ...")
_ISSUED = re.compile(r"(?:Satzung|Geschäftsordnung|Fassung|Bekanntmachung|Schreiben|Brief)\w*\s+"
                     r"(?:des|der|für\s+(?:den|die|das)|über\s+(?:den|die|das)(?:\s+\w+\s+(?:des|der|eines|einer))?)"
                     r"\s*$")


@dataclass
class FoundMeeting:
    key: str  # organisation key
    number: int | None
    when: date | None
    title: str | None
    start: int
    end: int
    text: str
    month: str | None = None  # "2022-05" when the text names only the month ("in einer Sondersitzung im Mai 2022")


# (also "Anfang März 2021", "Mitte Mai 2022", "Ende Juni 2020": a part of the month is still the month; not a
# deadline, "bis Mitte Februar 2019")
_MONTH_ONLY = re.compile(r"\b(?=[iIaAmMeEs])(?:im|Im|[Aa]nfang|[Mm]itte|[Ee]nde|"
                         r"seit\s+(?:der|dem)\s+[\wäöü ]{0,30}?\s+im)\s+"
                         r"(?P<m>Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)"
                         r"(?:\s+(?P<y>(?:19|20)\d\d)\b(?![./-]\d))?")
# a month without its year takes the year of its paragraph or heading, where the session is told as past
_PAST = re.compile(r"\b(?:tagte\w*|fand\w*|stattgefunden|getagt|beschloss\w*|beschlossen|konstituiert\w*|"
                   r"kam\w*\s+[^.;]{0,60}?zusammen|traf\w*|getroffen|zusammengekommen|zusammengetreten)\b")
_DEADLINE = re.compile(r"\b(?:bis|ab|vor|nach|spätestens)\s+$", re.I)
_MET = re.compile(r"\b" + any_of(("Sitzung", "Sondersitzung", "beschlossen", r"beschloss\w*", "entschieden",
                                    "entschied", r"tagte\w*", "fand", "stattgefunden", r"konstituiert\w*")) + r"\b",
                  re.I)


def month_meetings(ctx: Context, found: list[FoundMeeting]) -> list[FoundMeeting]:
    """Sessions known only to the month: "beschlossen die Stadträte im Februar 1997", "in einer
    Sondersitzung im Mai 2022", "seit der konstituierenden Sitzung im März 2021"."""
    text = ctx.text
    out: list[FoundMeeting] = []
    sents = ctx.sentences()
    seen: set[int] = set()
    for hit in _MONTH_ONLY.finditer(text):  # the months first: most sentences name none
        if _DEADLINE.search(text, max(0, hit.start() - 12), hit.start()):
            continue
        i = ctx.sentence_index(hit.start())
        if i < 0 or i in seen:
            continue
        seen.add(i)
        s, e = sents[i]
        sent = text[s:e]
        if sent.rstrip().endswith("?") or not _MET.search(sent):
            continue
        for m in _MONTH_ONLY.finditer(sent):
            if _DEADLINE.search(sent, max(0, m.start() - 12), m.start()):
                continue
            cs, ce = sent.rfind(";", 0, m.start()) + 1, sent.find(";", m.end())
            if CANCELLED.search(sent, cs, ce if ce != -1 else len(sent)):
                continue
            bodies = [b for b in ctx.mentions_between(s, e) if b.kind in MEETING_KINDS]
            if not bodies:
                continue
            body = min(bodies, key=lambda b: abs(b.start - (s + m.start())))
            year = m.group("y") or (_PAST.search(sent) and (ctx.year_before(s + m.start()) or year_above(ctx, s)))
            if not year:
                continue
            month = f"{year}-{months()[m.group('m').casefold()]:02d}"
            if any(f.key == body.key and (f.month == month or f.when and f.when.isoformat()[:7] == month)
                   for f in found + out):
                continue
            out.append(FoundMeeting(body.key, None, None, None, s, e, sent.strip(), month))
    return out


_BF_START = re.compile(r"^[ \t|-]*Beratungsfolge\b", re.M)
_BF_END = re.compile(r"^[ \t|-]*(?:Sachverhalt|Beschlussvorschlag|Finanzielle\s+Auswirkungen|Begründung|Anlagen?\b|"
                     r"Kurzfassung|Darstellung|Beschluss\s*:?[ \t]*$|Sitzungsverlauf|Wortprotokoll)", re.M)
# a body decided on a day, named in one word: "Stadtratsbeschluss: 05.10.2022", "Ratsbeschlüssen vom 21.09.2011
# ... und vom 08.12.2010"
_DECIDED_ON = re.compile(r"\b(?P<pre>[A-ZÄÖÜ][a-zäöüß]*?)s?(?:beschluss(?:es)?|beschlüssen?)\s*(?::|vom|am)\s*"
                         + DATE_PATTERN + r"(?P<more>(?:[^.;\n]{0,40}?\bund\s+(?:vom|am)\s+"
                         + DATE_PATTERN.replace("?P<date>", "?:") + r")*)")


# a session named in one word: "Ratssitzung am 6. Oktober 2016", "in der Stadtratssitzung vom 29. Juli 2021",
# "in der Ratssitzung (21.02.2019)"
_SESSION_WORD = re.compile(r"(?:(?<![\d.])(?P<n>\d{1,3})\.\s+(?:öffentlichen\s+|öffentliche\s+)?)?"
                           r"\b(?P<pre>[A-ZÄÖÜ][a-zäöüß]+?)s?-?[Ss]itzung(?:\s+(?:der|des)\s+[^.;:\d]{1,60}?)?"
                           r"(?:\s+(?:am|vom)\s+|\s*\(\s*(?=[\d]{1,2}\.\s?\d{1,2}\.\s?\d{2,4}\s*\)))"
                           + WEEKDAY + DATE_PATTERN)
# the minutes of the body's last session: "Genehmigung des Protokolls über die Sitzung am 06.09.2017"
_MINUTES_OF = re.compile(r"\b(?:Protokoll|Niederschrift)\w*\s+(?:über\s+die|der|vom)\s+(?:letzten\s+)?"
                         r"(?:(?P<n>\d{1,3})\.\s+)?(?:(?:nicht)?öffentlichen?\s+|letzte\s+)?Sitzung\s+(?:am|vom)\s+"
                         + WEEKDAY + DATE_PATTERN)


def _body_named(ctx: Context, word: str) -> str | None:
    """The one council, committee or board a word names ("Rats" -> "Rat der Stadt X", "Stadtrat")."""
    pre = word.casefold()
    hits = [k for k, o in ctx.orgs.items() if o.kind in ("council", "committee", "advisory_board") and (
        o.name.casefold() == pre or o.name.casefold().startswith(pre + " "))]
    if not hits and len(pre) >= 3:  # "Beiratssitzung" in the minutes of the Seniorenbeirat: its head word
        hits = [k for k, o in ctx.orgs.items() if o.kind in ("council", "committee", "advisory_board")
                and o.name.casefold().endswith(pre)]
    return hits[0] if len(hits) == 1 else None


def consultations(ctx: Context) -> list[tuple[str, date, int, int]]:
    """The Beratungsfolge of a paper (ALLRIS pages copied as text, tables flattened): each body listed
    with the date of its session, the first date after the body's name. (body key, date, start, end)."""
    text = ctx.text
    out: list[tuple[str, date, int, int]] = []
    for head in _BF_START.finditer(text):
        stop = _BF_END.search(text, head.end())
        end = stop.start() if stop else min(len(text), head.end() + 3000)
        events: list[tuple[int, int, Any]] = [(m.start, m.end, m) for m in ctx.mentions_between(head.end(), end)
                                             if m.kind in MEETING_KINDS]
        events += [(d.start(), d.end(), parse_date(d.group("date"))) for d in DATE_RX.finditer(text, head.end(), end)]
        current = None
        for _a, b, ev in sorted(events, key=lambda e: e[0]):
            if isinstance(ev, date) or ev is None:
                if current is not None and ev is not None:
                    out.append((current.key, ev, current.start, b))
                    current = None
            else:
                current = ev
    return out


def _decided_on(ctx: Context) -> list[tuple[str, date, int, int]]:
    """Decisions named in one word with their day ("Ratsbeschluss vom ...") as sessions of that body."""
    text = ctx.text  # each pattern is tried only where its own word ("beschluss", "sitzung") stands
    out: list[tuple[str, date, int, int]] = []
    for m in _DECIDED_ON.finditer(text) if "beschluss" in text or "beschlüsse" in text else ():
        key = _body_named(ctx, m.group("pre")) if m.group("pre") else None
        if key is None:
            continue
        for d in DATE_RX.finditer(text, m.start("date"), m.end()):
            when = parse_date(d.group("date"))
            if when:
                out.append((key, when, m.start(), m.end()))
    return out


def _session_words(ctx: Context) -> list[tuple[str, int | None, date, int, int]]:
    """A session named in one word, maybe numbered: "Ratssitzung am ...", "19. Beiratssitzung am ..."."""
    out = []
    text = ctx.text
    at = text.find("itzung")
    while at != -1:  # the regex is tried only at each "-sitzung" word, not from every capital of the text
        word = max(text.rfind(" ", 0, at), text.rfind("\n", 0, at)) + 1
        m = _SESSION_WORD.search(text, max(0, word - 12), min(len(text), at + 140))
        if m is not None and m.start("pre") <= at < m.end():
            key = _body_named(ctx, m.group("pre"))
            when = parse_date(m.group("date"))
            if key and when:
                out.append((key, int(m.group("n")) if m.group("n") else None, when, m.start(), m.end()))
        at = text.find("itzung", at + 6)
    return out


def _minutes_of(ctx: Context) -> list[tuple[str, int | None, date, int, int]]:
    """The earlier session whose minutes are approved, a session of the body the document is about
    ("Genehmigung des Protokolls der 7. öffentlichen Sitzung vom 20.03.2018")."""
    if ctx.main is None or ctx.main.kind not in MEETING_KINDS or "Sitzung" not in ctx.text:
        return []
    main = next((k for k, o in ctx.orgs.items() if o is ctx.main), None)
    out = []
    for m in _MINUTES_OF.finditer(ctx.text):
        when = parse_date(m.group("date"))
        if main and when:
            out.append((main, int(m.group("n")) if m.group("n") else None, when, m.start(), m.end()))
    return out


# the session announced at the end of minutes or a report: "Die nächste Sitzung findet am 14. März 2017 statt",
# "Nächste Vollversammlung am Montag, den 3. März 2025"
_NEXT = re.compile(r"\b[Nn]ächsten?\s+(?:(?:öffentliche|reguläre|ordentliche)n?\s+)?(?P<word>[A-ZÄÖÜ][a-zäöüß]+?)?s?"
                   r"-?[Ss]itzung(?P<of>\s+(?:des|der)\s+)?[^.;?\n]{0,60}?\b(?:am|für\s+den)\s+" + WEEKDAY
                   + DATE_PATTERN)


def _next_session(ctx: Context) -> list[tuple[str, int | None, date, int, int]]:
    """The next session, of the body named with it, else of the body named last before it."""
    text = ctx.text
    out = []
    for m in _NEXT.finditer(text) if "ächste" in text else ():
        when = parse_date(m.group("date"))
        key = None
        if m.group("of"):
            after = [x for x in ctx.mentions_starting(m.end("of"), m.end("of") + 1) if x.kind in MEETING_KINDS]
            key = after[0].key if after else None
        elif m.group("word"):
            key = _body_named(ctx, m.group("word"))
        if key is None and not m.group("of"):
            before = [x for x in ctx.mentions if x.end <= m.start() and x.kind in MEETING_KINDS]
            main = next((k for k, o in ctx.orgs.items() if o is ctx.main), None) if ctx.main is not None and \
                ctx.main.kind in MEETING_KINDS else None
            key = before[-1].key if before else main
        if key and when:
            out.append((key, None, when, m.start(), m.end()))
    return out


# "Am 27. April 1998 fand die Gründungsversammlung statt": the founding session of the body named before
_FOUNDING = re.compile(r"\b(?:Gründungsversammlung|Gründungssitzung|Auftaktsitzung)\b")


def _founding(ctx: Context) -> list[tuple[str, int | None, date, int, int]]:
    text = ctx.text
    out = []
    for hit in _FOUNDING.finditer(text) if "ründungs" in text or "Auftakt" in text else ():
        s, e = next(((a, b) for a, b in ctx.sentences() if a <= hit.start() < b), (hit.start(), hit.end()))
        sent = text[s:e]
        dm = DATE_RX.search(sent)
        if dm is None or not _HELD.search(sent):
            continue
        here = [m for m in ctx.mentions_between(s, e) if m.kind in MEETING_KINDS]
        before = [m for m in ctx.mentions if m.end <= s and m.kind in MEETING_KINDS]
        body = here[0] if here else before[-1] if before else None
        when = parse_date(dm.group("date"))
        if body is not None and when:
            out.append((body.key, None, when, s, e))
    return out


_DIGIT = re.compile(r"\d")
# patterns of find_meetings, compiled once
_HEAD_NUMBER = re.compile(r"\s*(\d{1,3})\.\s*")
_HEAD_TITLE = re.compile(r"\s*(?:des\s+\S+\s*)?:\s*(\S.*?)\s*$")
_CLAUSE = re.compile(r"[^;]+")
_SESSION_OF = re.compile(r"\b(?:Sitzung|Tagung)\s+(?:des|der)\s*$")
_WRITTEN = (r"(?P<w>[Ee]rste|[Zz]weite|[Dd]ritte|[Vv]ierte|[Ff]ünfte|[Ss]echste|[Ss]iebte|[Aa]chte|[Nn]eunte|"
            r"[Zz]ehnte|[Ee]lfte|[Zz]wölfte)[nrs]?\s+(?:(?:öffentlichen?|ordentlichen?|konstituierenden?|regulären?)\s+)?")
# "die erste Sitzung", "in ihrer zweiten ordentlichen Sitzung": a session numbered in words
_FIRST_SESSION = re.compile(r"\b" + _WRITTEN + r"Sitzung\b")
_ORDINAL_BEFORE = re.compile(r"(?<![\d.])(\d{1,3})\.\s*(?:(?:öffentlichen?|ordentlichen?|konstituierenden?)\s+)?"
                             r"(?:(?:Sitzung|Tagung)\s+(?:des|der)\s+)?$")
# the number after the word: "Sitzung Nr. 12 des", "Sitzung Nr. 12/2021 der"
_NR_BEFORE = re.compile(r"\b(?:Sitzung|Tagung)\s+(?:Nr\.|Nummer)\s*(\d{1,3})(?:/(?:19|20)?\d\d)?\s+(?:des|der)\s+$")
_TERM_BEFORE = re.compile(r"(?<![\d.])(\d{1,3})\.\s+(?:\w+\s+)?(?:Sitzung|Tagung)\s+(?:des|der)\s+\d{1,3}\.\s*$")
_HELD = re.compile(r"\b(?:fand|findet|stattfand|stattfinden|statt|tagte)\b")
_OWN_SESSION = re.compile(r"\b(?:in\s+)?(?:seiner|ihrer)\s+(?:(?P<n>\d{1,3})\.\s+|" + _WRITTEN + r")?"
                          r"(?:(?:öffentlichen|ordentlichen|nichtöffentlichen|konstituierenden)\s+)?Sitzung\s+(?:am|vom)\s+"
                          + WEEKDAY + DATE_PATTERN)
_FIRST_OF = re.compile(r"\b" + _WRITTEN + r"(?:Sitzung|Tagung)\s+(?:des|der)\s*$")


def _written(m: re.Match | None) -> int | None:
    return ordinals().get(m.group("w").casefold()) if m and m.group("w") else None
# "die 2. Sitzung am 16. Juni 2021"
_NUMBERED_SESSION = re.compile(r"(?<![\d.])(?P<n>\d{1,3})\.\s+(?:öffentlichen?\s+)?Sitzung\s+(?:am|vom)\s+"
                               + DATE_PATTERN)


def _called_off(sentence: str) -> bool:
    """A sentence that calls off the one session it dates ("Die Sitzung am 4. Mai fällt aus"); a sentence
    with more days may tell of the sessions held beside the one called off."""
    if not any(w in sentence for w in ("abgesagt", "ausgefallen", "fällt", "fiel", "entf")) \
            or not CANCELLED.search(sentence):
        return False
    return len(DATE_RX.findall(sentence)) + len(_MONTH_ONLY.findall(sentence)) <= 1


def find_meetings(ctx: Context) -> list[FoundMeeting]:
    text = ctx.text
    found: dict[tuple[str, int | None, date | None], FoundMeeting] = {}
    titles: dict[tuple[str, int], tuple[str, int, int]] = {}
    # headings "41. Sicherheitskonferenz: Title" (a line of its own)
    for m in ctx.mentions:
        line_start = text.rfind("\n", 0, m.start) + 1
        head = text[line_start:m.start]
        num = _HEAD_NUMBER.fullmatch(head)
        if not num or m.kind not in MEETING_KINDS:
            continue
        line_end = text.find("\n", m.end)
        rest = text[m.end: line_end if line_end != -1 else len(text)]
        t = _HEAD_TITLE.match(rest)
        if t:
            titles[(m.key, int(num.group(1)))] = (t.group(1), line_start, m.end + len(rest))
    def add(key: str, number: int | None, when: date | None, a: int, b: int) -> None:
        title = titles.get((key, number))[0] if number is not None and (key, number) in titles else None
        k = (key, number, when)
        if k not in found:
            found[k] = FoundMeeting(key, number, when, title, a, b, text[a:b].strip())

    for s, e in ctx.sentences():
        if text[s:e].rstrip().endswith("?"):
            continue
        # a short heading line may carry its date on the next line ("... des Stadtteilbeirates\nAltstadt vom ...")
        e = s + len(text[s:e].rstrip())
        e2 = e
        if e - s < 70 and text[e:e + 1] == "\n" and text[e + 1:e + 2].strip():
            nl = text.find("\n", e + 1)
            e2 = nl if nl != -1 else len(text)
        sent = text[s:e2]
        if "Sitzung" not in sent and not any(m.kind in MEETING_KINDS for m in ctx.mentions_starting(s, e2)):
            continue  # no body that meets and no "2. Sitzung am ...": nothing below can match
        for clause_m in _CLAUSE.finditer(sent):
            cs, ce = s + clause_m.start(), s + clause_m.end()
            clause = clause_m.group(0)
            mentions = [m for m in ctx.mentions_starting(cs, ce) if m.kind in MEETING_KINDS]
            dates = [(d.start() + cs, d.end() + cs, parse_date(d.group("date"))) for d in DATE_RX.finditer(clause)
                     ] if mentions and _DIGIT.search(clause) else []  # read for the bodies; a date starts with a digit
            for m in mentions:
                before = text[max(cs, m.start - 40):m.start]
                ordinal = _ORDINAL_BEFORE.search(before) or _NR_BEFORE.search(before)
                session = _SESSION_OF.search(before)
                term = _TERM_BEFORE.search(text[max(cs, m.start - 60):m.start])
                if term:  # "die 19. Sitzung des 20. Beirates": the second number counts the body's terms
                    ordinal = term
                held = m.kind == "conference" and _HELD.search(clause)
                own = _OWN_SESSION.search(text[m.end:ce])
                if own and m.end + own.start() > next((x.start for x in mentions if x.start >= m.end), ce):
                    own = None  # "in seiner Sitzung" after another body is that body's session
                if own:
                    add(m.key, ordinal_number(own), parse_date(own.group("date")),
                        s, e2)
                    continue
                dated = _DATED.match(text, m.end, min(ce, m.end + 80))
                issued = (_ISSUED.search(text[max(cs, m.start - 40):m.start])
                          or _STATUTE_TITLE.match(text, cs, m.start)) and not _DECISION_TEXT.search(
                    text[max(cs, m.start - 60):m.start])
                if dated and not ordinal and m.kind in ("council", "committee", "advisory_board") and not issued:
                    # "die Stadtverordnetenversammlung vom 13.09.2022", "Für den Ausschuss ... am 2. April 2014"
                    first = _FIRST_SESSION.search(text, max(cs, m.start - 50), m.start)
                    add(m.key, _written(first), parse_date(dated.group("date")), s, e2)
                    continue
                if not ordinal and not session and not held:
                    continue
                number = int(ordinal.group(1)) if ordinal else _written(_FIRST_OF.search(before)) if session else None
                if ordinal and any(ds <= m.start - len(ordinal.group(0)) < de_ for ds, de_, _ in dates):
                    number = None  # the "7." of "7. Oktober 2019" is a day, not a meeting number
                after = [d for d in dates if d[0] >= m.end]
                when = (after[0] if after else min(dates, key=lambda d: abs(d[0] - m.start)))[2] if dates else None
                if (number is None and when is None) or (number is not None and number > 300):
                    continue
                if when is None and not ordinal and number is None:  # "die erste Sitzung des Beirates" is its 1.
                    continue
                add(m.key, number, when, s, e2)
            # "die 2. Sitzung am 16. Juni 2021": a numbered session of the body named before
            for om in _NUMBERED_SESSION.finditer(clause) if "Sitzung" in clause else ():
                prior = [m for m in ctx.mentions_starting(s, cs + om.start()) if m.kind in MEETING_KINDS]
                owner = prior[-1] if prior else (ctx.main.mentions[0] if ctx.main else None)
                if owner is not None:
                    add(owner.key, int(om.group("n")), parse_date(om.group("date")), s, e2)
    for key, when, a, b in consultations(ctx) + _decided_on(ctx):
        add(key, None, when, a, b)
    for key, number, when, a, b in _minutes_of(ctx) + _session_words(ctx) + _next_session(ctx) + _founding(ctx):
        add(key, number, when, a, b)
    partial: list[FoundMeeting] = []  # days without a year anywhere in the text ("--05-12")
    for key, day, a, b in (acted_on_days(ctx) + date_tables(ctx) + approved_minutes(ctx) + bracketed_decisions(ctx)
                           + year_sessions(ctx) + item_page_day(ctx) + heading_session(ctx) + labelled_session(ctx)
                           + unnamed_sessions(ctx) + relative_days(ctx) + colon_lists(ctx)):
        if day.when is not None:
            add(key, day.number, day.when, a, b)
        elif not any(p.key == key and p.month == day.partial for p in partial):
            partial.append(FoundMeeting(key, day.number, None, None, a, b, text[a:b].strip(), day.partial))
    for key, number, a, b in numbered_without_day(ctx):
        if not any(f.key == key and f.number == number for f in found.values()):
            add(key, number, None, a, b)
    # a numbered heading with no dated sentence is still a meeting
    for (okey, number), (title, a, b) in titles.items():
        if not any(f.key == okey and f.number == number for f in found.values()):
            found[(okey, number, None)] = FoundMeeting(okey, number, None, title, a, b, text[a:b].strip())
    # one numbered entry without a date and one dated entry without a number of the same body are one meeting
    for okey in {f.key for f in found.values()}:
        numbered = [k for k, f in found.items() if f.key == okey and f.when is None and f.number is not None]
        dated = [k for k, f in found.items() if f.key == okey and f.when is not None and f.number is None]
        if len(numbered) == 1 and len(dated) == 1 and not any(
                f.key == okey and f.when is not None and f.number == found[numbered[0]].number
                for f in found.values()):
            found[dated[0]].number = found.pop(numbered[0]).number
    # merge undated numbered entries into dated ones of the same number
    out = []
    for f in found.values():
        if f.when is None and f.number is not None and any(
                g.key == f.key and g.number == f.number and g.when for g in found.values()):
            continue
        if f.number is None and f.when is not None and any(
                g.key == f.key and g.when == f.when and g.number is not None for g in found.values()):
            continue
        out.append(f)
    for month in month_meetings(ctx, out):
        # "Die erste Sitzung des Beirates fand im März 2010 statt": session 1, known to the month
        undated = [f for f in out if f.key == month.key and f.when is None and f.month is None
                   and f.number is not None and f.start == month.start]
        if undated:
            month.number = undated[0].number
            out.remove(undated[0])
        out.append(month)
    out += partial
    out = [f for f in out if not _called_off(f.text)]
    return sorted(out, key=lambda f: (f.when or date.max, f.number or 0, f.month or ""))
