"""What a person's name looks like in council texts, and the roles, titles and headings that stand beside it:
shared by the persons found in prose and those of attendance lists."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path

from ratsinfo.config import cache_dir, keep_in_cache
from ratsinfo.parsers.nlp.lexicon import (
    FAKER_WIDER_LOCALES,
    faker_first_names,
    lemma_table,
    lexicon_sources,
    stop_words,
)


@cache
def data() -> dict:
    """Roles, abbreviations and list headings, read once from the package's data."""
    return json.loads((resources.files("ratsinfo.parsers.nlp") / "data" / "roles.json").read_text("utf-8"))


@cache
def roles() -> list[str]:
    return sorted(data()["roles"], key=len, reverse=True)


@cache
def role_set() -> frozenset[str]:
    """The roles as a set, for the test whether a word is one."""
    return frozenset(data()["roles"])


@cache
def first_names() -> dict[str, str]:
    """First names and their gender ('f', 'm'): the list written for ratsinfo, widened by the registry names of
    Faker (a council of any region has members whose names no short list holds). A wider name is left out when it
    is shorter than three letters, a name particle ("Van") or also a German word ("Reiner", "Malte"), since a
    first name is what makes two capitalised words a person.

    Kept in the cache folder, named after its sources (Faker's providers, the own list, the lemma table, this
    code): reading some twenty providers and looking up 9,000 names in the lemma table cost about a third of a
    second of CPU in every process that read a name; reading the kept table takes a few milliseconds."""
    kept = cache_dir() / f"first-names-{_sources_key()}.json"
    with contextlib.suppress(OSError, ValueError):
        return json.loads(kept.read_text("utf-8"))
    names = _built_first_names()
    keep_in_cache(kept, lambda tmp: tmp.write_text(json.dumps(names, ensure_ascii=False), "utf-8"))
    return names


def _sources_key() -> str:
    """A short digest of the size and time of every file the first names are built from."""
    here = Path(__file__).resolve().parent
    paths = [here / "names.py", here / "lexicon.py", here / "data" / "first_names.json", *lexicon_sources()]
    stamp = "|".join(f"{p}:{st.st_size}:{st.st_mtime_ns}" for p in paths if (st := _stat(p)))
    return hashlib.sha1(stamp.encode("utf-8")).hexdigest()[:16]


def _stat(path: Path) -> os.stat_result | None:
    try:
        return path.stat()
    except OSError:
        return None


def _built_first_names() -> dict[str, str]:
    raw = json.loads((resources.files("ratsinfo.parsers.nlp") / "data" / "first_names.json").read_text("utf-8"))
    own = {**{n: "m" for n in raw["male"]}, **{n: "f" for n in raw["female"]}}
    words, stop = lemma_table(), stop_words()
    wider = {n: g for source in (faker_first_names(FAKER_WIDER_LOCALES), faker_first_names()) for n, g in source.items()
             if len(n) >= 3 and n.isalpha() and n[0].isupper() and n.lower() not in PARTICLES
             and words.get(n) is None and words.get(n.lower()) is None and n.lower() not in stop}
    return {**wider, **own}


def alternation(words: list[str]) -> str:
    """A pattern matching any of the words, written as a tree of their letters: at each capital of a text it tries
    one branch per letter instead of every word one after the other."""
    tree: dict = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def walk(node: dict) -> str:
        parts = [re.escape(ch) + walk(sub) for ch, sub in sorted(node.items()) if ch]
        if not parts:
            return ""
        body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
        return "(?:" + body + ")?" if "" in node else body
    return walk(tree)


@cache
def _capitalised_word() -> re.Pattern:
    """A word that starts with a capital some first name starts with ("Anna", "Łukasz"), up to its first non-letter:
    the parts of "Karl-Heinz" are two such words."""
    return re.compile("[" + re.escape("".join(sorted({n[0] for n in first_names()}))) + r"][^\W\d_]*")


def names_someone(text: str) -> bool:
    """Whether a known first name stands anywhere in the text: the finders that need one (speakers, names listed in
    prose or surname first) are not run on the many texts without any, which one scan of the text's capitals tells."""
    return not first_names().keys().isdisjoint(_capitalised_word().findall(text))


