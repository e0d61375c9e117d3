"""German word lists without spaCy: the lemma table of spacy-lookups-data and spaCy's German stop words.

The theme classifier needs only these two lists. Building the spaCy pipeline for them cost four to six
seconds of CPU in every process that classified a title (importing spaCy, building the pipeline,
copying the table into spaCy's own store); reading the two files directly takes half a second."""

from __future__ import annotations

import ast
import contextlib
import gzip
import importlib.util
import json
import re
import struct
from array import array
from bisect import bisect_left
from functools import cache
from pathlib import Path

from ratsinfo.config import cache_dir, keep_in_cache


def _package_dir(name: str) -> Path:
    """Where a package lives, found without importing it (importing spaCy alone takes a second)."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(f"{name} is not installed: run `make .venv/.installed`")
    return Path(next(iter(spec.submodule_search_locations)))


class LemmaTable:
    """Word form → lemma, held as two strings (the sorted forms, the distinct lemmas) with the offsets of their
    words and each form's lemma number. Why: as a dict, the 355,000 pairs of strings took about 80 MB in every
    process that classified a title (the ingest's resting memory, before DuckDB's); this takes about 12 MB,
    and no small string of the file outlives loading, so its memory goes back to the system. A lookup is a
    binary search of some 19 steps; the classifier keeps each word's lemma once found."""

    def __init__(self, pairs: dict[str, str]) -> None:
        forms = sorted(pairs)
        lemmas = sorted(set(pairs.values()))
        number = {lemma: i for i, lemma in enumerate(lemmas)}
        self._forms, self._form_ends = _packed(forms)
        self._lemmas, self._lemma_ends = _packed(lemmas)
        self._lemma_of = array("L", (number[pairs[form]] for form in forms))
        self._positions = range(len(forms))

    def __len__(self) -> int:
        return len(self._positions)

    def to_bytes(self) -> bytes:
        """The packed table as one byte string (see ``from_bytes``)."""
        forms, lemmas = self._forms.encode("utf-8"), self._lemmas.encode("utf-8")
        parts = (forms, lemmas, self._form_ends.tobytes(), self._lemma_ends.tobytes(), self._lemma_of.tobytes())
        return MAGIC + struct.pack("<B5Q", array("L").itemsize, *map(len, parts)) + b"".join(parts)

    @classmethod
    def from_bytes(cls, data: bytes) -> LemmaTable:
        """A table written by ``to_bytes`` on a machine of the same word size; ValueError when it is not one."""
        head = len(MAGIC) + struct.calcsize("<B5Q")
        if len(data) < head or not data.startswith(MAGIC):
            raise ValueError("not a packed lemma table")
        size, *lengths = struct.unpack("<B5Q", data[len(MAGIC):head])
        if size != array("L").itemsize or head + sum(lengths) != len(data):
            raise ValueError("a packed lemma table of another machine, or cut short")
        parts, at = [], head
        for n in lengths:
            parts.append(data[at:at + n])
            at += n
        table = cls.__new__(cls)
        table._forms, table._lemmas = parts[0].decode("utf-8"), parts[1].decode("utf-8")
        table._form_ends, table._lemma_ends, table._lemma_of = (array("L", b) for b in parts[2:])
        table._positions = range(len(table._form_ends) - 1)
        if len(table._lemma_of) != len(table._positions) or table._form_ends[-1] != len(table._forms):
            raise ValueError("a damaged packed lemma table")
        return table

    def _form(self, i: int) -> str:
        return self._forms[self._form_ends[i]:self._form_ends[i + 1]]

    def get(self, form: str, default: str | None = None) -> str | None:
        i = bisect_left(self._positions, form, key=self._form)
        if i == len(self._positions) or self._form(i) != form:
            return default
        n = self._lemma_of[i]
        return self._lemmas[self._lemma_ends[n]:self._lemma_ends[n + 1]]


def _packed(words: list[str]) -> tuple[str, array]:
    """The words joined, and where each ends (word i is text[ends[i]:ends[i + 1]])."""
    ends = array("L", [0] * (len(words) + 1))
    end = 0
    for i, word in enumerate(words, 1):
        end += len(word)
        ends[i] = end
    return "".join(words), ends


MAGIC = b"ratsinfo-lemmas-1\n"


