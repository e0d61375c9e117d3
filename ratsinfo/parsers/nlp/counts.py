"""Session counts: exact ("fanden zwei Sitzungen des Führungsstabs statt", "hat bisher vier Mal
getagt"), per-year rules ("tagt in der Regel viermal im Jahr", "führt zweimal jährlich ...
durch"), bounds ("bis zu fünfzehn Mal im Jahr", "mindestens zweimal jährlich")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ratsinfo.parsers.nlp.alternation import any_of
from ratsinfo.parsers.nlp.context import Context
from ratsinfo.parsers.nlp.numbers import (
    YEAR,
    number_words_pattern,
    ordinal_words_pattern,
    ordinals,
    per_year_words,
    times_pattern,
    times_value,
    to_number,
)
from ratsinfo.parsers.nlp.orgs import Mention

NUM = number_words_pattern()
# the sessions a body counts, also in the dative ("in sechs Sitzungen", "an vier Sitzungsterminen") and as
# compounds naming a board's or its members' own sessions ("Beiratssitzungen", "Arbeitssitzungen")
SESSION_NOUNS = (r"(?:Sitzungen|Sitzung|Treffen|Tagungen|Zusammenkünfte|Zusammenkünften|Beratungen|"
                 r"(?:Plenar|Beirats|Arbeits|Gremien)sitzungen|Sitzungstermine[n]?)")
MEET_VERBS = re.compile(r"\b" + any_of((
    "getagt", "tagte", "tagten", "tagt", "tagen", "zusammengekommen", "zusammengetreten", r"kam\w*", "kommt", "kommen",
    r"trat\w*", "tritt", r"traf\w*", "trifft", "treffen", "getroffen", r"fand\w*", "findet", "finden", "stattgefunden",
    "statt", r"führt\w*", "durchgeführt", r"veranstaltet\w*", "gab", "gibt", "abgehalten", r"hielt\w*", "einberufen",
    r"richtet\w*", "ausgerichtet", r"organisiert\w*")) + r"\b", re.I)
PER_YEAR = re.compile(r"\b(?:im|pro|je|jedes|in jedem|per)\s+(?:Kalender)?[jJ]ahr\b|\bjährlich\b")
# "höchstens aber", "mindestens jedoch": a bound after "nach Bedarf, ..."
UPPER = re.compile(r"\b(?:bis\s+zu|höchstens|maximal|nicht\s+mehr\s+als)(?:\s+(?:aber|jedoch|doch))?\s*$", re.I)
LOWER = re.compile(r"\b(?:mindestens|wenigstens|nicht\s+weniger\s+als)(?:\s+(?:aber|jedoch|doch))?\s*$", re.I)
ORGANISE = re.compile(r"\b(?:führt\w*|veranstaltet\w*|richtet\w*|organisiert\w*|durchgeführt|ausgerichtet)\b", re.I)


@dataclass
class Count:
    subject: Mention
    value: int
    qualifier: str  # exact | per_year | upper_bound | at_least
    year: int | None
    start: int
    end: int


ANAPHORA = re.compile(r"\b(?:[Dd]er|[Dd]ie|[Dd]as|dem|den|des|(?P<this>[Dd]ies(?:e[mnrs]?)?))\s+"
                      r"(?P<head>Arbeitskreis|Arbeitsgruppe|Beirat|Rat|"
                      r"Gremium|Ausschuss|Lenkungsgruppe|Steuerungsgruppe|Projektgruppe|Konferenz|Runde|Kreis|Plenum)\w*\b")
_PLURAL = re.compile(r"(?:Arbeitskreise|Arbeitsgruppen|Beiräte|Räte|Gremien|Ausschüsse|Lenkungsgruppen|"
                     r"Steuerungsgruppen|Projektgruppen|Konferenzen|Runden|Kreise)n?")
CUMULATIVE = re.compile(r"\b(?:insgesamt|bisher|bislang|seit\s+(?:seiner|ihrer)\s+Gründung)\b", re.I)
RANGE = re.compile(r"\b(?P<lo>" + NUM + r")(?:\s*-?\s*mal)?\s*(?:-|–|bis)\s*(?P<hi>" + NUM + r")\s*-?\s*(?:mal\b|x\b)",
                   re.I)
PLANNED = re.compile(r"\b(?:geplant|vorgesehen|terminiert|planen|plant|geplanten|vorgesehenen)\b", re.I)
PRONOUN = re.compile(r"^\s*(?:Er|Sie|Es|Dieser|Diese|Dieses|Das\s+Gremium|Der\s+Rat)\b")
SINCE_YEAR = re.compile(r"\bseit\b[^.;]{0,30}$", re.I)
_SINCE_A_YEAR = re.compile(r"\b(?:seit|ab)\s+(?:(?:dem\s+)?Jahre?\s+)?(?:19|20)\d\d\b", re.I)


def _subject(ctx: Context, sent_start: int, sent_end: int, anchor: int, prefer_kinds: tuple[str, ...] = ()
             ) -> Mention | None:
    ms = [m for m in ctx.mentions_between(sent_start, sent_end) if m.kind not in ("police", "department", "faction")]
    if not ms and PRONOUN.match(ctx.text[sent_start:sent_end]):
        # "Er tagt vierteljährlich": the body the sentence before was about
        before = [m for m in ctx.mentions if m.end <= sent_start and m.kind not in ("police", "department", "faction")]
        if before:
            return before[-1]
    if not ms:
        # "kam der Arbeitskreis bislang fünfmal zusammen": the body named last with that head word
        a = ANAPHORA.search(ctx.text, sent_start, sent_end)
        if a and _PLURAL.fullmatch(a.group(0).split()[-1]):
            return None  # "Die Arbeitsgruppen treffen sich zweimal": many bodies, not the one named last
        if a:
            head = a.group("head").casefold()
            before = [m for m in ctx.mentions if m.end <= sent_start and head in m.display.casefold()]
            if before:
                return before[-1]
            if ctx.main is not None and head in ctx.main.name.casefold():
                return ctx.main.mentions[0]
            if a.group("this"):  # "In dieser Runde treffen sich ...": the body the sentence before named
                before = [m for m in ctx.mentions if m.end <= sent_start
                          and m.kind not in ("police", "department", "faction")]
                if before:
                    return before[-1]
        return None
    if prefer_kinds:
        pref = [m for m in ms if m.kind in prefer_kinds]
        if pref:
            return min(pref, key=lambda m: abs(m.start - anchor))
    return ms[0]


def _clause(sent: str, start: int, end: int) -> str:
    a = max(sent.rfind(";", 0, start), sent.rfind(",", 0, start)) + 1
    bs = [p for p in (sent.find(";", end), sent.find(",", end)) if p != -1]
    return sent[a:min(bs) if bs else len(sent)]


def _year(ctx: Context, sent: str, s: int, pos: int, qualifier: str) -> int | None:
    """The year a count is for: the nearest year before it in the sentence, else the context's."""
    if qualifier not in ("exact", "planned", "at_least") or PER_YEAR.search(sent[pos:pos + 40]):
        return None
    span = next((m for m in reversed(list(YEAR_SPAN.finditer(sent, 0, pos)))), None)
    if span and not EACH.search(sent) and not YEAR.search(sent, span.end(), pos):
        return None  # "In den Jahren 2019 bis 2021 fanden zwölf Sitzungen statt": over the span, not of one year
    years = [(m.start(), int(m.group(1))) for m in YEAR.finditer(sent) if not SINCE_YEAR.search(sent[:m.start()])]
    before = [y for p, y in years if p < pos]
    if before:
        return before[-1]
    if years:
        return years[0][1]
    if CUMULATIVE.search(sent) or _SINCE_A_YEAR.search(sent):
        return None  # "bisher", "seit 2015": a count over the years, not of one
    return ctx.question_year(s) or ctx.year_before(s) or ctx.heading_year()


