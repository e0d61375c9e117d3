"""Rules of procedure from § sections: how often a body meets, deadlines for agenda items,
invitations and minutes, public or not, chairs, members, confidentiality."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ratsinfo.parsers.nlp.context import Context
from ratsinfo.parsers.nlp.counts import Count
from ratsinfo.parsers.nlp.lists import members_after
from ratsinfo.parsers.nlp.numbers import duration_days

SECTION = re.compile(r"^[ \t]*§\s*(?P<no>\d+[a-z]?)\s+(?P<title>[^\n]*)$", re.M)


@dataclass
class FoundRule:
    org_key: str | None
    rule: str
    value: str
    number: float | None
    unit: str | None
    start: int
    end: int
    text: str


def sections(text: str) -> list[tuple[str, str, int, int]]:
    heads = list(SECTION.finditer(text))
    out = []
    for i, h in enumerate(heads):
        end = heads[i + 1].start() if i + 1 < len(heads) else len(text)
        out.append((h.group("no"), h.group("title").strip(), h.start(), end))
    return out


def is_rules_of_procedure(text: str) -> bool:
    return len(sections(text)) >= 3 and re.search(r"Geschäftsordnung|Satzung|Ordnung", text[:3000]) is not None


_SENT_END = re.compile(r"[.!?:](?=\s)|\n\s*\n|\n(?=\s*(?:§|[•\-–]))")


def _sentence_at(text: str, pos: int, lo: int, hi: int) -> tuple[int, int]:
    """The sentence around ``pos``; PDF line breaks inside a sentence do not end it."""
    s = lo
    for m in _SENT_END.finditer(text, lo, pos):
        s = m.end()
    line = re.compile(r"^[ \t]*§[^\n]*\n", re.M)
    for m in line.finditer(text, lo, pos):
        s = max(s, m.end())
    m = _SENT_END.search(text, pos, hi)
    e = m.end() if m else hi
    while s < e and text[s].isspace():
        s += 1
    return s, e


def find_rules(ctx: Context, counts: list[Count]) -> list[FoundRule]:
    text = ctx.text
    secs = sections(text)
    if not secs:
        return []
    lo, hi = secs[0][2], secs[-1][3]
    main = ctx.main.key if ctx.main else None
    out: list[FoundRule] = []

    def subject(s: int, e: int) -> str | None:
        for m in ctx.mentions_between(s, e):
            if m.kind not in ("police", "department", "faction"):
                return m.key
        return main

    for c in counts:
        if lo <= c.start < hi and c.qualifier != "exact":
            s, e = _sentence_at(text, c.start, lo, hi)
            words = re.match(r"[^.;]*?(?:\bim\s+(?:Kalender)?[jJ]ahr\b|\bjährlich\b|\bpro\s+Jahr\b)",
                             text[c.start:e]) or re.match(r"\S+", text[c.start:e])
            bound = {"upper_bound": "höchstens ", "at_least": "mindestens "}.get(c.qualifier, "")
            value = f"{' '.join(words.group(0).split())} ({bound}{c.value}-mal pro Jahr)"
            out.append(FoundRule(c.subject.key, "meeting_frequency", value, c.value, "per_year", s, e,
                                 text[s:e].strip()))
    for pat, rule in (
        (r"Tagesordnung\w*", "agenda_deadline"),
        (r"Einladung\w*|eingeladen|Ladungsfrist", "invitation_notice"),
        (r"Niederschrift\w*|Protokoll\w*|Ergebnisniederschrift\w*", "minutes_deadline"),
    ):
        for m in re.finditer(pat, text[lo:hi]):
            pos = lo + m.start()
            s, e = _sentence_at(text, pos, lo, hi)
            sent = text[s:e]
            d = duration_days(sent)
            if rule == "minutes_deadline" and d is None:
                # the deadline often stands in the next sentence ("Diese wird ... spätestens 14 Tage nach ...")
                s2, e2 = _sentence_at(text, min(e + 1, hi - 1), lo, hi)
                if re.match(r"\s*(?:Diese|Sie|Das|Die)\b", text[e:e2]) and duration_days(text[e:e2]):
                    sent = text[s:e2]
                    e = e2
                    d = duration_days(sent)
            if d is None or any(r.rule == rule for r in out):
                continue
            days, words = d
            value = f"{words} ({days} Tage)"
            if rule == "agenda_deadline" and (not re.search(r"\bvor\b", sent) or re.search(r"Einladung", sent) or not
                                              re.search(r"einbringen|einzubringen|eingebracht|einreich|einzureichen|"
                                                        r"eingereicht|anmelden|anzumelden|angemeldet|beantrag|"
                                                        r"vorschlag|vorgeschlagen|aufnehm|aufzunehmen|"
                                                        r"\breich\w*\b[^.]*\bein\b|\bbring\w*\b[^.]*\bein\b|"
                                                        r"\bmeld\w*\b[^.]*\ban\b", sent)):
                continue
            if rule == "minutes_deadline" and not re.search(r"\bnach\b|innerhalb|spätestens|binnen", sent):
                continue
            if rule == "invitation_notice":
                form = re.search(r"elektronisch|per\s+E-Mail|schriftlich|digital|postalisch", sent, re.I)
                if form:
                    value += f", {form.group(0).lower()}"
            out.append(FoundRule(subject(s, e), rule, value, days, "days", s, e, sent.strip()))
    for m in re.finditer(r"\b(?:nicht\s*)?öffentlich\b", text[lo:hi], re.I):
        pos = lo + m.start()
        s, e = _sentence_at(text, pos, lo, hi)
        if not re.search(r"\bSitzung\w*|\btagt\b|\bBeratung\w*", text[s:e]) or re.search(r"Öffentlichkeitsarbeit",
                                                                                          m.group(0)):
            continue
        public = not re.search(r"nicht", m.group(0), re.I)
        if not any(r.rule == "public" for r in out):
            value = "öffentlich" if public else "nicht öffentlich"
            out.append(FoundRule(subject(s, e), "public", value, float(public), None, s, e, text[s:e].strip()))
    for m in re.finditer(r"Verschwiegenheit|vertraulich\w*\s+zu\s+behandeln|Vertraulichkeit", text[lo:hi]):
        pos = lo + m.start()
        s, e = _sentence_at(text, pos, lo, hi)
        sent = text[s:e]
        if re.search(r"verpflicht|behandeln|wahren|gilt", sent) and not any(r.rule == "confidentiality" for r in out):
            out.append(FoundRule(subject(s, e), "confidentiality", "Pflicht zur Verschwiegenheit", 1.0, None,
                                 s, e, sent.strip()))
    # chairs: "Den Vorsitz des KPR haben X und Y inne", "Vorsitzende ist ..."
    for m in re.finditer(r"Den\s+Vorsitz\b[^.]*?\b(?:haben|hat|führen|führt|übernehmen|übernimmt)\s+(?P<who>[^.]+?)"
                         r"(?:\s+inne)?\.", text[lo:hi]):
        who = re.sub(r"\s+", " ", m.group("who"))
        people = [p.strip() for p in re.split(r"\s+und\s+(?=der|die|den)", who) if p.strip()]
        s, e = lo + m.start(), lo + m.end()
        out.append(FoundRule(subject(s, e), "chairs", "; ".join(people), float(len(people)), "persons", s, e,
                             text[s:e].strip()))
    # composition: "setzt sich zusammen aus:" / "gehören an:"
    for start, end in composition_heads(text[lo:hi]):
        s = lo + start
        sec_end = next((b for _n, _t, a, b in secs if a <= s < b), hi)
        items = members_after(text, lo + end, sec_end)
        if not items:
            continue
        subj = subject(s, lo + end)
        e = items[-1][2]
        out.append(FoundRule(subj, "composition", "; ".join(t for t, _a, _b in items), float(len(items)), "members",
                             s, e, text[s:e].strip()))
    return out


COMPOSED_OF = re.compile(r"\b(?:setzt\s+sich\s+(?:wie\s+folgt\s+)?zusammen\s+aus|gehören\s+"
                         r"(?:folgende\s+Mitglieder\s+)?an|besteht\s+aus)\s*:")


def composition_heads(seg: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each "... setzt sich zusammen aus:", "... gehören an:", "... besteht aus:" in ``seg``: the
    phrase with the rest of its line before it, back to a full stop, a line break or the end of the phrase
    before. The same spans as ``re.finditer(r"[^\\n.]*?" + COMPOSED_OF.pattern, seg)``, found by searching for
    the phrase first: the lazy prefix tried at every position of a line took time quadratic in its length."""
    pos = 0
    while (k := COMPOSED_OF.search(seg, pos)) is not None:
        stop = max(seg.rfind("\n", pos, k.start()), seg.rfind(".", pos, k.start()))
        yield (stop + 1 if stop != -1 else pos), k.end()
        pos = k.end()


