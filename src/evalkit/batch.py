"""The county batch: score every township, streaming, and rank them.

One file that cannot be read or fails validation becomes a Failure; the rest are scored.
"""

from __future__ import annotations

import enum
import io
import os
import pickle
import tempfile
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from pathlib import Path

import attrs

from evalkit import archive
from evalkit.errors import DataError, EvalkitError, InputError, PluginError, describe
from evalkit.evaluator import SUBMISSION_SUFFIXES, Evaluator, Loaded
from evalkit.exports import MARKER
from evalkit.messages import text
from evalkit.names import has_invisible, printable, same_name_key, shown
from evalkit.scorecard import Scorecard

DETAIL_LIMIT = 200  #: up to this many files, the batch keeps whole scorecards: the page and the workbook show everything
LARGE_BATCH = 2000  #: above this many, a summary of each township with its 3 largest gaps, without their texts
GAPS_SHOWN = 10  #: gaps of each township kept (with their texts) between the two
LARGE_GAPS = 3  #: gaps of each township kept (without their texts) above LARGE_BATCH


class FailureKind(str, enum.Enum):
    """Why a file of the batch could not be scored."""

    INPUT = "input"  #: it could not be read
    DATA = "data"  #: it was read but is invalid
    PLUGIN = "plugin"  #: a plugin failed on it
    INTERNAL = "internal"  #: a defect of evalkit's


@attrs.frozen
class Failure:
    """A file of the batch that could not be scored, and why."""

    source: str
    message: str
    kind: FailureKind


@attrs.frozen
class Entry:
    """One scored township, with its ranks."""

    source: str
    stem: str  #: a safe, unique file name stem for its outputs
    card: Scorecard
    rank: int = 0
    level_rank: int = 0


@attrs.frozen
class Processed:
    """One township scored, with its files for OUTDIR/townships/: the JSON scorecard, and each
    township format's bytes by file name suffix."""

    card: Scorecard
    json: bytes
    files: tuple[tuple[str, bytes], ...] = ()


@attrs.frozen
class Batch:
    """Everything a batch run produced, ranked."""

    entries: Sequence[Entry]  #: ranked; a national batch's are read back from a Ledger when used
    failures: tuple[Failure, ...]
    categories: tuple[tuple[str, str], ...]  #: (id, title) in order
    meta: dict
    large: bool = False  #: entries hold summaries with their 3 largest gaps (national size)
    warnings: tuple[str, ...] = ()  #: what looks wrong with the batch as a whole
    detailed: bool = True  #: entries hold whole scorecards; else summaries (see Scorecard.summary)
    sensitivity: object | None = None  #: the rank intervals (sensitivity.Sensitivity), when analysed


def inputs(paths: Iterable[str], suffixes: Iterable[str], skip: Path | None = None) -> list[Path]:
    """The files to score: files as given, and every readable file inside folders, sorted.

    Inside a folder, hidden files and folders, earlier evalkit outputs and ``skip`` are left out.
    """
    wanted = {s.lower() for s in suffixes}
    skip = skip.resolve() if skip is not None else None
    found: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found += [path.joinpath(*parts) for parts in sorted(_walk(path, wanted, skip))]
        elif not os.path.lexists(path):  # a name mistyped on the command line: a usage error, as the docs say
            raise InputError("file_missing", file=name)
        else:
            found.append(path)
    return list(dict.fromkeys(found))


