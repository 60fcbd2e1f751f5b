"""The extractors (extractors.yaml) follow the corpus's labelling rules for study, training, 第一议题,
meetings, 普法 and exams (benchmarks/real/README.md), one rule at a time, each with counter-cases."""

import pytest

from evalkit.evaluator import Evaluator
from evalkit.report.extraction import report_figures
from evalkit.report.mapping import classify
from evalkit.report.structure import parse

STUDY, TRAINING, FIRST, MEETINGS = (f"leadership.{name}" for name in ("study_sessions", "staff_training_sessions", "first_topic_sessions", "topic_meetings"))

#: Sentences written for these tests: (rule, sentence, {figure: item}).
CASES = [
    # 1. law is the subject: named in the clause (alone or among others), or the only theme of the lead-in
    (1, "镇党委中心组学习党的二十大精神和《中华人民共和国行政复议法》5次。", {"5次": STUDY}),
    (1, "将习近平法治思想纳入镇党委中心组学习内容，全年专题学习6次。", {"6次": STUDY}),
    (1, "深入学习党的二十大精神和习近平法治思想，全年开展集中学习12次。", {"12次": None}),
    (1, "坚持理论武装与法治学习相结合。全年组织中心组学习8次。", {"8次": None}),
    (1, "围绕《中国共产党纪律处分条例》，镇纪委书记讲纪法课3次。", {"3次": None}),
    (1, "组织机关干部学习党内法规和《中华人民共和国土地管理法》4次。", {"4次": TRAINING}),
    # 2. who studies: the clause's participants, else the first body of the lead-in
    (2, "组织干部集中学法4次。", {"4次": TRAINING}),
    (2, "领导班子成员集中学法4次。", {"4次": STUDY}),
    (2, "将习近平法治思想纳入党委中心组学习内容，全年开展专题研学3次。", {"3次": STUDY}),
    (2, "镇党委中心组带头学法，并把习近平法治思想纳入领导干部学习内容，举办集中学习12场次。", {"12场次": STUDY}),
    (2, "镇机关干部职工坚持学法，并把宪法纳入干部学习内容，组织深入学习9场次。", {"9场次": TRAINING}),
    (2, "学习宪法和民法典。全年组织学习6次。", {"6次": None}),
    # 3. training forms: for cadres they are training, for the 班子 they are study
    (3, "利用周例会开展会前学法活动20次。", {"20次": TRAINING}),
    (3, "镇政府常务会议会前学法10次。", {"10次": STUDY}),
    (3, "开展领导班子专题法治讲座2次。", {"2次": STUDY}),
    (3, "组织各级党组织书记讲法治课30次。", {"30次": None}),
    # 4. 第一议题: law studied as the first item of the Party committee's meetings
    (4, "落实“第一议题”制度，学习习近平总书记关于法治的重要论述12次。", {"12次": FIRST}),
    (4, "落实“第一议题”制度，传达学习习近平总书记重要讲话精神25次。", {"25次": None}),
    (4, "镇属各党支部开展“第一议题”学习300余次。", {"300余次": None}),
    # 5. meetings: the Party committee's, the government's or the 法治 leading group's on law
    (5, "成立镇法治政府建设领导小组，全年召开领导小组会议4次。", {"4次": MEETINGS}),
    (5, "成立镇乡村振兴工作领导小组，全年召开领导小组会议4次。", {"4次": None}),
    (5, "召开党委会专题研究法治建设工作3次。", {"3次": MEETINGS}),
    # 6. 普法 for the public on law; 宣讲 of party theory is none, a lecture for cadres is training
    (6, "深入村居开展普法宣传活动15场。", {"15场": "publicity.sessions"}),
    (6, "开展党的二十大精神理论宣讲8场。", {"8场": None}),
    (6, "邀请律师为机关干部开展法治讲座2场。", {"2场": TRAINING}),
    (6, "传达学习党的二十大精神，举办宣讲报告会2场。", {"2场": None}),
    (6, "围绕乡村振兴中的法律问题，举办宣讲报告会2场。", {"2场": "publicity.sessions"}),
    # 7. exams: 参考率 and 合格率 of an exam; a training's rates are none; one figure for two rates takes the first
    (7, "组织执法人员参加执法业务培训班，参与率和合格率均达100%。", {"100%": None}),
    (7, "参加县级法治培训3批次，参训率达100%。", {"3批次": TRAINING, "100%": None}),
    (7, "组织公职人员参加学法考试，参考率优秀率均为100%。", {"100%": "leadership.exam_participation_rate"}),
]


@pytest.fixture(scope="module")
def extractors():
    ev = Evaluator()
    return ev.catalog.extractors, ev.catalog.items


@pytest.mark.parametrize(("rule", "sentence", "expected"), CASES)
def test_each_rule_maps_its_cases_and_its_counter_cases(extractors, rule, sentence, expected):
    """Each figure goes to the item the numbered rule gives it, or to none."""
    found, items = extractors
    structure = parse(sentence)
    mapped = {f.text: item for f, item in classify(report_figures(sentence, structure), found, structure, items)}
    assert mapped == expected, f"rule {rule}"
