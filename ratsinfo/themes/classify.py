"""Sort agenda items and papers into the policy areas of the Kommunaler Produktrahmen.

A title is turned into features: keyword stems matched inside German compounds ("Kanalsanierung"
hits "kanal"), lemmas from spaCy's blank German pipeline with the spacy-lookups-data table, a flag
for procedural wording, and the office numbers named in the text ("Amt 51"). A naive Bayes model
(``data/model.json``, trained offline on labelled development titles by ``ratsinfo.themes.train``)
weighs them; the keyword stems enter it as prior counts so that words never seen in training still
count. The lead office ("Federführend: 66 Tiefbauamt") is strong evidence and added on top.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from ratsinfo.parsers.nlp.lexicon import LemmaTable, lemma_table, stop_words
from ratsinfo.themes.codes import CODES, PROCEDURAL, Theme

FINANCE = "61"
GENERIC = frozenset({PROCEDURAL, "11", FINANCE})  # areas that every subject can fall back to
OFFICE_BOOST = 2.5  # log-odds added for the code of the lead office
BODY_BOOST = 0.7  # the name of the body is weak evidence: committees treat many areas
PAPER_TITLE_WEIGHT = 0.8  # the paper's title, when it differs from the item's
TEXT_WEIGHT = 0.3  # stems in a paper's text count less than those in its title
SECOND_MIN = 0.15  # a runner-up is reported when its probability reaches this
# How much each kind of feature counts: keyword stems generalise, lemmas of training titles less so.
KIND_WEIGHT = {"s": 1.5, "l": 0.4, "p": 1.0, "a": 1.0, "f": 1.0, "g": 1.0, "t": 1.0}


@dataclass(frozen=True)
class Rules:
    subject: re.Pattern[str]
    filer_prefix: re.Pattern[str]  # "Antrag Nr. 12/2024 der SPD-Fraktion: " before a subject
    filer_suffix: re.Pattern[str]  # "; Antrag Nr. 12/2024 der SPD vom 1.2.2024" after it
    tail: re.Pattern[str]  # "… Stellungnahme des Bezirksamts", "… Eingabe vom 1.2.2025": who sent or routed it
    lead: re.Pattern[str]  # "Beschlussempfehlung des Ausschusses X - " before the subject
    routing: re.Pattern[str]  # a word every tail and lead contains: titles without one skip both
    noise: tuple[tuple[str, re.Pattern[str]], ...]  # (trigger, pattern): run only if the trigger is in the text
    procedural: re.Pattern[str]
    procedural_always: re.Pattern[str]
    gremium: re.Pattern[str]
    gremium_not: re.Pattern[str]
    phrases: tuple[str, ...]  # stems of several words, found in the whole text
    phrase_code: dict[str, tuple[str, str]]  # matched text -> (stem as written, code)
    words: dict[str, tuple[bool, bool, str, str]]  # stem text -> (at word start, at word end, stem, code)
    starts: dict[str, tuple[int, ...]]  # first two letters of a one-word stem -> its lengths, longest first
    office_names: re.Pattern[str]
    office_name_code: dict[str, str]
    office_numbers: dict[str, str]


def _data(name: str) -> Any:
    return json.loads((resources.files("ratsinfo.themes") / "data" / name).read_text(encoding="utf-8"))


def _noise(raw: list[list[str]]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The noise patterns by trigger; those of one trigger joined into one expression (one pass per title)."""
    by_trigger: dict[str, list[str]] = {}
    for trigger, pattern in raw:
        by_trigger.setdefault(trigger, []).append(f"(?:{pattern})")
    return tuple((trigger, re.compile("|".join(patterns))) for trigger, patterns in by_trigger.items())


def _starts(words: dict[str, tuple[bool, bool, str, str]]) -> dict[str, tuple[int, ...]]:
    """The lengths of the stems beginning with each pair of letters: most positions in a word begin no
    stem and are passed over with one look-up, the others try only the lengths that can match there."""
    if any(len(w) < 2 for w in words):
        raise ValueError("rules.json: a one-word stem needs at least two letters")
    by_start: dict[str, set[int]] = {}
    for w in words:
        by_start.setdefault(w[:2], set()).add(len(w))
    return {start: tuple(sorted(lengths, reverse=True)) for start, lengths in by_start.items()}


