"""Names written surname first, one after the other, as an attendance list flattened onto one line gives them:
"SPD-Fraktion Beispiel, Anna Muster, Jonas Probe, Clara-Marie Entschuldigt fehlt: …".

A list of members is often written "Surname, First name" in columns, one name a row, grouped by party; a PDF's text
layer or an export loses the line breaks, and the rows run on. Each comma then stands between a surname and a first
name, and the first name of one row runs into the surname of the next. Two such pairs in a row, each first name a
known one, are a list; a single pair is as often a place and a person ("Musterstadt, Anna Beispiel") and is left.
"""

from __future__ import annotations

import re
from functools import cache

from ratsinfo.parsers.nlp.attendance import _labels, plausible
from ratsinfo.parsers.nlp.names import NAME_WORD, NOT_NAMES, first_names, role_word

Found = tuple[int, int, str, str | None, str]  # start, end, name, role, matched text

# the word before a comma and the one or two words after it
_PAIR = re.compile(r"(?<![\w.-])(?P<last>" + NAME_WORD + r")[ \t]*,[ \t]*(?:(?P<title>Dr\.|Prof\.)[ \t]*)?"
                   r"(?P<first>" + NAME_WORD + r")(?:[ \t]+(?P<second>" + NAME_WORD + r"))?")
# what may stand between two rows: a party or status in brackets, a particle of the surname before ("Natalie von")
_BETWEEN = re.compile(r"[ \t]*(?:\([^()\n]{1,30}\)[ \t]*)?(?:(?:von|van|de|zu)[ \t]+)?")
_LAST_BEFORE = re.compile(r"(?<![\w.-])" + NAME_WORD + r"[ \t]*\Z")
_MIN_RUN = 2


def _pairs(text: str) -> list[tuple[re.Match, str]]:
    """Each comma between a possible surname and a known first name, with the first name(s) the row gives."""
    names = first_names()
    out = []
    at = text.find(",")
    while at != -1:
        last = _LAST_BEFORE.search(text, max(0, at - 40), at)
        m = _PAIR.match(text, last.start()) if last else None
        if m and m.group("first").split("-")[0] in names and _surname(m.group("last")):
            second = m.group("second")
            # "Beispiel, Anna Maria Muster, Jonas": "Maria" is hers, "Muster" the next row's surname
            given = m.group("first")
            if second and second in names and not re.match(r"[ \t]*,", text[m.end("second"):]):
                given = f"{given} {second}"
            out.append((m, given))
        at = text.find(",", at + 1)
    return out


def _surname(word: str) -> bool:
    return word not in NOT_NAMES and plausible(word) and not role_word().match(word)


_WORD_BEFORE = re.compile(r"(?<![\w.-])(" + NAME_WORD + r")[ \t]+\Z")
_AND_LAST = re.compile(r"[ \t]+" + NAME_WORD + r"[ \t]+(?:und|sowie)[ \t]+")


def _first_name_first(text: str, run: list[tuple[re.Match, str]]) -> bool:
    """Whether the run is a list of names written first name first ("Anna Beispiel, Jonas Muster und Clara Probe"):
    a first name stands before its first surname, or a surname and "und" after its last first name."""
    before = _WORD_BEFORE.search(text, max(0, run[0][0].start() - 30), run[0][0].start())
    if before and before.group(1).split("-")[0] in first_names():
        return True
    last, given = run[-1]
    return _AND_LAST.match(text, last.start("first") + len(given)) is not None


@cache
def _label_pattern() -> re.Pattern:
    words = sorted(_labels(), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:[Vv]on der |[Aa]us der |[Ss]eitens der )?(?:" + "|".join(map(re.escape, words))
                      + r"|anwesend|fehlt|fehlen|fehlten|entschuldigt)(?![\w-])")


def _role_of_run(text: str, start: int) -> str | None:
    """The role the list's heading before the run gives: its own ("Verwaltung", "Gäste"), or member of the body
    for a heading of attendance ("Anwesend:", "Entschuldigt fehlt:"), under which the members stand by party."""
    heads = list(_label_pattern().finditer(text, max(0, start - 250), start))
    if not heads:
        return None
    word = heads[-1].group(0)
    word = word[:1].upper() + word[1:]
    role = _labels().get(word)
    return role if role else "Mitglied"


def surname_first_runs(text: str) -> list[Found]:
    """The persons of runs of at least two "Surname, First name" pairs, each row following the last."""
    if text.count(",") < _MIN_RUN:
        return []
    out: list[Found] = []
    run: list[tuple[re.Match, str]] = []
    before: list = [None, 0]  # the role of the last run, and where it ended

    def close() -> None:
        if len(run) >= _MIN_RUN and not _first_name_first(text, run):
            start = run[0][0].start()
            role = _role_of_run(text, start)
            if role is None and before[0] is not None and start - before[1] <= 60:
                role = before[0]  # "… Probe, Clara Fraktion XY Quell, Jonas …": the list goes on under a party
            before[:] = [role, run[-1][0].end("first")]
            for m, given in run:
                title = (m.group("title") + " ") if m.group("title") else ""
                name = f"{title}{given} {m.group('last')}"
                end = m.start("first") + len(given) if given != m.group("first") else m.end("first")
                out.append((m.start("last"), end, name, role, text[m.start("last"):end]))
        run.clear()

    for m, given in _pairs(text):
        if run:
            prev, prev_given = run[-1]
            prev_end = prev.start("first") + len(prev_given)
            # the next row's surname starts right after the last first name (a party or particle between at most)
            gap = _BETWEEN.match(text, prev_end)
            if gap is None or gap.end() != m.start("last"):
                close()
        run.append((m, given))
    close()
    return out
