"""Table rows as lines of text, with each figure given its row's and its column's header.

A report's table such as 项目 | 2022年 over 合法性审查件数 | 41 says what a sentence would say,
合法性审查件数（2022年）41件: a number alone in a cell is written after its row header and its
column header, with the unit the headers name (件数, （件）, 单位：件), so that extraction maps it
as it maps a sentence. Rows without such numbers are their cells joined by tabs.
"""

from __future__ import annotations

import re

import attrs

from evalkit.report.figures import UNIT_RE
from evalkit.report.numerals import narrow

BARE_NUMBER = re.compile(rf"^\s*(?P<num>[0-9]+(?:,[0-9]{{3}})*(?:\.[0-9]+)?)\s*(?P<unit>{UNIT_RE}|%)?\s*$")
HEADER_UNIT = re.compile(rf"[（(](?:单位[:：]?)?\s*(?P<unit>{UNIT_RE}|%)\s*[)）]|(?P<counted>{UNIT_RE})数\s*$")
ORDINALS = {"序号", "编号", "序"}  #: columns that number the rows: no figures
GENERIC = {"", "数量", "数值", "数据", "数目", "情况", "完成情况", "指标值", "值", "合计数"}


@attrs.frozen
class Cell:
    """A table cell: its text, the first grid column it covers, how many, and its vertical merge."""

    text: str
    column: int
    span: int = 1
    merge: str | None = None  #: "restart", "continue" (covered by the cell above) or None


def table_lines(rows: list[list[Cell]]) -> list[str]:
    """One line per row; numbers in cells read with their headers (see the module's docstring)."""
    shown = _merged(rows)
    if not shown:
        return []
    header = shown[0] if not any(_number(c.text) for c in shown[0][1:]) and len(shown) > 1 else None
    lines = [_raw(rows[0])] if header is not None else []
    for row, cells in zip(rows[1:] if header else rows, shown[1:] if header else shown):
        lines.append(_row_line(row, cells, header))
    return lines


def _merged(rows: list[list[Cell]]) -> list[list[Cell]]:
    """The rows with each cell a vertical merge covers showing the text of the cell that began it."""
    above: dict[int, str] = {}
    shown = []
    for row in rows:
        cells = []
        for cell in row:
            text = above.get(cell.column, "") if cell.merge == "continue" else cell.text
            for column in range(cell.column, cell.column + cell.span):
                above[column] = text
            cells.append(attrs.evolve(cell, text=text))
        shown.append(cells)
    return shown


def _row_line(row: list[Cell], cells: list[Cell], header: list[Cell] | None) -> str:
    kept = [(own, cell) for own, cell in zip(row, cells) if _column_header(header, cell.column) not in ORDINALS]
    if not any(_number(cell.text) for _own, cell in kept):
        return _raw(row)
    first = kept[0][1].text if not _number(kept[0][1].text) else ""
    parts = []
    for own, cell in kept[1:] if first else kept:
        found = _number(cell.text)
        if found and own.merge != "continue":
            parts.append(_phrase(first, _column_header(header, cell.column), *found))
        elif own.text and not found:
            parts.append(own.text)
    return "；".join(parts) + "。"


def _phrase(row_header: str, column_header: str, value: str, unit: str) -> str:
    unit = unit or _unit(column_header) or _unit(row_header)
    column = _words(column_header)
    return _words(row_header) + (f"（{column}）" if column not in GENERIC else "") + value + unit


def _words(header: str) -> str:
    """A header without line breaks and without the unit it names in brackets (（件）, （单位：人）)."""
    return HEADER_UNIT.sub(lambda m: m.group(0) if m["counted"] else "", header.replace("\n", "")).strip()


def _column_header(header: list[Cell] | None, column: int) -> str:
    if header is None:
        return ""
    return next((c.text for c in header if c.column <= column < c.column + c.span), "")


def _number(text: str) -> tuple[str, str] | None:
    found = BARE_NUMBER.match(narrow(text)) if text and len(text) < 40 else None
    return (found["num"], found["unit"] or "") if found else None


def _unit(header: str) -> str:
    found = HEADER_UNIT.search(narrow(header))
    return (found["unit"] or found["counted"]) if found else ""


def _raw(row: list[Cell]) -> str:
    return "\t".join(cell.text for cell in row if cell.merge != "continue")
