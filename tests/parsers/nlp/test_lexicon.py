"""The packed lemma table answers every form of spacy-lookups-data's table as the dict of the file does."""

from __future__ import annotations

import gzip
import json

from ratsinfo.parsers.nlp.lexicon import LemmaTable, _package_dir, lemma_table


def _file_table() -> dict[str, str]:
    path = _package_dir("spacy_lookups_data") / "data" / "de_lemma_lookup.json.gz"
    return json.loads(gzip.decompress(path.read_bytes()))


def test_the_forms_of_the_file_find_their_lemmas() -> None:
    """Every 20th form in the file's order, and the first and last in sorted order (the search's ends)."""
    pairs = _file_table()
    table = lemma_table()
    assert len(table) == len(pairs)
    ordered = sorted(pairs)
    forms = [*list(pairs)[::20], ordered[0], ordered[-1]]
    assert all(table.get(form) == pairs[form] for form in forms)


def test_forms_not_in_the_table_give_the_default() -> None:
    table = LemmaTable({"Ausschüsse": "Ausschuss", "Beiräte": "Beirat", "Räte": "Rat"})
    assert table.get("Ausschüsse") == "Ausschuss"
    assert table.get("Räte") == "Rat"
    for missing in ("Ausschüss", "Ausschüssex", "A", "Zzz", ""):
        assert table.get(missing) is None
        assert table.get(missing, "fallback") == "fallback"


def test_an_empty_table_finds_nothing() -> None:
    assert LemmaTable({}).get("Rat") is None
