"""ingest files end to end: real corpus, bad inputs, idempotence, changed files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ratsinfo.demo.pdfwriter import text_to_pdf
from ratsinfo.pipeline import ingest_files


def table_counts(con) -> dict[str, int]:
    tables = ["document", "paper", "paper_relation", "consultation", "file", "question", "answer"]
    return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}


@pytest.fixture
def loaded(fresh_db, store, corpus):
    run = ingest_files(fresh_db, store, [str(corpus / "seeds"), str(corpus / "allris-html")])
    assert run.errors == []
    return fresh_db


def test_the_leipzig_answer_yields_six_questions_with_answers(loaded):
    rows = loaded.execute(
        "SELECT q.number, a.text IS NOT NULL, ap.reference FROM question q "
        "JOIN paper p ON p.key = q.paper_key LEFT JOIN answer a ON a.question_key = q.key "
        "LEFT JOIN paper ap ON ap.key = a.paper_key WHERE p.reference = 'VII-F-00741' ORDER BY 1").fetchall()
    assert rows == [(n, True, "VII-F-00741-AW-01") for n in range(1, 7)]


def test_lineage_holds_answer_to_and_the_dresden_annex(loaded):
    rels = set(loaded.execute("SELECT subject_reference, relation, target_reference FROM paper_relation").fetchall())
    assert ("VII-F-00741-AW-01", "answer_to", "VII-F-00741") in rels
    assert ("Anlage 1 zu V0220/25", "annex_of", "V0220/25") in rels
    assert ("VII-F-00741-AW-01", "refers_to", "V-554/10") in rels


def test_each_real_vo020_page_is_a_paper_with_its_beratungsfolge(loaded):
    rows = loaded.execute(
        "SELECT p.reference, p.name IS NOT NULL, p.paper_type, p.under_direction_of, list(c.organization_name) "
        "FROM paper p JOIN consultation c ON c.paper_key = p.key "
        "WHERE p.reference IN ('22-3995', '22-2362', '22-2402') GROUP BY ALL ORDER BY 1").fetchall()
    assert [r[0] for r in rows] == ["22-2362", "22-2402", "22-3995"]
    assert all(r[1] and r[2] and r[3] and r[4] == ["Hauptausschuss"] for r in rows)


def test_documents_keep_origin_hash_type_and_encoding(loaded, store, corpus):
    rows = loaded.execute("SELECT origin, sha256, content_type, encoding, kind FROM document").fetchall()
    assert len(rows) == len([p for p in (corpus / "seeds").iterdir()]) + len(
        [p for p in (corpus / "allris-html").rglob("*") if p.is_file()])
    for origin, sha, _ctype, _enc, _kind in rows:
        assert store.get(sha) == Path(origin).read_bytes()
    vo = [r for r in rows if r[4] == "allris3_vo020"]
    assert len(vo) == 3 and all(r[2] == "text/html" and r[3] == "iso-8859-1" for r in vo)


def test_a_second_run_changes_nothing_and_says_so(loaded, store, corpus):
    before = table_counts(loaded)
    snapshot = loaded.execute("SELECT key, row_hash FROM paper ORDER BY key").fetchall()
    run = ingest_files(loaded, store, [str(corpus / "seeds"), str(corpus / "allris-html")])
    assert run.counts["document"]["unchanged"] == run.inputs
    assert run.counts["document"]["inserted"] == 0 and run.counts["document"]["updated"] == 0
    assert table_counts(loaded) == before
    assert loaded.execute("SELECT key, row_hash FROM paper ORDER BY key").fetchall() == snapshot


def bad_inputs(folder: Path, corpus: Path) -> dict[str, str]:
    """Write one file of every kind of bad input; return name -> words its error must hold."""
    folder.mkdir(parents=True, exist_ok=True)
    pdf = text_to_pdf("Niederschrift der Sitzung\n" * 40)
    (folder / "kaputt.pdf").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 8)
    (folder / "abgeschnitten.pdf").write_bytes(pdf[: len(pdf) // 3])
    (folder / "verschluesselt.pdf").write_bytes(text_to_pdf("Geheim", password="pw"))
    (folder / "leer.pdf").write_bytes(b"")
    page = (corpus / "allris-html" / "altona" / "vo020.html").read_bytes()
    (folder / "vo020-abgebrochen.html").write_bytes(page[: len(page) // 2])
    (folder / "bild.html").write_bytes(bytes(range(256)) * 30)
    return {"kaputt.pdf": "corrupt", "abgeschnitten.pdf": "truncated", "verschluesselt.pdf": "encrypted",
            "leer.pdf": "empty", "vo020-abgebrochen.html": "truncated", "bild.html": "binary"}


def test_every_kind_of_bad_input_is_recorded_and_the_run_goes_on(fresh_db, store, corpus, tmp_path):
    folder = tmp_path / "export"
    expected = bad_inputs(folder, corpus)
    (folder / "latin1.txt").write_bytes("Der Präventionsrat tagt viermal im Jahr.".encode("iso-8859-1"))
    run = ingest_files(fresh_db, store, [str(folder)])
    assert run.inputs == len(expected) + 1
    errors = {Path(i).name: reason for i, _stage, reason in run.errors}
    assert set(errors) == set(expected)
    for name, words in expected.items():
        assert words in errors[name], (name, errors[name])
    stored = fresh_db.execute("SELECT count(*) FROM run_error WHERE run_id = ?", [run.id]).fetchone()[0]
    assert stored == len(expected)
    assert fresh_db.execute("SELECT status FROM run WHERE id = ?", [run.id]).fetchone()[0] == "partial"
    text = fresh_db.execute("SELECT text FROM file WHERE name = 'latin1.txt'").fetchone()[0]
    assert text == "Der Präventionsrat tagt viermal im Jahr."


def test_bad_input_never_loses_what_is_stored(fresh_db, store, corpus, tmp_path):
    ingest_files(fresh_db, store, [str(corpus / "seeds")])
    before = table_counts(fresh_db)
    bad_inputs(tmp_path / "bad", corpus)
    ingest_files(fresh_db, store, [str(tmp_path / "bad")])
    after = table_counts(fresh_db)
    assert {k: v for k, v in after.items() if k != "document"} == {k: v for k, v in before.items() if k != "document"}
    assert fresh_db.execute("SELECT count(*) FROM question").fetchone()[0] == 6


def test_a_file_that_vanishes_during_the_run_is_reported(fresh_db, store, tmp_path):
    folder = tmp_path / "export"
    folder.mkdir()
    (folder / "a.txt").write_text("Erste Niederschrift")
    (folder / "b.txt").write_text("Zweite Niederschrift")

    def delete_b(origin: str) -> None:
        if origin.endswith("a.txt"):
            (folder / "b.txt").unlink()

    run = ingest_files(fresh_db, store, [str(folder)], progress=delete_b)
    assert [(Path(i).name, s) for i, s, _ in run.errors] == [("b.txt", "read")]
    assert "vanished" in run.errors[0][2]
    assert fresh_db.execute("SELECT count(*) FROM file").fetchone()[0] == 1


def test_a_pdf_over_its_time_limit_is_stopped_and_reported(fresh_db, store, tmp_path):
    folder = tmp_path / "export"
    folder.mkdir()
    (folder / "lang.pdf").write_bytes(text_to_pdf("Sitzungsniederschrift mit vielen Seiten\n" * 2000))
    run = ingest_files(fresh_db, store, [str(folder)], pdf_timeout=0.001)
    assert len(run.errors) == 1 and "longer than" in run.errors[0][2]


def test_a_changed_file_updates_its_records_and_keeps_the_older_version(fresh_db, store, corpus, tmp_path):
    folder = tmp_path / "export"
    folder.mkdir()
    target = folder / "antwort.txt"
    original = (corpus / "seeds" / "leipzig-VII-F-00741-AW-01-antwort.txt").read_text(encoding="utf-8")
    target.write_text(original, encoding="utf-8")
    ingest_files(fresh_db, store, [str(folder)])
    target.write_text(original.replace("Betreff: Kommunaler Präventionsrat", "Betreff: Präventionsrat neu"),
                      encoding="utf-8")
    run = ingest_files(fresh_db, store, [str(folder)])
    assert run.counts["paper"]["updated"] >= 1
    assert fresh_db.execute(
        "SELECT name FROM paper WHERE reference = 'VII-F-00741-AW-01'").fetchone()[0] == "Präventionsrat neu"
    versions = fresh_db.execute("SELECT is_current FROM document ORDER BY first_run").fetchall()
    assert versions == [(False,), (True,)]
    assert fresh_db.execute("SELECT count(*) FROM answer WHERE NOT deleted").fetchone()[0] == 6


def test_thousands_of_small_files_in_one_folder(fresh_db, store, tmp_path):
    """2,000 files: ten load batches of 200 documents and one folder listing of thousands; 4,000 and 10,000
    showed nothing more and took 10 s and 40 s of the suite."""
    folder = tmp_path / "viele"
    folder.mkdir()
    for i in range(2_000):
        (folder / f"notiz-{i:05d}.txt").write_text(f"Notiz {i}: Der Ausschuss tagte am {1 + i % 28}.03.2021.")
    run = ingest_files(fresh_db, store, [str(folder)])
    assert run.errors == [] and run.counts["document"]["inserted"] == 2_000
    assert fresh_db.execute("SELECT count(*) FROM file").fetchone()[0] == 2_000
    again = ingest_files(fresh_db, store, [str(folder)])
    assert again.counts["document"]["unchanged"] == 2_000


def test_the_demo_export_links_inquiry_answer_and_annex(fresh_db, store, tmp_path):
    from ratsinfo.demo import prepare_export
    from tests.conftest import EXAMPLES

    export = prepare_export(EXAMPLES, tmp_path / "export")
    assert (export / "anlage-1-zu-V-0077-2022-geschaeftsordnung.pdf").read_bytes().startswith(b"%PDF")
    run = ingest_files(fresh_db, store, [str(export)], body="Stadtrat Falkenried")
    assert run.errors == []
    rels = set(fresh_db.execute("SELECT subject_reference, relation, target_reference FROM paper_relation").fetchall())
    assert ("A-0412/2023-AW-01", "answer_to", "A-0412/2023") in rels
    assert ("Anlage 1 zu V-0077/2022", "annex_of", "V-0077/2022") in rels
    inquiry = fresh_db.execute(
        "SELECT paper_type, originator, stub FROM paper WHERE reference = 'A-0412/2023'").fetchone()
    assert inquiry == ("Anfrage", "Fraktion Grüne Liste Falkenried", False)
    answer = fresh_db.execute(
        "SELECT under_direction_of, originator FROM paper WHERE reference = 'A-0412/2023-AW-01'").fetchone()
    assert answer == ("31 Ordnungsamt", "Bürgermeisterin für Ordnung und Soziales")
    assert fresh_db.execute("SELECT count(*) FROM answer").fetchone()[0] == 4
    shutil.rmtree(export)


def test_facts_are_stored_with_spans_into_the_document_text(loaded):
    rows = loaded.execute(
        "SELECT f.kind, f.text, substr(d.text, f.start + 1, f.\"end\" - f.start) FROM fact f "
        "JOIN document d ON d.key = f.document_key").fetchall()
    assert len(rows) > 50
    for kind, text, span in rows:
        assert span.strip() == text, kind
    kinds = {r[0] for r in rows}
    assert {"organization", "working_group", "session_count", "meeting", "topic", "person", "paper_reference",
            "rule", "question"} <= kinds


def test_extraction_fills_organizations_meetings_topics_and_rules(loaded):
    org = loaded.execute("SELECT name, kind, abbreviation, aliases FROM organization "
                         "WHERE name = 'Lenkungsgruppe'").fetchone()
    assert org[1] == "staff" and "Lenkungsgremium" in org[3]
    meetings = loaded.execute("SELECT number, CAST(start AS DATE) FROM meeting WHERE method = 'text' "
                              "ORDER BY number").fetchall()
    assert [(m[0], str(m[1])) for m in meetings] == [("40", "2019-10-07"), ("41", "2019-11-25")]
    assert loaded.execute("SELECT count(*) FROM topic").fetchone()[0] >= 31
    assert loaded.execute("SELECT count(*) FROM rule WHERE rule = 'meeting_frequency'").fetchone()[0] == 1
