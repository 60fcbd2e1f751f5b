"""Year after year, from the results store: a township's history and two years compared.

History is data: these functions read the store and return plain values; ``commands/years.py``
writes them as a table or JSON. Where two years used different rubrics, every criterion whose
points, cap, kind, category or rule changed is named, and totals are compared as percentages,
labelled as not directly comparable.
"""

from __future__ import annotations

from decimal import Decimal

import attrs

from evalkit.errors import Both, InputError, listed
from evalkit.points import quantize

MOVED_SHOWN = 3  #: categories listed as having moved most


@attrs.frozen
class RubricChange:
    """How a criterion differs between two years' rubrics."""

    criterion: str
    title: str
    change: str  #: "added", "removed" or "changed"
    fields: tuple[str, ...] = ()  #: for "changed": which of points, cap, kind, category, rule


@attrs.frozen
class Row:
    """One township in two years: totals (or percentages), ranks and the categories that moved most."""

    name: str
    county: str
    before: object  #: store.read.Township, or None when not scored that year
    after: object
    change: Decimal | None  #: in points when comparable, else in percentage points
    rank_change: int | None  #: positive: moved up
    moved: tuple[tuple[str, str, Decimal], ...]  #: (category id, title, change), largest first


@attrs.frozen
class Comparison:
    """Two years' current runs side by side, and whether their totals may be compared as points."""

    year_a: int
    year_b: int
    comparable: bool  #: same rubric and profile: totals compare as points
    changes: tuple[RubricChange, ...]
    profile_changed: bool
    rows: tuple[Row, ...]  #: in year B's ranking order, then townships scored in year A only


def rubric_changes(before: dict, after: dict) -> tuple[RubricChange, ...]:
    """Criteria added, removed or changed between two runs' rubrics (store.criteria), by id."""
    found = []
    for cid in sorted(set(before) | set(after)):
        a, b = before.get(cid), after.get(cid)
        if a is None or b is None:
            found.append(RubricChange(cid, (a or b).title, "added" if a is None else "removed"))
            continue
        fields = tuple(f for f in ("points", "cap", "kind", "category", "rule") if getattr(a, f) != getattr(b, f))
        if fields:
            found.append(RubricChange(cid, b.title, "changed", fields))
    return tuple(found)


def compare(store, year_a: int, year_b: int) -> Comparison:
    """Every township of two years' current runs, matched by name and county."""
    run_a, run_b = _run(store, year_a), _run(store, year_b)
    changes = rubric_changes(store.criteria(run_a.id), store.criteria(run_b.id))
    profile_changed = run_a.profile_digest != run_b.profile_digest
    comparable = not changes and not profile_changed
    before = {(t.name, t.county): t for t in store.scorecards(run_a.id)}
    after = store.scorecards(run_b.id)
    rows = [_row(before.pop((t.name, t.county), None), t, comparable) for t in after]
    rows += [_row(t, None, comparable) for t in before.values()]
    return Comparison(year_a, year_b, comparable, changes, profile_changed, tuple(rows))


def township_history(store, name: str, county: str | None = None) -> tuple[list, dict[int, tuple[RubricChange, ...]]]:
    """A township's scorecards by year, and for each year after the first, how its rubric differs from the year before."""
    years = store.history(name, county)
    if not years:
        raise InputError("store_no_township", file=store.path, name=name)
    counties = sorted({t.county for t in years})
    if len(counties) > 1:
        raise InputError("store_ambiguous_township", file=store.path, name=name, counties=_counties(counties))
    changes = {}
    for previous, current in zip(years, years[1:]):
        changes[current.year] = rubric_changes(store.criteria(previous.run_id), store.criteria(current.run_id))
    return years, changes


def _run(store, year: int):
    run = store.current_run(year)
    if run is None:
        years = sorted({r.year for r in store.runs()})
        known = listed(years) if years else Both("无", "none")
        raise InputError("store_no_year", file=store.path, year=year, known=known)
    return run


def _counties(counties) -> Both:
    """The counties a name is found in, one without a county named so."""
    return Both(listed(c or "（未写县名）" for c in counties).zh, listed(c or "(no county)" for c in counties).en)


def _row(before, after, comparable: bool) -> Row:
    either = after or before
    if before is None or after is None:
        return Row(either.name, either.county, before, after, None, None, ())
    change = after.total - before.total if comparable else after.percent - before.percent
    return Row(after.name, after.county, before, after, change, before.rank - after.rank, _moved(before, after, comparable))


def _moved(before, after, comparable: bool) -> tuple[tuple[str, str, Decimal], ...]:
    """The categories whose score (or, across rubrics, share of their maximum) changed most."""
    moved = []
    for cid, (title, score, most) in after.categories.items():
        if cid not in before.categories:
            continue
        _t, old, old_most = before.categories[cid]
        delta = score - old if comparable else _share(score, most) - _share(old, old_most)
        if delta:
            moved.append((cid, title, delta))
    return tuple(sorted(moved, key=lambda m: (-abs(m[2]), m[0]))[:MOVED_SHOWN])


def _share(score: Decimal, most: Decimal) -> Decimal:
    return quantize(score * 100 / most) if most else Decimal(0)
