"""Counting work rather than seconds: every function call (Python or C) and, if asked, every
Python line run while a callable runs, stopped as soon as the count passes a budget so that a
quadratic regression fails quickly.

Work done inside one C call (a regular expression's scan) is not seen; tests of such scans
check what they produce (no copy of the rest of the text), not the count."""

from __future__ import annotations

import sys


class OverBudget(Exception):
    """More work than the budget allowed."""


def calls(function, *args, budget: float = float("inf"), lines: bool = False) -> int:
    """How many calls (and lines, with ``lines``) ``function(*args)`` runs, callees included."""
    count = 0

    def tick(_frame, event, _arg):
        nonlocal count
        if event in ("call", "c_call", "line"):
            count += 1
            if count > budget:
                raise OverBudget(f"more than {budget:.0f} steps")
        return tick if lines else None

    previous = sys.getprofile(), sys.gettrace()
    sys.setprofile(tick)
    if lines:
        sys.settrace(tick)
    try:
        function(*args)
    finally:
        sys.setprofile(previous[0])
        sys.settrace(previous[1])
    return count


def per_character(function, text: str, budget: float, lines: bool = False) -> bool:
    """``function(text)`` runs at most ``budget`` steps per character of ``text``."""
    calls(function, text, budget=budget * max(len(text), 1000), lines=lines)
    return True
