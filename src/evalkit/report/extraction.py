"""Turning a report's text into a draft submission: figures and phrases become items.

Each figure goes to the extractor whose pattern matches nearest to it in its clause; a
figure no extractor claims is listed as unmapped, so that a person can map it. Nothing is
dropped and nothing is guessed without saying so.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from decimal import Decimal
from functools import lru_cache

import attrs

from evalkit.errors import InputError
from evalkit.report import figures as figures_
from evalkit.report.figures import Figure
from evalkit.report.lines import Marks
from evalkit.report.reader import Extractor
from evalkit.report.structure import Structure, parse

SENTENCE_END = re.compile("[。;；!！?？\n]")
SENTENCE_SCAN = 1000  #: a quoted sentence is cut to 200 characters, so no more than this is copied
LIMITS = {"sections": 500, "citations": 500, "unmapped": 2000}  #: the submission schema's; more is left out and said
TITLE_LENGTH, TEXT_LENGTH = 200, 100
AFTER_REACH = 8  #: how far after a figure its noun may stand ("35件合法性审查"), not the next list entry


@attrs.frozen
class Extraction:
    """What was read from a report."""

    structure: Structure
    mapped: tuple[tuple[Figure, str], ...]  #: (figure, item id)
    unmapped: tuple[Figure, ...]
    phrases: tuple[tuple[str, int, str], ...]  #: (item id, offset, quote)
    figures: tuple[Figure, ...]


def extract(text: str, extractors: Iterable[Extractor]) -> Extraction:
    """Find the structure, every figure and every phrase of a report."""
    extractors = list(extractors)
    structure, found = parse(text), figures_.find(text)
    numeric = [e for e in extractors if not e.phrase]
    mapped, unmapped, taken = [], [], set()
    for figure in found:
        best = _best(figure, numeric)
        if best is not None and best.item not in taken:
            taken.add(best.item)
            mapped.append((figure, best.item))
        else:
            unmapped.append(figure)
    phrases = [p for e in extractors if e.phrase and e.item not in taken if (p := _phrase(text, e)) is not None]
    return Extraction(structure, tuple(mapped), tuple(unmapped), tuple(phrases), tuple(found))


def _best(figure: Figure, extractors: list[Extractor]) -> Extractor | None:
    """The extractor whose pattern stands nearest the figure: before it first, then after."""
    ranked = []
    for order, extractor in enumerate(extractors):
        if extractor.units and figure.unit not in extractor.units:
            continue
        before = [m.end() for m in re.finditer(extractor.pattern, figure.before)]
        after = re.search(extractor.pattern, figure.after[:AFTER_REACH])
        if before:
            ranked.append(((0, len(figure.before) - before[-1], order), extractor))
        elif after:
            ranked.append(((1, after.start(), order), extractor))
    return min(ranked, key=lambda pair: pair[0])[1] if ranked else None


def _phrase(text: str, extractor: Extractor) -> tuple[str, int, str] | None:
    match = re.search(extractor.pattern, text)
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


def submission_document(extraction: Extraction, text: str, items: Mapping, name: str) -> dict:
    """A draft submission that validates, with the unmapped figures listed in its report."""
    s = extraction.structure
    if not s.name or not s.level:
        raise InputError("report_no_subject", file=name)
    year = s.year or (int(s.date[:4]) - 1 if s.date else None)
    if year is None:
        raise InputError("report_no_year", file=name)
    subject = {"name": s.name, "level": s.level, **({"county": s.county} if s.county else {})}
    report = {"title": s.title[:TITLE_LENGTH], **{k: v for k, v in (("date", s.date), ("unit", s.unit)) if v}}
    report["sections"] = [{"title": h.title, "kind": h.kind} for h in s.headings[: LIMITS["sections"]]]
    report["citations"] = list(dict.fromkeys(c for c, _line in s.citations))[: LIMITS["citations"]]
    report["unmapped"] = [_unmapped(f, s, text) for f in extraction.unmapped[: LIMITS["unmapped"]]]
    values = {item: _item(f, s, text, items.get(item)) for f, item in extraction.mapped}
    values |= {item: _practice(offset, quote, s) for item, offset, quote in extraction.phrases}
    return {"subject": subject, "year": year, "report": report, "items": dict(sorted(values.items()))}


def left_out(extraction: Extraction) -> list[tuple[str, int, int]]:
    """(what, how many, the limit) for each list of the report longer than the schema holds."""
    s = extraction.structure
    counts = {"sections": len(s.headings), "citations": len({c for c, _line in s.citations}), "unmapped": len(extraction.unmapped)}
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
        item |= {"approximate": True, "bound": figure.bound}
    item["evidence"] = sentence_at(text, figure.start)
    item["source"] = _source(structure, figure.start, figure.end)
    return {k: v for k, v in item.items() if v != ""}


def _practice(offset: int, quote: str, structure: Structure) -> dict:
    return {"value": True, "evidence": quote, "source": _source(structure, offset, offset + 1)}


def _unmapped(figure: Figure, structure: Structure, text: str) -> dict:
    entry = {"text": figure.text[:TEXT_LENGTH], "value": _number(figure.value, None), "unit": figure.unit, "line": figure.line}
    heading = structure.heading_at(figure.start)
    if heading:
        entry["section"] = heading.title
    entry["quote"] = sentence_at(text, figure.start)
    return entry
