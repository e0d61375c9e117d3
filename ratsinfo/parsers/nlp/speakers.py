"""Persons named as the ones who speak or act in minutes and press texts, without a form of address or an office:
"Anna Beispiel berichtete über …", "Anschließend erläuterte Jonas Muster den Entwurf", "„…“, so Clara Probe".

Minutes and press releases of any council report who said what with one family of verbs (berichten, erläutern,
informieren, betonen, …), in the present or the past, the speaker before the verb or right after it. A capitalised
word pair there is a person only when its first word is a known first name; the office, if any, is read elsewhere.
"""

from __future__ import annotations

import re
from functools import cache

from ratsinfo.parsers.nlp.attendance import plausible
from ratsinfo.parsers.nlp.names import NAME, NAME_WORD, alternation, clean_name, first_named, role_word

Found = tuple[int, int, str, str | None, str]  # start, end, name, role, matched text

# present and past (third person) of the verbs with which a text says who reported, explained, asked or opened
_VERBS = (
    "berichtet", "berichtete", "erläutert", "erläuterte", "informiert", "informierte", "erklärt", "erklärte",
    "betont", "betonte", "sagt", "sagte", "fragt", "fragte", "antwortet", "antwortete", "ergänzt", "ergänzte",
    "begrüßt", "begrüßte", "eröffnet", "eröffnete", "schließt", "schloss", "stellt", "stellte", "teilt", "teilte",
    "weist", "wies", "verweist", "verwies", "führt", "führte", "bedankt", "bedankte", "dankt", "dankte", "bittet",
    "bat", "schlägt", "schlug", "gibt", "gab", "merkt", "merkte", "regt", "regte", "kritisiert", "kritisierte",
    "bestätigt", "bestätigte", "spricht", "sprach", "erinnert", "erinnerte", "beantragt", "beantragte", "referiert",
    "referierte", "präsentiert", "präsentierte", "meint", "meinte", "zeigt", "zeigte", "trägt", "trug", "hebt", "hob",
    "plädiert", "plädierte", "appelliert", "appellierte", "entgegnet", "entgegnete", "unterstreicht", "unterstrich",
    "fasst", "fasste", "bemängelt", "bemängelte", "moniert", "monierte", "befürwortet", "befürwortete", "schildert",
    "schilderte", "beschreibt", "beschrieb", "verdeutlicht", "verdeutlichte", "stimmt", "stimmte", "leitet",
    "leitete", "moderiert", "moderierte", "resümiert", "resümierte", "ergreift", "ergriff", "kündigt", "kündigte",
)


_WORDS_BEFORE = re.compile(r"(?:(?:Dr\.|Prof\.)[ \t]+)?(?:" + NAME_WORD + r"[ \t]+){1,2}" + NAME_WORD + r"[ \t]*\Z")
_NAME_AFTER = re.compile(r"[ \t]+(?P<name>" + NAME + r")(?=[ \t]*[,.;:!?(]|[ \t]+[a-zäöüß])")


@cache
def _verb_word() -> re.Pattern:
    """The verbs, and "so" after a closing quote ("„…“, so Anna Beispiel")."""
    # the verbs as a tree of their letters, tried only where a word starts with a letter one of them starts with
    starts = "".join(sorted({v[0] for v in (*_VERBS, "so")}))
    return re.compile(r"(?=[" + starts + r"])(?<![\w-])(?:" + alternation(list(_VERBS))
                      + r"|(?<=[“\"«],[ \t])so|(?<=[“\"«][ \t])so)(?![\w-])")


def named(raw: str) -> str | None:
    """The name, when the words are one led by a known first name (after a title)."""
    name = clean_name(raw)
    if not name or name != raw or not first_named(name) or not plausible(name) or role_word().match(name.split()[-1]):
        return None
    return name


def name_before(text: str, at: int) -> tuple[int, str] | None:
    """The first-named name that ends right before ``at`` (a blank between), and where it starts: of the words
    before, from the farthest that starts a name ("Bürgermeisterin Anna Beispiel" gives "Anna Beispiel")."""
    before = _WORDS_BEFORE.search(text, max(0, at - 70), at)
    if not before:
        return None
    words = before.group(0).split()
    for k in range(len(words) - 1):
        name = named(" ".join(words[k:]))
        if name:
            return before.start() + before.group(0).find(words[k]), name
    return None


def speaking_persons(text: str) -> list[Found]:
    """Persons whose full name, led by a known first name, stands right before or after a verb of reporting: the
    verbs are found first, the name looked for only beside them."""
    out: list[Found] = []
    for verb in _verb_word().finditer(text):
        at, end = verb.span()
        # a name ends in a small letter and starts with a capital: most verbs have neither beside them
        got = name_before(text, at) if verb.group(0) != "so" and text[at - 2:at - 1].islower() else None
        if got:
            out.append((got[0], got[0] + len(got[1]), got[1], None, got[1]))
        after = _NAME_AFTER.match(text, end, min(len(text), end + 70)) if text[end + 1:end + 2].isupper() else None
        if after and (name := named(after.group("name"))):
            out.append((after.start("name"), after.end("name"), name, None, name))
    return out
