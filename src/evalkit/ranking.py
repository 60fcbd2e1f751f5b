"""The ranking: competition ranks, overall and within each level, and one row model per
township, built once and formatted by each output (the terminal table, ranking.csv, the
workbook's 排名 sheet, report.html, the web office page)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal

import attrs

from evalkit.scorecard import Scorecard, coverage_text


@attrs.frozen
class Entry:
    """One scored township, with its ranks."""

    source: str
    stem: str  #: a safe, unique file name stem for its outputs
    card: Scorecard
    rank: int = 0
    level_rank: int = 0


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


@attrs.frozen
class RankingRow:
    """What the ranking says of one township, as numbers and plain text: each output formats it."""

    rank: int
    level_rank: int
    name: str
    level: str
    county: str
    total: Decimal
    max: Decimal
    percent: Decimal
    grade: str
    scores: tuple[Decimal | None, ...]  #: one per batch category, None where the township has none
    bonus: Decimal
    deductions: Decimal
    vetoed: bool
    pending: Decimal
    coverage: Decimal  #: the share of points with evidence, in per cent
    gaps: tuple[str, ...]  #: titles of the largest gaps that cost points (3 at most)
    source: str
    stem: str
    firmness: tuple[str, str] | None  #: the rank interval and the unstable neighbours, when analysed


def ranking_row(batch, entry) -> RankingRow:
    """The row of one ranked entry of ``batch``."""
    card = entry.card
    scores = {c.id: c.score for c in card.categories}
    return RankingRow(
        entry.rank, entry.level_rank, card.subject.name, card.subject.level.value, card.subject.county or "",
        card.total, card.max, card.percent, card.grade, tuple(scores.get(cid) for cid, _title in batch.categories),
        card.bonus, card.deductions, bool(card.vetoes), card.pending, Decimal(coverage_text(card).rstrip("%")),
        tuple(g.title for g in card.top_gaps()), entry.source, entry.stem,
        batch.sensitivity.cells(entry.source) if batch.sensitivity else None,
    )


def ranking_rows(batch, entries=None) -> Iterator[RankingRow]:
    """The rows of ``entries`` (all the batch's unless given), in ranking order, one at a time."""
    for entry in batch.entries if entries is None else entries:
        yield ranking_row(batch, entry)
