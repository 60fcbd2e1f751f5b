from decimal import Decimal

import pytest
from conftest import score_toy, toy_doc

from evalkit import Review, Status
from evalkit.evaluator import Evaluator
from evalkit.model import Kind

FULL = dict(t_count=5, t_flag=True, t_num=90, t_den=100, t_level=3, t_bad=0)


def result(card, criterion_id):
    return next(r for r in card.results if r.criterion == criterion_id)


def gap(card, criterion_id):
    return next((g for g in card.gaps if g.criterion == criterion_id), None)


def test_full_marks_except_pending_manual(toy):
    """A submission meeting every rule earns all base points but the manual one, which is pending."""
    card = score_toy(toy, toy_doc(**FULL))
    assert card.base == 90
    assert card.pending == 10
    assert result(card, "T-B3").status is Status.NEEDS_REVIEW
    assert gap(card, "T-B3").points_lost == 0 and gap(card, "T-B3").pending == 10


def test_count_gives_linear_partial_credit(toy):
    """Three of five study sessions earn three fifths of the points."""
    card = score_toy(toy, toy_doc(**{**FULL, "t_count": 3}))
    assert result(card, "T-A1").points == Decimal("6.00")
    assert result(card, "T-A1").status is Status.PARTIAL


def test_ratio_without_denominator_is_missing_and_names_the_base(toy):
    """A numerator without its base scores nothing, and the gap says which figure to add."""
    values = {k: v for k, v in FULL.items() if k != "t_den"}
    card = score_toy(toy, toy_doc(**values))
    found = gap(card, "T-B1")
    assert found.status is Status.MISSING and found.points_lost == 20
    assert "受理件数" in found.reason


def test_ratio_with_zero_denominator_is_not_applicable_and_counts_in_full(toy):
    """No such work this year counts the points as earned under the default policy."""
    card = score_toy(toy, toy_doc(**{**FULL, "t_num": 0, "t_den": 0}))
    assert result(card, "T-B1").status is Status.NOT_APPLICABLE
    assert result(card, "T-B1").points == 20


def test_not_applicable_exclude_policy_removes_points_from_the_max(toy_pm, tmp_path):
    """With not_applicable: exclude the criterion leaves both earned and possible points."""
    profile = tmp_path / "p.yaml"
    profile.write_text("id: exclude-na\nnot_applicable: exclude\n", encoding="utf-8")
    card = score_toy(Evaluator(toy_pm, profile=str(profile)), toy_doc(**{**FULL, "t_num": 0, "t_den": 0}))
    assert result(card, "T-B1").max == 0 and card.max == 80


def test_deduction_per_occurrence_is_capped(toy):
    """Each occurrence costs its points, up to the criterion's cap."""
    assert score_toy(toy, toy_doc(**{**FULL, "t_bad": 2})).deductions == 2
    card = score_toy(toy, toy_doc(**{**FULL, "t_bad": 7}))
    assert card.deductions == 3 and result(card, "T-D1").points == -3


def test_bonus_total_is_capped_by_the_profile(toy):
    """Bonus criteria worth 7 add at most the cap of 5."""
    card = score_toy(toy, toy_doc(**{**FULL, "t_count": 10}))
    assert sum(r.points for r in card.results if r.kind is Kind.BONUS) == 7
    assert card.bonus == 5


def test_total_never_drops_below_zero(toy):
    """Deductions larger than the base leave a total of 0, and the adjustment records it."""
    card = score_toy(toy, toy_doc(sections=[{"title": "x", "kind": "other"}], t_bad=9))
    assert card.total == 0
    assert sum(c.score for c in card.categories) + card.adjustment == card.total


def test_veto_caps_total_forces_lowest_grade_and_heads_gaps(toy):
    """A triggered veto caps the total, gives the lowest grade and comes first among the gaps."""
    review = Review("T-V1", "张三", "2023-03-10", "重大违法行政行为", triggered=True)
    card = score_toy(toy, toy_doc(**FULL))
    vetoed = _with_reviews(toy, [review])
    assert card.vetoes == ()
    assert vetoed.vetoes == ("T-V1",)
    assert vetoed.total == 59 and vetoed.grade == "不合格"
    assert vetoed.gaps[0].criterion == "T-V1" and vetoed.gaps[0].points_lost == 95 - 59


