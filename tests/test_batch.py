"""The county batch: `evalkit score` ranks a folder, survives a broken file and writes its outputs whole."""

import csv
import hashlib
import io
import json
import sys
from pathlib import Path

import attrs
import pytest

from evalkit import batch, schemas
from evalkit import sources
from evalkit.ledger import Ranked
from evalkit.ranking import Entry, rank
from evalkit.township import Stems, safe_name
from evalkit.copies import copied_reports, fingerprint
from evalkit.cli import ExitCode, main
from evalkit.evaluator import Evaluator
from evalkit.testing import synthetic_submissions

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def county(tmp_path_factory):
    """A folder of 18 township submissions and one broken file."""
    folder = tmp_path_factory.mktemp("county")
    for index, doc in enumerate(synthetic_submissions(Evaluator().catalog.items, 18, seed=7)):
        (folder / f"{index:02d}.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    (folder / "坏文件.json").write_text('{"subject": ', encoding="utf-8")
    return folder


def score(capsys, *argv):
    code = main(["score", *map(str, argv)])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def digests(folder: Path) -> dict:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_streamed_json_is_what_json_dumps_prints(capsys):
    """write_json prints json.dumps(indent=2), iterators as lists, empty ones too."""
    from evalkit.commands.score import write_json

    fields = {"a": iter([{"x": [1, {"y": "中"}]}, 2]), "b": iter([]), "c": {"d": [1, 2]}, "e": [], "f": "g"}
    plain = {"a": [{"x": [1, {"y": "中"}]}, 2], "b": [], "c": {"d": [1, 2]}, "e": [], "f": "g"}
    write_json(fields, sys.stdout)
    assert capsys.readouterr().out == json.dumps(plain, ensure_ascii=False, indent=2) + "\n"


def test_ranks_eighteen_names_the_broken_file_and_exits_1(capsys, county, tmp_path):
    """18 townships are ranked; the broken file is named with its reason; the exit code says so."""
    code, out, err = score(capsys, county, "--out", tmp_path / "out", "--format", "json")
    summary = json.loads(out)
    assert out == json.dumps(summary, ensure_ascii=False, indent=2) + "\n"  # written piece by piece, read as one
    assert code == ExitCode.FAILED
    assert len(summary["ranking"]) == 18 and [r["rank"] for r in summary["ranking"]][0] == 1
    assert "坏文件.json" in err and "第 1 行" in err
    assert summary["failures"][0]["source"].endswith("坏文件.json")
    totals = [r["total"] for r in summary["ranking"]]
    assert totals == sorted(totals, reverse=True)


def test_outputs_are_complete_valid_and_identical_on_rerun(capsys, county, tmp_path):
    """Every output is written; scorecards validate; a second run gives the same bytes."""
    out = tmp_path / "out"
    score(capsys, county, "--out", out)
    first = digests(out)
    assert {"ranking.csv", "evalkit.xlsx", ".evalkit-output"} <= set(first)
    cards = sorted(out.glob("townships/*.json"))
    assert len(cards) == 18 and len(list(out.glob("townships/*.md"))) == 18
    for path in cards:
        schemas.check(schemas.shipped_validator("scorecard"), json.loads(path.read_text("utf-8")), str(path))
    score(capsys, county, "--out", out)
    assert digests(out) == first


def test_jobs_do_not_change_the_bytes(capsys, county, tmp_path):
    """--jobs 2 writes exactly what --jobs 1 writes."""
    score(capsys, county, "--out", tmp_path / "one", "--jobs", "1")
    score(capsys, county, "--out", tmp_path / "two", "--jobs", "2")
    assert digests(tmp_path / "one") == digests(tmp_path / "two")


def test_workbook_has_six_sheets_and_a_row_per_township(capsys, county, tmp_path):
    """evalkit.xlsx opens with openpyxl: six sheets, one ranking row per township, numbers as numbers."""
    from openpyxl import load_workbook

    score(capsys, county, "--out", tmp_path / "out")
    book = load_workbook(tmp_path / "out" / "evalkit.xlsx")
    assert book.sheetnames == ["排名", "得分明细", "扣分清单", "问题发现", "整改跟踪", "报告数据", "错误"]
    ranking = list(book["排名"].iter_rows(values_only=True))
    assert len(ranking) == 19 and ranking[0][0] == "排名"
    assert all(isinstance(row[5], (int, float)) for row in ranking[1:])
    assert book["排名"].freeze_panes == "A2"
    errors = list(book["错误"].iter_rows(values_only=True))
    assert len(errors) == 2 and errors[1][0].endswith("坏文件.json") and errors[1][1] == "文件无法读取"


def test_ranking_csv_opens_in_excel_with_chinese_intact(capsys, county, tmp_path):
    """ranking.csv starts with a UTF-8 BOM, so Excel reads its Chinese; it has a row per township."""
    score(capsys, county, "--out", tmp_path / "out")
    data = (tmp_path / "out" / "ranking.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0][:3] == ["排名", "同级排名", "乡镇（街道）"] and len(rows) == 19


def test_formula_cells_are_neutralised(capsys, tmp_path):
    """A township named like a formula reaches CSV and Excel as text."""
    from openpyxl import load_workbook

    doc = next(synthetic_submissions(Evaluator().catalog.items, 1))
    doc["subject"]["name"] = "=HYPERLINK(\"http://x\")镇"
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    score(capsys, folder, "--out", tmp_path / "out")
    rows = list(csv.reader(io.StringIO((tmp_path / "out" / "ranking.csv").read_text("utf-8-sig"))))
    assert rows[1][2].startswith("'=")
    cell = load_workbook(tmp_path / "out" / "evalkit.xlsx")["排名"]["C2"]
    assert cell.data_type == "s" and cell.value.startswith("'=")


@pytest.mark.parametrize("name", ["../../etc/x", "a/b镇", "..", "\u202e镇", "C:\\x"])
def test_township_names_never_escape_outdir(capsys, tmp_path, name):
    """A township named with ../ or / or control characters writes only inside OUTDIR."""
    doc = next(synthetic_submissions(Evaluator().catalog.items, 1))
    doc["subject"]["name"] = name
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "deep" / "out"
    score(capsys, folder, "--out", out)
    written = [p for p in tmp_path.rglob("*") if p.is_file() and "in" not in p.relative_to(tmp_path).parts[:1]]
    assert written and all(out in p.parents for p in written)
    assert len(list((out / "townships").iterdir())) == 2


def test_safe_names_and_unique_stems():
    """Separators and control characters are replaced; duplicate names get a suffix."""
    assert "/" not in safe_name("a/b") and safe_name("..") == "未命名"
    names = Stems()
    assert [names.next(n) for n in ["贤庠镇", "贤庠镇", "石浦镇"]] == ["贤庠镇", "贤庠镇-2", "石浦镇"]


def test_outdir_with_other_files_is_refused(capsys, county, tmp_path):
    """An OUTDIR holding someone else's files is not overwritten."""
    out = tmp_path / "mine"
    out.mkdir()
    (out / "keep.txt").write_text("重要", encoding="utf-8")
    code, _, err = score(capsys, county, "--out", out)
    assert code == ExitCode.USAGE and "输出目录" in err
    assert (out / "keep.txt").read_text("utf-8") == "重要"


def test_ranks_are_shared_on_ties_and_given_within_each_level():
    """Equal totals share a rank (1, 2, 2, 4); levels are ranked apart."""
    from decimal import Decimal

    import attrs

    from evalkit.testing import score_dict

    base = score_dict(next(synthetic_submissions(Evaluator().catalog.items, 1)), evaluator_=Evaluator())
    entries = [
        Entry(f"{n}.json", n, attrs.evolve(base, total=Decimal(t), subject=attrs.evolve(base.subject, name=n)))
        for n, t in [("甲镇", 80), ("乙镇", 70), ("丙镇", 70), ("丁镇", 60)]
    ]
    assert [(e.card.subject.name, e.rank) for e in rank(entries)] == [("甲镇", 1), ("丙镇", 2), ("乙镇", 2), ("丁镇", 4)]


def test_copied_reports_are_flagged_both_ways():
    """A report that largely repeats another's is flagged in both, with the share and the other township."""
    shared = "我镇坚持以人民为中心,推动建立一站式矛盾纠纷调解中心各项制度规范,发挥老娘舅工作室品牌影响力。" * 6
    texts = [("甲镇", "甲镇" + shared), ("乙镇", "乙镇" + shared + "另有少量不同内容。"), ("丙镇", "丙镇完全不同的报告内容,讲的是行政执法和合法性审查工作。" * 5)]
    found = copied_reports([(name, fingerprint(name, body)) for name, body in texts])
    assert set(found) == {0, 1}
    assert "乙镇" in found[0][0].message and "%" in found[0][0].message
    assert found[1][0].code == "copied-report"


def _copied_pair(tmp_path):
    """A folder of two reports, the second the example's text under another township's name."""
    text = (ROOT / "examples" / "xianxiang-2022" / "report.txt").read_text("utf-8")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(text, encoding="utf-8")
    (folder / "b.txt").write_text(text.replace("贤庠镇", "墙头镇").replace("贤庠", "墙头"), encoding="utf-8")
    return folder


def test_copied_report_reaches_the_scorecards(capsys, tmp_path):
    """Two townships submitting the same report text each get a copied-report finding."""
    folder = _copied_pair(tmp_path)
    score(capsys, folder, "--out", tmp_path / "out")
    for name in ("贤庠镇", "墙头镇"):
        card = json.loads((tmp_path / "out" / "townships" / f"{name}.json").read_text("utf-8"))
        assert any(f["code"] == "copied-report" for f in card["findings"])


def test_a_township_scored_again_is_listed_once(capsys, tmp_path):
    """A copied report's township, written again with its findings, is named once in the summary's files."""
    folder = _copied_pair(tmp_path)
    _code, out, _err = score(capsys, folder, "--out", tmp_path / "out", "--format", "json")
    files = json.loads(out)["files"]
    assert "townships/墙头镇.json" in files and len(files) == len(set(files))


def test_a_township_failing_when_scored_again_leaves_no_scorecard(tmp_path, monkeypatch):
    """A copied report's township that fails its second scoring is a failure, and its first files are taken back."""
    from evalkit.exports import OutputDir

    folder, evaluator = _copied_pair(tmp_path), Evaluator()
    real = evaluator.score

    def whim(checked, source=None, extra_findings=()):
        if extra_findings and checked.submission.subject.name == "墙头镇":
            raise RuntimeError("a plugin that scores differently the second time")
        return real(checked, source, extra_findings)

    monkeypatch.setattr(evaluator, "score", whim)
    with OutputDir(tmp_path / "out") as out:
        result = batch.run(evaluator, [str(p) for p in sorted(folder.iterdir())], 1, None, out.township, ("md",), out.drop_township)
        written = dict(out.written)
    assert [e.card.subject.name for e in result.entries] == ["贤庠镇"] and len(result.failures) == 1
    assert sorted(p.name for p in (tmp_path / "out" / "townships").iterdir()) == ["贤庠镇.json", "贤庠镇.md"]
    assert not any("墙头镇" in name for name in written)


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_batch_reads_each_report_once(tmp_path, jobs):
    """Copy detection takes the fingerprints the scoring pass made: every report is read once,
    with one worker or two, and the copied pair still carries its findings."""
    text = (ROOT / "examples" / "xianxiang-2022" / "report.txt").read_text("utf-8")
    files = [tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "c.txt"]
    files[0].write_text(text, encoding="utf-8")
    files[1].write_text(text.replace("贤庠镇", "墙头镇").replace("贤庠", "墙头"), encoding="utf-8")
    files[2].write_text("大徐镇2022年法治政府建设工作报告\n全年开展行政执法检查十二次，化解矛盾纠纷四十件。\n", encoding="utf-8")
    evaluator, log = Evaluator(), tmp_path / "reads.log"
    real = evaluator.catalog.readers[".txt"]

    def counted(path):
        with open(log, "a", encoding="utf-8") as out:  # appended from whichever process reads
            out.write(f"{Path(path).name}\n")
        return real.read(path)

    evaluator.catalog.readers[".txt"] = attrs.evolve(real, read=counted)
    written = {}
    result = batch.run(evaluator, [str(f) for f in files], jobs=jobs, write=lambda stem, done: written.__setitem__(stem, done))
    assert sorted(log.read_text("utf-8").split()) == ["a.txt", "b.txt", "c.txt"]
    copied = {e.card.subject.name for e in result.entries if any(f.code == "copied-report" for f in e.card.findings)}
    assert copied == {"贤庠镇", "墙头镇"}
    assert all(("copied-report" in written[name].files[0][1].decode("utf-8")) for name in copied)


def test_control_characters_in_a_name_fail_that_file_only(capsys, tmp_path):
    """A township name with control characters fails validation; the other file is scored."""
    docs = list(synthetic_submissions(Evaluator().catalog.items, 2))
    docs[0]["subject"]["name"] = "\x00\x1f镇"
    folder = tmp_path / "in"
    folder.mkdir()
    for index, doc in enumerate(docs):
        (folder / f"{index}.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    code, out, err = score(capsys, folder, "--out", tmp_path / "out", "--format", "json")
    assert code == ExitCode.FAILED and "$.subject.name" in err
    assert len(json.loads(out)["ranking"]) == 1


def test_large_batches_rank_and_write_as_small_ones_do(capsys, county, tmp_path, monkeypatch):
    """Summaries (with shared values, from one process or two) give the same ranking and the
    same scorecards as whole scorecards."""
    from evalkit import batch as batch_

    score(capsys, county, "--out", tmp_path / "small", "--formats", "csv")
    monkeypatch.setattr(batch_, "DETAIL_LIMIT", 10)
    score(capsys, county, "--out", tmp_path / "province", "--formats", "csv", "--jobs", "2")
    monkeypatch.setattr(batch_, "LARGE_BATCH", 5)
    score(capsys, county, "--out", tmp_path / "large", "--formats", "csv")
    score(capsys, county, "--out", tmp_path / "large-2", "--formats", "csv", "--jobs", "2")
    written = lambda out: {p.name: p.read_bytes() for p in (tmp_path / out).rglob("*") if p.is_file()}  # noqa: E731
    assert "ranking.csv" in written("small") and len(written("small")) > 18
    assert written("small") == written("province") == written("large") == written("large-2")


def test_a_national_batch_reads_its_summaries_back_from_a_ledger(county, monkeypatch):
    """Above LARGE_BATCH entries come back from a temporary file, in the same order with the
    same ranks as summaries kept in memory, by index, by slice and in iteration."""
    from evalkit import batch as batch_

    files = [str(p) for p in sources.inputs([str(county)], [".json"])]
    evaluator = Evaluator()
    kept = batch_.run(evaluator, files, formats=())
    monkeypatch.setattr(batch_, "LARGE_BATCH", 5)
    spilled = batch_.run(evaluator, files, formats=())
    assert isinstance(spilled.entries, Ranked) and len(spilled.entries) == len(kept.entries) == 18
    row = lambda e: (e.stem, e.rank, e.level_rank, e.card.total, e.card.grade, [g.criterion for g in e.card.gaps])  # noqa: E731
    summarised = [Entry(e.source, e.stem, e.card.summary(), e.rank, e.level_rank) for e in kept.entries]
    assert [row(e) for e in spilled.entries] == [row(e) for e in summarised]
    assert [row(e) for e in spilled.entries[3:6]] == [row(e) for e in list(spilled.entries)[3:6]]
    assert row(spilled.entries[-1]) == row(list(spilled.entries)[17])


def test_province_batches_rank_every_township_and_list_the_largest_gaps(capsys, county, tmp_path, monkeypatch):
    """Above DETAIL_LIMIT the page ranks every township without a section each, and the workbook
    holds category scores, each township's largest gaps and every finding."""
    from openpyxl import load_workbook

    from evalkit import batch as batch_

    monkeypatch.setattr(batch_, "DETAIL_LIMIT", 5)
    monkeypatch.setattr(batch_, "GAPS_SHOWN", 2)
    score(capsys, county, "--out", tmp_path / "out")
    page = (tmp_path / "out" / "report.html").read_text("utf-8")
    assert "不逐一列出各乡镇的失分项" in page and page.count('<section class="township"') == 0
    assert page.count('<td class="name">') == 18 and 'href="#t-' not in page
    book = load_workbook(tmp_path / "out" / "evalkit.xlsx")
    gaps = list(book["扣分清单"].iter_rows(values_only=True))[2:]
    per_township = {name: sum(1 for g in gaps if g[0] == name) for name, *_ in gaps}
    assert len(per_township) == 18 and set(per_township.values()) == {2}
    assert list(book["得分明细"].iter_rows(values_only=True))[0][1] == "报告规范"
    findings = list(book["问题发现"].iter_rows(values_only=True))[1:]
    assert len({f[0] for f in findings}) > 1 and all(f[1] for f in findings)


def test_large_batches_keep_summaries_and_outputs_say_what_they_hold(capsys, county, tmp_path, monkeypatch):
    """Above LARGE_BATCH, entries are summaries; the page lists top and bottom and says where the rest is."""
    from openpyxl import load_workbook

    from evalkit import batch as batch_
    from evalkit.default_plugins import html_report

    monkeypatch.setattr(batch_, "LARGE_BATCH", 5)
    monkeypatch.setattr(html_report, "LARGE_SHOWN", 3)
    code, _, _ = score(capsys, county, "--out", tmp_path / "out")
    page = (tmp_path / "out" / "report.html").read_text("utf-8")
    assert code == ExitCode.FAILED and "页面只列出排名前 3 位和后 3 位" in page
    assert page.count('<section id="t-') == 0
    assert len(list((tmp_path / "out" / "townships").glob("*.json"))) == 18
    detail = list(load_workbook(tmp_path / "out" / "evalkit.xlsx")["得分明细"].iter_rows(values_only=True))
    assert len(detail) == 19 and detail[0][1] == "报告规范"


def test_workbook_shows_informational_figures(capsys, tmp_path):
    """A figure no criterion scores (提出意见条数) is in the workbook's 报告数据 sheet, marked 仅供参考."""
    from openpyxl import load_workbook

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "南塘镇.txt").write_text("南塘镇2023年法治政府建设情况报告\n一、主要举措和成效\n审查合同12份，提出修改意见9条，举办法治讲座4次。\n", "utf-8")
    score(capsys, folder, "--out", tmp_path / "out")
    rows = list(load_workbook(tmp_path / "out" / "evalkit.xlsx")["报告数据"].iter_rows(values_only=True))
    by_item = {row[1]: row for row in rows[1:]}
    assert by_item["review.opinions"][3:] == (9, "条", None, "仅供参考")
    assert by_item["publicity.sessions"][6] == "计分"


LETTER_PLUGIN = '''
import docx
from evalkit import Format, hookimpl


def write_letter(card, stream, lang="zh"):
    document = docx.Document()
    document.add_heading(f"关于{card.subject.name}法治政府建设年度报告的反馈意见", level=1)
    for gap in card.top_gaps(3):
        document.add_paragraph(f"{gap.title}：{gap.remediation}")
    document.save(stream)


@hookimpl
def register_formats():
    return [Format("letter", "反馈意见函", write_letter, scope="township", filename="-反馈意见.docx", binary=True)]
'''


def test_a_plugin_adds_a_per_township_docx_with_one_function(capsys, county, tmp_path, entry_point):
    """A township format from a plugin is written beside each scorecard, and left out when not chosen."""
    import docx

    entry_point("letter", LETTER_PLUGIN)
    code, _out, _err = score(capsys, county, "--out", tmp_path / "all")
    assert code == ExitCode.FAILED  # the broken file, as before
    letters = sorted((tmp_path / "all" / "townships").glob("*-反馈意见.docx"))
    assert len(letters) == 18 and len(list((tmp_path / "all" / "townships").glob("*.md"))) == 18
    first = docx.Document(str(letters[0])).paragraphs[0].text
    assert first.startswith("关于") and first.endswith("法治政府建设年度报告的反馈意见")
    score(capsys, county, "--out", tmp_path / "md", "--formats", "md")
    assert not list((tmp_path / "md" / "townships").glob("*.docx"))


def test_a_failing_township_format_fails_only_its_townships_and_names_the_plugin(capsys, county, tmp_path, entry_point):
    """A plugin's township format that raises makes a named failure per file; the batch still writes."""
    failing = LETTER_PLUGIN.replace("    document.save(stream)", "    if card.subject.name == FIRST:\n        raise RuntimeError('纸张用完')\n    document.save(stream)")
    first = json.loads(sorted(county.glob("0*.json"))[0].read_text("utf-8"))["subject"]["name"]
    entry_point("letter", failing + f"\nFIRST = {first!r}\n")
    code, _out, err = score(capsys, county, "--out", tmp_path / "out", "--formats", "letter,csv")
    assert code == ExitCode.FAILED
    assert "letter" in err and "纸张用完" in err
    assert len(list((tmp_path / "out" / "townships").glob("*.docx"))) == 17


def test_check_offers_text_township_formats_but_not_binary_ones(capsys, entry_point):
    """`check --format md` still works; a binary township format is not offered to the terminal."""
    entry_point("letter", LETTER_PLUGIN)
    example = ROOT / "examples" / "xianxiang-2022" / "submission.json"
    assert main(["check", str(example), "--format", "md"]) == ExitCode.OK
    assert capsys.readouterr().out.startswith("# ")
    assert main(["check", str(example), "--format", "letter"]) == ExitCode.USAGE
    assert "letter" in capsys.readouterr().err
