"""Session counts: exact ("fanden zwei Sitzungen des Führungsstabs statt", "hat bisher vier Mal
getagt"), per-year rules ("tagt in der Regel viermal im Jahr", "führt zweimal jährlich ...
durch"), bounds ("bis zu fünfzehn Mal im Jahr", "mindestens zweimal jährlich")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ratsinfo.parsers.nlp.context import Context
from ratsinfo.parsers.nlp.numbers import YEAR, number_words_pattern, per_year_words, times_pattern, times_value, \
    to_number
from ratsinfo.parsers.nlp.orgs import Mention

NUM = number_words_pattern()
SESSION_NOUNS = r"(?:Sitzungen|Sitzung|Treffen|Tagungen|Zusammenkünfte|Beratungen|Plenarsitzungen|Sitzungstermine)"
MEET_VERBS = re.compile(
    r"\b(?:getagt|tagte|tagten|tagt|tagen|zusammengekommen|zusammengetreten|kam\w*|kommt|kommen|trat\w*|tritt|"
    r"traf\w*|trifft|treffen|getroffen|fand\w*|findet|finden|stattgefunden|statt|führt\w*|durchgeführt|"
    r"veranstaltet\w*|gab|gibt|abgehalten|hielt\w*|einberufen)\b", re.I)
PER_YEAR = re.compile(r"\b(?:im|pro|je|jedes|in jedem|per)\s+(?:Kalender)?[jJ]ahr\b|\bjährlich\b")
UPPER = re.compile(r"\b(?:bis\s+zu|höchstens|maximal|nicht\s+mehr\s+als)\s*$", re.I)
LOWER = re.compile(r"\b(?:mindestens|wenigstens|nicht\s+weniger\s+als)\s*$", re.I)
ORGANISE = re.compile(r"\b(?:führt\w*|veranstaltet\w*|richtet\w*|organisiert\w*|durchgeführt|ausgerichtet)\b", re.I)


@dataclass
class Count:
    subject: Mention
    value: int
    qualifier: str  # exact | per_year | upper_bound | at_least
    year: int | None
    start: int
    end: int


def _subject(ctx: Context, sent_start: int, sent_end: int, anchor: int, prefer_kinds: tuple[str, ...] = ()
             ) -> Mention | None:
    ms = [m for m in ctx.mentions_between(sent_start, sent_end) if m.kind not in ("police", "department", "faction")]
    if not ms:
        return None
    if prefer_kinds:
        pref = [m for m in ms if m.kind in prefer_kinds]
        if pref:
            return min(pref, key=lambda m: abs(m.start - anchor))
    return ms[0]


def find_counts(ctx: Context) -> list[Count]:
    text = ctx.text
    out: list[Count] = []
    times_rx = re.compile(times_pattern())
    noun_rx = re.compile(r"\b(?P<n>" + NUM + r")\s+(?:(?:öffentliche|nichtöffentliche|ordentliche|reguläre|weitere)\s+)?"
                         + SESSION_NOUNS + r"\b", re.I)
    for s, e in ctx.sentences():
        sent = text[s:e]
        if sent.rstrip().endswith("?") or len(sent) < 8:
            continue
        years = [int(y) for y in YEAR.findall(sent)]
        year = years[0] if years else ctx.question_year(s)
        found_here = False
        # "fanden zwei Sitzungen des Führungsstabs statt"
        for m in noun_rx.finditer(sent):
            n = to_number(m.group("n"))
            if n is None or (m.group("n").casefold() in ("eine", "einer", "ein") and "Sitzungen" not in m.group(0)):
                continue
            after = ctx.mentions_between(s + m.end(), min(e, s + m.end() + 60))
            genitive = [x for x in after if re.fullmatch(r"\s*(?:des|der)\s*", text[s + m.end():x.start])]
            subj = genitive[0] if genitive else _subject(ctx, s, e, s + m.start())
            if subj is None:
                continue
            qual = _qualifier(sent, m.start(), m.end())
            out.append(Count(subj, n, qual, None if qual != "exact" else year, s + m.start(), s + m.end()))
            found_here = True
        # "zwei Sicherheitskonferenzen" (a series of events counts itself)
        for m in re.finditer(r"\b(?P<n>" + NUM + r")\s+(?P<w>[A-ZÄÖÜ]\w*konferenzen)\b", sent):
            base = m.group("w")[:-2]
            subj = next((x for x in ctx.mentions if x.display.casefold() == base.casefold()), None)
            n = to_number(m.group("n"))
            if subj and n:
                subj = Mention(s + m.start("w"), s + m.end("w"), m.group("w"), subj.display, subj.kind, subj.key)
                qual = _qualifier(sent, m.start(), m.end())
                out.append(Count(subj, n, qual, None if qual != "exact" else year, s + m.start(), s + m.end()))
                found_here = True
        if found_here:
            continue
        # "tagt in der Regel viermal im Jahr", "hat bisher vier Mal getagt", "führt zweimal jährlich ... durch"
        for m in times_rx.finditer(sent):
            n = times_value(m.group("times").replace("x", "mal"))
            if n is None or not MEET_VERBS.search(sent):
                continue
            organised = ORGANISE.search(sent) is not None
            subj = _subject(ctx, s, e, s + m.start(), ("conference",) if organised else ())
            if subj is None:
                continue
            qual = _qualifier(sent, m.start(), m.end())
            out.append(Count(subj, n, qual, year if qual == "exact" else None, s + m.start(), s + m.end()))
            break
        else:
            # "tagt vierteljährlich", "kommt halbjährlich zusammen"
            for word, n in per_year_words().items():
                w = re.search(r"\b" + re.escape(word) + r"\b", sent, re.I)
                if w and MEET_VERBS.search(sent) and not re.search(r"Bericht|Haushalt", sent):
                    subj = _subject(ctx, s, e, s + w.start(), ("conference",) if ORGANISE.search(sent) else ())
                    if subj is not None:
                        qual = "per_year"
                        before = sent[: w.start()]
                        if UPPER.search(before):
                            qual = "upper_bound"
                        elif LOWER.search(before):
                            qual = "at_least"
                        out.append(Count(subj, n, qual, None, s + w.start(), s + w.end()))
                    break
    return out


def _qualifier(sent: str, start: int, end: int) -> str:
    before = sent[:start]
    after = sent[end:end + 40]
    per_year = PER_YEAR.search(after) is not None or re.search(r"\bjährlich\b", sent[max(0, start - 15):start])
    if UPPER.search(before):
        return "upper_bound"
    if LOWER.search(before):
        return "at_least" if per_year else "at_least"
    if per_year:
        return "per_year"
    return "exact"
