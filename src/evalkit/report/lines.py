"""Offsets in a report's text: line numbers and the nearest mark (a full stop, a line end)
before or after an offset, each found by bisection so that reading stays linear."""

from __future__ import annotations

import bisect
import re


def line_starts(text: str) -> tuple[int, ...]:
    """The offset at which each line begins."""
    return (0, *(m.end() for m in re.finditer("\n", text)))


def line_of(starts, offset: int) -> int:
    """The 1-based line of an offset."""
    return bisect.bisect_right(starts, offset)


class Marks:
    """Where a one-character pattern (such as a clause end) stands in a text, found once."""

    def __init__(self, pattern: re.Pattern, text: str) -> None:
        self.offsets = [m.start() for m in pattern.finditer(text)]
        self.length = len(text)

    def last_before(self, offset: int) -> int:
        """The offset of the last mark before ``offset``, or -1."""
        index = bisect.bisect_left(self.offsets, offset)
        return self.offsets[index - 1] if index else -1

    def next_from(self, offset: int) -> int:
        """The offset of the first mark at or after ``offset``, or the text's length."""
        index = bisect.bisect_left(self.offsets, offset)
        return self.offsets[index] if index < len(self.offsets) else self.length


def normalised(text: str) -> str:
    """The text with its line ends made \\n and no spaces left at the end of a line."""
    return "\n".join(line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
