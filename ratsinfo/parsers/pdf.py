"""PDF text: pypdfium2 for speed, pdfplumber where layout matters (header and footer lines
found by their position and repetition). Both paths end in the same clean-up. Pages without
a text layer (scans) are read by OCR (:mod:`ratsinfo.parsers.ocr`) when Tesseract is installed.

Encrypted, empty, corrupt or truncated PDFs raise :class:`ParseError` with a reason a
person can act on.
"""

from __future__ import annotations

import io
import re
import time
from collections import Counter
from dataclasses import dataclass, field

from ratsinfo.errors import ParseError
from ratsinfo.parsers import ocr
from ratsinfo.parsers.textutil import clean_extracted_text

ENGINES = ("pdfium", "plumber")
MAX_CHARS = 20_000_000  # a 5,000-page budget plan has fewer; more is a bomb, not a council paper


def _too_much(chars: int, page: int) -> ParseError:
    return ParseError(f"PDF draws more than {MAX_CHARS:,} characters (by page {page}): refused as a bomb "
                      "or not a council document")


@dataclass(slots=True)
class PdfText:
    text: str
    pages: int
    engine: str
    ocr_pages: list[int] = field(default_factory=list)  # 1-based pages whose text came from OCR
    ocr_problems: list[str] = field(default_factory=list)  # one line per page OCR could not read
    ocr_missing: str | None = None  # why scanned pages stayed without text (no Tesseract here)

    @property
    def method(self) -> str:
        """How the text was read: ``text layer``, ``ocr`` (every page) or ``text layer+ocr``."""
        if not self.ocr_pages:
            return "text layer"
        return "ocr" if len(self.ocr_pages) == self.pages else "text layer+ocr"


OCR_SHARE = 0.8  # of the time a PDF may take: what OCR may use, so a slow scan keeps the pages read by then


def extract_pdf(data: bytes, engine: str = "pdfium", use_ocr: bool = True, seconds: float | None = None) -> PdfText:
    """The text of a PDF; scanned pages by OCR within ``OCR_SHARE`` of ``seconds`` (None: no limit)."""
    if not data.lstrip()[:1024].find(b"%PDF") >= 0:
        raise ParseError("not a PDF (no %PDF header)")
    if engine == "plumber":
        pages = _pages_plumber(data)
    elif engine == "pdfium":
        pages = _pages_pdfium(data)
    else:
        raise ValueError(f"unknown PDF engine {engine!r}; choose one of {', '.join(ENGINES)}")
    out = PdfText(text="", pages=len(pages), engine=engine)
    if use_ocr:
        pages = _ocr_scanned(data, pages, out, None if seconds is None else seconds * OCR_SHARE)
    pages = _drop_running_lines(pages)
    out.text = clean_extracted_text("\n\n".join(pages))
    return out


def _ocr_scanned(data: bytes, pages: list[str], out: PdfText, seconds: float | None) -> list[str]:
    """Replace the text of pages without a text layer by what OCR reads on them, until ``seconds`` pass."""
    scanned = [i for i, p in enumerate(pages) if ocr.needs_ocr(p)]
    if not scanned:
        return pages
    why = ocr.unavailable()
    if why:
        out.ocr_missing = why
        return pages
    import pypdfium2 as pdfium

    if len(scanned) > ocr.MAX_OCR_PAGES:
        out.ocr_problems.append(f"{len(scanned)} scanned pages: only the first {ocr.MAX_OCR_PAGES} were read by OCR")
        scanned = scanned[:ocr.MAX_OCR_PAGES]
    pages = list(pages)
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        out.ocr_problems.append(f"pdfium cannot open the file to render its scanned pages ({exc})")
        return pages
    deadline = None if seconds is None else time.monotonic() + seconds
    try:
        for n, i in enumerate(scanned):
            left = None if deadline is None else deadline - time.monotonic()
            if left is not None and left <= 0:
                rest = ", ".join(str(j + 1) for j in scanned[n:])
                out.ocr_problems.append(f"OCR stopped after {seconds:g} s, pages {rest} not read (raise --pdf-timeout)")
                break
            page = pdf[i]
            try:
                read = ocr.read_image(ocr.render(page), None if left is None else min(left, ocr.PAGE_SECONDS))
            except ocr.OcrError as exc:
                out.ocr_problems.append(f"page {i + 1}: {exc}")
                continue
            finally:
                page.close()
            if read.strip():
                pages[i] = read
                out.ocr_pages.append(i + 1)
            if sum(len(p) for p in pages) > MAX_CHARS:
                raise _too_much(sum(len(p) for p in pages), i + 1)
    finally:
        pdf.close()
    return pages


