"""PDF text: pypdfium2 for speed, pdfplumber where layout matters (header and footer lines
found by their position and repetition). Both paths end in the same clean-up.

Encrypted, empty, corrupt or truncated PDFs raise :class:`ParseError` with a reason a
person can act on.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass

from ratsinfo.errors import ParseError
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


def extract_pdf(data: bytes, engine: str = "pdfium") -> PdfText:
    if not data.lstrip()[:1024].find(b"%PDF") >= 0:
        raise ParseError("not a PDF (no %PDF header)")
    if engine == "plumber":
        pages = _pages_plumber(data)
    elif engine == "pdfium":
        pages = _pages_pdfium(data)
    else:
        raise ValueError(f"unknown PDF engine {engine!r}; choose one of {', '.join(ENGINES)}")
    pages = _drop_running_lines(pages)
    text = clean_extracted_text("\n\n".join(pages))
    return PdfText(text=text, pages=len(pages), engine=engine)


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
