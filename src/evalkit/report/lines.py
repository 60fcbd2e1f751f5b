"""Line numbers of offsets in a report's text, shared by its figures and its structure."""

from __future__ import annotations

import bisect
import re


def line_starts(text: str) -> tuple[int, ...]:
    """The offset at which each line begins."""
    return (0, *(m.end() for m in re.finditer("\n", text)))


def line_of(starts, offset: int) -> int:
    """The 1-based line of an offset."""
    return bisect.bisect_right(starts, offset)
