"""Scoring: a prepared plan, applied to one submission, gives a scorecard.

Each criterion's points are rounded half-up to 2 places; every figure above that is an
exact sum, so the categories add up to the total to the cent.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal

import attrs

from evalkit.errors import describe
from evalkit.language import unit_in
from evalkit.messages import text
from evalkit.model import Case, Category, Criterion, Finding, Kind, Measure, NotApplicable, Profile, Review, RuleKind, Status
from evalkit.rectification import UNRECTIFIED, Prior, Rectification, assess, is_item
from evalkit.submission import Submission
from evalkit.rules import referenced_items, unconfirmed_items
from evalkit.points import quantize
from evalkit.scorecard import CategoryScore, Gap, Original, Reported, Result, Scorecard

ZERO = Decimal(0)
NO_EVIDENCE = (Status.MISSING, Status.NEEDS_REVIEW, Status.ERROR)  # a tuple: members are found by identity, not hashed
BONUS, DEDUCTION = "bonus", "deduction"
REPEAT = "REPEAT"  #: the result that carries a profile's repeat_deduction


@attrs.frozen
class Step:
    """One criterion made ready for scoring: its rule kind, line and maximum, looked up once."""

    criterion: Criterion
    rule_kind: RuleKind
    category: str  #: the category id, or "bonus" / "deduction"
    max: Decimal


@attrs.frozen
class Plan:
    """The criteria of a run after the profile, collected once and scored many times."""

    criteria: tuple[Criterion, ...]
    categories: Mapping[str, Category]
    rule_kinds: Mapping
    items: Mapping
    profile: Profile
    meta: Mapping
    lang: str = "zh"  #: the language of the reasons, notes and titles the scorecards hold
    steps: tuple[Step, ...] = attrs.field(init=False)
    order: Mapping[str, int] = attrs.field(init=False)  #: each line's place, bonus and deduction last

    def __attrs_post_init__(self) -> None:
        steps = tuple(Step(c, self.rule_kinds[c.rule["kind"]], _category(c), c.max) for c in self.criteria)
        order = {category_id: index for index, category_id in enumerate(self.categories)}
        object.__setattr__(self, "steps", steps)
        object.__setattr__(self, "order", order | {BONUS: len(order), DEDUCTION: len(order) + 1})


def score(
    plan: Plan,
    submission: Submission,
    findings: Iterable[Finding] = (),
    reviews: Iterable[Review] = (),
    warnings: Iterable[str] = (),
    source: str | None = None,
    prior: Iterable[Prior] = (),
) -> Scorecard:
    """Score one submission by the plan; ``prior`` are last year's gaps, assessed as 整改 items."""
    case = Case(submission, tuple(findings), plan.items, plan.lang)
    mine = tuple(r for r in reviews if r.subject in (None, submission.subject.name))
    by_criterion = {r.criterion: r for r in mine}  # the last review of a criterion takes effect
    results = tuple(_result(step, case, plan.profile, by_criterion.get(step.criterion.id)) for step in plan.steps)
    scored = {step.criterion.id for step in plan.steps} if mine else set()
    applied = tuple(r for r in mine if r.criterion in scored)  # the whole trail
    meta = dict(plan.meta, source=source) if source else dict(plan.meta)
    card = _aggregate(plan, submission, results, case.findings, applied, tuple(warnings), meta)
    prior = tuple(p for p in prior if p.criterion != REPEAT)  # last year's REPEAT 扣分 is no item: the gaps it counted are
    return _rectified(plan, submission, card, prior) if prior else card


def _rectified(plan: Plan, submission: Submission, card: Scorecard, prior: tuple[Prior, ...]) -> Scorecard:
    """The scorecard with last year's gaps assessed: unrectified repeats are marked, listed before
    equal losses, and cost the profile's repeat_deduction."""
    unknown = {g.criterion for g in card.gaps if not is_item(g.points_lost, g.status)}  # awaiting review or not reported
    losses = {r.criterion: None for r in card.results} | {g.criterion: g.points_lost for g in card.gaps}
    items = assess(prior, {cid: lost for cid, lost in losses.items() if cid not in unknown})
    repeats = {i.criterion: i.status for i in items if i.status in UNRECTIFIED}
    penalty = _repeat_penalty(plan.profile, repeats, plan.lang)
    results = card.results + ((penalty,) if penalty else ())
    again = _aggregate(plan, submission, results, card.findings, card.reviews, card.warnings, card.meta, repeats)
    return attrs.evolve(again, rectification=items)


