"""Finding reports in a batch whose text largely repeats another's (照抄照搬)."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from pathlib import Path

from evalkit.messages import text
from evalkit.model import Finding, Severity
from evalkit.report.reader import plain
from evalkit.report.structure import parse

COPY_THRESHOLD = 0.5
SHINGLE = 12


def report_copies(evaluator, files: Sequence[str | Path]) -> dict[int, tuple[Finding, ...]]:
    """Findings by file index, for the report files (not submissions) of a batch."""
    texts = {}
    for index, name in enumerate(files):
        path = Path(name)
        reader = evaluator.catalog.readers.get(path.suffix.lower())
        if reader is not None:
            try:
                body = plain(reader.read(path))
            except Exception:  # noqa: BLE001 - the main pass reports the file, whatever went wrong
                continue
            texts[index] = (parse(body).name or path.stem, body)
    if len(texts) < 2:
        return {}
    indexes = list(texts)
    found = copied_reports([texts[i] for i in indexes])
    return {indexes[i]: findings for i, findings in found.items()}


def copied_reports(texts: Sequence[tuple[str, str | None]], threshold: float = COPY_THRESHOLD) -> dict[int, tuple[Finding, ...]]:
    """Findings for reports whose text largely repeats another report's in the batch."""
    names = [name for name, _ in texts]
    found: dict[int, list[Finding]] = {}
    for i, j, share in _shares(shingle_sets(texts), threshold):
        message = text("finding_copied", share=f"{share:.0%}", other=names[j])
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


def shingle_sets(texts: Sequence[tuple[str, str | None]]) -> dict[int, set[int]]:
    """Each report's shingles, without the townships' names and without set phrases."""
    names = _names([name for name, _ in texts])
    sets = {i: _shingles(body, names) for i, (_name, body) in enumerate(texts) if body}
    common = _common(sets)
    return {i: s - common for i, s in sets.items()}


def _names(names: Sequence[str]) -> re.Pattern:
    """One pattern for every township's name and its short form (贤庠镇, 贤庠), longest first."""
    forms = {form for name in names if name for form in (name, name[:-1] if len(name) > 2 else name)}
    return re.compile("|".join(re.escape(form) for form in sorted(forms, key=lambda f: (-len(f), f))) or "(?!)")


def _shingles(body: str, names: re.Pattern) -> set[int]:
    body = re.sub(r"[\s\W0-9_]+", "", names.sub("", body))
    return {hash(body[i : i + SHINGLE]) for i in range(max(0, len(body) - SHINGLE + 1))}


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


