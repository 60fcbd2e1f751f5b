"""Every kind of bad input gets a Chinese message naming the file and the place, and no traceback."""

import json

import pytest

from evalkit.cli import ExitCode, main

VALID = {"subject": {"name": "测试镇", "level": "镇"}, "year": 2022, "items": {}}


def run_check(capsys, path, *extra):
    code = main(["check", str(path), *extra])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, err


@pytest.mark.parametrize(
    "content, place, words",
    [
        ('{"year": 2022,\n "items": {}\n "subject": {}}', "第 3 行第 2 列", "缺少逗号"),
        ('{"year": 2022, "year": 2023}', "第 1 行第 16 列", "键“year”重复"),
        ('{"subject": {"name": "x", "level": "镇"},\n "year": NaN}', "第 2 行第 10 列", "NaN"),
        ('{"year": Infinity}', "第 1 行第 10 列", "Infinity"),
        ('{"year": 2022,}', "第 1 行", "多余的逗号"),
        ("[1, 2]", None, "顶层必须是一个对象"),
    ],
)
def test_malformed_json_names_file_and_place(capsys, tmp_path, content, place, words):
    """Malformed JSON, duplicate keys, NaN and Infinity name the line and column."""
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    code, err = run_check(capsys, path)
    assert code == ExitCode.USAGE
    assert str(path) in err and words in err
    if place:
        assert place in err


def test_gb18030_submission_is_read(capsys, tmp_path):
    """A submission saved in GB18030 (GBK) is read like UTF-8."""
    path = tmp_path / "gbk.json"
    path.write_bytes(json.dumps(VALID, ensure_ascii=False).encode("gb18030"))
    code, err = run_check(capsys, path)
    assert code == ExitCode.OK, err


def test_utf16_with_bom_is_read(capsys, tmp_path):
    """A file saved by Notepad as "Unicode" (UTF-16 with a BOM) is read."""
    path = tmp_path / "u16.json"
    path.write_bytes(json.dumps(VALID, ensure_ascii=False).encode("utf-16"))
    assert run_check(capsys, path)[0] == ExitCode.OK


def test_utf8_bom_submission_is_read(capsys, tmp_path):
    """A UTF-8 file with a byte-order mark, as Windows Notepad writes it, is read."""
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(VALID, ensure_ascii=False).encode("utf-8"))
    assert run_check(capsys, path)[0] == ExitCode.OK


@pytest.mark.parametrize(
    "data, words",
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "二进制"),
        (b'{"a": "\x81\x30\x81"}', "编码"),
        (b"", "空的"),
        (b"   \n", "空的"),
    ],
)
def test_unreadable_bytes_are_refused(capsys, tmp_path, data, words):
    """Binary data, an unknown encoding and empty files get a clear message."""
    path = tmp_path / "x.json"
    path.write_bytes(data)
    code, err = run_check(capsys, path)
    assert code == ExitCode.USAGE and words in err and str(path) in err


def test_missing_file_and_folder(capsys, tmp_path):
    """A path that does not exist, or is a folder, is named."""
    assert run_check(capsys, tmp_path / "nope.json")[1].count("文件不存在") == 1
    code, err = run_check(capsys, tmp_path)
    assert code == ExitCode.USAGE and "文件夹" in err


def test_oversized_file_is_refused(capsys, tmp_path):
    """A file over the size limit is refused before it is parsed."""
    from evalkit.documents import MAX_BYTES

    path = tmp_path / "big.json"
    path.write_text(json.dumps({**VALID, "pad": "x" * MAX_BYTES}), encoding="utf-8")
    code, err = run_check(capsys, path)
    assert code == ExitCode.USAGE and "过大" in err


@pytest.mark.parametrize("depth", [70, 100_000])
def test_deeply_nested_file_is_refused(capsys, tmp_path, depth):
    """Nesting beyond the limit, even beyond Python's recursion limit, is refused."""
    path = tmp_path / "deep.json"
    path.write_text("[" * depth + "]" * depth, encoding="utf-8")
    code, err = run_check(capsys, path)
    assert code == ExitCode.USAGE and "嵌套层级过深" in err


def test_schema_violations_are_all_listed_with_their_paths(capsys, write_json):
    """Every schema error is listed, each with its JSON path, in Chinese."""
    doc = {"subject": {"name": "", "level": "村"}, "year": "2022", "items": {"bad id": {"value": 1}}, "extra": 1}
    code, err = run_check(capsys, write_json(doc))
    assert code == ExitCode.FAILED
    assert "共 5 处错误" in err
    for words in ("$.subject.name", "$.subject.level", "$.year", "不允许的字段：“extra”", '"bad id"'):
        assert words in err


