"""Meetings read from what a body did on a day, not from the word "Sitzung" beside its name:
"Der Stadtrat beschloss am 21.05.2019 ...", "Am 3. März empfahl der Hauptausschuss ...",
"... wird durch die Gemeindevertretung am 12.12.2019 beschlossen", "in seiner 14. Sitzung",
and tables of session dates under a heading that names the body ("Sitzungstermine ... 2024:").

Council prose gives a date without its year when the heading or the paragraph names the year
("Jahresbericht 2021 ... am 12. April"); such a date takes that year, else it stays ``--MM-DD``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from ratsinfo.parsers.nlp.context import Context
from ratsinfo.parsers.nlp.numbers import MONTH_NAME, YEAR, months, ordinal_number, ordinal_words_pattern
from ratsinfo.parsers.nlp.orgs import Mention

_NEAR = 160  # the acting body stands near its day (a PDF line break may join two sentences)
MEETING_KINDS = ("conference", "committee", "advisory_board", "council", "staff", "working_group")
_MONTHS = MONTH_NAME
_WEEKDAY = (r"(?:(?:heutigen|kommenden|morgigen|gestrigen|vergangenen)\s+)?"
            r"(?:(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag|(?:Mo|Di|Mi|Do|Fr|Sa|So)\.?),?\s+)?"
            r"(?:den\s+|dem\s+)?")
# a day, with or without its year, and the first day of a range ("3. bis 4. Juni 2019", "4./5. Mai")
_DAY = (r"(?P<d>\d{1,2})\.\s?(?:(?:bis|und|-|–|/)\s?\d{1,2}\.\s?)?"
        r"(?:(?P<mon>" + _MONTHS + r")|(?P<mn>\d{1,2})\.)(?:\s?(?P<y>\d{4}|\d{2}(?![\d.])))?(?![\d.]?\d)")
# "am 5. Juli", "in der Sitzung vom 5. Juli", "mit/durch Beschluss vom 5. Juli" (a bare "vom" dates papers and
# letters, except a range)
_ON_DAY = re.compile(r"\b(?:[Aa]m|(?<=Sitzung\s)vom|(?<=it\sBeschluss\s)vom|(?<=ch\sBeschluss\s)vom|"
                     r"vom(?=\s+\d{1,2}\.\s?(?:bis|-|–)\s?\d))\s+" + _WEEKDAY + _DAY)
# what a body does in a session; a verb of the clause, not a noun ("Beschluss vom" dates a paper). Each verb in
# the forms of the third person, past participle and infinitive (as the lemma table of spacy-lookups-data lists
# them), the old spelling with "ß" too ("beschloß", "befaßte")
_ACT = re.compile(r"\b(?:beschlo(?:ss|ß)(?:en)?|beschließt|beschließen|empfahl(?:en)?|empfohlen|empfiehlt|empfehlen|"
                  r"befa(?:ss|ß)t(?:e|en)?|berie(?:t|ten)|berät|beraten|vorberaten|vorberiet(?:en)?|"
                  r"erörtert(?:e|en)?|diskutiert(?:e|en)?|behandelt(?:e|en)?|beschäftigt(?:e|en)?\s+sich|besprach(?:en)?|"
                  r"besprochen|tagt(?:e|en)?|tagen|getagt|t(?:raf|rafen|rifft|reffen)\s+sich|sich\b[^;]{0,60}?\bgetroffen|"
                  r"(?:kam|kamen|kommt|kommen|trat|traten|tritt|treten)\b[^;]{0,60}?\bzusammen|"
                  r"zusammengekommen|zusammengetreten|stimmt(?:e|en)?\b[^;]{0,80}?\bzu\b|zugestimmt|"
                  r"entschied(?:en)?|entschieden|entscheidet|wählt(?:e|en)?|wählen|gewählt|"
                  r"lehnt(?:e|en)?\b[^;]{0,80}?\bab\b|abgelehnt|verabschiedet(?:e|en)?|genehmigt(?:e|en)?|"
                  r"beauftragt(?:e|en)?|konstituiert(?:e|en)?|billigt(?:e|en)?|gebilligt|fa(?:ss|ß)t(?:e|en)?|"
                  r"gefa(?:ss|ß)t|gründet(?:e|en)?\s+(?:er\s+|sie\s+|es\s+)?sich|sich\b[^;]{0,40}?\bgegründet|"
                  r"nahm(?:en)?\b[^;]{0,60}?\bKenntnis|zur\s+Kenntnis\s+genommen|"
                  r"(?:[Dd]urch|[Mm]it|[Pp]er)\s+Beschluss)\b")
# the article of a body as a sentence's subject (the pronoun of the next sentence stands for it)
_SUBJECT_OF = re.compile(r"(?:^|[.:!?]\s+|\n\s*|\b(?:tagte|traf|kam|trat|beschloss|beriet|hat|hatte)\s+)"
                         r"(?:[Dd]er|[Dd]ie|[Dd]as)\s+(?:[a-zäöüß]+\s+)?$")
# a session called off is none: "Die Sitzung am 12.03.2024 fällt aus", "wurde abgesagt", "entfällt" (the session
# its subject, the verb closing its clause: not "die Wahl fiel auf Frau X aus der ...", "auf den Beirat entfallen")
CANCELLED = re.compile(r"\b(?:Sitzung|Treffen|Tagung|Termin)\w*\b(?:[^.;,]|\.(?=\s?\d)){0,80}?\b"
                       r"(?:abgesagt|ausgefallen|f(?:ällt|iel|ielen)\b[^.;,]{0,60}?\baus|entfällt|entfiel(?:en)?|entfallen)"
                       r"(?=\s*(?:[.;,!]|$|(?:wegen|aufgrund|da|weil|und)\b))")
# "Der Integrationsrat wird am 4. Mai neu gewählt": the body is elected by the voters, it does not meet
_ELECTED_ITSELF = re.compile(r"\b(?:wird|wurde|werden|wurden)\b(?:(?!\b(?:vom|von|durch)\b)[^;]){0,60}?"
                             r"\b(?:neu\s+|wieder\s+)?gewählt\b")
# words before a body that make it the one acting: its article in the nominative, the agent of a passive,
# its members or participants
_SUBJECT_BEFORE = {"m": ("der", "unser", "durch den", "vom"), "f": ("die", "unsere", "durch die", "von der"),
                   "n": ("das", "unser", "durch das", "vom")}
_MEMBERS_OF = re.compile(r"\b(?:Mitglieder|Teilnehmer\w*|Vertreter\w*)\s+(?:\d+\s+)?(?:des|der)\s+(?:\w+\s+)?$")
# a numbered session without its day: "in seiner 14. Sitzung", "in ihrer 20. öffentlichen Sitzung"
_OWN_NUMBERED = re.compile(r"\b(?:in|auf)\s+(?:seiner|ihrer)\s+(?:(?P<n>\d{1,3})\.|(?P<w>"
    + ordinal_words_pattern() + r")n)\s+(?:(?:öffentlichen|ordentlichen|"
                           r"nichtöffentlichen|konstituierenden)\s+)?Sitzung\b(?!\s+(?:am|vom)\s+\w)")
# a heading over a table of session dates: "Sitzungstermine 2024", "Termine der Sitzungen des Beirates"
_DATES_HEAD = re.compile(r"(?:Sitzungstermin(?:e|en)?|Sitzungsplan|Sitzungskalender|Termine|Tagungstermine|"
                         r"Terminübersicht|Sitzungen)\b")
_LISTED_DAY = re.compile(r"[ \t]*" + _WEEKDAY + _DAY)
_DATE_LINE = re.compile(r"^[ \t•\-–*]*" + _WEEKDAY + _DAY + r"[^\n]{0,60}$", re.M)


# minutes approved: "Genehmigung des Protokolls vom 17.10.2019", "Genehmigung der Sitzungsniederschrift vom ..."
_APPROVED = re.compile(r"\b(?:Genehmigung|Billigung|Feststellung)\s+(?:des|der)\s+(?:\w+\s+)?(?:Sitzungs)?"
                       r"(?:Protokolls|Protokolles|Niederschrift|[Ss]itzungsniederschrift)\s+vom\s+" + _WEEKDAY + _DAY)
# a decision in brackets after its body: "des Kulturbeirates (Beschluss vom 3.11.2015 und vom 8.3.2016)"
_BRACKET_DECISION = re.compile(r"\s*\(\s*(?:Beschl(?:uss|\.)|Sitzung)\s+vom\s+[^()]{6,80}\)")


# a paper put before a body on a day
# (or reported to it: "berichtete am 3. Mai den Mitgliedern des Beirates", "informierte am 3. Mai den Ausschuss")
_PRESENTED = re.compile(r"\b(?:vorgelegt|vorgestellt|zur\s+(?:Beratung|Beschlussfassung|Entscheidung)\s+vorgelegt|"
                        r"berichtet(?:e|en)?|referiert(?:e|en)?|informiert(?:e|en)?|unterrichtet(?:e|en)?|"
                        r"stellt(?:e|en)?\b[^;]{0,80}?\bvor)\b")
# a body named as the place of the day's session: "am 3. März 2021 im Bauausschuss", "im Stadtrat am 15. März"
_IN_BODY_AFTER = re.compile(r"\s*,?\s*(?:im|in\s+der|in\s+dem|beim)\s+(?:[\wäöüß]+\s+)?$")
_IN_BODY_BEFORE = re.compile(r"\b(?:im|in\s+der|in\s+dem|beim)\s+$")
_TO_BODY = re.compile(r"\b(?:dem|der|den|(?:den\s+)?Mitglieder(?:n)?\s+(?:des|der))\s+$")
# not the body a preposition or a noun governs: "über die Arbeit der Lenkungsgruppe", "mit dem Beirat"
_GOVERNED = frozenset(("mit", "von", "vom", "aus", "bei", "nach", "zu", "über", "für", "gegen", "an", "auf", "in",
                       "unter", "vor", "zwischen", "durch", "seit", "um", "ohne"))


def _addressed(text: str, cs: int, m: Mention) -> bool:
    """The body a paper is put before or a report is given to ("dem Stadtrat", "den Mitgliedern des Beirates")."""
    to = _TO_BODY.search(text, max(cs, m.start - 24), m.start)
    if to is None:
        return False
    if to.group(0).lstrip().startswith(("Mitglied", "den Mitglied")):
        return True
    words = text[max(cs, to.start() - 30):to.start()].split()
    if not words:
        return True
    word = words[-1].strip(",")
    genitive = to.group(0).split()[0] == "der" and word[:1].isupper() and len(words) > 1  # "die Arbeit der ..."
    return word.casefold() not in _GOVERNED and not genitive


# (not "zum ersten Mal in neuer Besetzung", "zum ersten Mal in diesem Jahr": a first session of a term or year)
_FIRST_TIME = re.compile(r"\b(?:zum\s+ersten\s+Mal|erstmal(?:s|ig)\s+(?:zusammen|getagt|getroffen))\b"
                         r"(?!\s+(?:in\s+(?:der\s+)?neue[nr]?\s+(?:Besetzung|Konstellation|Zusammensetzung|Wahlperiode)|"
                         r"in\s+diese[mr]\s+(?:Jahr|Wahlperiode)|nach\s+der\s+(?:Wahl|Sommerpause)))")
# "tagte zum dritten Mal", "kam zum 10. Mal zusammen": the body's third session (not of a year or a new term)
_NTH_TIME = re.compile(r"\bzum\s+(?:(?P<n>\d{1,3})\.|(?P<w>" + ordinal_words_pattern()
                       + r")n)\s+Mal\b" + _FIRST_TIME.pattern[_FIRST_TIME.pattern.index("(?!"):])
# the body's own numbered session, in digits or words: "zu seiner dritten Sitzung", "in ihrer 5. ordentlichen Sitzung"
_OWN_ORDINAL = re.compile(r"\b(?:zu|in|auf)\s+(?:seiner|ihrer)\s+(?:(?P<n>\d{1,3})\.\s+|(?P<w>"
    + ordinal_words_pattern() + r")[nr]?\s+)(?:(?:öffentlichen|ordentlichen|nichtöffentlichen|"
    r"konstituierenden|regulären)\s+)?Sitzung\b")
_FULL_STOP = re.compile(r"(?:(?:19|20)\d\d|[a-zäöüß]{3})\.\s+[A-ZÄÖÜ]")
# "In neuer Besetzung kommt der Stadtrat ... erstmals zusammen": the first session of a term, not of the body
_NEW_TERM = re.compile(r"\b(?:[Ii]n\s+neue[rn]?\s+(?:Besetzung|Zusammensetzung|Wahlperiode)|"
                       r"nach\s+der\s+(?:Kommunal)?[Ww]ahl)\b")
# the first or last session known only to its year: "Die letzte Sitzung des Beirates fand im Jahr 2014 statt"
_YEAR_SESSION = re.compile(r"\b(?P<which>[Ll]etzte|[Ee]rste|[Kk]onstituierende)n?\s+Sitzung\b(?P<mid>[^.;?]{0,80}?)"
                           r"(?<![.\d/-])\b(?:(?:im\s+Jahr(?:e)?|in)\s+)?(?P<y>(?:19|20)\d\d)\b(?![./-]\d)[^.;?]{0,40}?\bstatt")


@dataclass
class Dated:
    """A day as the text gives it: ``when`` with its year, else ``partial`` ("--05-12", "2014"); ``number`` 1
    for a body's first session ("kam ... zum ersten Mal zusammen")."""
    when: date | None
    partial: str | None
    number: int | None = None