def _walk(folder: Path, wanted: set[str], skip: Path | None, parts: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    """The parts, relative to the walk's root, of each wanted file under ``folder``."""
    try:
        with os.scandir(folder) as scan:
            entries = list(scan)
    except PermissionError:  # a folder we may not read holds nothing to score, as for rglob
        return
    if any(e.name == MARKER for e in entries) or (skip is not None and folder.resolve() == skip):
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(Path(entry.path), wanted, skip, (*parts, entry.name))
        elif entry.is_file() and os.path.splitext(entry.name)[1].lower() in wanted:
            yield (*parts, entry.name)


def load_one(evaluator: Evaluator, path: str | Path) -> Loaded | Failure:
    """Read and validate one file, or say why it failed; never raise."""
    try:
        return evaluator.load(Path(path))
    except EvalkitError as exc:
        return failed(path, exc)
    except Exception as exc:  # one bad file never stops the batch, even through a defect of ours
        return _internal(path, exc)


def failed(path: str | Path, exc: EvalkitError) -> Failure:
    """The failure of a file (or a zip's member, named as in the zip) that ``exc`` refused."""
    return Failure(_shown(path), archive.named(exc.full_message(), path), _kind(exc))


def _shown(path: str | Path) -> str:
    """How a file of the batch is named: a zip's member as in the zip, a GBK file name decoded."""
    return shown(archive.shown(path))


def _kind(exc: EvalkitError) -> FailureKind:
    if isinstance(exc, PluginError):
        return FailureKind.PLUGIN
    return FailureKind.DATA if isinstance(exc, DataError) else FailureKind.INPUT


def process_one(evaluator: Evaluator, path: str | Path, extra_findings=(), formats: tuple[str, ...] = ("md",), keep: tuple | None = None) -> Processed | Failure:
    """Load, score and render one file in the township ``formats`` named, or say why it failed; never raise.

    With ``keep``, the scorecard handed back is ``card.summary(*keep)`` (the files hold all of it).
    """
    loaded = load_one(evaluator, path)
    if isinstance(loaded, Failure):
        return loaded
    try:
        card = evaluator.evaluate(loaded, source=_shown(path), extra_findings=extra_findings)
        return Processed(card.summary(*keep) if keep else card, *render(evaluator, card, formats))
    except EvalkitError as exc:  # a plugin's township format failed: named, this file fails, the batch goes on
        return failed(path, exc)
    except Exception as exc:  # a defect of ours or a plugin's: this file fails, the batch goes on
        return _internal(path, exc)


def worker_died(path: str | Path) -> Failure:
    """The file whose worker process died while scoring it."""
    name = shown(str(path))
    return Failure(name, text("where", where=printable(name), body=text("worker_died")), FailureKind.INTERNAL)


def _internal(path: str | Path, exc: Exception) -> Failure:
    """A defect of ours or a plugin's on one file, its message naming the file."""
    name = _shown(path)
    return Failure(name, text("where", where=printable(name), body=text("internal_error", detail=describe(exc))), FailureKind.INTERNAL)


def render(evaluator: Evaluator, card: Scorecard, formats: tuple[str, ...] = ("md",)) -> tuple[bytes, tuple[tuple[str, bytes], ...]]:
    """The township's scorecard as compact JSON, and in each township format named (see Format)."""
    import orjson  # the same bytes as json.dumps(ensure_ascii=False, separators=(",", ":")), ~4x sooner

    as_json = orjson.dumps(card.to_dict(), option=orjson.OPT_APPEND_NEWLINE)
    return as_json, tuple(_written(evaluator.catalog.formats[name], card) for name in formats)


def _written(fmt, card: Scorecard) -> tuple[str, bytes]:
    """A township format's file name suffix and bytes; a plugin's failure named."""
    stream = io.BytesIO() if fmt.binary else io.StringIO()
    try:
        fmt.write(card, stream, "zh")
    except Exception as exc:
        raise PluginError("hook_failed", plugin=fmt.plugin, hook=f"format {fmt.name}", detail=describe(exc)) from exc
    value = stream.getvalue()
    return fmt.filename, value if fmt.binary else value.encode("utf-8")


def run(evaluator: Evaluator, files: Sequence[str | Path], jobs: int = 1, progress=None, write=None, formats: tuple[str, ...] = ("md",)) -> Batch:
    """Score every file, streaming: ``write(stem, processed)`` gets each township as it is done,
    rendered in the township ``formats`` named.
    A national batch's files are best given as strings: 38,741 Paths weigh ~15 MB.

    Above DETAIL_LIMIT files the batch keeps a summary of each scorecard with its largest
    gaps, and above LARGE_BATCH a smaller one, in a temporary file (see Ledger), so that
    memory stays flat as the batch grows.
    """
    from evalkit.copies import report_copies

    copies = report_copies(evaluator, files)
    large = len(files) > LARGE_BATCH
    detailed = not large and len(files) <= DETAIL_LIMIT
    keep = None if detailed else (LARGE_GAPS, False) if large else (GAPS_SHOWN, True)
    names, ledger, numbers = Stems(), Ledger() if large else None, {}
    scored, failures = [], []
    for index, (path, result) in enumerate(zip(files, _process_all(evaluator, files, copies, jobs, formats, keep)), 1):
        if isinstance(result, Failure):
            failures.append(result)
        else:
            card = result.card
            stem = names.next(card.subject.name)
            if write is not None:
                write(stem, result)
            key = tuple(numbers.setdefault(n, n) for n in (card.percent, card.total, card.year))  # equal numbers kept once
            scored.append(Scored(_shown(path), stem, card.subject.name, card.subject.level.value, *key, ledger.add(card) if ledger else card))
        if progress:
            progress(index, len(files))
    categories = tuple((c.id, c.title) for c in evaluator.catalog.categories.values() if any(r.category == c.id for r in evaluator.plan.criteria))
    warnings = batch_warnings(scored, evaluator.reviews)
    order = ranking(scored)
    entries = Ranked(order, ledger) if ledger else tuple(Entry(s.source, s.stem, s.card, r, lr) for s, r, lr in order)
    return Batch(entries, tuple(failures), categories, dict(evaluator.plan.meta), large, warnings, detailed)


@attrs.frozen
class Scored:
    """What the batch holds of a township while it scores the rest: enough to rank and warn,
    and the scorecard (or, in a national batch, where the Ledger keeps its summary)."""

    source: str
    stem: str
    name: str
    level: str
    percent: Decimal
    total: Decimal
    year: int
    card: Scorecard | int


def batch_warnings(scored: Sequence[Scored], reviews) -> tuple[str, ...]:
    """A township in several files, mixed report years, reviews that match no township."""
    by_name: dict[str, list[str]] = {}
    for township in scored:
        by_name.setdefault(same_name_key(township.name), []).append(printable(Path(township.source).name))
    found = [text("duplicate_township", name=printable(n), files="、".join(f)) for n, f in by_name.items() if len(f) > 1]
    found += [text("name_invisible", name=printable(s.name), file=printable(Path(s.source).name)) for s in scored if has_invisible(s.name)]
    years = sorted({s.year for s in scored})
    if len(years) > 1:
        found.append(text("mixed_years", years="、".join(map(str, years))))
    names = {s.name for s in scored}
    unmatched = sorted({r.subject for r in reviews if r.subject and r.subject not in names})
    found += [text("unmatched_review", name=printable(n)) for n in unmatched]
    return tuple(found)


def _process_all(evaluator, files, copies, jobs, formats, keep):
    from evalkit import parallel

    if jobs > 1 and len(files) > 1 and parallel.available():
        results = parallel.process_parallel(process_one, evaluator, files, copies, jobs, formats, keep)
        return (worker_died(r.path) if isinstance(r, parallel.Died) else r for r in results)
    return (process_one(evaluator, path, copies.get(i, ()), formats, keep) for i, path in enumerate(files))


def rank(entries: Sequence[Entry]) -> list[Entry]:
    """The entries in ranking order, with their ranks (see ``ranking``)."""
    scored = [Scored(e.source, e.stem, e.card.subject.name, e.card.subject.level.value, e.card.percent, e.card.total, e.card.year, e.card) for e in entries]
    return [Entry(s.source, s.stem, s.card, overall, within) for s, overall, within in ranking(scored)]


def ranking(scored: Sequence[Scored]) -> list[tuple[Scored, int, int]]:
    """Sort by percentage and total (highest first, then name and source) and give competition
    ranks, overall and within each level."""
    score = lambda s: (s.percent, s.total)  # noqa: E731 - maxima differ when criteria are excluded
    ordered = sorted(scored, key=lambda s: (-s.percent, -s.total, s.name, s.source))
    ranked: list[tuple[Scored, int, int]] = []
    level_seen: dict[str, list[tuple[Scored, int]]] = {}
    for index, township in enumerate(ordered):
        overall = index + 1 if index == 0 or score(township) != score(ordered[index - 1]) else ranked[-1][1]
        peers = level_seen.setdefault(township.level, [])
        within = len(peers) + 1 if not peers or score(peers[-1][0]) != score(township) else peers[-1][1]
        peers.append((township, within))
        ranked.append((township, overall, within))
    return ranked


class Ledger:
    """A national batch's township summaries, kept in a temporary file and read back one at a
    time: memory holds a few hundred bytes a township, whatever the size of the batch."""

    def __init__(self) -> None:
        self.file = tempfile.TemporaryFile(prefix="evalkit-")
        self.end = 0

    def add(self, card: Scorecard) -> int:
        """Keep ``card``; the offset it is kept at."""
        data = pickle.dumps(card, protocol=pickle.HIGHEST_PROTOCOL)
        self.file.write(data)
        self.end += len(data)
        return self.end - len(data)

    def card(self, offset: int) -> Scorecard:
        self.file.seek(offset)
        return pickle.load(self.file)  # noqa: S301 - our own file, written by this process


class Ranked(Sequence):
    """A national batch's entries in ranking order, each read back from the Ledger when asked for."""

    def __init__(self, order: Sequence[tuple[Scored, int, int]], ledger: Ledger):
        self.rows = [(s.source, s.stem, s.card, overall, within) for s, overall, within in order]
        self.ledger = ledger

    def __len__(self) -> int:
        return len(self.rows)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return tuple(self._entry(row) for row in self.rows[index])
        return self._entry(self.rows[index])

    def _entry(self, row) -> Entry:
        source, stem, offset, overall, within = row
        return Entry(source, stem, self.ledger.card(offset), overall, within)


class Stems:
    """Safe, unique file stems for township names, given out in input order."""

    def __init__(self) -> None:
        self.seen: dict[str, int] = {}  #: every stem given out (casefolded), and how many names wanted it

    def next(self, name: str) -> str:
        stem = candidate = safe_name(name)
        while candidate.casefold() in self.seen:  # "甲镇-2" may be a township's own name; "A" and "a" one file on Windows
            self.seen[stem.casefold()] += 1
            candidate = f"{stem}-{self.seen[stem.casefold()]}"
        self.seen[candidate.casefold()] = 1
        return candidate


def safe_name(name: str) -> str:
    """A name that cannot leave its folder: no separators, dots first, control or reserved characters."""
    cleaned = "".join(ch if _allowed(ch) else "_" for ch in unicodedata.normalize("NFC", name))
    cleaned = cleaned.strip(" ._")[:60]
    return name if cleaned == name else cleaned or "未命名"  # the name itself when safe: one string kept, not two


def _allowed(ch: str) -> bool:
    return not (unicodedata.category(ch).startswith("C") or ch in '/\\:*?"<>|' or ch in (os.sep, os.altsep or "/"))


#: Office files a township might send instead: scored as failures that say what to do, not skipped.
OFFICE_SUFFIXES = (".xls", ".xlsx", ".et", ".ofd")


def suffixes(evaluator: Evaluator) -> list[str]:
    """Every file suffix the batch reads: submissions and reports."""
    return [*SUBMISSION_SUFFIXES, *evaluator.catalog.readers]
