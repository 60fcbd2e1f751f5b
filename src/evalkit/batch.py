"""The county batch: score every township, rank them, and find copied reports.

One file that cannot be read or fails validation becomes a Failure; the rest are scored.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import attrs

from evalkit.errors import DataError, EvalkitError, PluginError
from evalkit.evaluator import SUBMISSION_SUFFIXES, Evaluator, Loaded
from evalkit.messages import text
from evalkit.model import Finding, Severity
from evalkit.scorecard import Scorecard

COPY_THRESHOLD = 0.5
SHINGLE = 12


@attrs.frozen
class Failure:
    """A file of the batch that could not be scored, and why."""

    source: str
    message: str
    kind: str  #: "input", "data", "plugin" or "internal"


@attrs.frozen
class Entry:
    """One scored township, with its ranks."""

    source: str
    stem: str  #: a safe, unique file name stem for its outputs
    card: Scorecard
    rank: int = 0
    level_rank: int = 0


@attrs.frozen
class Batch:
    """Everything a batch run produced, ranked."""

    entries: tuple[Entry, ...]
    failures: tuple[Failure, ...]
    categories: tuple[tuple[str, str], ...]  #: (id, title) in order
    meta: dict


def inputs(paths: Iterable[str], suffixes: Iterable[str], skip: Path | None = None) -> list[Path]:
    """The files to score: files as given, and every readable file inside folders, sorted."""
    wanted = {s.lower() for s in suffixes}
    found: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found += sorted(
                p for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in wanted and not _hidden(p, path) and not _inside(p, skip)
            )
        else:
            found.append(path)
    return list(dict.fromkeys(found))


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def _inside(path: Path, folder: Path | None) -> bool:
    return folder is not None and folder.resolve() in path.resolve().parents


def load_one(evaluator: Evaluator, path: Path) -> Loaded | Failure:
    """Read and validate one file, or say why it failed; never raise."""
    try:
        return evaluator.load(path)
    except EvalkitError as exc:
        return Failure(str(path), _message(exc), _kind(exc))
    except Exception as exc:  # one bad file never stops the batch, even through a defect of ours
        return Failure(str(path), text("internal_error", detail=f"{type(exc).__name__}: {exc}"), "internal")


def _message(exc: EvalkitError) -> str:
    lines = [exc.message()] + [f"{path}:{problem}" for path, problem in exc.params.get("problems", ())]
    return "\n".join(lines)


def _kind(exc: EvalkitError) -> str:
    return "plugin" if isinstance(exc, PluginError) else "data" if isinstance(exc, DataError) else "input"


def run(evaluator: Evaluator, files: Sequence[Path], jobs: int = 1, progress: Callable[[int, int], None] | None = None) -> Batch:
    """Load, check for copies, score and rank every file."""
    loaded = _load_all(evaluator, files, jobs, progress)
    failures = tuple(item for item in loaded if isinstance(item, Failure))
    good = [(path, item) for path, item in zip(files, loaded) if not isinstance(item, Failure)]
    copies = copied_reports([(item.submission.subject.name, item.text) for _path, item in good])
    cards = [evaluator.evaluate(item, source=str(path), extra_findings=copies.get(i, ())) for i, (path, item) in enumerate(good)]
    entries = rank([Entry(str(path), stem, card) for (path, _item), stem, card in zip(good, stems([c.subject.name for c in cards]), cards)])
    categories = tuple((c.id, c.title) for c in evaluator.catalog.categories.values() if any(r.category == c.id for r in evaluator.plan.criteria))
    return Batch(tuple(entries), failures, categories, dict(evaluator.plan.meta))


def _load_all(evaluator, files, jobs, progress):
    from evalkit import parallel

    if jobs > 1 and len(files) > 1 and parallel.available():
        return parallel.load_parallel(evaluator, files, jobs, progress)
    results = []
    for index, path in enumerate(files, 1):
        results.append(load_one(evaluator, path))
        if progress:
            progress(index, len(files))
    return results


def rank(entries: list[Entry]) -> list[Entry]:
    """Sort by total (highest first, then name and source) and give competition ranks, overall and by level."""
    ordered = sorted(entries, key=lambda e: (-e.card.total, e.card.subject.name, e.source))
    ranked, level_seen = [], {}
    for index, entry in enumerate(ordered):
        overall = index + 1 if index == 0 or entry.card.total != ordered[index - 1].card.total else ranked[-1].rank
        level = entry.card.subject.level.value
        peers = level_seen.setdefault(level, [])
        within = len(peers) + 1 if not peers or peers[-1].card.total != entry.card.total else peers[-1].level_rank
        entry = attrs.evolve(entry, rank=overall, level_rank=within)
        peers.append(entry)
        ranked.append(entry)
    return ranked


def stems(names: Sequence[str]) -> list[str]:
    """A safe, unique file stem for each township name, in the order given."""
    seen: dict[str, int] = {}
    out = []
    for name in names:
        stem = safe_name(name)
        seen[stem] = seen.get(stem, 0) + 1
        out.append(stem if seen[stem] == 1 else f"{stem}-{seen[stem]}")
    return out


def safe_name(name: str) -> str:
    """A name that cannot leave its folder: no separators, dots first, control or reserved characters."""
    cleaned = "".join(ch if _allowed(ch) else "_" for ch in unicodedata.normalize("NFC", name))
    cleaned = cleaned.strip(" ._")[:60]
    return cleaned or "未命名"


def _allowed(ch: str) -> bool:
    return not (unicodedata.category(ch).startswith("C") or ch in '/\\:*?"<>|' or ch in (os.sep, os.altsep or "/"))


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


def suffixes(evaluator: Evaluator) -> list[str]:
    """Every file suffix the batch reads: submissions and reports."""
    return [*SUBMISSION_SUFFIXES, *evaluator.catalog.readers]
