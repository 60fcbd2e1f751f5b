"""Every Chinese string a user reads uses full-width punctuation (，：；（）) and “” quotes."""

from __future__ import annotations

import argparse
import ast
import json
import re
from pathlib import Path

import pytest
import yaml

import evalkit
import evalkit_xianxiang
from conftest import ROOT
from evalkit import messages
from evalkit.cli import build_parser, main
from evalkit.plugins import make_plugin_manager

SRC = Path(evalkit.__file__).parent
RUBRIC = Path(evalkit_xianxiang.__file__).parent
TEMPLATES = sorted([*(SRC / "templates").glob("*.j2"), *(SRC / "web" / "templates").glob("*.j2")])

#: Modules whose Chinese strings match what reports say (word lists, regular expressions), not text a user reads.
READING = {"report/figures.py", "report/structure.py", "report/page.py", "report/extraction.py", "report/tables.py",
           "default_plugins/form_checks.py", "testing.py"}
#: Half-width marks that are the thing shown: YAML's "key: value" as typed.
SHOWN_AS_TYPED = ("键: 值",)

CHINESE = re.compile(r"[\u3400-\u9fff]")
#: Code-like spans, where ASCII punctuation is right: URLs, `code`, {placeholders} and template
#: expressions, numbers such as 1,360 or 12:30, --options, NAME=a,b settings, file names, host:port.
CODE = re.compile(
    r"https?://\S+|`[^`]*`|\{\{.*?\}\}|\{%.*?%\}|\{[^{}]*\}(?::\{[^{}]*\})?|\d[,:]\d|--[a-z][\w-]*"
    r"|[A-Z_]+=\S+|'\.\[test\]'|[\w.-]+\.(?:json|yaml|md|csv|py|html)\b|<[^>]*>"
)
HALF_WIDTH = re.compile(r"[,:;()]|[\"'‘’「」『』]")


def half_width(text: str) -> list[str]:
    """The half-width marks (and other quotation marks) in ``text`` outside code-like spans, if it is Chinese."""
    if not CHINESE.search(text):
        return []
    for shown in SHOWN_AS_TYPED:
        text = text.replace(shown, "")
    masked = CODE.sub(lambda m: "x" * len(m.group()), text)
    return [f"{masked[max(0, m.start() - 8):m.end() + 8]!r}" for m in HALF_WIDTH.finditer(masked)]


def _bad(strings) -> list[str]:
    return [f"{where}: {spot}" for where, text in strings for spot in half_width(text)]


def test_the_scanner_finds_half_width_marks_and_spares_code():
    """Half-width marks next to Chinese are found; numbers, options, URLs and file names are not."""
    assert half_width("文件过大(上限 5 字节),请重试:再试;‘好’")
    assert len(half_width("无法读取,请重试")) == 1
    assert half_width("请用“另存为”保存") == []
    for fine in ("共 1,360 件", "于 12:30 开始", "用 --jobs 指定", "见 http://127.0.0.1:8000/", "不符合 criteria.schema.json：{path}",
                 "在 {host}:{port} 上", "设置 EVALKIT_LOAD_PLUGINS=a,b", "no Chinese here (none), fine"):
        assert half_width(fine) == [], fine


def test_each_message_is_written_in_one_area_only():
    """The areas' tables (common, reading, outputs, web, usage) share no key: none hides another's message."""
    keys = [key for area in messages.AREAS for key in area.MESSAGES]
    assert len(keys) == len(set(keys)) == len(messages.MESSAGES)


def test_chinese_messages_use_full_width_punctuation():
    """Every Chinese message and vocabulary word in messages.py, framing included."""
    tables = [messages.MESSAGES, messages.STATUS, messages.KIND, messages.SEVERITY, messages.RECTIFICATION,
              messages.FAILURE, messages.WEB_ACTIONS, messages.AUDIT_FIELDS, messages.AUDIT_WHY]
    strings = [(key, zh) for table in tables for key, (zh, _en) in table.items()]
    assert _bad(strings) == []
    assert messages.text("where", where="a", body="b") == "a：b"
    assert messages.text("sep") == "，"