def _repeat_penalty(profile: Profile, repeats: dict[str, Rectification], lang: str) -> Result | None:
    """The 扣分 a profile gives for last year's gaps left unrectified, as one more result."""
    if not repeats or not profile.repeat_points:
        return None
    most = profile.repeat_cap if profile.repeat_cap is not None else profile.repeat_points * len(repeats)
    points = min(most, profile.repeat_points * len(repeats))
    reason = text("repeat_reason", lang, count=len(repeats), criteria=text("list_sep", lang).join(sorted(repeats)))
    return Result(REPEAT, text("repeat_title", lang), DEDUCTION, Kind.DEDUCTION, Status.UNMET, -quantize(points), most, reason)


def _result(step: Step, case: Case, profile: Profile, review: Review | None) -> Result:
    result = _points(step, _measure(step, case), profile)
    return result if review is None else _reviewed(step.criterion, result, review, case.lang)


def _measure(step: Step, case: Case) -> Measure:
    kind = step.rule_kind
    try:
        measure = kind.score(step.criterion.rule, case)
    except Exception as exc:  # a failing rule is isolated to its criterion and reported
        return Measure(Status.ERROR, reason=text("rule_failed", case.lang, plugin=kind.plugin, kind=kind.name, detail=describe(exc)))
    if not isinstance(measure, Measure):
        return Measure(Status.ERROR, reason=text("rule_bad_return", case.lang, plugin=kind.plugin, kind=kind.name))
    return _unconfirmed(step, case, measure)


def _unconfirmed(step: Step, case: Case, measure: Measure) -> Measure:
    """A result that rests on a figure whose item awaits confirmation waits with it: its points are pending."""
    waiting = unconfirmed_items(step.criterion.rule, case.submission.items) if measure.status not in NO_EVIDENCE else []
    if not waiting:
        return measure
    titles = "".join(text("quoted", case.lang, title=case.title(i)) for i in waiting)
    return Measure(Status.NEEDS_REVIEW, reason=text("reason_mapping_unconfirmed", case.lang, titles=titles), evidence=measure.evidence)


def _points(step: Step, measure: Measure, profile: Profile) -> Result:
    criterion, status, max_points, earned = step.criterion, measure.status, step.max, ZERO
    if criterion.kind in (Kind.DEDUCTION, Kind.VETO):
        if status in (Status.MET, Status.PARTIAL, Status.UNMET):
            status = Status.UNMET if measure.occurrences > 0 else Status.MET
        if criterion.kind is Kind.DEDUCTION and status is Status.UNMET:
            earned = -min(max_points, criterion.points * measure.occurrences)
    elif status is Status.NOT_APPLICABLE and criterion.kind is Kind.BONUS:
        earned = ZERO  # no such work: nothing to reward
    elif status is Status.NOT_APPLICABLE:
        earned = max_points if profile.not_applicable is NotApplicable.FULL else ZERO
        max_points = max_points if profile.not_applicable is NotApplicable.FULL else ZERO
    elif status not in NO_EVIDENCE:
        earned = criterion.points * measure.fraction
    return Result(
        criterion.id, criterion.title, step.category, criterion.kind, status, quantize(earned), max_points,
        measure.reason, measure.evidence, criterion.plugin,
    )


def _category(criterion: Criterion) -> str:
    return {Kind.BONUS: BONUS, Kind.DEDUCTION: DEDUCTION}.get(criterion.kind, criterion.category)


def _reviewed(criterion: Criterion, result: Result, review: Review, lang: str) -> Result:
    original = Original(result.status, result.points, result.reason)
    reason = text("reviewed", lang, reviewer=review.reviewer, reason=review.reason)
    if criterion.kind is Kind.VETO:
        status, points = (Status.UNMET if review.triggered else Status.MET), ZERO
    elif criterion.kind is Kind.DEDUCTION:
        points = -review.points
        status = Status.UNMET if points else Status.MET
    else:
        points = review.points
        status = Status.MET if points == result.max else Status.UNMET if points == 0 else Status.PARTIAL
    return attrs.evolve(result, status=status, points=quantize(points), reason=reason, original=original)


def _aggregate(plan, submission, results, findings, reviews, warnings, meta, repeats=None) -> Scorecard:
    of_kind = {kind: [r for r in results if r.kind is kind] for kind in Kind}
    base = sum((r.points for r in of_kind[Kind.BASE]), ZERO)
    bonus = min(sum((r.points for r in of_kind[Kind.BONUS]), ZERO), plan.profile.bonus_cap)
    deductions = -sum((r.points for r in of_kind[Kind.DEDUCTION]), ZERO)
    vetoes = tuple(r.criterion for r in of_kind[Kind.VETO] if r.status is Status.UNMET)
    raw = base + bonus - deductions
    total = max(raw, ZERO)
    if vetoes:
        total = min(total, plan.profile.veto_cap)
    max_points = sum((r.max for r in of_kind[Kind.BASE]), ZERO)
    awaiting = [r for r in results if r.status is Status.NEEDS_REVIEW]
    pending = sum((r.max for r in awaiting if r.kind is Kind.BASE), ZERO)
    grade, note = _grade(plan.profile, total, max_points, bool(vetoes), deductions, bool(awaiting), plan.lang)
    return Scorecard(
        meta=meta, subject=submission.subject, year=submission.year,
        total=total, max=max_points, grade=grade, grade_note=note,
        base=base, bonus=bonus, deductions=deductions, adjustment=total - raw,
        pending=pending,
        coverage=_coverage(of_kind[Kind.BASE]), vetoes=vetoes,
        categories=_categories(plan, results, of_kind, bonus, deductions),
        results=results, gaps=_gaps(plan, results, raw, total, repeats or {}), findings=findings,
        reviews=reviews, warnings=warnings, reported=_reported(plan, submission),
    )


