"""The form checks a reviewer makes on a report's wording: template leftovers, misdated or
misnamed document titles, next year's plans written as this year's results, and counts that
contradict their own frequency. Titles and periods are data (data/titles.yaml)."""

from __future__ import annotations

import re
from functools import cache
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
YEAR_TOTAL = re.compile(r"(?:全年|年内|本年度|今年|共计?|累计)[^。;；\n]{0,16}?(?P<n>[0-9]+|[一二两三四五六七八九十]+)\s*(?:余|多)?\s*(?:次|期|场)")


@cache
def titles() -> dict:
    """The table of titles that must be cited as written (data/titles.yaml), read through the cache."""
    from evalkit.rubrics import load_data

    return load_data(Path(str(files("evalkit.default_plugins") / "data" / "titles.yaml")))


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
        *outdated_formulas(submission, text, lang),
        *plans_as_results(text, structure, lang),
        *frequency_contradictions(text, structure, lang),
    ]