# a span of years: "2019 bis 2021", "von 2019 bis 2021", "zwischen 2019 und 2021", "2019-2021", "2019/20"
YEAR_SPAN = re.compile(r"\b(?:(?:19|20)\d\d\s*(?:bis|-|–|/)\s*(?:(?:19|20)\d\d|\d\d)|"
                       r"[Zz]wischen\s+(?:19|20)\d\d\s+und\s+(?:19|20)\d\d)\b(?![/\-]\d)")
TIMES = re.compile(times_pattern())
# a count per month, quarter or week: "einmal im Monat", "zweimal pro Quartal", "dreimal monatlich"
PERIOD = re.compile(r"\s+(?:(?:im|pro|je|jeden|in\s+jedem|in\s+der|einer)\s+(?P<p>Monat|Quartal|Woche|Halbjahr)\b|"
                    r"(?P<adverb>monatlich|wöchentlich)\b)")
BETWEEN = re.compile(r"\s+zwischen\b")
_PER_PERIOD = {"monat": 12, "quartal": 4, "woche": 52, "wöchentlich": 52, "halbjahr": 2}
# "jeweils am 3. Mittwoch eines Monats": twelve times a year
MONTHLY_DAY = re.compile(r"\b(?:jeden|jeweils\s+am|am)\s+(?:\d\.|ersten|zweiten|dritten|vierten|letzten)\s+"
                         r"(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag)\s+"
                         r"(?:eines|des|im|jedes|jeden|pro)\s+Monats?\b")
