"""Table rows as lines, each number read with its row's and its column's header."""

import pytest

from evalkit.report.tables import Cell, table_lines


def _rows(*rows):
    return [[Cell(text, column) for column, text in enumerate(row)] for row in rows]


@pytest.mark.parametrize(
    "header, row, line",
    [
        (("项目", "2022年"), ("合法性审查件数", "41"), "合法性审查件数（2022年）41件。"),
        (("项目", "数量（单位：人）"), ("法律明白人", "３６"), "法律明白人36人。"),
        (("项目", "数量"), ("普法宣传", "48场次"), "普法宣传48场次。"),
        (("指标", "完成值（%）"), ("负责人出庭应诉率", "100"), "负责人出庭应诉率（完成值）100%。"),
        (("项目", "说明"), ("备注", "无"), "备注\t无"),
    ],
)
def test_numbers_read_with_headers_and_units(header, row, line):
    """A number takes its unit from its cell, its column header or its row header, and both headers as context."""
    assert table_lines(_rows(header, row)) == ["\t".join(header), line]


def test_header_spanning_columns_and_rows_merged_down():
    """A header cell spanning two grid columns heads both; a vertical merge lends its text without repeating a figure."""
    header = [Cell("类别", 0), Cell("2022年（件）", 1, span=2)]
    first = [Cell("信访", 0, merge="restart"), Cell("12", 1), Cell("10", 2)]
    second = [Cell("", 0, merge="continue"), Cell("3", 1), Cell("", 2)]
    lines = table_lines([header, first, second])
    assert lines == ["类别\t2022年（件）", "信访（2022年）12件；信访（2022年）10件。", "信访（2022年）3件。"]


def test_tables_without_a_header_row_or_numbers():
    """A first row holding numbers is no header; a table of words is its cells joined by tabs; an empty table is nothing."""
    assert table_lines(_rows(("化解纠纷", "213件"), ("办结信访", "40件"))) == ["化解纠纷213件。", "办结信访40件。"]
    assert table_lines(_rows(("一、主要举措", "全年开展学法4次。"))) == ["一、主要举措\t全年开展学法4次。"]
    assert table_lines([]) == []
