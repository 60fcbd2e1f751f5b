"""Text tables for the terminal and for Markdown, wide (Chinese) characters counted as two columns.

tabulate draws them and wcwidth measures the characters. Both are imported only when a table is
drawn or a width measured: importing them costs ~30–40 ms (tabulate 0.10 reads the installed
distributions' metadata for its own version), more than the rest of a ``check`` that draws no
table (see docs/performance.md).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

SIMPLE, GITHUB = "simple", "github"


def char_width(char: str) -> int:
    """Terminal columns of one character: two for wide and full-width ones (Chinese characters
    and punctuation), none for combining and zero-width ones, one for the rest."""
    from wcwidth import wcwidth

    return max(wcwidth(char), 0)


def width(text: str) -> int:
    """Terminal columns of a line of text."""
    return sum(map(char_width, text))


def table(rows: Iterable[Sequence], header: Sequence[str], layout: str = SIMPLE, align: Sequence[str] = ()) -> str:
    """The rows under the header, in tabulate's layout ("simple" for the terminal, "github" for
    Markdown); ``align`` holds "left" (the default) or "right" per column. Cells are shown as
    written: numbers are not reformatted."""
    from tabulate import tabulate

    align = [*align, *["left"] * (len(header) - len(align))]
    return tabulate(list(rows), list(header), tablefmt=layout, colalign=align, disable_numparse=True)
