"""Scoring: a prepared plan, applied to one submission, gives a scorecard.

Each criterion's points are rounded half-up to 2 places; every figure above that is an
exact sum, so the categories add up to the total to the cent.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal

import attrs

from evalkit.errors import describe
from evalkit.messages import text
from evalkit.model import Case, Category, Criterion, Finding, Kind, Measure, Profile, Review, Status
from evalkit.submission import Submission
from evalkit.scorecard import CategoryScore, Gap, Original, Result, Scorecard, quantize

ZERO = Decimal(0)
NO_EVIDENCE = {Status.MISSING, Status.NEEDS_REVIEW, Status.ERROR}
BONUS, DEDUCTION = "bonus", "deduction"


@attrs.frozen
class Plan:
    """The criteria of a run after the profile, collected once and scored many times."""

    criteria: tuple[Criterion, ...]
    categories: Mapping[str, Category]
    rule_kinds: Mapping
    items: Mapping
    profile: Profile
    meta: Mapping

    def category_order(self) -> dict[str, int]:
        """Each category's place, bonus and deduction last, for sorting gaps."""
        order = {category_id: index for index, category_id in enumerate(self.categories)}
        return order | {BONUS: len(order), DEDUCTION: len(order) + 1}


def score(
    plan: Plan,
    submission: Submission,
    findings: Iterable[Finding] = (),
    reviews: Iterable[Review] = (),
    warnings: Iterable[str] = (),
    source: str | None = None,
) -> Scorecard:
    """Score one submission by the plan."""
    case = Case(submission, tuple(findings), plan.items)
    mine = tuple(r for r in reviews if r.subject in (None, submission.subject.name))
    by_criterion = {r.criterion: r for r in mine}  # the last review of a criterion takes effect
    results = tuple(_result(c, case, plan, by_criterion.get(c.id)) for c in plan.criteria)
    applied = tuple(r for r in mine if r.criterion in {c.id for c in plan.criteria})  # the whole trail
    meta = dict(plan.meta, source=source) if source else dict(plan.meta)
    return _aggregate(plan, submission, results, case.findings, applied, tuple(warnings), meta)


def _result(criterion: Criterion, case: Case, plan: Plan, review: Review | None) -> Result:
    result = _points(criterion, _measure(criterion, case, plan.rule_kinds), plan.profile)
    return result if review is None else _reviewed(criterion, result, review)


def _measure(criterion: Criterion, case: Case, rule_kinds: Mapping) -> Measure:
    kind = rule_kinds[criterion.rule["kind"]]
    try:
        measure = kind.score(criterion.rule, case)
    except Exception as exc:  # a failing rule is isolated to its criterion and reported
        return Measure(Status.ERROR, reason=text("rule_failed", plugin=kind.plugin, kind=kind.name, detail=describe(exc)))
    if not isinstance(measure, Measure):
        return Measure(Status.ERROR, reason=text("rule_bad_return", plugin=kind.plugin, kind=kind.name))
    return measure


def _points(criterion: Criterion, measure: Measure, profile: Profile) -> Result:
    status, max_points, earned = measure.status, criterion.max, ZERO
    if criterion.kind in (Kind.DEDUCTION, Kind.VETO):
        if status in (Status.MET, Status.PARTIAL, Status.UNMET):
            status = Status.UNMET if measure.occurrences > 0 else Status.MET
        if criterion.kind is Kind.DEDUCTION and status is Status.UNMET:
            earned = -min(max_points, criterion.points * measure.occurrences)
    elif status is Status.NOT_APPLICABLE and criterion.kind is Kind.BONUS:
        earned = ZERO  # no such work: nothing to reward
    elif status is Status.NOT_APPLICABLE:
        earned = max_points if profile.not_applicable == "full" else ZERO
        max_points = max_points if profile.not_applicable == "full" else ZERO
    elif status not in NO_EVIDENCE:
        earned = criterion.points * measure.fraction
    return _make_result(criterion, status, quantize(earned), max_points, measure.reason, measure.evidence)


def _make_result(criterion: Criterion, status, points, max_points, reason, evidence=()) -> Result:
    return Result(
        criterion.id, criterion.title, _category(criterion), criterion.kind, status, points, max_points,
        reason, evidence, criterion.plugin,
    )


def _category(criterion: Criterion) -> str:
    return {Kind.BONUS: BONUS, Kind.DEDUCTION: DEDUCTION}.get(criterion.kind, criterion.category)


def _reviewed(criterion: Criterion, result: Result, review: Review) -> Result:
    original = Original(result.status, result.points, result.reason)
    reason = text("reviewed", reviewer=review.reviewer, reason=review.reason)
    if criterion.kind is Kind.VETO:
        status, points = (Status.UNMET if review.triggered else Status.MET), ZERO
    elif criterion.kind is Kind.DEDUCTION:
        points = -review.points
        status = Status.UNMET if points else Status.MET
    else:
        points = review.points
        status = Status.MET if points == result.max else Status.UNMET if points == 0 else Status.PARTIAL
    return attrs.evolve(result, status=status, points=quantize(points), reason=reason, original=original)


