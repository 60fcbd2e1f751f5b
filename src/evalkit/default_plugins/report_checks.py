"""The standard checks that need the report's text: years, laws called new, coverage claims,
percentages and wording for the wrong level. Each finding names its section, line and quote."""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from evalkit import Finding, Severity, hookimpl, messages
from evalkit.default_plugins.checks import normalise_law, superseded
from evalkit.submission import SectionKind

NEW_LAW = re.compile(r"新施行|新修订|新修正|新颁布|新出台|新实施")
COVERAGE = re.compile(r"全覆盖|覆盖率|覆盖面")
OTHER_LEVELS = {
    "镇": r"依法治乡|(?:全|我|本)乡(?![镇村])|(?:全|我|本)街道|依法治街|(?<!城)乡域",
    "乡": r"依法治镇|(?<![乡城])(?:全|我|本)镇|(?<![乡城])镇域",
    "街道": r"依法治镇|依法治乡|(?<![乡城])(?:全|我|本)镇|(?:全|我|本)乡(?![镇村])|(?<!城)乡域|(?<![乡城])镇域",
}
SEVENTH_PLAN = re.compile(r"[“\"'‘「]?七五[”\"'’」]?\s*普法")


@lru_cache(maxsize=8)
def read(text: str):
    """The structure, the report's own figures and the years it speaks of: read once for every check."""
    from evalkit.report import figures
    from evalkit.report.extraction import report_figures
    from evalkit.report.structure import parse

    structure = parse(text)
    return structure, report_figures(text, structure), figures.years(text)


def located(code, severity, message, text, offset) -> Finding:
    """A finding with the section, line and sentence of ``offset`` in the report's text."""
    return _finding(code, severity, message, read(text)[0], text, offset)


def sentence_at(text: str, offset: int) -> str:
    from evalkit.report.extraction import sentence_at as around

    return around(text, offset)


def sentence_span(text: str, offset: int) -> tuple[int, int]:
    from evalkit.report.extraction import sentence_span as around

    return around(text, offset)


def _finding(code, severity, message, structure, text, offset) -> Finding:
    heading = structure.heading_at(offset)
    return Finding(code, severity, message, heading.title if heading else None, structure.line_of(offset), sentence_at(text, offset))


def year_mismatch(submission, text, lang: str = "zh") -> list[Finding]:
    structure, _found, mentions = read(text)
    findings, quoted = [], set()
    for offset, year in mentions:
        if structure.signature is not None and offset >= structure.signature:
            break  # the signing date is the following year by rule
        heading = structure.heading_at(offset)
        if year <= submission.year or heading is None or heading.kind not in (SectionKind.MEASURES, SectionKind.SHORTCOMINGS):
            continue
        quote = sentence_at(text, offset)
        if quote not in quoted:
            quoted.add(quote)
            message = messages.text("finding_measures_year", lang, year=submission.year, named=year)
            findings.append(_finding("year-mismatch", Severity.WARNING, message, structure, text, offset))
    return findings


def heading_years(submission, text, lang: str = "zh") -> list[Finding]:
    """A heading over this year's work that names another year: 一、2024年…情况 in the 2025 report."""
    structure, *_ = read(text)
    findings = []
    for heading in structure.headings:
        named = {int(y) for y in re.findall(r"((?:19|20)[0-9]{2})\s*年", heading.title)}
        if heading.kind is not SectionKind.PLAN and named and submission.year not in named:
            message = messages.text("finding_heading_year", lang, year=submission.year, heading=heading.title, named=messages.text("list_sep", lang).join(map(str, sorted(named))))
            findings.append(_finding("year-mismatch", Severity.WARNING, message, structure, text, heading.start))
    return findings


def stale_new_laws(submission, text, lang: str = "zh") -> list[Finding]:
    structure, *_ = read(text)
    revised = {normalise_law(row["name"]): row["since"] for row in superseded()["revised"]}
    findings = []
    for match in NEW_LAW.finditer(text):
        for cited in re.findall(r"《([^》]+)》", sentence_at(text, match.start())):
            since = revised.get(normalise_law(cited))
            if since and int(since[:4]) not in (submission.year, submission.year - 1):
                message = messages.text("finding_new_law", lang, law=normalise_law(cited), since=since, year=submission.year, said=match.group())
                findings.append(_finding("new-law-stale", Severity.WARNING, message, structure, text, match.start()))
    return findings


def seventh_plan(submission, text, lang: str = "zh") -> list[Finding]:
    structure, *_ = read(text)
    if submission.year < 2021:
        return []
    return [
        _finding("outdated-citation", Severity.WARNING, messages.text("finding_seventh_plan", lang), structure, text, m.start())
        for m in SEVENTH_PLAN.finditer(text)
    ][:1]


def claims_without_base(submission, text, lang: str = "zh") -> list[Finding]:
    structure, found, _ = read(text)
    findings = []
    starts = [f.start for f in found]
    for match in COVERAGE.finditer(text):
        start, end = sentence_span(text, match.start())
        first, last = bisect.bisect_left(starts, start), bisect.bisect_left(starts, min(end, start + 200))
        if not any(f.unit not in ("%", "") for f in found[first:last]):
            message = messages.text("finding_claim_without_base", lang)
            findings.append(_finding("claim-without-base", Severity.INFO, message, structure, text, match.start()))
    return findings


def percentages(submission, text, lang: str = "zh") -> list[Finding]:
    structure, found, _ = read(text)
    return [
        _finding("percent-over-100", Severity.ERROR, messages.text("finding_percent_over_100", lang, value=f.text), structure, text, f.start)
        for f in found
        if f.unit == "%" and f.value > 100
    ]


def long_numbers(submission, text, lang: str = "zh") -> list[Finding]:
    """Runs of thousands of digits: no figure is read from them, and the report says so."""
    from evalkit.report import figures

    structure, *_ = read(text)
    return [
        _finding("number-too-long", Severity.WARNING, messages.text("finding_number_too_long", lang, length=length), structure, text, offset)
        for offset, length in figures.long_numerals(text)
    ]


def wrong_level(submission, text, lang: str = "zh") -> list[Finding]:
    structure, *_ = read(text)
    level = submission.subject.level.value
    findings = []
    for match in re.finditer(OTHER_LEVELS[level], text):
        message = messages.text("finding_wrong_level", lang, level=messages.label(messages.LEVEL, level, lang), said=match.group())
        findings.append(_finding("wrong-level-wording", Severity.WARNING, message, structure, text, match.start()))
    return findings


@hookimpl
def check_report(submission, text, lang):
    if text is None:
        return []
    checks = (year_mismatch, heading_years, stale_new_laws, seventh_plan, claims_without_base, percentages, wrong_level, long_numbers)
    return [finding for check in checks for finding in check(submission, text, lang)]
