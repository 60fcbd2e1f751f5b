"""The form checks a reviewer makes on a report's wording: template leftovers, misdated or
misnamed document titles, next year's plans written as this year's results, and counts that
contradict their own frequency. Titles and periods are data (data/titles.yaml), and so are the
names of the national laws (data/laws.yaml)."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from importlib.resources import files
from pathlib import Path

from evalkit import Finding, Severity, hookimpl, messages
from evalkit.default_plugins.checks import row_in
from evalkit.report.numerals import narrow, parse
from evalkit.submission import SectionKind

#: 王某某 is a person made anonymous, not a leftover; □ may be a glyph a reader could not map.
#: A blank where a count was to go stands between a word and its measure word ("信访 件。").
LEFTOVER = re.compile(
    r"20[XxＸｘ×]{2}|(?<![A-Za-z])[XxＸｘ×]{2,}(?![A-Za-z])|[＊*]{2,}|○{2,}|我镇街"
    r"|[\u4e00-\u9fff]{2}[ \u3000]+(?:件|次|人次|人|个|起|场|项|名|份|宗|条|家|万元|元)(?=[,，。;；、])"
)
PERIOD = r"\s*[(（]\s*(?P<a>[0-9]{4})\s*年?\s*[—–\-－~～至]+\s*(?P<b>[0-9]{4})\s*年?\s*[)）]"
AS_PLANNED = re.compile(r"每(?:年|季度?|个?月|半年|两个月|周)[^。;；\n]{0,20}(?:不少于|不低于)")
PER_YEAR = {"每周": 52, "每月": 12, "每个月": 12, "每两个月": 6, "每季度": 4, "每季": 4, "每半年": 2}
FREQUENCY = re.compile("|".join(sorted(PER_YEAR, key=len, reverse=True)))
SENTENCE_REACH = 200  #: how far after a frequency its year's count may stand
#: A title in 《》 that reads as a national law: a name ending in 法, optionally after 中华人民共和国
#: and before a bracketed year or 修订/修正 (《行政处罚法（2021年修订）》).
LAW_TITLE = re.compile(
    r"《\s*(?:中华人民共和国)?\s*(?P<name>[\u4e00-\u9fff]{1,40}?法)\s*"
    r"(?:[(（]\s*(?:[0-9]{4}\s*年?)?\s*(?:修订|修正)?\s*(?:版|本)?\s*[)）]|(?:[0-9]{4}\s*年?)?\s*(?:修订|修正)(?:版|本)?)?\s*》"
)
#: Words ending in 法 that are no law (办法, 说法, a township's 工作法 or 调解法), a law of another
#: country or a past age (美国宪法), and a local body's title (a province or a 市, 县 or 自治州 first).
NOT_A_LAW = re.compile(
    r"(?:[办方做想说看写手书算疗兵立执普学守用懂知讲违依尊释述非]|宪|工作|调解|治理|议事|化解|服务|宣讲)法$"
    r"|^(?:北京|天津|上海|重庆|河北|山西|内蒙古|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|广西"
    r"|海南|四川|贵州|云南|西藏|陕西|甘肃|青海|宁夏|新疆|香港|澳门|台湾|美国|英国|法国|德国|日本|俄罗斯|苏联|欧盟|罗马)"
    r"|^[\u4e00-\u9fff]{1,6}?(?<![城都])(?:省|市|县|自治区|自治州|自治县)"
)
SUGGEST_LIMIT = 50  #: names in one report given the law meant: a file of many costs bounded work
CLOSE, MARGIN = 0.8, 0.1  #: the law meant: this alike (difflib's ratio), and this much more than the next
YEAR_TOTAL = re.compile(r"(?:全年|年内|本年度|今年|共计?|累计)[^。;；\n]{0,16}?(?P<n>[0-9]+|[一二两三四五六七八九十]+)\s*(?:余|多)?\s*(?:次|期|场)")


@cache
def titles() -> dict:
    """The table of titles that must be cited as written (data/titles.yaml), read through the cache."""
    from evalkit.rubrics import load_data

    return load_data(Path(str(files("evalkit.default_plugins") / "data" / "titles.yaml")))


@cache
def laws() -> dict:
    """The names of the national laws (data/laws.yaml), read through the cache: those in force, and
    every name known (former laws and accepted short names too)."""
    from evalkit.rubrics import load_data

    table = load_data(Path(str(files("evalkit.default_plugins") / "data" / "laws.yaml")))
    return {"laws": tuple(table["laws"]), "known": frozenset({*table["laws"], *table["former"], *table["short"]})}


def _finding(code: str, severity: Severity, message: str, text: str, offset: int) -> Finding:
    from evalkit.default_plugins.report_checks import located

    return located(code, severity, message, text, offset)


def template_leftovers(text: str, lang: str = "zh") -> list[Finding]:
    """One finding for each placeholder left in (20XX, XX镇, ＊＊, 我镇街), once per spelling."""
    seen, findings = set(), []
    for match in LEFTOVER.finditer(text):
        if match.group() not in seen:
            seen.add(match.group())
            message = messages.text("finding_placeholder", lang, said=match.group())
            findings.append(_finding("template-leftover", Severity.WARNING, message, text, match.start()))
    return findings


def misdated_titles(text: str, lang: str = "zh") -> list[Finding]:
    """A plan or 纲要 cited with a period its title does not have."""
    findings, plain = [], narrow(text)
    for row in titles()["periods"]:
        allowed = {tuple(period) for period in row["periods"]}
        for match in re.finditer(f"(?:{row['pattern']})" + r"[》”\"]?" + PERIOD, plain):
            if (int(match["a"]), int(match["b"])) not in allowed:
                message = messages.text("finding_wrong_period", lang, said=match.group(), title=row_in(row, lang)["title"])
                findings.append(_finding("wrong-title", Severity.WARNING, message, text, match.start()))
    return findings


def misnamed_titles(text: str, lang: str = "zh") -> list[Finding]:
    """A document with one exact title cited otherwise, and law names that do not exist."""
    findings = []
    for row in titles()["exact"]:
        for match in re.finditer(row["pattern"], text):
            if match.group() != row["title"]:
                message = messages.text("finding_wrong_title", lang, said=match.group(), title=row_in(row, lang)["title"])
                findings.append(_finding("wrong-title", Severity.WARNING, message, text, match.start()))
    for row in titles()["misnamed"]:
        for match in re.finditer(f"《(?:中华人民共和国)?{re.escape(row['cited'])}》", text):
            key = "finding_wrong_law_name" if row["cited"].endswith("法") else "finding_wrong_title"  # a 规定 or 条例 is no law
            message = messages.text(key, lang, said=match.group(), title=row_in(row, lang)["title"])
            findings.append(_finding("wrong-title", Severity.WARNING, message, text, match.start()))
    return findings


def unknown_laws(text: str, lang: str = "zh") -> list[Finding]:
    """A title that reads as a national law but names none, once per name, with the law meant where
    one is clear. A misnamed law of titles.yaml and an outdated one of superseded.yaml have their own."""
    from evalkit.default_plugins.checks import normalise_law, superseded

    reported = {normalise_law(row["cited"]) for row in [*titles()["misnamed"], *superseded()["superseded"]]}
    seen, findings = set(), []
    for match in LAW_TITLE.finditer(text):
        name = match["name"]
        if name in seen or name in reported or _may_be_law(name):
            continue
        seen.add(name)
        meant = _meant(name) if len(seen) <= SUGGEST_LIMIT else None
        said = re.sub(r"\s+", "", match.group())
        if meant:
            message = messages.text("finding_no_such_law", lang, said=said, title=f"《中华人民共和国{meant}》")
        else:
            message = messages.text("finding_no_such_law_unsure", lang, said=said)
        findings.append(_finding("wrong-title", Severity.WARNING, message, text, match.start()))
    return findings


def _may_be_law(name: str) -> bool:
    """A law's name or short name (新 before it allowed), or no law's name at all: 办法, a local title."""
    known = laws()["known"]
    return name in known or name.removeprefix("新") in known or NOT_A_LAW.search(name) is not None


@lru_cache(maxsize=256)
def _meant(name: str) -> str | None:
    """The one law whose name is clearly closest to ``name`` (未成年人法 → 未成年人保护法), or None."""
    import difflib

    ranked = sorted(((difflib.SequenceMatcher(None, name, law).ratio(), law) for law in laws()["laws"]), reverse=True)
    (best, law), (second, _other) = ranked[0], ranked[1]
    return law if best >= CLOSE and best - second >= MARGIN else None


def outdated_formulas(submission, text: str, lang: str = "zh") -> list[Finding]:
    """A superseded 纲要's goal (廉洁高效、守法诚信) given as the year's aim."""
    findings = []
    for row in titles().get("formulas", []):
        at = text.find(row["old"])
        if at != -1 and submission.year >= row["since"]:
            message = messages.text("finding_old_goal", lang, old=row["old"], current=row_in(row, lang)["current"])
            findings.append(_finding("outdated-citation", Severity.WARNING, message, text, at))
    return findings


def plans_as_results(text: str, structure, lang: str = "zh") -> list[Finding]:
    """“每年…不少于” among the year's results: a rule or a plan, not what was done."""
    findings = []
    for match in AS_PLANNED.finditer(text):
        heading = structure.heading_at(match.start())
        if heading is not None and heading.kind is SectionKind.MEASURES:
            message = messages.text("finding_as_planned", lang, said=match.group())
            findings.append(_finding("plan-as-result", Severity.INFO, message, text, match.start()))
    return findings