_GENITIVE = re.compile(r"\s*(?:des|der)\s*")
_REPORT = re.compile(r"Bericht|Haushalt")
_TIMES_BEFORE = re.compile(r"(?:mal|\d\s*x)\s*$", re.I)
_TIMES_AFTER = re.compile(r"\s+" + times_pattern())  # "jährlich zweimal": the count is the times
_JOINED = re.compile(r"\s*(?:,|und|sowie)\s*(?:der|die|das)?\s*")
_YEARLY = re.compile(r"\bjährlich\b")
NOUN_COUNT = re.compile(r"\b(?P<n>" + NUM + r"|beiden)\s+(?:(?:öffentliche|nichtöffentliche|ordentliche|reguläre|"
                        r"weitere|außerordentliche)n?\s+)?" + SESSION_NOUNS + r"\b", re.I)
# dates a body meets on, counted beside a verb of meeting: "hat an fünf Terminen getagt", "traf sich zu vier Terminen"
TERMS = re.compile(r"\b(?:an|zu|bei)\s+(?P<n>" + NUM + r")\s+(?:Termine|Terminen)\b", re.I)
SINGLE = re.compile(r"\b(?:nur|lediglich|bloß)\s+(?P<n>eine)\s+(?:einzige\s+)?(?:Sitzung|Tagung|Zusammenkunft)\b",
                    re.I)
# a part of every session noun above: a sentence without one holds no "zwei Sitzungen" and no "nur eine Tagung"
SESSION_HINT = re.compile(any_of(("Sitzung", "Treffen", "Tagung", "Zusammenk", "Beratungen")), re.I)
CONFERENCES = re.compile(r"\b(?P<n>" + NUM + r")\s+(?P<w>[A-ZÄÖÜ]\w*konferenzen)\b")


@cache
def _per_year_patterns() -> list[tuple[str, int, re.Pattern]]:
    """"vierteljährlich", "halbjährlich" ...: longest first, each compiled once."""
    return [(word, n, re.compile(r"\b" + re.escape(word) + r"\b", re.I))
            for word, n in sorted(per_year_words().items(), key=lambda kv: -len(kv[0]))]


