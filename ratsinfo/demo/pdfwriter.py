"""Write real PDFs with a text layer (for the demo, the tests and the benchmarks).

Pages carry a footer "Seite N von M" as council PDFs do, so that the PDF parser's
footer removal is exercised on every file we make.
"""

from __future__ import annotations

from datetime import UTC, datetime

from fpdf import FPDF
from fpdf.enums import XPos, YPos


class _Pdf(FPDF):
    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("helvetica", size=8)
        self.cell(0, 10, f"Seite {self.page_no()} von {{nb}}", align="C")


def text_to_pdf(text: str, title: str | None = None, password: str | None = None) -> bytes:
    """Render plain text (one paragraph per line) to PDF bytes; windows-1252 glyphs only."""
    pdf = _Pdf(format="A4")
    pdf.core_fonts_encoding = "windows-1252"
    pdf.alias_nb_pages()
    pdf.set_creation_date(datetime(2024, 1, 1, tzinfo=UTC))  # same text, same bytes
    pdf.set_auto_page_break(auto=True, margin=20)
    if title:
        pdf.set_title(title)
    if password:
        pdf.set_encryption(owner_password=password, user_password=password)
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    for line in text.splitlines():
        if not line.strip():
            pdf.ln(4)
            continue
        bold = line.startswith("§") or line.istitle() and len(line) < 40
        pdf.set_font("helvetica", style="B" if bold else "", size=11)
        pdf.multi_cell(0, 5.5, line, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    return bytes(pdf.output())


def scan_of(pdf_bytes: bytes, dpi: int = 200) -> bytes:
    """The same pages as pictures only, as a scanner makes them: no text layer, for OCR tests and benchmarks."""
    import io

    import pypdfium2 as pdfium

    src = pdfium.PdfDocument(pdf_bytes)
    out = FPDF(format="A4", unit="pt")
    out.set_creation_date(datetime(2024, 1, 1, tzinfo=UTC))
    out.set_auto_page_break(False)
    try:
        for i in range(len(src)):
            page = src[i]
            width, height = page.get_size()
            bitmap = page.render(scale=dpi / 72, grayscale=True)
            buf = io.BytesIO()
            bitmap.to_pil().convert("L").save(buf, format="PNG")
            bitmap.close()
            page.close()
            out.add_page(format=(width, height))
            out.image(buf, x=0, y=0, w=width, h=height)
    finally:
        src.close()
    return bytes(out.output())
