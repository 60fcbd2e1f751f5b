"""The standard checks of a report's form that a submission alone allows: the required
contents, the report's date, its citations, and impossible percentages."""

from __future__ import annotations

import datetime
import re
from functools import cache
from importlib.resources import files
from pathlib import Path

from evalkit import Finding, Severity, hookimpl, messages
from evalkit.default_plugins.rule_kinds import SECTION_TITLES
from evalkit.submission import SectionKind

REQUIRED = (SectionKind.MEASURES, SectionKind.SHORTCOMINGS, SectionKind.FIRST_RESPONSIBILITY, SectionKind.PLAN)


@cache
def superseded() -> dict:
    """The table of superseded and revised laws (data/superseded.yaml)."""
    return load_law_table(files("evalkit.default_plugins") / "data" / "superseded.yaml")


def load_law_table(path) -> dict:
    """A table of superseded and revised laws in data/superseded.yaml's shape.

    A plugin that knows more (a province's regulations, say) ships its own file and calls
    ``outdated_citations(submission, text, load_law_table(its_file))`` from its check_report.
    """
    from evalkit.rubrics import load_data

    table = load_data(Path(str(path)))
    return {"superseded": table.get("superseded", []), "revised": table.get("revised", [])}


def normalise_law(name: str) -> str:
    """A cited name without 《》, 中华人民共和国 or spaces; brackets and dashes made ASCII."""
    name = name.strip().strip("《》").replace(" ", "").translate(_ASCII)
    return name.removeprefix("中华人民共和国")


_ASCII = str.maketrans({"（": "(", "）": ")", "–": "-", "—": "-", "－": "-", "―": "-"})


def required_contents(submission) -> list[Finding]:
    found = {s.kind for s in submission.report.sections}
    if not found:
        return []
    return [
        Finding("required-content-missing", Severity.WARNING, messages.text("finding_content_missing", content=SECTION_TITLES[kind]))
        for kind in REQUIRED
        if kind not in found
    ]


def report_date(submission) -> list[Finding]:
    date = submission.report.date
    if not date:
        return [Finding("report-date-missing", Severity.WARNING, "报告未注明成文日期")]
    try:
        when = datetime.date.fromisoformat(date)
    except ValueError:
        return [Finding("report-date-invalid", Severity.ERROR, f"报告日期 {date} 不是有效的日期")]
    following = submission.year + 1
    if when < datetime.date(following, 1, 1):
        return [Finding("report-date-early", Severity.WARNING, messages.text("finding_date_early", date=date))]
    if when >= datetime.date(following, 4, 1):
        return [Finding("report-late", Severity.ERROR, f"报告日期 {date} 晚于 {following} 年 4 月 1 日的公开时限")]
    if when >= datetime.date(following, 3, 1):
        return [Finding("report-late-submission", Severity.WARNING, f"报告日期 {date} 晚于 {following} 年 3 月 1 日的报送时限")]
    return []


def outdated_citations(submission, text, laws: dict | None = None) -> list[Finding]:
    """A finding for each citation of a superseded or misnamed law in ``laws`` (default: ours)."""
    table = {normalise_law(row["cited"]): row for row in (laws or superseded())["superseded"]}
    findings = []
    for cited in submission.report.citations:
        row = table.get(normalise_law(cited))
        if row is not None and int(str(row["since"])[:4]) <= submission.year:  # still current in its own year
            note = messages.text("finding_superseded_note", note=row["note"]) if row.get("note") else ""
            message = messages.text("finding_superseded", cited=cited.strip(), note=note, current=row["current"], since=row["since"])
            line = text.count("\n", 0, text.find(cited)) + 1 if text and cited in text else None
            findings.append(Finding("outdated-citation", Severity.WARNING, message, line=line, quote=cited))
    return findings


def title_year(submission) -> list[Finding]:
    title = submission.report.title or ""
    years = {int(y) for y in re.findall(r"(20[0-9]{2})\s*年", title)}
    if years and submission.year not in years:
        return [Finding("title-year-mismatch", Severity.ERROR, f"报告标题中的年度与报告年度 {submission.year} 不符", quote=title)]
    return []


def percentages(submission, text) -> list[Finding]:
    if text is not None:
        return []  # the report's own figures are checked, all of them, by report_checks
    return [
        Finding("percent-over-100", Severity.ERROR, messages.text("finding_item_over_100", item=item.id, value=item.value), quote=item.evidence)
        for item in submission.items.values()
        if item.unit == "%" and not isinstance(item.value, (bool, str)) and item.value > 100
    ]


@hookimpl
def check_report(submission, text):
    return [
        *required_contents(submission),
        *report_date(submission),
        *title_year(submission),
        *outdated_citations(submission, text),
        *percentages(submission, text),
    ]
