"""Opening a Word (.docx) package safely.

The main part is found through the package's relationships (``word/document2.xml`` is
valid), and only the parts evalkit reads are inflated: streamed, with caps on the bytes
actually inflated and on their ratio to the compressed bytes, so that a large picture is
never taken for a bomb and a lying size field never lets one through. Their XML is parsed
without DTDs, entities or network access, with a cap on the element count. Every refusal is
a Chinese message naming the file and the limit.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from pathlib import Path

from evalkit.documents import read_bytes
from evalkit.errors import InputError

DOCX_BYTES = 64 * 1024 * 1024  #: the file; photos make a .docx large
MAX_ENTRIES = 2000  #: members of the package
PART_BYTES = 32 * 1024 * 1024  #: inflated bytes of one part evalkit reads
MAX_RATIO = 200  #: inflated to compressed bytes of a part, judged past RATIO_FLOOR
RATIO_FLOOR = 1024 * 1024
MAX_ELEMENTS = 300_000  #: XML elements in one part: ~17,000 table rows; a long report has ~50,000
CHUNK = 256 * 1024

#: A DOCTYPE after the XML declaration and comments; possessive, so a hostile prolog costs linear time.
PROLOG_DTD = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*+(?:<\?[^>]*+>\s*+|<!--(?:[^-]++|-(?!->))*+-->\s*+)*+<!DOCTYPE")
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
RELATIONSHIP = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
CONTENT_OVERRIDE = "{http://schemas.openxmlformats.org/package/2006/content-types}Override"
MAIN_TYPES = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
)


class Package:
    """An open .docx: its members and its main part, read on demand under the caps."""

    def __init__(self, path: Path):
        self.name = str(path)
        data = read_bytes(path, DOCX_BYTES)
        if data.startswith(OLE_MAGIC):
            raise _ole_error(data, self.name)
        buffer = io.BytesIO(data)
        if not zipfile.is_zipfile(buffer):
            raise InputError("docx_not_zip", file=self.name)
        try:
            self.zip = zipfile.ZipFile(buffer)
            entries = self.zip.infolist()
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            raise InputError("docx_corrupt", file=self.name, detail=str(exc)) from None
        if len(entries) > MAX_ENTRIES:
            raise InputError("docx_too_many_parts", file=self.name, count=len(entries), limit=MAX_ENTRIES)
        self.members = {entry.filename.lower(): entry for entry in entries}  # part names ignore case
        self.main = self._main_part()

    def xml(self, part: str):
        """The parsed XML of ``part``, or None when the package has no such part."""
        entry = self.members.get(part.lower())
        return None if entry is None else _parse(self._chunks(entry), self.name, part)

    def relations(self, part: str) -> dict[str, str]:
        """The parts ``part`` relates to, by the last word of the relationship type (the first of each)."""
        folder, base = posixpath.split(part)
        rels = self.xml(posixpath.join(folder, "_rels", base + ".rels"))
        found: dict[str, str] = {}
        for rel in () if rels is None else rels.iter(RELATIONSHIP):
            if rel.get("TargetMode") != "External":
                found.setdefault(rel.get("Type", "").rsplit("/", 1)[-1], _resolve(folder, rel.get("Target", "")))
        return found

    def _main_part(self) -> str:
        found = self.relations("").get("officeDocument")
        if not self._has(found):
            types = self.xml("[Content_Types].xml")
            overrides = () if types is None else types.iter(CONTENT_OVERRIDE)
            found = next((_resolve("", o.get("PartName", "")) for o in overrides if o.get("ContentType") in MAIN_TYPES), None)
        if not self._has(found):
            found = "word/document.xml" if self._has("word/document.xml") else None
        if found is None:
            raise InputError("docx_corrupt", file=self.name, detail="找不到正文部分（word/document.xml）")
        return found

    def _has(self, part: str | None) -> bool:
        return part is not None and part.lower() in self.members

    def _chunks(self, entry: zipfile.ZipInfo):
        """The inflated bytes of ``entry`` in chunks, refused past PART_BYTES or MAX_RATIO."""
        inflated = 0
        try:
            with self.zip.open(entry) as stream:
                while chunk := stream.read(CHUNK):
                    inflated += len(chunk)
                    self._check_bomb(entry, inflated)
                    yield chunk
        except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError) as exc:
            detail = f"{entry.filename}：{exc}"
            raise InputError("docx_corrupt", file=self.name, detail=detail) from None

    def _check_bomb(self, entry: zipfile.ZipInfo, inflated: int) -> None:
        if inflated > PART_BYTES:
            raise InputError("docx_part_too_large", file=self.name, part=entry.filename, limit=PART_BYTES)
        ratio = inflated // max(entry.compress_size, 1)
        if inflated > RATIO_FLOOR and ratio > MAX_RATIO:
            raise InputError("docx_bomb", file=self.name, part=entry.filename, ratio=ratio, limit=MAX_RATIO)


def _resolve(folder: str, target: str) -> str:
    """A relationship's target as a member name: absolute from the package root, else relative."""
    path = target[1:] if target.startswith("/") else posixpath.join(folder, target)
    return posixpath.normpath(path).lstrip("/") if path else ""


def _ole_error(data: bytes, name: str) -> InputError:
    """A compound file under a .docx name: encrypted by Word or WPS, or an old .doc."""
    import olefile

    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            encrypted = ole.exists("EncryptedPackage")
    except (OSError, ValueError, IndexError):
        return InputError("docx_corrupt", file=name, detail="复合文档结构不完整")
    return InputError("docx_encrypted" if encrypted else "docx_is_doc", file=name)


def _parse(chunks, name: str, part: str):
    """Parse XML fed in chunks: no DTD, no entities, no network, at most MAX_ELEMENTS."""
    from lxml import etree

    parser = etree.XMLPullParser(
        events=("start",), resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False,
        remove_comments=True, remove_pis=True,
    )
    count, first = 0, True
    try:
        for chunk in chunks:
            if first and PROLOG_DTD.match(chunk):  # before libxml2 reads the DTD at all
                raise InputError("docx_dtd", file=name, part=part)
            first = False
            parser.feed(chunk)
            events = list(parser.read_events())  # counted in C: a Python loop per element would double the cost
            if events and not count and events[0][1].getroottree().docinfo.doctype:  # a DTD past the first chunk
                raise InputError("docx_dtd", file=name, part=part)
            count += len(events)
            if count > MAX_ELEMENTS:
                raise InputError("docx_too_many_elements", file=name, part=part, limit=MAX_ELEMENTS)
        return parser.close()
    except etree.XMLSyntaxError as exc:
        raise InputError("docx_corrupt", file=name, detail=f"{part}：{_syntax(exc)}") from None


def _syntax(exc) -> str:
    message = str(exc)
    if "depth" in message.lower():
        return "XML 嵌套过深（上限 256 层）"
    return f"XML 格式错误（第 {exc.lineno} 行）" if exc.lineno else "XML 格式错误"
