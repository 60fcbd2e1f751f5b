"""Word documents the tests build: python-docx, then raw XML edits where it cannot make a feature."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

TITLE = "贤庠镇人民政府关于2022年度法治政府建设情况的报告"
SIGNATURE = ("贤庠镇人民政府", "2023年2月20日")
W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def build(path: Path, paragraphs=(), tables=(), header: str | None = None) -> Path:
    """A .docx with the title, ``paragraphs`` (text, or a table's rows when a list), the signature."""
    import docx

    document = docx.Document()
    document.add_paragraph(TITLE)
    for block in paragraphs:
        if isinstance(block, list):
            table = document.add_table(rows=len(block), cols=len(block[0]))
            for row, values in zip(table.rows, block):
                for cell, value in zip(row.cells, values):
                    cell.text = value
        else:
            document.add_paragraph(block)
    for line in SIGNATURE:
        document.add_paragraph(line)
    if header is not None:
        document.sections[0].header.paragraphs[0].text = header
        document.sections[0].footer.paragraphs[0].text = header
    document.save(str(path))
    return path


def marker_run(text: str) -> str:
    """The XML python-docx writes for a paragraph whose only text is ``text``."""
    return f"<w:r><w:t>{text}</w:t></w:r>"


def rewrite(path: Path, changes: dict, renames: dict | None = None) -> Path:
    """Rewrite members of the package: ``changes`` maps a member to new bytes, or to a function
    of its old text; ``renames`` gives members a new name."""
    with zipfile.ZipFile(path) as old:
        members = {info.filename: old.read(info) for info in old.infolist()}
    for name, change in changes.items():
        members[name] = change(members[name].decode("utf-8")).encode("utf-8") if callable(change) else change
    for old_name, new_name in (renames or {}).items():
        members[new_name] = members.pop(old_name)
    path.write_bytes(zipped(members))
    return path


def zipped(members: dict, method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def replace(marker: str, xml: str):
    """A change that puts ``xml`` where the paragraph text ``marker`` was written."""
    return lambda old: old.replace(marker_run(marker), xml)


def compound_file(stream_name: str) -> bytes:
    """A minimal OLE compound file holding one 4 KiB stream, as Word's encrypted packages are."""
    import struct

    free, end, fat_sector, nostream = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(16) + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + bytes(6)
    header += struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, end, 0, end, 0)
    header += struct.pack("<109I", 0, *([free] * 108))
    fat = [fat_sector, end, 3, 4, 5, 6, 7, 8, 9, end] + [free] * 118
    directory = _dir_entry("Root Entry", 5, nostream, 1, end, 0) + _dir_entry(stream_name, 2, nostream, nostream, 2, 4096)
    directory += _dir_entry("", 0, nostream, nostream, 0, 0) * 2
    return header + struct.pack("<128I", *fat) + directory + b"\x42" * 4096


def _dir_entry(name: str, kind: int, sibling: int, child: int, start: int, size: int) -> bytes:
    import struct

    encoded = name.encode("utf-16-le")
    size_of_name = len(encoded) + 2 if name else 0
    return (encoded + bytes(64 - len(encoded)) + struct.pack("<HBB", size_of_name, kind, 1)
            + struct.pack("<III", sibling, sibling, child) + bytes(16) + bytes(4) + bytes(16) + struct.pack("<IQ", start, size))
