"""Find the organizations a user means: by name, alias, abbreviation or inflected form
("Führungsstabes", "des Lenkungsgremiums", "Sicherheitskonferenzen", "KPR")."""

from __future__ import annotations

import re
from dataclasses import dataclass

import duckdb

from ratsinfo.parsers.nlp.org_heads import canonical_key, data
from ratsinfo.queries import kept
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
    found = kept.current()
    if found is not None:
        return found.directory(con).resolve(text)
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


_COUNCIL_PREFIX = re.compile(
    r"^(landeshauptstadt|hansestadt|kreisstadt|universitaetsstadt|stadt|gemeinde|markt|marktgemeinde)-")


def council_slug(text: str) -> str:
    """The SQL macro council_slug in Python: lower case, umlauts spelled out, words joined by '-'."""
    t = text.lower().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    return re.sub(r"[^a-z0-9]+", "-", t).strip("-")


def slug_matches(have_slug: str, want: str) -> bool:
    """The SQL macro council_matches in Python, given the slug of the council on record: "Musterstadt",
    "Stadt Musterstadt" and "musterstadt" mean the council "Stadt Musterstadt"."""
    wanted = council_slug(want)
    bare = _COUNCIL_PREFIX.sub("", wanted, count=1)
    return (have_slug in (bare, wanted) or have_slug.endswith("-" + bare)
            or f"-{bare}-" in have_slug)


@dataclass(frozen=True)
class Directory:
    """A snapshot's organizations (with the inflection-blind forms of their names) and councils, read once:
    naming a body or a council in a question then costs no statement and no stemming of every name."""

    organizations: tuple[tuple[str, str, frozenset[str], frozenset[str], str | None], ...]
    council_of: dict[str, str | None]
    slug_of: dict[str, str]

    @classmethod
    def read(cls, con: duckdb.DuckDBPyConnection) -> Directory:
        orgs = []
        for key, name, aliases, abbreviation in reads.organizations(con):
            names = [name, *(aliases or [])]
            orgs.append((key, name, frozenset(n.casefold() for n in names), frozenset(name_stem(n) for n in names),
                         abbreviation.casefold() if abbreviation else None))
        council_of, slug_of = {}, {}
        for key, council, slug in reads.council_directory(con):
            council_of[key] = council
            if council is not None:
                slug_of[council] = slug
        return cls(tuple(orgs), council_of, slug_of)

    def resolve(self, text: str) -> list[tuple[str, str]]:
        wanted = text.strip()
        if not wanted:
            return []
        folded, want_stem = wanted.casefold(), name_stem(wanted)
        exact = [(k, n) for k, n, names, _s, abbr in self.organizations if abbr == folded or folded in names]
        return exact or [(k, n) for k, n, _names, stems, _a in self.organizations if want_stem in stems]

    def council_matches(self, have: str | None, want: str) -> bool:
        if have is None:
            return False
        return slug_matches(self.slug_of.get(have) or council_slug(have), want)

    def councils_matching(self, text: str) -> list[str]:
        return sorted(c for c, slug in self.slug_of.items() if slug_matches(slug, text))


def councils_matching(con: duckdb.DuckDBPyConnection, text: str) -> list[str]:
    """The councils on record that a place name means ("Musterstadt", "Stadt Musterstadt")."""
    found = kept.current()
    return found.directory(con).councils_matching(text) if found else reads.councils_matching(con, text)


def organization_councils(con: duckdb.DuckDBPyConnection, keys: list[str]) -> dict[str, str | None]:
    """The council of each organization key."""
    found = kept.current()
    if found is None:
        return reads.organization_councils(con, keys)
    council_of = found.directory(con).council_of
    return {k: council_of[k] for k in keys if k in council_of}
