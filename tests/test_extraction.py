"""Turning a report into a submission that always validates (report/extraction.py) and the --township
and --year options; a report too long for the submission schema is still read, within the limits,
and says what it left out; a numeral of thousands of digits is a finding, not a crash."""

import json

from evalkit.cli import ExitCode, main
from evalkit.evaluator import Evaluator
from evalkit.report.extraction import LIMITS

NAMELESS = "关于法治政府建设情况的报告\n一、主要举措和成效\n我镇全年开展法治讲座4次。\n"
YEARLESS = "北岭镇法治政府建设情况报告\n一、主要举措和成效\n全年开展法治讲座4次。\n"
HEAD = "测试镇人民政府关于2022年度法治政府建设情况的报告\n"
TAIL = "\n测试镇人民政府\n2023年2月20日\n"


def _codes(card):
    return {f.code for f in card.findings}


def test_a_report_without_name_or_year_is_scored_with_findings(tmp_path):
    """No name and no year anywhere: scored under the file name, with findings that say how to supply them."""
    path = tmp_path / "无标题.txt"
    path.write_text(NAMELESS, "utf-8")
    ev = Evaluator()
    card = ev.evaluate(ev.load(path))
    assert (card.subject.name, card.subject.level.value, card.year) == ("无标题", "镇", 2000)
    messages = " ".join(f.message for f in card.findings)
    assert {"report-name-unknown", "report-year-unknown"} <= _codes(card)
    assert "--township" in messages and "--year" in messages


def test_a_year_only_the_text_suggests_is_flagged(tmp_path):
    """A year taken from the years the text names most is scored, with a finding that asks to check it."""
    path = tmp_path / "北岭.txt"
    path.write_text(YEARLESS * 12 + "2022年起实行新机制，2022年全年未发生败诉。\n", "utf-8")
    ev = Evaluator()
    card = ev.evaluate(ev.load(path))
    assert (card.subject.name, card.year) == ("北岭镇", 2022) and "report-year-guessed" in _codes(card)


def test_township_and_year_options_supply_and_override(tmp_path, capsys):
    """`check` and `extract` take --township and --year over what the report shows."""
    path = tmp_path / "draft.txt"
    path.write_text(NAMELESS, "utf-8")
    out = tmp_path / "draft.json"
    assert main(["extract", str(path), "--township", "宁海县西岙乡", "--year", "2023", "-o", str(out)]) == ExitCode.OK
    draft = json.loads(out.read_text("utf-8"))
    assert (draft["subject"], draft["year"]) == ({"name": "西岙乡", "level": "乡", "county": "宁海县"}, 2023)
    assert main(["extract", str(path), "-o", str(tmp_path / "bare.json")]) == ExitCode.OK
    assert "--township" in capsys.readouterr().err
    assert main(["check", str(path), "--township", "西岙乡", "--year", "2023", "--format", "json"]) == ExitCode.OK
    card = json.loads(capsys.readouterr().out)
    assert card["subject"]["name"] == "西岙乡" and not {"report-name-unknown", "report-year-unknown"} & {f["code"] for f in card["findings"]}


def test_bad_option_values_are_usage_errors(tmp_path, capsys):
    """A year out of range, an empty name, or --township over a batch of files: a Chinese usage error."""
    path = tmp_path / "a.txt"
    path.write_text(NAMELESS, "utf-8")
    assert main(["check", str(path), "--year", "99"]) == ExitCode.USAGE
    assert main(["check", str(path), "--township", " "]) == ExitCode.USAGE
    (tmp_path / "b.txt").write_text(NAMELESS, "utf-8")
    assert main(["score", str(tmp_path), "--out", str(tmp_path / "out"), "--township", "西岙乡"]) == ExitCode.USAGE
    assert "--township 只能用于单个文件" in capsys.readouterr().err


def test_a_batch_names_each_report_by_its_file(tmp_path, capsys):
    """In a batch, reports that never name themselves are ranked under their file names; --year applies to all."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("东岗镇", "西岗镇"):
        (folder / f"{name}.txt").write_text(NAMELESS, "utf-8")
    assert main(["score", str(folder), "--out", str(tmp_path / "out"), "--year", "2023", "--format", "json"]) == ExitCode.OK
    summary = json.loads(capsys.readouterr().out)
    assert sorted(t["name"] for t in summary["ranking"]) == ["东岗镇", "西岗镇"]


def test_fields_longer_than_the_schema_allows_are_cut_and_said(tmp_path):
    """A report with 600 headings is read, its headings cut to the schema's 500, with a finding."""
    path = tmp_path / "长报告.txt"
    path.write_text("南塘镇2023年法治政府建设情况报告\n" + "".join(f"{n}.开展工作\n" for n in range(1, 601)), "utf-8")
    ev = Evaluator()
    loaded = ev.load(path)
    assert len(loaded.submission.report.sections) == 500
    assert "report-field-cut" in _codes(ev.evaluate(loaded))


def test_plan_figures_and_impossible_values_go_to_no_item(tmp_path):
    """A figure under 下一步 is not a result; a rate over 100 does not become a rate."""
    path = tmp_path / "南塘镇.txt"
    path.write_text(
        "南塘镇2023年法治政府建设情况报告\n一、主要举措和成效\n负责人出庭应诉率120%。\n二、下一步工作打算\n计划开展法治讲座10次。\n",
        "utf-8",
    )
    loaded = Evaluator().load(path)
    assert "litigation.head_appearance_rate" not in loaded.submission.items
    assert "publicity.sessions" not in loaded.submission.items
    assert {u["text"] for u in loaded.submission.report.unmapped} == {"120%", "10次"}


def test_a_name_guessed_from_a_compound_noun_is_said(tmp_path):
    """A name taken only from 'X街道幼儿园' is scored with a finding that asks to check it."""
    path = tmp_path / "report.txt"
    path.write_text("2023年法治政府建设情况\n一、主要举措和成效\n完成柏树街道幼儿园移交。全街开展法治讲座4次。\n", "utf-8")
    ev = Evaluator()
    card = ev.evaluate(ev.load(path))
    assert card.subject.name == "柏树街道" and "report-name-guessed" in _codes(card)
    assert "--township" in next(f.message for f in card.findings if f.code == "report-name-guessed")


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


def test_a_date_written_with_dots_is_no_figure():
    """2026.03.05 under a report and 2025.12 are dates; 3.5%, 12.5万元 and 2023.5亩 stay figures."""
    from evalkit.report.extraction import report_figures
    from evalkit.report.structure import parse

    text = "全年增长3.5%，投入12.5万元，流转土地2023.5亩。\n测试镇人民政府\n2026.03.05\n2025.12\n"
    assert [f.text for f in report_figures(text, parse(text))] == ["3.5%", "12.5万元", "2023.5亩"]
