"""A report too long for the submission schema is still read: extraction keeps within the limits
and says what it left out; a numeral of thousands of digits is a finding, not a crash."""

from evalkit.cli import ExitCode, main
from evalkit.evaluator import Evaluator
from evalkit.report.extraction import LIMITS

HEAD = "测试镇人民政府关于2022年度法治政府建设情况的报告\n"
TAIL = "\n测试镇人民政府\n2023年2月20日\n"


def _write(tmp_path, body: str):
    path = tmp_path / "报告.txt"
    path.write_text(HEAD + body + TAIL, encoding="utf-8")
    return path


def test_a_report_past_every_list_limit_is_read_and_says_what_it_left_out(tmp_path):
    """520 headings, 600 citations and 2,100 loose figures: the report validates, and the rest is named."""
    headings = "".join(f"{n}.第{n}项工作。\n" for n in range(1, 521))
    citations = "".join(f"学习《第{n}号文件》。" for n in range(600))
    figures = "".join(f"发放{n}张，" for n in range(2100))
    loaded = Evaluator().load(_write(tmp_path, headings + citations + "\n" + figures + "\n"))
    report = loaded.submission.report
    assert len(report.sections) == LIMITS["sections"] and len(report.unmapped) == LIMITS["unmapped"]
    assert len(report.citations) == LIMITS["citations"]
    assert any("另有 20 个标题" in w for w in loaded.warnings)
    assert any("另有 100 处引用文件" in w for w in loaded.warnings)
    assert any("未对应指标项的数字超出上限（2000 个）" in w for w in loaded.warnings)


def test_a_numeral_of_thousands_of_digits_is_a_finding(capsys, tmp_path):
    """A run of 5,000 digits (or a million, past Decimal's exponent) is reported, not an internal error."""
    path = _write(tmp_path, "一、主要举措\n全年受理" + "9" * 5000 + "件，另计" + "1" * 1_000_001 + "万元。\n")
    code = main(["check", str(path)])
    out, err = capsys.readouterr()
    assert code != ExitCode.INTERNAL and "Traceback" not in err
    assert "5000 位长的数字" in out and "number-too-long" in out