@cache
def rules() -> Rules:
    """The keyword stems, noise and procedural patterns and office tables, compiled once.

    One-word stems are looked up in a table at every position of a word (fast, and cached per word);
    the few stems of several words go into one regular expression.
    """
    raw = _data("rules.json")
    words: dict[str, tuple[bool, bool, str, str]] = {}
    phrases: dict[str, tuple[str, str]] = {}
    for code, stems in raw["stems"].items():
        for stem in stems:
            text = stem.strip("^$")
            if " " in text:
                phrases[text] = (stem, code)
            elif words.setdefault(text, (stem.startswith("^"), stem.endswith("$"), stem, code))[2] != stem:
                raise ValueError(f"rules.json: the stem {text!r} appears twice")
    names = raw["offices"]["names"]
    return Rules(
        subject=re.compile(raw["subject"]),
        filer_prefix=re.compile(raw["filer_prefix"]),
        filer_suffix=re.compile(raw["filer_suffix"]),
        tail=re.compile(raw["tail"]),
        lead=re.compile(raw["lead"]),
        routing=re.compile("|".join(raw["routing_words"])),
        noise=_noise(raw["noise"]),
        procedural=re.compile("|".join(f"(?:{p})" for p in raw["procedural"])),
        procedural_always=re.compile("|".join(f"(?:{p})" for p in raw["procedural_always"])),
        gremium=re.compile(raw["gremium"]),
        gremium_not=re.compile(raw["gremium_not"]),
        phrases=tuple(phrases),
        phrase_code=phrases,
        words=words,
        starts=_starts(words),
    office_names=re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))),
        office_name_code=names,
        office_numbers=raw["offices"]["numbers"],
    )


@cache
def _lexicon() -> tuple[LemmaTable, frozenset[str]]:
    """The lemma table of spacy-lookups-data and spaCy's German stop words, read without spaCy: the
    extraction's pipeline uses the same table, and building it here cost seconds in every process."""
    return lemma_table(), stop_words()


_lemma_cache: dict[str, tuple[str, ...]] = {}


def _lemma(word: str, table: LemmaTable) -> str:
    return (table.get(word) or table.get(word.lower()) or word).lower()


def _lemma_features(word: str) -> tuple[str, ...]:
    """The lemma of a word; the parts of a hyphenated compound ("Kita-Ausbau") each count as words.
    (Splitting closed compounds at known lemmas was tried and lost accuracy: the keyword stems
    already find the parts that matter.)"""
    hit = _lemma_cache.get(word)
    if hit is not None:
        return hit
    table, stop = _lexicon()
    out: list[str] = []
    parts = [p for p in word.split("-") if p] if "-" in word else [word]
    for part in parts:
        if len(part) >= 3 and part.isalpha() and part.lower() not in stop:
            out.append("l:" + _lemma(part, table))
    _lemma_cache[word] = result = tuple(dict.fromkeys(out))
    return result


_FILED_BY = re.compile(r"fraktion|\d+/\d{4}|\bvom\s+\d")  # a trailing "Antrag …" names who filed it, not what it asks


TAIL_AFTER = 12  # a tail needs this many characters of subject before it


def strip_tail(title: str) -> str:
    """The title without what an information system appends to it: who filed the paper, which committee
    recommends it, who commented on it, where it was routed ("… Antrag der GRÜNE-Fraktion",
    "… Stellungnahme der Polizei", "… - Vorlage des Bezirksamts", "… Eingabe vom 9.10.2025").
    Those words name senders, not the subject; left in, they tie a title to the senders' usual areas."""
    r = rules()
    lower = title.lower()
    if not r.routing.search(lower):
        return title
    if (m := r.lead.match(lower)) and len(lower) - m.end() > TAIL_AFTER:
        title, lower = title[m.end():], lower[m.end():]
    for m in r.tail.finditer(lower):
        if m.start() >= TAIL_AFTER:
            return title[:m.start()].rstrip(" -–,;:")
    return title


def subject(title: str) -> str:
    """The subject of a motion or inquiry: 'Antrag der Fraktion X betreffend „Y“' -> 'Y',
    'Antrag Nr. 12/2024 der SPD: Y' -> 'Y', 'Y; Antrag Nr. 12/2024 der SPD vom 1.2.2024' -> 'Y',
    'Y Stellungnahme des Bezirksamtes' -> 'Y'.

    Who filed an item says nothing about its area; left in, the words of the prefix tie every motion
    to the area of the motions seen in training.
    """
    r = rules()
    lower = title.lower()
    if "antrag" not in lower and "anfrage" not in lower and "anregung" not in lower:
        return strip_tail(title)
    if m := r.subject.match(lower):
        return title[m.end():].strip(" „“\"'")
    if (m := r.filer_prefix.match(lower)) and len(lower) - m.end() > 8:
        title, lower = title[m.end():], lower[m.end():]
    m = r.filer_suffix.search(lower)
    if m and m.start() > 8 and _FILED_BY.search(m.group(0)) and " auf " not in m.group(0):
        title = title[:m.start()]
    return strip_tail(title).strip(" „“\"'")


