"""Reading reports: numerals, figures, structure, the readers, and the labelled corpus."""

import io
import json
import sys
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest

from evalkit import Extractor, Reader, hookimpl
from evalkit.cli import ExitCode, main
from evalkit.evaluator import Evaluator
from evalkit.plugins import make_plugin_manager
from evalkit.report import figures, numerals, structure

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
REPORT = ROOT / "examples" / "xianxiang-2022" / "report.txt"
CORPUS = ROOT / "tests" / "corpus"


@pytest.mark.parametrize(
    "text, value",
    [("二百一十三", 213), ("两千", 2000), ("十二", 12), ("一百零五", 105), ("一亿二千万", 120_000_000), ("１２", 12), ("1,200", 1200), ("二〇二三", 2023)],
)
def test_numerals(text, value):
    """Chinese, full-width and Arabic numerals parse to their value."""
    assert numerals.parse(text) == value


@pytest.mark.parametrize(
    "sentence, text, value, unit, bound",
    [
        ("开展学法四次。", "四次", 4, "次", None),
        ("化解纠纷二百一十三件。", "二百一十三件", 213, "件", None),
        ("发放资料两千余份。", "两千余份", 2000, "份", "lower"),
        ("覆盖1.2万人次。", "1.2万人次", 12000, "人次", None),
        ("投入三千多万元。", "三千多万元", 30_000_000, "元", "lower"),
        ("约300人参加。", "300人", 300, "人", "about"),
        ("近50名群众。", "50名", 50, "名", "upper"),
        ("调解成功率达百分之九十五以上。", "百分之九十五", 95, "%", "lower"),
        ("办结率98.5%。", "98.5%", Decimal("98.5"), "%", None),
        ("受理１２件。", "１２件", 12, "件", None),
    ],
)
def test_figures_carry_value_unit_and_bound(sentence, text, value, unit, bound):
    """Each way of writing a figure gives its value, unit and implied bound."""
    [found] = figures.find(sentence)
    assert (found.text, found.value, found.unit, found.bound, found.approximate) == (text, value, unit, bound, bound is not None)


@pytest.mark.parametrize(
    "sentence",
    ["2022年,我镇", "2023年2月21日", "《法治政府建设实施纲要(2021—2025年)》", "增强“四个意识”", "完善一村一法律顾问", "第一是", "一、强化组织领导", "(一)狠抓", "进一步推进"],
)
def test_non_figures(sentence):
    """Years, dates, titles, quotes, fixed phrases, headings and ordinals are not figures."""
    assert figures.find(sentence) == []


def test_xianxiang_report_has_its_eight_figures():
    """The eight figures of 贤庠镇's report, with 余 read as approximate lower bounds."""
    found = [(f.text, f.value, f.approximate) for f in figures.find(REPORT.read_text("utf-8"))]
    assert found == [
        ("4次", 4, False), ("23场次", 23, False), ("6次", 6, False), ("2000余份", 2000, True),
        ("50余人次", 50, True), ("132条", 132, False), ("213件", 213, False), ("170件", 170, False),
    ]


def test_structure_of_the_xianxiang_report():
    """Title, township, year, signing unit and date, and the kinds of its sections."""
    parsed = structure.parse(REPORT.read_text("utf-8"))
    assert (parsed.name, parsed.level, parsed.county, parsed.year, parsed.date) == ("贤庠镇", "镇", "象山县", 2022, "2023-02-21")
    kinds = {h.kind for h in parsed.headings if h.rank == 1}
    assert kinds == {"measures", "shortcomings", "plan"}
    assert ("《土地承包法》", 15) in parsed.citations


def test_corpus_meets_the_targets():
    """Over the labelled corpus: figures at precision and recall ≥ 0.95, none dropped, sections and findings found."""
    import extraction

    _rows, summary = extraction.run()
    assert summary["reports"] >= 9
    assert summary["figure_precision"] >= 0.95 and summary["figure_recall"] >= 0.95
    assert summary["dropped"] == 0
    assert summary["section_recall"] >= 0.95 and summary["section_kind_accuracy"] >= 0.95
    assert summary["finding_recall"] >= 0.9 and summary["finding_precision"] >= 0.9
    assert summary["item_precision"] >= 0.9 and summary["item_recall"] >= 0.9
    assert summary["subjects_right"] == summary["reports"]


def _items(path):
    loaded = Evaluator().load(path)
    return {k: (v.value, v.unit, v.approximate, v.evidence) for k, v in loaded.submission.items.items()}, loaded


def test_same_report_in_every_format_gives_the_same_items():
    """贤庠镇's report as UTF-8 text, GB18030 text, .docx and a saved .html page gives the same items."""
    reference, loaded = _items(CORPUS / "xianxiang-2022.txt")
    assert loaded.submission.report.unmapped == () or all("text" in u for u in loaded.submission.report.unmapped)
    for variant in ("xianxiang-2022.gb18030.txt", "xianxiang-2022.docx", "xianxiang-2022.html"):
        assert _items(CORPUS / variant)[0] == reference, variant