def day_of(m: re.Match, ctx: Context, pos: int, list_year: str | None = None) -> Dated | None:
    """The date a ``_DAY`` match names; a missing year comes from the list it stands in, the paragraph,
    else from the heading."""
    month = months()[m.group("mon").rstrip(".").casefold()] if m.group("mon") else int(m.group("mn"))
    day = int(m.group("d"))
    y = m.group("y") or list_year
    year = (int(y) + (2000 if int(y) < 50 else 1900) if len(y) == 2 else int(y)) if y else (
        ctx.year_before(pos) or year_above(ctx, pos))
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    if year is None:
        return Dated(None, f"--{month:02d}-{day:02d}")
    try:
        return Dated(date(year, month, day), None)
    except ValueError:
        return None


def year_above(ctx: Context, pos: int) -> int | None:
    """The year of the document's first lines, when they end before the line of ``pos`` (a year later
    in the same sentence is not the meeting's: "am 14. Dezember den Haushalt 2023 beschlossen")."""
    text = ctx.text
    head_end = 0
    for _ in range(4):
        nl = text.find("\n", head_end + 1)
        if nl == -1:
            break
        head_end = nl
    y = YEAR.search(text, 0, min(head_end, text.rfind("\n", 0, pos) + 1))
    return int(y.group(1)) if y else None


