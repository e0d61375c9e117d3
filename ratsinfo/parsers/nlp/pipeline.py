"""The German pipeline: ``spacy.blank("de")`` + line-aware sentences + rules.

No lemmatizer: no rule reads a lemma, and filling spaCy's lookup table cost two seconds in every
process (the theme classifier reads the same table directly, see ``lexicon.py``).

Paper references ("V-554/10", "VII-F-00741-AW-01", "1265/II", "2015/0112") stay one token
through the tokenizer's ``token_match``; organisations are found by the ``ratsinfo_orgs``
component (patterns in ``data/organizations.json``).
"""

from __future__ import annotations

import gc
import re
from bisect import bisect_left
from functools import cache

import numpy
import spacy
from spacy.attrs import IS_PUNCT, IS_SPACE, LOWER, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from ratsinfo.parsers.nlp import orgs  # noqa: F401 - registers the ratsinfo_orgs component
from ratsinfo.parsers.nlp.doc_text import remember_text, text_of

REFERENCE_TOKEN = re.compile(
    r"^(?:[A-ZÄÖÜ]{1,5}-?)?\d{1,6}(?:[-/][A-Za-z0-9ÄÖÜ]{1,6})+$|^[A-Z]{1,4}-[A-Z]-\d+(?:-[A-Z]+-\d+)?$")


@Language.component("ratsinfo_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence in council documents (headings, bullets, list items), except a
    PDF line break inside a running sentence. Only tokens after a line break or at a bullet are
    looked at, so long documents stay fast."""
    text = text_of(doc)
    if len(doc) < 2:
        return doc
    starts = doc.to_array("IDX").tolist()
    seen: set[int] = set()
    decided: dict[int, bool] = {}  # token index -> starts a sentence
    for m in _BREAK_OR_BULLET.finditer(text):
        i = bisect_left(starts, m.end() if m.group(0).startswith("\n") else m.start())
        if i <= 0 or i >= len(doc) or i in seen:
            continue
        seen.add(i)
        tok, prev = doc[i], doc[i - 1]
        if tok.text in ("•", "§") or prev.text == "•":
            decided[i] = True
            continue
        if not m.group(0).startswith("\n"):
            continue
        gap = m.group(0)
        k = i - 1
        while k > 0 and doc[k].is_space:
            k -= 1
        prev = doc[k]
        line_start = text.rfind("\n", 0, prev.idx) + 1
        prev_line = text[line_start:prev.idx + len(prev.text)]
        # a PDF line break inside a sentence does not start one
        decided[i] = gap.count("\n") > 1 or prev.text in (".", ":", "?", "!") or len(prev_line.strip()) < 60 \
            or tok.text[:1].isdigit() or tok.text in ("-", "–")
    # German's tokenizer keeps "2021." whole (an ordinal), so the sentencizer sees no full stop after a year
    # that ends a sentence: "Der Beirat wurde 2021 gegründet. Er tagt ..." splits, "... im Jahr 2021. Er" did not
    for m in _YEAR_STOP.finditer(text):
        i = bisect_left(starts, m.end())
        if 0 < i < len(doc):
            decided.setdefault(i, True)
    return _set_sentence_starts(doc, decided)


def _set_sentence_starts(doc: Doc, decided: dict[int, bool]) -> Doc:
    """Write the decisions in one array: ``Token.is_sent_start = ...`` looks through the whole Doc for a
    parse on every assignment, which made this component quadratic in the length of a document."""
    if decided:
        values = doc.to_array(SENT_START)  # one value per token
        signed = values.view(numpy.int64)  # spaCy keeps "not a start" as -1 in an unsigned array
        for i, start in decided.items():
            signed[i] = 1 if start else -1
        doc.from_array(SENT_START, values)
    return doc


_BREAK_OR_BULLET = re.compile(r"\n[ \t\n]*|•|§")
_YEAR_STOP = re.compile(r"(?<![\d.])(?:19|20)\d\d\.[ \t]+(?=[A-ZÄÖÜ])")


# the lexical attributes the rules read: Token.is_punct, Token.is_space (the sentencizer too) and Token.lower_
_LEXICAL_ATTRIBUTES_READ = (IS_PUNCT, IS_SPACE, LOWER)


@cache
def german() -> Language:
    """Build (once per process) the offline German pipeline."""
    nlp = spacy.blank("de")
    # A word the vocabulary has not seen gets every lexical attribute computed once (shape, norm, stop word, URL,
    # e-mail, ...); the rules read three of them. The others cost a twentieth of the extraction on new text.
    getters = nlp.vocab.lex_attr_getters
    nlp.vocab.lex_attr_getters = {attr: getters[attr] for attr in _LEXICAL_ATTRIBUTES_READ}
    default_match = nlp.tokenizer.token_match

    def token_match(text: str):  # noqa: ANN202 - spaCy's callback shape
        if REFERENCE_TOKEN.match(text):
            return True
        return default_match(text) if default_match else None

    # German has no token_match of its own: the pattern's match is called directly, without a Python frame for
    # every piece of every word the tokenizer looks at
    nlp.tokenizer.token_match = token_match if default_match else REFERENCE_TOKEN.match
    nlp.add_pipe("ratsinfo_line_breaks")
    nlp.add_pipe("sentencizer")
    nlp.initialize()

    nlp.add_pipe("ratsinfo_orgs")
    nlp.max_length = 5_000_000
    # What is alive now (spaCy's vocabulary and tables, the rules' patterns) lives as long as the process; the
    # collector need not look at it again each time the many small objects of an extraction trigger it
    gc.collect()
    gc.freeze()
    return nlp


def analyse(text: str) -> Doc:
    """The analysed Doc of ``text``; the components read the text from it without joining its tokens again."""
    nlp = german()
    return nlp(remember_text(nlp.make_doc(text), text))
