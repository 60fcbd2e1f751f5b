"""What a published page wraps around a report: its metadata lines and its furniture.

A report copied from a government site (saved as .html, or its text pasted into a .txt)
opens with breadcrumbs, the site's name, 索引号, 发布机构, 来源 and 发布时间 lines, and
may carry 打印 / 关闭 / 扫一扫 lines. Those lines say who published the report and when;
they are never the report's own content, so no figure is read from them.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import attrs

FIELD_NAMES = (
    "索引号|信息索引号|发布机构|发文机关|发布单位|信息来源|来源|发布时间|发布日期|发文日期|成文日期|生成日期|公开日期|文号|发文字号"
    "|主题分类|体裁分类|组配分类|主题词|公开方式|公开范围|公开时限|有效性|作者|责任编辑|编辑|审核|浏览次数|浏览量|访问量|访问次数|点击数|点击量|阅读数|阅读量|字号|时间|日期"
)
FIELD = re.compile(
    rf"(?P<key>{FIELD_NAMES})\s*[:：]\s*(?P<value>[^\s:：|｜]*)"
    rf"|(?:^|[|｜\t])[ \u3000]*(?P<cell>{FIELD_NAMES})[ \u3000]*[|｜\t][ \u3000]*(?P<cell_value>[^|｜\t]*?)[ \u3000]*(?=[|｜\t]|$)"  # a table row: | 索引号 | … | or cells between tabs
)
FURNITURE = re.compile(
    r"^(?:当前位置|您当前的位置|你的位置|您的位置|首页\s*[>＞»/])|[>＞»]\s*(?:政务公开|信息公开|政府信息公开|法定主动公开|工作动态|通知公告)"
    r"|【\s*(?:打印|关闭|字体|大|中|小|收藏)|扫一扫|分享到|无障碍|简体\s*[|｜]\s*繁体|繁體|星期[一二三四五六日天]"
    r"|^(?:打印(?:本页)?|关闭(?:窗口)?|返回顶部|上一篇|下一篇|相关链接|主办单位|承办单位|网站标识码|ICP备)"
)
PUBLISHED = re.compile(r"(?P<y>20[0-9]{2})\s*[-/年.]\s*(?P<m>[0-9]{1,2})")


@attrs.frozen
class Page:
    """The metadata a page shows and the lines that are page furniture."""

    fields: tuple[tuple[str, str], ...]  #: (名称, value) of every metadata field, in order
    furniture: frozenset[int]  #: 0-based numbers of the lines that are metadata or furniture

    def field(self, *names: str) -> str | None:
        """The first non-empty value among fields named ``names``."""
        return next((value for key, value in self.fields if key in names and value), None)

    def published(self) -> tuple[int, int] | None:
        """(year, month) the page says it was published or written."""
        value = self.field("发布时间", "发布日期", "发文日期", "成文日期", "生成日期", "公开日期", "时间", "日期")
        match = PUBLISHED.match(value or "")
        return (int(match["y"]), int(match["m"])) if match else None


def read(lines: list[str], title_line: int | None) -> Page:
    """The page metadata and furniture among ``lines``; every line above the title is furniture."""
    fields, furniture = [], set(range(title_line or 0))
    for number, line in enumerate(lines):
        found = [(m["key"], m["value"]) if m["key"] else (m["cell"], m["cell_value"]) for m in FIELD.finditer(line)]
        if found and _is_field_line(line, found):
            fields += found
            furniture.add(number)
        elif FURNITURE.search(line) and len(line.strip()) < 80:
            furniture.add(number)
    return Page(tuple(fields), frozenset(furniture))


def _is_field_line(line: str, found: list[tuple[str, str]]) -> bool:
    """A metadata line opens with its field, or is short; a sentence naming 来源 is not one."""
    stripped = line.strip().lstrip("|｜ \t")
    return stripped.startswith(found[0][0]) or len(stripped) < 60


#: The <meta> names government sites carry (the 政府网站 page standard) and the field each fills.
META_FIELDS = {"contentsource": "来源", "pubdate": "发布时间", "firstpublishedtime": "发布时间", "author": "发布机构"}
INFO_LINE = re.compile(rf"^\s*(?:{FIELD_NAMES})\s*[:：]")
LABEL_CELL = re.compile(rf"^\s*(?P<key>{FIELD_NAMES})\s*[:：]?\s*$")  #: a label in a cell of its own, its value in the next
MAX_INFO_LINES = 50  #: a page's metadata block is short; a hostile page's is cut


class _Metadata(HTMLParser):
    """The page's <meta> fields and its metadata lines (索引号：…), wherever they stand."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.lines: dict[str, None] = {}  #: in page order, each once
        self.label: str | None = None  #: a field label whose value is the next text (<th>索引号</th><td>…</td>)

    def handle_starttag(self, tag, attrs):
        if tag == "meta":
            named = dict(attrs)
            key = META_FIELDS.get((named.get("name") or "").lower())
            if key and named.get("content") and key not in self.meta:
                self.meta[key] = " ".join(named["content"].split())[:100]

    def handle_data(self, data):
        line = " ".join(data.split())
        if not line or len(self.lines) >= MAX_INFO_LINES:
            return
        label, self.label = self.label, None
        if LABEL_CELL.match(line):
            self.label = LABEL_CELL.match(line)["key"]
        elif label and len(line) < 100:
            self.lines[f"{label}：{line}"] = None
        elif INFO_LINE.match(line) and len(line) < 120:
            self.lines[line] = None


def metadata_lines(html: str) -> list[str]:
    """Lines that say who published a page and when, to follow the report's text."""
    page = _Metadata()
    page.feed(html)
    page.close()
    own = [f"{key}：{value}" for key, value in page.meta.items()]
    return [*own, *page.lines]
