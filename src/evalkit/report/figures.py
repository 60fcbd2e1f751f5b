"""Finding every figure in a report's text: a numeral with its unit, qualifier and year.

A figure is a numeral (Arabic, full-width or Chinese, with 万/亿) followed by a unit word, or
a percentage. Years, dates, heading numbers, ordinals, anything inside “ ” or 《 》, and fixed
phrases such as 一村一法律顾问 are not figures. An Arabic number with no unit that is none of
those is still a figure, with an empty unit, so that no number is silently dropped.
"""

from __future__ import annotations

import bisect
import re
from decimal import Decimal

import attrs

from evalkit.report.lines import Marks, line_of, line_starts
from evalkit.report.numerals import narrow, parse
from evalkit.submission import Bound

UNITS = sorted(
    """分钟 分 人次 场次 批次 轮次 期次 件次 户次 家次 平方公里 公里 平方米 米 小时 课时 学时 个百分点 百分点 次 场 期 件 起 份 条 篇 人 名 位 个
    家 户 项 批 处 所 支 类 册 本 套 张 幅 块 元 天 亩 轮 堂 节 部 台 辆 宗 封 例 座 间 届 组 队 种 门""".split(),
    key=len,
    reverse=True,
)
UNIT_RE = "|".join(UNITS)
CN = "〇零一二两三四五六七八九十百千万亿"
NUMBER = rf"[0-9]+(?:,[0-9]{{3}})*(?:\.[0-9]+)?|[{CN}]+"

FIGURE = re.compile(
    rf"(?P<pre>超过|逾|近|约)?(?P<num>{NUMBER})(?P<q1>余|多)?(?P<mult>万|亿)?(?P<q2>余|多)?"
    rf"(?:(?P<unit>{UNIT_RE})|(?P<pct>%))?(?P<q3>以上|左右)?"
)
PERCENT_WORDS = re.compile(rf"(?P<pre>超过|逾|近|约)?百分之(?P<num>[{CN}]+(?:点[{CN}]+)?)(?P<q3>以上|左右)?")
MULTIPLIERS = {"万": 10_000, "亿": 100_000_000}
YEAR = re.compile(r"(?<![0-9.])((?:19|20)[0-9]{2})\s*年(?!\s*[—–\-~～至])")
RANGE_AFTER = re.compile(r"\s*[—–\-~～至到]\s*(?:[0-9]{2}|[" + CN + "])")

STOP_PHRASES = """一村一法律顾问 一村(社区)一法律顾问 一村一顾问 一站式 一岗双责 一支队伍 两个确立 两个维护 四个意识 四个自信
八五普法 七五普法 六五普法 二十大 十九大 十九届 二十届 一线 一体化 一系列 一致 一般 一定 一直 进一步 一起研究 统一 唯一
一些 一切 一方面 一律 一并 一同 万一 十分 一贯 一道 一揽子 一把手 一张网 一件事 一次性 一网通办 一网统管 最多跑一次
三项制度 三到位 法律七进 双下降 一事一议 一户一档 一案一档 一人一档 一中心四平台 千家万户 千方百计 一张蓝图
三改一拆 五水共治 三治融合 四治融合 一次都不跑 一件事一次办 一号工程 第一 一把 一手 一心 一体 一流 一带""".split()

