"""Scanned pages and images read by Tesseract (chi_sim), each character with its confidence.

Pages are drawn at 300 dpi: Song and Fangsong type at 12 pt is then ~50 pixels high, well
inside what Tesseract reads best. Tesseract runs as an outside program, one page at a time,
within the time limit of every outside program (see external.py).
"""

from __future__ import annotations

import functools
import math
import os
import subprocess
import tempfile
import warnings
from pathlib import Path

from evalkit.documents import read_bytes
from evalkit.errors import InputError
from evalkit.report import external
from evalkit.report.layout import Line, Page, text_of
from evalkit.report.reader import Read

PROGRAM, PACKAGE, LANGUAGE = "tesseract", "tesseract-ocr tesseract-ocr-chi-sim", "chi_sim"
FORMATS = "扫描的 PDF 和图片（.jpg、.png、.tif）"
DPI = 300
MAX_BYTES = 128 * 1024 * 1024
MAX_PIXELS = 60_000_000  #: an A4 page at 600 dpi is ~35 million pixels
MAX_FRAMES = 300  #: pages of one .tif, as for a PDF
DAMAGED = (OSError, SyntaxError, ValueError, EOFError)  #: what Pillow raises on a damaged image


def read_pdf_page(page, path: Path) -> Page:
    """A PDF page without a text layer, drawn at DPI (less for a page so large that it would
    pass MAX_PIXELS) and read by OCR."""
    width, height = page.get_size()
    scale = min(DPI / 72, math.sqrt(MAX_PIXELS / max(width * height, 1.0)))
    image = page.render(scale=scale, grayscale=True).to_pil()
    return _ocr(image, path, ("--dpi", str(round(72 * scale))), unit=scale)  # in the PDF's points, as its text pages


def read_image(path: Path) -> Read:
    """The text of a scanned page (.jpg, .png) or pages (.tif)."""
    read_bytes(path, MAX_BYTES)
    from PIL import Image

    try:
        with warnings.catch_warnings():  # evalkit's own limit, below, is lower than Pillow's warning
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(path)
    except Image.DecompressionBombError:
        raise InputError("image_too_large", file=str(path), limit=MAX_PIXELS) from None
    except DAMAGED:
        raise InputError("image_corrupt", file=str(path)) from None
    with image:
        frames = getattr(image, "n_frames", 1)
        if frames > MAX_FRAMES:
            raise InputError("pdf_too_many_pages", file=str(path), pages=frames, limit=MAX_FRAMES)
        return text_of([_ocr(_frame(image, index, path), path) for index in range(frames)])  # Tesseract finds the resolution


def _frame(image, index: int, path: Path):
    """One page of the image in grey; Pillow reads the pixels only here."""
    try:
        image.seek(index)
        if image.width * image.height > MAX_PIXELS:
            raise InputError("image_too_large", file=str(path), limit=MAX_PIXELS)
        return image.convert("L")
    except DAMAGED:
        raise InputError("image_corrupt", file=str(path)) from None


def _ocr(image, path: Path, options: tuple[str, ...] = (), unit: float = 1.0) -> Page:
    """The page as Tesseract reads it, its boxes in pixels divided by ``unit``."""
    program = external.find(PROGRAM, PACKAGE, path, FORMATS)
    if LANGUAGE not in _languages(program, os.environ.get("TESSDATA_PREFIX")):
        raise InputError("ocr_language_missing", file=str(path), language=LANGUAGE, package="tesseract-ocr-chi-sim")
    with tempfile.TemporaryDirectory(prefix="evalkit-ocr-") as folder:
        picture = Path(folder) / "page.png"
        image.save(picture)
        argv = [program, str(picture), "stdout", "-l", LANGUAGE, *options, "--psm", "3", "tsv"]
        tsv = external.run(argv, path, PROGRAM, cwd=Path(folder))
    return Page(tuple(lines(tsv.decode("utf-8", "replace"), unit)), image.height / unit, image.width / unit)


@functools.cache
def _languages(program: str, data: str | None) -> frozenset[str]:
    """The languages Tesseract has data for (``data``: where it looks for them), asked once."""
    listed = subprocess.run([program, "--list-langs"], capture_output=True, text=True, timeout=60, check=False)  # noqa: S603
    return frozenset(line.strip() for line in listed.stdout.splitlines()[1:])


def lines(tsv: str, unit: float = 1.0) -> list[Line]:
    """Tesseract's words grouped into its lines, each character with its word's confidence."""
    grouped: dict[tuple[str, ...], list[list[str]]] = {}
    for row in tsv.splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) == 12 and cells[0] == "5" and cells[11].strip():
            grouped.setdefault(tuple(cells[1:5]), []).append(cells)
    return [_line(words, unit) for words in grouped.values()]


def _line(words: list[list[str]], unit: float) -> Line:
    text, confidence = "", []
    for cells in words:
        word = cells[11].strip()
        if text and text[-1].isascii() and text[-1].isalnum() and word[0].isascii() and word[0].isalnum():
            text += " "
            confidence.append(confidence[-1])
        text += word
        confidence += [round(float(cells[10]))] * len(word)
    left = min(int(c[6]) for c in words)
    right = max(int(c[6]) + int(c[8]) for c in words)
    top = min(int(c[7]) for c in words)
    bottom = max(int(c[7]) + int(c[9]) for c in words)
    return Line(text, left / unit, right / unit, top / unit, bottom / unit, tuple(confidence))
