import time

import pytest

from ratsinfo.demo.pdfwriter import text_to_pdf
from ratsinfo.errors import ParseError
from ratsinfo.parsers.pdf import extract_pdf
from ratsinfo.parsers.timeout import run_with_timeout

RULES = "\n".join(
    ["Geschäftsordnung des Seniorenbeirats", "§ 1 Sitzungen"]
    + [f"Absatz {i}: Der Beirat tagt öffentlich im Großen Saal, Einladungen gehen schriftlich zu." for i in range(90)]
    + ["Die Zusammenarbeit mit der Kriminal-", "prävention wird gestärkt."]
)


@pytest.fixture(scope="module")
def pdf_bytes() -> bytes:
    return text_to_pdf(RULES)


@pytest.mark.parametrize("engine", ["pdfium", "plumber"])
def test_both_engines_read_every_page_without_footers_and_with_umlauts(pdf_bytes, engine):
    out = extract_pdf(pdf_bytes, engine)
    assert out.pages >= 2
    assert "Seite 1 von" not in out.text
    assert "Geschäftsordnung des Seniorenbeirats" in out.text
    assert "im Großen Saal" in out.text
    assert "Kriminalprävention wird gestärkt" in out.text
    assert out.text.count("Absatz") == 90


def test_both_engines_agree_on_the_text(pdf_bytes):
    assert extract_pdf(pdf_bytes, "pdfium").text.split() == extract_pdf(pdf_bytes, "plumber").text.split()


@pytest.mark.parametrize("engine", ["pdfium", "plumber"])
def test_encrypted_pdfs_are_refused_with_a_reason(engine):
    with pytest.raises(ParseError, match="encrypted"):
        extract_pdf(text_to_pdf("Vertraulich", password="geheim"), engine)


@pytest.mark.parametrize("engine", ["pdfium", "plumber"])
def test_truncated_and_corrupt_pdfs_are_refused_with_a_reason(pdf_bytes, engine):
    with pytest.raises(ParseError, match="corrupt or truncated"):
        extract_pdf(pdf_bytes[: len(pdf_bytes) // 3], engine)
    with pytest.raises(ParseError):
        extract_pdf(b"%PDF-1.7\n" + bytes(range(256)) * 20, engine)


def test_bytes_that_are_no_pdf_are_refused():
    with pytest.raises(ParseError, match="not a PDF"):
        extract_pdf(b"")


def _sleep(seconds: float) -> str:
    time.sleep(seconds)
    return "done"


def test_a_parse_that_takes_too_long_is_stopped():
    started = time.monotonic()
    with pytest.raises(ParseError, match="longer than"):
        run_with_timeout(_sleep, (30,), 0.5, "slow parse")
    assert time.monotonic() - started < 10


def test_a_parse_within_its_time_returns_its_result(pdf_bytes):
    out = run_with_timeout(extract_pdf, (pdf_bytes,), 60, "PDF")
    assert out.pages >= 2


def test_the_pdf_worker_pool_parses_and_stops_what_hangs(pdf_bytes):
    from ratsinfo.parsers.timeout import PdfWorkers

    workers = PdfWorkers(processes=1, seconds=60)
    try:
        assert workers.result(workers.submit(pdf_bytes), "PDF").pages >= 2
        with pytest.raises(ParseError, match="corrupt"):
            workers.result(workers.submit(pdf_bytes[:500]), "PDF")
        workers.seconds = 0.0001
        with pytest.raises(ParseError, match="longer than"):
            workers.result(workers.submit(text_to_pdf("Seite\n" * 3000)), "PDF")
        workers.seconds = 60
        assert workers.result(workers.submit(pdf_bytes), "PDF").pages >= 2  # a new pool after the stop
    finally:
        workers.close()
