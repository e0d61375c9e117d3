"""A folder with good files beside every bad kind: each good file is stored, each bad one reported
with its reason, and nothing outside the folder is read."""

from __future__ import annotations

import os
import stat

import pytest

from ratsinfo.demo.pdfwriter import text_to_pdf
from ratsinfo.errors import printable
from ratsinfo.ingest.files import max_file_bytes, read, walk
from ratsinfo.pipeline import ingest_files

GOOD = {
    "anfrage.txt": "Anfrage der Fraktion Beispiel zur Sanierung der Grundschule am Park.",
    "antwort.html": "<html><body><p>Die Verwaltung antwortet auf die Anfrage zur Schulsanierung.</p></body></html>",
    "unter/bericht.txt": "Bericht über den Radverkehr im Stadtteil Nord.",
}


@pytest.fixture
def hostile_folder(tmp_path):
    folder = tmp_path / "export"
    (folder / "unter").mkdir(parents=True)
    for name, text in GOOD.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "vorlage.pdf").write_bytes(text_to_pdf("Vorlage zur Beschaffung von Fahrrädern für die Verwaltung."))
    secret = tmp_path / "geheim.txt"
    secret.write_text("root:x:0:0:geheim", encoding="utf-8")
    os.symlink(secret, folder / "passwd-link.txt")
    os.symlink("/dev/zero", folder / "null.txt")
    os.symlink(folder / "fehlt.txt", folder / "kaputt.txt")
    os.symlink(folder / "anfrage.txt", folder / "unter" / "verweis.txt")  # inside: read like the file itself
    os.mkfifo(folder / "rohr.txt")
    name = os.fsencode(folder) + b"/sch\xf6n.txt"  # Latin-1 bytes: not UTF-8
    with open(name, "wb") as fh:
        fh.write("Eine Datei mit einem Namen in Latin-1 über den Stadtpark.".encode())
    (folder / "zwei\nError: gefälscht.txt").write_text("Eine Zeile über den Haushalt.", encoding="utf-8")
    return folder


def test_every_good_file_is_stored_and_every_bad_one_reported(hostile_folder, fresh_db, store):
    run = ingest_files(fresh_db, store, [str(hostile_folder)], extract_facts=False)
    errors = {os.path.basename(i): r for i, s, r in run.errors}
    assert "outside the folder" in errors["passwd-link.txt"]
    assert "outside the folder" in errors["null.txt"]  # /dev/zero is outside too, and never opened
    assert "FIFO" in errors["rohr.txt"]
    assert "broken symbolic link" in errors["kaputt.txt"]
    assert len(run.errors) == 4
    origins = {r[0] for r in fresh_db.execute("SELECT origin FROM document WHERE parse_status = 'ok'").fetchall()}
    names = {os.path.basename(o) for o in origins}
    assert {"antwort.html", "bericht.txt", "vorlage.pdf"} <= names
    assert names & {"anfrage.txt", "verweis.txt"}  # a link inside the folder is the same document as its file
    assert "sch\\xf6n.txt" in names  # stored, its name escaped
    assert "zwei\\nError: gefälscht.txt" in names  # one line: the newline cannot start a forged message
    texts = " ".join(t for (t,) in fresh_db.execute("SELECT text FROM document").fetchall() if t)
    assert "root:x:0" not in texts and "Stadtpark" in texts


def test_the_warehouse_inside_the_folder_is_passed_over(tmp_path):
    (tmp_path / "a.txt").write_text("Text")
    (tmp_path / "w.duckdb").write_bytes(b"not a council paper")
    (tmp_path / "home" / "raw").mkdir(parents=True)
    (tmp_path / "home" / "raw" / "ab12").write_bytes(b"stored bytes")
    found = [f.path.name for f in walk([str(tmp_path)], skip=[tmp_path / "w.duckdb", tmp_path / "home"])]
    assert found == ["a.txt"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every folder whatever its mode")
def test_a_folder_that_cannot_be_listed_is_reported(tmp_path):
    closed = tmp_path / "zu"
    closed.mkdir()
    (closed / "x.txt").write_text("x")
    closed.chmod(0)
    try:
        found = list(walk([str(tmp_path)]))
    finally:
        closed.chmod(stat.S_IRWXU)
    assert len(found) == 1 and "cannot list the folder" in found[0].error


def test_a_named_fifo_is_refused_without_blocking(tmp_path):
    os.mkfifo(tmp_path / "rohr")
    found = list(walk([str(tmp_path / "rohr")]))
    assert "FIFO" in found[0].error
    with pytest.raises(OSError, match="not a regular file"):
        read(tmp_path / "rohr")


def test_the_file_size_limit_follows_the_warehouse_memory_limit(tmp_path, monkeypatch):
    assert max_file_bytes("384MB") == 96_000_000
    assert max_file_bytes("1GiB") == 2**28
    monkeypatch.setenv("RATSINFO_MEMORY_LIMIT", "4MB")
    big = tmp_path / "gross.txt"
    big.write_bytes(b"a" * 1_000_001)
    with pytest.raises(OSError, match="larger than 1000000 bytes"):
        read(big)


def test_messages_escape_control_characters_and_undecodable_bytes():
    assert printable("a\nError: b") == "a\\nError: b"
    assert printable(os.fsdecode(b"sch\xf6n")) == "sch\\xf6n"
    assert "\n" not in printable("".join(map(chr, range(32))))
