"""Damaged PDFs through the PDF workers: a ParseError or text, never another exception, never a hang."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ratsinfo.demo.pdfwriter import text_to_pdf
from ratsinfo.parsers.timeout import PdfWorkers
from tests.fuzz.harness import mutated, survives

PDFS = [text_to_pdf("Anfrage zur Sanierung der Grundschule.\nDie Verwaltung antwortet.\n" * 20),
        text_to_pdf("Beschluss: Der Rat stimmt zu.", title="Vorlage")]


@pytest.fixture(scope="module")
def workers():
    w = PdfWorkers(processes=2, seconds=4.0)
    yield w
    w.close()


@settings(max_examples=20)
@given(st.data())
def test_damaged_pdfs_give_text_or_a_parse_error(workers, data):
    pdf = data.draw(mutated(PDFS))
    engine = data.draw(st.sampled_from(["pdfium", "plumber"]))
    out = survives(lambda: workers.result(workers.submit(pdf, engine), "PDF"))
    assert out is None or isinstance(out.text, str)
