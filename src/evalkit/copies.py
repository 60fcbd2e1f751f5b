"""Finding reports in a batch whose text largely repeats another's (照抄照搬).

Each report is read once: the worker that scores it also takes its fingerprint (the hashes of
its 12-character shingles, without its own township's name), and the batch compares the
fingerprints once every report is in. A copy that swapped the other township's name for its
own loses that name with it, so the two fingerprints match where the texts do.
"""

from __future__ import annotations

import math
import re
from array import array
from collections.abc import Sequence

from evalkit.messages import text
from evalkit.model import Finding, Severity

COPY_THRESHOLD = 0.5
SHINGLE = 12


def fingerprint(name: str, body: str) -> array:
    """The sorted hashes of ``body``'s shingles, without ``name`` (贤庠镇) and its short form
    (贤庠), spaces, punctuation or digits: ~8 bytes a character of text, not the text.

    Python's string hash differs between runs but not between a batch's forked workers, and
    only which hashes two reports share matters."""
    forms = sorted({name, name[:-1] if len(name) > 2 else name} - {""}, key=lambda f: (-len(f), f))
    if forms:
        body = re.sub("|".join(map(re.escape, forms)), "", body)
    body = re.sub(r"[\s\W0-9_]+", "", body)
    return array("q", sorted({hash(body[i : i + SHINGLE]) for i in range(max(0, len(body) - SHINGLE + 1))}))


def copied_reports(reports: Sequence[tuple[str, array]], threshold: float = COPY_THRESHOLD, lang: str = "zh") -> dict[int, tuple[Finding, ...]]:
    """Findings, by index into ``reports`` ((township name, fingerprint) each), for the reports
    whose text largely repeats another report's in the batch."""
    names = [name for name, _ in reports]
    found: dict[int, list[Finding]] = {}
    for i, j, share in _shares(shingle_sets([f for _, f in reports]), threshold):
        message = text("finding_copied", lang, share=f"{share:.0%}", other=names[j])
        found.setdefault(i, []).append(Finding("copied-report", Severity.WARNING, message, quote=names[j]))
    return {i: tuple(f) for i, f in found.items()}


def _shares(sets: dict[int, set[int]], threshold: float):
    """(i, j, share) for each ordered pair where ``share`` of i's shingles are also j's and
    share >= threshold, in the order of i then j.

    Pairs come from an index of shingles, not from comparing every report with every other:
    if i shares at least k of its m shingles with j, then j holds one of any m - k + 1 of
    i's shingles, so the candidates for i are the holders of its m - k + 1 rarest ones.
    """
    holders: dict[int, list[int]] = {}
    for i, mine in sets.items():
        for shingle in mine:
            holders.setdefault(shingle, []).append(i)
    for i, mine in sets.items():
        needed = math.ceil(threshold * len(mine))
        if not mine:
            continue
        rarest = sorted(mine, key=lambda s: (len(holders[s]), s))[: len(mine) - needed + 1] if needed else mine
        candidates = set().union(*(holders[s] for s in rarest)) if needed else set(sets)
        for j in sorted(candidates - {i}):
            share = len(mine & sets[j]) / len(mine)
            if share >= threshold:
                yield i, j, share


def shingle_sets(fingerprints: Sequence[array]) -> dict[int, set[int]]:
    """Each report's shingles, without set phrases (those most reports share)."""
    sets = {i: set(f) for i, f in enumerate(fingerprints) if f}
    common = _common(sets)
    return {i: s - common for i, s in sets.items()}


def _common(sets: dict[int, set[int]]) -> set[int]:
    """Shingles found in at least half the reports (and at least 3): set phrases, not copying."""
    if len(sets) < 4:
        return set()
    counts: dict[int, int] = {}
    for shingles in sets.values():
        for s in shingles:
            counts[s] = counts.get(s, 0) + 1
    floor = max(3, len(sets) // 2)
    return {s for s, n in counts.items() if n >= floor}
