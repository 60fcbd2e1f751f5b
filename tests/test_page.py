"""A published page's metadata and furniture (report/page.py), in saved .html pages and .txt copies."""

import json
from pathlib import Path

import pytest

from evalkit.cli import ExitCode, main
from evalkit.default_plugins.readers import read_html
from evalkit.report import page, structure
from evalkit.report.extraction import report_figures

COPY = """首页 > 政务公开 > 法定主动公开内容
索引号：114412345678901234/2024-00031 发布机构：白沙乡人民政府
来源：白沙乡人民政府 发布时间：2024-03-12 16:45 浏览量：368
白沙乡2023年法治政府建设工作报告
2023年，白沙乡全年开展法治讲座6次，审查合同12份。
【打印本页】【关闭窗口】
"""


def test_fields_and_furniture_of_a_text_copy():
    """索引号, 发布机构, 来源, 发布时间 are read as fields; breadcrumbs, field lines and 打印/关闭 are furniture."""
    lines = COPY.split("\n")
    found = page.read(lines, 3)
    assert found.field("发布机构") == "白沙乡人民政府" and found.published() == (2024, 3)
    assert found.furniture == {0, 1, 2, 5}


def test_no_figure_is_read_from_furniture_times_or_codes():
    """An 索引号's digits, a clock time, a visit count and a document number are not figures."""
    text = COPY + "会议于9:30召开，印发《实施意见》（白政发〔2023〕15号）。\n"
    figures = report_figures(text, structure.parse(text))
    assert [f.text for f in figures] == ["6次", "12份"]


def test_a_saved_page_gives_its_body_then_its_metadata(tmp_path):
    """A saved page's <meta> source and date and its 索引号 line are read, after the body, and name the township."""
    html = (
        '<html><head><meta name="ContentSource" content="青石镇人民政府"><meta name="PubDate" content="2024-02-20 08:00"></head><body>'
        '<div class="crumb">首页 &gt; 信息公开</div><table class="info"><tr><td>索引号：000123456789/2024-0001</td></tr></table>'
        '<div class="article-content"><p>2023年，我镇全年开展普法宣传8场。</p><p>一、主要举措和成效</p></div></body></html>'
    )
    path = Path(tmp_path / "page.html")
    path.write_text(html, "utf-8")
    text = read_html(path)
    assert text.split("\n")[:2] == ["2023年，我镇全年开展普法宣传8场。", "一、主要举措和成效"]
    assert {"来源：青石镇人民政府", "发布时间：2024-02-20 08:00", "索引号：000123456789/2024-0001"} <= set(text.split("\n"))
    parsed = structure.parse(text)
    assert (parsed.name, parsed.year) == ("青石镇", 2023)
    assert [f.text for f in report_figures(text, parsed)] == ["8场"]


def test_metadata_laid_out_as_table_rows_is_furniture():
    """| 索引号 | … | rows give fields and are furniture; no part of the code or of hh:mm:ss is a figure."""
    text = (
        "| 索引号 | 11530581-2/20250310-00007 | 发布机构 | 和顺乡人民政府 |\n"
        "| 公开目录 | 工作报告 | 发布日期 | 2025-03-10 09:27:45 |\n"
        "和顺乡2024年法治政府建设情况报告\n全年开展普法宣传9场。会议于16:05:30结束。\n"
    )
    parsed = structure.parse(text)
    assert (parsed.name, parsed.year) == ("和顺乡", 2024) and parsed.page.furniture >= {0, 1}
    assert [f.text for f in report_figures(text, parsed)] == ["9场"]


def test_a_body_table_with_a_date_column_keeps_its_figures():
    """A table whose cell merely ends in 时间 is not metadata: its row's figures stay."""
    text = "东坪镇2023年法治政府建设年度报告\n| 培训时间段 | 12次 |\n"
    assert [f.text for f in report_figures(text, structure.parse(text))] == ["12次"]


