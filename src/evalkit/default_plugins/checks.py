"""The standard checks of a report's form that a submission alone allows: the required
contents, the report's date, its citations, and impossible percentages."""

from __future__ import annotations

import datetime
import re
from functools import cache
from importlib.resources import files
from pathlib import Path

from evalkit import Finding, Severity, hookimpl, messages
from evalkit.messages import SECTIONS, label
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


def required_contents(submission, lang: str = "zh") -> list[Finding]:
    found = {s.kind for s in submission.report.sections}
    if not found:
        return []
    return [
        Finding("required-content-missing", Severity.WARNING, messages.text("finding_content_missing", lang, content=label(SECTIONS, kind.value, lang)))
        for kind in REQUIRED
        if kind not in found
    ]


def report_date(submission, lang: str = "zh") -> list[Finding]:
    date = submission.report.date
    if not date:
        return [Finding("report-date-missing", Severity.WARNING, messages.text("finding_date_missing", lang))]
    try:
        when = datetime.date.fromisoformat(date)
    except ValueError:
        return [Finding("report-date-invalid", Severity.ERROR, messages.text("finding_date_invalid", lang, date=date))]
    following = submission.year + 1
    if when < datetime.date(following, 1, 1):
        return [Finding("report-date-early", Severity.WARNING, messages.text("finding_date_early", lang, date=date))]
    if when >= datetime.date(following, 4, 1):
        return [Finding("report-late", Severity.ERROR, messages.text("finding_report_late", lang, date=date, following=following))]
    if when >= datetime.date(following, 3, 1):
        return [Finding("report-late-submission", Severity.WARNING, messages.text("finding_report_late_submission", lang, date=date, following=following))]
    return []


def outdated_citations(submission, text, laws: dict | None = None, lang: str = "zh") -> list[Finding]:
    """A finding for each citation of a superseded or misnamed law in ``laws`` (default: ours);
    under "en", a row's ``en`` gives the English of its ``current`` and ``note``."""
    table = {normalise_law(row["cited"]): row for row in (laws or superseded())["superseded"]}
    findings = []
    for cited in submission.report.citations:
        row = table.get(normalise_law(cited))
        if row is not None and int(str(row["since"])[:4]) <= submission.year:  # still current in its own year
            row = row_in(row, lang)
            note = messages.text("finding_superseded_note", lang, note=row["note"]) if row.get("note") else ""
            message = messages.text("finding_superseded", lang, cited=cited.strip(), note=note, current=row["current"], since=row["since"])
            line = text.count("\n", 0, text.find(cited)) + 1 if text and cited in text else None
            findings.append(Finding("outdated-citation", Severity.WARNING, message, line=line, quote=cited))
    return findings


def title_year(submission, lang: str = "zh") -> list[Finding]:
    title = submission.report.title or ""
    years = {int(y) for y in re.findall(r"(20[0-9]{2})\s*年", title)}
    if years and submission.year not in years:
        return [Finding("title-year-mismatch", Severity.ERROR, messages.text("finding_title_year", lang, year=submission.year), quote=title)]
    return []


def percentages(submission, text, lang: str = "zh") -> list[Finding]:
    if text is not None:
        return []  # the report's own figures are checked, all of them, by report_checks
    return [
        Finding("percent-over-100", Severity.ERROR, messages.text("finding_item_over_100", lang, item=item.id, value=item.value), quote=item.evidence)
        for item in submission.items.values()
        if item.unit == "%" and not isinstance(item.value, (bool, str)) and item.value > 100
    ]


def row_in(row: dict, lang: str) -> dict:
    """A data table's row with the texts its ``en`` gives, under "en"."""
    return {**row, **row.get("en", {})} if lang == "en" else row


@hookimpl
def check_report(submission, text, lang):
    return [
        *required_contents(submission, lang),
        *report_date(submission, lang),
        *title_year(submission, lang),
        *outdated_citations(submission, text, lang=lang),
        *percentages(submission, text, lang),
    ]