def gender(name: str) -> str | None:
    """'f' or 'm' when the name's first word is a known first name ("Heike Beispiel"), else None."""
    words = [w for w in name.split() if not w.endswith(".")]
    return first_names().get(words[0].split("-")[0]) if len(words) >= 2 else None


UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÜ"
# a double name may be broken after its hyphen by a PDF's line ("Brusch- Gamm"); the letters of names of any
# language written in Latin letters ("Çelik", "Łukasz", "Kovačević", "Ștefan"), not German's alone
_CAP = r"[A-ZÄÖÜÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽȘȚ]"
_SMALL = r"[a-zäöüßß-öø-ÿ\u0100-\u017f\u0219\u021b]"
NAME_WORD = _CAP + _SMALL + "+(?:-[ \t]?" + _CAP + _SMALL + "+)?"
_TITLE = (r"(?:(?:Dr\.(?:[ \t]?(?:med|phil|rer\.[ \t]?nat|jur|h\.[ \t]?c)\.)?|Prof\.|Dipl\.-?[ \t]?[A-Z][a-z]+\.?"
          r"(?:[ \t]?\((?:FH|TU|Univ\.)\))?|Ing\.|Mag\.|MMag\.|DDr\.|Dkfm\.|DI|OSR)[ \t]+)")
# nobiliary and foreign particles inside a surname ("von Berg", "van der Heyden", "Bartels de Pareja"); which of them
# may stand where is decided by clean_name, since "von der" also names where someone comes from
PARTICLES = ("von", "van", "de", "da", "di", "zu", "der", "den", "ter", "ten", "la", "del")
_PARTICLE = r"(?:(?=[vdztl])(?:von|van|de|da|di|zu|der|den|ter|ten|la|del)[ \t]+){0,2}"  # one test at a capital
NAME = _TITLE + r"*(?:(?:[A-ZÄÖÜ]\.|" + NAME_WORD + r")[ \t]+){0,2}" + _PARTICLE + NAME_WORD
NAME_TOKEN = r"(?:Dr\.[ \t]|Prof\.[ \t])?" + NAME_WORD  # kept for callers of the old pattern
NOT_NAMES = {"Die", "Der", "Das", "Den", "Dem", "Des", "Ein", "Eine", "Im", "In", "Am", "Mit", "Für", "Und",
             "Sitzung", "Stadt", "Landeshauptstadt", "Jahr", "Leitung", "Vertretung", "Herr", "Frau", "Herrn",
             "Polizeidirektion", "Abteilung", "Amt", "Bereich", "Rahmen", "Anwesenden", "Forderungen",
             "Themen", "Vorsitz", "Stadtrat", "Stadträtin", "Bürgermeister", "Bürgermeisterin", "Gemeinde",
             "Verwaltung", "Antrag", "Beschluss", "Bericht", "Sitzungen", "Mitglieder", "Mitglied", "Ausschuss",
             "Rat", "Fraktion", "Kreis", "Landkreis", "Samtgemeinde", "Zusammenarbeit", "Vorschlag", "Fragen",
             "Ende", "Beginn", "Wort", "Seite", "Begrüßung", "Bezirksrat", "Stadtbezirksrat", "Gemeinderat", "Es",
             "Er", "Sie", "Dies", "Diese", "Dieser", "Auch", "Zu", "Von", "Bei", "Nach", "Über", "Als", "Auf",
             "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
             "November", "Dezember", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag",
             "Sonntag", "Anlage", "Tagesordnung", "Protokoll", "Niederschrift", "Abstimmung", "Ja", "Nein",
             "Entschuldigt", "Anwesend", "Abwesend", "Öffentlicher", "Nichtöffentlicher", "Teil", "Dipl", "Ing",
             "Presse", "Polizei", "Firma", "Zeitung", "Fachbereich", "Geschäftsstelle", "Referat", "Stabsstelle",
             "Dezernat", "Fachdienst", "Sachgebiet", "Büro", "Team", "Sehr", "Geehrte", "Geehrter", "Liebe", "Lieber"}
