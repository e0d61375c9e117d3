"""OCR for scanned PDF pages: the page rendered by pdfium, read by the system's Tesseract with
its German data (Debian: ``tesseract-ocr tesseract-ocr-deu``).

Tesseract runs as a subprocess with a timeout, one thread, page segmentation for whole
documents (``--psm 3``). A missing binary or missing German data is not an error of a document:
:func:`unavailable` says why once, and the PDF keeps what its text layer had.
"""

from __future__ import annotations

import functools
import io
import os
import shutil
import subprocess
from typing import Any

LANGUAGE = "deu"
DPI = 300  # Tesseract reads body text best at about 300 dpi
PAGE_SECONDS = 60.0
MIN_LAYER_CHARS = 25  # a page whose text layer has fewer letters and digits is read by OCR
MAX_OCR_PAGES = 200  # more scanned pages in one file are left for a person to split


class OcrError(Exception):
    """One page could not be read by OCR (timeout, crash, unreadable image)."""


@functools.cache
def unavailable() -> str | None:
    """Why OCR cannot run here (one line), or None when Tesseract with German data is installed."""
    exe = shutil.which("tesseract")
    if exe is None:
        return ("tesseract is not installed: scanned pages stay without text (Debian/Ubuntu: "
                "apt-get install tesseract-ocr tesseract-ocr-deu)")
    try:
        out = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=30, env=_env())
    except (OSError, subprocess.SubprocessError) as exc:
        return f"tesseract does not start ({exc}): scanned pages stay without text"
    langs = set((out.stdout + out.stderr).split())
    if LANGUAGE not in langs:
        return ("tesseract has no German data: scanned pages stay without text (Debian/Ubuntu: "
                "apt-get install tesseract-ocr-deu)")
    return None


def _env() -> dict[str, str]:
    # one thread: the parse already runs in its own worker process beside others
    return {**os.environ, "OMP_THREAD_LIMIT": "1"}


def needs_ocr(layer_text: str) -> bool:
    """True when a page's text layer holds (almost) nothing: a scan or a picture of text."""
    return sum(ch.isalnum() for ch in layer_text) < MIN_LAYER_CHARS


def render(page: Any, dpi: int = DPI) -> bytes:
    """A pdfium page as a grayscale PNM image (no compression: Tesseract reads it directly)."""
    bitmap = page.render(scale=dpi / 72, grayscale=True)
    try:
        image = bitmap.to_pil().convert("L")
    finally:
        bitmap.close()
    buf = io.BytesIO()
    image.save(buf, format="PPM")
    return buf.getvalue()


def read_image(image: bytes, seconds: float | None = None, dpi: int = DPI) -> str:
    """The text Tesseract reads in one page image; OcrError when it fails or takes too long."""
    seconds = PAGE_SECONDS if seconds is None else seconds
    cmd = ["tesseract", "stdin", "stdout", "-l", LANGUAGE, "--psm", "3", "--dpi", str(dpi)]
    try:
        out = subprocess.run(cmd, input=image, capture_output=True, timeout=seconds, env=_env())
    except subprocess.TimeoutExpired as exc:
        raise OcrError(f"OCR took longer than {seconds:g} s") from exc
    except OSError as exc:
        raise OcrError(f"tesseract could not run ({exc.strerror or exc})") from exc
    if out.returncode != 0:
        said = out.stderr.decode("utf-8", "replace").strip().splitlines()
        raise OcrError(f"tesseract failed (exit code {out.returncode}: {said[-1] if said else 'no message'})")
    return out.stdout.decode("utf-8", "replace").replace("\f", "")
