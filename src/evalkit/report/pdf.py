"""PDF reports: the text layer through PDFium (pypdfium2), scanned pages through OCR.

Characters are placed by their boxes, not by the order the file draws them in (LibreOffice
draws “ and ” after the line they stand in); see docs/extraction.md for how PDFium was chosen.
"""

from __future__ import annotations

from pathlib import Path

from evalkit.documents import read_bytes
from evalkit.errors import InputError
from evalkit.report.layout import Line, Page, text_of
from evalkit.report.reader import Read

MAX_BYTES = 256 * 1024 * 1024  #: scanned pages make large files
MAX_PAGES = 300  #: a township's report has a few dozen pages at most
MIN_CHARACTERS = 20  #: a page with fewer characters in its text layer is a scan, read by OCR


def read_pdf(path: Path) -> Read:
    """The text of a PDF report, its scanned pages read by OCR."""
    read_bytes(path, MAX_BYTES)
    import pypdfium2 as pdfium

    document = _open(pdfium, path)
    try:
        if len(document) > MAX_PAGES:
            raise InputError("pdf_too_many_pages", file=str(path), pages=len(document), limit=MAX_PAGES)
        pages = [_page(document[index], path, index) for index in range(len(document))]
    finally:
        document.close()
    return text_of(pages)


def _open(pdfium, path: Path):
    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise InputError("pdf_password", file=str(path)) from None
        raise InputError("pdf_corrupt", file=str(path)) from None


def _page(page, path: Path, index: int) -> Page:
    width, height = page.get_size()
    textpage = page.get_textpage()
    try:
        lines = text_lines(textpage, height)
    finally:
        textpage.close()
    if sum(len(line.text) for line in lines) < MIN_CHARACTERS:
        from evalkit.report.ocr import read_pdf_page

        return read_pdf_page(page, path, index)
    return Page(tuple(lines), height, width)


def text_lines(textpage, height: float) -> list[Line]:
    """The page's characters grouped into lines by their boxes, top to bottom, left to right."""
    count = textpage.count_chars()
    text = textpage.get_text_range(0, count)
    chars = []
    for index, char in enumerate(text[:count]):
        left, bottom, right, top = textpage.get_charbox(index, loose=True)  # the font's height: quotes sit high
        if not char.isspace() or right > left:  # PDFium's own spaces and line ends have no width
            chars.append((char, left, right, height - top, height - bottom))
    return _lines(chars)


def _lines(chars: list[tuple[str, float, float, float, float]]) -> list[Line]:
    rows: list[list[tuple]] = []
    for char in sorted(chars, key=lambda c: (c[3] + c[4]) / 2):
        middle = (char[3] + char[4]) / 2
        if rows and rows[-1][0][3] <= middle <= max(c[4] for c in rows[-1]):
            rows[-1].append(char)
        else:
            rows.append([char])
    return [_line(sorted(row, key=lambda c: c[1])) for row in rows]


def _line(row: list[tuple]) -> Line:
    text = "".join(c[0] for c in row).strip()
    return Line(text, row[0][1], max(c[2] for c in row), min(c[3] for c in row), max(c[4] for c in row))
