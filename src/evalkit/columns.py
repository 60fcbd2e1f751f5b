"""Text tables for the terminal and for Markdown, wide (Chinese) characters counted as two columns.

These are tabulate's "simple" and "github" layouts (with ``disable_numparse``), the only two
evalkit draws, and they give the same bytes. tabulate itself is not used because importing it
costs more than the rest of ``evalkit check``'s work: tabulate 0.10 reads every installed
distribution's metadata at import for its own version, and wcwidth 0.3+ loads its tables and
text-wrapping machinery (~30–40 ms together, against ~11 ms for ``python3 -c pass``; see
docs/performance.md).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence

ZERO_WIDTH = ("Mn", "Me", "Cf")  #: combining marks and format characters (zero-width spaces, joiners)
SIMPLE, GITHUB = "simple", "github"

LAYOUTS = {
    SIMPLE: (lambda line: "  ".join(line).rstrip(), lambda widths: "  ".join("-" * w for w in widths)),
    GITHUB: (lambda line: "|" + "|".join(f" {cell} " for cell in line) + "|", lambda widths: "|" + "|".join("-" * (w + 2) for w in widths) + "|"),
}  #: how each layout joins a line's padded cells, and draws the rule under the header


def char_width(char: str) -> int:
    """Terminal columns of one character: none for combining and format characters, two for
    wide and full-width ones (Chinese characters and punctuation), one for the rest."""
    if unicodedata.category(char) in ZERO_WIDTH:
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def width(text: str) -> int:
    """Terminal columns of a line of text."""
    return sum(map(char_width, text))


def table(rows: Iterable[Sequence], header: Sequence[str], layout: str = SIMPLE, align: Sequence[str] = ()) -> str:
    """The rows under the header; ``align`` holds "left" (the default) or "right" per column.

    A cell is its ``str()``, None an empty cell; its surrounding spaces are dropped and each of
    its lines (a cell may hold several) is padded to the column's width. Each column is at
    least two wider than its title. "simple" separates columns by two spaces, rules the header
    with dashes and drops trailing spaces; "github" is a Markdown table.
    """
    cells = [[_lines(cell) for cell in row] for row in rows]
    titles = [str(title).split("\n") for title in header]  # a title keeps its spaces, as in tabulate
    align = [*align, *["left"] * (len(titles) - len(align))]
    widths = [max([width(t) + 2 for t in title] + [width(line) for row in cells for line in row[i]]) for i, title in enumerate(titles)]
    join, rule = LAYOUTS[layout]
    body = [line for row in cells for line in _physical(row, widths, align)]
    head = _physical(titles, widths, align if cells else ["left"] * len(titles))  # as tabulate aligns a table without rows
    return "\n".join([*map(join, head), rule(widths), *map(join, body)])


def _lines(cell) -> list[str]:
    return ("" if cell is None else str(cell)).strip().split("\n")


def _physical(row: list[list[str]], widths: list[int], align: list[str]) -> list[list[str]]:
    """A row's cells as printed lines, each padded to its column's width (top-aligned)."""
    height = max(map(len, row))
    return [[_pad(cell[i] if i < len(cell) else "", w, a) for cell, w, a in zip(row, widths, align)] for i in range(height)]


def _pad(text: str, columns: int, align: str) -> str:
    space = " " * (columns - width(text))
    return space + text if align == "right" else text + space
