"""Reading the store: runs, a run's townships, a township's years, a rubric, gaps and 整改 items.

Every figure comes back as a Decimal, exactly as it was kept.
"""

from __future__ import annotations

import json
from decimal import Decimal

import attrs


@attrs.frozen
class Run:
    """One batch run kept in the store."""

    id: int
    year: int
    created: str  #: ISO date-time, UTC
    engine_version: str
    profile_id: str
    profile_digest: str
    not_applicable: str
    meta: dict  #: the scorecards' meta: engine, plugins and versions, profile
    detail: str  #: "whole": every criterion kept; "summary"/"large": totals, categories and the largest gaps
    scored: int
    failed: int
    superseded_by: int | None


@attrs.frozen
class Township:
    """A township's scorecard in one run, with its category scores {id: (title, score, max)}."""

    scorecard_id: int
    run_id: int
    year: int
    name: str
    county: str
    level: str
    source: str
    rank: int
    level_rank: int
    total: Decimal
    max: Decimal
    percent: Decimal
    grade: str
    categories: dict
    of: int  #: how many townships the run ranked


@attrs.frozen
class CriterionRow:
    """A criterion as a run's rubric defined it."""

    id: str
    title: str
    category: str
    kind: str
    points: Decimal
    cap: Decimal | None
    rule: dict


@attrs.frozen
class GapRow:
    """A gap kept for a scorecard; ``repeat`` is its 整改 status when it repeats last year's."""

    criterion: str
    title: str
    category: str
    kind: str
    status: str
    points_lost: Decimal
    pending: Decimal
    repeat: str | None


@attrs.frozen
class ItemRow:
    """One of last year's gaps (a 整改 item) as this year assessed it."""

    criterion: str
    title: str
    status: str
    lost_before: Decimal
    lost_now: Decimal | None


_RUN = "SELECT id, year, created, engine_version, profile_id, profile_digest, not_applicable, meta, detail, scored, failed, superseded_by FROM runs"
_TOWNSHIP = """SELECT s.id, s.run_id, s.year, t.name, t.county, t.level, s.source, s.rank, s.level_rank, s.total, s.max, s.percent, s.grade,
    (SELECT COUNT(*) FROM scorecards o WHERE o.run_id = s.run_id)
    FROM scorecards s JOIN townships t ON t.id = s.township_id"""


def _run(row) -> Run:
    return Run(*row[:7], json.loads(row[7]), *row[8:])


def runs(conn, year: int | None = None, superseded: bool = False) -> list[Run]:
    where = ["1"] + (["year = :year"] if year is not None else []) + ([] if superseded else ["superseded_by IS NULL"])
    return [_run(r) for r in conn.execute(f"{_RUN} WHERE {' AND '.join(where)} ORDER BY id", {"year": year})]


def current_run(conn, year: int) -> Run | None:
    row = conn.execute(f"{_RUN} WHERE year = ? AND superseded_by IS NULL ORDER BY id DESC LIMIT 1", (year,)).fetchone()
    return None if row is None else _run(row)


def _townships(conn, where: str, params: tuple) -> list[Township]:
    found = []
    for row in conn.execute(f"{_TOWNSHIP} WHERE {where}", params).fetchall():
        sid, numbers = row[0], [Decimal(v) for v in row[9:12]]
        categories = {c: (t, Decimal(s), Decimal(m)) for c, t, s, m in conn.execute(
            "SELECT category, title, score, max FROM category_scores WHERE scorecard_id = ? ORDER BY rowid", (sid,))}
        found.append(Township(*row[:9], *numbers, row[12], categories, row[13]))
    return found


def scorecards(conn, run_id: int) -> list[Township]:
    return _townships(conn, "s.run_id = ? ORDER BY s.rank, t.name, s.source", (run_id,))


def history(conn, name: str, county: str | None = None) -> list[Township]:
    where = "t.name = ? AND (? IS NULL OR t.county = ?) AND s.run_id IN (SELECT id FROM runs WHERE superseded_by IS NULL) ORDER BY s.year, s.run_id, t.county"
    return _townships(conn, where, (name, county, county))


def criteria(conn, run_id: int) -> dict[str, CriterionRow]:
    rows = conn.execute("SELECT criterion, title, category, kind, points, cap, rule FROM criteria WHERE run_id = ? ORDER BY criterion", (run_id,))
    return {r[0]: CriterionRow(*r[:4], Decimal(r[4]), None if r[5] is None else Decimal(r[5]), json.loads(r[6])) for r in rows}


def gaps(conn, scorecard_id: int) -> list[GapRow]:
    rows = conn.execute("SELECT criterion, title, category, kind, status, points_lost, pending, repeat FROM gaps WHERE scorecard_id = ? ORDER BY position", (scorecard_id,))
    return [GapRow(*r[:5], Decimal(r[5]), Decimal(r[6]), r[7]) for r in rows]


def rectification(conn, scorecard_id: int) -> list[ItemRow]:
    rows = conn.execute("SELECT criterion, title, status, lost_before, lost_now FROM rectification WHERE scorecard_id = ? ORDER BY criterion", (scorecard_id,))
    return [ItemRow(*r[:3], Decimal(r[3]), None if r[4] is None else Decimal(r[4])) for r in rows]


def scorecard_json(conn, scorecard_id: int) -> str | None:
    row = conn.execute("SELECT card FROM scorecards WHERE id = ?", (scorecard_id,)).fetchone()
    return None if row is None else row[0]


def previous(conn, name: str, county: str, year: int) -> tuple[str, list[GapRow]] | None:
    """The township's gaps in the current run of ``year``, with that scorecard's source; None if not scored."""
    row = conn.execute(
        "SELECT s.id, s.source FROM scorecards s JOIN townships t ON t.id = s.township_id JOIN runs r ON r.id = s.run_id"
        " WHERE t.name = ? AND t.county = ? AND s.year = ? AND r.superseded_by IS NULL ORDER BY r.id DESC, s.id LIMIT 1",
        (name, county, year),
    ).fetchone()
    return None if row is None else (row[1], gaps(conn, row[0]))
