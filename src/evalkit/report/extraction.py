"""Turning a report's text into a draft submission: figures and phrases become items.

Each figure goes to the extractor whose pattern matches nearest to it in its clause; a
figure no extractor claims is listed as unmapped, so that a person can map it. Nothing is
dropped and nothing is guessed without saying so.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from functools import lru_cache

import attrs

from evalkit.messages import text as message
from evalkit.model import Finding, Severity
from evalkit.report import figures as figures_, identity
from evalkit.report.evidence import doubt
from evalkit.report.figures import Figure
from evalkit.report.lines import Marks
from evalkit.report.mapping import classify, shared_items
from evalkit.report.reader import Extractor
from evalkit.report.structure import Structure, parse

SENTENCE_END = re.compile("[。;；!！?？\n]")
SENTENCE_SCAN = 1000  #: a quoted sentence is cut to 200 characters, so no more than this is copied
UNKNOWN_YEAR = 2000  #: the year a report that names none is scored as, with a finding that says so
TIME_OR_CODE = re.compile(
    r"[0-9]{1,2}[:：][0-9]{2}(?:[:：][0-9]{2})?|[0-9]{9,}|[A-Za-z_/\-〔\[][0-9]+|[0-9]+[〕\]A-Za-z_/]"
    r"|(?<![0-9])[0-9]{3,5}(?=\s*(?:热线|平台|工单|便民服务|服务热线|接警|报警))"  # 12345热线: a number's name, not a count
    rf"|(?<![0-9.])(?:19|20)[0-9]{{2}}\.[01]?[0-9](?:\.[0-3]?[0-9])?(?![0-9%万亿]|\s*(?:{figures_.UNIT_RE}))"  # 2026.03.05: a date
)
LIMITS = {"title": 200, "unit": 100, "sections": 500, "citations": 500, "unmapped": 2000}  #: the submission schema's; more is left out and said
TEXT_LENGTH = 100  #: an unmapped figure's text is kept to this


@attrs.frozen
class Extraction:
    """What was read from a report."""

    structure: Structure
    mapped: tuple[tuple[Figure, str], ...]  #: (figure, item id)
    unmapped: tuple[Figure, ...]
    phrases: tuple[tuple[str, int, str], ...]  #: (item id, offset, quote)
    figures: tuple[Figure, ...]


def extract(text: str, extractors: Iterable[Extractor], file_name: str | None = None, items: Mapping | None = None) -> Extraction:
    """Find the structure, every figure and every phrase of a report.

    A figure goes to no item where it stands in the plan for next year, or where its value
    is not one the item's schema takes (``items``: the item specs by id). A figure stated for
    a list of nouns ("参考率、合格率均达100%") goes to the item of each.
    """
    extractors, items = list(extractors), items or {}
    structure = parse(text, file_name)
    found = report_figures(text, structure)
    mapped, unmapped, taken = [], [], set()
    for figure, item in classify(found, extractors, structure, items):
        fresh = [i for i in dict.fromkeys((item, *shared_items(figure, extractors, structure, items))) if i and i not in taken]
        taken.update(fresh)
        mapped += [(figure, i) for i in fresh]
        if not fresh:
            unmapped.append(figure)
    phrases = [p for e in extractors if e.phrase and e.item not in taken if (p := _phrase(text, e, structure)) is not None]
    return Extraction(structure, tuple(mapped), tuple(unmapped), tuple(phrases), tuple(found))


def report_figures(text: str, structure: Structure) -> list[Figure]:
    """The report's own figures: none from a page's furniture, a clock time or a document code."""
    covered = {at for m in TIME_OR_CODE.finditer(figures_.mask(text)) for at in range(*m.span())}
    return [f for f in figures_.find(text) if not structure.is_furniture(f.start) and f.start not in covered]


def _phrase(text: str, extractor: Extractor, structure: Structure) -> tuple[str, int, str] | None:
    """The first place the phrase stands in the report itself, not in a page's furniture."""
    match = next((m for m in re.finditer(extractor.pattern, text) if not structure.is_furniture(m.start())), None)
    return None if match is None else (extractor.item, match.start(), sentence_at(text, match.start()))


def sentence_at(text: str, offset: int) -> str:
    """The sentence around an offset, trimmed to 200 characters."""
    return text[slice(*sentence_span(text, offset))].strip()[:200]


def sentence_span(text: str, offset: int) -> tuple[int, int]:
    """Where the sentence around an offset begins and ends, at most SENTENCE_SCAN long."""
    marks = _sentence_ends(text)
    start, end = marks.last_before(offset) + 1, marks.next_from(offset)
    return start, min(end + 1, len(text), start + SENTENCE_SCAN)


@lru_cache(maxsize=8)
def _sentence_ends(text: str) -> Marks:
    return Marks(SENTENCE_END, text)


@attrs.frozen
class Given:
    """What the user says of a report (--township, --year), over what the report shows."""

    township: str | None = None
    year: int | None = None
    lang: str = "zh"  #: the language of the findings of reading it


