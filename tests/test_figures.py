"""Report reading stays linear: work grows with the text, not with the text times its figures."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from evalkit.errors import InputError
from evalkit.report import figures
from evalkit.report.extraction import extract, sentence_at
from evalkit.report.html import page_text
from evalkit.report.structure import parse

from workcount import per_character

PARAGRAPH = (
    "一、依法全面履行政府职能\n"
    "全年开展学法活动12次，参训干部340人次；审查规范性文件8件，合法性审查率100%。"
    "2022年化解矛盾纠纷二百一十三件，调解成功率达百分之九十五以上，“一村一法律顾问”覆盖全部村社。\n"
    "（一）推进依法决策。重大行政决策3项，均经过法律顾问审查，发放宣传资料两千余份。\n"
)


def _report(size: int) -> str:
    return (PARAGRAPH * (size // len(PARAGRAPH) + 1))[:size]


def _read(text: str) -> None:
    structure, found = parse(text), figures.find(text)
    extract(text, [])
    for figure in found:
        structure.heading_at(figure.start)
        sentence_at(text, figure.start)


def test_reading_a_600kb_report_is_linear():
    """A 600 KB report is read with a bounded number of calls per character (about 7 today)."""
    assert per_character(_read, _report(600_000), 20)


def test_a_clause_without_punctuation_is_linear():
    """Thousands of figures in one clause do not each copy the clause."""
    large = "共计12件 " * 20_000
    assert per_character(figures.find, large, 20)
    assert max(len(f.before) + len(f.after) for f in figures.find(large)) <= 2 * figures.CLAUSE_REACH


def test_unclosed_quotes_on_one_line_are_linear():
    """A line of opening quotes with no closing one is searched once, not once per quote."""
    assert per_character(figures.find, "“12件" * 50_000, 20)


def test_quotes_and_titles_are_still_masked():
    """Closed quotes and titles hide their figures; an unclosed one hides nothing."""
    assert figures.find("《关于2021年12件事的通知》“共5人”") == []
    assert [f.text for f in figures.find("“共5人\n调解3件”")] == ["5人", "3件"]


PIECES = ["12", "件", "二百", "万", "%", "“", "”", "《", "》", "，", "。", "\n", "一、", "（一）", "2022年", "—", " ", "<div class='content'>", "</div>", "</p>", "<p>", "百分之", "约"]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=40), st.integers(1, 3000))
def test_no_report_under_64kb_costs_unbounded_work(parts, repeat):
    """Any text or page under 64 KB is read within a bounded number of calls per character."""
    text = ("".join(parts) * repeat)[: 64 * 1024]
    assert per_character(_read, text, 60)  # the densest text (a figure every 3 characters) takes ~47 a character
    assert per_character(_page_or_refusal, text, 40)


def _page_or_refusal(text: str) -> None:
    try:
        page_text(text)
    except InputError:  # nested past the limit: refused, which is an answer too
        pass


def test_a_count_after_a_period_is_a_figure_and_a_date_is_not():
    """每月2场次 and 每个月1次 are counts (how often); 3月2日 and the 5 of 2023年5月 are dates."""
    text = "坚持每月2场次法治讲座、每个月1次例会，3月2日召开大会，2023年5月启动。"
    assert [f.text for f in figures.find(text)] == ["2场次", "1次"]


def test_a_figure_carries_the_text_before_its_clause():
    """A figure's context is its sentence up to its clause and the sentence before, never more."""
    found = figures.find("甲句在此。乙句在此。提升干部能力，组织学习3次。")
    assert found[0].context == "乙句在此。提升干部能力，"


def test_batches_rounds_and_terms_are_units():
    """批次, 轮次 and 期次 are measure words of their own, not 批 or 轮 followed by 次."""
    found = figures.find("参加上级法治培训4批次，组织轮训2轮次、夜校3期次，另有1批。")
    assert [(f.value, f.unit) for f in found] == [(4, "批次"), (2, "轮次"), (3, "期次"), (1, "批")]


def test_lengths_in_metres_are_figures_in_words_or_digits():
    """约五千米 and 1200米 are lengths in 米, and 平方米 is an area: a figure in Chinese numerals needs its unit to be read."""
    found = figures.find("规整线路约五千米，新建步道1200米，改造场地三百平方米。")
    assert [(f.value, f.unit) for f in found] == [(5000, "米"), (1200, "米"), (300, "平方米")]
