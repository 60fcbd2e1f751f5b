"""Reading a saved web page: linear however unbalanced or deep, with limits that name the file."""

import pytest

from evalkit.default_plugins.readers import HTML_BYTES, read_html
from evalkit.errors import InputError
from evalkit.report.html import MAX_DEPTH, page_text

from workcount import per_character

BODY = "<p>全年开展学法活动12次，参训干部340人次。</p>"


def test_unmatched_end_tags_are_linear():
    """Thousands of end tags that close nothing do not each search the open elements."""
    page = "<div>" * 3000 + "</span>" * 20_000 + BODY
    assert per_character(page_text, page, 15, lines=True)
    assert page_text(page) == "全年开展学法活动12次，参训干部340人次。"


def test_deep_content_containers_are_linear():
    """Lines inside thousands of nested content containers do not each carry the whole chain."""
    page = '<div class="content">' * 4000 + BODY * 1000
    assert per_character(page_text, page, 15, lines=True)


def test_the_body_is_the_container_holding_the_text():
    """Navigation outside the content container is dropped; the report inside it is kept."""
    page = '<div class="nav"><p>首页 | 政务公开</p></div><div class="side">链接</div><div id="zoom">' + BODY * 3 + "</div>"
    assert page_text(page).split("\n") == ["全年开展学法活动12次，参训干部340人次。"] * 3


def test_too_deep_a_page_is_refused_naming_the_file(tmp_path):
    """A page nesting more elements than the limit gets a Chinese message with the file and the limit."""
    path = tmp_path / "深.html"
    path.write_text("<div>" * (MAX_DEPTH + 1) + BODY, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_html(path)
    assert caught.value.key == "html_too_deep"
    assert str(path) in caught.value.message() and str(MAX_DEPTH) in caught.value.message()


def test_too_large_a_page_is_refused(tmp_path):
    """A page over the size limit is refused before it is parsed."""
    path = tmp_path / "大.html"
    path.write_bytes(b"<p>" + b"x" * HTML_BYTES + b"</p>")
    with pytest.raises(InputError) as caught:
        read_html(path)
    assert caught.value.key == "file_too_large" and str(HTML_BYTES) in caught.value.message()


def test_unclosed_paragraphs_do_not_nest():
    """Thousands of <p> without </p>, as old editors write them, are paragraphs, not a deep page."""
    page = '<div class="content">' + "<p>全年开展学法活动12次。<span>" * 6000 + "</div>"
    assert page_text(page).count("全年开展学法活动12次。") == 6000


def test_a_rows_cells_are_joined_by_tabs():
    """Cells of a row stay apart (as a .docx table's do), so a label cell and its value cell can be told apart."""
    html = "<div class='content'><h1>某镇法治政府建设情况报告</h1><table><tr><th>索引号</th><td> 0001/2025-01 </td><td></td></tr></table></div>"
    assert page_text(html).split("\n")[1] == "索引号\t0001/2025-01"
