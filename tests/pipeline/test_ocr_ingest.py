"""Ingesting scanned PDFs: the OCR text is stored and marked as such, a page OCR cannot read is one
error line, and a machine without Tesseract is told so once while the run goes on."""

from __future__ import annotations

import duckdb
import pytest

from ratsinfo.demo.pdfwriter import scan_of, text_to_pdf
from ratsinfo.parsers import ocr
from tests.conftest import needs_tesseract

SCANNED = ("Bericht des Seniorenbeirats Talheim\n"
           "Der Seniorenbeirat hat im Jahr 2022 fünfmal getagt.\n"
           "Er befasste sich mit dem Bürgerbus und den Sitzbänken am Marktplatz.")
TYPED = "Geschäftsordnung des Seniorenbeirats\n§ 2 Der Seniorenbeirat tagt mindestens viermal im Jahr."


@pytest.fixture
def folder(tmp_path):
    d = tmp_path / "export"
    d.mkdir()
    (d / "bericht-scan.pdf").write_bytes(scan_of(text_to_pdf(SCANNED)))
    (d / "protokoll-scan.pdf").write_bytes(scan_of(text_to_pdf(SCANNED.replace("2022", "2023"))))
    (d / "geschaeftsordnung.pdf").write_bytes(text_to_pdf(TYPED))
    return d


def _rows(db, sql):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


@needs_tesseract
def test_scanned_pages_are_stored_as_ocr_text_and_yield_facts(cli, folder):
    res = cli("ingest", "files", str(folder), "--body", "Gemeinde Talheim")
    assert res.code == 0, res.err
    docs = dict(_rows(cli.db, "SELECT regexp_extract(url, '[^/]+$'), text_method FROM document"))
    assert docs == {"bericht-scan.pdf": "ocr", "protokoll-scan.pdf": "ocr", "geschaeftsordnung.pdf": "text layer"}
    text = _rows(cli.db, "SELECT text FROM document WHERE url LIKE '%bericht-scan.pdf'")[0][0]
    assert "Bürgerbus" in text and "fünfmal getagt" in text
    files = _rows(cli.db, "SELECT text_method FROM file WHERE name = 'bericht-scan.pdf'")
    assert files == [("ocr",)]
    counts = _rows(cli.db, "SELECT number, year FROM fact WHERE kind = 'session_count' AND document_key IN "
                           "(SELECT key FROM document WHERE url LIKE '%bericht-scan.pdf')")
    assert (5, 2022) in counts


def test_without_tesseract_the_run_says_so_once_and_goes_on(cli, folder, monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))
    ocr.unavailable.cache_clear()
    try:
        res = cli("ingest", "files", str(folder))
    finally:
        monkeypatch.undo()
        ocr.unavailable.cache_clear()
    assert res.code == 0, res.err
    notes = [ln for ln in res.err.splitlines() if "tesseract" in ln]
    assert len(notes) == 1 and notes[0].startswith("Note: tesseract is not installed")
    assert _rows(cli.db, "SELECT count(*) FROM run_error WHERE stage = 'note:ocr'") == [(1,)]
    assert _rows(cli.db, "SELECT count(*) FROM document WHERE parse_status = 'ok'") == [(3,)]


@needs_tesseract
def test_a_page_ocr_cannot_read_is_one_error_line_and_the_run_goes_on(cli, folder, monkeypatch):
    monkeypatch.setattr(ocr, "PAGE_SECONDS", 0.001)  # too little time for any page
    res = cli("ingest", "files", str(folder))
    assert res.code == 1
    errors = [ln for ln in res.err.splitlines() if ln.startswith("Error:")]
    assert len(errors) == 2
    assert all("-scan.pdf: page 1: OCR took longer than 0.001 s: that page stays without text" in e for e in errors)
    assert _rows(cli.db, "SELECT count(*) FROM run_error WHERE stage = 'ocr'") == [(2,)]
    typed = _rows(cli.db, "SELECT text_method FROM document WHERE url LIKE '%geschaeftsordnung.pdf'")
    assert typed == [("text layer",)]


@needs_tesseract
def test_scanned_files_of_an_oparl_server_are_read_by_ocr(cli):
    from tests.oparl_server import OParlServer

    scan = scan_of(text_to_pdf(SCANNED))
    with OParlServer(papers=3, meetings=2, persons=2, orgs=2, files_every=3, pdf_pool=[scan]) as srv:
        assert cli("ingest", "oparl", srv.system_url, "--max-rps", "1000").code == 0
    rows = _rows(cli.db, "SELECT text_method, text FROM file WHERE download_status = 'ok'")
    assert rows and all(method == "ocr" and "Bürgerbus" in text for method, text in rows)