_NUM = r"(?P<n>\d{1,3}|ein|eine|einen|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|dreizehn|vierzehn|" \
       r"fünfzehn|sechzehn|siebzehn|achtzehn|neunzehn|zwanzig|einundzwanzig|zweiundzwanzig|fünfundzwanzig|dreißig)"
PROSE_RULES: list[tuple[str, re.Pattern, str | None]] = [
    # "besteht aus 15 gewählten Mitgliedern", "das aus elf Personen bestehende JuPa", "Seine zwanzig Mitglieder"
    ("composition", re.compile(r"(?:\b(?:besteht|bestehen|umfasst|setzt\s+sich)\b[^.;]{0,40}?|"
                               r"\b(?:aus|Seine|Ihre|seine|ihre)\s+)" + _NUM
                               + r"\s+(?:[a-zäöüß]+\s+){0,3}(?:Mitglieder\w*|Personen|Sachverständige\w*|"
                               r"Vertreter\w*)\b"),
     "members"),
    # "für die Dauer von fünf Jahren", "Alle 5 Jahre werden die Mitglieder neu berufen", "Wahlzeit ... vier Jahre"
    ("term_of_office", re.compile(r"(?:Dauer\s+von|Amtszeit\s+(?:beträgt|von)|Wahlzeit\b[^.;]{0,40}?|\bAlle)\s+"
                                  + _NUM + r"\s+Jahren?\b"), "years"),
    # "die das 60. Lebensjahr vollendet haben"
    ("minimum_age", re.compile(r"(?P<n>\d{2})\.\s+Lebensjahr\s+vollendet"), "years"),
    # "wählt aus seiner Mitte eine*n Vorsitzende*n", "Vorsitzender des Ortschaftsrates ist der Ortsvorsteher"
    ("chairs", re.compile(r"(?:aus\s+(?:seiner|ihrer)\s+Mitte\s+(?:eine[n*/]*\s*|einen\s+)?Vorsitzende|"
                          r"^Vorsitzende[r]?\s+(?:des|der)\s+[^.]{0,60}\bist\b|Den\s+Vorsitz\s+führt)", re.M),
     "persons"),
    # "sowie einen erweiterten Vorstand aus drei gleichberechtigten Stellvertreter*innen", "eine/n Stellvertreter/in"
    ("deputies", re.compile(r"\b(?:aus\s+)?" + _NUM + r"[n*/]*\s+(?:[a-zäöüß]+\s+){0,2}Stellvertret"), "persons"),
    # "Die Sitzungen sind öffentlich", "tagen grundsätzlich nicht öffentlich"
    ("public", re.compile(r"\b(?:Sitzungen\b[^.;]{0,40}?\bsind|tag(?:t|en))\s+(?:grundsätzlich\s+|in\s+der\s+Regel\s+)?"
                          r"(?P<not>nicht\s*)?öffentlich\b"), None),
]


