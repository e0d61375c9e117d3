"""The German pipeline: ``spacy.blank("de")`` + line-aware sentences + lookup lemmas + rules.

Paper references ("V-554/10", "VII-F-00741-AW-01", "1265/II", "2015/0112") stay one token
through the tokenizer's ``token_match``; organisations are found by the ``ratsinfo_orgs``
component (patterns in ``data/organizations.json``).
"""

from __future__ import annotations

import re
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ratsinfo.parsers.nlp import orgs  # noqa: F401 - registers the ratsinfo_orgs component

REFERENCE_TOKEN = re.compile(
    r"^(?:[A-ZÄÖÜ]{1,5}-?)?\d{1,6}(?:[-/][A-Za-z0-9ÄÖÜ]{1,6})+$|^[A-Z]{1,4}-[A-Z]-\d+(?:-[A-Z]+-\d+)?$")


@Language.component("ratsinfo_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence in council documents (headings, bullets, list items)."""
    text = doc.text
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if tok.text in ("•", "§") or prev.text == "•":
            tok.is_sent_start = True
            continue
        gap = prev.whitespace_ + (prev.text if prev.is_space else "")
        if "\n" not in gap:
            continue
        line_start = text.rfind("\n", 0, prev.idx) + 1
        prev_line = text[line_start:prev.idx + len(prev.text)]
        if gap.count("\n") > 1 or prev.text in (".", ":", "?", "!") or len(prev_line.strip()) < 60 \
                or tok.text[:1].isdigit() or tok.text in ("-", "–"):
            tok.is_sent_start = True
        else:
            tok.is_sent_start = False  # a PDF line break inside a sentence
    return doc


@cache
def german() -> Language:
    """Build (once per process) the offline German pipeline."""
    nlp = spacy.blank("de")
    default_match = nlp.tokenizer.token_match

    def token_match(text: str):  # noqa: ANN202 - spaCy's callback shape
        if REFERENCE_TOKEN.match(text):
            return True
        return default_match(text) if default_match else None

    nlp.tokenizer.token_match = token_match
    nlp.add_pipe("ratsinfo_line_breaks")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()  # loads the lookup tables of spacy-lookups-data

    nlp.add_pipe("ratsinfo_orgs")
    nlp.max_length = 5_000_000
    return nlp


def analyse(text: str) -> Doc:
    return german()(text)
