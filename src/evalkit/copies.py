"""Finding reports in a batch whose text largely repeats another's (照抄照搬)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

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
    sets = {i: _shingles(body, names) for i, (_name, body) in enumerate(texts) if body}
    common = _common(sets)
    sets = {i: s - common for i, s in sets.items()}
    found: dict[int, list[Finding]] = {}
    for i, mine in sets.items():
        for j, theirs in sets.items():
            if i != j and mine:
                share = len(mine & theirs) / len(mine)
                if share >= threshold:
                    message = f"报告有 {share:.0%} 的文字与{names[j]}的报告相同,疑似照抄照搬"
                    found.setdefault(i, []).append(Finding("copied-report", Severity.WARNING, message, quote=names[j]))
    return {i: tuple(f) for i, f in found.items()}


def _shingles(body: str, names: Sequence[str]) -> set[int]:
    for name in sorted(set(names), key=len, reverse=True):
        body = body.replace(name, "").replace(name[:-1] if len(name) > 2 else name, "")
    body = re.sub(r"[\s\W0-9_]+", "", body)
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


