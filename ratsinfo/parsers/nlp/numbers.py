"""Numbers, dates and durations as German council prose writes them."""

from __future__ import annotations

import json
import re
from datetime import date
from functools import cache
from importlib import resources


@cache
def _data() -> dict:
    return json.loads((resources.files("ratsinfo.parsers.nlp") / "data" / "numbers.json").read_text("utf-8"))


def cardinals() -> dict[str, int]:
    return _data()["cardinals"]


def number_words_pattern() -> str:
    words = sorted(cardinals(), key=len, reverse=True)
    return r"(?:\d{1,3}|" + "|".join(words) + r")"


def to_number(word: str) -> int | None:
    w = word.strip().casefold()
    if w.isdigit():
        return int(w)
    return cardinals().get(w)


# "zweimal", "zwei Mal", "2-mal", "2 mal", "2x"
_TIMES = re.compile(r"^(?P<n>\d{1,3}|[a-zäöüß]+?)(?:\s*-?\s*mal|\s*x)$", re.I)


def times_value(text: str) -> int | None:
    m = _TIMES.match(text.strip())
    if not m:
        return None
    n = m.group("n")
    if n.casefold() == "ein":
        return 1
    return to_number(n)


def times_pattern() -> str:
    """Regex for 'zweimal', 'zwei Mal', '2-mal', '2x' (named group 'times')."""
    num = number_words_pattern()
    return r"(?P<times>(?:" + num + r"|ein)\s*-?\s*[mM]al\b|\d{1,3}\s*x\b)"


def ordinals() -> dict[str, int]:
    """"erste" -> 1 ... "zwölfte" -> 12 (the stem; "ersten", "zweiter" end in one more letter)."""
    return _data()["ordinals"]


def ordinal_words_pattern() -> str:
    """The ordinal stems ("erste" ... "zwölfte") as one alternation, the longest first; a pattern adds the ending."""
    return "|".join(sorted(ordinals(), key=len, reverse=True))


def ordinal_number(m: re.Match) -> int | None:
    """The number a match gives in digits (its group "n") or as an ordinal word (its group "w"); None for a word
    that is no ordinal ("letzte")."""
    return int(m.group("n")) if m.group("n") else ordinals().get((m.group("w") or "").casefold())


def per_year_words() -> dict[str, int]:
    return _data()["per_year_words"]


def months() -> dict[str, int]:
    return _data()["months"]


# a month named in full or cut short with its full stop, as tables and letters write it ("3. Sept. 2021",
# "12. Jan. 2022", "4. Mrz. 2020")
MONTH_NAME = (r"(?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|"
              r"(?:Jan|Feb|Mär|Mrz|Apr|Jun|Jul|Aug|Sept?|Okt|Nov|Dez)\.)")
# a weekday before a date, in full or cut short: "Mittwoch, den 3. Mai 2023", "Mi., 3. Mai 2023", "Do 4.5.2023"
WEEKDAY = (r"(?:(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag|(?:Mo|Di|Mi|Do|Fr|Sa|So)\.?)"
           r",?\s+)?(?:den\s+)?")
DATE_PATTERN = (
    r"(?P<date>\d{1,2}\.\s?\d{1,2}\.\s?(?:\d{4}|\d{2}(?![\d.]))|\d{4}-\d{2}-\d{2}|\d{1,2}\.\s?"
    + MONTH_NAME + r"\s*\d{4})"
)


def parse_date(text: str) -> date | None:
    """'7. Oktober 2019', '07.10.2019' and '2019-10-07' -> date(2019, 10, 7)."""
    t = text.strip()
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", t)
    try:
        if m:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        m = re.fullmatch(r"(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})", t)
        if m:
            year = int(m.group(3))
            year += 2000 if year < 50 and len(m.group(3)) == 2 else 1900 if len(m.group(3)) == 2 else 0
            return date(year, int(m.group(2)), int(m.group(1)))
        m = re.fullmatch(r"(\d{1,2})\.\s?([A-Za-zäÄ]+)\.?\s*(\d{4})", t)
        if m and m.group(2).casefold() in months():
            return date(int(m.group(3)), months()[m.group(2).casefold()], int(m.group(1)))
    except ValueError:
        return None
    return None


_DURATION = re.compile(
    r"(?P<n>\d{1,3}|" + "|".join(sorted(
        ["ein", "eine", "einer", "einem", "einen", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun",
         "zehn", "elf", "zwölf", "vierzehn", "fünfzehn", "zwanzig", "dreißig"], key=len, reverse=True))
    + r")\s*-?\s*(?P<unit>Tag(?:e|en)?|Woche(?:n)?|Monat(?:e|en)?|tägig\w*|wöchig\w*)", re.I)


def duration_days(text: str) -> tuple[int, str] | None:
    """First duration in text, in days, with the words it came from: 'drei Wochen' -> (21, ...)."""
    m = _DURATION.search(text)
    if not m:
        return None
    n = 1 if m.group("n").casefold().startswith("ein") else to_number(m.group("n"))
    if n is None:
        return None
    unit = m.group("unit").casefold()
    factor = 7 if unit.startswith(("woche", "wöchig")) else 30 if unit.startswith("monat") else 1
    return n * factor, m.group(0)


# a year, but not the number part of a reference ("2019/0815", "V-2020/118")
YEAR = re.compile(r"(?<![/\-\d])\b(19[89]\d|20[0-4]\d)\b(?![/\-]\d)")