# words between the article and its body that describe the body: "der neu gewählte Stadtrat", "die im Mai
# gegründete Arbeitsgruppe", "vom zuständigen Ausschuss" (lower-case words ending as an attribute ends)
_ATTRIBUTES = re.compile(r"(?:\s+(?:(?:im|am|seit)\s+[A-ZÄÖÜ][a-zäöü]+\s+)?(?:[a-zäöüß]+\s+)?[a-zäöüß]{3,}(?:e|en))+"
                         r"\s*$")


def _acting(ctx: Context, cs: int, lo: int, hi: int) -> list[Mention]:
    """The bodies between ``lo`` and ``hi`` of a clause starting at ``cs`` that act in it (not the one a
    decision is about or is addressed to)."""
    text = ctx.text
    out = []
    for m in ctx.mentions_starting(lo, hi):
        if m.kind not in MEETING_KINDS:
            continue
        before = text[max(cs, m.start - 50):m.start]
        tail = before.rstrip()
        words = (_ATTRIBUTES.sub("", before) if tail.endswith(("e", "en")) and tail[-2:-1].islower() else before
                 ).casefold().split()
        articles = _SUBJECT_BEFORE.get(m.gender, ())
        if not words or words[-1] in articles or " ".join(words[-2:]) in articles or _MEMBERS_OF.search(before):
            out.append(m)
    return out