def _with_reviews(evaluator, reviews, doc=None):
    from evalkit.engine import score

    loaded = evaluator.validate(doc or toy_doc(**FULL), "x")
    return score(evaluator.plan, loaded.submission, (), reviews)


def test_review_scores_manual_criterion_and_keeps_the_original(toy):
    """A reviewer's points replace the pending result; the machine's result stays beside it."""
    card = _with_reviews(toy, [Review("T-B3", "李四", "2023-03-10T09:00", "材料齐全", points=Decimal(8), role="县司法局")])
    reviewed = result(card, "T-B3")
    assert reviewed.points == 8 and reviewed.status is Status.PARTIAL
    assert reviewed.original.status is Status.NEEDS_REVIEW
    assert card.reviews[0].reviewer == "李四" and card.pending == 0


def test_review_for_another_township_is_ignored(toy):
    """A review naming another township does not touch this one."""
    card = _with_reviews(toy, [Review("T-B3", "李四", "2023-03-10", "x", points=Decimal(8), subject="别的镇")])
    assert result(card, "T-B3").status is Status.NEEDS_REVIEW and card.reviews == ()


def test_gaps_are_ordered_veto_then_points_lost_then_category(toy):
    """A triggered veto first, then the most points lost, then category order; each gap says why and how."""
    doc = toy_doc(sections=[{"title": "x", "kind": "measures"}], t_count=1, t_flag=False, t_num=1)
    pending = score_toy(toy, doc)
    assert pending.gaps[0].kind is not Kind.VETO  # a veto awaiting review costs nothing yet
    card = _with_reviews(toy, [Review("T-V1", "张三", "2023-03-10", "违法", triggered=True)], doc)
    lost = [g.points_lost for g in card.gaps if g.kind is not Kind.VETO]
    assert card.gaps[0].kind is Kind.VETO
    assert lost == sorted(lost, reverse=True)
    for g in card.gaps:
        assert g.reason and g.remediation and g.basis


def test_rule_that_raises_is_isolated_as_error(toy_pm):
    """A rule kind that raises makes its criterion `error`, names the plugin, and the rest score."""
    from evalkit import RuleKind, hookimpl

    class Broken:
        @hookimpl
        def register_rule_kinds(self):
            def explode(rule, case):
                raise ZeroDivisionError("boom")

            return [RuleKind("explode", explode)]

    toy_pm.register(Broken(), name="broken-rules")
    ev = Evaluator(toy_pm)
    criterion = ev.plan.criteria[0]
    import attrs

    ev.plan = attrs.evolve(ev.plan, criteria=(attrs.evolve(criterion, rule={"kind": "explode"}), *ev.plan.criteria[1:]))
    card = score_toy(ev, toy_doc(**FULL))
    failed = result(card, criterion.id)
    assert failed.status is Status.ERROR and "broken-rules" in failed.reason and "boom" in failed.reason
    assert gap(card, criterion.id).status is Status.ERROR
    assert result(card, "T-A2").status is Status.MET


def test_coverage_is_the_share_of_points_resting_on_evidence(toy):
    """Missing data and pending reviews do not count as evidence."""
    card = score_toy(toy, toy_doc(**{k: v for k, v in FULL.items() if k != "t_den"}))
    assert card.coverage == Decimal(70) / Decimal(100)


@pytest.mark.parametrize(
    "grades, expected, note",
    [
        ([{"name": "优秀", "min": 80, "max_deductions": 0}, {"name": "合格", "min": 0}], "合格", "扣分"),
        ([{"name": "优秀", "min": 80, "requires_reviewed": True}, {"name": "合格", "min": 0}], "合格", "待评审"),
        ([{"name": "优秀", "min": 80}, {"name": "合格", "min": 0}], "优秀", ""),
    ],
)
def test_grade_conditions_say_which_failed(toy_pm, tmp_path, grades, expected, note):
    """A band's condition that fails drops the grade and the scorecard says why."""
    import json

    profile = tmp_path / "p.json"
    profile.write_text(json.dumps({"id": "g", "grades": grades}, ensure_ascii=False), encoding="utf-8")
    card = score_toy(Evaluator(toy_pm, profile=str(profile)), toy_doc(**{**FULL, "t_bad": 1}))
    assert card.grade == expected
    assert note in card.grade_note