def find_counts(ctx: Context) -> list[Count]:
    text = ctx.text
    out: list[Count] = []
    times_rx, noun_rx, single_rx = TIMES, NOUN_COUNT, SINGLE
    for s, e in ctx.sentences():
        sent = text[s:e]
        if sent.rstrip().endswith("?") or len(sent) < 8:
            continue
        same = SAME_FREQUENCY.search(sent) if out and out[-1].end <= s else None
        if same:
            # "Seine beiden Ausschüsse ... beraten ebenfalls in dieser Frequenz": the count before, for these bodies
            prev = out[-1]
            for body in ctx.mentions_between(s, e):
                if body.kind in ("committee", "advisory_board", "council", "staff", "working_group", "conference") \
                        and body.key != prev.subject.key and not any(c.subject.key == body.key for c in out):
                    out.append(Count(body, prev.value, prev.qualifier, prev.year, s + same.start(), s + same.end()))
            continue
        meets = MEET_VERBS.search(sent) is not None
        if not meets and not SESSION_HINT.search(sent) and "konferenzen" not in sent:
            continue  # no session noun, no conferences, no meeting verb: no count
        taken: list[tuple[int, int]] = []

        def add(subj: Mention, n: int, qual: str, a: int, b: int, sent: str = sent, s: int = s,
                taken: list[tuple[int, int]] = taken) -> None:
            if any(x < b and a < y for x, y in taken):
                return
            clause = _clause(sent, a, b)
            if UNREAL.search(clause) or NOT_HELD.search(clause) or _other_subject(ctx, sent, s, a):
                taken.append((a, b))  # "vier Sitzungen wären zu wenig"; ", der Vorstand bis zu zwölf Mal"
                return
            if qual == "exact" and PLANNED.search(clause):
                qual = "planned"
            subj = _clause_body(ctx, sent, s, a, subj)
            taken.append((a, b))
            year = _year(ctx, sent, s, a, qual)
            years = _each_year(sent, a) if qual in ("exact", "planned") else []
            for y in years or [year]:
                for body in _each_body(ctx, sent, s, a, subj):
                    out.append(Count(body, n, qual, y, s + a, s + b))

        # "fanden zwei Sitzungen des Führungsstabs statt", "lediglich eine Sitzung des Ausschusses"
        rxs = (noun_rx, single_rx) if SESSION_HINT.search(sent) else ()
        for rx in rxs + (TERMS,) if meets and "ermin" in sent else rxs:
            for m in rx.finditer(sent):
                n = 1 if rx is single_rx else 2 if m.group("n") == "beiden" else to_number(m.group("n"))
                if n is None or (rx is noun_rx and m.group("n").casefold() in ("eine", "einer", "ein", "einen")):
                    continue
                after = ctx.mentions_between(s + m.end(), min(e, s + m.end() + 60))
                genitive = [x for x in after if _GENITIVE.fullmatch(text, s + m.end(), x.start)]
                subj = genitive[0] if genitive else _subject(ctx, s, e, s + m.start())
                if subj is None:
                    continue
                add(subj, n, _qualifier(sent, m.start(), m.end()), m.start(), m.end())
        # "zwei Sicherheitskonferenzen" (a series of events counts itself)
        for m in CONFERENCES.finditer(sent) if "konferenzen" in sent else ():
            base = m.group("w")[:-2]
            subj = next((x for x in ctx.mentions if x.display.casefold() == base.casefold()), None)
            n = to_number(m.group("n"))
            if subj and n:
                subj = Mention(s + m.start("w"), s + m.end("w"), m.group("w"), subj.display, subj.kind, subj.key)
                add(subj, n, _qualifier(sent, m.start(), m.end()), m.start(), m.end())
        # "i. d. R. 2 - 5 mal jährlich", "vier- bis sechsmal im Jahr": at least the first, at most the second
        if meets:
            for m in RANGE.finditer(sent):
                lo_n, hi_n = to_number(m.group("lo")), to_number(m.group("hi"))
                subj = _subject(ctx, s, e, s + m.start())
                if lo_n is None or hi_n is None or subj is None or lo_n >= hi_n:
                    continue
                add(subj, lo_n, "at_least", m.start(), m.start("hi"))
                taken.pop()
                add(subj, hi_n, "upper_bound", m.start("hi"), m.end())
                taken.append((m.start(), m.end()))
        # "tagt in der Regel viermal im Jahr", "hat bisher vier Mal getagt", "2021 zweimal und 2022 fünfmal"
        if meets:
            organised = ORGANISE.search(sent) is not None
            for m in times_rx.finditer(sent):
                n = times_value(m.group("times").replace("x", "mal"))
                if n is None:
                    continue
                subj = _subject(ctx, s, e, s + m.start(), ("conference",) if organised else ())
                if subj is None:
                    continue
                if BETWEEN.match(sent, m.end()):
                    continue  # "zweimal zwischen den Sitzungen": how often between two sessions, not a count
                period = PERIOD.match(sent, m.end())
                if period:  # "einmal im Monat" is twelve times a year, not once
                    word = (period.group("p") or period.group("adverb")).casefold()
                    n *= next(v for k, v in _PER_PERIOD.items() if word.startswith(k))
                    before = sent[:m.start()]
                    qual = "upper_bound" if UPPER.search(before) else "at_least" if LOWER.search(before) else "per_year"
                    add(subj, n, qual, m.start(), period.end())
                    continue
                add(subj, n, _qualifier(sent, m.start(), m.end()), m.start(), m.end())
            monthly = MONTHLY_DAY.search(sent)
            if monthly and not any(x < monthly.end() and monthly.start() < y for x, y in taken):
                subj = _subject(ctx, s, e, s + monthly.start())
                if subj is not None:
                    add(subj, 12, "per_year", monthly.start(), monthly.end())
            interval = _interval(sent) if _UNIT_HINT.search(sent) and not _REPORT.search(sent) else None
            if interval is not None and not any(x < interval[2] and interval[1] < y for x, y in taken):
                subj = _subject(ctx, s, e, s + interval[1])
                if subj is not None:
                    before = sent[:interval[1]]
                    qual = "upper_bound" if UPPER.search(before) else "at_least" if LOWER.search(before) else "per_year"
                    add(subj, interval[0], qual, interval[1], interval[2])
            # "tagt vierteljährlich", "kommt halbjährlich zusammen"
            for _word, n, word_rx in _per_year_patterns() if interval is None else ():
                w = word_rx.search(sent)
                if not w or _REPORT.search(sent):
                    continue
                if any(x <= w.start() < y for x, y in taken) or _TIMES_BEFORE.search(sent, 0, w.start()) \
                        or _TIMES_AFTER.match(sent, w.end()):
                    continue
                subj = _subject(ctx, s, e, s + w.start(), ("conference",) if ORGANISE.search(sent) else ())
                if subj is not None:
                    before = sent[: w.start()]
                    qual = "upper_bound" if UPPER.search(before) else "at_least" if LOWER.search(before) else "per_year"
                    add(subj, n, qual, w.start(), w.end())
                break
    return out