_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"[a-zäöüß0-9]+(?:-[a-zäöüß0-9]+)*-?")
_word_cache: dict[str, tuple[tuple[str, str], ...]] = {}


def forget_words() -> None:
    """Empty the per-word caches, so that the next titles are read as on a first pass (for measuring)."""
    _word_cache.clear()
    _lemma_cache.clear()


def _word_stems(word: str) -> tuple[tuple[str, str], ...]:
    """Stems inside one lower-cased word, leftmost and longest first, without overlaps."""
    hit = _word_cache.get(word)
    if hit is not None:
        return hit
    r = rules()
    out = []
    i, n = 0, len(word)
    while i < n:
        for length in r.starts.get(word[i : i + 2], ()):
            entry = r.words.get(word[i : i + length]) if i + length <= n else None
            if entry is None:
                continue
            start, end, stem, code = entry
            if start and i > 0 and (word[i - 1].isalpha() or word[i - 1] == "-"):
                continue  # "Georg-Singer-Straße" is an address, not a street matter
            if end and i + length < n and word[i + length].isalpha():
                continue
            out.append((stem, code))
            i += length
            break
        else:
            i += 1
    _word_cache[word] = result = tuple(out)
    return result


def stems_of(text: str) -> list[tuple[str, str]]:
    """(stem, code) of every keyword stem in the text, after party names, addresses and numbers are blanked."""
    r = rules()
    lower = text.lower()
    digits = _DIGIT.search(lower) is not None
    for trigger, pattern in r.noise:
        if (digits if trigger == "#" else trigger in lower):
            lower = pattern.sub(" ", lower)
    out = [r.phrase_code[p] for p in r.phrases if p in lower]
    for word in _WORD.findall(lower):
        out.extend(_word_stems(word))
    return out


def is_procedural(title: str) -> bool:
    """True for wording of items without a subject of their own (opening, minutes, Anfragen, Verschiedenes)."""
    return bool(rules().procedural.search(title.lower().strip(" .:;-")))


def is_formal(title: str) -> bool:
    """True for the formal opening items (minutes, agenda, quorum), whatever body they name."""
    return bool(rules().procedural_always.search(title.lower().strip(" .:;-")))


def is_appointment(title: str) -> bool:
    """True for elections and appointments to bodies ("Wahl von Mitgliedern des Jugendhilfeausschusses"):
    they belong to the inner administration, whatever the body does; election officers are excluded."""
    r = rules()
    lower = title.lower()
    return bool(r.gremium.search(lower)) and not r.gremium_not.search(lower)


_AMT_NUMBER = re.compile(r"\bamt(?:es)?\s+(\d{2})\b")  # "Amt 51" in a title names the office


def _features(title: str, tokens: Iterable[str]) -> list[str]:
    hits = list(dict.fromkeys(stems_of(title)))
    feats = [f"s:{stem}" for stem, _code in hits]
    topical = [code for _stem, code in hits if code not in GENERIC]
    if topical and FINANCE in {code for _s, code in hits}:
        feats.append("f:subject")  # a budget item about a subject belongs to the subject's area
    if is_formal(title) or (not topical and is_procedural(title)):
        feats.extend(("p:proc", "p:proc"))
    if is_appointment(title):
        feats.extend(("g:appointment", "g:appointment"))
    feats.extend(dict.fromkeys(f for t in tokens for f in _lemma_features(t)))
    r = rules()
    for number in _AMT_NUMBER.findall(title.lower()):
        if number in r.office_numbers:
            feats.append("a:" + r.office_numbers[number])
    return feats


_TOKEN = re.compile(r"[^\s\"'„“”‚‘’«»()\[\]{}:;,.!?/–—]+")


def tokens(title: str) -> list[str]:
    """The words of a title, split at spaces and punctuation as spaCy's German tokenizer splits a
    title's words (hyphenated compounds stay one token); a regular expression does it at a tenth of
    the cost of a spaCy Doc, and only the lemma table of the pipeline is needed afterwards."""
    return _TOKEN.findall(title)


