"""What a self-check is of: the township and year the report states, and where it states none,
the account's township (as the web store keeps it) and the report year the clerk picked.

The web never overrides the township or the year a report states: it supplies what the report
lacks, in place of the command line's stand-ins (the file name, the year 2000), with findings
worded for a page. The county of the account's township is the account's, so that its history
stays one township's (a report naming another county is told so).
Only when the clerk confirms that a report whose name was read otherwise is the account's own
(an OCR misreading, say) does the account's name replace the one read.
"""

from __future__ import annotations

import attrs

from evalkit.messages import text
from evalkit.model import Finding, Severity

#: The findings of reading a report that tell of --township or --year: rewritten for the web.
REWORDED = frozenset({"report-name-unknown", "report-name-guessed", "report-level-unknown", "report-year-unknown", "report-year-guessed"})


@attrs.frozen
class Identity:
    """The account's township, and what the clerk said on the page."""

    name: str
    county: str
    level: str
    year: int  #: the 报告年度 picked on the upload form
    own: bool = False  #: the clerk confirmed the report is the account's, whatever name was read


def apply(doc: dict, findings: tuple, who: Identity | None) -> tuple[dict, tuple]:
    """``doc`` (a submission document) with its township and year supplied where the report
    lacks them, and ``findings`` with those of reading it worded for the web."""
    if who is None:
        return doc, findings
    codes = {f.code for f in findings}
    subject, notes = _subject(doc["subject"], codes, who)
    year, year_notes = _year(doc["year"], codes, who)
    kept = tuple(f for f in findings if f.code not in REWORDED)
    return {**doc, "subject": subject, "year": year}, (*kept, *notes, *year_notes)


def _note(code: str, key: str, severity: Severity = Severity.WARNING, **params) -> Finding:
    return Finding(code, severity, text(key, **params))


def _subject(subject: dict, codes: set[str], who: Identity) -> tuple[dict, list[Finding]]:
    found = subject["name"]
    if who.own and found != who.name:
        notes = [_note("web-name-own", "web_name_own", name=who.name, found=found)]
    elif "report-name-unknown" in codes:
        notes = [_note("web-name-account", "web_name_account", name=who.name)]
    elif found != who.name:  # another township's report, or a name misread: the page says so and offers the account's
        guessed = [_note("report-name-guessed", "web_name_guessed", name=found)] if "report-name-guessed" in codes else []
        level = [_note("report-level-unknown", "web_level_unknown")] if "report-level-unknown" in codes else []
        return subject, guessed + level
    else:
        notes = []
    county = who.county or subject.get("county")  # the account's township is what is submitted
    if county and not subject.get("county"):
        notes.append(_note("web-county-account", "web_county_account", Severity.INFO, county=county))
    elif subject.get("county") and subject["county"] != county:
        notes.append(_note("web-county-differs", "web_county_differs", county=subject["county"], account=county))
    level = who.level if "report-level-unknown" in codes or found != who.name else subject["level"]
    return {"name": who.name, "level": level, **({"county": county} if county else {})}, notes


def _year(year: int, codes: set[str], who: Identity) -> tuple[int, list[Finding]]:
    """The year the report states; the picked one when it states none (a year guessed from the text is not stated)."""
    if codes & {"report-year-unknown", "report-year-guessed"}:
        return who.year, [_note("web-year-picked", "web_year_picked", year=who.year)]
    if year != who.year:
        return year, [_note("web-year-differs", "web_year_differs", year=year, picked=who.year)]
    return year, []