_ORDINAL_WORDS = ordinal_words_pattern()
# the interval between sessions, composed of a number and a unit: "alle zwei Monate", "jeden zweiten Monat",
# "im Abstand von vier Wochen", "im sechswöchigen Rhythmus", "im 2-monatigen Turnus" (per year when it divides one)
INTERVAL = re.compile(
    r"\balle\s+(?P<a>" + NUM + r")\s+(?P<ua>Monate|Wochen)\b"
    r"|\bjede[nr]?\s+(?P<o>" + _ORDINAL_WORDS + r")n?\s+(?P<uo>Monat|Woche)\b"
    r"|\bAbstand\s+von\s+(?:(?:ca\.|etwa|rund)\s+)?(?P<b>" + NUM + r")\s+(?P<ub>Monaten|Wochen)\b"
    r"|\b(?P<c>" + NUM + r")\s*-?\s*(?P<uc>monatig|wöchig)\w*\s+(?:Rhythmus|Abstand|Abständen|Turnus)\b", re.I)
_UNIT_HINT = re.compile(r"[Mm]onat|[Ww]oche|wöchig")  # (and not "alle 6 Monate einen Bericht": _REPORT)
_PER_UNIT = {"monat": 12, "woche": 52, "wöchig": 52}


def _interval(sent: str) -> tuple[int, int, int] | None:
    """(sessions per year, start, end) of an interval between sessions that divides a year evenly."""
    m = INTERVAL.search(sent)
    if m is None:
        return None
    if m.group("o"):
        n = ordinals().get(m.group("o").casefold())
    else:
        n = to_number(m.group("a") or m.group("b") or m.group("c"))
    unit = (m.group("ua") or m.group("uo") or m.group("ub") or m.group("uc")).casefold()
    per = next(v for k, v in _PER_UNIT.items() if unit.startswith(k))
    if not n or per % n:
        return None
    return per // n, m.start(), m.end()


SAME_FREQUENCY = re.compile(r"\b(?:ebenfalls|ebenso|gleichfalls)\s+(?:in\s+(?:dieser|derselben|gleicher)\s+"
                            r"(?:Frequenz|Häufigkeit|Rhythmus|Regelmäßigkeit)|oft|häufig)\b|\bin\s+(?:derselben|gleicher)\s+"
                            r"(?:Frequenz|Häufigkeit)\b")


# a count that did not happen: "vier Sitzungen im Jahr wären zu wenig", "es handelte sich nicht um Sitzungen"
UNREAL = re.compile(r"\b(?:wären|wäre|würden|würde|hätten|hätte|nicht\s+um)\b")
# a clause with its own subject that names no body: "..., der Vorstand bis zu zwölf Mal im Jahr"
OWN_SUBJECT = re.compile(r"\s*(?:und\s+)?(?:der|die|das)\s+(?:[a-zäöüß]+e[nrs]?\s+)?(?!Sitzung|Treffen|Tagung|Gremium)"
                         r"[A-ZÄÖÜ][\wäöüß-]+")
