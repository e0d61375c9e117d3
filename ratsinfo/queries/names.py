"""Find the organizations a user means: by name, alias, abbreviation or inflected form
("Führungsstabes", "des Lenkungsgremiums", "Sicherheitskonferenzen", "KPR")."""

from __future__ import annotations

import re

import duckdb

from ratsinfo.parsers.nlp.org_heads import canonical_key, data
from ratsinfo.warehouse import reads

_ENDINGS = re.compile(r"(?:es|s|en|n|e|er|em)$")


def _word_stem(word: str) -> str:
    w = word.casefold()
    stem = _ENDINGS.sub("", w) if len(w) > 5 else w
    return stem


def name_stem(name: str) -> str:
    """Inflection-blind form: 'Kommunalen Präventionsrats' and 'Kommunaler Präventionsrat' agree."""
    key = canonical_key(name)
    if ":" in key:  # working groups: word sets already
        return key
    adjectives = data()["adjectives"]
    words = []
    for w in re.findall(r"[\wäöüß\-/]+", key):
        if w in ("des", "der", "die", "das", "dem", "den"):
            continue
        stem = _word_stem(w)
        words.append(re.sub(r"(?:e|er|en|em|es)$", "", w) if re.sub(r"(?:e|er|en|em|es)$", "", w) in adjectives
                     else stem)
    return " ".join(words)


def resolve(con: duckdb.DuckDBPyConnection, text: str) -> list[tuple[str, str]]:
    """(key, name) of every organization whose name, alias or abbreviation the text means."""
    wanted = text.strip()
    if not wanted:
        return []
    want_stem = name_stem(wanted)
    exact, stemmed = [], []
    for key, name, aliases, abbreviation in reads.organizations(con):
        names = [name, *(aliases or [])]
        same = abbreviation and abbreviation.casefold() == wanted.casefold()
        if same or any(n.casefold() == wanted.casefold() for n in names):
            exact.append((key, name))
        elif any(name_stem(n) == want_stem for n in names):
            stemmed.append((key, name))
    return exact or stemmed
