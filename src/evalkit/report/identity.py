"""Who a report is by and which year it is about, from wherever the report shows it.

Reports as published rarely open with the title the rules ask for: a page copy starts with
breadcrumbs and 索引号 lines, a letter starts with its addressee, an excerpt starts at
"一、". So the township is looked for in turn in the title, the page's 发布机构 / 来源, the
signing unit (落款), the unit named in the text (XX镇人民政府, XX街道办事处) and the file
name; its level, failing those, from how the text speaks of itself (我镇, 全街道). The year
comes from the title, the opening sentences, the signing date, the page's publication
date, the years the text speaks of most, and the file name.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

import attrs

from evalkit.report.numerals import narrow

NAME = re.compile(r"(?P<core>[\u4e00-\u9fff]{2,8}?)(?P<level>街道|镇|乡)(?=人民政府|政府|办事处|党委|党工委|委员会|委|人大|关于|法治|依法治|年度|[0-9]{4}|$)")
#: UNIT, OPENING_NAME and COMPOUND are fallbacks for a report that does not name its township
#: earlier, so they are left as text for ``re`` to compile (and keep) when first used: each
#: class of Chinese characters costs ~1 ms to compile (docs/performance.md).
UNIT = r"(?P<core>[\u4e00-\u9fff]{2,6}?)(?P<level>街道|镇|乡)(?P<unit>人民政府|办事处|党委|党工委|政府|委)"
COUNTY_CUT = re.compile(r"^(?:.*?[省])?(?:.*?市(?!镇))?(?P<county>[\u4e00-\u9fff]{1,6}?(?:县|区|旗|市))?(?P<rest>.*)$")
LEADING_WORDS = re.compile(r"^.*(?:现将|现就|关于|中共|根据|按照|我们|今年|年度|年来|以来|全年|政府|委员会|办公室|党委|纳入|列入|融入|深入|进入|走进|推进|推动|促进|带动|结合|围绕|立足|依托|聚焦|对照|完善|调整|充实|健全|加强|建立|以及|完成|开展|召开|参加|听取|提请|报送|组织|成立|建成|撤销|设立|指导|配合|协助|发挥|落实|履行|贯彻|强化|深化|提升|压实|[0-9])")
LEADING_CHAR = re.compile(r"^[将对在由为是与和及的把向从年](?=[\u4e00-\u9fff]{2})")
NOT_A_NAME = re.compile(r"[各全我本该每这此其的]|[城镇]乡$|依法治|^[一二三四五六七八九十]+是")  # 二是: an enumerator, not a name
PLACE_BEFORE_LEVEL = re.compile("乡$")  #: 乡镇 is the word for townships; a 街道 may be named 西乡
SELF_LEVEL = {"镇": r"[我全本]镇(?![村街])", "乡": r"[我全本]乡(?![镇村])", "街道": r"[我全本]街道|[我全本]街(?![道镇头巷区面])"}
OPENING_YEAR = re.compile(r"((?:19|20)[0-9]{2})\s*年(?:度)?(?:以来|,|，|全年|是|里|中|我|本|全|在|[\u4e00-\u9fff]{1,10}?(?:镇|乡|街道))")
#: What a unit's name also stands before as part of a compound noun (XX街道幼儿园, XX镇卫生院).
COMPOUND_NOUN = r"[\u4e00-\u9fff]{0,2}(?:幼儿园|学校|小学|中学|卫生院|卫生服务中心|社区|文化站|派出所|便民服务中心|市场|医院)"
OPENING_NAME = rf"(?:^|[,，。:：\s]|年度?|以来)(?P<core>[\u4e00-\u9fff]{{2,5}}?)(?P<level>街道|街(?![道街])|镇|乡)(?![村镇政府人党办委域])(?!{COMPOUND_NOUN})"
OPENING_CORE = 5  #: an opening sentence's subject stands whole after its comma: 杰勒阿尕什镇 (transliterated names run long)
#: A 街道 written 街 in the text (《黄石街2020年…要点》): taken only where the text speaks of itself as 我街/全街道.
STREET = r"(?P<core>[\u4e00-\u9fff]{2,4}?)(?P<level>街)(?=[0-9]{4}|依法治|“|关于|党工委|办事处)"
#: A 街道 named only inside a compound noun: a guess, used last and reported as one.
COMPOUND = rf"(?P<core>[\u4e00-\u9fff]{{2,4}}?)(?P<level>街道)(?={COMPOUND_NOUN})"
FILE_YEAR = re.compile(r"(?<![0-9])(20[0-9]{2})(?![0-9])")


@attrs.frozen
class Subject:
    """The township's name, level and county, and where the name was found."""

    name: str | None = None
    level: str | None = None
    county: str | None = None
    name_from: str | None = None  #: title, header, page, signature, opening, text, file, compound (a guess)