# a personal pronoun as the clause's subject, in the gender of the body it stands for
_PRONOUN = {"m": re.compile(r"(?:^|\s|,)(?:[Ee]r|[Dd]ieser)\s"), "f": re.compile(r"(?:^|,)\s*(?:[Ss]ie|[Dd]iese)\s+"
            r"(?:hat|hatte|ist|war|wird|wurde|tagte|traf|kam|trat|beschloss|beriet|konstituierte|gründete)\b|"
            r"\b(?:hat|hatte|tagte|traf|kam|trat|beschloss|beriet|konstituierte|gründete)\s+sie\b"),
            "n": re.compile(r"(?:^|\s|,)(?:[Ee]s|[Dd]ieses)\s")}


def _pronoun_body(ctx: Context, clause: str, before: tuple[int, int]) -> list[Mention]:
    """The body a pronoun stands for ("Drei Monate zuvor, am 13. September, gründete er sich"): the body the
    sentence before began with, when the pronoun has its gender."""
    named = [b for b in ctx.mentions_between(*before) if b.kind in MEETING_KINDS]
    if not named:
        return []
    body = named[0]
    rx = _PRONOUN.get(body.gender)
    return [body] if rx is not None and rx.search(clause) and _SUBJECT_OF.search(
        ctx.text, max(before[0], body.start - 30), body.start) else []


def acted_on_days(ctx: Context) -> list[tuple[str, Dated, int, int]]:
    """(body key, day, start, end) for each "am <Tag>" of a clause where a body decided, met or voted."""
    text = ctx.text
    if "am " not in text and "Am " not in text and "vom " not in text:  # (also "(am 12.03., 14.06. und ...)")
        return []
    sents = ctx.sentences()
    out: list[tuple[str, Dated, int, int]] = []
    for dm in _ON_DAY.finditer(text):
        i = ctx.sentence_index(dm.start())
        if i < 0:
            continue
        s, e = sents[i]
        sent = text[s:e]
        if sent.rstrip().endswith("?"):
            continue
        # the clause: between semicolons of the sentence
        rel = dm.start() - s
        cs = s + (sent.rfind(";", 0, rel) + 1)
        semi = sent.find(";", rel)
        ce = s + semi if semi != -1 else e
        clause = text[cs:ce]
        acts = _ACT.search(clause) is not None  # the costliest test of the clause: done once
        if acts and not _ELECTED_ITSELF.search(clause):
            bodies = _acting(ctx, cs, max(cs, dm.start() - _NEAR), min(ce, dm.end() + _NEAR))
        elif _PRESENTED.search(clause):  # "wird am 28. Februar dem Stadtrat vorgelegt": a session of the Stadtrat
            bodies = [m for m in ctx.mentions_starting(max(cs, dm.start() - _NEAR), min(ce, dm.end() + _NEAR))
                      if m.kind in MEETING_KINDS and _addressed(text, cs, m)]
        else:
            continue
        located = [m for m in ctx.mentions_starting(max(cs, dm.start() - 80), min(ce, dm.end() + 40))
                   if m.kind in MEETING_KINDS and (
                       m.start >= dm.end() and _IN_BODY_AFTER.fullmatch(text, dm.end(), m.start)
                       or m.end <= dm.start() and not text[m.end:dm.start()].strip()
                       and _IN_BODY_BEFORE.search(text, max(cs, m.start - 12), m.start))]
        if located:  # (the clause acts or presents: it went on above otherwise)
            bodies = located[:1]  # the body the day's session was held in, not the one reporting there
        # (a year closing a sentence, "am 4. Mai 2021. Der Beirat ...", may not split it: a body past such a
        # full stop is the next sentence's)
        bodies = [b for b in bodies
                  if not _FULL_STOP.search(text, min(b.end, dm.end()) - 4, max(b.start, dm.start()))]
        if not bodies and i > 0 and acts:
            bodies = _pronoun_body(ctx, clause, sents[i - 1])
        if not bodies:
            continue
        body = min(bodies, key=lambda b: abs(b.start - dm.start()))
        new_term = _NEW_TERM.search(clause) is not None
        first = 1 if _FIRST_TIME.search(clause) and not new_term else None
        days = enumerated_days(ctx, dm)
        own = (_OWN_ORDINAL.search(clause) or _NTH_TIME.search(clause)) if len(days) == 1 else None
        if own and not new_term:  # one day and the session the body counts it as
            first = ordinal_number(own)
        for day in days:
            day.number = first
            out.append((body.key, day, s, e))
            first = None
    return out


_NEXT_DAY = re.compile(r"\s*(?:,|und|sowie|bzw\.|/)\s*(?:(?:und|sowie)\s+)?(?:am\s+)?" + _WEEKDAY + _DAY)