def _pages_pdfium(data: bytes) -> list[str]:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        msg = str(exc)
        if "password" in msg.lower():
            raise ParseError("encrypted PDF: save an unprotected copy and ingest that") from exc
        raise ParseError(f"corrupt or truncated PDF ({msg.strip()}): download it again") from exc
    try:
        out = []
        total = 0
        for i in range(len(pdf)):
            page = pdf[i]
            tp = page.get_textpage()
            total += tp.count_chars()
            if total > MAX_CHARS:
                tp.close()
                page.close()
                raise _too_much(total, i + 1)
            out.append(tp.get_text_range().replace("\r\n", "\n").replace("\r", "\n"))
            tp.close()
            page.close()
        if not out:
            raise ParseError("PDF has no pages")
        return out
    finally:
        pdf.close()


def _pages_plumber(data: bytes) -> list[str]:
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError

    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            out = []
            total = 0
            for page in pdf.pages:
                height = float(page.height)
                lines = page.extract_text_lines(return_chars=False) or []
                kept = []
                for ln in lines:
                    top, bottom = float(ln["top"]), float(ln["bottom"])
                    in_margin = top < height * 0.06 or bottom > height * 0.94
                    if in_margin and _FOOTER_LIKE.search(ln["text"]):
                        continue
                    kept.append(ln["text"])
                out.append("\n".join(kept))
                total += len(out[-1])
                if total > MAX_CHARS:
                    raise _too_much(total, len(out))
            if not out:
                raise ParseError("PDF has no pages")
            return out
    except ParseError:
        raise
    except PDFPasswordIncorrect as exc:
        raise ParseError("encrypted PDF: save an unprotected copy and ingest that") from exc
    except (PDFSyntaxError, ValueError, KeyError, TypeError) as exc:
        raise ParseError(f"corrupt or truncated PDF ({type(exc).__name__}): download it again") from exc
    except Exception as exc:  # pdfminer raises many shapes of error on broken files
        said = f"{exc!r} {exc.args!r} {exc.__cause__!r}".lower()
        if "password" in said or "encrypt" in said:
            raise ParseError("encrypted PDF: save an unprotected copy and ingest that") from exc
        raise ParseError(f"corrupt or truncated PDF ({type(exc).__name__}): download it again") from exc


_FOOTER_LIKE = re.compile(
    r"^\s*Seite\s+\d+(?:\s*(?:von|/)\s*\d+)?\s*$|^\s*-?\s*\d+\s*-?\s*$|^\s*\d+\s*/\s*\d+\s*$", re.I)


def _drop_running_lines(pages: list[str]) -> list[str]:
    """Remove header/footer lines that repeat on most pages (letterheads, file names)."""
    if len(pages) < 3:
        return pages
    edges: Counter[str] = Counter()
    for p in pages:
        lines = [ln.strip() for ln in p.splitlines() if ln.strip()]
        for ln in set(lines[:2] + lines[-2:]):
            edges[re.sub(r"\d+", "#", ln)] += 1
    running = {ln for ln, n in edges.items() if n >= max(3, int(len(pages) * 0.6))}
    if not running:
        return pages
    out = []
    for p in pages:
        lines = p.splitlines()
        out.append("\n".join(ln for ln in lines if re.sub(r"\d+", "#", ln.strip()) not in running))
    return out
