"""Readers that need an outside program or a PDF library: word processor files through
LibreOffice, PDFs through PDFium, scans and images through Tesseract. Each loads its
library or finds its program only when a file of its kind is read."""

from __future__ import annotations

import functools
from pathlib import Path

from evalkit import hookimpl
from evalkit.report.convert import read_office
from evalkit.report.ocr import read_image
from evalkit.report.pdf import read_pdf
from evalkit.report.reader import Reader

OFFICE = (".doc", ".wps", ".rtf", ".odt")
IMAGES = (".png", ".jpg", ".jpeg", ".tif", ".tiff")
KEPT = 256  #: texts kept of each kind: a batch reads each report twice (copies.py, then scoring)


def _kept(read):
    """``read``, remembering its last KEPT texts by file, size and time of change: a second
    reading of the same file, as a batch does, costs no second conversion or OCR."""

    @functools.lru_cache(maxsize=KEPT)
    def by_version(name: str, size: int, changed: int):
        return read(Path(name))

    @functools.wraps(read)
    def reader(path: Path):
        try:
            stat = path.stat()
        except OSError:  # read() says what is wrong with it
            return read(path)
        return by_version(str(path), stat.st_size, stat.st_mtime_ns)

    return reader


@hookimpl
def register_readers():
    return [
        Reader("office", OFFICE, _kept(read_office)),
        Reader("pdf", (".pdf",), _kept(read_pdf)),
        Reader("image", IMAGES, _kept(read_image)),
    ]
