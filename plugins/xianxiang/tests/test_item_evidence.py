"""The rubric's items declare the evidence a figure of them shows (items.yaml `evidence`): a mapping
with it scores, one without it is marked “待核对” and its criteria wait, for each family of items."""

import pytest

from evalkit.evaluator import Evaluator

#: Sentences written for these tests: (sentence, figure, item, what the mapping lacks; () when it is sure).
CASES = [
    # law study by the leading group: the topic, the leaders, and no cadres at large in the clause
    ("镇党委理论学习中心组开展法治专题学习6次。", "6次", "leadership.study_sessions", ()),
    ("班子成员开展专题研讨4次。", "4次", "leadership.study_sessions", ["topic"]),
    ("全年开展宪法专题学习5次。", "5次", "leadership.study_sessions", ["who"]),
    ("党委中心组与村民代表共同学法7次。", "7次", "leadership.study_sessions", ["alone"]),
    # training of the unit's own staff
    ("组织机关干部参加法治培训4场次。", "4场次", "leadership.staff_training_sessions", ()),
    ("组织机关干部参加业务培训4场次。", "4场次", "leadership.staff_training_sessions", ["topic"]),
    ("举办法治培训3期。", "3期", "leadership.staff_training_sessions", ["who"]),
    ("组织干部参加培训3场，参训干部210人次，培训内容为民法典。", "210人次", "leadership.staff_trained", ()),
    ("组织干部参加培训3场，参训干部210人次。", "210人次", "leadership.staff_trained", ["topic"]),
    # meetings on law, and the 第一议题 on law
    ("召开党委会专题研究法治建设3次。", "3次", "leadership.topic_meetings", ()),
    ("召开党委专题会议3次，听取依法行政工作汇报。", "3次", "leadership.topic_meetings", ()),
    ("全年召开专题会议3次。", "3次", "leadership.topic_meetings", ["topic"]),
    ("将习近平法治思想列入第一议题学习9次。", "9次", "leadership.first_topic_sessions", ()),
    ("全年“第一议题”学习12次。", "12次", "leadership.first_topic_sessions", ["topic"]),
    # 普法 for the public
    ("开展普法宣传进社区活动12场。", "12场", "publicity.sessions", ()),
    ("组织“法律赶大集”活动8场。", "8场", "publicity.sessions", ()),
    ("深入村组开展宣讲活动15场。", "15场", "publicity.sessions", ["topic"]),
    ("邀请律师开展普法宣传活动6场。", "6场", "publicity.sessions", ["alone"]),
    ("开展普法宣传14期。", "14期", "publicity.sessions", ["unit"]),
    ("开展普法宣传活动9场，受众2000人次。", "2000人次", "publicity.audience", ()),
    ("开展文艺演出9场，受众2000人次。", "2000人次", "publicity.audience", ["topic"]),
    # legal consultations of residents: advice the adviser gives the government, or sessions counted in 次, wait
    ("在法治宣传活动中为群众解答法律咨询300人次。", "300人次", "publicity.consultations", ()),
    ("法律顾问全年接受法律咨询20人次，为镇政府依法决策提供支持。", "20人次", "publicity.consultations", ["who"]),
    ("为辖区企业提供法律咨询服务3次。", "3次", "publicity.consultations", ["unit"]),
    # exams, legality review and decisions
    ("组织干部参加学法考试52人。", "52人", "leadership.exam_participants", ()),
    ("组织干部参加学法考试52人次。", "52人次", "leadership.exam_participants", ["unit"]),
    ("审查各类合同41份。", "41份", "review.contracts_reviewed", ()),
    ("审查合同41份（含决策类合同）。", "41份", "review.contracts_reviewed", ["alone"]),
    ("审查规范性文件7件。", "7件", "review.documents_reviewed", ()),
    ("审查涉及重大决策的合同41份。", "41份", "review.documents_reviewed", ["alone"]),
    ("全年作出重大行政决策5项。", "5项", "decision.major_decisions", ()),
]


@pytest.fixture(scope="module")
def evaluator():
    return Evaluator()


@pytest.mark.parametrize(("sentence", "written", "item", "missing"), CASES)
def test_a_mapping_with_its_evidence_scores_and_one_without_waits(evaluator, tmp_path, sentence, written, item, missing):
    """The figure goes to its item either way; only a mapping that lacks evidence is marked, with what it lacks."""
    report = tmp_path / "草稿.txt"
    report.write_text(f"青松镇2024年法治政府建设年度报告\n{sentence}\n", encoding="utf-8")
    loaded = evaluator.read_report(report)
    got = loaded.submission.items[item]
    assert f"{got.value}{got.unit}" == written
    assert (list(got.needs_review.lacks) if got.needs_review else ()) == missing


def test_the_scorecard_says_how_many_mappings_await_confirmation_and_their_criteria_wait(evaluator, tmp_path):
    """Doubtful mappings are counted in a warning, and a criterion that reads one is pending, not scored."""
    report = tmp_path / "青松镇.txt"
    report.write_text("青松镇2024年法治政府建设年度报告\n全年召开专题会议3次。举办法治培训3期。\n", encoding="utf-8")
    loaded = evaluator.read_report(report)
    assert any("有 2 个数字归入指标项的依据不足" in w for w in loaded.warnings)
    card = evaluator.evaluate(loaded)
    waiting = [r for r in card.results if "核对" in (r.reason or "")]
    assert waiting and {r.status.value for r in waiting} == {"needs_review"} and all(r.points == 0 for r in waiting)


def test_extract_and_check_show_each_doubtful_mapping_and_why(tmp_path, capsys):
    """`extract` writes the mark into the draft and lists the figure as “待核对” with what it lacks; `check` counts them."""
    import json

    from evalkit.cli import main

    report = tmp_path / "青松镇.txt"
    report.write_text("青松镇2024年法治政府建设年度报告\n全年召开专题会议3次。召开党委会专题研究法治建设2次。邀请律师开展普法宣传活动6场。\n", encoding="utf-8")
    draft = tmp_path / "draft.json"
    assert main(["extract", str(report), "-o", str(draft)]) == 0
    shown = capsys.readouterr().err
    assert "待核对：所在句子未提到该项的主题" in shown and "待核对：同一分句还写到其他指标项的对象或参加对象" in shown
    item = json.loads(draft.read_text("utf-8"))["items"]["leadership.topic_meetings"]
    assert item["value"] == 3 and item["needs_review"] == {"reason": "mapping", "lacks": ["topic"]}
    main(["check", str(report)])
    assert "有 2 个数字归入指标项的依据不足" in capsys.readouterr().out
