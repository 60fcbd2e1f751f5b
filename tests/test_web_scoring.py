"""The web's scoring helpers: the clerk's file name in the private folder, and figures as a clerk types them."""

import pytest
from evalkit.errors import DataError
from evalkit.web.scoring import evaluator, parse_value, private_name


@pytest.mark.parametrize(("sent", "kept"), [
    ("贤庠镇2022年度报告.docx", "贤庠镇2022年度报告.docx"),
    ("../../a\\b/报告.DOCX", "报告.docx"),
    ("报\x00告\n.txt", "报告.txt"),
    ("...docx", "upload.docx"),
    ("镇" * 200 + ".pdf", "镇" * 50 + ".pdf"),
])
def test_the_private_name_is_the_clerks_base_name(sent, kept):
    """Base name only, no separators or control characters, at most 150 bytes before the suffix; upload.<suffix> if nothing is left."""
    assert private_name(sent) == kept


def spec(item_id: str):
    return evaluator().catalog.items[item_id]


@pytest.mark.parametrize(("item", "typed", "value"), [
    ("disputes.resolved", "2，000", 2000),
    ("disputes.resolved", "2,000", 2000),
    ("disputes.resolved", "２１３件", 213),
    ("emergency.drills", "3次", 3),
    ("emergency.drills", "3 次", 3),
    ("litigation.head_appearance_rate", "100%", 100),
    ("litigation.head_appearance_rate", "100％", 100),
    ("leadership.group", "有", True),
    ("leadership.group", "无", False),
    ("leadership.group", "否", False),
    ("emergency.drills", " ", None),
])
def test_figures_as_a_clerk_types_them(item, typed, value):
    """A full-width comma, full-width digits, the item's own unit after the number and 有/无 are understood."""
    assert parse_value(spec(item), typed, item) == value


@pytest.mark.parametrize(("item", "typed"), [("disputes.resolved", "二百"), ("emergency.drills", "3件"), ("leadership.group", "3")])
def test_a_figure_that_is_no_value_is_refused_naming_its_item(item, typed):
    """Words, another unit, or a number for a yes-or-no item are refused, with the item to mark on the page."""
    with pytest.raises(DataError) as refused:
        parse_value(spec(item), typed, item)
    assert refused.value.params["web_field"] == item and spec(item).title in refused.value.message()
