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
CELL = 2.0  #: a gap wider than this many characters on one line separates two table cells
BASELINE = 0.3  #: characters whose baselines differ by less than this part of their size share a line


def read_pdf(path: Path) -> Read:
    """The text of a PDF report, its scanned pages read by OCR."""
    read_bytes(path, MAX_BYTES)
    import pypdfium2 as pdfium

    document = _open(pdfium, path)
    try:
        if len(document) > MAX_PAGES:
            raise InputError("pdf_too_many_pages", file=str(path), pages=len(document), limit=MAX_PAGES)
        pages = [_page(document[index], path) for index in range(len(document))]
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


def _page(page, path: Path) -> Page:
    width, height = page.get_size()
    textpage = page.get_textpage()
    try:
        lines = text_lines(textpage, height)
    finally:
        textpage.close()
    if sum(len(line.text) for line in lines) < MIN_CHARACTERS:
        from evalkit.report.ocr import read_pdf_page

        return read_pdf_page(page, path)
    return Page(tuple(lines), height, width)


def text_lines(textpage, height: float) -> list[Line]:
    """The page's characters grouped into lines by their baselines, top to bottom, left to right."""
    import ctypes

    import pypdfium2.raw as raw

    count = textpage.count_chars()
    text, x, y = textpage.get_text_range(0, count), ctypes.c_double(), ctypes.c_double()
    chars = []
    for index, char in enumerate(text[:count]):
        if raw.FPDFText_IsGenerated(textpage, index) == 1 or char in "\r\n":
            continue  # PDFium's own spaces and line ends
        left, _bottom, right, _top = textpage.get_charbox(index)
        raw.FPDFText_GetCharOrigin(textpage, index, x, y)
        chars.append((char, left, right, height - y.value, raw.FPDFText_GetFontSize(textpage, index)))
    return lines_of(chars)


def lines_of(chars: list[tuple[str, float, float, float, float]]) -> list[Line]:
    """Lines from (character, left, right, baseline from the top, font size): characters on one
    baseline make a line, whatever the order the file draws them in."""
    rows: list[list[tuple]] = []
    for char in sorted(chars, key=lambda c: c[3]):
        if rows and char[3] - rows[-1][0][3] <= BASELINE * max(char[4], 1.0):
            rows[-1].append(char)
        else:
            rows.append([char])
    return [_line(sorted(row, key=lambda c: c[1])) for row in rows]


def _line(row: list[tuple]) -> Line:
    """One line's text; a gap wider than CELL characters (between table cells) becomes a tab."""
    size, baseline = max(c[4] for c in row), row[0][3]
    parts = [row[0][0]]
    for previous, char in zip(row, row[1:]):
        parts.append(("\t" if char[1] - previous[2] > CELL * size else "") + char[0])
    text = "".join(parts).strip()
    return Line(text, row[0][1], max(c[2] for c in row), baseline - 0.9 * size, baseline + 0.2 * size)