def test_templates_use_full_width_punctuation():
    """The page and web app templates: their text and their Chinese attribute values."""
    strings = []
    for path in TEMPLATES:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            strings.append((f"{path.name}:{number}", line))
            strings += [(f"{path.name}:{number}", value) for value in re.findall(r'="([^"]*)"', line)]
    assert TEMPLATES
    assert _bad(strings) == []


#: English messages that name a Chinese value the user types: 是/否 in a web form.
CHINESE_VALUES = {"web_bad_figure"}


def test_english_messages_hold_no_chinese():
    """Every English message and vocabulary word is English but for a value the user types."""
    tables = [messages.MESSAGES, messages.STATUS, messages.KIND, messages.SEVERITY, messages.RECTIFICATION,
              messages.FAILURE, messages.WEB_ACTIONS, messages.AUDIT_FIELDS, messages.AUDIT_WHY, messages.CHANGE_FIELDS, messages.SECTIONS, messages.LEVEL,
              messages.WORKBOOK, messages.PAGE, messages.RANKING_COLUMNS]
    chinese = [key for table in tables for key, (_zh, en) in table.items() if CHINESE.search(en)]
    assert sorted(chinese) == sorted(CHINESE_VALUES)


def _yaml_strings(value, where):
    if isinstance(value, dict):
        for key, inner in value.items():
            if key not in ("pattern", "phrase", "phrases", "patterns", "cited", "context", "unless", "around", "topics", "who", "others"):  # what reports say, matched as written
                yield from _yaml_strings(inner, f"{where}.{key}")
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from _yaml_strings(inner, f"{where}[{index}]")
    elif isinstance(value, str):
        yield where, value


DATA = [RUBRIC / "criteria.yaml", RUBRIC / "items.yaml", RUBRIC / "extractors.yaml",
        SRC / "default_plugins" / "data" / "titles.yaml", SRC / "default_plugins" / "data" / "superseded.yaml",
        SRC / "default_plugins" / "data" / "laws.yaml"]


@pytest.mark.parametrize("path", DATA, ids=lambda p: p.name)
def test_rubric_text_uses_full_width_punctuation(path):
    """The reference rubric's titles, basis, remediation and hints; the law and title tables' names."""
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert _bad(_yaml_strings(document, path.name)) == []


def _help_texts(parser, where="evalkit"):
    yield where, parser.description or ""
    yield where, parser.epilog or ""
    for action in parser._actions:
        yield f"{where} {'/'.join(action.option_strings) or action.dest}", action.help or ""
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _help_texts(sub, f"{where} {name}")
        for choice in getattr(action, "_choices_actions", ()):
            yield f"{where} {choice.dest}", choice.help or ""


def test_help_texts_use_full_width_punctuation():
    """Every command's description, epilog and option help."""
    strings = list(_help_texts(build_parser(make_plugin_manager())))
    assert any(where.startswith("evalkit serve") for where, _ in strings)
    assert _bad(strings) == []


