"""The built-in report readers: plain text, Word (.docx) and a saved web page (.html)."""

from __future__ import annotations

from pathlib import Path

from evalkit import hookimpl
from evalkit.documents import decode, read_bytes
from evalkit.errors import InputError
from evalkit.report.lines import normalised
from evalkit.report.reader import Reader

PDF_MAGIC = b"%PDF-"
HTML_BYTES = 8 * 1024 * 1024  #: a saved report page is far smaller; parsing HTML costs more per byte than text


def read_txt(path: Path) -> str:
    """UTF-8 (with or without BOM) or GB18030/GBK text, with line ends made \\n."""
    return normalised(decode(read_bytes(path), str(path)))


def read_html(path: Path) -> str:
    """The report body of a saved government web page, without navigation or boilerplate,
    then the page's own metadata lines (来源, 发布时间, 索引号), which are read as such."""
    from evalkit.report.html import page_text
    from evalkit.report.page import metadata_lines

    html = decode(read_bytes(path, HTML_BYTES), str(path))
    return normalised("\n".join([page_text(html, str(path)), *metadata_lines(html)]))


def read_docx(path: Path):
    """Paragraphs, list numbers, text boxes and table rows of a Word document, in document order;
    an old .doc or a PDF saved under a .docx name is read as what it is."""
    from evalkit.report.wordml import docx_text

    try:
        return docx_text(path)
    except InputError as exc:
        return _misnamed(path, exc)


def _misnamed(path: Path, refused: InputError):
    """The text of a .doc or a PDF named .docx, through its own reader; the .docx reader's
    refusal (which says what the file is and how to save it) when that reader cannot read it."""
    if refused.key == "docx_is_doc":
        from evalkit.report.convert import read_office

        read, args = read_office, (path, ".doc")
    elif refused.key == "docx_not_zip" and _starts_with(path, PDF_MAGIC):
        from evalkit.report.pdf import read_pdf

        read, args = read_pdf, (path,)
    else:
        raise refused
    try:
        return read(*args)
    except InputError:
        raise refused from None


def _starts_with(path: Path, magic: bytes) -> bool:
    with open(path, "rb") as file:
        return file.read(len(magic)) == magic


@hookimpl
def register_readers():
    return [
        Reader("txt", (".txt",), read_txt),
        Reader("docx", (".docx",), read_docx),
        Reader("html", (".html", ".htm"), read_html),
    ]
