"""The built-in report readers: plain text, Word (.docx) and a saved web page (.html)."""

from __future__ import annotations

import zipfile
from pathlib import Path

from evalkit import hookimpl
from evalkit.documents import decode, read_bytes
from evalkit.errors import InputError
from evalkit.report.reader import Reader

DOCX_BYTES = 64 * 1024 * 1024
MAX_UNZIPPED = 256 * 1024 * 1024
MAX_RATIO = 200
MAX_ENTRIES = 2000
HTML_BYTES = 8 * 1024 * 1024  #: a saved report page is far smaller; parsing HTML costs more per byte than text


def read_txt(path: Path) -> str:
    """UTF-8 (with or without BOM) or GB18030/GBK text, with line ends made \\n."""
    return _lines(decode(read_bytes(path), str(path)))


def read_html(path: Path) -> str:
    """The report body of a saved government web page, without navigation or boilerplate."""
    from evalkit.report.html import page_text

    return _lines(page_text(decode(read_bytes(path, HTML_BYTES), str(path)), str(path)))


def read_docx(path: Path) -> str:
    """Paragraphs and table rows of a Word document, in document order."""
    read_bytes(path, DOCX_BYTES)  # the same missing and empty checks as any input; photos make .docx large
    _check_zip(path)
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(str(path))
        lines = []
        for element in document.element.body.iterchildren():
            tag = element.tag.rsplit("}", 1)[-1]
            if tag == "p":
                lines.append(Paragraph(element, document).text)
            elif tag == "tbl":
                lines.extend(_row_text(row) for row in Table(element, document).rows)
    except Exception:  # python-docx raises many kinds on a damaged package or an odd table
        raise InputError("docx_corrupt", file=str(path), detail="文档内部结构不完整") from None
    return _lines("\n".join(lines))


def _row_text(row) -> str:
    cells, seen = [], set()
    for cell in row.cells:
        if id(cell._tc) not in seen:  # merged cells come back repeated
            seen.add(id(cell._tc))
            cells.append(cell.text.strip())
    return "\t".join(cells)


def _check_zip(path: Path) -> None:
    name = str(path)
    if not zipfile.is_zipfile(path):
        raise InputError("docx_not_zip", file=name)
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise InputError("docx_corrupt", file=name, detail=str(exc)) from None
    unzipped = sum(entry.file_size for entry in entries)
    ratio = max((e.file_size / max(e.compress_size, 1) for e in entries), default=0)
    if len(entries) > MAX_ENTRIES or unzipped > MAX_UNZIPPED or ratio > MAX_RATIO:
        raise InputError("docx_bomb", file=name, size=unzipped, ratio=int(ratio))
    if "word/document.xml" not in {entry.filename for entry in entries}:
        raise InputError("docx_corrupt", file=name, detail="缺少 word/document.xml")


def _lines(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))


@hookimpl
def register_readers():
    return [
        Reader("txt", (".txt",), read_txt),
        Reader("docx", (".docx",), read_docx),
        Reader("html", (".html", ".htm"), read_html),
    ]
