"""Write the format variants of the labelled corpus from sources/*.txt.

Run from the repository root:

    .venv/bin/python tests/corpus/build.py

Every run writes the same bytes: the docx core properties carry a fixed date, and the
docx zip is rewritten with fixed timestamps and a fixed entry order.
"""

import datetime
import html
import io
import json
import re
import sys
import zipfile
from pathlib import Path

try:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Pt
except ImportError:  # pragma: no cover - a setup hint, not a code path
    sys.exit("build.py needs python-docx: .venv/bin/pip install python-docx")

HERE = Path(__file__).resolve().parent
SOURCES = HERE / "sources"

# Which variants each report gets. xianxiang-2022 has all four, so that tests can check
# that one report reads the same in every format.
FORMATS = {
    "xianxiang-2022": ("txt", "gb18030", "docx", "html"),
    "dongchen-2023": ("docx",),
    "shipu-2023": ("docx",),
    "hepu-2021": ("docx",),
    "xiaotang-2021": ("gb18030",),
    "gaotangdao-2023": ("gb18030",),
    "danxi-2022": ("html",),
    "juexi-2023": ("html",),
    "xizhou-2022": ("txt",),
    "maoyang-2022": ("txt",),
}
SUFFIX = {"txt": ".txt", "gb18030": ".gb18030.txt", "docx": ".docx", "html": ".html"}

# A neutral constant: a reader must take the report date from the text, not the metadata.
FIXED_DATETIME = datetime.datetime(2000, 1, 1, 0, 0, 0)
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
STANDALONE_HEADING = re.compile(
    r"^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）])[^。]*$"
)


def read_source(name):
    """The source text and the labels of one report."""
    text = (SOURCES / f"{name}.txt").read_text(encoding="utf-8")
    labels = json.loads((SOURCES / f"{name}.labels.json").read_text(encoding="utf-8"))
    return text, labels


def _lines(text):
    """The source lines; a final newline ends the last line rather than starting a new one."""
    return text.removesuffix("\n").split("\n")


def blocks(lines):
    """Split lines into ("p", line) and ("table", [lines]); a table is a run of tab lines."""
    out = []
    for line in lines:
        if "\t" in line:
            if out and out[-1][0] == "table":
                out[-1][1].append(line)
            else:
                out.append(("table", [line]))
        else:
            out.append(("p", line))
    return out


def write_txt(name, text, labels, path):
    path.write_bytes(text.encode("utf-8"))


def write_gb18030(name, text, labels, path):
    path.write_bytes(text.encode("gb18030"))


def _set_fonts(document):
    normal = document.styles["Normal"]
    normal.font.size = Pt(16)
    normal.font.name = "Times New Roman"
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), "仿宋_GB2312")


def _add_paragraph(document, line, index, signing):
    paragraph = document.add_paragraph()
    if not line:
        return
    run = paragraph.add_run(line)
    if index == 0:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run.bold = True
        run.font.size = Pt(22)
    elif index in signing:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    elif STANDALONE_HEADING.match(line):
        run.bold = True
    else:
        paragraph.paragraph_format.first_line_indent = Pt(32)


def _add_table(document, rows):
    cells = [row.split("\t") for row in rows]
    table = document.add_table(rows=len(cells), cols=max(len(c) for c in cells))
    table.style = "Table Grid"
    for row, values in zip(table.rows, cells):
        for cell, value in zip(row.cells, values):
            cell.text = value


def _deterministic_zip(data):
    """Rewrite a docx with fixed timestamps and [Content_Types].xml first, the rest sorted."""
    source = zipfile.ZipFile(io.BytesIO(data))
    names = sorted(source.namelist(), key=lambda n: (n != "[Content_Types].xml", n))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in names:
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(name))
    return out.getvalue()


def write_docx(name, text, labels, path):
    """One paragraph per source line (blank lines too); tab lines become table rows."""
    document = docx.Document()
    _set_fonts(document)
    lines = _lines(text)
    nonblank = [i for i, line in enumerate(lines) if line.strip()]
    signing = set(nonblank[-2:])
    index = 0
    for kind, content in blocks(lines):
        if kind == "table":
            _add_table(document, content)
            index += len(content)
        else:
            _add_paragraph(document, content, index, signing)
            index += 1
    props = document.core_properties
    props.title = labels["title"]
    props.author = labels["unit"]
    props.last_modified_by = labels["unit"]
    props.comments = ""
    props.revision = 1
    props.created = FIXED_DATETIME
    props.modified = FIXED_DATETIME
    buffer = io.BytesIO()
    document.save(buffer)
    path.write_bytes(_deterministic_zip(buffer.getvalue()))


SIDEBAR = [
    ("象山县人民政府关于2023年度法治政府建设情况的报告", "/art/2024/3/1/art_1229_101.html"),
    ("象山县司法局2023年度法治政府建设工作报告", "/art/2024/2/28/art_1229_102.html"),
    ("丹东街道2023年度法治政府建设情况报告", "/art/2024/2/20/art_1229_103.html"),
    ("墙头镇2023年度法治政府建设情况报告", "/art/2024/2/18/art_1229_104.html"),
    ("定塘镇2022年度法治政府建设情况报告", "/art/2023/2/25/art_1229_105.html"),
]
NAV = ["首页", "走进象山", "政务公开", "政务服务", "互动交流", "法治政府"]