def find_name(candidates: list[tuple[str, str | None]], body: str, file_name: str | None) -> tuple[str | None, str | None, str | None, str | None]:
    """(name, level, county, where) from the first candidate naming a township, else the text, else the file."""
    for source, value in candidates:
        found = (source == "opening" and _name_in(value or "", OPENING_NAME, OPENING_CORE)) or _name_in(value or "")
        if found:
            return (*found[:2], found[2] or _county(found[0], candidates), source)
    found = _most_named(body)
    if found:
        return (*found, "text")
    found = next(filter(None, map(_name_in, re.findall(r"[\u4e00-\u9fff]+", file_stem(file_name)))), None)
    if found:
        return (*found, "file")
    found = _self_level(body) == "街道" and _name_in(body, COMPOUND)
    if found:
        return (*found, "compound")
    return None, _self_level(body), None, None


def _county(name: str, candidates: list[tuple[str, str | None]]) -> str | None:
    """The county another place (the 落款, say) names before the same township."""
    named = (_name_in(value or "") for _source, value in candidates)
    return next((n[2] for n in named if n and n[0] == name and n[2]), None)


def _name_in(value: str, pattern: re.Pattern | str = NAME, keep: int = 4) -> tuple[str, str, str | None] | None:
    for match in re.finditer(pattern, value):
        named = _clean(value[: match.start("core")], match["core"], match["level"], keep)
        if named:
            return named
    return None


def _clean(before: str, core: str, level: str, keep: int = 4) -> tuple[str, str, str | None] | None:
    """The name without the words and the county that stand before it (never across a line break)."""
    before = re.search(r"[\u4e00-\u9fff]{0,8}\Z", before).group()
    words = LEADING_CHAR.sub("", LEADING_WORDS.sub("", before + core))
    cut = COUNTY_CUT.match(words)
    if cut and len(cut["rest"]) < 2:  # 插旗镇, 新区镇: the name itself ends in 旗 or 区, not a county before it
        cut = None
    rest = cut["rest"] if cut else words
    county, rest = (cut["county"] if cut else None), rest[-7:] if rest.endswith("族") else rest[-keep:]  # 罗子山瑶族乡
    if len(rest) < 2 or NOT_A_NAME.search(rest) or (level != "街道" and PLACE_BEFORE_LEVEL.search(rest)):
        return None
    return rest + level, "街道" if level == "街" else level, county


def _most_named(body: str) -> tuple[str, str, str | None] | None:
    """The township whose government the text names most often (XX镇人民政府), failing that the one
    it names most before 法治, 依法治 or 年度 (成立XX镇法治政府建设工作领导小组), failing that, in a text
    that speaks of itself as a 街道, the 街 it names most before a year or a title (《XX街2020年…》)."""
    return _most_common(body, UNIT) or _most_common(body, NAME) or (_self_level(body) == "街道" and _most_common(body, STREET)) or None


def _most_common(body: str, pattern: re.Pattern | str) -> tuple[str, str, str | None] | None:
    counts = Counter()
    for match in re.finditer(pattern, body):
        named = _clean(body[max(0, match.start() - 8) : match.start("core")], match["core"], match["level"])
        if named:
            counts[named] += 1
    return counts.most_common(1)[0][0] if counts else None


def split_name(value: str) -> tuple[str, str, str | None] | None:
    """(name, level, county) of a name given in full, such as 象山县贤庠镇."""
    return _name_in(value.strip())


def _self_level(body: str) -> str | None:
    counts = {level: len(re.findall(pattern, body)) for level, pattern in SELF_LEVEL.items()}
    best = max(counts, key=lambda level: (counts[level], level == "镇"))
    return best if counts[best] else None


def file_stem(file_name: str | None) -> str:
    """A file's name without its folder and suffix."""
    if not file_name:
        return ""
    return re.split(r"[\\/]", file_name)[-1].rsplit(".", 1)[0]


def find_year(candidates: list[tuple[str, int | None]], spoken: Callable[[], list[int]], file_name: str | None) -> tuple[int | None, str | None]:
    """The report year from the first candidate that has one, else the year most ``spoken`` of, else the file name."""
    for source, year in candidates:
        if year is not None and 2000 <= year <= 2100:
            return year, source
    mentions = spoken()  # read only when nothing better says the year
    if mentions:
        counts = Counter(mentions)
        return max(counts, key=lambda y: (counts[y], y)), "text"
    found = FILE_YEAR.search(file_stem(file_name))
    return (int(found.group(1)), "file") if found else (None, None)


def opening_year(opening: str) -> int | None:
    """The year the opening sentences speak of: "2023年,XX镇…" or "2023年以来"."""
    match = OPENING_YEAR.search(narrow(opening))
    return int(match.group(1)) if match else None


def title_year(title: str) -> int | None:
    match = re.search(r"((?:19|20)[0-9]{2})\s*年", narrow(title))
    return int(match.group(1)) if match else None
