"""The text of a Word (.docx) document as a reader sees it, read from its XML in one pass.

Paragraphs and tables come in document order; list numbers applied as formatting are written
out; text boxes follow the paragraph that anchors them; tracked changes read as accepted
(insertions and moves kept, deletions dropped, a paragraph whose mark was deleted joined to the
next); comments, headers, footers and footnotes live
in other parts and are left out. Each element is visited once, so a long table with merged
cells costs time in proportion to its size.
"""

from __future__ import annotations

from pathlib import Path

from evalkit.report.numbering import W, Numbering
from evalkit.report.ooxml import Package
from evalkit.report.tables import Cell, table_lines

MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
SKIPPED = {W + tag for tag in ("del", "moveFrom", "pPr", "rPr", "tblPr", "trPr", "tcPr", "sectPr", "instrText", "delText", "footnoteReference", "endnoteReference")} | {MC + "Fallback"}
DELETED_MARK = f"{W}pPr/{W}rPr/{W}del"  #: a paragraph whose ending mark was deleted runs on into the next
WRAPPERS = {W + tag for tag in ("sdt", "sdtContent", "customXml", "ins", "moveTo")}
CHARACTERS = {W + "t": None, W + "tab": "\t", W + "br": "\n", W + "cr": "\n", W + "noBreakHyphen": "-"}


def docx_text(path: Path) -> str:
    """The document's lines as a reader reads them (line ends made \\n, no trailing spaces)."""
    from evalkit.errors import InputError
    from evalkit.report.lines import normalised

    try:
        return normalised(document_text(path))
    except RecursionError:  # tables nested past any real document's depth
        raise InputError("docx_corrupt", file=str(path), detail="表格嵌套过深") from None


def document_text(path: Path) -> str:
    """The document's lines, joined with newlines."""
    package = Package(path)
    relations = package.relations(package.main)
    body = package.xml(package.main)
    numbering = Numbering(_part(package, relations, "numbering"), _part(package, relations, "styles"))
    root = body.find(W + "body") if body is not None else None
    return "\n".join(Walker(numbering).blocks(root)) if root is not None else ""


def _part(package: Package, relations: dict[str, str], kind: str):
    return package.xml(relations[kind]) if kind in relations else None


class Walker:
    """Turns block content (a body, a cell, a text box) into lines."""

    def __init__(self, numbering: Numbering):
        self.numbering = numbering

    def blocks(self, parent) -> list[str]:
        """The lines of the paragraphs and tables under ``parent``, through content controls and insertions."""
        lines: list[str] = []
        joined = None  #: the line a paragraph continues when the mark ending the one before was deleted
        for child in parent:
            tag = child.tag
            if tag == W + "p":
                own, *boxes = self.paragraph(child)
                if joined is None:
                    lines.append(own)
                else:
                    lines[joined] += own
                at = len(lines) - 1 if joined is None else joined
                lines += boxes
                joined = at if child.find(DELETED_MARK) is not None else None
                continue
            if tag == W + "tbl":
                lines += table_lines(self.rows(child))
            elif tag not in SKIPPED and isinstance(tag, str):  # sdt, sdtContent, customXml, ins, moveTo
                lines += self.blocks(child)
            joined = None
        return lines

    def paragraph(self, p) -> list[str]:
        """The paragraph's line with its list number, then the lines of its text boxes."""
        pieces: list[str] = []
        boxes: list[str] = []
        stack = [iter(p)]
        while stack:
            element = next(stack[-1], None)
            if element is None:
                stack.pop()
            elif element.tag in CHARACTERS:
                pieces.append((element.text or "") if element.tag == W + "t" else CHARACTERS[element.tag])
            elif element.tag == W + "txbxContent":
                boxes += self.blocks(element)
            elif element.tag not in SKIPPED and isinstance(element.tag, str):
                stack.append(iter(element))
        label = self.numbering.label(p.find(W + "pPr"))
        return [label + "".join(pieces), *boxes]

    def rows(self, table) -> list[list[Cell]]:
        """The table's rows as cells on the grid; deleted rows left out."""
        rows = []
        for tr in _children(table, W + "tr"):
            props = tr.find(W + "trPr")
            if props is not None and props.find(W + "del") is not None:
                continue
            column = _int(props, "gridBefore", 0) if props is not None else 0
            cells = []
            for tc in _children(tr, W + "tc"):
                tcpr = tc.find(W + "tcPr")
                span = max(1, _int(tcpr, "gridSpan", 1)) if tcpr is not None else 1
                cells.append(Cell("\n".join(self.blocks(tc)).strip(), column, span, _merge(tcpr)))
                column += span
            rows.append(cells)
        return rows


def _children(parent, tag: str):
    """The ``tag`` children of a table or a row, also those inside content controls or tracked insertions."""
    for child in parent:
        if child.tag == tag:
            yield child
        elif child.tag in WRAPPERS:
            yield from _children(child, tag)


def _merge(tcpr) -> str | None:
    """"restart" where a vertical merge begins, "continue" in the cells it covers below."""
    found = tcpr.find(W + "vMerge") if tcpr is not None else None
    if found is None:
        return None
    return "restart" if found.get(W + "val") == "restart" else "continue"


def _int(props, tag: str, default: int) -> int:
    found = props.find(W + tag)
    try:
        return int(found.get(W + "val")) if found is not None else default
    except (TypeError, ValueError):
        return default
