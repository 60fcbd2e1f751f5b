"""Text tables: wide characters counted as two columns, and tabulate imported only to draw one."""

import subprocess
import sys

from evalkit.columns import GITHUB, table, width


def test_chinese_counts_two_columns_and_zero_width_none():
    """Wide characters take two columns, combining and zero-width characters none."""
    assert width("贤庠镇，2022") == 12
    assert width("e\u0301\u200b") == 1


def test_a_chinese_table_lines_up():
    """Each column starts at the same terminal column on every line."""
    drawn = table([["贤庠镇", "30.5"], ["Xianxiang", "7"]], ["乡镇", "得分"], align=["left", "right"])
    assert drawn.split("\n") == ["乡镇         得分", "---------  ------", "贤庠镇       30.5", "Xianxiang       7"]


def test_markdown_tables_keep_numbers_as_written():
    """A Markdown table shows 30.50 and 007 as given, not as tabulate would reformat numbers."""
    drawn = table([["贤庠镇", "30.50", "007"]], ["乡镇", "得分", "编号"], GITHUB)
    assert drawn.split("\n")[2] == "| 贤庠镇 | 30.50  | 007    |"


def test_importing_the_module_loads_neither_library():
    """tabulate and wcwidth are loaded when a table is drawn, not when evalkit.columns is imported."""
    code = "import sys, evalkit.columns; print('tabulate' in sys.modules, 'wcwidth' in sys.modules)"
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert shown.split() == ["False", "False"]