def test_item_value_is_checked_against_the_plugins_fragment(capsys, write_json):
    """An item's value must fit the schema its plugin declared."""
    doc = {**VALID, "items": {"leadership.study_sessions": {"value": -1}}}
    code, err = run_check(capsys, write_json(doc))
    assert code == ExitCode.FAILED and "$.items['leadership.study_sessions'].value" in err and "不小于 0" in err


def test_unknown_items_are_a_listed_warning(capsys, write_json):
    """An item no plugin declares is ignored with a warning, not an error."""
    doc = {**VALID, "items": {"nobody.knows": {"value": 1}}}
    code = main(["check", str(write_json(doc))])
    out = capsys.readouterr().out
    assert code == ExitCode.OK and "未定义的指标项“nobody.knows”" in out


@pytest.mark.parametrize(
    "content, words",
    [
        ("subject: {name: x\nyear: 2022\n", "YAML 格式错误"),
        ("year: 2022\nyear: 2023\n", "duplicate key"),
        ("year: .nan\n", "not allowed"),
    ],
)
def test_bad_yaml_names_the_line(capsys, tmp_path, content, words):
    """YAML syntax errors and duplicate keys name the line."""
    path = tmp_path / "bad.yaml"
    path.write_text(content, encoding="utf-8")
    code, err = run_check(capsys, path)
    assert code == ExitCode.USAGE and words in err and "行" in err


def test_yaml_submission_scores_like_json(capsys, tmp_path, example_path):
    """The same submission as YAML gives the same scorecard as JSON."""
    import yaml

    path = tmp_path / "s.yaml"
    path.write_text(yaml.safe_dump(json.loads(example_path.read_text("utf-8")), allow_unicode=True), encoding="utf-8")
    main(["check", str(path), "--format", "json"])
    from_yaml = json.loads(capsys.readouterr().out)
    main(["check", str(example_path), "--format", "json"])
    from_json = json.loads(capsys.readouterr().out)
    from_yaml["meta"].pop("source"), from_json["meta"].pop("source")
    assert from_yaml == from_json


def test_unsupported_suffix(capsys, tmp_path):
    """A file type evalkit cannot read is named with the types it can."""
    path = tmp_path / "r.ofd"
    path.write_bytes(b"PK\x03\x04")
    code, err = run_check(capsys, path)
    assert code == ExitCode.USAGE and "不支持的文件类型" in err


def test_usage_errors_are_chinese(capsys):
    """argparse's usage errors are translated and exit with 2."""
    assert main(["check"]) == ExitCode.USAGE
    assert "缺少参数" in capsys.readouterr().err
    assert main(["check", "x.json", "--fail-under", "abc"]) == ExitCode.USAGE
    assert "无效" in capsys.readouterr().err


@pytest.mark.parametrize(
    "argv, words",
    [
        (["extract", "{example}"], "不支持的文件类型"),
        (["check", "{example}", "--fail-under", "nan"], "无效"),
        (["check", "{example}", "-o", "{example}"], "输出文件与输入文件相同"),
        (["check", "{example}", "-o", "{tmp}"], "无法写入"),
        (["score", "{example}", "--out", "{tmp}/o", "--jobs", "0"], "--jobs"),
        (["schema", "nonsense"], "没有名为“nonsense”的 Schema"),
    ],
)
def test_misuse_gets_a_clear_message(capsys, tmp_path, example_path, argv, words):
    """Wrong files, paths and option values are usage errors in Chinese, never internal errors."""
    argv = [a.format(example=example_path, tmp=tmp_path) for a in argv]
    code = main(argv)
    err = capsys.readouterr().err
    assert code == ExitCode.USAGE and words in err and "内部错误" not in err


@pytest.mark.parametrize("content", ["items: {1: {value: 1}}\n", "title: !!binary aGVsbG8=\n", "? [1, 2]\n: x\n", "a: !!set {x, y}\n"])
def test_odd_yaml_is_refused(capsys, tmp_path, content):
    """Non-text keys, binary and sets in YAML are refused with the place."""
    path = tmp_path / "odd.yaml"
    path.write_text(content, encoding="utf-8")
    code, err = run_check(capsys, path)
    assert code == ExitCode.USAGE and "YAML 格式错误" in err and "内部错误" not in err


