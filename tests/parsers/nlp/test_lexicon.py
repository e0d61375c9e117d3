"""The packed lemma table answers every form of spacy-lookups-data's table as the dict of the file does."""

from __future__ import annotations

import gzip
import json

from ratsinfo.parsers.nlp.lexicon import LemmaTable, _package_dir, lemma_table


def _file_table() -> dict[str, str]:
    path = _package_dir("spacy_lookups_data") / "data" / "de_lemma_lookup.json.gz"
    return json.loads(gzip.decompress(path.read_bytes()))


def test_every_form_of_the_file_finds_its_lemma() -> None:
    pairs = _file_table()
    table = lemma_table()
    assert len(table) == len(pairs)
    assert all(table.get(form) == lemma for form, lemma in pairs.items())


def test_forms_not_in_the_table_give_the_default() -> None:
    table = LemmaTable({"Ausschüsse": "Ausschuss", "Beiräte": "Beirat", "Räte": "Rat"})
    assert table.get("Ausschüsse") == "Ausschuss"
    assert table.get("Räte") == "Rat"
    for missing in ("Ausschüss", "Ausschüssex", "A", "Zzz", ""):
        assert table.get(missing) is None
        assert table.get(missing, "fallback") == "fallback"


def test_an_empty_table_finds_nothing() -> None:
    assert LemmaTable({}).get("Rat") is None
