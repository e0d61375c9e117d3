"""The subject of a paper (Vorlage, Drucksache) as a topic of each body that consults it: ALLRIS and
SessionNet pages name the subject after "Betreff:" and list the bodies with the dates of their sessions
under "Beratungsfolge". "Betreff: Radverkehrskonzept" with "Bauausschuss ... 12.03.2024" is the topic
"Radverkehrskonzept" of the Bauausschuss in 2024."""

from __future__ import annotations

import re

from ratsinfo.parsers.nlp.agenda import HEAD_CHARS, clean_title, head_meeting
from ratsinfo.parsers.nlp.context import Context
from ratsinfo.parsers.nlp.decisions import Decision
from ratsinfo.parsers.nlp.meetings import consultations

# "Betreff: X" on its line, or "Betreff:" with X on a later line (list items of a flattened table: "- Betreff:\n-\nX")
_SUBJECT = re.compile(r"^[ \t|-]*Betreff\s*:?[ \t|]*(?P<t>[^\n|]*)$", re.M)
_EMPTY = re.compile(r"^[ \t|-]*$")


def paper_subject(text: str) -> tuple[str, int, int] | None:
    """The paper's subject and where it stands, from the first "Betreff" in its head."""
    m = _SUBJECT.search(text, 0, 3000)
    if m is None:
        return None
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
    for key, when, _s, _e in consultations(ctx):
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