def _aggregate(plan, submission, results, findings, reviews, warnings, meta) -> Scorecard:
    base = sum((r.points for r in results if r.kind is Kind.BASE), ZERO)
    bonus = min(sum((r.points for r in results if r.kind is Kind.BONUS), ZERO), plan.profile.bonus_cap)
    deductions = -sum((r.points for r in results if r.kind is Kind.DEDUCTION), ZERO)
    vetoes = tuple(r.criterion for r in results if r.kind is Kind.VETO and r.status is Status.UNMET)
    raw = base + bonus - deductions
    total = max(raw, ZERO)
    if vetoes:
        total = min(total, plan.profile.veto_cap)
    max_points = sum((r.max for r in results if r.kind is Kind.BASE), ZERO)
    pending = sum((r.max for r in results if r.status is Status.NEEDS_REVIEW and r.kind is Kind.BASE), ZERO)
    awaiting = any(r.status is Status.NEEDS_REVIEW for r in results)
    grade, note = _grade(plan.profile, total, max_points, bool(vetoes), deductions, awaiting)
    return Scorecard(
        meta=meta, subject=submission.subject, year=submission.year,
        total=total, max=max_points, grade=grade, grade_note=note,
        base=base, bonus=bonus, deductions=deductions, adjustment=total - raw,
        pending=pending,
        coverage=_coverage(results), vetoes=vetoes,
        categories=_categories(plan, results, bonus, deductions),
        results=results, gaps=_gaps(plan, results, raw, total), findings=findings,
        reviews=reviews, warnings=warnings,
    )


def _coverage(results: tuple[Result, ...]) -> Decimal:
    base = [r for r in results if r.kind is Kind.BASE and r.max]
    possible = sum((r.max for r in base), ZERO)
    if not possible:
        return Decimal(1)
    return sum((r.max for r in base if r.status not in NO_EVIDENCE), ZERO) / possible


def _categories(plan: Plan, results, bonus: Decimal, deductions: Decimal) -> tuple[CategoryScore, ...]:
    rows = []
    for category in plan.categories.values():
        mine = [r for r in results if r.category == category.id]
        if mine:
            rows.append(CategoryScore(category.id, category.title, sum(r.points for r in mine), sum(r.max for r in mine)))
    if any(r.kind is Kind.BONUS for r in results):
        rows.append(CategoryScore(BONUS, text("category_bonus"), bonus, plan.profile.bonus_cap))
    if any(r.kind is Kind.DEDUCTION for r in results):
        rows.append(CategoryScore(DEDUCTION, text("category_deduction"), -deductions, ZERO))
    return tuple(rows)


def _grade(profile: Profile, total: Decimal, max_points: Decimal, vetoed: bool, deductions: Decimal, awaiting: bool) -> tuple[str, str]:
    """The first band whose minimum and conditions hold; a veto forces the lowest."""
    bands = sorted(profile.grades, key=lambda g: -g.min)
    if vetoed:
        return bands[-1].name, text("grade_vetoed")
    percent = quantize(total * 100 / max_points) if max_points else ZERO
    notes = []
    for band in (b for b in bands if percent >= b.min):
        failed = _failed_condition(band, deductions, awaiting)
        if failed is None:
            return band.name, ";".join(notes)
        notes.append(text(failed, grade=band.name))
    return bands[-1].name, ";".join(notes)


def _failed_condition(band, deductions: Decimal, awaiting: bool) -> str | None:
    if band.max_deductions is not None and deductions > band.max_deductions:
        return "grade_deductions"
    if band.requires_reviewed and awaiting:
        return "grade_pending"
    return None


def _gaps(plan: Plan, results, raw: Decimal, total: Decimal) -> tuple[Gap, ...]:
    criteria = {c.id: c for c in plan.criteria}
    vetoed_loss = max(ZERO, max(raw, ZERO) - total)
    gaps = [g for r in results if (g := _gap(criteria[r.criterion], r, vetoed_loss)) is not None]
    triggered = lambda g: g.kind is Kind.VETO and g.status is Status.UNMET  # noqa: E731
    order = plan.category_order()
    return tuple(sorted(gaps, key=lambda g: (not triggered(g), -g.points_lost, -g.pending, order[g.category], g.criterion)))


def _gap(criterion: Criterion, result: Result, vetoed_loss: Decimal) -> Gap | None:
    if criterion.kind is Kind.VETO:
        lost = vetoed_loss if result.status is Status.UNMET else ZERO
        listed = result.status in (Status.UNMET, Status.NEEDS_REVIEW, Status.ERROR, Status.MISSING)
    elif criterion.kind is Kind.DEDUCTION:
        lost = -result.points
        listed = lost > 0 or result.status in NO_EVIDENCE
    elif criterion.kind is Kind.BONUS:  # 加分 not earned is an opportunity, not a loss
        lost = ZERO
        listed = result.status in (Status.NEEDS_REVIEW, Status.ERROR)
    else:
        lost = result.max - result.points if result.status is not Status.NEEDS_REVIEW else ZERO
        listed = result.status in NO_EVIDENCE or lost > 0
    if not listed:
        return None
    pending = result.max if result.status is Status.NEEDS_REVIEW and criterion.kind is not Kind.DEDUCTION else ZERO
    return Gap(
        criterion.id, criterion.title, result.category, criterion.kind, result.status, lost, pending,
        result.reason, criterion.remediation, criterion.basis,
    )