def test_impossible_date_and_signature_year(tmp_path):
    """4月31日 is no date (a finding, not a failed check); the signing year is not a year-mismatch."""
    from evalkit.evaluator import Evaluator

    report = tmp_path / "r.txt"
    report.write_text("某镇人民政府关于2022年度法治政府建设情况的报告\n一、主要举措和成效\n开展学法4次。\n\n某镇人民政府\n2023年2月21日\n", encoding="utf-8")
    ev = Evaluator()
    codes = {f.code for f in ev.evaluate(ev.load(report)).findings}
    assert "year-mismatch" not in codes and "check-failed" not in codes
    report.write_text(report.read_text("utf-8").replace("2023年2月21日", "2023年4月31日"), encoding="utf-8")
    codes = {f.code for f in ev.evaluate(ev.load(report)).findings}
    assert "check-failed" not in codes and "report-date-missing" in codes


def test_earlier_outputs_inside_the_input_folder_are_not_inputs(capsys, tmp_path):
    """Scoring a folder that holds last year's OUTDIR reads only the submissions."""
    folder = tmp_path / "county"
    folder.mkdir()
    (folder / "a.json").write_text(json.dumps(VALID, ensure_ascii=False), encoding="utf-8")
    assert main(["score", str(folder), "--out", str(folder / "results-2022")]) == ExitCode.OK
    capsys.readouterr()
    assert main(["score", str(folder), "--out", str(folder / "results-2023"), "--format", "json"]) == ExitCode.OK
    summary = json.loads(capsys.readouterr().out)
    assert len(summary["ranking"]) == 1 and summary["failures"] == []


def test_profile_selecting_nothing(capsys, tmp_path, example_path):
    """A profile that selects no criterion is an error, not a score of 0 out of 0."""
    profile = tmp_path / "p.yaml"
    profile.write_text("id: none\nselect: [A]\nexclude: [A]\n", encoding="utf-8")
    code, err = run_check(capsys, example_path, "--profile", str(profile))
    assert code == ExitCode.FAILED and "没有选中任何指标" in err


@pytest.mark.parametrize(
    "name, content, place",
    [
        ("a.json", '{"subject": {"name": "测试\\ud800镇", "level": "镇"},\n "year": 2022, "items": {}}', "第 1 行第 25 列"),
        ("b.json", '{"subject": {"name": "测试\\udc00镇", "level": "镇"}, "year": 2022, "items": {}}', "第 1 行第 25 列"),
        ("c.yaml", 'subject: {name: "测试\\ud800镇", level: 镇}\nyear: 2022\nitems: {}\n', "第 1 行第 22 列"),
    ],
)
def test_lone_surrogate_escapes_are_refused_where_they_are(capsys, tmp_path, name, content, place):
    """An escape such as \\ud800 alone is no character; it is named with its place, not carried into outputs."""
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    code, err = run_check(capsys, path)
    assert code == ExitCode.USAGE and place in err and "代理项" in err and "\\ud" in err


def test_a_paired_surrogate_escape_is_one_character(capsys, tmp_path):
    """\\ud83d\\ude00 is one emoji, read as such."""
    path = tmp_path / "emoji.json"
    path.write_text(json.dumps({**VALID, "subject": {"name": "测试😀镇", "level": "镇"}}), encoding="utf-8")
    code, _ = run_check(capsys, path)
    assert code == ExitCode.OK


def test_a_batch_with_a_lone_surrogate_writes_every_output(capsys, tmp_path):
    """The bad file is a listed failure; the page and workbook of the rest are written."""
    folder = tmp_path / "county"
    folder.mkdir()
    (folder / "a.json").write_text(json.dumps(VALID, ensure_ascii=False), encoding="utf-8")
    (folder / "b.json").write_text(json.dumps({**VALID, "subject": {"name": "乙\ud800镇", "level": "镇"}}), encoding="utf-8")
    assert main(["score", str(folder), "--out", str(tmp_path / "out")]) == ExitCode.FAILED
    out, err = capsys.readouterr()
    assert "b.json" in err and "代理项" in err and "Traceback" not in out + err
    assert (tmp_path / "out" / "report.html").exists() and (tmp_path / "out" / "evalkit.xlsx").exists()


def test_describe_never_carries_a_lone_surrogate():
    """An unexpected error quoting a lone surrogate still makes a message any file can hold."""
    from evalkit.errors import describe

    message = describe(UnicodeEncodeError("utf-8", "x\ud800", 1, 2, "surrogates not allowed"))
    assert message.encode("utf-8") and "UnicodeEncodeError" in message
