"""What a body decided on, as topics of that body: "Der Gemeinderat stimmt der Einrichtung eines
Seniorenrates zu", "hat ... in seiner Sitzung vom 11.07.2019 die Einrichtung eines Inklusionsbeirates
beschlossen", "beschließt die als Anlage beigefügte Geschäftsordnung des Gestaltungsbeirates"; and a body
to be set up, as "Einrichtung eines Seniorenbeirates" of the council that decides it: "beschließt, einen
Seniorenbeirat einzurichten", "Es wird ein Integrationsrat gebildet", "Es soll einen Inklusionsbeirat geben"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ratsinfo.parsers.nlp.context import Context
from ratsinfo.parsers.nlp.numbers import DATE_PATTERN, YEAR, parse_date
from ratsinfo.parsers.nlp.topic_phrases import noun_phrase

DECIDES = re.compile(r"\b(?:beschließt|beschloss|beschlossen|beschließen|stimmt\w*|zugestimmt|empfiehlt|empfahl|"
                     r"lehnt\w*|abgelehnt|"
                     r"empfohlen|entschieden|entscheidet|beantragt|erlassen|erlässt|verabschiedet\w*|beraten|berät|"
                     r"berieten|beriet|(?:Rats|Kreistags|Gemeinderats|Stadtrats)?[Bb]eschl(?:uss|üsse)\w*)\b")
_SUBJECT_KINDS = ("council", "committee", "advisory_board")
# what a body decides is named by a noun of action: the family of nouns in -ung ("Sanierung", "Erweiterung",
# "Fortschreibung") and the few other nouns of action of council decisions; not the nouns in -ung that name no act
# ("Verwaltung", "Sitzung", a law's "Gemeindeordnung") or the body's own procedure ("Beratung", "Fassung der Vorlage")
_NOT_ACTS = ("Verwaltung", "Sitzung", "Beratung", "Abstimmung", "Beschlussfassung", "Entscheidung",
             "Meinung", "Haltung", "Begründung", "Einladung", "Ladung", "Stellung", "Ordnung", "Empfehlung", "Rechnung",
             "Leitung", "Zeitung", "Wohnung", "Richtung", "Bedeutung", "Erfahrung", "Auffassung", "Vertretung",
             "Versammlung", "Vorberatung", "Anhörung", "Fassung", "Veröffentlichung", "Formulierung", "Bekanntmachung",
             "Mitteilung", "Erläuterung", "Darstellung", "Prüfung", "Bekanntgabe")
_ACT = (r"Satzung|Geschäftsordnung|Neufassung|"
        r"(?!(?:" + "|".join(_NOT_ACTS) + r")\b)(?![\wäöüß]*ordnung\b)[A-ZÄÖÜ][a-zäöüß]{2,}ung|"
        r"Beitritt|Neubau|Ausbau|Umbau|Erlass|Abschluss|Ankauf|Verkauf|Vergabe|Aufnahme|Übernahme|Neuwahl")
_OBJECT = re.compile(
    r"\b(?:die|der|den|das|zur|zum|folgende)\s+(?:(?:[a-zäöüß]+|Anlage\s+\d+)\s+){0,4}?"
    r"(?P<t>(?:" + _ACT + r")\s+"
    r"(?:eines|einer|des|der|von|für\s+den|für\s+die|über\s+den|über\s+die|zum|zur)\s+(?:[a-zäöüß]+\s+)?"
    r"[A-ZÄÖÜ][\w*-]+(?:\s+(?:und|für)\s+[A-ZÄÖÜ][\w*-]+)?"
    r"(?:\s+(?:eines|einer|des|der)\s+(?!(?:Stadt|Gemeinde|Hansestadt|Landeshauptstadt|Landkreis|Kreis|Samtgemeinde|"
    r"Verbandsgemeinde|Universitäts-)\b)(?:[a-zäöüß]+\s+)?[A-ZÄÖÜ][\w*-]+(?:\s+(?:und|für)\s+[A-ZÄÖÜ][\w*-]+)?)?)")


@dataclass
class Decision:
    org_key: str
    topic: str
    year: int | None
    start: int
    end: int


def find_decisions(ctx: Context) -> list[Decision]:
    text = ctx.text
    out: list[Decision] = []
    seen: set[tuple[str, str]] = set()
    if not any(m.kind in _SUBJECT_KINDS for m in ctx.mentions):
        return out  # no council, committee or board to decide
    sentences = ctx.sentences()
    picked = sorted({ctx.sentence_index(m.start()) for m in DECIDES.finditer(text)} - {-1})
    for s, e in (sentences[k] for k in picked):  # only the sentences a verb of deciding stands in
        sent = text[s:e]
        if not DECIDES.search(sent) or sent.rstrip().endswith("?"):
            continue
        objects = list(_OBJECT.finditer(sent))
        # a body named inside what is decided ("die Einrichtung eines Klimabeirates") does not decide it
        bodies = [m for m in ctx.mentions_between(s, e) if m.kind in _SUBJECT_KINDS
                  and not any(s + o.start("t") <= m.start < s + o.end("t") for o in objects)]
        if not bodies and objects and _PASSIVE.search(sent):
            # "Weiterhin wurde die Einrichtung ... beschlossen": the council the paragraph named before
            para = text.rfind("\n\n", 0, s) + 1
            earlier = [m for m in ctx.mentions_between(para, s) if m.kind in ("council", "committee")]
            subjects = [m for m in earlier if _SUBJECT.search(text[max(0, m.start - 12):m.start])]
            bodies = (subjects or earlier)[-1:]
            borrowed = True
        else:
            borrowed = False
        if not bodies:
            continue
        found_year = YEAR.search(sent)
        if not found_year and borrowed:  # "Die Stadtverordnetenversammlung vom 13.09.2022 hat beschlossen, ..."
            found_year = YEAR.search(text[bodies[0].end:bodies[0].end + 40])
        year = int(found_year.group(1)) if found_year else None
        for m in objects:
            topic = re.sub(r"\s+", " ", m.group("t"))
            outside = bodies
            for deciding in _deciders(text, outside):
                key = (deciding.key, topic.casefold())
                if key in seen:
                    continue
                seen.add(key)
                out.append(Decision(deciding.key, topic, year, s + m.start("t"),
                                    s + m.end("t")))
    approved = [d for d in _approvals(ctx) + _motions(ctx)
                if not any(d.org_key == o.org_key and d.topic in o.topic for o in out)]
    out += approved
    enacted = _enactments(ctx)
    # "folgende 4. Änderungssatzung zur Satzung über ...": the amendment is enacted, not the statute it amends
    out = [d for d in out if not any(e.org_key == d.org_key and d.topic in e.topic for e in enacted)]
    return out + enacted


# the preamble of a statute: "hat der Integrationsrat ... am 09.11.2016 folgende Geschäftsordnung beschlossen",
# "aufgrund des Beschlusses der Gemeindevertretung vom 16.09.2004 folgende Satzung erlassen", "nach
# Beschlussfassung durch die Stadtverordnetenversammlung vom 24.11.2008 folgende 4. Änderungssatzung zur ..."
_ENACTED = re.compile(r"\bfolgende\s+(?P<what>(?:\d{1,2}\.\s+)?[\wäöüß-]*(?:[Ss]atzung|[Oo]rdnung|"
                      r"[Rr]ichtlinien?)(?:\s+(?:zur|über|für|des|der)\s+[^:\n]{3,120}?)?)\s*"
                      r"(?:beschlossen|erlassen|:|\n|$)")
_STATUTE_TITLE = re.compile(r"^\s*(?P<t>(?:Satzung|Geschäftsordnung|[\wäöüß-]+satzung|[\wäöüß-]+ordnung)\b"
                            r"[^\n]{0,150})", re.M)
DATE_RX = re.compile(DATE_PATTERN)
_TOWN_TAIL = re.compile(r"\s+(?:der|des|in\s+der|in)\s+(?:(?:Universitäts-\s+und\s+)?(?:Landeshaupt|Hanse)?[Ss]tadt|"
                        r"Gemeinde|Samtgemeinde|Verbandsgemeinde|Landkreises|Kreises|[A-ZÄÖÜ][a-zäöüß]+$)\b.*$"
                        r"|\s*\(.*$")


def _enactments(ctx: Context) -> list[Decision]:
    """The statute a body enacted, as its topic in the year of the enacting session."""
    text = ctx.text
    out: list[Decision] = []
    if "folgende" not in text:
        return out
    for m in _ENACTED.finditer(text):
        start = max(0, m.start() - 400)
        bodies = [b for b in ctx.mentions_between(start, m.start()) if b.kind in _SUBJECT_KINDS]
        dates = list(DATE_RX.finditer(text, start, m.start()))
        if not bodies or not dates:
            continue
        what = " ".join(m.group("what").split())
        if " " not in what:  # "folgende Satzung": the document's title names which
            title = _STATUTE_TITLE.search(text, 0, 400)
            if title and title.group("t").split()[0].casefold().endswith(what.casefold()[-6:]):
                what = _TOWN_TAIL.sub("", title.group("t")).strip(" ,;:")
        what = _TOWN_TAIL.sub("", what).strip(" ,;:")
        when = parse_date(dates[-1].group("date"))
        out.append(Decision(bodies[-1].key, what, when.year if when else None, m.start("what"), m.end("what")))
    return out


_SUBJECT = re.compile(r"(?:^|[.:!?]\s+|\n\s*)(?:Der|Die|Das)\s+$")
_PASSIVE = re.compile(r"\b(?:wurden?|worden)\b[^.;:]*\bbeschlossen\b|\bbeschlossen\s+(?:wurden?|worden)\b")
_JOINED = re.compile(r"^\s*(?:,|und|sowie)\s+(?:(?:der|die|das|dem|den)\s+)?$")


def _deciders(text: str, bodies: list) -> list:
    """The deciding body, and those joined to it ("der Stadtentwicklungsausschuss sowie der Rat")."""
    first = next((m for m in bodies if m.kind in ("council", "committee")), bodies[0])
    out = [first]
    for m in bodies[bodies.index(first) + 1:]:
        if m.kind in ("council", "committee") and _JOINED.match(text[out[-1].end:m.start]):
            out.append(m)
    return out


_BODY_WORD = (r"[A-ZÄÖÜ][\w-]*?(?:[Rr]at|[Bb]eirat|[Gg]remium|[Aa]usschuss|[Kk]reis|[Tt]isch|[Pp]arlament|[Ff]orum|"
              r"[Gg]ruppe|[Kk]onferenz)")
_SET_UP = re.compile(r"\b(?:einen|eine|ein)\s+(?:[a-zäöüß]+\s+){0,2}?(?P<x>" + _BODY_WORD + r")\b[^.;:]{0,80}?"
                     r"\b(?P<v>einzurichten|zu\s+bilden|zu\s+gründen|gebildet|geben)\b")
_SET_UP_VERBS = ("einzurichten", "bilden", "gründen", "gebildet", "geben")  # one stands in each set-up
_NOUNS = {"einzurichten": "Einrichtung", "geben": "Einrichtung", "bilden": "Bildung", "gebildet": "Bildung",
          "gründen": "Gründung"}
# a motion or a decision being taken (a set-up decided in the past is reported by find_decisions)
_PROPOSED = re.compile(r"\b(?:beschließt|beschloss|beschlossen|beantragt|beantragen|soll|sollen|wird|werden|möge)\b")


def _genitive(body: str) -> str:
    """'Seniorenbeirat' -> 'eines Seniorenbeirates', 'Arbeitsgruppe' -> 'einer Arbeitsgruppe'."""
    if re.search(r"(?:gruppe|konferenz)$", body, re.I):
        return f"einer {body}"
    if re.search(r"(?:parlament|forum|gremium)$", body, re.I):
        return f"eines {body}s"
    return f"eines {body}es"


def find_set_ups(ctx: Context) -> list[Decision]:
    """A body to be set up, as a theme of the council or committee that decides it."""
    text = ctx.text
    head = text[:300]
    deciders = [m for m in ctx.mentions if m.kind in ("council", "committee")]
    head_body = next((m for m in deciders if m.start < 300), deciders[0] if deciders else None)
    head_year = YEAR.search(head)
    out: list[Decision] = []
    if not deciders or not any(w in text for w in _SET_UP_VERBS):
        return out  # nobody to decide a set-up, or no verb that sets one up
    for m in _SET_UP.finditer(text):  # over the text: a sentencizer splits before "§ 8c" inside a sentence
        s = max(text.rfind(". ", 0, m.start()) + 2, text.rfind("\n\n", 0, m.start()) + 2, 0)
        stop = re.compile(r"[.!?](?:\s|$)").search(text, m.end())
        e = stop.end() if stop else len(text)
        sent = text[s:e]
        if sent.rstrip().endswith("?") or not _PROPOSED.search(sent):
            continue
        here = [b for b in deciders if s <= b.start < e and not (m.start("x") <= b.start < m.end("x"))]
        owner = here[0] if here else head_body
        if owner is None:
            continue
        noun = _NOUNS[m.group("v").split()[-1]]
        year = YEAR.search(sent) or head_year
        out.append(Decision(owner.key, f"{noun} {_genitive(m.group('x'))}", int(year.group(1)) if year else None,
                            m.start(), m.end()))
    return out


# a body approving something: "Der Gemeinderat genehmigte den Bauantrag für das Feuerwehrhaus", "bewilligte der
# Jugendbeirat zwei Projekte", "Der Bauausschuss verabschiedete am 03.05.2022 den Bebauungsplan Nr. 12"
_APPROVES = re.compile(r"\b(?:genehmigt\w*|bewilligt\w*|verabschiedet\w*|billigt\w*)\b")
_WHEN = re.compile(r"^(?:(?:am|vom|im|in\s+seiner\s+Sitzung\s+(?:am|vom)|einstimmig|mehrheitlich|außerdem|zudem|"
                   r"abschließend|dann|auch|ferner|\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}|[A-ZÄÖÜ][a-zäöüß]+\s+\d{4})\s+)*")
_SENTENCE_END = re.compile(r"(?<!\bNr)(?<!\bAbs)(?<!\bArt)[.!?](?:\s|$)|\n")
_UNTIL = re.compile(r"\b(?:bis|ab|seit)\s+(?:(?:zum|ins)\s+)?(?:Jahr(?:e)?\s+)?(?:[A-ZÄÖÜ][a-zä]+\s+)?$")
_COUNTED = re.compile(r"^(?:(?:zwei|drei|vier|fünf|sechs|mehrere|einige|weitere|neue|\d+)\s+)+")


def _approvals(ctx: Context) -> list[Decision]:
    """What a body approved, where the body stands right before or after the verb."""
    text = ctx.text
    out: list[Decision] = []
    if not _APPROVES.search(text):
        return out
    for m in _APPROVES.finditer(text):
        s = max(text.rfind(". ", 0, m.start()) + 2, text.rfind("\n", 0, m.start()) + 1, 0)
        stop = _SENTENCE_END.search(text, m.end())
        e = stop.start() if stop else len(text)
        bodies = [b for b in ctx.mentions_between(s, e) if b.kind in _SUBJECT_KINDS]
        before = [b for b in bodies if b.end <= m.start() and re.fullmatch(r"\s*", text[b.end:m.start()])]
        after = [b for b in bodies if b.start >= m.end()
                 and re.fullmatch(r"\s+(?:der|die|das)\s+", text[m.end():b.start])]
        body = (before or after or [None])[0]
        if body is None or text[s:e].rstrip().endswith("?"):
            continue
        rest = text[max(m.end(), body.end):e]
        rest = _WHEN.sub("", rest.strip())
        rest = re.sub(r"^(?:den|die|das|dem|der|eine[nm]?|ein)\s+", "", rest)
        rest = _COUNTED.sub("", rest)
        phrase = noun_phrase(rest)
        if not phrase or len(phrase.split()) > 12:
            continue
        years = [y for y in YEAR.finditer(text, s, e) if not _UNTIL.search(text[max(0, y.start() - 24):y.start()])]
        out.append(Decision(body.key, phrase, int(years[0].group(1)) if years else None, m.start(), e))
    return out


# a motion names its matter: "Antrag nach der Geschäftsordnung zur Gründung eines Jugendbeirates",
# "der Antrag der SPD-Fraktion zum Ausbau des Bürgerbusses"
_MOTION = re.compile(r"\bAntrag\b[^.;:\n]{0,80}?\s(?:zum|zur|auf|betreffend|betr\.)\s+(?=(?:[a-zäöüß]+\s+)?[A-ZÄÖÜ„])")
_PROCEDURE = re.compile(r"(?:Beratung|Beschlussfassung|Kenntnis|Abstimmung|Entscheidung|Sitzung|Tagesordnung|"
                        r"Vorlage|Behandlung)\b")
# a motion titled in its first line and addressed in the next: "Einrichtung eines Kinderbeirates\nFür den
# Ausschuss für Jugend und Familie am 5. Mai 2021 hat die Fraktion X folgenden Antrag ... vorgelegt."
_ADDRESSED = re.compile(r"\b(?:[Ff]ür|[Aa]n|zur\s+Sitzung)\s+(?:den|die|das|des|der)\s*$")


def _motions(ctx: Context) -> list[Decision]:
    """The matter of a motion, as a topic of the council or committee it goes to."""
    text = ctx.text
    out: list[Decision] = []
    if "Antrag" not in text:
        return out
    deciders = [m for m in ctx.mentions if m.kind in ("council", "committee")]
    for m in _MOTION.finditer(text):
        line_end = text.find("\n", m.end())
        phrase = noun_phrase(text[m.end():min(m.end() + 200, line_end if line_end != -1 else len(text))])
        if not phrase or len(phrase.split()) > 10 or _PROCEDURE.match(phrase):
            continue
        s = max(text.rfind(". ", 0, m.start()) + 2, text.rfind("\n", 0, m.start()) + 1, 0)
        stop = _SENTENCE_END.search(text, m.end())
        e = stop.start() if stop else len(text)
        near = [b for b in deciders if s <= b.start < e and not m.end() <= b.start < m.end() + len(phrase)]
        owner = near[0] if near else (ctx.main.mentions[0] if ctx.main is not None else None)
        if owner is None or owner.kind not in ("council", "committee"):
            continue
        year = YEAR.search(text, s, e)
        out.append(Decision(owner.key, phrase, int(year.group(1)) if year else None, m.end(), m.end() + len(phrase)))
    first = text.lstrip().split("\n", 1)[0].strip()
    titled = first[:1].isupper() and first[-1:].isalnum() and not first.startswith("Antrag")
    if 2 <= len(first.split()) <= 10 and titled:
        head = len(text) - len(text.lstrip())
        for b in deciders:
            if b.start > head + len(first) + 400:
                break
            if _ADDRESSED.search(text[max(0, b.start - 20):b.start]) and "Antrag" in text[b.end:b.end + 200]:
                year = YEAR.search(text, max(0, b.start - 20), b.end + 120)
                out.append(Decision(b.key, first, int(year.group(1)) if year else None, head, head + len(first)))
                break
    return out
