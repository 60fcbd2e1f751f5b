"""Readers that need an outside program or a PDF library: word processor files through
LibreOffice, PDFs through PDFium, scans and images through Tesseract. Each loads its
library or finds its program only when a file of its kind is read."""

from __future__ import annotations

from evalkit import hookimpl
from evalkit.report.convert import read_office
from evalkit.report.ocr import read_image
from evalkit.report.pdf import read_pdf
from evalkit.report.reader import Reader

OFFICE = (".doc", ".wps", ".rtf", ".odt")
IMAGES = (".png", ".jpg", ".jpeg", ".tif", ".tiff")


@hookimpl
def register_readers():
    return [
        Reader("office", OFFICE, read_office),
        Reader("pdf", (".pdf",), read_pdf),
        Reader("image", IMAGES, read_image),
    ]