def test_profile_override_changes_total_by_exactly_its_effect(toy_pm, tmp_path):
    """Raising one met criterion's points by 5 raises the total by exactly 5."""
    before = score_toy(Evaluator(toy_pm), toy_doc(**FULL))
    profile = tmp_path / "p.yaml"
    profile.write_text("id: heavier\noverrides:\n  T-A2: {points: 15}\n", encoding="utf-8")
    after = score_toy(Evaluator(toy_pm, profile=str(profile)), toy_doc(**FULL))
    assert after.total - before.total == 5
    assert after.meta["profile"]["digest"] != before.meta["profile"]["digest"]


def test_profile_target_override_changes_partial_credit(toy_pm, tmp_path):
    """A higher target lowers a count's share of the points."""
    profile = tmp_path / "p.yaml"
    profile.write_text("id: t\noverrides:\n  T-A1: {rule: {target: 10}}\n", encoding="utf-8")
    card = score_toy(Evaluator(toy_pm, profile=str(profile)), toy_doc(**FULL))
    assert result(card, "T-A1").points == 5


def test_profile_select_and_exclude(toy_pm, tmp_path):
    """select keeps only the named criteria or categories; exclude drops them."""
    profile = tmp_path / "p.yaml"
    profile.write_text("id: a-only\nselect: [A]\nexclude: [T-P2]\n", encoding="utf-8")
    ev = Evaluator(toy_pm, profile=str(profile))
    assert [c.id for c in ev.plan.criteria] == ["T-A1", "T-A2", "T-P1"]


def test_a_figure_whose_item_awaits_confirmation_scores_nothing_until_confirmed(toy):
    """A mapping marked needs_review for its evidence leaves its criteria pending; confirmed (mark removed), it scores."""
    doc = toy_doc(**FULL)
    doc["items"]["t.count"]["needs_review"] = {"reason": "mapping", "lacks": ["topic"]}
    card = score_toy(toy, doc)
    assert {result(card, c).status for c in ("T-A1", "T-P2")} == {Status.NEEDS_REVIEW}
    assert result(card, "T-A1").points == 0 and card.pending == 10 + 10
    assert "学法次数" in result(card, "T-A1").reason and "核对" in result(card, "T-A1").reason
    assert result(card, "T-A2").status is Status.MET
    del doc["items"]["t.count"]["needs_review"]
    assert result(score_toy(toy, doc), "T-A1").points == 10


def test_a_figure_read_by_ocr_still_scores(toy):
    """An OCR mark warns but does not hold the points back: only a doubtful mapping waits."""
    doc = toy_doc(**FULL)
    doc["items"]["t.count"]["needs_review"] = {"reason": "ocr", "confidence": 91}
    assert result(score_toy(toy, doc), "T-A1").points == 10


def test_a_reviewer_scores_a_criterion_that_waits_on_a_mapping(toy_pm, tmp_path):
    """A reviewer's score replaces the pending result of a criterion whose figure awaits confirmation."""
    doc = toy_doc(**FULL)
    doc["items"]["t.count"]["needs_review"] = {"reason": "mapping", "lacks": ["who"]}
    reviews = tmp_path / "reviews.yaml"
    reviews.write_text("reviews:\n  - {subject: 测试镇, criterion: T-A1, reviewer: 张三, at: 2023-03-01, reason: 核对原文，学法次数无误, points: 6}\n", encoding="utf-8")
    card = score_toy(Evaluator(toy_pm, reviews=str(reviews)), doc)
    assert result(card, "T-A1").points == 6 and result(card, "T-A1").original.status is Status.NEEDS_REVIEW
