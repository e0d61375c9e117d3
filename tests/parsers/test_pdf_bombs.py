"""PDF bombs end as a ParseError inside their memory budget: measured in a fresh process, with
real generated PDFs, as the peak resident size of the parse's own process."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.hostile_inputs import text_bomb, zeros_bomb

ROOT = Path(__file__).resolve().parents[2]
GB = 1 << 30

MEASURE = """
import json, resource, sys
from ratsinfo.errors import ParseError
from ratsinfo.parsers.pdf import extract_pdf
from ratsinfo.parsers.timeout import PdfWorkers, run_with_timeout

def main():
    data = open(sys.argv[1], "rb").read()
    said = []
    workers = PdfWorkers(processes=1, seconds=120)
    for how in ("pool", "fork"):
        try:
            if how == "pool":
                workers.result(workers.submit(data), "PDF")
            else:
                run_with_timeout(extract_pdf, (data, "pdfium"), 120, "PDF")
            said.append("no error")
        except ParseError as exc:
            said.append(str(exc))
    workers.close()
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    print(json.dumps({"said": said, "peak": peak}))

if __name__ == "__main__":
    main()
"""


def measure(tmp_path: Path, data: bytes) -> dict:
    pdf = tmp_path / "bomb.pdf"
    pdf.write_bytes(data)
    script = tmp_path / "measure.py"
    script.write_text(MEASURE)
    out = subprocess.run([sys.executable, str(script), str(pdf)], capture_output=True, text=True, timeout=300,
                         cwd=ROOT)
    assert out.returncode == 0, out.stderr[-2000:]
    return json.loads(out.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("make", [lambda: text_bomb(30_000_000), lambda: zeros_bomb(1000)],
                         ids=["30 million characters on one page", "1 GB of compressed zeros"])
def test_a_pdf_bomb_fails_alone_and_stays_under_one_gigabyte(tmp_path, make):
    data = make()
    assert len(data) < 2 * 1024 * 1024  # small on disk
    result = measure(tmp_path, data)
    assert all(s != "no error" for s in result["said"]), result
    assert all("memory budget" in s or "characters" in s for s in result["said"]), result
    assert result["peak"] < GB, result


def test_text_beyond_the_character_cap_is_refused_with_a_reason(monkeypatch):
    from ratsinfo.errors import ParseError
    from ratsinfo.parsers import pdf

    monkeypatch.setattr(pdf, "MAX_CHARS", 50_000)
    with pytest.raises(ParseError, match="more than 50,000 characters"):
        pdf.extract_pdf(text_bomb(60_000))
    assert pdf.extract_pdf(text_bomb(20_000)).text.count("A") == 20_000 - 20_000 % 98


def test_one_bomb_does_not_take_the_other_jobs_with_it():
    from ratsinfo.demo.pdfwriter import text_to_pdf
    from ratsinfo.errors import ParseError
    from ratsinfo.parsers.timeout import PdfWorkers

    workers = PdfWorkers(processes=2, seconds=120, budget=128 << 20)
    try:
        good = [workers.submit(text_to_pdf(f"Vorlage {i} über den Radverkehr.")) for i in range(3)]
        bomb = workers.submit(zeros_bomb(300))
        more = workers.submit(text_to_pdf("Antwort der Verwaltung."))
        with pytest.raises(ParseError, match="crashed"):
            workers.result(bomb, "PDF")
        assert [("Vorlage" in workers.result(g, "PDF").text) for g in good] == [True] * 3
        assert "Antwort" in workers.result(more, "PDF").text
    finally:
        workers.close()
