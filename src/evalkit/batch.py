"""The county batch: score every township, streaming, and rank them.

One file that cannot be read or fails validation becomes a Failure; the rest are scored.
The jobs live apart: finding the files (sources.py), one township (township.py), the ranking
(ranking.py) and a national batch's summaries on disk (ledger.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import attrs

from evalkit.evaluator import Evaluator
from evalkit.ledger import Ledger, Ranked
from evalkit.messages import text
from evalkit.model import Detail
from evalkit.names import has_invisible, printable, same_name_key
from evalkit.ranking import Entry, Scored, ranking
from evalkit.township import Failure, FailureKind, Stems, process_one, rescored, shown_source, worker_died

__all__ = ["Batch", "Detail", "Entry", "Failure", "FailureKind", "run"]  # Entry and Failure: what a batch format reads

DETAIL_LIMIT = 200  #: up to this many files, the batch keeps whole scorecards: the page and the workbook show everything
LARGE_BATCH = 2000  #: above this many, a summary of each township with its 3 largest gaps, without their texts
GAPS_SHOWN = 10  #: gaps of each township kept (with their texts) between the two
LARGE_GAPS = 3  #: gaps of each township kept (without their texts) above LARGE_BATCH


def detail_of(count: int) -> Detail:
    """The detail a batch of ``count`` files keeps."""
    if count > LARGE_BATCH:
        return Detail.LARGE
    return Detail.WHOLE if count <= DETAIL_LIMIT else Detail.SUMMARY


@attrs.frozen
class Batch:
    """Everything a batch run produced, ranked."""

    entries: Sequence[Entry]  #: ranked; a national batch's are read back from a Ledger when used
    failures: tuple[Failure, ...]
    categories: tuple[tuple[str, str], ...]  #: (id, title) in order
    meta: dict
    detail: Detail = Detail.WHOLE  #: how much of each scorecard the entries hold
    warnings: tuple[str, ...] = ()  #: what looks wrong with the batch as a whole
    sensitivity: object | None = None  #: the rank intervals (sensitivity.Sensitivity), when analysed


@attrs.frozen
class Report:
    """A township scored from a report, as copy detection needs it: its place in the ranking
    list, its file, name and fingerprint, and what scoring it again needs."""

    at: int
    path: str | Path
    name: str
    fingerprint: object
    checked: object


def run(evaluator: Evaluator, files: Sequence[str | Path], jobs: int = 1, progress=None, write=None, formats: tuple[str, ...] = ("md",), drop=None) -> Batch:
    """Score every file, streaming: ``write(stem, processed)`` gets each township as it is done,
    rendered in the township ``formats`` named, and ``drop(stem)`` takes back one that failed
    when it was scored again.
    A national batch's files are best given as strings: 38,741 Paths weigh ~15 MB.

    Above DETAIL_LIMIT files the batch keeps a summary of each scorecard with its largest
    gaps, and above LARGE_BATCH a smaller one, in a temporary file (see Ledger), so that
    memory stays flat as the batch grows.
    """
    detail = detail_of(len(files))
    keep = {Detail.WHOLE: None, Detail.SUMMARY: (GAPS_SHOWN, True), Detail.LARGE: (LARGE_GAPS, False)}[detail]
    names, ledger, numbers = Stems(), Ledger() if detail is Detail.LARGE else None, {}
    scored, failures, reports = [], [], []

    def entry(path, result, stem: str) -> Scored:
        """The township written under ``stem`` and kept for the ranking."""
        card = result.card
        if write is not None:
            write(stem, result)
        key = tuple(numbers.setdefault(n, n) for n in (card.percent, card.total, card.year))  # equal numbers kept once
        return Scored(shown_source(path), stem, card.subject.name, card.subject.level.value, *key, ledger.add(card) if ledger else card)

    for index, (path, result) in enumerate(zip(files, _process_all(evaluator, files, jobs, formats, keep)), 1):
        if isinstance(result, Failure):
            failures.append(result)
        else:
            scored.append(entry(path, result, names.next(result.card.subject.name)))
            if result.fingerprint is not None:  # a report: its fingerprint and what scoring it again needs, not its text
                reports.append(Report(len(scored) - 1, path, result.card.subject.name, result.fingerprint, result.checked))
        if progress:
            progress(index, len(files))
    for at, path, result in _copied(evaluator, reports, formats, keep):
        if isinstance(result, Failure):  # scored once, failed the second time (a plugin's whim): not ranked, not written
            failures.append(result)
            if drop is not None:
                drop(scored[at].stem)
            scored[at] = None
        else:
            scored[at] = entry(path, result, scored[at].stem)
    scored = [s for s in scored if s is not None]
    categories = tuple((c.id, c.title) for c in evaluator.catalog.categories.values() if any(r.category == c.id for r in evaluator.plan.criteria))
    warnings = batch_warnings(scored, evaluator.reviews, evaluator.lang)
    order = ranking(scored)
    entries = Ranked(order, ledger) if ledger else tuple(Entry(s.source, s.stem, s.card, r, lr) for s, r, lr in order)
    return Batch(entries, tuple(failures), categories, dict(evaluator.plan.meta), detail, warnings)


def batch_warnings(scored: Sequence[Scored], reviews, lang: str = "zh") -> tuple[str, ...]:
    """A township in several files, mixed report years, reviews that match no township."""
    by_name: dict[str, list[str]] = {}
    for township in scored:
        by_name.setdefault(same_name_key(township.name), []).append(printable(Path(township.source).name))
    found = [text("duplicate_township", lang, name=printable(n), files=text("list_sep", lang).join(f)) for n, f in by_name.items() if len(f) > 1]
    found += [text("name_invisible", lang, name=printable(s.name), file=printable(Path(s.source).name)) for s in scored if has_invisible(s.name)]
    years = sorted({s.year for s in scored})
    if len(years) > 1:
        found.append(text("mixed_years", lang, years=text("list_sep", lang).join(map(str, years))))
    names = {s.name for s in scored}
    unmatched = sorted({r.subject for r in reviews if r.subject and r.subject not in names})
    found += [text("unmatched_review", lang, name=printable(n)) for n in unmatched]
    return tuple(found)


def _process_all(evaluator, files, jobs, formats, keep):
    from evalkit import parallel

    if jobs > 1 and len(files) > 1 and parallel.available():
        results = parallel.process_parallel(process_one, evaluator, files, jobs, formats, keep)
        return (worker_died(r.path, evaluator.lang) if isinstance(r, parallel.Died) else r for r in results)
    return (process_one(evaluator, path, formats, keep) for path in files)


def _copied(evaluator, reports, formats, keep):
    """(place in the ranking list, path, township scored again) for each report that largely
    repeats another's, its copied-report findings added: from the fingerprints the workers took,
    without reading any report again."""
    from evalkit.copies import copied_reports

    found = copied_reports([(r.name, r.fingerprint) for r in reports], lang=evaluator.lang) if len(reports) > 1 else {}
    for index, findings in sorted(found.items()):
        report = reports[index]
        yield report.at, report.path, rescored(evaluator, report.checked, report.path, findings, formats, keep)
