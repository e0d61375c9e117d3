"""German word lists without spaCy: the lemma table of spacy-lookups-data and spaCy's German stop words.

The theme classifier needs only these two lists. Building the spaCy pipeline for them cost four to six
seconds of CPU in every process that classified a title (importing spaCy, building the pipeline,
copying the table into spaCy's own store); reading the two files directly takes half a second."""

from __future__ import annotations

import ast
import gzip
import importlib.util
import json
from functools import cache
from pathlib import Path


def _package_dir(name: str) -> Path:
    """Where a package lives, found without importing it (importing spaCy alone takes a second)."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(f"{name} is not installed: run `make .venv/.installed`")
    return Path(next(iter(spec.submodule_search_locations)))


@cache
def lemma_table() -> dict[str, str]:
    """Word form → lemma, the same lookup table spaCy's German lookup lemmatizer reads."""
    path = _package_dir("spacy_lookups_data") / "data" / "de_lemma_lookup.json.gz"
    return json.loads(gzip.decompress(path.read_bytes()))


@cache
def stop_words() -> frozenset[str]:
    """spaCy's German stop words, read from its source file: the file assigns one string literal
    split on white space, so the literal is taken from the syntax tree instead of importing spaCy."""
    source = (_package_dir("spacy") / "lang" / "de" / "stop_words.py").read_text(encoding="utf-8")
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and len(node.value) > 100:
            return frozenset(node.value.split())
    raise ValueError("spaCy's German stop word list has changed its form: update ratsinfo/parsers/nlp/lexicon.py")