# the fields of an administration's departments: after an office they name its department, not its holder
# ("Fachbereichsleiter Finanzen", "Amtsleiterin Soziales"), and they end a name ("Herr Muster Bauen")
DEPARTMENTS = {"Bau", "Bauen", "Bauwesen", "Hochbau", "Tiefbau", "Stadtplanung", "Stadtentwicklung", "Finanzen",
               "Kämmerei", "Steuern", "Haushalt", "Personal", "Recht", "Ordnung", "Sicherheit", "Soziales", "Jugend",
               "Familie", "Familien", "Senioren", "Schule", "Schulen", "Bildung", "Kultur", "Sport", "Umwelt",
               "Klimaschutz", "Grünflächen", "Verkehr", "Mobilität", "Wirtschaft", "Tourismus", "Liegenschaften",
               "Immobilien", "Gebäudemanagement", "Zentrale", "Bürgerservice", "Bürgerdienste", "Gesundheit",
               "Integration", "Wohnen", "Abfall", "Abwasser", "Feuerwehr", "Friedhöfe", "Digitalisierung", "IT",
               "EDV", "Controlling", "Vergabe", "Beteiligungen", "Stadtwerke", "Natur", "Infrastruktur", "Technik"}
NOT_NAMES |= DEPARTMENTS
_GERMAN_PARTICLES = {"von", "zu", "der", "den"}  # also plain German words: only after a first name or a form of address
_PLACE_WORD = re.compile(r"(?:straße|strasse|weg|platz|allee|gasse|ring|schule|gymnasium|haus|halle|kirche|stiftung|"
                         r"preis|park|brücke|zentrum|agentur|verein|verband)$", re.I)


# offices addressed without a name ("Herr Präsident, meine Damen und Herren")
_ADDRESSED_OFFICES = {"Präsident", "Präsidentin", "Vorsitzender", "Vorsitzende", "Minister", "Ministerin", "Landrat",
                      "Landrätin", "Kollege", "Kollegin", "Abgeordneter", "Abgeordnete", "Direktor", "Direktorin"}
NOUN = re.compile(r"(?:ung|heit|keit|schaft|tion|tät|ismus|wesen)$")
# a word naming a part of the administration ends a name: "Herr Muster Bezirksverwaltungsstelle Nord"
_OFFICE_WORD = re.compile(r"[a-zäöüß](?:stelle|verwaltung|amt|ämter|ausschuss|abteilung|referat|behörde|büro|rat)$|"
                          r"^Bündnis$")  # "Herr Muster Personalrat", "Frau Probe Bündnis 90/Die Grünen"


_LETTERS = re.compile(r"[A-Za-zÄÖÜäöüß]+\n?")
# a hyphen inside a word a PDF broke at its line end ("Ausschuss-vorsitzender")
BROKEN_AT_HYPHEN = re.compile(r"(?<=[a-zäöüß])-(?=[a-zäöüß])")


class _RoleEnding:
    """Tells a word of letters that ends in a role ending ("Fachbereichsleiter", "Ratsherr"), in any case. A test of
    the word's end against the endings, not a pattern of a hundred alternatives, which backtracked through every
    letter of every word it was asked about."""

    def __init__(self, endings: list[str]) -> None:
        self._endings = tuple(sorted({e.lower() for e in endings}))

    def match(self, word: str) -> bool:
        if "-" in word:
            word = BROKEN_AT_HYPHEN.sub("", word)  # "Ausschuss-vorsitzender", broken after its hyphen
        return bool(_LETTERS.fullmatch(word)) and word.rstrip("\n").lower().endswith(self._endings)


@cache
def role_word() -> _RoleEnding:
    return _RoleEnding(data()["role_suffixes"])


@lru_cache(maxsize=16384)
def is_office(word: str) -> bool:
    """Whether a word names an office: a listed role or a word with a role's ending ("Fachbereichsleiter")."""
    return word in role_set() or role_word().match(word)


