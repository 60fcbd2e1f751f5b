"""Text tables: tabulate's "simple" and "github" layouts, byte for byte, without importing it."""

from hypothesis import given
from hypothesis import strategies as st
from tabulate import tabulate

from evalkit.columns import GITHUB, SIMPLE, table, width

#: what evalkit's tables hold: Chinese and ASCII text, full-width punctuation, numbers, accents,
#: zero-width characters and, in a cell, line breaks; each row begins with a name or an id
TEXT = st.text(st.sampled_from(list("ab Z09.-—…，。：（）“”镇街道法治一二é\u0301\u200b")), max_size=10)
NAME = st.text(st.sampled_from(list("aZ09镇街道")), min_size=1, max_size=6)
CELL = st.one_of(st.none(), st.integers(-5, 5000), TEXT, TEXT.map(lambda t: t.replace(" ", "\n")))


@st.composite
def tables(draw):
    columns = draw(st.integers(1, 5))
    header = draw(st.lists(TEXT, min_size=columns, max_size=columns))
    rows = draw(st.lists(st.tuples(NAME, st.lists(CELL, min_size=columns - 1, max_size=columns - 1)).map(lambda r: [r[0], *r[1]]), max_size=6))
    align = draw(st.lists(st.sampled_from(["left", "right"]), min_size=columns, max_size=columns))
    return header, rows, align


@given(tables(), st.sampled_from([SIMPLE, GITHUB]))
def test_the_same_bytes_as_tabulate(drawn, layout):
    """Any table of such cells, in either layout and any alignment, is tabulate's to the byte."""
    header, rows, align = drawn
    expected = tabulate(rows, header, tablefmt=layout, colalign=align, disable_numparse=True)
    assert table(rows, header, layout, align) == expected


def test_chinese_counts_two_columns_and_zero_width_none():
    """Wide characters take two columns, combining and zero-width characters none."""
    assert width("贤庠镇，2022") == 12
    assert width("e\u0301\u200b") == 1


def test_a_chinese_table_lines_up():
    """Each column starts at the same terminal column on every line."""
    drawn = table([["贤庠镇", "30.5"], ["Xianxiang", "7"]], ["乡镇", "得分"], align=["left", "right"])
    assert drawn.split("\n") == ["乡镇         得分", "---------  ------", "贤庠镇       30.5", "Xianxiang       7"]
