"""The output of scoring: results, gaps and the scorecard, with their JSON round trip."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import attrs

from evalkit.model import Finding, Kind, Review, Severity, Status, _decimal, as_tuple
from evalkit.points import number, quantize
from evalkit.rectification import Item, Rectification
from evalkit.submission import Level, Subject

SCHEMA_VERSION = "1"


def display(value: Decimal) -> str:
    """Points as a person reads them: 62.5, 60, 12.35."""
    value = quantize(value)
    return f"{value.normalize():f}" if value != value.to_integral_value() else str(int(value))


def coverage_text(card) -> str:
    """Coverage as every output shows it: a percentage to one place."""
    return f"{(card.coverage * 100).quantize(Decimal('0.1'), rounding=ROUND_HALF_UP)}%"


@attrs.frozen
class Reported:
    """A figure the submission reports, shown as reported whether or not a criterion scores it."""

    item: str
    title: str
    value: int | float
    unit: str = ""
    approximate: bool = False
    scored: bool = True  #: False for an informational item that no criterion uses

    def to_dict(self) -> dict:
        return attrs.asdict(self)


@attrs.frozen
class Original:
    """The machine's result, kept beside a reviewer's."""

    status: Status
    points: Decimal = attrs.field(converter=_decimal)
    reason: str = ""


@attrs.frozen
class Result:
    """How one criterion scored."""

    criterion: str
    title: str
    category: str
    kind: Kind
    status: Status
    points: Decimal  #: earned; negative for a deduction
    max: Decimal
    reason: str = ""
    evidence: tuple[str, ...] = attrs.field(default=(), converter=as_tuple)
    plugin: str | None = None
    original: Original | None = None

    def to_dict(self) -> dict:
        doc = {
            "criterion": self.criterion,
            "title": self.title,
            "category": self.category,
            "kind": self.kind._value_,  # _value_: the member's value without the property's cost
            "status": self.status._value_,
            "points": number(self.points),
            "max": number(self.max),
            "reason": self.reason,
            "evidence": list(self.evidence),
        }
        if self.plugin:
            doc["plugin"] = self.plugin
        if self.original is not None:
            doc["original"] = {
                "status": self.original.status.value,
                "points": number(self.original.points),
                "reason": self.original.reason,
            }
        return doc

    @classmethod
    def from_dict(cls, doc: Mapping) -> Result:
        original = doc.get("original")
        return cls(
            criterion=doc["criterion"],
            title=doc["title"],
            category=doc["category"],
            kind=Kind(doc["kind"]),
            status=Status(doc["status"]),
            points=_decimal(doc["points"]),
            max=_decimal(doc["max"]),
            reason=doc["reason"],
            evidence=doc["evidence"],
            plugin=doc.get("plugin"),
            original=None if original is None else Original(Status(original["status"]), original["points"], original.get("reason", "")),
        )


@attrs.frozen
class Gap:
    """A criterion that lost points, is missing, needs review or failed."""

    criterion: str
    title: str
    category: str
    kind: Kind
    status: Status
    points_lost: Decimal
    pending: Decimal  #: points awaiting a reviewer
    reason: str
    remediation: str
    basis: str
    repeat: Rectification | None = None  #: 未整改 or 连续两年未整改 when last year's gap repeats

    def to_dict(self) -> dict:
        doc = {
            "criterion": self.criterion, "title": self.title, "category": self.category, "kind": self.kind._value_,
            "status": self.status._value_, "points_lost": number(self.points_lost), "pending": number(self.pending),
            "reason": self.reason, "remediation": self.remediation, "basis": self.basis,
        }
        if self.repeat is not None:
            doc["repeat"] = self.repeat.value
        return doc

    @classmethod
    def from_dict(cls, doc: Mapping) -> Gap:
        numbers = {"points_lost": _decimal(doc["points_lost"]), "pending": _decimal(doc["pending"])}
        repeat = Rectification(doc["repeat"]) if doc.get("repeat") else None
        return cls(**{**doc, **numbers, "kind": Kind(doc["kind"]), "status": Status(doc["status"]), "repeat": repeat})


@attrs.frozen
class CategoryScore:
    id: str
    title: str
    score: Decimal = attrs.field(converter=_decimal)
    max: Decimal = attrs.field(converter=_decimal)

    def to_dict(self) -> dict:
        return {"id": self.id, "title": self.title, "score": number(self.score), "max": number(self.max)}


@attrs.frozen
class Scorecard:
    """Everything scoring found for one submission, and how it was scored."""

    meta: Mapping[str, Any]
    subject: Subject
    year: int
    total: Decimal = attrs.field(converter=_decimal)
    max: Decimal = attrs.field(converter=_decimal)
    grade: str = ""
    grade_note: str = ""
    base: Decimal = attrs.field(default=Decimal(0), converter=_decimal)
    bonus: Decimal = attrs.field(default=Decimal(0), converter=_decimal)
    deductions: Decimal = attrs.field(default=Decimal(0), converter=_decimal)
    adjustment: Decimal = attrs.field(default=Decimal(0), converter=_decimal)
    pending: Decimal = attrs.field(default=Decimal(0), converter=_decimal)
    coverage: Decimal = attrs.field(default=Decimal(1), converter=_decimal)
    vetoes: tuple[str, ...] = attrs.field(default=(), converter=as_tuple)
    categories: tuple[CategoryScore, ...] = attrs.field(default=(), converter=as_tuple)
    results: tuple[Result, ...] = attrs.field(default=(), converter=as_tuple)
    gaps: tuple[Gap, ...] = attrs.field(default=(), converter=as_tuple)
    findings: tuple[Finding, ...] = attrs.field(default=(), converter=as_tuple)
    reviews: tuple[Review, ...] = attrs.field(default=(), converter=as_tuple)
    warnings: tuple[str, ...] = attrs.field(default=(), converter=as_tuple)
    reported: tuple[Reported, ...] = attrs.field(default=(), converter=as_tuple)  #: every figure reported, by item id
    rectification: tuple[Item, ...] = attrs.field(default=(), converter=as_tuple)  #: last year's gaps, assessed (整改)

    def summary(self, gaps: int = 3, texts: bool = False) -> Scorecard:
        """The scorecard without its per-criterion results: what a large batch keeps of each
        township once its files are written. It keeps the first ``gaps`` gaps, and with
        ``texts`` their reasons, remediation and basis, and the findings; of the results, only
        the not-applicable base ones, which the rank sensitivity analysis needs."""
        kept = self.gaps[:gaps] if texts else tuple(attrs.evolve(g, reason="", remediation="", basis="") for g in self.gaps[:gaps])
        na = tuple(attrs.evolve(r, reason="", evidence=()) for r in self.results if r.status is Status.NOT_APPLICABLE and r.kind is Kind.BASE)
        return attrs.evolve(self, meta={}, results=na, gaps=kept, findings=self.findings if texts else (), reviews=(), warnings=(), reported=())

    def top_gaps(self, count: int = 3) -> tuple[Gap, ...]:
        """The first ``count`` gaps that cost points, as the ranking shows them."""
        return tuple(g for g in self.gaps if g.points_lost > 0)[:count]

    @property
    def percent(self) -> Decimal:
        return quantize(self.total * 100 / self.max) if self.max else Decimal(0)

    def to_dict(self) -> dict:
        doc = {
            "meta": dict(self.meta),
            "subject": self.subject.to_dict(),
            "year": self.year,
            "total": number(self.total),
            "max": number(self.max),
            "percent": number(self.percent),
            "grade": self.grade,
        }
        if self.grade_note:
            doc["grade_note"] = self.grade_note
        for name in ("base", "bonus", "deductions", "adjustment", "pending"):
            doc[name] = number(getattr(self, name))
        doc["coverage"] = float(self.coverage.quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP))
        doc["veto"] = {"triggered": bool(self.vetoes), "criteria": list(self.vetoes)}
        doc["categories"] = [c.to_dict() for c in self.categories]
        doc["results"] = [r.to_dict() for r in self.results]
        doc["gaps"] = [g.to_dict() for g in self.gaps]
        doc["findings"] = [f.to_dict() for f in self.findings]
        doc["reviews"] = [r.to_dict() for r in self.reviews]
        doc["validation"] = {"valid": True, "warnings": list(self.warnings)}
        doc["reported"] = [r.to_dict() for r in self.reported]
        if self.rectification:
            doc["rectification"] = [i.to_dict() for i in self.rectification]
        return doc

    @classmethod
    def from_dict(cls, doc: Mapping) -> Scorecard:
        subject = doc["subject"]
        return cls(
            meta=doc["meta"],
            subject=Subject(subject["name"], Level(subject["level"]), subject.get("county"), subject.get("province")),
            year=doc["year"],
            total=doc["total"],
            max=doc["max"],
            grade=doc["grade"],
            grade_note=doc.get("grade_note", ""),
            **{name: doc[name] for name in ("base", "bonus", "deductions", "adjustment", "pending", "coverage")},
            vetoes=doc["veto"]["criteria"],
            categories=(CategoryScore(**c) for c in doc["categories"]),
            results=(Result.from_dict(r) for r in doc["results"]),
            gaps=(Gap.from_dict(g) for g in doc["gaps"]),
            findings=(_finding(f) for f in doc["findings"]),
            reviews=(Review(**r) for r in doc["reviews"]),
            warnings=doc["validation"]["warnings"],
            reported=(Reported(**r) for r in doc.get("reported", ())),
            rectification=(Item.from_dict(i) for i in doc.get("rectification", ())),
        )


def _finding(doc: Mapping) -> Finding:
    return Finding(doc["code"], Severity(doc["severity"]), doc["message"], **doc["location"])