# Published pages as published: the article, not the site around it, through `evalkit check` and `evalkit extract`.
#: The article's paragraphs, written for these tests; {self} is how the report speaks of its unit.
ARTICLE = [
    "{self}坚持以习近平法治思想为指导，扎实推进法治政府建设。",
    "一、主要举措和成效",
    "（一）加强组织领导。党委理论学习中心组全年集中学法6次，召开法治建设专题会议3次。",
    "（二）推进普法宣传。开展民法典专题宣传活动7场，发放宣传资料2600余份。",
    "二、存在的不足",
    "法治宣传的针对性还需加强。",
    "三、下一步工作安排",
    "每季度开展一次法治讲座。",
]
#: Every figure of the article, and nothing else.
FIGURES = ["6次", "3次", "7场", "2600余份", "一次"]


def _article(speaks_as: str) -> str:
    return "".join(f"<p>{line.format(self=speaks_as)}</p>" for line in ARTICLE)


def trs_page() -> str:
    """A TRS-style page: header and menu, breadcrumbs, an info table with labels and values in cells of their own,
    the article with a 发布时间/浏览次数/字号 line, share buttons, related links and a footer with a visit counter."""
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>法治政府建设工作报告_宁川县人民政府</title></head><body>
<div class="header"><div class="logo">宁川县人民政府</div><ul class="nav"><li>首页</li><li>政务公开</li><li>互动交流</li></ul></div>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a>政务公开</a> &gt; <a>法治政府建设</a></div>
<table class="xxgk-info"><tr><td>索引号：</td><td>113309220025123456/2025-00012</td><td>发布机构：</td><td>石桥镇人民政府</td></tr>
<tr><td>发文日期：</td><td>2025-01-20</td><td>主题分类：</td><td>其他</td></tr></table>
<div class="article"><h1 class="title">法治政府建设工作报告</h1>
<div class="info">发布时间：2025-01-20 10:12:33 浏览次数：1268 字号：<a>大</a> <a>中</a> <a>小</a></div>
<div class="TRS_Editor">{_article("我镇")}<p style="text-align:right">2025年1月18日</p></div></div>
<div class="bdshare">分享到：<a>微信</a><a>微博</a></div>
<div class="relate"><h3>相关链接</h3><ul><li><a>2023年法治政府建设工作报告发布8场</a></li></ul></div>
<div class="footer"><p>主办单位：宁川县人民政府办公室 网站标识码：3309220001</p><p>赣ICP备05001234号-1 联系电话：0791-86123456</p>
<p>您是本站第1234567位访客</p></div></body></html>"""


def hanweb_page() -> str:
    """A Hanweb-style page: 无障碍/繁體 bar, 您当前的位置, a <th>/<td> info table, the article in div.zoom, 打印/关闭, 网站标识码."""
    return f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>工作报告</title></head><body>
<div id="barrierfree_container"><div class="main-top"><a>无障碍</a> <a>简体</a>|<a>繁體</a> 2025年2月11日 星期二</div>
<div class="bt-position">您当前的位置：<a>首页</a> &gt; <a>信息公开</a> &gt; <a>法定主动公开内容</a></div>
<div class="xxgk_table"><table><tr><th>索引号</th><td>11360423MB1234567X/2025-03145</td><th>发布机构</th><td>柳溪乡</td></tr>
<tr><th>生成日期</th><td>2025-02-11 09:05:47</td><th>主题分类</th><td>年度报告</td></tr></table></div>
<div class="wzy_content"><div class="bt">法治政府建设情况报告</div><div class="zoom" id="zoom">{_article("我乡")}</div></div>
<div class="wzy_bottom">【打印本页】【关闭窗口】</div>
<div class="dibu">网站标识码：3604230003 赣ICP备12000000号 赣公网安备 36042302000123号 您是本站第 1234567 位访客</div></div>
</body></html>"""