def enumerated_days(ctx: Context, first: re.Match) -> list[Dated]:
    """The day of ``first`` and the days listed after it ("am 12.02., 14.05. und 03.12.2024"); a day
    without its year takes the year the list ends with."""
    found = [first]
    pos = first.end()
    while (m := _NEXT_DAY.match(ctx.text, pos)) is not None:
        found.append(m)
        pos = m.end()
    year = next((m.group("y") for m in reversed(found) if m.group("y")), None)
    out = []
    for m in found:
        day = day_of(m, ctx, first.start(), year)
        if day is not None:
            out.append(day)
    return out


def numbered_without_day(ctx: Context) -> list[tuple[str, int, int, int]]:
    """(body key, number, start, end) for "Der Sozialausschuss hat sich in seiner 14. Sitzung ... befasst"."""
    text = ctx.text
    if "Sitzung" not in text:
        return []
    out = []
    for m in _OWN_NUMBERED.finditer(text):
        para = text.rfind("\n", 0, m.start()) + 1
        prior = [b for b in ctx.mentions_between(max(para, m.start() - 200), m.start()) if b.kind in MEETING_KINDS]
        if prior:
            number = ordinal_number(m)
            out.append((prior[-1].key, number, prior[-1].start, m.end()))
    return out


def date_tables(ctx: Context) -> list[tuple[str, Dated, int, int]]:
    """Each date of a list of session dates under a heading naming the body ("Sitzungstermine des
    Integrationsbeirates 2024:" then one date a line), and each row of a calendar of sessions under a heading
    naming none ("Sitzungskalender März 2024" then "12.03.2024 | Bauausschuss | Rathaus")."""
    text = ctx.text
    out: list[tuple[str, Dated, int, int]] = []
    for h in _DATES_HEAD.finditer(text):
        ls = text.rfind("\n", 0, h.start()) + 1
        le = text.find("\n", h.end())
        if le == -1 or le - ls > 160:
            continue
        year = YEAR.search(text, ls, le)  # "Sitzungstermine 2024": the year of the dates listed below
        list_year = year.group(1) if year else None
        bodies = [b for b in ctx.mentions_between(ls, le) if b.kind in MEETING_KINDS]
        if not bodies:
            out += _calendar_rows(ctx, le + 1, list_year)
            continue
        colon = text.find(":", h.end(), le)
        inline = _LISTED_DAY.match(text, colon + 1) if colon != -1 else None
        if inline:  # "Termine 2023 des Umweltausschusses: 16.01., 20.03., 22.05." (the year from the heading)
            out += [(bodies[0].key, day, inline.start(), le) for day in enumerated_days(ctx, inline)]
            continue
        pos = le + 1
        while True:
            while text[pos:pos + 1] in ("\n", " ", "\t") and pos < len(text):
                pos += 1
            line = _DATE_LINE.match(text, pos)
            if not line:
                break
            day = day_of(line, ctx, ls, list_year)
            if day is not None:
                out.append((bodies[0].key, day, line.start(), line.end()))
            pos = line.end()
    return out


_ROW = 120  # a calendar's row is short: a day, a body, a time, a place
_ROW_START = re.compile(r"[ \t|•\-–*]*(?:\d|(?:Mo|Di|Mi|Do|Fr|Sa|So)\b|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|"
                        r"Samstag|Sonntag|[A-ZÄÖÜ])")
_ROW_DAY = re.compile(r"(?<![\d.])" + _DAY)
_LOWER_WORD = re.compile(r"(?<![\wäöüß])[a-zäöüß]{3,}\b")


def _calendar_rows(ctx: Context, pos: int, list_year: str | None) -> list[tuple[str, Dated, int, int]]:
    """The rows below a calendar's heading that each name one body and its days; a row of column names
    ("Datum | Gremium | Ort") may come first, a line of another kind ends the calendar."""
    text = ctx.text
    out: list[tuple[str, Dated, int, int]] = []
    rows = headers = 0
    while pos < len(text):
        end = text.find("\n", pos)
        end = len(text) if end == -1 else end
        line = text[pos:end]
        if not line.strip():
            if rows:
                break
            pos = end + 1
            continue
        bodies = [b for b in ctx.mentions_between(pos, end) if b.kind in MEETING_KINDS]
        days = list(_ROW_DAY.finditer(text, pos, end))
        prose = len(_LOWER_WORD.findall(line)) > 2 or line.rstrip().endswith(".")  # a sentence, not a row
        if len(line) > _ROW or prose or not _ROW_START.match(line) or len(bodies) != 1 or not days:
            if rows or days or bodies or headers:
                break
            headers += 1  # one line of column names
            pos = end + 1
            continue
        rows += 1
        for d in days:
            day = day_of(d, ctx, pos, list_year)
            if day is not None:
                out.append((bodies[0].key, day, pos, end))
        pos = end + 1
    return out


def approved_minutes(ctx: Context) -> list[tuple[str, Dated, int, int]]:
    """The earlier session whose minutes an agenda approves: of the body whose session heads the part
    the item stands in (the nearest body before it), else of the document's body."""
    text = ctx.text
    if "Genehmigung" not in text and "Billigung" not in text and "Feststellung" not in text:
        return []
    main = next((k for k, o in ctx.orgs.items() if o is ctx.main), None) if ctx.main is not None else None
    out = []
    for m in _APPROVED.finditer(text):
        prior = [b for b in ctx.mentions_between(max(0, m.start() - 3000), m.start()) if b.kind in MEETING_KINDS]
        key = prior[-1].key if prior else main
        day = day_of(m, ctx, m.start())
        if key is not None and day is not None:
            out.append((key, day, m.start(), m.end()))
    return out