def test_extract_writes_a_draft_that_validates(capsys, tmp_path):
    """`extract` writes a submission that `check` accepts, and lists the figures no item took."""
    out = tmp_path / "draft.json"
    assert main(["extract", str(REPORT), "-o", str(out)]) == ExitCode.OK
    draft = json.loads(out.read_text("utf-8"))
    err = capsys.readouterr().err
    assert draft["subject"] == {"name": "贤庠镇", "level": "镇", "county": "象山县"} and draft["year"] == 2022
    assert "报告中的数字均已对应到指标项" in err and "从报告中提取的指标项（23 项）" in err
    assert main(["check", str(out)]) == ExitCode.OK


def test_check_on_a_report_shows_where_items_came_from(capsys):
    """`check REPORT` extracts, scores, and shows each item's line."""
    assert main(["check", str(REPORT)]) == ExitCode.OK
    out = capsys.readouterr().out
    assert "从报告中提取的指标项" in out and "第 " in out and "总分" in out


def test_findings_of_the_xianxiang_report():
    """A careful reader's findings: the missing 第一责任人 section, outdated citations, a 2023 figure in a 2022 report."""
    ev = Evaluator()
    card = ev.evaluate(ev.load(REPORT))
    by_code = {}
    for finding in card.findings:
        by_code.setdefault(finding.code, []).append(finding)
    assert {"required-content-missing", "outdated-citation", "year-mismatch"} <= set(by_code)
    assert {f.quote for f in by_code["outdated-citation"]} == {"《土地承包法》", "《信访条例》"}
    assert by_code["year-mismatch"][0].line == 17


def _docx_bytes(entries):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize(
    "name, data, words",
    [
        ("empty.txt", b"", "空的"),
        ("notzip.docx", "这不是 Word 文档".encode("utf-8"), "zip"),
        ("binary.txt", bytes(range(256)) * 4, "二进制"),
        ("latin.txt", "Rapport annuel, état de droit: à compléter ".encode("cp1252") * 3 + b"\xff\xfe\xfd", "编码"),
        ("nodoc.docx", _docx_bytes({"hello.txt": "x"}), "损坏"),
        ("bomb.docx", _docx_bytes({"word/document.xml": "<a/>" + " " * 5_000_000}), "压缩比"),
    ],
)
def test_bad_reports_get_clear_errors(capsys, tmp_path, name, data, words):
    """Empty files, non-zip .docx, binary or undecodable text, damaged or bomb .docx: a Chinese error, no traceback."""
    path = tmp_path / name
    path.write_bytes(data)
    code = main(["check", str(path)])
    err = capsys.readouterr().err
    assert code == ExitCode.USAGE, err
    assert words in err and str(path) in err and "Traceback" not in err


def test_hook_register_readers(tmp_path):
    """A plugin's reader makes a new file type readable."""

    class Markdown:
        @hookimpl
        def register_readers(self):
            return [Reader("md", (".md",), lambda path: path.read_text("utf-8").replace("# ", ""))]

    path = tmp_path / "r.md"
    path.write_text("# " + REPORT.read_text("utf-8"), encoding="utf-8")
    ev = Evaluator(make_plugin_manager(plugins=[Markdown()]))
    assert ev.load(path).submission.subject.name == "贤庠镇"


def test_hook_register_extractors():
    """A plugin's extractors map figures near their pattern, and phrases, to its items."""
    from evalkit import ItemSpec

    class Counting:
        @hookimpl
        def register_items(self):
            return [ItemSpec("t.petitions", "办结信访件数", "件", {"type": "integer"}), ItemSpec("t.brand", "老娘舅", None, {"type": "boolean"})]

        @hookimpl
        def register_extractors(self):
            return [Extractor("t.petitions", "信访", ("件",)), Extractor("t.brand", "老娘舅工作室", phrase=True)]

    ev = Evaluator(make_plugin_manager(load_entrypoints=False, plugins=[Counting()]))
    submission = ev.load(REPORT).submission
    assert submission.value("t.petitions") == 170 and submission.items["t.petitions"].source.line == 25
    assert submission.value("t.brand") is True
    assert len(submission.report.unmapped) == 7


def test_extractor_must_fit_its_items_type(capsys, entry_point):
    """A figure extractor aimed at a practice (boolean) item names the plugin and the item."""
    entry_point("mismatch", '''
from evalkit import Extractor, hookimpl

@hookimpl
def register_extractors():
    return [Extractor("leadership.group", "领导小组", ("个",))]
''')
    assert main(["criteria"]) == ExitCode.PLUGIN
    err = capsys.readouterr().err
    assert "mismatch" in err and "leadership.group" in err and "phrase" in err