def first_named(name: str | None) -> bool:
    """Whether a name starts with a known first name (after a title): in running text only such a name is
    taken without a form of address, since a capitalised word pair is as often a noun and its attribute."""
    words = [w for w in (name or "").split() if not w.endswith(".")]
    return len(words) >= 2 and words[0].split("-")[0] in first_names()


DEGREE = _DEGREE = re.compile(r"(?<!\S)(?:Dipl\.-?[ \t]?[A-Z][a-z]+\.?|Ing\.|Mag\.|MMag\.|DDr\.|Dkfm\.|DI|OSR|MA|BA|"
                              r"MSc|BSc|MBA|"
                              r"\((?:FH|TU|Univ\.)\))(?!\S)")


def _particles_end(tokens: list[str], addressed: bool) -> int:
    """Where a name ends that holds a particle: "von" after a word that is no first name is where someone comes
    from ("Herr Muster von der Presse"), not part of the name ("Anna von Berg", "Herr van der Heyden")."""
    for k, t in enumerate(tokens):
        if t in PARTICLES:
            if k == 0:
                if addressed and t not in ("der", "den"):
                    continue
                return 0  # "Bürgermeister von Musterstadt": a place, unless "Herr von Berg" is addressed
            if t not in _GERMAN_PARTICLES or tokens[k - 1] in first_names() or tokens[k - 1] in PARTICLES:
                continue
            return k
    return len(tokens)


@cache
def _label_words() -> frozenset[str]:
    """The first words of the headings of attendance lists ("Sachkundige Einwohner", "Stimmberechtigte Mitglieder",
    "Anwesende"): a list flattened onto one line puts them right after the last name before them."""
    d = data()
    heads = [*d["list_labels"], *d["list_openers"], *d["list_heading_adjectives"]]
    return frozenset(w for w in (h.split()[0] for h in heads) if w[:1].isupper() and w not in first_names())


@lru_cache(maxsize=16384)
def _ends_name(token: str) -> bool:
    """A role, a word that is no name, an office of the administration or a list heading's first word (kept per
    word: words come back)."""
    return bool(role_word().match(token)) or token in NOT_NAMES or bool(_OFFICE_WORD.search(token)) \
        or token in _label_words()


def clean_name(name: str, addressed: bool = False) -> str | None:
    """The name without the words around it that are no name (roles, articles, months), or None. ``addressed``:
    a form of address stands before it, so it may start with a particle ("Herr van der Heyden")."""
    tokens = _DEGREE.sub(" ", name.replace("- ", "-")).split()  # "Dipl.-Ing. (FH)" is no part of the name to match
    if any(t in PARTICLES for t in tokens):
        tokens = tokens[:_particles_end(tokens, addressed)]
        if tokens and (tokens[-1] in PARTICLES or tokens[-1] in NOT_NAMES or _PLACE_WORD.search(tokens[-1])):
            while tokens and tokens[-1] not in PARTICLES:
                tokens.pop()
            while tokens and tokens[-1] in PARTICLES:
                tokens.pop()  # "Frau Beispiel von der Polizei": the name ends before the particle
    for k, t in enumerate(tokens):
        if k > 0 and _ends_name(t):
            tokens = tokens[:k]  # "Herr Muster Fachbereichsleiter Finanzen": the name ends at the role or office
            break
    while tokens and tokens[-1] in NOT_NAMES:
        tokens.pop()
    while tokens and tokens[0] in NOT_NAMES:
        tokens.pop(0)
    if not tokens or all(t.endswith(".") for t in tokens) or NOUN.search(tokens[-1]):
        return None
    if tokens[-1] in data()["plural_roles"] or tokens[-1] in data()["list_labels"]:
        return None  # "Die Gemeinderäte", "Mitglieder": the heading of a list, no name
    if len(tokens) == 1 and (tokens[0] in role_set() or tokens[0] in _ADDRESSED_OFFICES
                             or role_word().match(tokens[0]) and len(tokens[0]) > 9):
        return None  # "Sehr geehrter Herr Oberbürgermeister": an office, no name
    name = " ".join(tokens)
    return name if len(name.replace("Dr.", "").strip()) >= 3 else None