def bracketed_decisions(ctx: Context) -> list[tuple[str, Dated, int, int]]:
    """Decisions dated in brackets right after the body: "(Beschluss vom 3.11.2015 und vom 8.3.2016)"."""
    text = ctx.text
    if "(Beschl" not in text and "( Beschl" not in text and "(Sitzung" not in text:
        return []
    out = []
    for b in ctx.mentions:
        if b.kind not in MEETING_KINDS:
            continue
        m = _BRACKET_DECISION.match(text, b.end)
        if not m:
            continue
        for d in re.finditer(r"\bvom\s+" + _DAY, m.group(0)):
            day = day_of(d, ctx, b.start)
            if day is not None:
                out.append((b.key, day, b.start, m.end()))
    return out


def year_sessions(ctx: Context) -> list[tuple[str, Dated, int, int]]:
    """A first or last session dated by its year only: of the body named with it, else of the one
    the sentence or the document is about."""
    text = ctx.text
    if "Sitzung" not in text or not ("etzte" in text or "rste" in text or "onstituierende" in text):
        return []
    main = next((k for k, o in ctx.orgs.items() if o is ctx.main), None) if ctx.main is not None else None
    out = []
    for m in _YEAR_SESSION.finditer(text):
        if re.search(_MONTHS + r"\s+$", text[max(0, m.start("y") - 12):m.start("y")]):
            continue  # "im März 2010": a month, read by the month rule
        named = [b for b in ctx.mentions_between(m.start("mid"), m.end("mid")) if b.kind in MEETING_KINDS]
        para = text.rfind("\n\n", 0, m.start()) + 1
        before = [b for b in ctx.mentions_between(para, m.start()) if b.kind in MEETING_KINDS]
        key = named[0].key if named else before[-1].key if before else main
        if key is not None:
            first = m.group("which").casefold() == "erste"
            out.append((key, Dated(None, m.group("y"), 1 if first else None), m.start(), m.end()))
    return out



# the head of a minutes or agenda page: the body alone on a line ("Bauausschuss", "SG Musterstadt - Rat der
# Samtgemeinde (SGR)"), then its day on the next line ("Donnerstag, 31. August 2023 , 16:00 Uhr")
_HEAD_LINES = 6
_HEAD_REST = re.compile(r"[\s\-–:|]*(?:\([A-ZÄÖÜ][\wÄÖÜäöü]{1,9}\))?[\s:]*")
# (its hours may be a span, "17:00 - 19:00 Uhr", and a place may follow: ", Rathaus, Sitzungssaal")
_HEAD_DAY = re.compile(r"[ \t]*" + _WEEKDAY + _DAY + r"(?:\s*,?\s*(?:um\s+|von\s+|ab\s+)?\d{1,2}[:.]\d{2}\s*(?:Uhr)?"
                       r"(?:\s*(?:-|–|bis)\s*\d{1,2}[:.]\d{2}\s*(?:Uhr)?)?)?"
                       r"(?:\s*[,|]\s*[A-ZÄÖÜ][^\n\d]{2,60})?[ \t]*$", re.M)


def heading_session(ctx: Context) -> list[tuple[str, Dated, int, int]]:
    """The session a page's head names: a line that is one body (a prefix before a dash allowed) and, on
    the next line, a full date (with a time, nothing else)."""
    text = ctx.text
    lines: list[tuple[int, int]] = []
    pos = 0
    while len(lines) < _HEAD_LINES and pos < len(text):
        end = text.find("\n", pos)
        end = len(text) if end == -1 else end
        if text[pos:end].strip():
            lines.append((pos, end))
        pos = end + 1
    for (ls, le), (ds, de) in zip(lines, lines[1:], strict=False):
        bodies = [b for b in ctx.mentions_between(ls, le) if b.kind in MEETING_KINDS and not b.is_abbreviation]
        if len(bodies) != 1 or not _HEAD_REST.fullmatch(text, bodies[0].end, le):
            continue
        lead = text[ls:bodies[0].start]
        if lead.strip() and not re.fullmatch(r"[^\n]{0,40}\s[-–]\s*", lead):
            continue
        day = _HEAD_DAY.match(text, ds, de)
        if day and day.group("y") and day.end() == de:
            found = day_of(day, ctx, ds)
            if found is not None and found.when is not None:
                return [(bodies[0].key, found, ls, de)]
    return []


# an agenda item's page of ALLRIS 4 copied as text starts with its session's day: "23.11.2021 - 1 Eröffnung ..."
_ITEM_PAGE = re.compile(r"\A\s*(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})\s+-\s+(?:[ÖN]\s*)?\d{1,3}(?:\.\d{1,3})*"
                        r"\.?\s+\S")


def item_page_day(ctx: Context) -> list[tuple[str, Dated, int, int]]:
    """The session an agenda item's page belongs to: its day in the first line, its body the one the page
    is about."""
    m = _ITEM_PAGE.match(ctx.text)
    if m is None or ctx.main is None or ctx.main.kind not in MEETING_KINDS:
        return []
    main = next((k for k, o in ctx.orgs.items() if o is ctx.main), None)
    try:
        day = Dated(date(int(m.group("y")), int(m.group("m")), int(m.group("d"))), None)
    except ValueError:
        return []
    return [(main, day, m.start(), m.end())] if main else []