def submission_document(
    extraction: Extraction, text: str, items: Mapping, name: str, given: Given = Given(), marks: Sequence = ()
) -> tuple[dict, tuple[Finding, ...]]:
    """A draft submission that validates, and the findings of reading it: never a refusal.

    What the report lacks (its township, its year) is taken from ``given`` or the file name,
    or scored under a stand-in with a finding that says how to supply it. A figure read by OCR
    (inside one of ``marks``, (start, end, confidence) spans) is marked ``needs_review`` with
    the lowest confidence of its characters; else a figure whose item's evidence is not
    around it is marked ``needs_review`` for its mapping (see report/evidence.py).
    """
    s, marks = extraction.structure, sorted(marks)
    subject, findings = _subject(s, given, name)
    year, year_findings = _year(s, given)
    report = {"title": s.title, **{k: v for k, v in (("date", s.date), ("unit", s.unit)) if v}}
    report["sections"] = [{"title": h.title[:500], "kind": h.kind.value} for h in s.headings[: LIMITS["sections"]]]
    report["citations"] = list(dict.fromkeys(c[:200] for c, _line in s.citations))[: LIMITS["citations"]]
    report["unmapped"] = [_unmapped(f, s, text) | _review(f, marks) for f in extraction.unmapped[: LIMITS["unmapped"]]]
    values = {item: _item(f, s, text, items.get(item)) | (_review(f, marks) or doubt(f, items.get(item), text)) for f, item in extraction.mapped}
    values |= {item: _practice(offset, quote, s) for item, offset, quote in extraction.phrases}
    cut = _fit(report, extraction, given.lang)
    doc = {"subject": subject, "year": year, "report": report, "items": dict(sorted(values.items()))}
    return doc, (*findings, *year_findings, *cut)


def _subject(s: Structure, given: Given, file_name: str) -> tuple[dict, list[Finding]]:
    name, level, county = s.name, s.level, s.county
    if given.township:
        named = identity.split_name(given.township)
        name, level, county = (named[0], named[1], named[2] or county) if named else (given.township, level, county)
    findings = []
    if s.name_from == "compound" and not given.township:
        findings.append(Finding("report-name-guessed", Severity.WARNING, message("report_name_guessed", given.lang, name=name)))
    if not name:
        name = re.sub(r"[\x00-\x1f\x7f]", "", identity.file_stem(file_name))[:64] or "未命名"
        findings.append(Finding("report-name-unknown", Severity.WARNING, message("report_name_unknown", given.lang, name=name)))
    if not level:
        level = "镇"
        findings.append(Finding("report-level-unknown", Severity.WARNING, message("report_level_unknown", given.lang)))
    return {"name": name, "level": level, **({"county": county[:64]} if county else {})}, findings


def _year(s: Structure, given: Given) -> tuple[int, list[Finding]]:
    if given.year:
        return given.year, []
    if s.year is None:
        return UNKNOWN_YEAR, [Finding("report-year-unknown", Severity.WARNING, message("report_year_unknown", given.lang, year=UNKNOWN_YEAR))]
    if s.year_from == "text":
        return s.year, [Finding("report-year-guessed", Severity.INFO, message("report_year_guessed", given.lang, year=s.year))]
    return s.year, []


def _fit(report: dict, extraction: Extraction, lang: str) -> list[Finding]:
    """Cut a title or unit longer than the submission schema allows, with a finding for each
    cut, and a finding for each list longer than the schema holds (see left_out)."""
    fields = [field for field in ("title", "unit") if len(report.get(field) or "") > LIMITS[field]]
    for field in fields:
        report[field] = report[field][: LIMITS[field]]
    fields += [what for what, _count, _limit in left_out(extraction)]
    return [
        Finding("report-field-cut", Severity.INFO, message("report_field_cut", lang, field=message(f"field_{field}", lang), limit=LIMITS[field]))
        for field in fields
    ]


def left_out(extraction: Extraction) -> list[tuple[str, int, int]]:
    """(what, how many, the limit) for each list of the report longer than the schema holds."""
    s = extraction.structure
    citations = {c[:200] for c, _line in s.citations}
    counts = {"sections": len(s.headings), "citations": len(citations), "unmapped": len(extraction.unmapped)}
    return [(what, count - LIMITS[what], LIMITS[what]) for what, count in counts.items() if count > LIMITS[what]]


def _source(structure: Structure, start: int, end: int) -> dict:
    heading = structure.heading_at(start)
    source = {"start": start, "end": end, "line": structure.line_of(start)}
    return ({"section": heading.title} | source) if heading else source


def _number(value: Decimal, spec) -> int | float:
    integral = value == value.to_integral_value()
    if spec is not None and spec.schema.get("type") == "integer" and integral:
        return int(value)
    return int(value) if integral else float(value)


def _item(figure: Figure, structure: Structure, text: str, spec) -> dict:
    item = {"value": _number(figure.value, spec), "unit": figure.unit or (spec.unit if spec else "") or ""}
    if figure.approximate:
        item |= {"approximate": True, "bound": figure.bound.value}
    item["evidence"] = sentence_at(text, figure.start)
    item["source"] = _source(structure, figure.start, figure.end)
    return {k: v for k, v in item.items() if v != ""}


def _review(figure: Figure, marks: Sequence) -> dict:
    """The OCR mark of a figure; ``marks`` are sorted and do not overlap, so bisection finds them."""
    at, confidences = bisect.bisect_right(marks, figure.start, key=lambda mark: mark[1]), []
    while at < len(marks) and marks[at][0] < figure.end:
        confidences.append(marks[at][2])
        at += 1
    return {"needs_review": {"reason": "ocr", "confidence": min(confidences)}} if confidences else {}


def _practice(offset: int, quote: str, structure: Structure) -> dict:
    return {"value": True, "evidence": quote, "source": _source(structure, offset, offset + 1)}


def _unmapped(figure: Figure, structure: Structure, text: str) -> dict:
    entry = {"text": figure.text[:TEXT_LENGTH], "value": _number(figure.value, None), "unit": figure.unit, "line": figure.line}
    heading = structure.heading_at(figure.start)
    if heading:
        entry["section"] = heading.title
    entry["quote"] = sentence_at(text, figure.start)
    return entry
