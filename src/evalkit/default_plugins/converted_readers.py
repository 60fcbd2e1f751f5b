"""Readers that need an outside program or a PDF library: word processor files through
LibreOffice, PDFs through PDFium, scans and images through Tesseract. Each imports its module
only when a file of its kind is read: evalkit's start-up does not pay for them."""

from __future__ import annotations

import functools
import importlib
from pathlib import Path

from evalkit import hookimpl
from evalkit.report.reader import Reader

OFFICE = (".doc", ".wps", ".rtf", ".odt")
IMAGES = (".png", ".jpg", ".jpeg", ".tif", ".tiff")
KEPT = 256  #: texts kept of each kind: a batch reads each report twice (copies.py, then scoring)


def _kept(module: str, function: str):
    """``module.function`` as a reader, remembering its last KEPT texts by file, size and time
    of change: a second reading of the same file, as a batch does, costs no second conversion
    or OCR."""

    def read(path: Path):
        return getattr(importlib.import_module(module), function)(path)

    @functools.lru_cache(maxsize=KEPT)
    def by_version(name: str, size: int, changed: int):
        return read(Path(name))

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
        Reader("office", OFFICE, _kept("evalkit.report.convert", "read_office")),
        Reader("pdf", (".pdf",), _kept("evalkit.report.pdf", "read_pdf")),
        Reader("image", IMAGES, _kept("evalkit.report.ocr", "read_image")),
    ]
