"""Rectification (整改): each gap of year N is an item that scoring year N+1 assesses.

Only a gap that cost points, or a triggered 一票否决, is an item: one that lost nothing (awaiting
review, or a 扣分 figure not reported) found no problem to rectify.

已整改 (rectified): the criterion no longer loses points; 部分整改 (partly): it loses fewer;
未整改 (unrectified): as many or more; 连续两年未整改 (unrectified twice): unrectified again
after being unrectified last year; 本年未考核 (not assessed): this year's rubric has no such
criterion, or this year's result is not known yet (awaiting review, figure not reported). A
profile's ``repeat_deduction`` takes points for each unrectified repeat.
"""

from __future__ import annotations

import collections
import enum
import os
from collections.abc import Iterable, Mapping
from decimal import Decimal

import attrs

from evalkit.model import Status, _decimal
from evalkit.points import number


class Rectification(str, enum.Enum):
    """What became of one of last year's gaps."""

    RECTIFIED = "rectified"  #: 已整改
    PARTLY = "partly"  #: 部分整改
    UNRECTIFIED = "unrectified"  #: 未整改
    UNRECTIFIED_TWICE = "unrectified_twice"  #: 连续两年未整改
    NOT_ASSESSED = "not_assessed"  #: 本年未考核


UNRECTIFIED = (Rectification.UNRECTIFIED, Rectification.UNRECTIFIED_TWICE)


@attrs.frozen
class Prior:
    """One of last year's gaps: what it cost, and its own 整改 status if it was already a repeat."""

    criterion: str
    title: str
    points_lost: Decimal = attrs.field(converter=_decimal)
    repeat: Rectification | None = None
    status: Status = Status.UNMET  #: the gap's status last year


def is_item(points_lost: Decimal, status: Status) -> bool:
    """Whether a gap is a 整改 item: it cost points, or it is a triggered 一票否决 (unmet)."""
    return points_lost > 0 or status is Status.UNMET


@attrs.frozen
class Item:
    """One of last year's gaps as this year assessed it."""

    criterion: str
    title: str
    status: Rectification
    lost_before: Decimal = attrs.field(converter=_decimal)
    lost_now: Decimal | None = attrs.field(default=None, converter=attrs.converters.optional(_decimal))

    def to_dict(self) -> dict:
        lost_now = None if self.lost_now is None else number(self.lost_now)
        return {"criterion": self.criterion, "title": self.title, "status": self.status.value, "lost_before": number(self.lost_before), "lost_now": lost_now}

    @classmethod
    def from_dict(cls, doc: Mapping) -> Item:
        return cls(doc["criterion"], doc["title"], Rectification(doc["status"]), doc["lost_before"], doc["lost_now"])


def tally(statuses: Iterable[Rectification]) -> dict[Rectification, int]:
    """How many items have each status, in the order of Rectification; statuses none has are left out."""
    counts = collections.Counter(statuses)
    return {status: counts[status] for status in Rectification if counts[status]}


def assess(prior: Iterable[Prior], losses: Mapping[str, Decimal | None]) -> tuple[Item, ...]:
    """Last year's gaps that are items against this year's: ``losses`` gives, for each criterion
    whose result is known this year, the points it loses (None when it is not a gap)."""
    items = (p for p in prior if is_item(p.points_lost, p.status))
    return tuple(_item(p, losses) for p in sorted(items, key=lambda p: p.criterion))


def _item(prior: Prior, losses: Mapping[str, Decimal | None]) -> Item:
    if prior.criterion not in losses:
        return Item(prior.criterion, prior.title, Rectification.NOT_ASSESSED, prior.points_lost)
    now = losses[prior.criterion]
    if now is None:
        status = Rectification.RECTIFIED
    elif now < prior.points_lost:
        status = Rectification.PARTLY
    else:
        status = Rectification.UNRECTIFIED_TWICE if prior.repeat in UNRECTIFIED else Rectification.UNRECTIFIED
    return Item(prior.criterion, prior.title, status, prior.points_lost, now or Decimal(0))


class PriorLookup:
    """Last year's gaps of a township, read from a results store: one read-only connection per
    process, so forked workers each open their own."""

    def __init__(self, path: str):
        self.path = path
        self._store = None
        self._pid = None

    def __call__(self, subject, year: int) -> tuple[Prior, ...]:
        from evalkit.store import Store

        if self._pid != os.getpid():
            self._store, self._pid = Store(self.path, readonly=True), os.getpid()
        found = self._store.previous(subject.name, subject.county, year - 1)
        if found is None:
            return ()
        return tuple(Prior(g.criterion, g.title, g.points_lost, Rectification(g.repeat) if g.repeat else None, Status(g.status)) for g in found[1])