@cache
def lemma_table() -> LemmaTable:
    """Word form → lemma, the same lookup table spaCy's German lookup lemmatizer reads.

    Packed once and kept in the cache folder (named after the source file's size and time, so a new
    spacy-lookups-data makes a new one): unpacking the file and sorting its 355,000 forms cost about 0.8 s
    of CPU in every process that classified a title (each refresh, each ``ask``); reading the packed table
    takes a few milliseconds. Without a writable cache folder the table is packed in memory, as before."""
    path = _package_dir("spacy_lookups_data") / "data" / "de_lemma_lookup.json.gz"
    stat = path.stat()
    kept = cache_dir() / f"de_lemma_lookup-{stat.st_size}-{stat.st_mtime_ns}.bin"
    with contextlib.suppress(OSError, ValueError):
        return LemmaTable.from_bytes(kept.read_bytes())
    table = LemmaTable(json.loads(gzip.decompress(path.read_bytes())))
    keep_in_cache(kept, lambda tmp: tmp.write_bytes(table.to_bytes()))  # a read-only home: packed again next time
    return table


@cache
def stop_words() -> frozenset[str]:
    """spaCy's German stop words, read from its source file: the file assigns one string literal
    split on white space, so the literal is taken from the syntax tree instead of importing spaCy."""
    source = (_package_dir("spacy") / "lang" / "de" / "stop_words.py").read_text(encoding="utf-8")
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and len(node.value) > 100:
            return frozenset(node.value.split())
    raise ValueError("spaCy's German stop word list has changed its form: update ratsinfo/parsers/nlp/lexicon.py")


FAKER_LOCALES = ("de_DE", "de_AT", "de_CH")
# the languages of the largest groups of residents of German-speaking towns with another first language, and of the
# neighbouring countries: their councillors, staff and citizens carry these names (read in Latin letters only)
FAKER_WIDER_LOCALES = ("tr_TR", "pl_PL", "it_IT", "ro_RO", "hr_HR", "sl_SI", "cs_CZ", "sk_SK", "hu_HU", "nl_NL",
                       "fr_FR", "es_ES", "pt_PT", "en_GB", "en_US", "da_DK", "sv_SE")


def _literal_names(value: ast.expr | None) -> list[str]:
    """The string literals a provider's list holds: a tuple or list of names, a dict keyed by them, or an
    ``OrderedDict`` of (name, weight) pairs."""
    if isinstance(value, ast.Dict):
        items: list[ast.expr | None] = list(value.keys)
    elif isinstance(value, (ast.Tuple, ast.List)):
        items = list(value.elts)
    elif isinstance(value, ast.Call) and value.args and isinstance(value.args[0], (ast.Tuple, ast.List)):
        items = [e.elts[0] if isinstance(e, ast.Tuple) and e.elts else e for e in value.args[0].elts]
    else:
        return []
    return [k.value for k in items if isinstance(k, ast.Constant) and isinstance(k.value, str)]


def lexicon_sources() -> list[Path]:
    """The files the name lists are read from (Faker's providers, the lemma table, spaCy's stop words): what a
    table derived from them is named after."""
    providers = _package_dir("faker") / "providers" / "person"
    return [*(providers / locale / "__init__.py" for locale in (*FAKER_LOCALES, *FAKER_WIDER_LOCALES)),
            _package_dir("spacy_lookups_data") / "data" / "de_lemma_lookup.json.gz",
            _package_dir("spacy") / "lang" / "de" / "stop_words.py"]


def _provider_lists(locale: str, wanted: tuple[str, ...]) -> dict[str, list[str]]:
    """The named lists of one Faker person provider, read from its source (importing Faker costs a tenth of a
    second for lists that are plain data)."""
    path = _package_dir("faker") / "providers" / "person" / locale / "__init__.py"
    out: dict[str, list[str]] = {}
    with contextlib.suppress(OSError):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            target = node.targets[0] if isinstance(node, ast.Assign) and len(node.targets) == 1 else \
                node.target if isinstance(node, ast.AnnAssign) else None
            if isinstance(target, ast.Name) and target.id in wanted and target.id not in out:
                out[target.id] = _literal_names(node.value)
    return out


_LATIN = re.compile(r"[A-Za-zÀ-ÖØ-öø-ɏ]+")


@cache
def faker_first_names(locales: tuple[str, ...] = FAKER_LOCALES) -> dict[str, str]:
    """The first names Faker writes for the people of ``locales``, in Latin letters, with their gender ('m', 'f'):
    for Germany, Austria and Switzerland about 3,000 names as registry offices record them, where ratsinfo's own
    list holds the thousand most common; with FAKER_WIDER_LOCALES those of a council's members and staff whose
    families speak another language."""
    names: dict[str, str] = {}
    for locale in locales:
        for key, found in _provider_lists(locale, ("first_names_male", "first_names_female")).items():
            for name in found:
                if _LATIN.fullmatch(name):
                    names.setdefault(name, "f" if key.endswith("female") else "m")
    if not names:
        raise ValueError("Faker's first names have changed their form: update ratsinfo/parsers/nlp/lexicon.py")
    return names
