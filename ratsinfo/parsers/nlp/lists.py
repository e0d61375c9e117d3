"""Bullet lists: topics of an organisation (the bullets under a heading or sentence naming
it), working groups with their focus topics, and members lists ("setzt sich zusammen aus:")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ratsinfo.parsers.nlp.context import Context
from ratsinfo.parsers.nlp.numbers import YEAR
from ratsinfo.parsers.nlp.topic_phrases import shorten_item

# a numbered line that starts lower-case ("1. die Planung der Sportanlagen,") continues the sentence above it
BULLET = re.compile(r"^[ \t]*(?:[•·▪◦‣\-–*]|[a-z]\)|\d{1,2}\)|\d{1,2}\.(?=[ \t]+[a-zäöüß]))[ \t]*(?P<item>\S.*)?$")
TOPIC_WORDS = re.compile(r"\b(?:Themen|Thema|Schwerpunkte?|befasst\w*|beschäftigt\w*|behandelt\w*|beraten\w*|"
                         r"Tagesordnung|Inhalte|bearbeitet\w*|erörtert\w*)\b", re.I)


@dataclass
class Block:
    header: str
    header_start: int
    header_end: int
    items: list[tuple[str, int, int]]


def bullet_blocks(text: str) -> list[Block]:
    """Runs of bullet items with the non-empty line before them as header.

    Handles PDF text where the bullet glyph stands alone on its line and the item follows.
    """
    lines = []
    pos = 0
    for raw in text.split("\n"):
        lines.append((raw, pos))
        pos += len(raw) + 1
    blocks: list[Block] = []
    i = 0
    while i < len(lines):
        raw, start = lines[i]
        m = BULLET.match(raw)
        if not m:
            i += 1
            continue
        # header: nearest non-empty, non-bullet line above
        h = i - 1
        while h >= 0 and not lines[h][0].strip():
            h -= 1
        if h < 0:
            i += 1
            continue
        header, hstart = lines[h][0].strip(), lines[h][1]
        # a header sentence wrapped over several lines ("Die AG Wohnumfeld befasste sich\nmit folgenden Themen:")
        k = h - 1
        while header.endswith(":") and k >= 0 and lines[k][0].strip() and not BULLET.match(lines[k][0]) \
                and not re.search(r"[.:?!]\s*$", lines[k][0]) and h - k <= 3:
            header, hstart = lines[k][0].strip() + " " + header, lines[k][1]
            k -= 1
        items: list[tuple[str, int, int]] = []
        pending = 0
        j = i
        while j < len(lines):
            raw, start = lines[j]
            bm = BULLET.match(raw)
            if bm and bm.group("item"):
                items.append((bm.group("item").strip(), start + bm.start("item"), start + len(raw)))
            elif bm:
                pending += 1  # a lone glyph: the item is on the next line
            elif raw.strip() and pending:
                items.append((raw.strip(), start + len(raw) - len(raw.lstrip()), start + len(raw)))
                pending -= 1
            elif raw.strip() and items and not raw.rstrip().endswith(":") and raw[:1].islower():
                txt, s0, _e0 = items[-1]
                items[-1] = (txt + " " + raw.strip(), s0, start + len(raw))  # a wrapped item
            elif raw.strip():
                break
            j += 1
        if items:
            blocks.append(Block(header, hstart, lines[h][1] + len(lines[h][0]), items))
        i = max(j, i + 1)
    return blocks


@dataclass
class TopicList:
    org_key: str
    year: int | None
    items: list[tuple[str, int, int]]
    header: str
    start: int
    is_working_group: bool


def _remit(ctx: Context, b: Block) -> TopicList | None:
    """Items after a sentence saying what a body works on ("Der Beirat wirkt insbesondere mit bei:", "Seine
    Tätigkeit erstreckt sich insbesondere auf", "Aufgaben des Beirates sind:"), each cut to its theme. A
    list of tasks names themes only where an item names a field ("Fragen der Jugendarbeit")."""
    header = b.header
    last = max(header.rfind(". "), header.rfind("? "), header.rfind("! "))
    start = b.header_start + (last + 2 if last != -1 else 0)
    header = header[last + 2:] if last != -1 else header
    if not (header.endswith((":", ";")) or _OPEN_END.search(header)):
        return None
    tasks = _TASKS.search(header)
    if not (_REMIT.search(header) or tasks):
        return None
    ms = [m for m in ctx.mentions_between(start, b.header_end) if m.kind not in ("police", "department", "faction")]
    if _POSSESSIVE_START.match(header) or not ms:  # "Seine Tätigkeit ...": the body the sentence before is about
        earlier = [m for m in ctx.mentions_between(max(0, start - 400), start)
                   if m.kind not in ("police", "department", "faction")]
        subjects = [m for m in earlier if _SUBJECT.search(ctx.text[max(0, m.start - 12):m.start])]
        ms = (subjects or earlier)[-1:]
    if not ms:
        return None
    items = []
    for text, a, e in b.items:
        if tasks and not _FIELD.search(text):
            continue
        short = shorten_item(text)
        if len(short) >= 3 and len(short.split()) <= 16:
            items.append((short, a, e))
    if not items:
        return None
    y = YEAR.search(header)
    org = ms[0]
    return TopicList(org.key, int(y.group(1)) if y else None, items, header, start,
                     ctx.orgs[org.key].kind == "working_group" if org.key in ctx.orgs else False)


_OPEN_END = re.compile(r"\b(?:bei|mit|auf|für|über|an|in|bei\s+der|bei\s+den|an\s+der|in\s+der)\s*$")
_REMIT = re.compile(r"\b(?:wirk\w*\s+(?:[a-zäöüß]+\s+)*mit|mitwirk\w*|hilf\w*\s+(?:[a-zäöüß]+\s+)*mit|"
                    r"erstreck\w*\s+sich|widme[nt]?\s+sich|"
                    r"berät\s+(?:[a-zäöüß]+\s+)*(?:über|in|bei)|Arbeitsschwerpunkte|Handlungsfelder|"
                    r"Arbeitsfelder|Themenfelder|Zuständigkeit\w*|zuständig)\b")
_TASKS = re.compile(r"\bAufgaben\b")
_FIELD = re.compile(r"\b(?:Bereichen?|Gebiet|Fragen)\s+(?:der|des|zu[mr]?|[A-ZÄÖÜ])|\bim\s+Bereich\b")
_SUBJECT = re.compile(r"(?:^|[.:!?]\s+|\n\s*)(?:Der|Die|Das)\s+$")
_POSSESSIVE_START = re.compile(r"^(?:Seine|Ihre|Er|Sie)\b")


def find_topic_lists(ctx: Context) -> list[TopicList]:
    out = []
    for b in bullet_blocks(ctx.text):
        remit = _remit(ctx, b)
        if remit is not None:
            out.append(remit)
            continue
        header = b.header
        if header.endswith("?") and TOPIC_WORDS.search(header) and not BOTH_BODIES.search(header):
            # "2. Welche Themen standen auf seiner Tagesordnung?": the answer lists the themes
            ms = ctx.mentions_between(b.header_start, b.header_end)
            if not ms and POSSESSIVE.search(header):
                ms = [m for m in ctx.mentions if m.end <= b.header_start
                      and m.kind not in ("police", "department", "faction")][-1:]
            if ms:
                y = YEAR.search(header)
                year = int(y.group(1)) if y else ctx.question_year(b.header_start) or ctx.heading_year()
                org = ms[0]
                out.append(TopicList(org.key, year, b.items, header, b.header_start,
                                     ctx.orgs[org.key].kind == "working_group" if org.key in ctx.orgs else False))
            continue
        if not header.endswith(":"):
            continue
        last = max(header.rfind(". "), header.rfind("? "), header.rfind("! "))
        if last != -1:  # only the sentence that introduces the list
            b = Block(header[last + 2:], b.header_start + last + 2, b.header_end, b.items)
            header = b.header
        ms = ctx.mentions_between(b.header_start, b.header_end)
        if not ms and AGENDA_HEADER.match(header) and ctx.main is not None:
            main = ctx.main
            year = ctx.heading_year()
            out.append(TopicList(main.key, year, b.items, header, b.header_start, main.kind == "working_group"))
            continue
        if not ms:
            continue
        bare = header[:-1].strip()
        org = None
        heading = len(ms) == 1 and ctx.text[ms[0].start:ms[0].end].strip() == bare
        if heading or TOPIC_WORDS.search(header) and not NOT_TOPICS.search(header):
            org = ms[0]
        if org is None:
            continue
        y = YEAR.search(header)
        year = int(y.group(1)) if y else ctx.question_year(b.header_start) or ctx.heading_year()
        wg = ctx.orgs[org.key].kind == "working_group" if org.key in ctx.orgs else False
        out.append(TopicList(org.key, year, b.items, header, b.header_start, wg))
    return out


BOTH_BODIES = re.compile(r"\b(?:beiden|beide)\s+Gremien\b")
POSSESSIVE = re.compile(r"\b(?:seiner|ihrer|seinen|ihren|dessen|deren)\b")
NOT_TOPICS = re.compile(r"\b(?:Aufgaben|Mitglieder|zusammen|angehören|gehören)\b")
AGENDA_HEADER = re.compile(r"^(?:Tagesordnung|Themen|Schwerpunkte|Inhalte|Beratungsgegenstände)\s*:$")
MEMBER_START = re.compile(r"^(?:den|dem|der|die|je|einem|einer|eine|ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun|"
                          r"zehn|elf|zwölf|"
                          r"ein\w*\s+Vertreter\w*|Vertreter\w*)\b")


def members_after(text: str, pos: int, stop: int) -> list[tuple[str, int, int]]:
    """Items of a members list after ``pos``: each starts with an article ('den Vorsitzenden,')."""
    items: list[tuple[str, int, int]] = []
    cur: list = []
    for raw_m in re.finditer(r"[^\n]+", text[pos:stop]):
        raw = raw_m.group(0)
        line = raw.strip().lstrip("•·▪-– ").strip()
        if not line:
            continue
        s0 = pos + raw_m.start()
        if re.match(r"^§\s*\d", line) or (not MEMBER_START.match(line) and not cur):
            if items or cur:
                break
            continue
        if MEMBER_START.match(line):
            if cur:
                items.append((cur[0].rstrip(" ,;."), cur[1], cur[2]))
            cur = [line, s0, s0 + len(raw)]
        else:
            if line[:1].isupper() and cur and cur[0].rstrip().endswith((".", ":")):
                break
            cur = [cur[0] + " " + line, cur[1], s0 + len(raw)]
        if line.endswith("."):
            items.append((cur[0].rstrip(" ,;."), cur[1], cur[2]))
            cur = []
            break
    if cur:
        items.append((cur[0].rstrip(" ,;."), cur[1], cur[2]))
    return [(re.sub(r"\s+sowie$", "", t).strip(), a, b) for t, a, b in items]
