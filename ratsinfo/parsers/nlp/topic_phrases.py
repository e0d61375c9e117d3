"""The theme inside a longer phrase: the noun phrase a cue introduces ("das Thema Behinderung und Alter soll
... besprochen werden" -> "Behinderung und Alter") and a list item cut to its theme ("der Planung von
Maßnahmen in den Bereichen Freizeit, Bildung und Kultur," -> "Freizeit, Bildung und Kultur").

The pipeline has no part-of-speech tagger, so a noun phrase is read from German capitalisation: nouns are
capitalised, its glue words (articles, prepositions, conjunctions) form a closed list, and a lower-case word
with an adjective ending belongs to it only right before a noun. Anything else (a verb) ends it."""

from __future__ import annotations

import re

GLUE = frozenset(("der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines", "einem", "einen", "und",
                  "sowie", "oder", "im", "in", "am", "an", "auf", "für", "von", "vom", "zur", "zum", "zu", "mit", "bei",
                  "über", "unter", "zwischen", "aus", "nach", "gegen", "ohne", "bis", "bzw.", "u.", "a.", "beim", "um",
                  "hinsichtlich", "bezüglich"))
_ADJECTIVE = re.compile(r"^[„“\"]?[a-zäöüß][a-zäöüß-]*(?:e|en|er|es|em)$")
_NOUN = re.compile(r"^[„“\"(]?[A-ZÄÖÜ0-9][\w./-]*[-,“”\")]*$|^[„“\"]?[A-ZÄÖÜ][\w-]*-,?$|^-[a-zäöüß]+,?$")
_ABBREVIATIONS = frozenset(("Nr", "Abs", "Art", "Str", "St", "Dr", "Bd"))
_TRAILING_GLUE = re.compile(r"(?:[\s,]+(?:" + "|".join(re.escape(w) for w in sorted(GLUE, key=len, reverse=True))
                            + r"))+[\s,]*$")
_ARTICLE = re.compile(r"^(?:der|die|das|des|dem|den|eine[nmrs]?|ein|zu[mr]?|im|in\s+der|in\s+den|"
                      r"über\s+(?:die|den|das))\s+", re.I)


def noun_phrase(text: str, commas: bool = False) -> str:
    """The noun phrase ``text`` begins with (articles stripped), or '' when it begins with none; with
    ``commas`` an enumeration "Lärm, Verkehr und Wohnen" runs over its commas."""
    words = text.split()
    kept: list[str] = []
    quote_end = -1
    for i, w in enumerate(words):
        if i <= quote_end:
            kept.append(w)  # inside a quoted name ("„Jugend aktiv“"): every word belongs to it
            if i == quote_end and w.rstrip(",;:.!?") != w:
                break
            continue
        if w[:1] in "„“\"" and not any(c in w[1:] for c in "“”\""):
            quote_end = next((k for k in range(i + 1, min(i + 7, len(words)))
                              if any(c in words[k] for c in "“”\"")), -1)
            if len(w) == 1 and quote_end != -1:
                kept.append(w)  # "„ Senior:innen-Newsletter“": a quote mark a web page set apart opens the name
                continue
        bare = w.rstrip(",;:.!?")
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if w == "rund" and nxt == "um" and kept:
            kept.append(w)  # "die Lage rund um den Bahnhof": a preposition of two words
            continue
        after = words[i + 2] if i + 2 < len(words) else ""
        # an adjective stands right before its noun, or before a second adjective and then the noun
        before_noun = bare == w and bool(_NOUN.match(nxt.rstrip(",;:.!?")) or nxt == nxt.rstrip(",;:.!?")
                                          and _ADJECTIVE.match(nxt) and _NOUN.match(after.rstrip(",;:.!?")))
        if not (_NOUN.match(bare) or bare in GLUE or _ADJECTIVE.match(bare) and before_noun):
            break
        kept.append(w)
        if w != bare and not w.endswith("-,") and not (commas and w.endswith(",") and w.count(",") == 1) \
                and not (w[:-1] in _ABBREVIATIONS and w.endswith(".")):
            break  # a comma, stop or colon after a word ends the phrase there ("Nr." does not)
    phrase = _TRAILING_GLUE.sub("", " " + " ".join(kept).rstrip(" ,;:.!?")).strip(" ,;:.")
    phrase = _ARTICLE.sub("", phrase)
    return phrase if re.search(r"\b[A-ZÄÖÜ]", phrase) else ""


_FIELD = re.compile(r"\b(?:in\s+den\s+Bereichen|im\s+Bereich|auf\s+dem\s+Gebiet\s+(?:der|des)|"
                    r"(?:grundsätzlichen\s+)?Fragen\s+(?:der|des|zu[mr]?))\s+")
_TAIL = re.compile(r"\s*\([^)]*\)|,\s*(?:insbesondere\b|z\.\s?B\.|beispielsweise\b|etwa\b|vor\s+allem\b).*$"
                   r"|\s+in\s+Zusammenarbeit\s+mit\b.*$")


def shorten_item(item: str) -> str:
    """A list item cut to its theme: without parentheses, examples, partners, a leading article, and after
    "in den Bereichen" / "Fragen der" where the item names a field."""
    t = " ".join(item.split()).strip(" ,;.")
    t = _TAIL.sub("", t).strip(" ,;.")
    field = _FIELD.search(t)
    if field and field.end() < len(t):
        t = t[field.end():]
    t = _ARTICLE.sub("", t).strip(" ,;.-–")
    t = re.sub(r"\s+(?:betreffen|betrifft|betreffend|dienen|dient)$", "", t)  # a relative clause's verb
    return t[:1].upper() + t[1:] if t else t
