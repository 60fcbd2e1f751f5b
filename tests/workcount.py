"""Counting work rather than seconds: every Python and C function call made while a callable
runs, stopped as soon as it passes a budget so that a quadratic regression fails quickly.

Work done inside one C call (a regular expression's scan) is not seen; tests of such scans
check what they produce (no copy of the rest of the text), not the count."""

from __future__ import annotations

import sys


class OverBudget(Exception):
    """More calls than the budget allowed."""


def calls(function, *args, budget: float = float("inf")) -> int:
    """How many function calls ``function(*args)`` makes, its own callees included."""
    count = 0

    def profile(_frame, event, _arg):
        nonlocal count
        if event in ("call", "c_call"):
            count += 1
            if count > budget:
                raise OverBudget(f"more than {budget:.0f} calls")

    previous = sys.getprofile()
    sys.setprofile(profile)
    try:
        function(*args)
    finally:
        sys.setprofile(previous)
    return count


def per_character(function, text: str, budget: float) -> bool:
    """``function(text)`` makes at most ``budget`` calls per character of ``text``."""
    calls(function, text, budget=budget * max(len(text), 1000))
    return True