# sessions counted that are not the body's sessions held: attended by someone ("an zwei Sitzungen teilgenommen",
# "in drei Sitzungen zu Gast"), cancelled ("abgesagt", "fielen aus"), a matter's ("wurde in zwei Sitzungen
# beraten"), or a difference ("zwei Sitzungen weniger als im Vorjahr")
NOT_HELD = re.compile(r"\b(?:teilgenommen|teilnahm\w*|nahm\w*\s[^.;]{0,60}?\bteil|anwesend|zu\s+Gast|besucht\w*|"
                      r"abgesagt|ausgefallen|fiel(?:en)?\s[^.;]{0,60}?\baus|entfallen|entfiel\w*|verschoben|"
                      r"(?:Sitzungen|Treffen|Mal|mal)\s+(?:weniger|mehr)\s+als|"
                      r"wurden?\b[^.;]{0,80}?\b(?:beraten|behandelt|thematisiert|diskutiert|vorgestellt|erörtert))\b")
EACH = re.compile(r"\b(?:je|jeweils)\b")
YEARS_EACH = re.compile(r"\b(?P<a>(?:19|20)\d\d)\s*(?:und|sowie|,)\s*(?P<b>(?:19|20)\d\d)\b")


def _other_subject(ctx: Context, sent: str, s: int, pos: int) -> bool:
    """The count stands in a clause after a comma whose own subject is no body (a body in the genitive after
    it is its owner: ", der Vorstand des Präventionsrates bis zu zwölf Mal")."""
    a = max(sent.rfind(",", 0, pos), sent.rfind(";", 0, pos))
    if a == -1:
        return False
    head = OWN_SUBJECT.match(sent, a + 1)
    if head is None:
        return False
    return not ctx.mentions_between(s + a + 1, s + pos) or not ctx.mentions_between(s + a + 1, s + head.end())


def _clause_body(ctx: Context, sent: str, s: int, pos: int, subj: Mention) -> Mention:
    """A count goes to the body of its own clause: "Die Vollversammlung tagt einmal im Jahr, der Lenkungskreis
    bis zu zwölf Mal" gives the second count to the Lenkungskreis, not to the first body of the sentence."""
    a = max(sent.rfind(",", 0, pos), sent.rfind(";", 0, pos))
    if a == -1 or subj.start >= s + a + 1:
        return subj
    own = [m for m in ctx.mentions_between(s + a + 1, s + pos) if m.kind not in ("police", "department", "faction")]
    return own[-1] if own else subj


def _each_body(ctx: Context, sent: str, s: int, pos: int, subj: Mention) -> list[Mention]:
    """Bodies joined by "und" that each meet as often: "Der Verwaltungsausschuss und der Ausschuss für
    Technik tagen jeweils zehnmal im Jahr"."""
    if not EACH.search(sent):
        return [subj]
    before = [m for m in ctx.mentions_between(s, s + pos) if m.kind not in ("police", "department", "faction")]
    if subj not in before or len(before) < 2:
        return [subj]
    joined = [before[-1]]
    for m in reversed(before[:-1]):
        if not _JOINED.fullmatch(ctx.text, m.end, joined[0].start):
            break
        joined.insert(0, m)
    return joined if subj in joined else [subj]


def _each_year(sent: str, pos: int) -> list[int]:
    """"In den Jahren 2010 und 2011 fanden je drei Sitzungen statt": one count for each year."""
    if not EACH.search(sent):
        return []
    found = list(YEARS_EACH.finditer(sent, 0, pos))
    return [int(found[-1].group("a")), int(found[-1].group("b"))] if found else []


def _qualifier(sent: str, start: int, end: int) -> str:
    before = sent[:start]
    after = sent[end:end + 40]
    per_year = PER_YEAR.search(after[:25]) is not None or _YEARLY.search(sent[max(0, start - 15):start])
    if UPPER.search(before):
        return "upper_bound"
    if LOWER.search(before):
        return "at_least"
    if per_year:
        return "per_year"
    return "exact"