def features(title: str) -> list[str]:
    """The model's features of one title (used by training and classification alike)."""
    title = subject(title)
    return _features(title, tokens(title))


def office_code(office: str | None) -> str | None:
    """The policy area of a lead office: its number ("61 Stadtplanungsamt", "Amt 66") or its name ("Tiefbauamt")."""
    if not office:
        return None
    r = rules()
    lower = office.lower()
    m = re.search(r"(?:^|\bamt\s*|\bfb\s*|\bfachbereich\s*)(\d{2})(?!\d)", lower)
    if m and m.group(1) in r.office_numbers:
        return r.office_numbers[m.group(1)]
    if m := r.office_names.search(lower):
        return r.office_name_code[m.group(0)]
    return None


def _body_code(body: str | None) -> str | None:
    if not body:
        return None
    codes = [code for _stem, code in stems_of(body) if code not in ("11", PROCEDURAL)]
    return codes[0] if len(set(codes)) == 1 else None


@dataclass(frozen=True)
class Model:
    codes: tuple[str, ...]
    prior: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]


    @classmethod
    def from_dict(cls, raw: dict) -> Model:
        """Weights as stored, each already multiplied by the weight of its kind of feature."""
        weights = {f: tuple(KIND_WEIGHT[f[0]] * v for v in w) for f, w in raw["weights"].items()}
        return cls(tuple(raw["codes"]), tuple(raw["prior"]), weights)


@cache
def model() -> Model:
    """The trained weights (log-likelihood of each feature per code, centred), read once from JSON."""
    return Model.from_dict(_data("model.json"))


def _decide(scores: list[float], codes: Sequence[str]) -> Theme:
    top = max(scores)
    exps = [math.exp(v - top) for v in scores]
    total = sum(exps)
    best = exps.index(1.0)
    runner = max((i for i in range(len(exps)) if i != best), key=exps.__getitem__)
    second = codes[runner] if exps[runner] / total >= SECOND_MIN else None
    return Theme(codes[best], second, round(1.0 / total, 3))


def _vectors(feats: Iterable[str], m: Model, weight: float = 1.0) -> list[tuple[float, ...]]:
    found = [w for f in feats if (w := m.weights.get(f)) is not None]
    return found if weight == 1.0 else [tuple(weight * v for v in w) for w in found]


def classify(
    title: str,
    paper_title: str | None = None,
    paper_type: str | None = None,
    lead_office: str | None = None,
    text: str | None = None,
    body: str | None = None,
) -> Theme:
    """The policy area of one agenda item or paper.

    The item's title and its paper's title carry the most weight; the paper type ("Anfrage",
    "Mitteilung") and the body's name tip close cases; the lead office is strong evidence; the paper's
    text adds its keyword stems at a lower weight.
    """
    return classify_many([(title, paper_title, paper_type, lead_office, text, body)])[0]


Item = tuple[str, str | None, str | None, str | None, str | None, str | None]


def classify_many(items: Iterable[Sequence[str | None]], weights: Model | None = None) -> list[Theme]:
    """Classify many items at once: each is (title, paper_title, paper_type, lead_office, text, body),
    trailing fields may be left out. ``weights`` replaces
    the shipped model (cross-validation)."""
    rows = [tuple(item) + (None,) * (6 - len(item)) for item in items]
    m = weights or model()
    index = {c: i for i, c in enumerate(m.codes)}
    out = []
    for row in rows:
        _title, paper_title, paper_type, lead_office, text, body = row
        title = subject(_title or "")
        vectors = _vectors(_features(title, tokens(title)), m)
        if paper_title and paper_title.strip() != title.strip():
            vectors += _vectors(features(paper_title), m, PAPER_TITLE_WEIGHT)
        if paper_type:
            vectors += _vectors(["t:" + paper_type.lower().strip()], m)
        if text:
            vectors += _vectors([f"s:{stem}" for stem, _c in dict.fromkeys(stems_of(text[:3000]))], m, TEXT_WEIGHT)
        scores = list(map(sum, zip(m.prior, *vectors, strict=True)))
        if (code := office_code(lead_office)) and code in index:
            scores[index[code]] += OFFICE_BOOST
        if (code := _body_code(body)) and code in index and not is_procedural(title):
            scores[index[code]] += BODY_BOOST
        out.append(_decide(scores, m.codes))
    return out


__all__ = ["CODES", "Theme", "classify", "classify_many", "features", "is_procedural", "office_code", "stems_of"]