def plain_page() -> str:
    """A plain template: » breadcrumbs, a 来源/发布时间/浏览次数 line above the content div, 扫一扫 tools, a copyright footer."""
    return f"""<html><head><title>工作报告</title></head><body>
<div class="top"><a>首页</a> » <a>政务公开</a> » <a>工作报告</a></div>
<div class="main"><div class="detail-title">2024年法治政府建设年度报告</div>
<div class="detail-info">来源：东坪街道办事处 发布时间：2025-03-02 16:40:05 浏览次数：865 【字体：大 中 小】</div>
<div class="detail-content">{_article("本街道")}</div>
<div class="tools">【打印】【关闭】 扫一扫在手机打开当前页</div></div>
<div class="bottom">版权所有：某区人民政府 联系电话：020-83123456 ICP备案号：粤ICP备10012345号 网站标识码：4401000009</div>
</body></html>"""


def inline_page() -> str:
    """One content div holding it all: breadcrumbs, the title, an info table of bare label and value cells
    (浏览次数 among them), the article, share buttons and related articles; the footer outside it."""
    return f"""<html><head><title>报告</title></head><body><div class="main-content">
<div class="crumbs">首页 &gt; 政务公开 &gt; 法治政府建设</div><h2>法治政府建设情况报告</h2>
<table class="info"><tr><td>索引号</td><td>000014349/2025-00021</td><td>发布机构</td><td>青山乡人民政府</td></tr>
<tr><td>发布日期</td><td>2025-01-08 08:30:12</td><td>浏览次数</td><td>321</td></tr></table>
<div class="text">{_article("我乡")}</div><div class="share">分享到：微信 微博 QQ空间</div>
<ul class="links"><li>相关文章：青山乡开展普法宣传12场</li></ul></div>
<div class="foot">网站标识码：1234000012 ICP备案号：皖ICP备13001234号-2 联系电话：0551-62123456 访问量：54321</div></body></html>"""


PAGES = [
    (trs_page, "石桥镇", "镇", 2024),
    (hanweb_page, "柳溪乡", "乡", 2024),
    (plain_page, "东坪街道", "街道", 2024),
    (inline_page, "青山乡", "乡", 2024),
]


@pytest.mark.parametrize("page, name, level, year", PAGES)
def test_name_and_year_come_from_the_page_metadata(tmp_path, capsys, page, name, level, year):
    """The article never names its unit or (but for one title) its year: 发布机构/来源 and the page's date give them."""
    path = tmp_path / "page.html"
    path.write_text(page(), "utf-8")
    assert main(["check", str(path), "--format", "json"]) == ExitCode.OK
    card = json.loads(capsys.readouterr().out)
    assert (card["subject"]["name"], card["subject"]["level"], card["year"]) == (name, level, year)
    assert not {"report-name-unknown", "report-year-unknown", "report-name-guessed"} & {f["code"] for f in card["findings"]}
    assert {r["item"]: r["value"] for r in card["reported"]} == {
        "leadership.study_sessions": 6,
        "leadership.topic_meetings": 3,
        "publicity.topic_sessions": 7,
        "publicity.materials": 2600,
    }


@pytest.mark.parametrize("page, name, level, year", PAGES)
def test_no_navigation_code_time_or_furniture_is_a_figure(tmp_path, page, name, level, year):
    """The draft holds the article's figures only: no 索引号, visit count, clock time, ICP or site code, phone, counter or related link."""
    path = tmp_path / "page.html"
    path.write_text(page(), "utf-8")
    out = tmp_path / "draft.json"
    assert main(["extract", str(path), "-o", str(out)]) == ExitCode.OK
    draft = json.loads(out.read_text("utf-8"))
    read = sorted([u["text"] for u in draft["report"]["unmapped"]] + [_text(v) for v in draft["items"].values() if "unit" in v])
    assert read == sorted(FIGURES)
    assert [s["title"] for s in draft["report"]["sections"]][:2] == ["一、主要举措和成效", "（一）加强组织领导"]


def _text(value: dict) -> str:
    return f"{value['value']}{'余' if value.get('approximate') else ''}{value['unit']}"