# a word every match of the rule's pattern holds: a sentence without one is not searched
_PROSE_WORDS: dict[str, tuple[str, ...]] = {
    "composition": ("Mitglieder", "Personen", "Sachverständige", "Vertreter"),
    "term_of_office": ("Jahr",),
    "minimum_age": ("Lebensjahr",),
    "chairs": ("Vorsitz",),
    "deputies": ("Stellvertret",),
    "public": ("öffentlich",),
}


def find_prose_rules(ctx: Context, known: list[FoundRule]) -> list[FoundRule]:
    """Rules of procedure written in running text (a body's page, an application, minutes), not in §§:
    members, term of office, minimum age, chair, deputies, public sessions. How often a body meets stays
    a session count there (the gold of the project's own documents keeps it so)."""
    from ratsinfo.parsers.nlp.numbers import to_number

    text = ctx.text
    have = {(r.rule, r.org_key) for r in known}
    out: list[FoundRule] = []
    main = ctx.main.key if ctx.main else None
    # only the rules whose words the text has are tried in its sentences
    rules = [(rule, rx, unit, _PROSE_WORDS[rule]) for rule, rx, unit in PROSE_RULES
             if any(w in text for w in _PROSE_WORDS[rule])]
    may_found = any(w in text for w in _FOUNDED_WORDS)
    if not rules and not may_found:
        return out
    for s, e in ctx.sentences():
        sent = text[s:e]
        if sent.rstrip().endswith("?"):
            continue
        hits = [(rule, m, unit) for rule, rx, unit, words in rules
                if any(w in sent for w in words) and (m := rx.search(sent))]
        founded = _FOUNDED.search(sent) if may_found and any(w in sent for w in _FOUNDED_WORDS) else None
        if not hits and not founded:
            continue
        bodies = [m for m in ctx.mentions_between(s, e) if m.kind not in ("police", "department", "faction")]
        for rule, m, unit in hits:
            if rule == "deputies" and re.search(r"Vorsitz|Vorstand|Sprecher", sent):
                rule = "deputy_chairs"  # deputies of the chair, not of each member
            if rule == "public":
                number: float | None = 0.0 if m.group("not") else 1.0
            elif rule == "chairs":
                number = 1.0
            else:
                raw = m.group("n")
                n = 1 if raw.casefold().startswith("ein") else to_number(raw)
                if n is None:
                    continue
                number = float(n)
            before = [b for b in bodies if b.start <= s + m.start()]
            earlier = [b for b in ctx.mentions if b.end <= s and b.kind not in ("police", "department", "faction")]
            # "Seine zwanzig Mitglieder werden vom Gemeinderat berufen": the body of the sentence before
            org = before[0].key if before else earlier[-1].key if earlier else main
            if org is None or (rule, org) in have:
                continue
            have.add((rule, org))
            out.append(FoundRule(org, rule, m.group(0).strip(), number, unit, s, e, sent.strip()))
        when = _WHEN.search(sent) if founded else None
        if founded and when and bodies:
            # "Der Präventionsrat ... wurde im Jahr 1994 gegründet", "Im Februar 2014 hat der Beirat seine Arbeit
            # aufgenommen": the founding body is the one founded, not a council deciding about it
            target = next((b for b in bodies if b.kind not in ("council",)), bodies[0])
            if ("founding_date", target.key) not in have:
                have.add(("founding_date", target.key))
                out.append(FoundRule(target.key, "founding_date", _when_text(when), None, None, s, e, sent.strip()))
    return out


