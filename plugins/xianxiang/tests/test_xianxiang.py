"""The Xianxiang plugin's data, through the CLI as a black box and through the engine.

Paths are relative to this file, so the tests run on any checkout.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

import evalkit_xianxiang
from evalkit.cli import ExitCode, main
from evalkit.testing import assert_valid_scorecard, evaluator, score_dict
from evalkit.model import Kind, Status

ROOT = Path(__file__).resolve().parents[3]
EXAMPLE = ROOT / "examples" / "xianxiang-2022"
SUBMISSION = EXAMPLE / "submission.json"
REPORT = EXAMPLE / "report.txt"
PACKAGE = ROOT / "plugins" / "xianxiang" / "src" / "evalkit_xianxiang"

#: The eight figures the report states: item id -> (value, unit, approximate).
FIGURES = {
    "leadership.study_sessions": (4, "次", False),
    "publicity.sessions": (23, "场次", False),
    "publicity.culture_hall_sessions": (6, "次", False),
    "publicity.materials": (2000, "份", True),
    "publicity.consultations": (50, "人次", True),
    "openness.proactive_items": (132, "条", False),
    "disputes.resolved": (213, "件", False),
    "petitions.closed": (170, "件", False),
}


@pytest.fixture(autouse=True)
def _all_plugins(monkeypatch):
    """Load every installed plugin, whatever the caller's environment says."""
    monkeypatch.delenv("EVALKIT_LOAD_PLUGINS", raising=False)


@pytest.fixture
def card(capsys):
    """The example's JSON scorecard, as `evalkit check --format json` prints it."""
    assert main(["check", str(SUBMISSION), "--format", "json"]) == ExitCode.OK
    return json.loads(capsys.readouterr().out)


@pytest.fixture
def scored():
    """The example scored through the engine, with this plugin alone (evalkit.testing)."""
    return score_dict(json.loads(SUBMISSION.read_text("utf-8")), evalkit_xianxiang)


@pytest.fixture
def submission():
    return json.loads(SUBMISSION.read_text("utf-8"))


@pytest.fixture
def criteria():
    return yaml.safe_load((PACKAGE / "criteria.yaml").read_text("utf-8"))


def gap(card, criterion_id):
    return next((g for g in card["gaps"] if g["criterion"] == criterion_id), None)


def result(card, criterion_id):
    return next(r for r in card["results"] if r["criterion"] == criterion_id)


def test_example_validates_and_scores_as_a_table(capsys):
    """`evalkit check` on the example exits 0 and prints the subject, total and gap list."""
    assert main(["check", str(SUBMISSION)]) == ExitCode.OK
    out = capsys.readouterr().out
    for words in ("贤庠镇", "总分", "失分清单", "整改建议", "依据"):
        assert words in out


def test_example_scores_as_json_with_no_unknown_items(card):
    """The JSON scorecard has a total within 0..100, a grade and no dropped items."""
    assert 0 <= card["total"] <= card["max"] == 100
    assert card["grade"] in {"优秀", "良好", "合格", "不合格"}
    assert card["validation"]["warnings"] == []


def test_criteria_and_explain_commands_load_the_rubric(capsys):
    """`evalkit criteria` lists the rubric and `explain` shows a criterion's basis."""
    assert main(["criteria"]) == ExitCode.OK
    assert "XX-F01" in capsys.readouterr().out
    assert main(["explain", "XX-A03"]) == ExitCode.OK
    assert "督察工作规定" in capsys.readouterr().out


def test_gap_names_missing_first_responsibility_section(card):
    """The gap list names the missing 第一责任人 section as its own criterion."""
    found = gap(card, "XX-A03")
    assert found is not None and found["points_lost"] == 3
    assert "第一责任人" in found["reason"] and "未单列" in found["reason"]


def test_gap_names_enforcement_work_never_mentioned(card):
    """Every 行政执法 criterion is missing, and its gap says what the report lacks."""
    enforcement = [r for r in card["results"] if r["category"] == "F"]
    assert enforcement and all(r["status"] == "missing" and r["points"] == 0 for r in enforcement)
    gaps = [g for g in card["gaps"] if g["category"] == "F"]
    assert len(gaps) == len(enforcement)
    assert sum(g["points_lost"] for g in gaps) == 12
    assert any("行政执法" in g["title"] + g["reason"] for g in gaps)


@pytest.mark.parametrize(
    ("criterion_id", "figure", "base"),
    [("XX-H03", "依法化解矛盾纠纷件数", "排查受理矛盾纠纷总数"), ("XX-H05", "办结群众信访件数", "受理群众信访件数")],
)
def test_ratio_gap_names_the_missing_base(card, criterion_id, figure, base):
    """A figure given without its base leaves the ratio missing, and the gap names the base."""
    found = gap(card, criterion_id)
    assert found["status"] == "missing" and found["points_lost"] > 0
    assert figure in found["reason"] and base in found["reason"] and "基数" in found["reason"]


