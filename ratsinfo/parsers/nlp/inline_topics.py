"""Themes a body deals with, enumerated inside a sentence rather than as a bullet list:
"Die Gesundheitskonferenz diskutiert Fragen der Prävention, der Versorgung sowie der Pflege",
"Der Beirat hat sich unter anderem mit folgenden Themen beschäftigt: Schulwege, Spielplätze",
"setzte Schwerpunkte im Bereich Nahverkehr sowie Wohnen im Alter", "Ideen, wie z. B. Bürgerbus, neue Bänke";
and the theme one phrase names after a cue of focus: "befasste sich mit der Schulwegsicherung", "Ein
Schwerpunkt liegt auf der Bedarfsanalyse", "setzt sich für den Erhalt des Hallenbades ein", "zu den Themen
Lärm und Verkehr", "Das Thema Wohnen im Alter soll ... besprochen werden"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ratsinfo.parsers.nlp.context import Context
from ratsinfo.parsers.nlp.numbers import YEAR
from ratsinfo.parsers.nlp.theme_verbs import DEALT_WITH, DEALT_WITH_BEFORE, DEALT_WITH_WORDS
from ratsinfo.parsers.nlp.topic_phrases import noun_phrase

_CUES = re.compile(
    r"\bfolgende[nm]?\s+Themen(?:\s+[a-zäöüß]+){0,2}\s*:\s*"
    r"|\b(?:diskutier|erörter|berat|behandel)\w*\s+(?:unter\s+anderem\s+|u\.\s?a\.\s+|insbesondere\s+)?"
    r"(?:Fragen|Themen)\s+(?=der\b|des\b|zu[mr]?\b)"
    r"|\bSchwerpunkte?\s+(?:im\s+Bereich|in\s+den\s+Bereichen|auf\s+(?:den\s+)?Themen)\s+"
    r"|\b(?:Ideen|Themen|Projekte|Maßnahmen|Vorschläge|Anliegen|Fragen)\b[^.;:]{0,60}?\bwie\s+z\.\s?B\.\s+"
    r"|\bThemen\s+wie\s+"
    r"|\b(?:Projekte|Vorhaben|Ziele|Themenfelder|Arbeitsfelder|Handlungsfelder)\b[^.;:]{0,150}?"
    r"\b(?:sind|waren)\s*:\s*")
# a word each cue holds: a sentence without one is not searched
_CUE_WORDS = ("folgende", "Fragen", "Themen", "Schwerpunkt", "z.", "Projekte", "Vorhaben", "Ziele", "felder")
# where an enumeration ends inside its sentence: a relative or subordinate clause, a purpose
_END = re.compile(r",\s*(?:was|welche[rs]?|wobei|um|da|weil|wenn|so\s+dass|sodass)\b|\s+zur\s+Verbesserung\b"
                  r"|\s+und\s+[a-zäöüß]+(?:te|ten)\b|,(?=\S)"
                  r"|\s+(?:an|in)\s+der\s+Regel\b|\s*\(|[.;:!?](?:\s|$)|\n\s*\n")
_SEMICOLONS = re.compile(r"\s*;\s*")
_LIST_STOP = re.compile(r"[.;!?](?:\s|$)|\n\s*\n")  # where a list after a colon ends, or its first part
_SENTENCE_STOP = re.compile(r"[.!?](?:\s|$)|\n\s*\n")  # where a list in parts divided by semicolons ends
_SPLIT = re.compile(r"(?<!-)\s*[,;]\s*|\s+(?:und|sowie|oder)\s+(?=(?:der|des|die|den|dem|das|zu[mr]?)\s)|\s+sowie\s+")
_ARTICLE = re.compile(r"^(?:der|des|die|den|dem|das|ein|eine[nmrs]?|zu[mr]?|im|in\s+der|in\s+den)\s+")
# a cue of focus: one noun phrase follows (several where the cue is plural: "Themen", "Schwerpunkte")
_FOCUS = re.compile(
    r"\b(?:befass|beschäftig)\w*\s+sich\s+(?:[\wäöüß.]+\s+){0,8}?mit\s+(?:(?:de[mnr]|den)\s+)?"
    r"(?:(?P<pl1>Themen)|Thema|Frage)?\s*"
    r"|\bsich\s+(?:[\wäöüß.]+\s+){0,3}?mit\s+(?=[^.;:]{3,120}?\b(?:befass|beschäftig|auseinandergesetzt))"
    r"|\b(?:zu|mit|auf)\s+den\s+(?P<pl2>Themen(?:feldern|bereichen)?)\s+|\b(?:zum|dem|das|Das)\s+Thema\s+"
    r"|\b(?:der|die|des|dem|zur)\s+(?:Thematik|Themas)\s+(?=[„“\"])"
    r"|\b(?:Arbeits)?[Ss]chwerpunkt(?P<pl3>e)?\s+(?:(?:der|des)\s+[^.;:]{3,50}?\s+)?"
    r"(?:liegt|liegen|lag|lagen|läge|lägen)\s+(?:[a-zäöüß]+\s+){0,2}?(?:in|auf|bei)\s+(?=der|dem|den)"
    r"|\b(?:Arbeits)?[Ss]chwerpunkt(?P<pl6>e)?\s+(?:[a-zäöüß]+\s+){0,2}?(?:in|auf|bei)\s+(?=der|dem|den)"
    r"|\b(?:Arbeits)?(?:[Ss]chwerpunkt(?:themen|e)|Themen)(?:\s+der\s+Arbeit)?"
    r"(?:\s+(?:des|der|im|in\s+der)\s+[^.;:,]{3,60}?)?\s*(?:(?P<pl4>sind|waren)\s*:?|"
    r"(?P<pl5>:))\s*"
    r"|\b(?:die|der)\s+(?=Umsetzung\s+(?:und\s+[A-ZÄÖÜ]\w+\s+)?(?:des|der|eines|einer)\s+[\wäöüß-]*?"
    r"(?:[Kk]onzept|[Pp]lan|[Pp]rogramm|[Ss]trategie|[Kk]atalog))"
    r"|\b[Aa]uf\s+der\s+Tagesordnung\s+(?:(?:der|des)\s+[^.;:]{3,60}?\s+)?(?P<pl8>stehen|stand|standen|steht)\s+"
    r"(?:u\.\s?a\.\s+|unter\s+anderem\s+)?"
    r"|\b(?:so\s+)?(?P<pl9>zum\s+Beispiel|z\.\s?B\.|beispielsweise)\s+(?=zu[mr]\s)"
    r"|\bThema\s+(?:sei|ist|war|wäre|sind)\s+"
    r"|\bFokus\s+(?:(?:liegt|lag|lagen|liegen)\s+)?(?:[^.;:]{0,40}?\s+)?auf\s+(?=der|dem|den|die)"
    r"|\bsetz(?:t|en|te|ten)\s+(?:(?:der|die|das)\s+[^.;:]{1,60}?\s+)?auf\s+(?=(?:eine?n?|die|den|das|mehr)\b)"
    r"|\b(?:setz\w*|engagier\w*)\s+sich\s+(?:[a-zäöüß]+\s+){0,2}?für\s+"
    r"|\bsich\s+(?:[a-zäöüß]+\s+){0,2}?für\s+(?=[^.;:]{3,120}?\beinzusetzen|[^.;:]{3,120}?\beinsetz)"
    r"|\b(?:widme|widmet|widmete|widmeten)\s+sich\s+(?:(?:[a-zäöüß]+|im\s+Jahr(?:e)?\s+\d{4}|\d{4})\s+){0,4}?"
    r"(?=(?:der|dem|den|diese[rmn]|eine[rm])\s)"
    r"|\bkümmer\w*\s+sich\s+(?:[a-zäöüß]+\s+){0,2}?um\s+"
    r"|\b(?:beraten|diskutiert|erörtert)\s+wurden?\s+(?:[a-zäöüß]+\s+){0,2}?(?:über\s+)?"
    r"|\b(?:beriet|berieten)\s+(?:[a-zäöüß]+\s+){0,3}?über\s+"
    r"|\b(?:eine|die)\s+(?:erste\s+)?(?:Beratung|Aussprache|Diskussion)\s+(?:zu[mr]?|über)\s+(?:(?:die|den|das)\s+)?"
    r"|\b(?P<pl7>Ziele|Projekte|Vorhaben|Themen|Schwerpunkte)\b[^.;:]{0,50}?,?\s+(?:u\.\s?a\.|unter\s+anderem|"
    r"darunter)\s+")
# cues of focus rarer than those above, searched only in a sentence that holds a word of theirs: what stands in the
# centre ("stand im Mittelpunkt die Frage ...", "Im Mittelpunkt der Sitzung standen ..."), the verb at the end
# ("wurde über die Kosten beraten", "will sich um X kümmern") and the theme in front ("Mit X befasste sich ...")
_FOCUS_MORE = re.compile(
    r"\b(?:steht|stand|stehen|standen)\s+im\s+(?:Mittelpunkt|Vordergrund)\s+(?=(?:der|die|das|den)\s)"
    r"|\b[Ii]m\s+(?:Mittelpunkt|Vordergrund|Fokus)\s+(?:(?:der|des)\s+[^.;:]{3,60}?\s+)?"
    r"(?:steht|stand|(?P<pl10>stehen|standen))\s+(?:u\.\s?a\.\s+|unter\s+anderem\s+)?"
    r"|\bwurden?\s+(?:[a-zäöüß]+\s+){0,2}?über\s+(?=[^.;:]{3,80}?\s(?:beraten|diskutiert|gesprochen)\b)"
    r"|\büber\s+(?=(?:den|die|das|dem)\s[^.;:,]{3,80}?\s(?:beraten|diskutiert)"
    r"(?:\s+(?:hatte|hat|hatten|haben|wurde|wird|werden))?\s*[,.;])"
    r"|\bsich\s+(?:[a-zäöüß]+\s+){0,3}?um\s+(?=[^.;:]{3,120}?\bkümmer)"
    r"|(?:^|(?<=[.!?]\s))Mit\s+(?=[^.;:]{3,120}?\s(?:befass|beschäftig)\w*\s+sich\b)")
_MORE_WORDS = ("Mittelpunkt", "Vordergrund", "Fokus", "beraten", "diskutiert", "gesprochen", "kümmer", "Mit ")
# a word each cue of focus holds: a sentence without one is not searched
_FOCUS_WORDS = ("befass", "beschäftig", "Thema", "Themen", "chwerpunkt", "setz", "engagier", "widme", "kümmer", "Fokus",
                "Mittelpunkt", "Vordergrund", "gesprochen", "Mit ",
                "beraten", "beriet", "diskutiert", "erörtert", "Beratung", "Aussprache", "Diskussion", "Ziele",
                "Projekte", "Vorhaben", "Umsetzung", "Tagesordnung", "Beispiel", "z.")
# heads that name no theme of their own ("die Ziele des Klimaschutzes" is about Klimaschutz)
_HEAD = re.compile(r"^(?:Ziele?|Themen|Thema|Fragen?|Belange|Bereich(?:e|en)?|Umsetzung\s+der\s+Ziele)"
                   r"\s+(?:des|der|von)\s+"
                   r"|^(?:Thema|Themen|Themenfeld|Themenbereich)\s+(?=[„“\"A-ZÄÖÜ])")
# a field the phrase names ("die Prävention in den Bereichen Sucht, Mobbing und Verkehr"): its items are the themes
_IN_FIELDS = re.compile(r"\b(?:in\s+den\s+Bereichen|in\s+den\s+Feldern|auf\s+den\s+Gebieten)\s+")
_NO_THEME = re.compile(r"^(?:[a-zäöüß]+\s+)?(?:Jahre?n?|Monate?n?|Wochen?|Zeit|Zukunft|Sitzungen?)\b"
                       r"|^(?:[a-zäöüß]+\s+)?(?:Interessen|Belange|Anliegen|Themen|Fragen|Punkten?|Aspekten?|Thematik|"
                       r"Problematik|Sache|Angelegenheiten?)\b|^(?:Frage,|Sitzung|Tagesordnung|Verwaltung|Angelegenheit|Antrag|"
                       r"Vorlage|Thema|Themen|Sache|Ziel|Punkt)\b")
# a member asking (an indirect question) names no theme the body dealt with
_ASKING = re.compile(r"\b(?:fragt|fragte|erkundigt|erkundigte|stellt\w*\s+die\s+Frage|Anfrage)\b")
_OF_BODY = re.compile(r"\b(?:des|eines|vom)\s+$")  # a body in the genitive belongs to another noun of the clause
_GENERIC = re.compile(r"\b(?:der|die|das|des|dem)\s+(?P<w>Beirat|Rat|Ausschuss|Gremium|Arbeitskreis|Arbeitsgruppe|"
                      r"Konferenz|Kommission|Forum|Tisch|Parlament)(?:e?s)?\b|\b(?P<m>Beirat|Rat|Ausschuss|Gremium)"
                      r"smitglieder\b")
_SESSION_WORDS = ("Mittelpunkt", "Vordergrund", "Sitzung", "Tagesordnung", "Agenda", "beraten", "diskutiert")
# a theme named without a verb of dealing with it
_GENDER_GAP = re.compile(r"\s+([:*_])(?=innen\b|in\b)")
# the colon of a list's heading, not the gender colon inside a word ("Senior:innen", "Bürger:innen")
_LIST_COLON = re.compile(r":(?![a-zäöüß])")
_BARE_THEME = re.compile(r"(?:zum|dem|das|Das)\s+Thema\s+|(?:der|die|des|dem|zur)\s+(?:Thematik|Themas)\s+")
_QUOTED = re.compile(r"[„“\"]([^„“”\"]{3,80})[“”\"]")
_EVENT_WORD = (r"(?:[Vv]eranstaltung|[Vv]ortrag|[Vv]orträge|[Ww]orkshop|[Bb]roschüre|[Ff]achtag|[Tt]agung|"
               r"[Aa]usstellung|[Ss]eminar|[Ff]ortbildung|[Ff]lyer|[Aa]ktion|[Ww]ettbewerb)\w*")
_EVENT = re.compile(_EVENT_WORD + r"\s*$")
_EVENT_IN = re.compile(r"\b(?:der|des)\s+\w*" + _EVENT_WORD)  # "Themen der Workshops waren ..."
_RELATIVE = re.compile(r",\s*(?:die|der|das|welche[rs]?|denen|dem)\s+(?:[a-zäöüß]+\s+){0,2}$")
_GENITIVE = re.compile(r"^\s+(?:der|des)\s+$")
# a year that is part of a name ("Haushalt 2023", "Klimaschutzkonzept 2020"), not the year of a session
_NAMED_YEAR = re.compile(r"\b(?!(?:Jahre?s?|Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|"
                         r"Dezember|Frühjahr|Sommer|Herbst|Winter|Ende|Anfang|Mitte)\b)[A-ZÄÖÜ][\wäöüß-]+\s+$")
_YEAR_BOUND = re.compile(r"\b(?:bis|ab|seit|bis\s+zum\s+Jahr|ab\s+dem\s+Jahr)\s+(?:[A-ZÄÖÜ][a-zä]+\s+)?\d{4}\b")
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
    out.extend(_focus_topics(ctx, titled))
    for s, e in _sentences_with(ctx, _CUE_WORDS):
        sent = text[s:e]
        if sent.rstrip().endswith("?"):
            continue
        for cue in _CUES.finditer(sent):
            bodies = [m for m in ctx.mentions_between(s, e) if m.kind in _BODY_KINDS]
            owner = _owner(ctx, s, e, s + cue.start(), titled)
            if owner is None:
                continue
            stop = _END.search(sent, cue.end())
            span_end = stop.start() if stop else len(sent)
            split = _SPLIT.split
            if cue.group(0).rstrip().endswith(":"):  # "folgenden Themen: a, b, c." runs to the sentence's end
                stop = _LIST_STOP.search(sent, cue.end())
                span_end = stop.start() if stop else len(sent)
                if stop and sent[stop.start()] == ";":  # "sind: Bolzplatz; Kurse; Neugestaltung von A, B und C"
                    whole = _SENTENCE_STOP.search(sent, cue.end())
                    span_end, split = (whole.start() if whole else len(sent)), _SEMICOLONS.split
            year = YEAR.search(sent)
            pos = cue.end()
            items = []
            for part in split(sent[pos:span_end]):
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


def _gate(*lists: tuple[str, ...]) -> tuple[str, ...]:
    """The words of the lists, each once, without those that hold another of them ("Beraten" holds "eraten"): a
    sentence with one of the dropped words is found by the shorter word inside it."""
    words = list(dict.fromkeys(w for words in lists for w in words))
    return tuple(w for w in words if not any(v != w and v in w for v in words))


_FOCUS_GATE = _gate(_FOCUS_WORDS, DEALT_WITH_WORDS)


def _sentences_with(ctx: Context, words: tuple[str, ...]) -> list[tuple[int, int]]:
    """The sentences that hold one of ``words``, found from the words' places (most sentences hold none;
    str.find per word is several times faster than one regular expression of all words)."""
    text = ctx.text
    hits = []
    for w in words:
        at = text.find(w)
        while at != -1:
            hits.append(at)
            at = text.find(w, at + 1)
    if not hits:
        return []
    hits.sort()
    sentences = ctx.sentences()
    picked: list[tuple[int, int]] = []
    last = -1
    for h in hits:
        i = ctx.sentence_index(h)
        if i > last and i >= 0 and h < sentences[i][1]:
            picked.append(sentences[i])
            last = i
    return picked


def _owner(ctx: Context, s: int, e: int, at: int, titled: str | None,
           skip: tuple[int, int] = (0, 0)) -> str | None:
    """The body that speaks in a sentence: the last named before ``at``, else the first in the sentence,
    else the last named earlier in its paragraph, else the body the document is titled with, else its main body."""
    bodies = [m for m in ctx.mentions_between(s, e) if m.kind in _BODY_KINDS and not skip[0] <= m.start < skip[1]]
    before = [m for m in bodies if m.start < at]
    while len(before) > 1 and _GENITIVE.match(ctx.text[before[-2].end:before[-1].start]):
        before.pop()  # "des Ausschusses für Bildung der Stadtvertretung": the committee, not its council
    named = [m for m in before if not _OF_BODY.search(ctx.text, max(0, m.start - 8), m.start)]
    if named and named[-1] is not before[-1]:
        before = named  # "Der Rat folgte der Empfehlung des Bauausschusses und befasste sich": the Rat speaks
    generic = _GENERIC.search(ctx.text, before[-1].end if before else s, at)
    if before and not generic:
        return before[-1].key
    if bodies and not generic:
        return bodies[0].key
    if generic:  # "der Beirat", "die Beiratsmitglieder": the main body of that kind, else the last one named
        word = (generic.group("w") or generic.group("m")).casefold()
        if ctx.main is not None and ctx.main.name.casefold().endswith(word):
            return ctx.main.key
        named = [m for m in ctx.mentions_between(0, s) if m.kind in _BODY_KINDS
                 and ctx.name(m.key).casefold().endswith(word)]
        if named:
            return named[-1].key
    para = ctx.text.rfind("\n\n", 0, s) + 1
    earlier = [m for m in ctx.mentions_between(para, s) if m.kind in _BODY_KINDS]
    if earlier:
        return earlier[-1].key
    return titled or (ctx.main.key if ctx.main is not None else None)


def _body_before_relative(ctx: Context, s: int, cue: re.Match) -> bool:
    """Whether the noun a relative clause hangs on is a body ("der Beirat, der sich mit ... befasst")."""
    comma = ctx.text.rfind(",", s, s + cue.start())
    return any(m.kind in _BODY_KINDS and comma - 3 <= m.end <= comma for m in ctx.mentions_between(s, comma + 1))


def _focus_topics(ctx: Context, titled: str | None) -> list[InlineTopic]:
    """The theme one phrase names after a cue of focus, split where a plural cue enumerates."""
    text = ctx.text
    out: list[InlineTopic] = []
    seen: set[tuple[str, str]] = set()
    for s, e in _sentences_with(ctx, _FOCUS_GATE):
        sent = text[s:e]
        if sent.rstrip().endswith("?") or _ASKING.search(sent):
            continue
        cues = list(_FOCUS.finditer(sent))
        if any(w in sent for w in _MORE_WORDS):
            cues += _FOCUS_MORE.finditer(sent)
        if any(w in sent for w in DEALT_WITH_WORDS):
            cues += DEALT_WITH.finditer(sent)
            cues += DEALT_WITH_BEFORE.finditer(sent)
        cues.sort(key=lambda c: c.start())
        for cue in cues:
            if _RELATIVE.search(sent[max(0, cue.start() - 40):cue.start()]) and not _body_before_relative(ctx, s, cue):
                continue  # "Vereine, die sich mit Seniorenarbeit befassen": the clause is about the noun before it
            if _EVENT.search(sent[max(0, cue.start() - 40):cue.start()]) or _EVENT_IN.search(cue.group(0)):
                continue  # "eine Veranstaltung zum Thema ...": the theme of an event, not of a body
            if _BARE_THEME.fullmatch(cue.group(0)) and not any(m.kind in _BODY_KINDS
                                                               for m in ctx.mentions_between(s, e)) \
                    and not _GENERIC.search(sent) and not any(w in sent for w in _SESSION_WORDS):
                continue  # "an das Thema Lesen herangeführt": no body or session in the sentence deals with it
            plural = any(v for k, v in cue.groupdict().items() if k.startswith("pl"))
            rest = sent[cue.end():]
            examples = _EXAMPLES.match(rest)  # "Themen sind zum Beispiel Sprache, Arbeit und Wohnen"
            if examples:
                rest = " " * examples.end() + rest[examples.end():]
            run = _QUOTED_RUN.match(rest) if plural else None
            phrase = run.group(0).strip() if run else noun_phrase(rest, commas=plural)
            fields = _IN_FIELDS.search(rest, 0, len(phrase) + 40) if phrase else None
            if fields:
                rest, plural = rest[fields.end():], True
                phrase = noun_phrase(rest, commas=True)
            head = _HEAD.match(phrase)
            if head:
                phrase = phrase[head.end():]
            quoted = _QUOTED.search(phrase)
            if quoted and not plural:  # "mit dem Vorschlag „Zivilcourage“": the quoted name is the theme
                phrase = quoted.group(1)
            if not phrase or _NO_THEME.match(phrase) \
                    or _LIST_COLON.search(rest, 0, rest.find(phrase) + len(phrase) + 2):
                continue  # no theme, or the heading of a list that follows
            at0 = s + cue.end() + rest.find(phrase[:20])
            inverted = [m for m in ctx.mentions_between(s + cue.start(), s + cue.end()) if m.kind in _BODY_KINDS
                        and s + cue.start() < m.start  # "befasste sich der Gemeinderat mit ...": its subject
                        and not _OF_BODY.search(text, max(0, m.start - 8), m.start)]  # not "auf Antrag des Beirates"
            owner = inverted[0].key if inverted else _owner(ctx, s, e, s + cue.start(), titled,
                                                             skip=(at0, at0 + len(phrase)))
            if owner is None:
                continue
            if any(m.start <= at0 + 2 and at0 < m.end and not _named_by_theme(m)
                   for m in ctx.mentions_between(s, e) if m.kind in _BODY_KINDS):
                continue  # a body named as the theme is an organisation, not a topic ("die Stadt X" inside is fine)
            inside = range(at0 - s, at0 - s + len(phrase))  # "Klimaschutzkonzept 2020" names no year it was dealt with
            years = [y for y in YEAR.finditer(sent) if y.start() not in inside
                     and not _YEAR_BOUND.search(sent[max(0, y.start() - 24):y.end()])
                     and not _NAMED_YEAR.search(sent[max(0, y.start() - 40):y.start()])]
            year = int(years[0].group(1)) if years else None
            pos = at0
            phrase = _STANDS_OUT.sub("", _PLACE.sub("", phrase))
            for part in (_enumeration(phrase) if plural else _SPLIT.split(phrase)):
                item = _ARTICLE.sub("", _ASIDE.sub("", part).strip(" ,;.„“”\"")).strip(" -–.„“”\"")
                item = _GENDER_GAP.sub(r"\1", item)  # "Senior :innen" as a web page spaced it: "Senior:innen"
                if len(item) < 3 or len(item.split()) > 12 or not re.search(r"[A-ZÄÖÜ]", item):
                    continue
                at = text.find(part, pos, e)
                at = at if at != -1 else pos
                pos = at + len(part)
                item = item[0].upper() + item[1:]
                if (owner, item.casefold()) in seen:
                    continue  # two cues of one sentence ("beriet über", "beriet") name the same theme
                seen.add((owner, item.casefold()))
                out.append(InlineTopic(owner, item, year, at, at + len(part)))
    return out


# the town a theme is of says nothing of the theme ("... des Klimaschutzkonzeptes der Stadt Talheim")
_PLACE = re.compile(r"(?:\s+in)?\s+(?:der|des)\s+(?:Stadt|Gemeinde|Landeshauptstadt|Hansestadt|Samtgemeinde|"
                    r"Verbandsgemeinde|"
                    r"Kreises|Landkreises)\s+[A-ZÄÖÜ][\w-]*$")
_EXAMPLES = re.compile(r"\s*(?:zum\s+Beispiel|z\.\s?B\.|beispielsweise|etwa|u\.\s?a\.|unter\s+anderem|insbesondere|"
                       r"vor\s+allem)\s+")
# "stand das Thema Wohnen im Mittelpunkt": where the theme stands is no part of it
_STANDS_OUT = re.compile(r"\s+(?:im\s+(?:Mittelpunkt|Vordergrund|Fokus)|"
                        r"auf\s+der\s+(?:Agenda|Tagesordnung))\b.*$")
_ASIDE = re.compile(r"\s*\([^()]*\)")  # "„Schulweg“ (Sprecherin Ida Noll)": who speaks for it is no part of the theme
_PLURAL_SPLIT = re.compile(r"(?<!-)\s*[,;]\s*|\s+(?:sowie|bzw\.)\s+")


def _named_by_theme(m) -> bool:
    """A group the text names only by its theme ("drei Gruppen zu den Themen „Schulweg“ ...": the group is
    "Arbeitsgruppe Schulweg", the theme stays a theme of the body that formed it)."""
    bare = m.text.strip(" „“”\"")
    return bare != m.display and m.display.endswith(" " + bare)


def _enumeration(phrase: str) -> list[str]:
    """Items of an enumeration: at commas and "sowie"; "und" joins the last two items ("Lärm, Sport und
    Verkehr") unless "sowie" does, then "und" stays inside an item ("Sucht und Drogen, Mobbing sowie Gewalt")."""
    quoted = [q.span() for q in _QUOTED_ITEM.finditer(phrase)]
    if len(quoted) == 1 and not re.search(r"[,;]|\s(?:und|sowie|oder)\s", phrase[quoted[0][0]:quoted[0][1]]):
        quoted = []  # one quoted name without a separator inside: the separators around it split as usual
    if quoted:  # "„Sicherheit in und um Kita und Schule“ und „Sucht“": separators count between the quotes only
        cuts = [0] + [i for a, b in zip(quoted, quoted[1:], strict=False) for i in (a[1], b[0])] + [len(phrase)]
        return [phrase[a:b] for a, b in zip(cuts[::2], cuts[1::2], strict=False)]
    parts = _PLURAL_SPLIT.split(phrase)
    if " sowie " not in phrase and not re.search(r"-\s+und\s", parts[-1]):
        parts[-1:] = re.split(r"\s+(?:und|oder)\s+", parts[-1])
    return parts


# an enumeration of quoted themes, each perhaps with a note in parentheses
_QUOTED_ITEM = re.compile(r"[„\"“][^„“”\"]{2,80}[“”\"](?:\s*\([^()]*\))?")
_QUOTED_RUN = re.compile(r"\s*" + _QUOTED_ITEM.pattern + r"(?:\s*(?:,|und|sowie|oder)\s*" + _QUOTED_ITEM.pattern + ")+")
