"""report.html, the printable county page: self-contained, escaped, deterministic, complete."""

import io
import json
import re
from html.parser import HTMLParser

import pytest

from evalkit import batch as batch_
from evalkit import sources
from evalkit.cli import ExitCode, main
from evalkit.evaluator import Evaluator
from evalkit.model import Kind
from evalkit.testing import synthetic_submissions

HOSTILE_NAME = "<script>alert(1)</script>"
HOSTILE_TEXT = '"><img src=x onerror=alert(1)>'


def deduction_item(ev: Evaluator) -> str:
    """An item a 扣分 criterion counts, so that a non-zero value shows up as a gap with its evidence."""
    return next(c.rule["item"] for c in ev.catalog.criteria.values() if c.kind is Kind.DEDUCTION and "item" in c.rule)


def write_folder(folder, count=6, hostile=False, broken=False):
    """``count`` synthetic submissions in ``folder``; with ``hostile``, the first carries attack strings."""
    ev = Evaluator()
    folder.mkdir(parents=True, exist_ok=True)
    for index, doc in enumerate(synthetic_submissions(ev.catalog.items, count, seed=7)):
        if hostile and index == 0:
            doc["subject"]["name"] = HOSTILE_NAME
            doc["report"]["title"] = f"{HOSTILE_TEXT}2019年度报告"  # a title-year finding quotes it
            doc["items"][deduction_item(ev)] = {"value": 2, "evidence": HOSTILE_TEXT}
        (folder / f"{index:02d}.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    if broken:
        (folder / "broken.json").write_text("{not json", encoding="utf-8")
    return folder


def score(folder, out) -> str:
    code = main(["score", str(folder), "--out", str(out)])
    assert code in (ExitCode.OK, ExitCode.FAILED)
    return (out / "report.html").read_text(encoding="utf-8")


@pytest.fixture
def hostile_page(tmp_path, capsys):
    page = score(write_folder(tmp_path / "in", hostile=True, broken=True), tmp_path / "out")
    capsys.readouterr()
    return page


class Tags(HTMLParser):
    """Every start tag with its attributes, and the text of every <style>, as a browser parses them."""

    def __init__(self, page: str):
        super().__init__(convert_charrefs=True)
        self.tags, self.styles, self._in_style = [], [], False
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.styles.append(data)


def test_page_is_self_contained(hostile_page):
    """No script, no stylesheet link, no external src or href: every link stays inside the page."""
    parsed = Tags(hostile_page)
    names = {tag for tag, _attrs in parsed.tags}
    assert not names & {"script", "link", "img", "iframe", "object", "embed"}
    assert "<script" not in hostile_page.lower() and not re.search(r"<link[^>]*stylesheet", hostile_page, re.I)
    for _tag, attrs in parsed.tags:
        assert "src" not in attrs
        assert not any(name.startswith("on") for name in attrs)
        for name in ("href", "xlink:href", "action", "srcset"):
            assert attrs.get(name) is None or attrs[name].startswith("#"), attrs
    css = "".join(parsed.styles)
    assert "url(" not in css and "@import" not in css and "@font-face" not in css


def test_page_declares_chinese_and_a_cjk_font_stack(hostile_page):
    """The page says it is UTF-8 and zh-CN and names the CJK fonts Chinese offices have."""
    assert '<meta charset="utf-8">' in hostile_page and '<html lang="zh-CN">' in hostile_page
    for font in ("Noto Sans CJK SC", "Source Han Sans", "Microsoft YaHei", "PingFang SC", "sans-serif"):
        assert font in hostile_page
    assert "@media print" in hostile_page and "break-before: page" in hostile_page


def test_hostile_strings_stay_text(hostile_page):
    """A township named <script>… and a quote and evidence carrying an <img onerror> are escaped everywhere."""
    assert HOSTILE_NAME not in hostile_page and "<img" not in hostile_page.lower()
    assert not {tag for tag, _attrs in Tags(hostile_page).tags} & {"script", "img"}
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in hostile_page
    escaped = "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;"
    assert hostile_page.count(escaped) >= 2  # the finding's quote and the gap's evidence


def test_same_batch_gives_same_bytes(tmp_path, capsys):
    """Two runs over the same folder write identical report.html bytes."""
    folder = write_folder(tmp_path / "in", hostile=True)
    score(folder, tmp_path / "one")
    score(folder, tmp_path / "two")
    capsys.readouterr()
    assert (tmp_path / "one" / "report.html").read_bytes() == (tmp_path / "two" / "report.html").read_bytes()


def test_writer_is_deterministic_on_one_batch(tmp_path):
    """Writing the same Batch object twice gives the same text."""
    ev = Evaluator()
    folder = write_folder(tmp_path / "in")
    result = batch_.run(ev, sources.inputs([str(folder)], sources.suffixes(ev)))
    first, second = io.StringIO(), io.StringIO()
    ev.catalog.formats["html"].write(result, first, "zh")
    ev.catalog.formats["html"].write(result, second, "zh")
    assert first.getvalue() == second.getvalue()


def test_every_township_has_a_section_and_a_bar(tmp_path, capsys):
    """Each scored township gets its own section and one bar of the ranking chart; the header counts."""
    page = score(write_folder(tmp_path / "in", count=9, broken=True), tmp_path / "out")
    ranking = json.loads(_score_json(tmp_path, capsys))
    names = [row["name"] for row in ranking["ranking"]]
    sections = re.findall(r'<section class="township" id="([^"]+)"', page)
    assert len(names) == 9 and len(sections) == 9 and len(set(sections)) == 9
    for name in names:
        assert f"{name}<span class=\"grade\"" in page
    chart = page[page.index('id="ranking-chart"'):page.index("</svg>")]
    assert chart.count('class="bar"') == 9 and 'role="img"' in page and "<title>" in chart
    assert "象山县 2022 年度法治政府建设考评结果" in page
    assert "已评分 <strong>9</strong>" in page and "1 个文件无法评分" in page and "broken.json" in page


def _score_json(tmp_path, capsys) -> str:
    capsys.readouterr()
    main(["score", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--format", "json"])
    return capsys.readouterr().out


def test_title_omits_what_the_townships_disagree_on(tmp_path, capsys):
    """With two years in the folder the title names no year; with two counties, no county."""
    folder = write_folder(tmp_path / "in", count=3)
    doc = json.loads((folder / "00.json").read_text(encoding="utf-8"))
    doc["year"], doc["subject"]["county"] = 2021, "宁海县"
    doc["report"]["title"] = doc["report"]["title"].replace("2022", "2021")
    (folder / "00.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    page = score(folder, tmp_path / "out")
    capsys.readouterr()
    assert "<h1>法治政府建设考评结果</h1>" in page


def test_format_is_a_registered_batch_format():
    """The built-in plugin registers "html" as a batch format writing report.html."""
    fmt = Evaluator().catalog.formats["html"]
    assert (fmt.scope, fmt.filename, fmt.binary, fmt.title) == ("batch", "report.html", False, "HTML 报告（可打印）")


def test_a_batch_where_every_file_failed_keeps_the_previous_outputs(tmp_path, capsys):
    """With nothing scored, the failures are named and the last good outputs stay as they were."""
    good = tmp_path / "good"
    good.mkdir()
    doc = next(synthetic_submissions(Evaluator().catalog.items, 1))
    (good / "a.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    before = score(good, tmp_path / "out")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.json").write_text("{not json", encoding="utf-8")
    (folder / "b.json").write_text("[]", encoding="utf-8")
    assert main(["score", str(folder), "--out", str(tmp_path / "out")]) == ExitCode.FAILED
    err = capsys.readouterr().err
    assert "a.json" in err and "b.json" in err and "原有输出保持不变" in err
    assert (tmp_path / "out" / "report.html").read_text("utf-8") == before