# an invitation's or agenda's form: a line naming the session ("zur: Sitzung des Stadtrates", "Einladung zur
# 5. Sitzung des Bauausschusses") and, a few lines below, its day under a label ("am: Dienstag, 12.05.2015",
# "Datum: 12.05.2015", "Sitzungstag: ...")
_SESSION_LINE = re.compile(r"^[ \t]*(?:[A-Za-zäöü]+[ \t]*:[ \t]*)?"
                           r"(?:(?:Einladung|Tagesordnung|Niederschrift|Protokoll)\s+(?:zur|für\s+die|der|über\s+die)\s+)?(?:(?P<n>\d{1,3})\.\s+)?(?:(?:öffentlichen?|"
                           r"nichtöffentlichen?|ordentlichen?|konstituierenden?)\s+)?Sitzung\s+(?:des|der)\s+", re.M)
_LABELLED_DAY = re.compile(r"[ \t]*(?:am|Am|Datum|Termin|Sitzungstag|Sitzungstermin|Sitzungsdatum|Tag|Wann)"
                           r"[ \t]*:[ \t]*" + _WEEKDAY + _DAY)
_LABEL_LINES = 4
_SESSION_OF_WORDS = re.compile(r"Sitzung\s+(?:des|der)\s+")
# the session as one field: "Sitzung: Bauausschuss, 12.03.2024", "Gremium: Stadtrat / Di., 21.03.2024"
_SESSION_FIELD = re.compile(r"^[ \t]*(?:Sitzung|Gremium|Sitzung\s+des\s+Gremiums)[ \t]*:[ \t]*", re.M)
_FIELD_DAY = re.compile(r"[ \t]*[,/|–-]?[ \t]*(?:(?:am|vom)[ \t]+)?" + _WEEKDAY + _DAY)


def labelled_session(ctx: Context) -> list[tuple[str, Dated, int, int]]:
    """The session a form names on one line, with its day on a labelled line below it or in the same field."""
    text = ctx.text
    if ("Sitzung " not in text and "Gremium" not in text) or ":" not in text:
        return []
    out = []
    for f in _SESSION_FIELD.finditer(text) if "Sitzung:" in text or "Gremium:" in text or "Gremiums:" in text else ():
        bodies = [b for b in ctx.mentions_starting(f.end(), f.end() + 1) if b.kind in MEETING_KINDS]
        day = _FIELD_DAY.match(text, bodies[0].end) if bodies else None
        if day and day.group("y"):
            found = day_of(day, ctx, f.start())
            if found is not None and found.when is not None:
                out.append((bodies[0].key, found, f.start(), day.end()))
    for hit in _SESSION_OF_WORDS.finditer(text):
        m = _SESSION_LINE.fullmatch(text, text.rfind("\n", 0, hit.start()) + 1, hit.end())
        if m is None:
            continue
        le = text.find("\n", m.end())
        le = len(text) if le == -1 else le
        bodies = [b for b in ctx.mentions_starting(m.end(), m.end() + 1) if b.kind in MEETING_KINDS]
        if not bodies:
            continue
        pos, seen = le + 1, 0
        while pos < len(text) and seen < _LABEL_LINES:
            end = text.find("\n", pos)
            end = len(text) if end == -1 else end
            if text[pos:end].strip():
                seen += 1
                day = _LABELLED_DAY.match(text, pos, end)
                if day and day.group("y"):
                    found = day_of(day, ctx, pos)
                    if found is not None and found.when is not None:
                        found.number = int(m.group("n")) if m.group("n") else None
                        out.append((bodies[0].key, found, m.start(), day.end()))
                    break
            pos = end + 1
    return out


# a session whose sentence names no body: "Die erste Sitzung fand am 12.03.2021 statt", "Seine konstituierende
# Sitzung war am ...", "Am 12.03.2021 fand die zweite Sitzung statt"
_UNNAMED = re.compile(r"\b(?:[Dd]ie|[Ss]eine|[Ii]hre)\s+(?:(?P<n>\d{1,3})\.\s+|(?P<w>"
    + ordinal_words_pattern() + r"|letzte|konstituierende)\s+)?"
    r"(?:(?:öffentliche|ordentliche|reguläre)\s+)?Sitzung\b(?!\s+(?:des|der|vom|von)\b)")
_HELD_ON = re.compile(r"\b(?:fand|stattfand|stattgefunden|war|erfolgte)\b")


def unnamed_sessions(ctx: Context) -> list[tuple[str, Dated, int, int]]:
    """A dated session in a sentence that names no body, of the body the sentence before named last (in the
    same paragraph)."""
    text = ctx.text
    if "Sitzung" not in text:
        return []
    sents = ctx.sentences()
    out = []
    at = text.find("Sitzung")
    seen: set[int] = set()
    while at != -1:  # the sentences of the word "Sitzung" only: most hold no unnamed session
        i = ctx.sentence_index(at)
        at = text.find("Sitzung", at + 7)
        if i < 1 or i in seen:
            continue
        seen.add(i)
        s, e = sents[i]
        sent = text[s:e]
        m = _UNNAMED.search(text, s, e) if _HELD_ON.search(sent) else None
        if m is None or sent.rstrip().endswith("?"):
            continue
        if any(b.kind in MEETING_KINDS for b in ctx.mentions_between(s, e)):
            continue  # a body of its own sentence: read by the other rules
        para = text.rfind("\n\n", 0, s) + 1
        ps, pe = sents[i - 1]
        before = [b for b in ctx.mentions_between(max(ps, para), s) if b.kind in MEETING_KINDS]
        days = list(_ON_DAY.finditer(text, s, e))
        if not before or len(days) != 1:
            continue
        day = day_of(days[0], ctx, days[0].start())
        if day is None:
            continue
        day.number = ordinal_number(m)
        out.append((before[-1].key, day, s, e))
    return out


