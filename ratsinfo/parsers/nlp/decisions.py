"""What a body decided on, as topics of that body: "Der Gemeinderat stimmt der Einrichtung eines
Seniorenrates zu", "hat ... in seiner Sitzung vom 11.07.2019 die Einrichtung eines Inklusionsbeirates
beschlossen", "beschließt die als Anlage beigefügte Geschäftsordnung des Gestaltungsbeirates"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ratsinfo.parsers.nlp.context import Context
from ratsinfo.parsers.nlp.numbers import YEAR

DECIDES = re.compile(r"\b(?:beschließt|beschloss|beschlossen|beschließen|stimmt\w*|zugestimmt|empfiehlt|empfahl|"
                     r"empfohlen|entschieden|entscheidet|beantragt)\b")
_SUBJECT_KINDS = ("council", "committee", "advisory_board")
_OBJECT = re.compile(
    r"\b(?:die|der|den|das|zur|zum)\s+(?:[a-zäöüß]+\s+){0,3}?(?P<t>(?:Einrichtung|Bildung|Gründung|Errichtung|Änderung|"
    r"Anpassung|Einführung|Auflösung|Erstellung|Aufstellung|Neufassung|Satzung|Geschäftsordnung)\s+"
    r"(?:eines|einer|des|der|von|für\s+den|für\s+die|über\s+den|über\s+die)\s+(?:[a-zäöüß]+\s+)?"
    r"[A-ZÄÖÜ][\w*-]+(?:\s+(?:und|für)\s+[A-ZÄÖÜ][\w*-]+)?)")


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
    for s, e in ctx.sentences():
        sent = text[s:e]
        if not DECIDES.search(sent) or sent.rstrip().endswith("?"):
            continue
        bodies = [m for m in ctx.mentions_between(s, e) if m.kind in _SUBJECT_KINDS]
        if not bodies:
            continue
        deciding = next((m for m in bodies if m.kind in ("council", "committee")), bodies[0])
        year = YEAR.search(sent)
        for m in _OBJECT.finditer(sent):
            topic = re.sub(r"\s+", " ", m.group("t"))
            if any(s + m.start("t") <= b.start < s + m.end("t") for b in [deciding]):
                continue  # the body's own name is no topic
            key = (deciding.key, topic.casefold())
            if key in seen:
                continue
            seen.add(key)
            out.append(Decision(deciding.key, topic, int(year.group(1)) if year else None, s + m.start("t"),
                                s + m.end("t")))
    return out