def test_all_eight_figures_are_transcribed(submission):
    """The eight figures of the report are present with their values, units and 余 flags."""
    items = submission["items"]
    for item_id, (value, unit, approximate) in FIGURES.items():
        assert items[item_id]["value"] == value, item_id
        assert items[item_id]["unit"] == unit, item_id
        assert items[item_id].get("approximate", False) is approximate, item_id


def test_only_stated_items_are_transcribed(submission):
    """The submission holds only what the report states: no base counts it lacks."""
    for absent in ("disputes.accepted", "petitions.received", "litigation.head_appearance_rate", "enforcement.cases"):
        assert absent not in submission["items"]


def test_evidence_quotes_are_exact(submission):
    """Every item's evidence is an exact quote from the report line its source names."""
    lines = REPORT.read_text("utf-8").splitlines()
    for item_id, item in submission["items"].items():
        assert item["evidence"] in lines[item["source"]["line"] - 1], item_id


def test_report_structure_and_citations(submission):
    """Sections carry no 第一责任人 or 其他情况 kind, and both outdated citations are kept as written."""
    kinds = {s["kind"] for s in submission["report"]["sections"]}
    assert kinds == {"measures", "shortcomings", "plan"}
    assert {"《土地承包法》", "《信访条例》"} <= set(submission["report"]["citations"])


def test_outdated_citations_cost_half_a_point_each(card):
    """The two outdated citations are two occurrences of the citation deduction."""
    assert result(card, "XX-M06")["points"] == -1
    assert result(card, "XX-A07")["status"] == "met"


def test_claim_without_figure_earns_half(card):
    """A practice claimed without its number earns half, and the gap asks for the number."""
    found = result(card, "XX-B04")
    assert found["status"] == "partial" and found["points"] == 0.75
    assert "具体数字" in found["reason"]


def test_categories_add_up_to_the_total(scored):
    """Category subtotals, bonus and deductions add up exactly to the total; the scorecard validates."""
    assert_valid_scorecard(scored)
    assert sum((c.score for c in scored.categories), Decimal(0)) + scored.adjustment == scored.total
    assert scored.total == scored.base + scored.bonus - scored.deductions + scored.adjustment


def test_engine_score_is_that_of_a_thin_report(scored):
    """The report lacks whole areas, so it scores well short of 合格 yet earns its stated practices."""
    assert Decimal(20) < scored.total < Decimal(60)
    assert scored.pending == 2
    statuses = {r.criterion: r.status for r in scored.results}
    assert statuses["XX-B03"] is Status.MET and statuses["XX-I01"] is Status.MET


def test_base_points_add_up_to_100(criteria):
    """Base points add up to the declared base_total of 100, and each category's to its table value."""
    base = [c for c in criteria["criteria"] if c["kind"] == "base"]
    assert criteria["base_total"] == 100
    assert sum(Decimal(str(c["points"])) for c in base) == 100
    expected = dict(zip("ABCDEFGHIJK", (15, 12, 6, 12, 8, 12, 4, 12, 8, 4, 7)))
    for category, points in expected.items():
        assert sum(Decimal(str(c["points"])) for c in base if c["category"] == category) == points, category


def test_every_criterion_has_basis_and_remediation(criteria):
    """Every criterion names its basis and a remediation, and ids are unique."""
    ids = [c["id"] for c in criteria["criteria"]]
    assert len(ids) == len(set(ids))
    for criterion in criteria["criteria"]:
        assert criterion["basis"].strip() and criterion["remediation"].strip(), criterion["id"]


def test_every_layer_is_present(scored):
    """The rubric has bonus, deduction and reviewer-judged veto criteria."""
    kinds = {r.kind for r in scored.results}
    assert {Kind.BASE, Kind.BONUS, Kind.DEDUCTION, Kind.VETO} <= kinds
    vetoes = [r for r in scored.results if r.kind is Kind.VETO]
    assert vetoes and all(r.status is Status.NEEDS_REVIEW for r in vetoes)


def test_year_in_text_costs_the_consistency_point(capsys):
    """Scored from its text, the report's "2023年…23场次" in a 2022 report costs XX-A08."""
    assert main(["check", str(REPORT), "--format", "json"]) == ExitCode.OK
    card = json.loads(capsys.readouterr().out)
    assert any(f["code"] == "year-mismatch" for f in card["findings"])
    assert result(card, "XX-A08")["status"] == "unmet" and result(card, "XX-A08")["points"] == 0


def test_extractors_read_the_report_like_the_hand_transcription():
    """Read from report.txt, the plugin's extractors give every item the hand transcription has, with the same values."""
    extracted = evaluator(evalkit_xianxiang).load(REPORT).submission
    hand = json.loads(SUBMISSION.read_text("utf-8"))["items"]
    assert {k: v.value for k, v in extracted.items.items()} == {k: v["value"] for k, v in hand.items()}
    assert extracted.report.unmapped == ()
    assert extracted.items["publicity.materials"].approximate and extracted.items["publicity.materials"].bound == "lower"
