import hashlib

import pytest

from ratsinfo.ingest.rawstore import RawStore


def test_bytes_are_stored_once_under_their_hash_and_never_altered(tmp_path):
    store = RawStore(tmp_path)
    data = "Sitzung des Präventionsrates\r\n".encode("cp1252")
    digest = store.put(data)
    assert digest == hashlib.sha256(data).hexdigest()
    assert store.get(digest) == data
    assert store.put(data) == digest
    assert len([p for p in (tmp_path / "raw").rglob("*") if p.is_file()]) == 1


def test_store_paths_cannot_be_steered_by_input(tmp_path):
    store = RawStore(tmp_path)
    for bad in ("../../etc/passwd", "a" * 63 + "/", "A" * 64):
        with pytest.raises(ValueError):
            store.path_for(bad)