_FOUNDED = re.compile(r"\b(?:gegründet|gründeten|eingerichtet|eingesetzt|aufgebaut|gebildet|"
                      r"ins\s+Leben\s+gerufen|formiert|(?:seine|ihre)\s+Arbeit\s+aufgenommen|konstituiert\w*|"
                      # a decision with its date: "hat am 3. Mai 2019 die Einrichtung eines Beirats beschlossen"
                      r"(?:Einrichtung|Gründung|Bildung|Errichtung)\s+(?:eines|einer)\b(?=.*\bbeschlossen\b))")
# a word every match of _FOUNDED holds (a decision on a founding holds "beschlossen"): words as common as
# "Arbeit" or "Bildung" would let the pattern run on nearly every sentence
_FOUNDED_WORDS = ("gegründet", "gründeten", "eingerichtet", "eingesetzt", "aufgebaut", "gebildet", "Leben",
                  "formiert", "aufgenommen", "konstituiert", "beschlossen")
_WHEN = re.compile(r"(?P<d>\d{1,2})\.\s?(?P<m>\d{1,2}|Januar|Februar|März|April|Mai|Juni|Juli|August|September|"
                   r"Oktober|November|Dezember)\.?\s?(?P<y>(?:19|20)\d\d)|(?P<m2>Januar|Februar|März|April|Mai|Juni|"
                   r"Juli|August|September|Oktober|November|Dezember)\s+(?P<y2>(?:19|20)\d\d)|"
                   r"\b(?:im\s+Jahr(?:e)?\s+|seit\s+)?(?P<y3>(?:19|20)\d\d)\b")


def _when_text(m: re.Match) -> str:
    """'1994', '2022-02' or '2019-03-20': as precise as the text."""
    from ratsinfo.parsers.nlp.numbers import months

    def month(x: str) -> int:
        return int(x) if x.isdigit() else months()[x.casefold()]
    if m.group("y"):
        return f"{m.group('y')}-{month(m.group('m')):02d}-{int(m.group('d')):02d}"
    if m.group("y2"):
        return f"{m.group('y2')}-{month(m.group('m2')):02d}"
    return m.group("y3")