def _page_head(title, labels):
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="SiteName" content="象山县人民政府">
<meta name="SiteDomain" content="www.xiangshan.gov.cn">
<meta name="SiteIDCode" content="3302250000">
<meta name="ArticleTitle" content="{title}">
<meta name="PubDate" content="{labels['date']} 09:30">
<meta name="ContentSource" content="{html.escape(labels['unit'])}">
<title>{title} - 象山县人民政府</title>
<link rel="stylesheet" href="/static/css/base.css">
<style>
  .article-content p {{ text-indent: 2em; line-height: 2; margin: 0; }}
  .article-content p.title {{ text-align: center; font-weight: bold; text-indent: 0; }}
</style>
</head>
"""


def _page_top():
    nav = "\n".join(f'      <li><a href="/col/col{i}/index.html">{item}</a></li>'
                    for i, item in enumerate(NAV, 1229001))
    return f"""<body>
<div class="top-bar"><span>欢迎访问象山县人民政府网站</span> <a href="/wza/">无障碍</a> <a href="/en/">English</a></div>
<header class="site-header">
  <div class="logo"><a href="/"><img src="/static/img/logo.png" alt="象山县人民政府"></a></div>
  <nav class="main-nav">
    <ul>
{nav}
    </ul>
  </nav>
  <form class="search" action="/search"><input type="text" name="q" placeholder="请输入关键词"><button>搜索</button></form>
</header>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/col/col1229003/index.html">政务公开</a> &gt; <a href="/col/col1229006/index.html">法治政府建设</a> &gt; <span>年度报告</span></div>
<div class="container">
  <aside class="sidebar">
    <h3>法治政府建设年度报告</h3>
    <ul>
"""


def _page_body(title, text, labels):
    links = "\n".join(f'      <li><a href="{href}" title="{t}">{t}</a></li>' for t, href in SIDEBAR)
    paragraphs = []
    for i, line in enumerate(_lines(text)):
        css = ' class="title"' if i == 0 else ""
        paragraphs.append(f"      <p{css}>{html.escape(line)}</p>")
    body = "\n".join(paragraphs)
    return f"""{links}
    </ul>
  </aside>
  <main class="article">
    <h1 class="article-title">{title}</h1>
    <div class="article-meta">
      <span>发布日期：{labels['date']}</span>
      <span>信息来源：{html.escape(labels['unit'])}</span>
      <span>浏览次数：<span id="hits">--</span></span>
      <span class="font-size">字号：<a href="#" data-size="18">大</a> <a href="#" data-size="16">中</a> <a href="#" data-size="14">小</a></span>
    </div>
    <div class="article-content" id="zoom">
{body}
    </div>
    <div class="share-bar">
      <span>分享到：</span><a class="share-wechat" href="#">微信</a><a class="share-weibo" href="#">微博</a><a class="share-qzone" href="#">QQ空间</a>
      <a class="print" href="javascript:window.print()">【打印本页】</a><a class="close" href="javascript:window.close()">【关闭窗口】</a>
    </div>
  </main>
</div>
"""


def _page_foot():
    return """<footer class="site-footer">
  <p><a href="/col/about.html">关于本网</a> | <a href="/col/map.html">网站地图</a> | <a href="/col/contact.html">联系我们</a></p>
  <p>主办单位：象山县人民政府办公室　承办单位：象山县大数据发展管理中心</p>
  <p>版权所有：象山县人民政府　地址：浙江省宁波市象山县丹东街道象山港路 联系电话：0574-65000000</p>
  <p>网站标识码：3302250000　<a href="https://beian.miit.gov.cn/">浙ICP备10000000号-1</a>　<a href="#">浙公网安备 33022502000000号</a></p>
</footer>
<script>
  (function () {
    var hits = document.getElementById("hits");
    if (hits) { hits.textContent = "1024"; }
    var links = document.querySelectorAll(".font-size a");
    for (var i = 0; i < links.length; i++) {
      links[i].onclick = function () {
        document.getElementById("zoom").style.fontSize = this.getAttribute("data-size") + "px";
        return false;
      };
    }
  })();
</script>
</body>
</html>
"""


def write_html(name, text, labels, path):
    """A saved government page: one <p> per source line (blank lines as empty <p>)."""
    title = html.escape(labels["title"])
    page = _page_head(title, labels) + _page_top() + _page_body(title, text, labels) + _page_foot()
    path.write_bytes(page.encode("utf-8"))


WRITERS = {"txt": write_txt, "gb18030": write_gb18030, "docx": write_docx, "html": write_html}


def build(out_dir=HERE):
    """Write every variant and manifest.json into out_dir; return the manifest."""
    manifest = []
    for name, formats in FORMATS.items():
        text, labels = read_source(name)
        for fmt in formats:
            file_name = name + SUFFIX[fmt]
            WRITERS[fmt](name, text, labels, out_dir / file_name)
            manifest.append({"file": file_name, "labels": f"sources/{name}.labels.json"})
    manifest.sort(key=lambda entry: entry["file"])
    (out_dir / "manifest.json").write_bytes(
        (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    return manifest


if __name__ == "__main__":
    for entry in build():
        print(entry["file"])
