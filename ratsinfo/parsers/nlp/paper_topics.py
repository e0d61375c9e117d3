"""The subject of a paper (Vorlage, Drucksache) as a topic of each body that consults it: ALLRIS and
SessionNet pages name the subject after "Betreff:" and list the bodies with the dates of their sessions
under "Beratungsfolge". "Betreff: Radverkehrskonzept" with "Bauausschuss ... 12.03.2024" is the topic
"Radverkehrskonzept" of the Bauausschuss in 2024."""

from __future__ import annotations

import re
from datetime import date

from ratsinfo.parsers.nlp.agenda import HEAD_CHARS, MEETING_KINDS, clean_title, head_meeting
from ratsinfo.parsers.nlp.context import Context
from ratsinfo.parsers.nlp.decisions import Decision
from ratsinfo.parsers.nlp.meetings import DATE_RX, consultations
from ratsinfo.parsers.nlp.numbers import parse_date

# "Betreff: X" on its line, or "Betreff:" with X on a later line (list items of a flattened table: "- Betreff:\n-\nX")
_SUBJECT = re.compile(r"^[ \t|-]*Betreff\s*:?[ \t|]*(?P<t>[^\n|]*)$", re.M)
_EMPTY = re.compile(r"^[ \t|-]*$")


# PDF text flattened onto one line: "... Betreff: Neubau des Feuerwehrhauses Beschlussvorschlag: Der Rat ..."; the
# subject runs to the next field of the form
_FLAT_SUBJECT = re.compile(r"\bBetreff\s*:\s*(?P<t>[^\n]{4,200}?)(?=\s+(?:Beschlussvorschlag|Beschlussentwurf|"
                           r"Beschlussempfehlung|Sachverhalt|Sachdarstellung|Begründung|Beschluss|Anlagen?|Anträge|"
                           r"Finanzielle\s+Auswirkungen|Haushaltsmittel|Beratungsfolge|Sitzungstermin|Vorlage)\b\s*:?|"
                           r"\s*$)", re.M)


def paper_subject(text: str) -> tuple[str, int, int] | None:
    """The paper's subject and where it stands, from the first "Betreff" in its head."""
    m = _SUBJECT.search(text, 0, 3000)
    if m is None:
        flat = _FLAT_SUBJECT.search(text, 0, 3000)
        return (flat.group("t").strip(), flat.start("t"), flat.end("t")) if flat else None
    if m.group("t").strip(" -|"):
        title, end = m.group("t").strip(), m.end("t")
        if title.count("(") > title.count(")"):  # "Außengastronomie WST (Württembergische\nStaatstheater), ..."
            more = re.match(r"\n([^\n()]{1,80}\))", text[end:])
            if more:
                title, end = f"{title} {more.group(1)}", end + more.end()
        return title, m.start("t"), end
    pos = m.end()
    for line in re.finditer(r"[^\n]*", text[pos:pos + 400]):
        if _EMPTY.match(line.group(0)):
            continue
        title = line.group(0).strip(" -|\t")
        if title.endswith(":"):
            return None  # the next field, not the subject
        return title, pos + line.start(), pos + line.end()
    return None


def paper_topics(ctx: Context) -> list[Decision]:
    """The paper's subject as a topic of each body in its Beratungsfolge, in the year of that body's session."""
    if "Betreff" not in ctx.text:
        return []
    if "Beratungsfolge" not in ctx.text:
        return _protocol_subject(ctx)
    subject = paper_subject(ctx.text)
    if subject is None:
        return []
    title, a, b = subject
    title = clean_title(title)
    if len(title) < 4:
        return []
    out: list[Decision] = []
    seen: set[str] = set()
    for key, when, _s, _e in consultations(ctx) or _flat_consultations(ctx):
        if key in seen:
            continue
        seen.add(key)
        out.append(Decision(key, title, when.year, a, b))
    return out


def _protocol_subject(ctx: Context) -> list[Decision]:
    """The "Betreff" of an item of minutes ("Protokoll: Bauausschuss ... Sitzungstermin: 09.05.2023 ...
    Betreff: Radverkehrskonzept") as a topic of the body whose session the minutes record."""
    head = head_meeting(ctx)
    subject = paper_subject(ctx.text)
    if head is None or subject is None or subject[1] > HEAD_CHARS:
        return []
    title = clean_title(subject[0])
    if len(title) < 4:
        return []
    return [Decision(head.org.key, title, head.when.year if head.when else None, subject[1], subject[2])]


_FLAT_BF = re.compile(r"\bBeratungsfolge\b[^\n]{0,40}?(?=[A-ZÄÖÜ])")
_FLAT_BF_END = re.compile(r"\b(?:Betreff|Beschlussvorschlag|Sachverhalt|Begründung)\b")


def _flat_consultations(ctx: Context) -> list[tuple[str, date, int, int]]:
    """A Beratungsfolge flattened onto one line ("Beratungsfolge: Sitzungstermin: Bauausschuss 12.03.2021 Rat
    30.03.2021 Betreff: ..."): each body with the first date after its name, up to the next field."""
    head = _FLAT_BF.search(ctx.text, 0, 3000)
    if head is None:
        return []
    stop = _FLAT_BF_END.search(ctx.text, head.end(), head.end() + 600)
    end = stop.start() if stop else head.end() + 600
    out: list[tuple[str, date, int, int]] = []
    bodies = [m for m in ctx.mentions_between(head.end(), end) if m.kind in MEETING_KINDS]
    for i, m in enumerate(bodies):
        until = bodies[i + 1].start if i + 1 < len(bodies) else end
        d = DATE_RX.search(ctx.text, m.end, until)
        when = parse_date(d.group("date")) if d else None
        if when is not None:
            out.append((m.key, when, m.start, d.end()))
    return out