QUOTES = {"“": "”", "《": "》", '"': '"', "「": "」", "‘": "’"}  #: opening mark: closing mark, on one line
OPENING = re.compile("[" + "".join(QUOTES) + "]")
HEADING_NUMBER = re.compile(
    r"^[ \t\u3000]*(?:[一二三四五六七八九十]+[、.]|[(（][一二三四五六七八九十0-9]+[)）]|[0-9]+[.、](?![0-9])"
    r"|第[一二三四五六七八九十]+(?:部分|章|节)|[一二三四五六七八九十]+是)",
    re.M,
)
ORDINAL_OR_DATE_BEFORE = re.compile(r"(?:第|(?<![每个])月|年|[—–\-~～])\s*$")  # 每月2场, 3个月2次: a period, not a date
DATE_AFTER = re.compile(r"\s*(?:年|月|日|号|时|点|周岁|岁)")
CLAUSE_END = re.compile(r"[,，。;；:：!！?？\n]")
SENTENCE_END = re.compile(r"[。;；!！?？\n]")
MAX_NUMERAL = 40  #: a numeral longer than this is no quantity a report states; see long_numerals
LONG_NUMERAL = re.compile(rf"[0-9,.]{{{MAX_NUMERAL + 1},}}|[{CN}]{{{MAX_NUMERAL + 1},}}")
CLAUSE_REACH = 120  #: at most this much of a clause is kept on each side of a figure
CONTEXT_REACH = 200  #: at most this much text before a figure's clause is kept as its context


@attrs.frozen
class Figure:
    """One figure as it stands in the report."""

    text: str  #: as written, from the numeral to the end of the unit
    value: Decimal
    unit: str
    approximate: bool
    bound: Bound | None
    start: int  #: offset of the numeral in the text
    end: int
    line: int
    before: str  #: the clause before the figure
    after: str  #: the rest of the clause after it
    year: int | None  #: the year the sentence speaks of, if it names one
    context: str = ""  #: the text before the clause: the sentence so far and the sentence before


@attrs.frozen
class _Page:
    """A text with what every figure looks up, each found once: reading stays linear."""

    text: str
    masked: str
    lines: tuple[int, ...]
    clauses: Marks
    sentences: Marks
    mentions: list[tuple[int, int]]
    mention_offsets: list[int]

    @classmethod
    def of(cls, text: str) -> _Page:
        masked = mask(text)
        mentions = _year_mentions(masked)
        marks = (Marks(CLAUSE_END, masked), Marks(SENTENCE_END, masked))
        return cls(text, masked, line_starts(text), *marks, mentions, [at for at, _year in mentions])


def quoted(text: str) -> list[tuple[int, int]]:
    """(start, end) of every quote and title closed on its own line, in one pass over the text."""
    spans, closes, at = [], {}, 0
    while (opening := OPENING.search(text, at)) is not None:
        start = opening.start()
        close = _next_at(text, QUOTES[opening.group()], start + 1, closes)
        if close < _next_at(text, "\n", start + 1, closes):
            spans.append((start, close + 1))
            at = close + 1
        else:
            at = start + 1
    return spans


def _next_at(text: str, mark: str, offset: int, cache: dict[str, int]) -> int:
    """The next ``mark`` at or after ``offset`` (or the text's length), remembered so that each
    stretch of text is searched once however many openings precede it."""
    known = cache.get(mark, -1)
    if known < offset:
        found = text.find(mark, offset)
        cache[mark] = known = len(text) if found == -1 else found
    return known


def mask(text: str) -> str:
    """The text with quotes, titles, fixed phrases and heading numbers blanked out."""
    chars = list(narrow(text))
    spans = [*quoted(text), *((m.start(), m.end()) for m in HEADING_NUMBER.finditer(text))]
    for start, end in spans:
        chars[start:end] = "□" * (end - start)
    masked = "".join(chars)
    for phrase in STOP_PHRASES:
        masked = masked.replace(phrase, "□" * len(phrase))
    return masked


def find(text: str) -> list[Figure]:
    """Every figure in ``text``, in text order."""
    page = _Page.of(text)
    found = [f for m in FIGURE.finditer(page.masked) if (f := _figure(page, m)) is not None]
    found += [_percent_words(page, m) for m in PERCENT_WORDS.finditer(page.masked)]
    return sorted(found, key=lambda f: f.start)


