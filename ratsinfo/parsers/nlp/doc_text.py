"""The text a spaCy Doc was made from, read once per document.

``Doc.text`` joins every token's text each time it is read: a whole pass over the document. The line-break
component, the organisation finder and the extractors' context all need the text, so it is kept in the
Doc's ``user_data`` (the pipeline puts the input string there before the components run)."""

from __future__ import annotations

from spacy.tokens import Doc

_KEY = "ratsinfo_text"


def remember_text(doc: Doc, text: str) -> Doc:
    """Keep ``text`` (the string the tokenizer read, equal to ``doc.text``) with the Doc."""
    doc.user_data[_KEY] = text
    return doc


def text_of(doc: Doc) -> str:
    """The Doc's text: the kept string, or ``doc.text`` read once and kept."""
    text = doc.user_data.get(_KEY)
    if text is None:
        text = doc.user_data[_KEY] = doc.text
    return text
