"""The ranking: one row model per township, built once and formatted by each output (the
terminal table, ranking.csv, the workbook's 排名 sheet, report.html, the web office page)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import attrs

from evalkit.scorecard import coverage_text


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
