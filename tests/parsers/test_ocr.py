"""Scanned PDFs: pages without a text layer are read by Tesseract; pages with one are not."""

from __future__ import annotations

import pypdfium2 as pdfium
import pytest

from ratsinfo.demo.pdfwriter import scan_of, text_to_pdf
from ratsinfo.parsers import ocr
from ratsinfo.parsers.pdf import extract_pdf
from tests.conftest import needs_tesseract

MINUTES = ("Niederschrift über die Sitzung des Arbeitskreises Stadtgrün\n"
           "Der Arbeitskreis Stadtgrün hat im Jahr 2021 viermal getagt.\n"
           "Themen waren die Bewässerung der Straßenbäume und die Pflege der Grünflächen am Mühlenteich.")
RULES = "Geschäftsordnung des Jugendbeirats\n§ 1 Der Jugendbeirat tagt mindestens sechsmal im Jahr öffentlich."


def _joined(*parts: bytes) -> bytes:
    """One PDF of the pages of several (a letter with a scanned annex)."""
    out = pdfium.PdfDocument.new()
    for part in parts:
        src = pdfium.PdfDocument(part)
        out.import_pages(src)
    import io

    buf = io.BytesIO()
    out.save(buf)
    return buf.getvalue()


@pytest.fixture(scope="module")
def scan() -> bytes:
    return scan_of(text_to_pdf(MINUTES))


def test_a_scan_has_no_text_layer_to_begin_with(scan):
    assert extract_pdf(scan, use_ocr=False).text.strip() == ""


@needs_tesseract
def test_the_words_of_a_scanned_page_come_back_by_ocr(scan):
    out = extract_pdf(scan)
    words = set(out.text.split())
    for word in ("Arbeitskreis", "Stadtgrün", "2021", "viermal", "getagt.", "Straßenbäume", "Mühlenteich."):
        assert word in words
    assert out.method == "ocr" and out.ocr_pages == [1] and out.ocr_problems == []


@needs_tesseract
def test_only_the_scanned_page_of_a_mixed_pdf_is_read_by_ocr(scan):
    out = extract_pdf(_joined(text_to_pdf(RULES), scan))
    assert out.ocr_pages == [2]
    assert out.method == "text layer+ocr"
    assert out.text.index("Jugendbeirat") < out.text.index("Mühlenteich")


def test_a_pdf_with_a_text_layer_is_not_read_by_ocr():
    out = extract_pdf(text_to_pdf(RULES))
    assert out.method == "text layer" and out.ocr_pages == []


def test_without_tesseract_the_scan_stays_empty_and_says_why(scan, monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))
    ocr.unavailable.cache_clear()
    try:
        out = extract_pdf(scan)
    finally:
        monkeypatch.undo()
        ocr.unavailable.cache_clear()
    assert out.text.strip() == ""
    assert out.ocr_missing is not None and "tesseract-ocr-deu" in out.ocr_missing


@needs_tesseract
def test_ocr_stops_within_the_time_a_pdf_may_take_and_names_the_pages_left(scan):
    out = extract_pdf(_joined(scan, scan, scan), seconds=0.01)
    assert out.ocr_pages == []
    assert out.ocr_problems[-1].startswith("OCR stopped after 0.008 s, pages ")
    assert out.ocr_problems[-1].endswith("3 not read (raise --pdf-timeout)")
