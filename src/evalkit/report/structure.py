"""A report's structure: title, township, year, signing unit and date, headings and citations.

Headings are found at every numbering style such reports use (一、 / 第一部分, (一), 一是, 1.,
(1)); the top-level ones are classified into the five required contents, and sub-headings
take their parent's kind unless their own words name 第一责任人 or 其他需要报告的情况.
"""

from __future__ import annotations

import bisect
import datetime
import re

import attrs

from evalkit.report import identity, page as page_
from evalkit.report.lines import line_of, line_starts
from evalkit.report.numerals import chinese, narrow
from evalkit.submission import SectionKind

CN_NUMBER = "一二三四五六七八九十"
STYLES = (
    (1, re.compile(rf"^[ \t\u3000]*(?:[{CN_NUMBER}]+、|第[{CN_NUMBER}]+部分)")),
    (2, re.compile(rf"^[ \t\u3000]*[(（][{CN_NUMBER}]+[)）]")),
    (3, re.compile(rf"^[ \t\u3000]*[{CN_NUMBER}]+是")),
    (4, re.compile(r"^[ \t\u3000]*[0-9０-９]+[.、．](?![0-9])")),
    (5, re.compile(r"^[ \t\u3000]*[(（][0-9０-９]+[)）]")),
)
KINDS = (
    (SectionKind.FIRST_RESPONSIBILITY, re.compile(r"第一责任人|主要负责人|一把手|履行.{0,12}职责")),
    (SectionKind.OTHER_MATTERS, re.compile(r"其他(需要)?(报告|说明)|其他(事项|情况)")),
    (SectionKind.SHORTCOMINGS, re.compile(r"存在(的)?(问题|不足)|不足|短板|差距|薄弱")),
    (SectionKind.PLAN, re.compile(r"下一步|下一年度|明年|今后|展望|安排|计划|打算|思路|设想")),
    (SectionKind.OTHER, re.compile(r"^.{0,8}(基本情况|概况)$")),
)
INHERITED_EXCEPTIONS = (SectionKind.FIRST_RESPONSIBILITY, SectionKind.OTHER_MATTERS)
TITLE_WORDS = re.compile(r"报告|总结|法治.{0,10}(?:建设|工作).{0,6}情况")
TITLE_LENGTH = 80  #: a longer line is a paragraph, never the title
TITLE_SEARCH = 20  #: the title is among the first lines with text
OPENING = 300  #: characters after the title in which the opening sentences say the year
DATE_LINE = re.compile(r"^[ \t\u3000]*(?P<y>[0-9０-９〇零一二三四五六七八九]{4})\s*年\s*(?P<m>[0-9０-９一二三四五六七八九十]{1,3})\s*月\s*(?P<d>[0-9０-９一二三四五六七八九十]{1,3})\s*日[ \t\u3000]*$")
CITATION = re.compile(r"《([^》\n]{2,60})》")


@attrs.frozen
class Heading:
    title: str
    kind: SectionKind
    rank: int  #: 1 for 一、, 2 for (一), 3 for 一是, 4 for 1., 5 for (1)
    line: int
    start: int  #: offset of the heading in the text


@attrs.frozen
class Structure:
    """What the report's form says about it."""

    title: str
    name: str | None
    level: str | None
    county: str | None
    year: int | None
    unit: str | None
    date: str | None
    headings: tuple[Heading, ...]
    citations: tuple[tuple[str, int], ...]  #: (the cited title with 《》, line)
    line_starts: tuple[int, ...]
    signature: int | None = None  #: offset where the signing unit and date begin
    name_from: str | None = None  #: where the name was found: title, header, page, signature, opening, text, file
    year_from: str | None = None  #: where the year was found: title, opening, signature, page, text, file
    page: page_.Page = page_.Page((), frozenset())  #: a published page's metadata and furniture lines

    def heading_at(self, offset: int) -> Heading | None:
        """The innermost heading an offset falls under."""
        index = bisect.bisect_right(self.headings, offset, key=lambda h: h.start) - 1
        return self.headings[index] if index >= 0 else None

    def line_of(self, offset: int) -> int:
        return line_of(self.line_starts, offset)

    def is_furniture(self, offset: int) -> bool:
        """Whether an offset falls on a page's metadata or furniture line."""
        return self.line_of(offset) - 1 in self.page.furniture


def parse(text: str, file_name: str | None = None) -> Structure:
    """The structure of a report's text; ``file_name`` is the last place a name or year is looked for."""
    lines = text.split("\n")
    starts = line_starts(text)
    title_line, title = _title(lines)
    page = page_.read(lines, title_line)
    unit, date, signature = _signature(lines, starts, page.furniture)
    opening = _opening(lines, title_line, page)
    header = "\n".join(lines[:title_line]) if title_line else ""
    found = _subject(text, title, header, page, unit, opening, file_name)
    year, year_from = identity.find_year(_year_candidates(title, opening, date, page), lambda: _years(text), file_name)
    return Structure(
        title=title,
        name=found.name,
        level=found.level,
        county=found.county,
        year=year,
        unit=unit,
        date=date,
        headings=tuple(_classify(_headings(lines, starts))),
        citations=tuple((f"《{m.group(1)}》", line_of(starts, m.start())) for m in CITATION.finditer(text)),
        line_starts=starts,
        signature=signature,
        name_from=found.name_from,
        year_from=year_from,
        page=page,
    )


