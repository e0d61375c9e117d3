"""Persons with role and organisation as minutes and papers name them: "Ordnungsbürgermeister Heiko
Rosenthal", "Frau Erste Stadträtin Dr. Keller", "Herrn Friehe, Geschäftsführer des Präventionsrates",
"Bezirksratsherr Drenske (SPD)", role abbreviations ("BM Huber", "Vors. Wahlers", "EStR Willems"),
"Herr Fehmer" without a role, and attendance lists under headings ("Mitglieder", "Verwaltung:"); the office
before a comma ("der Bürgermeister, Herr Huber,"), in brackets after the name, after "als", before "wurde",
a plural office shared by the names after it ("Gemeinderäte Anna Beispiel, Jonas Muster"), and signatures.

Sentences give offices too: "Vorsitzende des Beirats ist Anna Beispiel", "... als Kassenwartin", "hat das Amt der
Schriftführerin übernommen", "Zur Schriftführerin wurde ... gewählt", "Anna Beispiel, Leiterin der Fachgruppe,", and
a full name with its party in brackets is a councillor whose office is not said. In running text these want a known
first name; "der Gemeinderat Musterdorf" is a body, not a person.

A person named with two roles ("Vorsitzender, Ratsherr Ady") gets one fact per role.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from ratsinfo.parsers.nlp.attendance import _PARTY as _PARTY_NAME
from ratsinfo.parsers.nlp.attendance import listed_persons
from ratsinfo.parsers.nlp.attendance import plausible as _plausible
from ratsinfo.parsers.nlp.context import Context
from ratsinfo.parsers.nlp.enumerations import enumerated_persons
from ratsinfo.parsers.nlp.names import (
    BROKEN_AT_HYPHEN,
    NAME,
    NAME_TOKEN,
    NAME_WORD,
    NOT_NAMES,
    NOUN,
    PARTICLES,
    UPPER,
    alternation,
    clean_name,
    data,
    first_named,
    first_names,
    gender,
    is_office,
    names_someone,
    role_word,
    roles,
)
from ratsinfo.parsers.nlp.signatures import signed_persons
from ratsinfo.parsers.nlp.speakers import speaking_persons
from ratsinfo.parsers.nlp.surname_first import surname_first_runs

_data, _roles, _clean_name, _role_word, _NAME_WORD = data, roles, clean_name, role_word, NAME_WORD
__all__ = ["NAME", "NAME_TOKEN", "NOT_NAMES", "FoundPerson", "find_persons"]


@dataclass
class FoundPerson:
    name: str
    role: str | None
    org_key: str | None
    start: int
    end: int
    text: str


@cache
def _patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    data = _data()
    roles = "|".join(re.escape(r) for r in _roles())
    suffixes = "|".join(sorted(data["role_suffixes"], key=len, reverse=True))
    roles += "|" + "|".join(sorted((r.capitalize() for r in data["role_suffixes"]), key=len, reverse=True))
    roles = "|".join(sorted(data["plural_roles"], key=len, reverse=True)) + "|" + roles
    mods = "|".join(re.escape(m) for m in sorted(data["role_modifiers"], key=len, reverse=True))
    # a capitalised word ending in a role suffix ("Fachbereichsleiter"): the whole word, then one look back per
    # length of suffix. A blank must follow the role, so only the word's end could ever match; trying every
    # suffix at every letter of every capitalised word cost more than the rest of the pattern.
    by_length: dict[int, list[str]] = {}
    for suffix in data["role_suffixes"]:
        by_length.setdefault(len(suffix), []).append(suffix)
    ending = "|".join("(?<=" + "|".join(sorted(group)) + ")" for _n, group in sorted(by_length.items()))
    # the words as a tree of their letters: at each capital one branch per letter is tried, not every word in turn
    trie_roles = alternation([*data["plural_roles"], *_roles(), *(r.capitalize() for r in data["role_suffixes"])])
    role = (r"(?:" + alternation(list(data["role_modifiers"])) + r"[ \t]+){0,2}(?:" + trie_roles
            + r"|[A-ZÄÖÜ][a-zäöüß]*+(?:-[a-zäöüß]++)?(?=[ \t]+[A-ZÄÖÜ])(?:" + ending + r")|(?<![\w.])"
            + alternation(list(data["abbreviations"])) + r")")  # a name or an office starts with a capital
    # a match starts with the honorific, a modifier, a role, a capital or an abbreviation: the lookahead turns
    # every other position away with one test instead of trying each of the hundred roles there (a word that
    # starts in lower case or with a digit, "stellv.", "1.", is looked for by its first four characters)
    words = (*data["role_modifiers"], *_roles(), *data["abbreviations"],
             *(w.capitalize() for w in data["role_suffixes"]))
    capitals = {"H", "F", *UPPER, *(w[:1] for w in words if w[:1].isupper())}
    others = sorted({re.escape(w[:4]) for w in words if w[:1] not in capitals})
    first = "(?=[" + "".join(re.escape(c) for c in sorted(capitals)) + "]" + "".join("|" + w for w in others) + ")"
    before = re.compile(first + r"(?:(?P<hon>Herrn?|Frau)[ \t]+)?(?P<role>" + role + r")(?:[ \t]+(?P<role2>" + role
                        + r"))?[ \t]+(?P<name>" + NAME + r")(?![\w-])")
    # no word of the name is the next form of address: "Frau Anna Beispiel Frau Clara Muster" (a list flattened onto
    # one line) is two persons
    unaddressed = NAME.replace(_NAME_WORD, r"(?!(?:Herrn?|Frau)(?![\w-]))" + _NAME_WORD)
    honorific = re.compile(r"(?<![\w-])(?P<hon>Herrn?|Frau|Hr\.|Fr\.)[ \t]*(?P<name>" + unaddressed + r")(?![\w-])")
    apposition = re.compile(r"^,\s+(?P<role>(?:(?:" + mods + r")[ \t]+)?(?:" + roles + r"|[A-ZÄÖÜ][a-zäöüß]*(?:"
                            + suffixes + r")|[a-zäöüß]+[ \t]+[A-ZÄÖÜ][a-zäöüß]*(?:" + suffixes + r")))")
    role_after = re.compile(r"^[ \t]+(?P<role>[A-ZÄÖÜ][a-zäöüß]*(?:" + suffixes + r"))\b")
    return before, honorific, apposition, role_after


_DEPUTY = re.compile(r"^(?:[Ss]tellv\.|[Ss]tv\.|[Ss]tellvertr\.)[ \t]*(?=[A-ZÄÖÜ])")


# an office named by what is held, in brackets after the name: "Anna Beispiel (Vorsitz)"
_HELD = {"Vorsitz"}


@cache
def _expand(role: str) -> str:
    """The role written out: abbreviations ("BM", "stellv."), a plural before several names in the singular."""
    abbr, plural = _data()["abbreviations"], _data()["plural_roles"]
    role = _DEPUTY.sub("stellv. ", role.strip())  # "Stellv.Fraktionsvorsitzender"
    role = BROKEN_AT_HYPHEN.sub("", role)  # "Ausschuss-vorsitzender": a word a PDF's line broke after its hyphen
    words = [plural.get(w, w) for w in role.split()]
    words = [abbr.get(w, w) for w in words]
    for k, w in enumerate(words):
        if w in ("stellv.", "Stellv.", "stv.", "Stv.", "stellvertr.", "stellvertretender", "stellvertretende") \
                and k + 1 < len(words):
            noun = words[k + 1]
            words[k] = "stellvertretende" if noun.endswith(("in", "e")) else "stellvertretender"
    return re.sub(r"\b(Ratsherr)n\b", r"\1", " ".join(words))


def _party_member(name: str, text: str, end: int) -> str | None:
    """'Bezirksratsherr Amelung (CDU)': a surname that looks like a noun ("-ung") is a name when the
    role stands before it and the party after it."""
    if " " not in name.strip() and NOUN.search(name) and re.match(r"\)?[ \t]*\([A-ZÄÖÜ][^()\n]{0,25}\)", text[end:]):
        return name.strip()
    return None


# "Frau Beispiel (Vorsitzende des Jugendhilfeausschusses) berichtet": the office in brackets after the name
_BRACKETED = re.compile(r"[ \t]*\((?P<role>(?:(?:stellvertretende[r]?|stellv\.|[Ee]rste[r]?|\d\.)[ \t]+)?"
                        r"[A-ZÄÖÜ][a-zäöüß]+)(?:[ \t]+(?:der|des|im|für)[ \t][^()\n]{0,60})?\)")


# offices that are also the names of bodies: "der Gemeinderat Musterdorf" is the council of a place
_BODY_OFFICES = ("Gemeinderat", "Stadtrat", "Ortschaftsrat", "Ortsrat", "Kreisrat", "Bezirksrat", "Stadtbezirksrat")
_ARTICLE_BEFORE = re.compile(r"(?:^|[\s(])(?:[Dd]er|[Dd]es|[Dd]em|[Dd]en)[ \t]+$")


def _a_body(m: re.Match, name: str, text: str) -> bool:
    """Whether an office before a name is a body and the name a place or a party: "der Gemeinderat Musterdorf hat",
    "Sprecherin Gruppe Nord", "Landrat Kreis Musterland"; a surname alone after "der Stadtrat" is read as a place."""
    first = m.group("name").split()[0]
    if first in NOT_NAMES and first not in ("Herr", "Herrn", "Frau") or not _plausible(name):
        return True
    role = m.group("role2") or m.group("role")
    return role in _BODY_OFFICES and " " not in name and not m.group("hon") \
        and _ARTICLE_BEFORE.search(text, max(0, m.start() - 5), m.start()) is not None \
        and not text.startswith("(", m.end()) and not text.startswith(" (", m.end())  # "der Stadtrat Muster (SPD)"


_OWNER = re.compile(r"(?<![\w-])(?:Herrn?|Frau)[ \t]+" + NAME + r",?[ \t]+$")


def find_persons(ctx: Context) -> list[FoundPerson]:
    """Persons in text order, one per name and role; a later mention by surname only is the same person."""
    text = ctx.text
    before, honorific, apposition, role_after = _patterns()
    found: list[tuple[int, int, str, str | None, str]] = []  # start, end, name, role, matched text
    covered: list[tuple[int, int]] = []
    places = {m.display.split()[-1] for m in ctx.mentions}
    for m in before.finditer(text):
        if _OWNER.search(text, max(0, m.start() - 60), m.start()):
            continue  # "Herr Muster Fachbereichsleiter Bau": the role is Muster's, "Bau" is his department
        name = _clean_name(m.group("name")) or _party_member(m.group("name"), text, m.end())
        if name is None or name.split()[-1] in places and len(name.split()) == 1 or _a_body(m, name, text):
            continue
        found.append((m.start(), m.end(), name, m.group("role"), m.group(0)))  # written out below
        if m.group("role2") and not m.group("role2").startswith(("Dr", "Prof")):
            found.append((m.start(), m.end(), name, m.group("role2"), m.group(0)))
        covered.append((m.start(), m.end()))
    run: tuple[str | None, int] = (None, 0)  # the label of a list flattened onto one line, and where its last name ends
    for m in honorific.finditer(text) if "Herr" in text or "Frau" in text or "Hr." in text or "Fr." in text else ():
        if any(a <= m.start("name") < b for a, b in covered):
            continue
        name = _clean_name(m.group("name"), addressed=True)
        if name is None:
            continue
        name = _one_surname(name)
        name_end = m.start("name") + m.group("name").find(name.split()[-1]) + len(name.split()[-1])
        rest = text[name_end:name_end + 120]
        app = apposition.match(rest) or role_after.match(rest) or _BRACKETED.match(rest)
        if app and app.re is _BRACKETED and not is_office(app.group("role").split()[-1]) \
                and app.group("role").split()[-1] not in _HELD:
            app = None
        role = app.group("role") if app else None
        end = name_end + (app.end() if app else 0)
        if app is None and (among := _office_among(rest)):
            role, end = among[0], name_end + among[1]  # "Herr Muster (Klimaschutz und Schriftführer)"
        run = _list_run(text, m.start(), run)
        found.append((m.start(), end, name, role or run[0], text[m.start():end]))
        run = (run[0], end)
    found += listed_persons(text)
    found += _prose_roles(text)
    found += _offices_in_sentences(text)
    found += _named_after_office(text)
    found += signed_persons(text, covered + [(f[0], f[1]) for f in found if f[3]])
    found += _shared_roles(text, found)
    found += _flat_lists(text)
    found += _chairs(text)
    found += _addressed_many(text)
    found += _ditto_rows(text, found)
    found += _as_roles(text, found)
    if names_someone(text):  # each of these needs a known first name
        found += speaking_persons(text)
        found += enumerated_persons(text)
        found += surname_first_runs(text)
    found = [f for f in found if not _cut_off(text, f[0], f[1])]
    found = [(a, b, name, _written_out(r, name, t), t) for a, b, name, role, t in found for r in _each_role(role)]
    found.sort(key=lambda f: f[0])
    return _merge(ctx, found)


Found = tuple[int, int, str, str | None, str]
_PARTY_GAP = re.compile(r"[ \t]*(?:\([^()\n]{1,30}\)|[A-ZÄÖÜ0-9][A-ZÄÖÜ0-9/&.\- ]{1,20})?[ \t]*")


def _list_run(text: str, start: int, run: tuple[str | None, int]) -> tuple[str | None, int]:
    """The label a name of a list flattened onto one line stands under ("Verwaltung Herr Anna Beispiel Frau Clara
    Muster"): a label just before the form of address opens a run, a name right after the last one (a party between
    them at most) goes on with it."""
    words = text[max(0, start - 40):start].replace(":", " ").split()[-2:]
    for label in (" ".join(words), words[-1] if words else ""):  # "Von der Verwaltung", "Verwaltung"
        if _list_labels().get(label):
            return _list_labels()[label], start
    if run[0] and _PARTY_GAP.fullmatch(text, run[1], start):
        return run
    return None, start


@cache
def _list_labels() -> dict[str, str | None]:
    from ratsinfo.parsers.nlp.attendance import _labels
    return _labels()


# "Bürgermeister Anna Beispiel als Vorsitzende", "Frau Muster als Schriftführerin", "Herrn Probe, als Vertreter der SPD"
_AS = re.compile(r"(?:[ \t]*\([^()\n]{0,40}\))?,?[ \t]+als[ \t]+(?P<role>(?:(?:stellvertretende[rn]?|beratende[sr]?|"
                 r"neue[rs]?)[ \t]+)?[A-ZÄÖÜ][a-zäöüß]+)\b")
_AS_WORDS = {"Vertretung": "Vertretung",
             "Gast": "Gast", "Gäste": "Gast", "Zuhörer": "Zuhörer", "Zuhörerin": "Zuhörerin", "Sachverständiger":
             "Sachverständiger", "Sachverständige": "Sachverständige", "Stellvertreter": "Stellvertreter",
             "Stellvertreterin": "Stellvertreterin"}


def _as_roles(text: str, found: list[Found]) -> list[Found]:
    """A second role given after a name with "als": "Bürgermeister Anna Beispiel als Vorsitzende"."""
    out: list[Found] = []
    if " als " not in text:
        return out
    for start, end, name, _role, _t in found:
        m = _AS.match(text, end, min(len(text), end + 70))
        if not m or _NAME_NEXT.match(text, m.end()):
            continue  # "Als Sprecher wurde Anna Beispiel, als Vertreter Jonas Muster gewählt": the role is Muster's
        word = m.group("role").split()[-1]
        if word in _AS_WORDS or is_office(word):
            out.append((start, m.end(), name, _nominative(_AS_WORDS.get(word, m.group("role"))), text[start:m.end()]))
    return out


_NAME_NEXT = re.compile(r"[ \t]+(?:Herrn?[ \t]|Frau[ \t]|Dr\.|(?!(?:Die|Der|Das|Den|Dem)[ \t])[A-ZÄÖÜ][a-zäöüß]+[ \t]+"
                        r"[A-ZÄÖÜ][a-zäöüß]+\b"
                        r"(?![ \t]+(?:der|des)\b))")
# "die Bürgermeisterin der Stadt, Frau Anna Beispiel", "Der Vorsitzende, Kreistagsabgeordneter Muster,": the office
# named with its article, then after a comma the person (with a form of address, a second office or a first name)
_OFFICE_TAIL = (r"[ \t]+(?P<role>(?:(?:\d\.|stellvertretende[r]?|stellv\.|[Ee]rste[r]?|[Zz]weite[r]?)[ \t]+){0,2}"
                r"[A-ZÄÖÜ][a-zäöüß]+)(?:[ \t]+(?:der|des)[ \t]+[A-ZÄÖÜ][\w-]*(?:[ \t]+[A-ZÄÖÜ][\w-]*)?)?,[ \t]+"
                r"(?:(?P<hon>Herrn?|Frau)[ \t]+)?(?:(?P<role2>[A-ZÄÖÜ][A-Za-zäöüß]*\.?)[ \t]+)?(?P<name>" + NAME
                + r")(?![\w-])")
_OFFICE_COMMA = re.compile(r"(?P<art>[Dd]er|[Dd]ie|[Dd]e[nm])" + _OFFICE_TAIL)
# possessives are rare: a text without them is not searched for them ("an ihren Stellvertreter, Herrn Muster")
_OFFICE_COMMA_OWN = re.compile(r"(?P<art>(?:[Ii]hre|[Ss]eine)[nm])" + _OFFICE_TAIL)


_FIRST_WORD = re.compile(r"[A-ZÄÖÜ][A-Za-zäöüß]*\.?")


def _person_follows(text: str, pos: int) -> bool:
    """Whether the word after a comma may open a person as the office-comma pattern reads one: a form of address,
    a title, an office or a first name (most commas before a capital lead to a noun)."""
    m = _FIRST_WORD.match(text, pos)
    return m is not None and _opens_person(m.group(0))


@lru_cache(maxsize=16384)
def _opens_person(w: str) -> bool:
    return w in ("Herr", "Herrn", "Frau", "Dr.", "Prof.") or w.split("-")[0] in first_names() or is_office(w) \
        or w in _data()["abbreviations"]


def _named_after_office(text: str) -> list[Found]:
    """The office before a comma and the person after it: "der Bürgermeister, Herr Anna Beispiel,"."""
    out: list[Found] = []
    if ", " not in text:
        return out
    own = " ihre" in text or " seine" in text
    for m in [*_near(_OFFICE_COMMA, text, (", ",), 100, 60, True, _person_follows),
              *(_near(_OFFICE_COMMA_OWN, text, (", ",), 100, 60, True, _person_follows) if own else ())]:
        if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] == "-"):
            continue  # "oder", "Studie": the article is the end of a word (tested here: the search runs faster)
        word = m.group("role").split()[-1]
        if not is_office(word):
            continue
        raw, role2 = m.group("name"), m.group("role2")
        office2 = role2 and (is_office(role2) or role2 in _data()["abbreviations"])
        if role2 and not office2:
            raw = role2 + " " + raw  # no second office: the word is the first name or a title
        name = _clean_name(raw, addressed=bool(m.group("hon")))
        if not name or not (m.group("hon") or office2 or name.split()[0] in first_names() or name.startswith("Dr.")):
            continue
        role = m.group("role")
        if m.group("art") in ("Der", "der") and role.endswith("e") and not role.endswith("ste"):
            role += "r"  # "Der Vorsitzende" is "Vorsitzender"
        out.append((m.start(), m.end(), name, role, m.group(0)))
    return out


# after "Ortsvorsteher Anna Beispiel": "und Jonas Muster", ", Dr. Clara Probe ab TOP 4" share the role
_NEXT = re.compile(r"(?:[ \t]*\([^()\n]{0,30}\))?(?:[ \t]+ab[ \t]+TOP[ \t]*[\d.]+)?(?:[ \t]*,[ \t]*|[ \t]+und[ \t]+)"
                   r"(?P<name>(?:(?:Dr\.|Prof\.)[ \t]+)?" + NAME_WORD + r"(?:[ \t]+" + NAME_WORD + r")?[ \t]+"
                   + NAME_WORD + r")(?![\w-])")


# "die Ratsmitglieder Beispiel, Muster und Probe": after a plural office, surnames alone
_NEXT_ONE = re.compile(r"(?:[ \t]*,[ \t]*|[ \t]+und[ \t]+)(?P<name>(?:[A-ZÄÖÜ]\.(?:-[A-ZÄÖÜ]\.)?[ \t]?)?" + NAME_WORD
                       + r")(?![\w-])")  # "Anders, H.-J. Muster und Probe"


def _shared_roles(text: str, found: list[Found]) -> list[Found]:
    """Full names following a named role holder one after the other share the role ("Gemeinderäte Anna Beispiel,
    Dr. Jonas Muster"): only a name whose first word is a known first name and that has no role of its own."""
    out: list[Found] = []
    starts = {f[0] for f in found if f[3]}  # a name read without a role may still take the role of the one before
    plural = _data()["plural_roles"]
    for start, end, _name, role, matched in found:
        if not role or not any(w in plural for w in matched.split()[:3]) or "\n" in text[start:end]:
            continue  # "Bürgermeister Anna Beispiel und Jonas Muster": Muster is no mayor
        pos = end
        many = any(w.endswith(("räte", "glieder", "herren")) for w in matched.split()[:3])  # a plural for sure
        while True:
            m = _NEXT.match(text, pos, min(len(text), pos + 90)) or (
                _NEXT_ONE.match(text, pos, min(len(text), pos + 60)) if many else None)
            if not m or m.start("name") in starts:
                break
            words = [w for w in m.group("name").split() if not w.endswith(".")]
            name = _clean_name(m.group("name"))
            if name is None or name != m.group("name") or not _plausible(name) or (
                    words[0] not in first_names() and not many):
                break
            out.append((m.start("name"), m.end(), name, role, m.group("name")))
            pos = m.end()
    return out


# a heading inside a line, then its names one after the other ("... Die Gemeinderäte: Anna Beispiel Dr. Jonas Muster
# Die Gemeindevertreter: ..."): an attendance list whose line breaks a PDF's text layer lost
_GENDERED = re.compile(r"(?:Innen|/-?innen|\*innen|:innen|_innen|\(innen\))$")
_TITLE_WORD = re.compile(r"(?:Dr\.|Prof\.|Ing\.|Mag\.|Dipl\.-?[ \t]?[A-Z][a-z]+\.|DI|DDr\.|MMag\.)$")
_CAPITAL_WORD = re.compile(r"[ \t]*(?:,[ \t]*|[ \t]und[ \t]+)?([A-ZÄÖÜ][\w.-]*)")


@lru_cache(maxsize=4096)
def _flat_head_role(head: str) -> str | None:
    """The role a heading gives its names: a plural office ("Gemeinderäte", "GemeindevertreterInnen") or a list label
    with a role ("Mitglieder", "Gäste"); None for a heading without one ("Anwesend")."""
    word = _GENDERED.sub("", head)
    if word in _data()["plural_roles"]:
        return word
    return _list_labels().get(word)


def _flat_heads(text: str) -> Iterator[tuple[str, int]]:
    """The headings with a role inside the lines of a text ("... Die Gemeinderäte: Anna ..."), and where their names
    start: found at each colon followed by a blank and a capital, the words before it looked up (no pattern is tried
    at every capital of the text)."""
    at = text.find(": ")
    while at != -1:
        after = at + 2
        if after < len(text) and text[after].isupper():
            words = text[max(0, at - 60):at].split()
            for n in (1, 2, 3):  # "Gemeinderäte", "Beratende Mitglieder", "Vertreter der Verwaltung"
                if len(words) >= n:
                    role = _flat_head_role(" ".join(words[-n:]))
                    if role is not None:
                        yield role, after
                        break
        at = text.find(": ", at + 2)


def _flat_lists(text: str) -> list[Found]:
    """Names after a heading inside a line, each a known first name and a surname (titles before it): the names of a
    list flattened onto one line share its role. The run ends at the first words that are no such name."""
    out: list[Found] = []
    names = first_names()
    for role, pos in _flat_heads(text):
        while True:
            words: list[tuple[int, int, str]] = []  # the next capitalised words, up to four of them
            at = pos
            while len(words) < 5:
                w = _CAPITAL_WORD.match(text, at)
                if not w or "\n" in text[at:w.start(1)] or (words and w.start(1) != w.start() + 1
                                                             and text[at:w.start(1)].strip(" \t")):
                    break
                words.append((w.start(1), w.end(1), w.group(1)))
                at = w.end(1)
            k = 0
            while k < len(words) and _TITLE_WORD.match(words[k][2]):
                k += 1  # "Mag. Anna Beispiel", "DI Jonas Muster"
            if k + 1 >= len(words) or words[k][2].split("-")[0] not in names:
                break
            # a second first name when a word that is no first name follows it: "Hans Peter Beispiel"
            size = 3 if k + 2 < len(words) and words[k + 1][2] in names and words[k + 2][2] not in names else 2
            parts = [w[2] for w in words[k:k + size]]
            start, end = words[0][0], words[k + size - 1][1]
            if len(parts[-1]) > 2 and parts[-1].endswith("."):
                parts[-1], end = parts[-1][:-1], end - 1  # the full stop after the list's last name
            name = _clean_name(" ".join(parts))
            if name != " ".join(parts) or not _plausible(name) or is_office(parts[-1]):
                break
            out.append((start, end, name, role, text[start:end]))
            pos = end
    return out


# a row of a table whose office cell repeats the one above by ditto marks: '4.)   "   "   Anna Beispiel'
_DITTO_ROW = re.compile(r"^[ \t]*(?:\d{1,3}[.)]+[ \t]*)?(?:(?:[\"“”„〃]|\'\'|-\"-|dto\.|ditto)[ \t]*){1,3}[ \t]{2,}"
                        r"(?P<name>" + NAME + r")[ \t]*(?:\([^()\n]{0,60}\))?[ \t]*$", re.M)


def _ditto_rows(text: str, found: list[Found]) -> list[Found]:
    """Rows whose office is given by ditto marks take the office of the row above ("Gemeinderat Anna Beispiel" /
    '"   Jonas Muster'), and so on down a run of such rows."""
    out: list[Found] = []
    if '"' not in text and "“" not in text and "〃" not in text and "dto." not in text:
        return out
    roled = sorted((f[0], f[3]) for f in found if f[3])
    for m in _DITTO_ROW.finditer(text):
        line_start = m.start()
        above = [r for a, r in roled if a < line_start]
        if not above:
            continue
        name = _clean_name(m.group("name"))
        if not name or not _plausible(name):
            continue
        role = above[-1]
        out.append((m.start("name"), m.end("name"), name, role, m.group("name")))
        roled.append((m.start("name"), role))
        roled.sort()
    return out


def _one_surname(name: str) -> str:
    """After a form of address, three words or more of which the first is no known first name are the surnames of a
    list flattened onto one line ("Herr Andersen Aslan Herdt"): the first of them is the one addressed."""
    words = name.split()
    plain = [w for w in words if not w.endswith(".")]
    if len(plain) >= 3 and plain[0].split("-")[0] not in first_names() and not any(w in PARTICLES for w in plain) \
            and words[0] == plain[0]:
        return words[0]
    return name


_FEMININE = {"Stadtrat": "Stadträtin", "Gemeinderat": "Gemeinderätin", "Kreisrat": "Kreisrätin", "Ratsherr": "Ratsfrau",
             "Landrat": "Landrätin", "Verwaltungsbeamter": "Verwaltungsbeamtin"}


def _written_out(role: str | None, name: str, matched: str) -> str | None:
    """The role written out; an abbreviation or a plural before a woman's name in the feminine ("BM Anna Beispiel"
    is Bürgermeisterin, and so is Anna Beispiel among "Gemeinderäte Jonas Muster, Anna Beispiel"): the short form
    and the plural say nothing of gender, her first name or "Frau" does."""
    if not role:
        return None
    out = _expand(role)
    neutral = {**_data()["abbreviations"], **_data()["plural_roles"]}
    if any(w in neutral for w in role.split()) and (gender(name) == "f" or matched.startswith("Frau ")):
        words = out.split()
        last = words[-1]
        words[-1] = _FEMININE.get(last) or (last + "in" if last.endswith(("er", "or", "ent", "ant")) else last)
        out = " ".join(words)
        out = re.sub(r"\b(stellvertretend|[Ll]eitend)er\b", r"\1e", out)
    return _agreeing(out, name, "f" if matched.startswith(("Frau ", "Fr. ")) else None)


# offices that are adjectives as nouns: "Beigeordnete" heads a list of men and women alike
_ADJECTIVAL = re.compile(r"(?:ordnete|sitzende|beauftragte|angestellte)r?$")


_AGREEING_WORDS = ("stellvertretende", "erste", "zweite", "dritte", "neue", "kommissarische", "geschäftsführende")


def _agreeing(role: str, name: str, addressed: str | None = None) -> str:
    """'Beigeordnete' before a man's name is 'Beigeordneter', 'Vorsitzender' before a woman's 'Vorsitzende' (her first
    name or "Frau" tells)."""
    if not _ADJECTIVAL.search(role):
        return role
    g = gender(name) or addressed
    if g not in ("m", "f"):
        return role
    # every adjective of the office agrees, not the last word alone: "stellvertretende Vorsitzende" for a woman
    words = role.split()
    for i, w in enumerate(words):
        if i == len(words) - 1 or w.lower().rstrip("r").endswith(_AGREEING_WORDS):
            if g == "m" and w.endswith("e"):
                words[i] = w + "r"
            elif g == "f" and w.endswith("er"):
                words[i] = w[:-1]
    return " ".join(words)


def _each_role(role: str | None) -> list[str | None]:
    """"Verwaltung/Protokollführer" is two roles; "Schriftführer/in" and "Vertreter/-in" are one."""
    parts = role.split("/") if role else []
    if len(parts) == 2 and all(re.fullmatch(r"[A-ZÄÖÜ][a-zäöüß]{3,}", p.strip()) for p in parts):
        return [p.strip() for p in parts]
    return [role]


def _cut_off(text: str, start: int, end: int) -> bool:
    """Whether a name is the last word of an excerpt cut off in mid-sentence ("(Vorsitzender Beisp"): its words
    may be cut off too."""
    rest = text[end:].strip()
    if rest:
        return len(rest) <= 3 and rest.isalpha()  # "Gemeinderat Anna S": a letter of the name is all that is left
    line = text[text.rfind("\n", 0, start) + 1:end]
    return line.count("(") > line.count(")") or len(text[text.rfind("\n", 0, start) + 1:start].split()) > 2


# "Die (anwesenden) Mitglieder des Seniorenbeirates (SB) Anna Beispiel, Bernd Muster und Clara Probe", "die drei
# Mitglieder des Vorstands wurden im Mai bestätigt: Anna Beispiel, Bernd Muster und Clara Probe"
_MEMBERS = re.compile(r"\b[Mm]itglieder\s+(?:des|der)\s+[^,.;:\n]{3,80}?(?::\s*|\s+)(?:\([^)]{1,20}\)\s+)?"
                      r"(?P<names>" + NAME + r"(?:\s*,\s*" + NAME + r")*\s+und\s+" + NAME + r")")
# "Herr Muster von der CDU-Fraktion", "Frau Probe von der Fraktion Die Grünen"
_OF_FACTION = re.compile(r"(?<![\w-])(?:Herrn?|Frau)[ \t]+(?P<name>" + NAME + r")\s+von\s+der\s+"
                         r"(?P<faction>[\w-]*Fraktion(?:\s+(?:Die\s+|der\s+)?[A-ZÄÖÜ][\w/-]*(?:\s+[A-ZÄÖÜ0-9][\w/-]*)?)?)")
# "wird Ratsherr Anton Muster zum stellvertretenden Vorsitzenden gewählt" (every match starts at a capital)
_ELECTED = re.compile(r"(?=[A-ZÄÖÜ])(?:(?:Herrn?|Frau|Ratsherrn?|Ratsfrau|Ratsmitglied)[ \t]+)?"
                      r"(?P<name>" + NAME + r")\s+(?:(?:wurde|wird|ist)\s+"
                      r"(?:(?:[a-zäöüß]+|[A-ZÄÖÜ][a-zäöüß]+(?=\s+[a-zäöüß]))\s+){0,4})?"  # "wurde per Handzeichen"
                      r"zu(?:m|r)\s+(?P<role>(?:\d\.\s+|ersten\s+|zweiten\s+)?(?:stellvertretenden\s+)?"
                      r"(?:Vorsitzenden|Sprecher(?:in)?|Schriftführer(?:in)?|Stellvertreter(?:in)?))\b[^.]{0,80}?gewählt")
# "Der Beirat wählte Herrn Jonas Muster zum Vorsitzenden und Frau Anna Beispiel zu seiner Stellvertreterin": the
# active voice of an election, each name with its office after "zum/zur"
_CHOSE_VERBS = ("wählte ", "wählten ", "wählt ", "bestimmte ", "bestimmten ", "ernannte ", "benannte ", "berief ")
_TO_ROLE = (r"\s+(?:[a-zäöüß]+\s+){0,2}?(?:zu(?:m|r)|zu\s+(?:seine[mr]|ihre[mr]))\s+"
            r"(?P<role>(?:(?:\d\.|ersten|zweiten|stellvertretenden|neuen)\s+)?[A-ZÄÖÜ][a-zäöüß]+)\b")
_CHOSE = re.compile(r"\b(?:wählten?|wählt|bestimmten?|ernannte|benannte|berief)\s+(?:[a-zäöüß]+\s+){0,3}?"
                    r"(?:(?P<hon>Herrn?|Frau)\s+)?(?P<name>" + NAME + r")" + _TO_ROLE)
_AND_TO = re.compile(r"[ \t]*(?:,|und)\s+(?:(?P<hon>Herrn?|Frau)\s+)?(?P<name>" + NAME + r")" + _TO_ROLE)
# "Zum Schriftführer wurde schließlich Anton Muster gewählt", "Zur Vorsitzenden ist Clara Probe gewählt worden"
_TO_OFFICE = re.compile(r"\b[Zz]u(?:m|r)\s+(?P<role>(?:\d\.\s+|ersten\s+|zweiten\s+)?(?:stellvertretenden\s+)?"
                        r"[A-ZÄÖÜ][a-zäöüß]+)\s+(?:wurde|ist|wird)\s+(?:[a-zäöüß]+\s+){0,2}(?P<name>" + NAME + r")"
                        r"(?:\s*\(\d{1,2}\))?\s+(?:[a-zäöüß]+\s+){0,2}gewählt")
# "Anna Beispiel, Leiterin der Fachgruppe Jugend,", "Jonas Muster, stellvertretender Vorsitzender;": a full name, a
# comma and an office that ends there (no name after it: "Anna Beispiel, Bürgermeister Jonas Muster" is a list)
# between the name and the comma a bracket or where the person comes from may stand: "Anna Beispiel (SPD), Vorsitzende",
# "Jonas Muster von der Gesamtschule Nord, Sprecher;"
_FROM = (r"(?:[ \t]*\([^()\n]{1,50}\))?(?:[ \t]+(?:von[ \t]+der|von[ \t]+den|vom|aus[ \t]+der|aus[ \t]+dem)"
         r"[ \t]+[A-ZÄÖÜ][\w-]*(?:[ \t]+[A-ZÄÖÜ][\w-]*){0,2})?(?:[ \t]*\([^()\n]{1,50}\))?")
_NAME_COMMA_OFFICE = re.compile(r"(?P<name>" + NAME + r")" + _FROM + r",[ \t]+"
                                r"(?P<role>(?:(?:stellvertretende[rn]?|[Ee]rste[r]?|"
                                r"[Zz]weite[r]?|\d\.)[ \t]+)?[A-ZÄÖÜ][a-zäöüß]+)(?:[ \t]+(?:der|des|für)[ \t]+"
                                r"[A-ZÄÖÜ][\w-]*(?:[ \t]+[A-ZÄÖÜ][\w-]*)?)?(?=[ \t]*(?:[,;.:()\n]|$))")
# "Als Sprecher wurde Anton Muster, als Vertreter Bernd Probe gewählt"; "ist Clara Probe die neue Vorsitzende"
_AS_ROLE = re.compile(r"\b[Aa]ls\s+(?P<role>(?:stellvertretende[rn]?\s+)?(?:Sprecher(?:in)?|Vorsitzende[r]?|"
                      r"Vertreter(?:in)?|Schriftführer(?:in)?))\s+(?:wurden?\s+|ist\s+|wird\s+)?"
                      r"(?P<name>" + NAME + r")")
_IS_ROLE = re.compile(r"\bist\s+(?P<name>" + NAME + r")\s+(?:der|die)\s+(?:neue\s+)?"
                      r"(?P<role>(?:stellvertretende[r]?\s+)?Vorsitzende[r]?|Sprecher(?:in)?)\b")


# "Vorsitzende des Beirats ist Anna Beispiel", "Zweiter stellvertretender Vorsitzender wurde Jonas Muster": the office,
# then the verb, then the person (a known first name: "Vorsitzender ist Herr ..." is read by the form of address)
_OFFICE_IS = re.compile(r"(?<![\w-])(?P<role>(?:(?:[Ee]rste[r]?|[Zz]weite[r]?|\d\.)[ \t]+)?"
                        r"(?:[Ss]tellvertretende[r]?[ \t]+)?[A-ZÄÖÜ][a-zäöüß]{4,})"
                        r"(?:[ \t]+(?:des|der)[ \t]+[A-ZÄÖÜ][\w-]+)?[ \t]+(?:ist|wurde|bleibt|wird)"
                        r"[ \t]+(?P<name>" + NAME + r")(?![\w-])")
# "Neu ist Anna Beispiel als Kassenwartin", "mit Jonas Muster als Ansprechpartner": a full name, then its office
_NAME_AS = re.compile(r"(?P<name>" + NAME + r")[ \t]+als[ \t]+(?P<role>(?:(?:stellvertretende[rn]?|neue[rn]?)[ \t]+)?"
                      r"[A-ZÄÖÜ][a-zäöüß]+)(?![\w-])")
# "Anna Beispiel hat das Amt der Schriftführerin übernommen"
_TOOK_OFFICE = re.compile(r"(?P<name>" + NAME + r")[ \t]+(?:hat|hatte)[ \t]+(?:das[ \t]+Amt|den[ \t]+Posten|die[ \t]+"
                          r"Aufgabe)[ \t]+(?:der|des)[ \t]+(?P<role>[A-ZÄÖÜ][a-zäöüß]+)[ \t]+übernommen")
# "übernimmt der Bürgermeister Herr Muster die Protokollführung", "Anna Beispiel übernimmt die Schriftführung"
_KEEPS_MINUTES = re.compile(r"(?:übernimmt|übernahm)[ \t]+(?:(?:der|die)[ \t]+)?(?:[A-ZÄÖÜ][a-zäöüß]+[ \t]+)?"
                            r"(?:(?P<hon>Herr|Frau)[ \t]+)?(?P<name>" + NAME + r")[ \t]+die[ \t]+"
                            r"(?:Protokoll|Schrift)führung|(?P<name2>" + NAME + r")[ \t]+(?:übernimmt|übernahm)[ \t]+"
                            r"die[ \t]+(?:Protokoll|Schrift)führung")
# "Anna Beispiel (SPD) fragt": a full name with the party in brackets is a councillor, whose office is not said
_WITH_PARTY = re.compile(r"(?P<name>" + NAME + r")[ \t]*\((?P<party>[^()\n]{2,30})\)")


_OFFICE_START = re.compile(r"(?:(?:stellvertretende[rn]?|[Ee]rste[r]?|[Zz]weite[r]?|\d\.)[ \t]+)?([A-ZÄÖÜ][a-zäöüß]+)")


def _office_follows(text: str, pos: int) -> bool:
    """Whether an office is the next word: most commas before a capital lead to a name or a noun, not an office."""
    m = _OFFICE_START.match(text, pos)
    return m is not None and is_office(m.group(1))


_SPACE = re.compile(r"\s")
# "als stellvertretender Vorsitzender", "ist neue Sprecherin": lower-case words an office may start with
_LOWER_MODIFIERS = ("stellvertretende", "stellv.", "neue")


@cache
def _anchor(words: tuple[str, ...], capital_next: bool) -> re.Pattern:
    """One search for the words (followed by a capital or a lower-case modifier of an office, if asked): scanned by
    the regex engine, not by a loop over every comma of the text."""
    alternatives = "|".join(re.escape(w) for w in words)
    after = "(?=[A-ZÄÖÜ]|" + "|".join(re.escape(m) for m in _LOWER_MODIFIERS) + ")" if capital_next else ""
    return re.compile("(?:" + alternatives + ")" + after)


def _near(rx: re.Pattern, text: str, words: tuple[str, ...], before: int, after: int,
          capital_next: bool = False, test: Callable[[str, int], bool] | None = None) -> Iterator[re.Match]:
    """Matches of a pattern that hold one of the words, searched only around where the words stand: a pattern that
    starts with a name would otherwise be tried at every capital of the text.
    ``capital_next``: only where a capital follows the word ("ist Anna", "als Kassenwart"; not "ist es", "als die");
    ``test``: a cheap test of the text after the word (``test(text, end of word)``) before the pattern is tried."""
    if not any(w in text for w in words):
        return
    seen: set[tuple[int, int]] = set()
    for word in _anchor(words, capital_next).finditer(text):
        at, stop = word.span()
        if test is not None and not test(text, stop):
            continue
        lo = max(0, at - before)
        if lo and (gap := _SPACE.search(text, lo, at)):
            lo = gap.end()  # from the start of a word: "Peter Beispiel", not "ter Beispiel"
        for m in rx.finditer(text, lo, min(len(text), stop + after)):
            if m.start() <= at < m.end() and m.span() not in seen:
                seen.add(m.span())
                yield m


_TO_OFFICE_BEFORE = re.compile(r"\b[Zz]u[mr]\s+(?:[a-zäöüß]+\s+)?\Z")


def _offices_in_sentences(text: str) -> list[Found]:
    """Offices given by the sentence around a name: "Vorsitzende ist ...", "... als Kassenwartin", "... hat das Amt
    der Schriftführerin übernommen", "übernimmt ... die Protokollführung", and a party in brackets."""
    out: list[Found] = []
    for m in _near(_OFFICE_IS, text, (" ist ", " wurde ", " bleibt ", " wird "), 80, 60, True):
        name = _clean_name(m.group("name"))
        if _TO_OFFICE_BEFORE.search(text, max(0, m.start() - 40), m.start()):
            continue  # "Zur stellvertretenden Vorsitzenden wurde ...": the election with its whole office reads it
        if is_office(m.group("role").split()[-1]) and first_named(name) and name == m.group("name"):
            out.append((m.start(), m.end(), name, _nominative(m.group("role")), m.group(0)))
    for m in _near(_NAME_AS, text, (" als ",), 60, 40, True):
        name, word = _clean_name(m.group("name")), m.group("role").split()[-1]
        if (word in _AS_WORDS or is_office(word)) and first_named(name) and m.group("name").endswith(name or "-"):
            out.append((m.start("name"), m.end(), name, _nominative(_AS_WORDS.get(word, m.group("role"))), m.group(0)))
    for m in _near(_TO_OFFICE, text, ("gewählt",), 160, 0):
        name, role = _clean_name(m.group("name")), m.group("role")
        if is_office(role.split()[-1]) and first_named(name):
            out.append((m.start("name"), m.end("name"), name, _nominative(role), m.group(0)))
    for m in _near(_NAME_COMMA_OFFICE, text, (", ",), 150, 70, True, _office_follows):
        name, role = _clean_name(m.group("name")), m.group("role")
        whole = m.group("name").endswith(name or "-") or _from_after(m.group("name"), name)
        if is_office(role.split()[-1]) and first_named(name) and whole:
            out.append((m.start("name"), m.end(), name, role, m.group(0)))
    for m in _near(_TOOK_OFFICE, text, ("übernommen",), 120, 0):
        name, role = _clean_name(m.group("name")), m.group("role")
        role = role[:-1] if role.endswith("s") and is_office(role[:-1]) else role  # "des Kassenwarts"
        if is_office(role) and first_named(name):
            out.append((m.start("name"), m.end(), name, _nominative(role), m.group(0)))
    for m in _near(_KEEPS_MINUTES, text, ("Protokollführung", "Schriftführung"), 100, 0):
        raw = m.group("name") or m.group("name2")
        name = _clean_name(raw, addressed=bool(m.group("hon")))
        if name and (m.group("hon") or first_named(name)):
            female = m.group("hon") == "Frau" or gender(name) == "f"
            out.append((m.start(), m.end(), name, "Protokollführerin" if female else "Protokollführer", m.group(0)))
    at = text.find("(")
    while at != -1:
        close = text.find(")", at, at + 32)
        if close != -1 and (text[at + 1:at + 2].isupper() or text[at + 1:at + 2] in ("f", "p")) \
                and _PARTY_NAME.match(text[at + 1:close]):  # the party first: most brackets hold none
            lo = max(0, at - 60)
            if lo and (gap := _SPACE.search(text, lo, at)):
                lo = gap.end()
            for m in _WITH_PARTY.finditer(text, lo, close + 1):
                name = _clean_name(m.group("name"))
                if m.end() == close + 1 and first_named(name) and m.group("name").endswith(name or "-") \
                        and _plausible(name):
                    out.append((m.start(), m.end(), name, None, m.group(0)))
        elif text[at + 1:at + 2].isupper() or text.startswith(("stellv", "erste", "zweite"), at + 1):
            out += _bracketed_office(text, at)
        at = text.find("(", at + 1)
    return out


_NAME_BEFORE = re.compile(r"(?P<name>" + NAME + r")[ \t]*\Z")


_BRACKET = re.compile(r"[ \t]*\((?P<inner>[^()\n]{3,80})\)")
_PARTS = re.compile(r"[ \t]*(?:[,;/]|[ \t]und[ \t]|[ \t]sowie[ \t])[ \t]*")
_PART_OFFICE = re.compile(r"(?P<role>(?:(?:stellvertretende[r]?|stellv\.|[Ee]rste[r]?|[Zz]weite[r]?|\d\.)[ \t]+)?"
                          r"[A-ZÄÖÜ][a-zäöüß]+)(?:[ \t]+(?:der|des|im|für|beim)[ \t].*)?")


def _office_among(rest: str) -> tuple[str, int] | None:
    """An office among the parts of the brackets after a name, and where the brackets end: "(Amt 61 /
    Schriftführerin)", "(Klimaschutzmanagement und Schriftführer)", "(SPD, Vorsitzende)"."""
    m = _BRACKET.match(rest)
    if not m:
        return None
    for part in _PARTS.split(m.group("inner").strip()):
        office = _PART_OFFICE.fullmatch(part)
        if office and is_office(office.group("role").split()[-1]):
            return _nominative(office.group("role")), m.end()
    return None


def _bracketed_office(text: str, at: int) -> list[Found]:
    """A first-named person with the office in brackets after the name: "Anna Beispiel (Vorsitzende) eröffnet";
    with a form of address the honorific finder reads it already."""
    m = _BRACKETED.match(text, at)
    if not m or not is_office(m.group("role").split()[-1]):
        return []
    lo = max(0, at - 60)
    if lo and (gap := _SPACE.search(text, lo, at)):
        lo = gap.end()
    before = _NAME_BEFORE.search(text[lo:at])
    if not before:
        return []
    raw = before.group("name")
    name = _clean_name(raw)
    if not (name and first_named(name) and raw.endswith(name) and _plausible(name)) or is_office(name.split()[0]):
        return []
    start = lo + before.start("name") + raw.rfind(name)
    return [(start, m.end(), name, _nominative(m.group("role")), text[start:m.end()])]


# "Anna Beispiel führte den Vorsitz", "den Vorsitz übernahm Bürgermeister Jonas Muster", "unter dem Vorsitz von
# Frau Probe", "unter Leitung von Ortsvorsteherin Anna Beispiel": who chairs, without the word "Vorsitzender"
_CHAIRS = re.compile(
    r"(?:(?:(?!Herr|Frau)(?P<role1>[A-ZÄÖÜ][a-zäöüß]+)[ \t]+)?(?:(?P<hon1>Herrn?|Frau)[ \t]+)?(?P<name1>" + NAME + r")"
    r"[ \t]+(?:führte|führt|hatte|hat|übernahm|übernimmt|leitete|leitet)[ \t]+"
    r"(?:[a-zäöüß]+[ \t]+){0,3}?den[ \t]+Vorsitz\b"
    r"|\b(?:führte|führt|hatte|hat|übernahm|übernimmt)[ \t]+(?:(?!Herr|Frau)(?P<role4>[A-ZÄÖÜ][a-zäöüß]+)[ \t]+)?"
    r"(?:(?P<hon4>Herrn?|Frau)[ \t]+)?(?P<name4>" + NAME + r")[ \t]+(?:[a-zäöüß]+[ \t]+){0,2}?den[ \t]+Vorsitz\b"
    r"|\b[Dd]en[ \t]+Vorsitz[ \t]+(?:führte|führt|hatte|hat|übernahm|übernimmt)[ \t]+(?:[a-zäöüß]+[ \t]+){0,2}?"
    r"(?:(?:der|die)[ \t]+)?"
    r"(?:(?!Herr|Frau)(?P<role2>[A-ZÄÖÜ][a-zäöüß]+)[ \t]+)?(?:(?P<hon2>Herr|Frau)[ \t]+)?"
    r"(?P<name2>" + NAME + r")"
    r"|\b[Uu]nter[ \t]+(?:dem[ \t]+)?Vorsitz[ \t]+(?:von[ \t]+)?(?:(?:der|des)[ \t]+)?"
    r"(?:(?!Herr|Frau)(?P<role3>[A-ZÄÖÜ][a-zäöüß]+)[ \t]+)?(?:(?P<hon3>Herrn?|Frau)[ \t]+)?"
    r"(?P<name3>" + NAME + r"))(?![\w-])")


def _chairs(text: str) -> list[Found]:
    """The person who chairs a session, named by the act ("führte den Vorsitz", "unter dem Vorsitz von"): the chair,
    and the office before the name where one stands there."""
    out: list[Found] = []
    if "Vorsitz " not in text and "Vorsitz." not in text and "Vorsitz," not in text:
        return out
    for m in _near(_CHAIRS, text, ("Vorsitz ", "Vorsitz.", "Vorsitz,"), 90, 100):
        k = next(i for i in (1, 2, 3, 4) if m.group(f"name{i}"))
        hon, office = m.group(f"hon{k}"), m.group(f"role{k}")
        raw = m.group(f"name{k}")
        if office and not is_office(office):
            raw, office = office + " " + raw, None  # "den Vorsitz hatte Anna Beispiel": the word is her first name
        name = _clean_name(raw, addressed=bool(hon))
        if not name or not (hon or office or first_named(name)) or not _plausible(name):
            continue
        female = hon == "Frau" or gender(name) == "f" or (office or "").endswith("in")
        out.append((m.start(f"name{k}"), m.end(f"name{k}"), name, "Vorsitzende" if female else "Vorsitzender",
                    m.group(0)))
        if office:
            out.append((m.start(f"name{k}"), m.end(f"name{k}"), name, office, m.group(0)))
    return out


def _from_after(raw: str, name: str | None) -> bool:
    """Whether the words read as a name are the name and where the person comes from ("Jonas Muster von der
    Gesamtschule"): the pattern of a name takes "von der" as a particle, the cleaned name ends before it."""
    rest = raw[len(name):].split() if name and raw.startswith(name) else []
    return bool(rest) and rest[0] in ("von", "vom", "aus")


# "Die Herren Beispiel und Muster sind als beratende Mitglieder anwesend", "die Damen Probe, Quell und Anders": a plural
# form of address before several surnames, and the plural office they attend as
_SURNAME = r"(?:[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?)"
_ADDRESSED_MANY = re.compile(r"\b(?:Herren|Damen)[ \t]+(?P<names>" + _SURNAME + r"(?:[ \t]*,[ \t]*" + _SURNAME
                             + r")*[ \t]+und[ \t]+" + _SURNAME + r")(?![\w-])(?:[ \t]+(?:sind|waren|nehmen|nahmen)?"
                             r"[ \t]*als[ \t]+(?P<role>(?:[a-zäöüß]+[ \t]+)?[A-ZÄÖÜ][a-zäöüß]+))?")


def _addressed_many(text: str) -> list[Found]:
    """Surnames after "die Herren" or "die Damen", each a person; the plural office after "als" is each one's."""
    out: list[Found] = []
    if "Herren " not in text and "Damen " not in text:
        return out
    for m in _ADDRESSED_MANY.finditer(text):
        role = None
        if m.group("role"):
            plural = m.group("role")
            plural = plural[:1].upper() + plural[1:]
            role = _list_labels().get(plural) or _data()["plural_roles"].get(plural)
        base = m.start("names")
        for nm in re.finditer(_SURNAME, m.group("names")):
            name = nm.group(0)
            if name in NOT_NAMES or is_office(name) or not _plausible(name):
                continue
            out.append((base + nm.start(), base + nm.end(), name, role, name))
    return out


_ORDINALS = ("ersten", "zweiten", "dritten", "neuen")


def _nominative(role: str) -> str:
    """'stellvertretenden Vorsitzenden' (after "zum") -> 'stellvertretender Vorsitzender'; 'ersten Stellvertreter' ->
    'erster Stellvertreter', 'zweiten Stellvertreterin' -> 'zweite Stellvertreterin'."""
    words = role.split()
    feminine = words[-1].endswith("in")
    return " ".join(re.sub(r"enden$", "ender", w) if w.endswith("enden")
                    else w[:-1] + ("" if feminine else "r") if w in _ORDINALS else w for w in words)


# a word each pattern cannot match without (any one of them): a text that has none is not searched, which
# spares trying every capital of the text as the start of a name
_NEEDS: dict[re.Pattern, tuple[str, ...]] = {
    _MEMBERS: ("itglieder",), _OF_FACTION: ("Fraktion",), _ELECTED: ("gewählt",),
    _AS_ROLE: ("Sprecher", "Vorsitzende", "Vertreter", "Schriftführer"), _IS_ROLE: ("Vorsitzende", "Sprecher"),
}


def _found(rx: re.Pattern, text: str) -> Iterator[re.Match]:
    return rx.finditer(text) if any(w in text for w in _NEEDS[rx]) else iter(())


def _prose_roles(text: str) -> list[tuple[int, int, str, str | None, str]]:
    """Roles given in a sentence: members named after their body, a councillor "von der CDU-Fraktion",
    a person elected "zum stellvertretenden Vorsitzenden", "Als Sprecher wurde ...", "ist ... die neue Vorsitzende"."""
    out: list[tuple[int, int, str, str | None, str]] = []
    for m in _near(_MEMBERS, text, ("itglieder",), 1, 250):
        base = m.start("names")
        for nm in re.finditer(NAME, m.group("names")):
            name = _clean_name(nm.group(0))
            if name and len(name.split()) >= 2:
                out.append((base + nm.start(), base + nm.end(), name, "Mitglied", nm.group(0)))
    for m in _near(_OF_FACTION, text, ("Fraktion",), 90, 40):
        name = _clean_name(m.group("name"))
        if name:
            out.append((m.start(), m.end(), name, f"Mitglied der {m.group('faction')}", m.group(0)))
    for m in _near(_CHOSE, text, _CHOSE_VERBS, 0, 200):
        while m:
            name = _clean_name(m.group("name"), addressed=bool(m.group("hon")))
            if not name or not is_office(m.group("role").split()[-1]) or not (m.group("hon") or first_named(name)):
                break
            out.append((m.start("name"), m.end(), name, _nominative(m.group("role")), m.group(0)))
            m = _AND_TO.match(text, m.end())
    for rx in (_ELECTED, _AS_ROLE, _IS_ROLE):
        for m in _near(rx, text, ("gewählt",), 220, 0) if rx is _ELECTED else _found(rx, text):
            name = _clean_name(m.group("name"))
            if name and not _role_word().match(name.split()[-1]):
                out.append((m.start(), m.end(), name, _nominative(m.group("role")), m.group(0)))
    return out


def _merge(ctx: Context, found: list[tuple[int, int, str, str | None, str]]) -> list[FoundPerson]:
    out: list[FoundPerson] = []
    text = ctx.text
    for start, end, name, role, matched in found:
        surname = name.split()[-1]
        same = [p for p in out if p.name.split()[-1] == surname and (
            len(name.split()) == 1 or len(p.name.split()) == 1 or p.name == name
            or p.name.replace("Dr. ", "") == name.replace("Dr. ", ""))]
        if same:
            longer = max([name] + [p.name for p in same], key=len)
            for p in same:
                p.name = longer
            if role is None or any(p.role == role for p in same):
                continue
            if all(p.role is None for p in same):
                same[0].role = role
                continue
            if any(_same_office(p.role, role) for p in same if p.role):
                continue
        org_key = None
        g = re.match(r"\s*,?\s*(?:[\w ]+\s)?(?:des|der)\s+", text[end:end + 80])
        if g:
            for om in ctx.mentions_between(end, end + 80):
                if om.start == end + g.end():
                    org_key = om.key
                    break
        out.append(FoundPerson(longer if same else name, role, org_key, start, end, matched))
    # a name given once with a role and once without is the person with the role
    roled = {p.name.split()[-1] for p in out if p.role}
    return [p for p in out if p.role or p.name.split()[-1] not in roled]


def _same_office(a: str, b: str) -> bool:
    """'Bürgermeister' and 'Bürgermeisterin', 'Ratsherr' and 'Ratsherrn', 'Ordnungsbürgermeister' and
    'Bürgermeister' are one office."""
    def stem(r: str) -> str:
        return re.sub(r"(?:en|er|e|n|r)$", "", re.sub(r"(?:innen|in)$", "", r.casefold()))
    a, b = stem(a), stem(b)
    return a.endswith(b) or b.endswith(a)
