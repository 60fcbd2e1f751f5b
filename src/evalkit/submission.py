"""A township's submission: the input of scoring, read from JSON/YAML or extracted from a report.

Documents enter through ``Submission.from_dict`` after JSON Schema validation.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import attrs


def as_tuple(value: Any) -> tuple:
    return tuple(value)


class Bound(str, enum.Enum):
    """Which way an approximate figure may be off."""

    LOWER = "lower"  #: at least the figure: 余、多、以上、超过、逾
    UPPER = "upper"  #: at most the figure: 近
    ABOUT = "about"  #: either way: 约、左右


class Level(str, enum.Enum):
    """The administrative level of a township-level unit."""

    TOWN = "镇"
    TOWNSHIP = "乡"
    SUBDISTRICT = "街道"


@attrs.frozen
class Span:
    """Where an item's evidence came from in the report."""

    section: str | None = None  #: the section's heading, e.g. "二、(一)"
    start: int | None = None  #: character offset in the report text
    end: int | None = None
    line: int | None = None

    @classmethod
    def from_dict(cls, doc: Mapping | None) -> Span | None:
        return None if doc is None else cls(doc.get("section"), doc.get("start"), doc.get("end"), doc.get("line"))

    def to_dict(self) -> dict:
        return {k: v for k, v in attrs.asdict(self).items() if v is not None}


@attrs.frozen
class Unconfirmed:
    """Why a figure awaits a person's confirmation: read by OCR, with what confidence (0–100),
    or put on its item with weak evidence (``mapping``), lacking what the item asks for."""

    reason: str
    confidence: int | None = None
    lacks: tuple[str, ...] = attrs.field(default=(), converter=tuple)

    @classmethod
    def from_dict(cls, doc: Mapping | None) -> Unconfirmed | None:
        return None if doc is None else cls(doc["reason"], doc.get("confidence"), doc.get("lacks", ()))

    def to_dict(self) -> dict:
        doc = {"reason": self.reason} | ({"confidence": self.confidence} if self.confidence is not None else {})
        return doc | ({"lacks": list(self.lacks)} if self.lacks else {})

    def said(self, lang: str = "zh") -> str:
        """What a person reads of it: “待核对：…” with the OCR confidence or what the mapping lacks."""
        from evalkit.messages import text

        if self.reason != "mapping":
            return text("ocr_review", lang, confidence=self.confidence)
        return text("mapping_review", lang, lacks=text("list_sep", lang).join(text(f"mapping_lacks_{what}", lang) for what in self.lacks))


@attrs.frozen
class Item:
    """One reported figure or practice of a submission."""

    id: str
    value: Any  #: a number, a boolean or a string, as the item's schema says
    unit: str | None = None
    approximate: bool = False  #: the figure carried 余/多/约/近/超过
    bound: Bound | None = attrs.field(default=None, converter=attrs.converters.optional(Bound))  #: for an approximate figure
    evidence: str | None = None  #: the quote from the report
    source: Span | None = None
    needs_review: Unconfirmed | None = None  #: read by OCR, or mapped with weak evidence, and not yet confirmed

    @classmethod
    def from_dict(cls, item_id: str, doc: Mapping) -> Item:
        value = doc.get("value")
        if isinstance(value, float):
            value = Decimal(str(value))
        get = doc.get
        return cls(item_id, value, get("unit"), get("approximate", False), get("bound"), get("evidence"), Span.from_dict(get("source")), Unconfirmed.from_dict(get("needs_review")))

    def to_dict(self) -> dict:
        doc: dict[str, Any] = {"value": _json_number(self.value)}
        if self.unit is not None:
            doc["unit"] = self.unit
        if self.approximate:
            doc["approximate"] = True
        if self.bound is not None:
            doc["bound"] = self.bound.value
        if self.evidence is not None:
            doc["evidence"] = self.evidence
        if self.source is not None:
            doc["source"] = self.source.to_dict()
        if self.needs_review is not None:
            doc["needs_review"] = self.needs_review.to_dict()
        return doc


def _json_number(value: Any) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


class SectionKind(str, enum.Enum):
    """What a section of the report holds: one of the five contents the 督察工作规定 requires, or other."""

    MEASURES = "measures"  #: 上一年度推进法治政府建设的主要举措和成效
    SHORTCOMINGS = "shortcomings"  #: 存在的不足和原因
    FIRST_RESPONSIBILITY = "first_responsibility"  #: 党政主要负责人履行推进法治建设第一责任人职责情况
    PLAN = "plan"  #: 下一年度推进法治政府建设的主要安排
    OTHER_MATTERS = "other_matters"  #: 其他需要报告的情况
    OTHER = "other"  #: none of them (基本情况 and the like)


@attrs.frozen
class Section:
    """A heading of the report, classified into one of the required contents."""

    title: str
    kind: SectionKind = attrs.field(converter=SectionKind)

    def to_dict(self) -> dict:
        return {"title": self.title, "kind": self.kind.value}


@attrs.frozen
class Report:
    """What a submission says about the report document itself."""

    title: str | None = None
    date: str | None = None  #: ISO date the report was signed or published
    unit: str | None = None  #: the signing unit
    sections: tuple[Section, ...] = attrs.field(default=(), converter=as_tuple)
    citations: tuple[str, ...] = attrs.field(default=(), converter=as_tuple)  #: laws cited, as written
    unmapped: tuple[Mapping, ...] = attrs.field(default=(), converter=as_tuple)  #: figures no item took

    @classmethod
    def from_dict(cls, doc: Mapping) -> Report:
        return cls(
            title=doc.get("title"),
            date=doc.get("date"),
            unit=doc.get("unit"),
            sections=(Section(s["title"], s["kind"]) for s in doc.get("sections", ())),
            citations=doc.get("citations", ()),
            unmapped=doc.get("unmapped", ()),
        )

    def to_dict(self) -> dict:
        doc: dict[str, Any] = {k: getattr(self, k) for k in ("title", "date", "unit") if getattr(self, k)}
        doc["sections"] = [s.to_dict() for s in self.sections]
        doc["citations"] = list(self.citations)
        if self.unmapped:
            doc["unmapped"] = [dict(u) for u in self.unmapped]
        return doc


@attrs.frozen
class Subject:
    """The township-level unit a submission reports on."""

    name: str
    level: Level
    county: str | None = None
    province: str | None = None

    def to_dict(self) -> dict:
        doc = {"name": self.name, "level": self.level.value}
        doc.update({k: getattr(self, k) for k in ("county", "province") if getattr(self, k)})
        return doc


@attrs.frozen
class Submission:
    """A township's data for one year: the input of scoring."""

    subject: Subject
    year: int
    report: Report
    items: Mapping[str, Item]

    @classmethod
    def from_dict(cls, doc: Mapping) -> Submission:
        """Build from a document that has passed the submission schema."""
        subject = doc["subject"]
        return cls(
            subject=Subject(
                name=subject["name"],
                level=Level(subject["level"]),
                county=subject.get("county"),
                province=subject.get("province"),
            ),
            year=int(doc["year"]),  # JSON Schema counts 2022.0 as an integer
            report=Report.from_dict(doc.get("report", {})),
            items={k: Item.from_dict(k, v) for k, v in sorted(doc.get("items", {}).items())},
        )

    def to_dict(self) -> dict:
        return {
            "subject": self.subject.to_dict(),
            "year": self.year,
            "report": self.report.to_dict(),
            "items": {k: self.items[k].to_dict() for k in sorted(self.items)},
        }

    def value(self, item_id: str) -> Any:
        """The item's value, or None when it was not reported."""
        item = self.items.get(item_id)
        return None if item is None else item.value