def _title(lines: list[str]) -> tuple[int | None, str]:
    """The title line: a short line that names a report, among the first lines; never a paragraph."""
    filled = [n for n, line in enumerate(lines) if line.strip()][:TITLE_SEARCH]
    for number in filled:
        line = lines[number].strip()
        if len(line) <= TITLE_LENGTH and TITLE_WORDS.search(line) and not _not_a_title(line):
            return number, line
    first = lines[filled[0]].strip() if filled else ""
    named = re.match(rf"^[^。;；:：]{{4,{TITLE_LENGTH}}}?报告", first)
    return (filled[0], named.group()) if named else (None, "")


def _not_a_title(line: str) -> bool:
    return line.endswith(("。", ":", "：", ";", "；")) or any(p.match(line) for _rank, p in STYLES) or bool(page_.FIELD.match(line) or page_.FURNITURE.search(line))


def _opening(lines: list[str], title_line: int | None, page: page_.Page) -> str:
    """The first sentences after the title, outside page furniture and 《》 titles."""
    start = 0 if title_line is None else title_line + 1
    body = "\n".join(line for n, line in enumerate(lines[start:], start) if n not in page.furniture)
    return re.sub(r"《[^》\n]*》", "《》", body[:OPENING])


def _subject(text, title, header, page, unit, opening, file_name) -> identity.Subject:
    candidates = [("title", title), ("header", header), ("page", page.field("发布机构", "发文机关", "发布单位", "信息来源", "来源")), ("signature", unit), ("opening", opening)]
    name, level, county, name_from = identity.find_name(candidates, text, file_name)
    return identity.Subject(name, level, county, name_from=name_from)


def _year_candidates(title: str, opening: str, date: str | None, page: page_.Page) -> list[tuple[str, int | None]]:
    published = page.published()
    return [
        ("title", identity.title_year(title)),
        ("opening", identity.opening_year(opening)),
        ("signature", _year_before(int(date[:4]), int(date[5:7])) if date else None),
        ("page", _year_before(*published) if published else None),
    ]


def _year_before(year: int, month: int) -> int:
    """The year a report signed or published in (year, month) is about: the year before, unless written at its end."""
    return year if month >= 11 else year - 1


def _years(text: str) -> list[int]:
    from evalkit.report.figures import years

    return [year for _offset, year in years(text)]


def _signature(lines: list[str], starts, furniture: frozenset[int]) -> tuple[str | None, str | None, int | None]:
    """The signing unit, the date, and the offset where the signature begins (page furniture aside)."""
    tail = [n for n, line in enumerate(lines) if line.strip() and n not in furniture][-4:]
    for position in range(len(tail) - 1, -1, -1):
        match = DATE_LINE.match(lines[tail[position]].strip())
        if match:
            before = lines[tail[position - 1]].strip() if position > 0 else ""
            unit = before if before and len(before) <= 40 else None
            first = tail[position - 1] if unit else tail[position]
            return unit, _iso(match), starts[first]
    return None, None, None


def _iso(match: re.Match) -> str | None:
    def number(value: str) -> int:
        value = narrow(value)
        return int(value) if value.isdigit() else int(chinese(value))

    try:
        return datetime.date(number(match["y"]), number(match["m"]), number(match["d"])).isoformat()
    except ValueError:
        return None  # 4月31日 and the like: no date rather than a wrong one


def _headings(lines: list[str], starts) -> list[tuple[int, str, int, int]]:
    found = []
    for number, line in enumerate(lines):
        for rank, pattern in STYLES:
            if pattern.match(line):
                indent = len(line) - len(line.lstrip(" \t\u3000"))
                found.append((rank, _heading_title(line, rank), number + 1, starts[number] + indent))
                break
    return found


def _heading_title(line: str, rank: int) -> str:
    """The heading's words: up to the first full stop (for 一是 also the first comma)."""
    ends = "。;；:：" + (",，" if rank == 3 else "")
    line = line.strip()
    cut = next((i for i, ch in enumerate(line) if ch in ends), len(line))
    return line[:cut][:60]


def _classify(found) -> list[Heading]:
    headings, parents, seen_later = [], {}, False
    top = min((rank for rank, *_ in found), default=1)
    for rank, title, line, start in found:
        parent = next((parents[r] for r in range(rank - 1, 0, -1) if r in parents), None)
        if rank == top or parent is None:
            kind = _kind(title, KINDS) or (SectionKind.OTHER if seen_later else SectionKind.MEASURES)
            seen_later = seen_later or kind in (SectionKind.SHORTCOMINGS, SectionKind.PLAN)
        else:
            own = _kind(title, [k for k in KINDS if k[0] in INHERITED_EXCEPTIONS])
            kind = own or parent.kind
        heading = Heading(title, kind, rank, line, start)
        parents = {r: h for r, h in parents.items() if r < rank} | {rank: heading}
        headings.append(heading)
    return headings


def _kind(title: str, kinds) -> SectionKind | None:
    return next((name for name, pattern in kinds if pattern.search(title)), None)
