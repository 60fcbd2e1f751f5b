"""Readers that need an outside program or a PDF library: word processor files through
LibreOffice, PDFs through PDFium, scans and images through Tesseract. Each imports its module
only when a file of its kind is read: evalkit's start-up does not pay for them."""

from __future__ import annotations

import importlib
from pathlib import Path

from evalkit import hookimpl
from evalkit.report.reader import Reader

OFFICE = (".doc", ".wps", ".rtf", ".odt")
IMAGES = (".png", ".jpg", ".jpeg", ".tif", ".tiff")


def _lazy(module: str, function: str):
    """``module.function`` as a reader, its module imported when the first file is read. A
    batch reads each report once (the worker that scores it also takes its fingerprint for
    copy detection), so a conversion or OCR is never kept for a second reading."""

    def reader(path: Path):
        return getattr(importlib.import_module(module), function)(path)

    return reader


@hookimpl
def register_readers():
    return [
        Reader("office", OFFICE, _lazy("evalkit.report.convert", "read_office")),
        Reader("pdf", (".pdf",), _lazy("evalkit.report.pdf", "read_pdf")),
        Reader("image", IMAGES, _lazy("evalkit.report.ocr", "read_image")),
    ]
