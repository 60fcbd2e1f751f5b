"""Which item each figure belongs to (report/mapping.py): an extractor's context and
exclusions, a clause that names no activity, and a figure shared by a list of nouns."""

from evalkit.evaluator import Evaluator
from evalkit.report.extraction import extract, report_figures
from evalkit.report.mapping import classify
from evalkit.report.reader import Extractor
from evalkit.report.structure import parse


def _items(text, extractors, items=None):
    structure = parse(text)
    return [item for _figure, item in classify(report_figures(text, structure), extractors, structure, items or {})]


def test_context_and_unless_decide_whether_an_extractor_applies():
    """An extractor with `context` needs its words before the figure's clause; `unless` words in the clause rule it out."""
    extractors = [Extractor("a.trained", "学习", ("次",), context="干部"), Extractor("a.studied", "学习", ("次",), unless="中心组")]
    for text, want in [("提升干部能力。组织学习3次。", "a.trained"), ("组织学习3次。", "a.studied"), ("中心组学习3次。", None)]:
        assert _items(text, extractors) == [want]



def test_around_reads_the_text_before_and_the_clause_together():
    """An extractor with `around` needs its words in the text before the figure's clause or in the clause itself."""
    extractors = [Extractor("a.studied", "学习", ("次",), around=r"法|^(?![\s\S]*主题教育)")]
    for text, want in [("开展主题教育。组织学习3次。", None), ("开展主题教育。组织法治学习3次。", "a.studied"), ("学习宪法。开展主题教育，组织学习3次。", "a.studied"), ("组织学习3次。", "a.studied")]:
        assert _items(text, extractors) == [want]

def test_a_clause_naming_no_activity_reads_the_clause_before_in_its_sentence():
    """全年累计开展15次 takes the activity of the clause before it, never across a full stop."""
    extractors = [Extractor("a.lectures", "讲座", ("次",))]
    assert _items("开展法治讲座，全年累计开展15次。", extractors) == ["a.lectures"]
    assert _items("开展法治讲座。全年累计开展15次。", extractors) == [None]
    assert _items("开展法治讲座，向村民发放15次。", extractors) == [None]


def test_a_figure_shared_by_a_list_goes_to_each_nouns_item():
    """参考率、合格率均为100% gives both rates in the draft; the benchmark's single reading is the first."""
    ev = Evaluator()
    found = extract("组织干部学法考试，参考率、合格率均为100%。", ev.catalog.extractors, items=ev.catalog.items)
    assert [(f.text, item) for f, item in found.mapped] == [("100%", "leadership.exam_participation_rate"), ("100%", "leadership.exam_pass_rate")]
    assert found.unmapped == ()
    assert _items("组织干部学法考试，参考率、合格率均为100%。", ev.catalog.extractors, ev.catalog.items) == ["leadership.exam_participation_rate"]
