"""The packed lemma table answers every form of spacy-lookups-data's table as the dict of the file does."""

from __future__ import annotations

import gzip
import json

import pytest

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


def test_a_table_written_to_bytes_reads_back_the_same() -> None:
    table = LemmaTable({"Ausschüsse": "Ausschuss", "Beiräte": "Beirat", "Räte": "Rat", "Straßen": "Straße"})
    again = LemmaTable.from_bytes(table.to_bytes())
    assert len(again) == 4
    assert [again.get(w) for w in ("Ausschüsse", "Beiräte", "Räte", "Straßen", "Rat")] == [
        "Ausschuss", "Beirat", "Rat", "Straße", None]
    for broken in (b"", b"not a table", table.to_bytes()[:-3], table.to_bytes() + b"x"):
        with pytest.raises(ValueError):
            LemmaTable.from_bytes(broken)


@pytest.fixture
def fresh_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("RATSINFO_CACHE_DIR", str(tmp_path / "cache"))
    lemma_table.cache_clear()
    yield tmp_path / "cache"
    lemma_table.cache_clear()


def test_the_table_is_packed_once_into_the_cache_folder_and_read_from_it_after(fresh_cache) -> None:
    built = lemma_table()
    [kept] = fresh_cache.glob("de_lemma_lookup-*.bin")
    written = kept.stat().st_mtime_ns
    lemma_table.cache_clear()
    read = lemma_table()
    assert kept.stat().st_mtime_ns == written and not list(fresh_cache.glob("*.tmp"))
    pairs = _file_table()
    assert len(read) == len(built) == len(pairs)
    assert all(read.get(form) == pairs[form] for form in list(pairs)[::50])


def test_a_damaged_cache_file_is_packed_again(fresh_cache) -> None:
    lemma_table()
    [kept] = fresh_cache.glob("de_lemma_lookup-*.bin")
    kept.write_bytes(kept.read_bytes()[: kept.stat().st_size // 2])
    lemma_table.cache_clear()
    assert lemma_table().get("Ausschüsse") == _file_table()["Ausschüsse"]
    assert LemmaTable.from_bytes(kept.read_bytes()).get("Ausschüsse") == _file_table()["Ausschüsse"]