def frequency_contradictions(text: str, structure, lang: str = "zh") -> list[Finding]:
    """A year's count below what its own frequency implies: 每季度 and 全年 2 次."""
    findings = []
    for match in FREQUENCY.finditer(text):
        heading = structure.heading_at(match.start())
        if heading is not None and heading.kind is SectionKind.PLAN:
            continue
        window = match.end() + SENTENCE_REACH  # bounded: a text of 每月 without a full stop costs linear work
        end = min((i for ch in "。;；\n" if (i := text.find(ch, match.end(), window)) != -1), default=min(window, len(text)))
        total = YEAR_TOTAL.search(text, match.end(), end)
        if total and parse(total["n"]) < PER_YEAR[match.group()]:
            message = messages.text("finding_too_few", lang, said=match.group(), least=PER_YEAR[match.group()], total=total.group().strip())
            findings.append(_finding("frequency-contradiction", Severity.WARNING, message, text, match.start()))
    return findings


@hookimpl
def check_report(submission, text, lang):
    if text is None:
        return []
    from evalkit.default_plugins.report_checks import read

    structure = read(text)[0]
    return [
        *template_leftovers(text, lang),
        *misdated_titles(text, lang),
        *misnamed_titles(text, lang),
        *unknown_laws(text, lang),
        *outdated_formulas(submission, text, lang),
        *plans_as_results(text, structure, lang),
        *frequency_contradictions(text, structure, lang),
    ]
