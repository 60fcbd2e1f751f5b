"""How firm a ranking is: the batch ranked again under many plausible variations of the rubric.

Each of DRAWS draws multiplies every category's points (score and maximum alike) by a weight
drawn uniformly from 80% to 120% in steps of 0.1%, and scores not-applicable criteria by one of
the two policies ("full": counted as earned; "exclude": left out of the maximum), each with
probability 1/2. 加分, 扣分 and the 一票否决 cap are kept as scored. The townships are ranked in
each draw as the batch ranks them (percentage to two places, then total). A township's rank
interval is the 5th to the 95th percentile of its ranks (nearest rank); two neighbours in the
ranking are not robust when the lower one ranks above the upper in at least 5% of the draws.

The draws come from a fixed seed and are computed in integers (points in cents, weights in
thousandths), so the result is the same, to the byte, on every run and whatever --jobs is.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal

import attrs

from evalkit.messages import text
from evalkit.model import Kind, NotApplicable, Status

DRAWS = 1000
SEED = 20230301
SPREAD = 200  #: weights run from 1000 - SPREAD to 1000 + SPREAD thousandths
LOW, HIGH = 5, 95  #: the interval's percentiles
CELLS = 1 << 19  #: township-draws ranked at once: ~4 MB an array
UNSTABLE = 50  #: draws (of DRAWS) with a pair's order reversed that make it not robust (5%)


@attrs.frozen
class Interval:
    """One township's rank interval, and its neighbours whose order with it is not robust."""

    low: int
    high: int
    unstable_with: tuple[str, ...] = ()  #: names of the neighbours above and below it


@attrs.frozen
class Sensitivity:
    """The intervals of a batch's townships, by source file, and how they were drawn."""

    intervals: Mapping[str, Interval]
    draws: int = DRAWS
    seed: int = SEED
    lang: str = "zh"  #: the language of the cells

    def cells(self, source: str) -> tuple[str, str]:
        """A township's interval as a cell shows it (3–6, or 3 when it is one rank), and its unstable neighbours."""
        interval = self.intervals[source]
        shown = str(interval.low) if interval.low == interval.high else f"{interval.low}–{interval.high}"
        return shown, text("list_sep", self.lang).join(interval.unstable_with)


def analyse(entries: Sequence, categories: Sequence[tuple[str, str]], plan) -> Sensitivity:
    """Rank ``entries`` (a batch's, in ranking order) in every draw and summarise each township's ranks."""
    import numpy as np

    if not entries:
        return Sensitivity({}, lang=plan.lang)
    scores, maxima, na, extra, veto = _arrays(entries, [cid for cid, _ in categories], plan)
    rng = np.random.Generator(np.random.PCG64(SEED))
    weights = rng.integers(1000 - SPREAD, 1000 + SPREAD, size=(DRAWS, scores.shape[1]), endpoint=True, dtype=np.int64)
    full = rng.integers(0, 1, size=DRAWS, endpoint=True, dtype=np.int64)
    ranks = np.empty((DRAWS, len(entries)), dtype=np.uint16 if len(entries) < 65535 else np.uint32)  # 77 MB at national size
    cap = int(plan.profile.veto_cap * 100) * 1000
    step = max(1, CELLS // len(entries))
    for first in range(0, DRAWS, step):
        ranks[first:first + step] = _ranks(scores, maxima, na, weights[first:first + step], full[first:first + step], extra, veto, cap)
    intervals = _intervals(ranks, [e.card.subject.name for e in entries])
    return Sensitivity(dict(zip((e.source for e in entries), intervals)), lang=plan.lang)


def _arrays(entries, category_ids: list[str], plan):
    """Each township's category scores and maxima with not-applicable points left out, those
    points, 加分 less 扣分, and whether a veto caps it; points in cents."""
    import numpy as np

    most = {step.criterion.id: step.max for step in plan.steps}
    counted = plan.profile.not_applicable is NotApplicable.FULL
    column = {cid: i for i, cid in enumerate(category_ids)}
    shape = (len(entries), len(category_ids))
    scores, maxima, na = (np.zeros(shape, dtype=np.int64) for _ in range(3))
    extra, veto = np.zeros(len(entries), dtype=np.int64), np.zeros(len(entries), dtype=bool)
    for row, entry in enumerate(entries):
        card = entry.card
        for category in card.categories:
            if category.id in column:
                scores[row, column[category.id]], maxima[row, column[category.id]] = _cents(category.score), _cents(category.max)
        for result in card.results:
            if result.status is Status.NOT_APPLICABLE and result.kind is Kind.BASE and result.category in column:
                na[row, column[result.category]] += _cents(most.get(result.criterion, result.max))
        extra[row], veto[row] = _cents(card.bonus - card.deductions) * 1000, bool(card.vetoes)
    if counted:
        scores, maxima = scores - na, maxima - na
    return scores, maxima, na, extra, veto


def _cents(value: Decimal) -> int:
    return int(value * 100)


def _ranks(scores, maxima, na, weights, full, extra, veto, cap):
    """Competition ranks in each of a chunk of draws (one row each): percentage (two places, half
    up), then total, highest first."""
    import numpy as np

    optional = full[:, None] * (weights @ na.T)  # one row a draw, one column a township
    total = np.maximum(weights @ scores.T + optional + extra, 0)
    total = np.where(veto, np.minimum(total, cap), total)
    most = weights @ maxima.T + optional
    percent = np.where(most > 0, (total * 20000 + most) // np.maximum(2 * most, 1), 0)
    key = percent * 2**32 + total  # total < 2**32: a weighted total is at most ~1.3e7
    order = np.argsort(-key, axis=1)  # equal keys share a rank, so their order within the sort does not matter
    ordered = np.take_along_axis(key, order, axis=1)
    starts = np.ones(ordered.shape, dtype=bool)
    starts[:, 1:] = ordered[:, 1:] != ordered[:, :-1]
    first = np.maximum.accumulate(np.where(starts, np.arange(ordered.shape[1]), 0), axis=1)
    ranks = np.empty(ordered.shape, dtype=np.int64)
    np.put_along_axis(ranks, order, first + 1, axis=1)
    return ranks


def _intervals(ranks, names: list[str]) -> tuple[Interval, ...]:
    draws = ranks.shape[0]
    reversed_ = (ranks[:, 1:] < ranks[:, :-1]).sum(axis=0)  # the lower of each neighbour pair ranked above the upper
    unstable = reversed_ >= UNSTABLE * draws // DRAWS
    ranks.sort(axis=0)
    low, high = ranks[_nearest(LOW, draws)], ranks[_nearest(HIGH, draws)]
    found = []
    for i, name in enumerate(names):
        near = ([names[i - 1]] if i > 0 and unstable[i - 1] else []) + ([names[i + 1]] if i + 1 < len(names) and unstable[i] else [])
        found.append(Interval(int(low[i]), int(high[i]), tuple(near)))
    return tuple(found)


def _nearest(percentile: int, draws: int) -> int:
    """The nearest-rank index of a percentile among ``draws`` sorted values."""
    return max(0, -(-percentile * draws // 100) - 1)
