"""A published page's metadata and furniture (report/page.py), in saved .html pages and .txt copies."""

from pathlib import Path

from evalkit.default_plugins.readers import read_html
from evalkit.report import page, structure
from evalkit.report.extraction import report_figures

COPY = """首页 > 政务公开 > 法定主动公开内容
索引号：114412345678901234/2024-00031 发布机构：白沙乡人民政府
来源：白沙乡人民政府 发布时间：2024-03-12 16:45 浏览量：368
白沙乡2023年法治政府建设工作报告
2023年，白沙乡全年开展法治讲座6次，审查合同12份。
【打印本页】【关闭窗口】
"""


def test_fields_and_furniture_of_a_text_copy():
    """索引号, 发布机构, 来源, 发布时间 are read as fields; breadcrumbs, field lines and 打印/关闭 are furniture."""
    lines = COPY.split("\n")
    found = page.read(lines, 3)
    assert found.field("发布机构") == "白沙乡人民政府" and found.published() == (2024, 3)
    assert found.furniture == {0, 1, 2, 5}


def test_no_figure_is_read_from_furniture_times_or_codes():
    """An 索引号's digits, a clock time, a visit count and a document number are not figures."""
    text = COPY + "会议于9:30召开，印发《实施意见》（白政发〔2023〕15号）。\n"
    figures = report_figures(text, structure.parse(text))
    assert [f.text for f in figures] == ["6次", "12份"]


def test_a_saved_page_gives_its_body_then_its_metadata(tmp_path):
    """A saved page's <meta> source and date and its 索引号 line are read, after the body, and name the township."""
    html = (
        '<html><head><meta name="ContentSource" content="青石镇人民政府"><meta name="PubDate" content="2024-02-20 08:00"></head><body>'
        '<div class="crumb">首页 &gt; 信息公开</div><table class="info"><tr><td>索引号：000123456789/2024-0001</td></tr></table>'
        '<div class="article-content"><p>2023年，我镇全年开展普法宣传8场。</p><p>一、主要举措和成效</p></div></body></html>'
    )
    path = Path(tmp_path / "page.html")
    path.write_text(html, "utf-8")
    text = read_html(path)
    assert text.split("\n")[:2] == ["2023年，我镇全年开展普法宣传8场。", "一、主要举措和成效"]
    assert {"来源：青石镇人民政府", "发布时间：2024-02-20 08:00", "索引号：000123456789/2024-0001"} <= set(text.split("\n"))
    parsed = structure.parse(text)
    assert (parsed.name, parsed.year) == ("青石镇", 2023)
    assert [f.text for f in report_figures(text, parsed)] == ["8场"]


def test_metadata_laid_out_as_table_rows_is_furniture():
    """| 索引号 | … | rows give fields and are furniture; no part of the code or of hh:mm:ss is a figure."""
    text = (
        "| 索引号 | 11530581-2/20250310-00007 | 发布机构 | 和顺乡人民政府 |\n"
        "| 公开目录 | 工作报告 | 发布日期 | 2025-03-10 09:27:45 |\n"
        "和顺乡2024年法治政府建设情况报告\n全年开展普法宣传9场。会议于16:05:30结束。\n"
    )
    parsed = structure.parse(text)
    assert (parsed.name, parsed.year) == ("和顺乡", 2024) and parsed.page.furniture >= {0, 1}
    assert [f.text for f in report_figures(text, parsed)] == ["9场"]


def test_a_body_table_with_a_date_column_keeps_its_figures():
    """A table whose cell merely ends in 时间 is not metadata: its row's figures stay."""
    text = "东坪镇2023年法治政府建设年度报告\n| 培训时间段 | 12次 |\n"
    assert [f.text for f in report_figures(text, structure.parse(text))] == ["12次"]