# days told relative to the day a press release or letter is dated: "in seiner gestrigen Sitzung", "hat gestern
# beraten", "in ihrer heutigen Sitzung", "am vergangenen Montag"
_WEEKDAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")
_RELATIVE = re.compile(r"\b(?:(?P<adj>gestrigen|heutigen|vorgestrigen)\s+(?:öffentlichen\s+)?Sitzung|"
                       r"(?P<adv>gestern|vorgestern)|"
                       r"am\s+(?:vergangenen|letzten|zurückliegenden)\s+(?P<wd>" + "|".join(_WEEKDAYS) + r"))\b")
_BACK = {"gestrigen": 1, "gestern": 1, "vorgestrigen": 2, "vorgestern": 2, "heutigen": 0}
# ("heute" alone is also "nowadays": "Der Beirat tagt heute noch im Rathaus")
# the day a document is dated: a line of its own, after a place ("Musterstadt, den 14.03.2024") or a title
# ("Pressemitteilung vom 14.03.2024")
_DATED_LINE = re.compile(r"^[ \t]*(?:[A-ZÄÖÜ][\wäöüß .-]{1,60}?(?:,\s*(?:den\s+)?|\s+vom\s+))?" + _DAY + r"[ \t]*$",
                         re.M)
_DATED_HEAD = 400


def _past_weekday(text: str) -> bool:
    """Whether "am vergangenen Montag" (or "letzten", "zurückliegenden") stands in the text."""
    for when in ("vergangenen ", "letzten ", "zurückliegenden "):
        at = text.find(when)
        while at != -1:
            if text.startswith(_WEEKDAYS, at + len(when)):
                return True
            at = text.find(when, at + 1)
    return False


def relative_days(ctx: Context) -> list[tuple[str, Dated, int, int]]:
    """A body's session told relative to the document's own date, as press releases tell it."""
    text = ctx.text
    if "gestern" not in text and "gestrig" not in text and "heutigen" not in text and not _past_weekday(text):
        return []
    head = _DATED_LINE.search(text, 0, _DATED_HEAD)
    issued = day_of(head, ctx, head.start()) if head and head.group("y") else None
    if issued is None or issued.when is None:
        return []
    sents = ctx.sentences()
    out = []
    for m in _RELATIVE.finditer(text, head.end()):
        i = ctx.sentence_index(m.start())
        if i < 0:
            continue
        s, e = sents[i]
        clause = text[s:e]
        if clause.rstrip().endswith("?") or not (m.group("adj") or _ACT.search(clause)):
            continue
        bodies = _acting(ctx, s, s, e) or [b for b in ctx.mentions_between(s, e) if b.kind in MEETING_KINDS][:1]
        if not bodies:
            continue
        if m.group("wd"):
            back = (issued.when.weekday() - _WEEKDAYS.index(m.group("wd"))) % 7 or 7
        else:
            back = _BACK[(m.group("adj") or m.group("adv")).casefold()]
        out.append((bodies[0].key, Dated(issued.when - timedelta(days=back), None), s, e))
    return out


# a sentence of sessions that lists their days after a colon: "Im Jahr 2023 fanden drei Sitzungen des
# Jugendbeirates statt: 12.03.2023, 14.06.2023 und 20.11.2023", "Der Beirat tagte an folgenden Terminen: ..."
_LISTED_AFTER = re.compile(r"\b(?:Sitzung(?:en)?|Sitzungstermin\w*|Termin\w*|tagte\w*|getagt|trafen|traf|"
                           r"zusammen)\b[^:\n]{0,80}:")


_COLON_DAY = re.compile(r":[ \t]*(?:\d|Mo|Di|Mi|Do|Fr|Sa|So)")


def colon_lists(ctx: Context) -> list[tuple[str, Dated, int, int]]:
    """The days listed after the colon of a sentence that tells of a body's sessions."""
    text = ctx.text
    out = []
    for colon in _COLON_DAY.finditer(text) if ":" in text else ():  # each colon a day follows, then its sentence
        first = _LISTED_DAY.match(text, colon.start() + 1)
        m = _LISTED_AFTER.search(text, max(0, colon.start() - 120), colon.start() + 1) if first else None
        if m is None or m.end() != colon.start() + 1:
            continue
        ls = max(text.rfind("\n", 0, m.start()) + 1, text.rfind(". ", 0, m.start()) + 2)
        bodies = [b for b in ctx.mentions_between(ls, m.end()) if b.kind in MEETING_KINDS]
        if len({b.key for b in bodies}) != 1:
            continue  # no body, or several: whose days they are is not said
        out += [(bodies[0].key, day, ls, m.end()) for day in enumerated_days(ctx, first)]
    return out