def _figure(page: _Page, match: re.Match) -> Figure | None:
    number, unit = match["num"], match["unit"] or ("%" if match["pct"] else "")
    start, end = match.start("num"), match.end("unit") if match["unit"] else match.end("pct") if match["pct"] else match.end("num")
    arabic = number[0].isdigit()
    if not unit and (not arabic or match["mult"] or match["q1"] or match["q2"]):
        return None  # a Chinese numeral without a unit is a word, not a quantity
    if (not arabic and number in ("万", "亿")) or len(number) > MAX_NUMERAL:
        return None
    masked = page.masked
    if unit == "分" and masked[end : end + 1] == "之":
        return None  # 百分之, 三分之一: a fraction, read as a percentage or not at all
    if ORDINAL_OR_DATE_BEFORE.search(masked[max(0, start - 2) : start]):
        return None
    if not unit and (DATE_AFTER.match(masked, end) or (len(number) == 4 and RANGE_AFTER.match(masked, end))):
        return None
    value = parse(number) * MULTIPLIERS.get(match["mult"], 1)
    bound = _bound(match["pre"], match["q1"] or match["q2"] or match["q3"])
    return _make(page, start, end, value, unit, bound)


def _percent_words(page: _Page, match: re.Match) -> Figure:
    whole, _, fraction = match["num"].partition("点")
    value = parse(whole) + (Decimal("0." + "".join(str(parse(ch)) for ch in fraction)) if fraction else 0)
    start, end = match.start("num") - 3, match.end("num")
    return _make(page, start, end, value, "%", _bound(match["pre"], match["q3"]))


def _bound(pre: str | None, post: str | None) -> Bound | None:
    if pre in ("超过", "逾") or post in ("余", "多", "以上"):
        return Bound.LOWER
    if pre == "近":
        return Bound.UPPER
    if pre == "约" or post == "左右":
        return Bound.ABOUT
    return None


def _make(page: _Page, start, end, value, unit, bound) -> Figure:
    clause_start = max(page.clauses.last_before(start) + 1, start - CLAUSE_REACH)
    clause_end = min(page.clauses.next_from(end), end + CLAUSE_REACH)
    return Figure(
        text=page.text[start:end],
        value=value,
        unit=unit,
        approximate=bound is not None,
        bound=bound,
        start=start,
        end=end,
        line=line_of(page.lines, start),
        before=page.text[clause_start:start],
        after=page.text[end:clause_end],
        year=_sentence_year(page, start),
        context=page.text[_context_start(page, clause_start) : clause_start],
    )


def _context_start(page: _Page, clause_start: int) -> int:
    """Where the sentence before the one that holds ``clause_start`` begins (within reach)."""
    sentence_start = page.sentences.last_before(clause_start) + 1
    previous = page.sentences.last_before(sentence_start - 1) + 1 if sentence_start else 0
    return max(previous, clause_start - CONTEXT_REACH)


def _sentence_year(page: _Page, offset: int) -> int | None:
    start, end = page.sentences.last_before(offset) + 1, page.sentences.next_from(offset)
    index = bisect.bisect_left(page.mention_offsets, start)
    if index < len(page.mentions) and page.mentions[index][0] < end:
        return page.mentions[index][1]
    return None


def _year_mentions(masked: str) -> list[tuple[int, int]]:
    """(offset, year) of every year spoken of, outside quotes, titles and ranges."""
    return [
        (m.start(), int(m.group(1)))
        for m in YEAR.finditer(masked)
        if not re.search(r"[—–\-~～至]\s*$", masked[max(0, m.start() - 2) : m.start()])
    ]


def long_numerals(text: str) -> list[tuple[int, int]]:
    """(offset, length) of every run of digits too long to be a figure: found, not read."""
    return [(m.start(), m.end() - m.start()) for m in LONG_NUMERAL.finditer(narrow(text))]


def years(text: str) -> list[tuple[int, int]]:
    """(offset, year) of every year the text speaks of, outside quotes, titles and ranges."""
    return _year_mentions(mask(text))