def _reported(plan: Plan, submission: Submission) -> tuple[Reported, ...]:
    """Every figure (not a practice) the submission reports, and whether a criterion scores it."""
    scored = {item for criterion in plan.criteria for item in referenced_items(criterion.rule)}
    return tuple(
        Reported(item.id, plan.items[item.id].title if item.id in plan.items else item.id, _plain(item.value),
                 unit_in(plan.items.get(item.id), item.unit, plan.lang), item.approximate, item.id in scored)
        for item in submission.items.values()
        if isinstance(item.value, (int, float, Decimal)) and not isinstance(item.value, bool)
    )


def _plain(value) -> int | float:
    return int(value) if value == int(value) else float(value)


def _coverage(base: list[Result]) -> Decimal:
    possible = sum((r.max for r in base), ZERO)
    if not possible:
        return Decimal(1)
    return sum((r.max for r in base if r.status not in NO_EVIDENCE), ZERO) / possible


def _categories(plan: Plan, results, of_kind, bonus: Decimal, deductions: Decimal) -> tuple[CategoryScore, ...]:
    lines: dict[str, list[Result]] = {}
    for result in results:
        lines.setdefault(result.category, []).append(result)
    rows = [
        CategoryScore(c.id, c.title, sum(r.points for r in lines[c.id]), sum(r.max for r in lines[c.id]))
        for c in plan.categories.values() if c.id in lines
    ]
    if of_kind[Kind.BONUS]:
        rows.append(CategoryScore(BONUS, text("category_bonus", plan.lang), bonus, plan.profile.bonus_cap))
    if of_kind[Kind.DEDUCTION]:
        rows.append(CategoryScore(DEDUCTION, text("category_deduction", plan.lang), -deductions, ZERO))
    return tuple(rows)


def _grade(profile: Profile, total: Decimal, max_points: Decimal, vetoed: bool, deductions: Decimal, awaiting: bool, lang: str) -> tuple[str, str]:
    """The first band whose minimum and conditions hold; a veto forces the lowest."""
    bands = sorted(profile.grades, key=lambda g: -g.min)
    if vetoed:
        return bands[-1].name, text("grade_vetoed", lang)
    percent = quantize(total * 100 / max_points) if max_points else ZERO
    notes = []
    for band in (b for b in bands if percent >= b.min):
        failed = _failed_condition(band, deductions, awaiting)
        if failed is None:
            return band.name, text("clause_sep", lang).join(notes)
        notes.append(text(failed, lang, grade=band.name))
    return bands[-1].name, text("clause_sep", lang).join(notes)


def _failed_condition(band, deductions: Decimal, awaiting: bool) -> str | None:
    if band.max_deductions is not None and deductions > band.max_deductions:
        return "grade_deductions"
    if band.requires_reviewed and awaiting:
        return "grade_pending"
    return None


def _gaps(plan: Plan, results, raw: Decimal, total: Decimal, repeats: dict) -> tuple[Gap, ...]:
    """Vetoes first, then by points lost; of equal losses, unrectified repeats first."""
    vetoed_loss = max(ZERO, max(raw, ZERO) - total)
    gaps = [g for step, r in zip(plan.steps, results) if (g := _gap(step.criterion, r, vetoed_loss)) is not None]
    if repeats:
        gaps = [attrs.evolve(g, repeat=repeats.get(g.criterion)) for g in gaps] + [_penalty_gap(r, plan.lang) for r in results[len(plan.steps):]]
    triggered = lambda g: g.kind is Kind.VETO and g.status is Status.UNMET  # noqa: E731
    order = plan.order
    return tuple(sorted(gaps, key=lambda g: (not triggered(g), -g.points_lost, g.repeat is None, -g.pending, order[g.category], g.criterion)))


def _penalty_gap(result: Result, lang: str) -> Gap:
    return Gap(result.criterion, result.title, DEDUCTION, Kind.DEDUCTION, Status.UNMET, -result.points, ZERO,
               result.reason, text("repeat_remediation", lang), text("repeat_basis", lang))


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
