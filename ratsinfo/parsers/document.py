"""Dispatch: one raw document of a known kind to the parser for that kind."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import urlparse

from ratsinfo.errors import ParseError
from ratsinfo.model import File, Paper, PaperRelation, Records, paper_key, ref_slug
from ratsinfo.parsers import allris_html, allris_text, pdf
from ratsinfo.parsers.htmltext import drop_noise, node_text, soup_of
from ratsinfo.parsers.structure import find_annex
from ratsinfo.parsers.textutil import clean_extracted_text, decode_html, decode_text
from ratsinfo.parsers.timeout import run_with_timeout


@dataclass(slots=True)
class Parsed:
    status: str  # ok | skipped
    result: Records
    text: str | None = None
    encoding: str | None = None
    note: str | None = None
    body_name: str | None = None
    text_method: str | None = None  # PDFs: text layer, ocr, or both
    ocr_problems: list[str] | None = None  # pages OCR could not read
    ocr_missing: str | None = None  # why scanned pages stayed without text


def _name_of(url: str) -> str:
    return PurePosixPath(urlparse(url).path).name or url


def parse_document(kind: str, data: bytes, url: str, doc_key: str, sha256: str, scope: str,
                   pdf_engine: str = "pdfium", pdf_timeout: float = 60.0) -> Parsed:
    """Parse one raw item; raises ParseError with a one-line reason when it cannot."""
    if kind == "empty":
        raise ParseError("empty file: nothing to read")
    if kind == "binary":
        raise ParseError("binary content, not PDF, HTML, text or JSON: check the file or its name")
    if kind in ("allris3_vo020", "allris4_vo020"):
        html, enc = decode_html(data)
        result, body_name = allris_html.parse_vo020(html, url, doc_key, scope)
        return Parsed("ok", result, result.text, enc, body_name=body_name)
    if kind == "allris_page":
        from ratsinfo.parsers.page import LIST_PROGRAMS, read_page

        html, enc = decode_html(data)
        allris_html.check_complete(html, url)
        rec = read_page(data, url, scope, doc_key)
        note = None
        if rec.count == 0:
            if rec.program not in LIST_PROGRAMS:
                raise ParseError(f"ALLRIS {rec.program} page ({rec.layout}) holds no record that could be read")
            note = f"ALLRIS list page {rec.program}: {len(rec.links)} links, no records of its own"
        return Parsed("ok", rec.to_parse_result(), rec.text or _html_text(html), rec.encoding or enc, note=note)
    if kind == "html":
        html, enc = decode_html(data)
        text = _html_text(html)
        return Parsed("ok", _file_result(text, url, doc_key, sha256, "text/html", None, scope),
                      text, enc)
    if kind == "allris_text_paper":
        text, enc = decode_text(data)
        result = allris_text.parse_allris_text(text, url, doc_key, scope)
        return Parsed("ok", result, result.text, enc)
    if kind == "text":
        text, enc = decode_text(data)
        text = clean_extracted_text(text)
        return Parsed("ok", _file_result(text, url, doc_key, sha256, "text/plain", None, scope),
                      text, enc)
    if kind == "pdf":
        out = run_with_timeout(pdf.extract_pdf, (data, pdf_engine, True, pdf_timeout), pdf_timeout,
                               "PDF text extraction")
        note = None
        if not out.text.strip():
            note = "PDF has no text layer and OCR read nothing (a scan without text?)"
            if out.ocr_missing:
                note = "PDF has no text layer (scanned): install Tesseract with German data and ingest it again"
        res = _file_result(out.text, url, doc_key, sha256, "application/pdf", out.pages, scope)
        res.files[0].text_method = out.method
        return Parsed("ok", res, out.text, None, note=note, text_method=out.method,
                      ocr_problems=out.ocr_problems, ocr_missing=out.ocr_missing)
    if kind == "oparl_json":
        from ratsinfo.parsers.page import read_oparl_files

        mapped, failures = read_oparl_files([(data, url)])
        if failures:
            raise ParseError(failures[0][1])
        mapped.deleted, mapped.references = {}, {}
        return Parsed("ok", mapped, None, "utf-8")
    if kind == "json":
        raise ParseError("JSON that is neither OParl nor an ALLRIS export: nothing to read (no 'type' of an OParl "
                         "schema)")
    raise ParseError(f"no parser for documents of kind {kind!r}")


def _html_text(html: str) -> str:
    soup = soup_of(html)
    drop_noise(soup)
    return node_text(soup.body or soup)


def _file_result(text: str, url: str, doc_key: str, sha256: str, mime: str, pages: int | None,
                 scope: str) -> Records:
    """A stand-alone file (PDF, text, HTML) and, if it says so, the paper it is an annex of."""
    fkey = f"file:{sha256}"
    f = File(key=fkey, name=_name_of(url), sha256=sha256, mime_type=mime, pages=pages,
             text=text, source_url=url, document_key=doc_key)
    result = Records(files=[f], text=text)
    annex = find_annex(text)
    if annex:
        number, ref = annex
        ref = re.sub(r"[.,;:]+$", "", ref)
        tkey = paper_key(scope, ref)
        f.paper_key = tkey
        result.papers.append(Paper(key=tkey, reference=ref, stub=True, source_url=url,
                                   document_key=doc_key))
        result.relations.append(PaperRelation(
            key=f"{fkey}/annex_of/{ref_slug(ref)}", subject_key=fkey,
            subject_reference=f"Anlage {number} zu {ref}", relation="annex_of",
            target_reference=ref, target_key=tkey, source_url=url, document_key=doc_key))
    return result
