"""The Markdown scorecard quotes what townships wrote as text, never as markup."""

import io

from conftest import score_toy, toy_doc

from evalkit.default_plugins.formats import md_escape, write_md

HOSTILE = "甲镇|<img src=x onerror=alert(1)>\n# 满分 [点此](http://example.invalid) *粗* `码` &lt;"


def test_escaped_text_holds_no_markup():
    """Pipes, brackets, angle brackets, stars, backticks, ampersands and line breaks are escaped."""
    assert md_escape(HOSTILE) == "甲镇\\|\\<img src=x onerror=alert(1)\\> # 满分 \\[点此\\](http://example.invalid) \\*粗\\* \\`码\\` \\&lt;"


def test_a_hostile_township_name_stays_in_its_heading(toy):
    """A name with a line break, a heading mark, a table pipe and HTML cannot add lines or tags."""
    doc = toy_doc()
    doc["subject"]["name"] = "甲镇|<b>x</b>"
    stream = io.StringIO()
    write_md(score_toy(toy, doc), stream)
    first = stream.getvalue().split("\n")[0]
    assert first.startswith("# 甲镇\\|\\<b\\>x\\</b\\>") and "<b>" not in stream.getvalue()