def _source_strings(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            if not re.search(r"\\|\(\?|\[|\|", node.value):  # a regular expression, not a sentence
                yield f"{path.relative_to(SRC)}:{node.lineno}", node.value


def test_chinese_strings_in_the_code_use_full_width_punctuation():
    """Chinese text written in code (findings, schema errors, help) outside messages.py too."""
    skipped = READING
    paths = [p for p in sorted(SRC.rglob("*.py")) if str(p.relative_to(SRC)) not in skipped and p.parent.name != "messages"]
    assert _bad(s for path in paths for s in _source_strings(path)) == []


def _strings(value):
    if isinstance(value, dict):
        for inner in value.values():
            yield from _strings(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from _strings(inner)
    elif isinstance(value, str):
        yield value


def _chinese_left(output: str, content) -> list[str]:
    """The lines of ``output`` that still hold Chinese once the scored content is taken out."""
    for shown in sorted({s for s in content if CHINESE.search(s)}, key=len, reverse=True):
        output = output.replace(shown, "")
    output = re.sub(r"\S*…|“[^\n]*”", "", output)  # a title cut short to fit a table; a quote of the report
    return [line for line in output.splitlines() if CHINESE.search(line)]


def _run(capsys, *argv) -> str:
    main([*map(str, argv), "--lang", "en"])
    out, err = capsys.readouterr()
    return out + err


def test_english_output_holds_no_chinese_but_the_scored_content(two_years, tmp_path, capsys, example_path):
    """Under --lang en every command's own words are English; Chinese is left only in what was scored."""
    # A scorecard's content (rubric text, names, grades, the rules' reasons, the report's findings)
    # is worked out once, in Chinese, and stored: it is shown as it is.
    db, _, _ = two_years
    rubric = [s for name in ("criteria.yaml", "items.yaml")
              for s in _strings(yaml.safe_load((RUBRIC / name).read_text(encoding="utf-8")))]
    capsys.readouterr()
    main(["check", str(example_path), "--format", "json"])
    content = [*rubric, *_strings(json.loads(capsys.readouterr().out))]
    _run(capsys, "score", ROOT / "examples" / "xiangshan-2022", "--out", tmp_path / "out")
    cards = sorted((tmp_path / "out" / "townships").glob("*.json"))
    content += [s for path in cards for s in _strings(json.loads(path.read_text(encoding="utf-8")))]
    runs = {
        "check": _run(capsys, "check", example_path),
        "score": _run(capsys, "score", ROOT / "examples" / "xiangshan-2022", "--out", tmp_path / "again"),
        "extract": _run(capsys, "extract", ROOT / "tests" / "corpus" / "danxi-2022.html", "-o", tmp_path / "draft.json"),
        "criteria": _run(capsys, "criteria"),
        "explain": _run(capsys, "explain", "XX-B03"),
        "history": _run(capsys, "history", "贤庠镇", "--db", db),
        "compare": _run(capsys, "compare", 2022, 2023, "--db", db),
    }
    content += _strings(json.loads((tmp_path / "draft.json").read_text(encoding="utf-8")))
    assert all(runs.values())
    assert {command: _chinese_left(output, content) for command, output in runs.items()} == dict.fromkeys(runs, [])


def test_a_batchs_joined_chinese_lists_use_full_width_marks(tmp_path, capsys):
    """What the batch joins from Chinese pieces (the main gaps in the terminal and in ranking.csv) is joined with “；”."""
    import csv

    assert main(["score", str(ROOT / "examples" / "xiangshan-2022"), "--out", str(tmp_path / "out"), "--formats", "csv"]) == 0
    shown = capsys.readouterr().out
    with open(tmp_path / "out" / "ranking.csv", encoding="utf-8-sig", newline="") as stream:
        cells = [cell for row in csv.reader(stream) for cell in row]
    joined = [cell for cell in [*cells, *shown.splitlines()] if re.search(r"[\u3400-\u9fff”）][;,][\u3400-\u9fff“（]", cell)]
    assert joined == []


#: The guides a county office or a township reads (the README's Chinese opening is checked apart).
USER_DOCS = ("county-guide.md", "township-guide.md", "web-guide.md", "scoring.md", "xianxiang.md")
LINK = re.compile(r"\]\([^)]*\)")


def _prose(path: Path):
    """Each line of a Markdown file outside fenced blocks (outputs shown as printed), links masked."""
    fenced = False
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        fenced ^= line.lstrip().startswith("```")
        if not fenced and not line.lstrip().startswith("```"):
            yield f"{path.name}:{number}", LINK.sub("]x", line)


@pytest.mark.parametrize("name", USER_DOCS)
def test_the_user_guides_use_full_width_punctuation(name):
    """The Chinese prose of the guides users read uses full-width marks, as the messages do."""
    assert _bad(_prose(Path(__file__).parents[1] / "docs" / name)) == []


def test_the_readmes_chinese_opening_uses_full_width_punctuation():
    """The README's Chinese paragraph, the first thing a Chinese reader sees."""
    opening = Path(__file__).parents[1].joinpath("README.md").read_text(encoding="utf-8").split("\n\n")[1]
    assert _bad([("README.md", opening)]) == []


def test_explain_and_extract_print_full_width_marks_in_chinese(capsys, tmp_path):
    """`explain`'s fields and `extract`'s list of items read use full-width marks (quotes from the report aside)."""
    main(["explain", "XX-A08"])
    explained = capsys.readouterr().out
    main(["extract", str(ROOT / "examples" / "xianxiang-2022" / "report.txt"), "-o", str(tmp_path / "draft.json")])
    listed = capsys.readouterr().err
    lines = [line.split("“")[0] for line in (explained + listed).splitlines()]  # what follows “ is the report's own text
    assert _bad(("output", line) for line in lines) == []
