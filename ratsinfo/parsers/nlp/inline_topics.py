"""Themes a body deals with, enumerated inside a sentence rather than as a bullet list:
"Die Gesundheitskonferenz diskutiert Fragen der Prävention, der Versorgung sowie der Pflege",
"Der Beirat hat sich unter anderem mit folgenden Themen beschäftigt: Schulwege, Spielplätze",
"setzte Schwerpunkte im Bereich Nahverkehr sowie Wohnen im Alter", "Ideen, wie z. B. Bürgerbus, neue Bänke"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ratsinfo.parsers.nlp.context import Context
from ratsinfo.parsers.nlp.numbers import YEAR

_CUES = re.compile(
    r"\bfolgende[nm]?\s+Themen(?:\s+[a-zäöüß]+){0,2}\s*:\s*"
    r"|\b(?:diskutier|erörter|berat|behandel)\w*\s+(?:unter\s+anderem\s+|u\.\s?a\.\s+|insbesondere\s+)?"
    r"(?:Fragen|Themen)\s+(?=der\b|des\b|zu[mr]?\b)"
    r"|\bSchwerpunkte?\s+(?:im\s+Bereich|in\s+den\s+Bereichen|auf\s+(?:den\s+)?Themen)\s+"
    r"|\b(?:Ideen|Themen|Projekte|Maßnahmen|Vorschläge|Anliegen|Fragen)\b[^.;:]{0,60}?\bwie\s+z\.\s?B\.\s+"
    r"|\bThemen\s+wie\s+")
# a word each cue holds: a sentence without one is not searched
_CUE_WORDS = ("folgende", "Fragen", "Themen", "Schwerpunkt", "z.")
# where an enumeration ends inside its sentence: a relative or subordinate clause, a purpose
_END = re.compile(r",\s*(?:was|welche[rs]?|wobei|um|da|weil|wenn|so\s+dass|sodass)\b|\s+zur\s+Verbesserung\b"
                  r"|\s+und\s+[a-zäöüß]+(?:te|ten)\b|,(?=\S)"
                  r"|\s+(?:an|in)\s+der\s+Regel\b|\s*\(|[.;:!?](?:\s|$)|\n\s*\n")
_SPLIT = re.compile(r"\s*[,;]\s*|\s+(?:und|sowie|oder)\s+(?=(?:der|des|die|den|dem|das|zu[mr]?)\s)|\s+sowie\s+")
_ARTICLE = re.compile(r"^(?:der|des|die|den|dem|das|zu[mr]?|im|in\s+der|in\s+den)\s+")
_BODY_KINDS = ("council", "committee", "advisory_board", "working_group", "conference", "staff")


@dataclass
class InlineTopic:
    org_key: str
    topic: str
    year: int | None
    start: int
    end: int


def find_inline_topics(ctx: Context) -> list[InlineTopic]:
    text = ctx.text
    out: list[InlineTopic] = []
    first_line = text.lstrip().split("\n", 1)[0]
    head = len(text) - len(text.lstrip())
    named = [m for m in ctx.mentions_between(head, head + len(first_line)) if m.kind in _BODY_KINDS]
    titled = named[0].key if named else None  # the body a document is titled with speaks where none is named
    if not any(w in text for w in _CUE_WORDS):
        return out
    for s, e in ctx.sentences():
        sent = text[s:e]
        if sent.rstrip().endswith("?") or not any(w in sent for w in _CUE_WORDS):
            continue
        for cue in _CUES.finditer(sent):
            bodies = [m for m in ctx.mentions_between(s, e) if m.kind in _BODY_KINDS]
            before = [m for m in bodies if m.start < s + cue.start()]
            owner = before[-1].key if before else bodies[0].key if bodies else titled

            if owner is None:
                continue
            stop = _END.search(sent, cue.end())
            span_end = stop.start() if stop else len(sent)
            if cue.group(0).rstrip().endswith(":"):  # "folgenden Themen: a, b, c." runs to the sentence's end
                stop = re.compile(r"[.;!?](?:\s|$)|\n\s*\n").search(sent, cue.end())
                span_end = stop.start() if stop else len(sent)
            year = YEAR.search(sent)
            pos = cue.end()
            items = []
            for part in _SPLIT.split(sent[pos:span_end]):
                at = sent.find(part, pos) if part else -1
                if at != -1:
                    pos = at + len(part)
                item = _ARTICLE.sub("", " ".join(part.split())).strip(" -–")
                words = item.split()
                if not words or len(words) > 8 or len(item) < 3 or any(b.start < s + at + len(part) and
                                                                        s + at < b.end for b in bodies):
                    continue
                items.append(InlineTopic(owner, item[0].upper() + item[1:], int(year.group(1)) if year else None,
                                         s + at, s + at + len(part)))
            if len(items) >= 2:  # an enumeration, not one word after a cue
                out.extend(items)
    return out
