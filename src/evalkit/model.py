"""The domain objects: frozen attrs value classes and closed vocabularies.

Documents enter through named constructors (``Submission.from_dict``) after JSON Schema
validation; the classes guard invariants, the schemas guard shape.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

import attrs

from evalkit.language import unit_in
from evalkit.submission import Submission, _json_number


class Status(str, enum.Enum):
    """What scoring found for one criterion."""

    MET = "met"
    PARTIAL = "partial"
    UNMET = "unmet"
    MISSING = "missing"  #: the data was not reported
    NOT_APPLICABLE = "not_applicable"
    NEEDS_REVIEW = "needs_review"  #: a reviewer must score it; its points are pending
    ERROR = "error"  #: the rule itself failed; isolated to this criterion


class Kind(str, enum.Enum):
    """How a criterion's points count towards the total."""

    BASE = "base"  #: 基本分, earns 0..points
    BONUS = "bonus"  #: 加分, earns 0..points; the bonus total is capped by the profile
    DEDUCTION = "deduction"  #: 扣分, loses points per occurrence up to its cap
    VETO = "veto"  #: 一票否决, caps the total and forces the lowest grade


class NotApplicable(str, enum.Enum):
    """A profile's policy for base criteria that do not apply to a township."""

    FULL = "full"  #: their points count as earned
    EXCLUDE = "exclude"  #: they leave the maximum, and the total is rescaled


class Detail(str, enum.Enum):
    """How much of each township's scorecard a batch's entries hold."""

    WHOLE = "whole"  #: the whole scorecard (a county: up to batch.DETAIL_LIMIT files)
    SUMMARY = "summary"  #: a summary with its batch.GAPS_SHOWN largest gaps and their texts (see Scorecard.summary)
    LARGE = "large"  #: a national batch's: batch.LARGE_GAPS largest gaps without texts, no findings, read back from a Ledger


class Severity(str, enum.Enum):
    """How serious a report finding is."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


_ZERO, _ONE = Decimal(0), Decimal(1)


def _decimal(value: Any) -> Decimal:
    return value if isinstance(value, Decimal) else Decimal(str(value))


def as_tuple(value: Any) -> tuple:
    """A converter to tuple, written in Python: attrs reads a builtin converter's text signature, which
    costs a tokenize at start-up."""
    return tuple(value)


@attrs.frozen
class ItemSpec:
    """The definition of an item a plugin declares."""

    id: str
    title: str
    unit: str | None = None
    schema: Mapping = attrs.field(factory=dict)  #: JSON Schema fragment for the item's value
    plugin: str | None = None
    en: Mapping[str, str] = attrs.field(factory=dict)  #: the English of its title and unit (see in_language)
    evidence: Mapping = attrs.field(factory=dict)  #: what a figure mapped to it should show around it: topic, who, others, units (report/evidence.py)


@attrs.frozen
class Category:
    """A group of base criteria, shown as one line of the category table."""

    id: str
    title: str
    order: int = 0
    plugin: str | None = None
    en: Mapping[str, str] = attrs.field(factory=dict)  #: the English of its title


@attrs.frozen
class Criterion:
    """One scoring rule with its points, basis and remediation."""

    id: str
    title: str
    category: str
    kind: Kind
    points: Decimal = attrs.field(converter=_decimal)  #: for a deduction: points per occurrence
    rule: Mapping = attrs.field(factory=dict)  #: {"kind": ..., rule parameters}
    basis: str = ""  #: the policy it rests on
    remediation: str = ""  #: how to earn the points
    cap: Decimal | None = attrs.field(default=None, converter=attrs.converters.optional(_decimal))
    plugin: str | None = None
    en: Mapping[str, str] = attrs.field(factory=dict)  #: the English of its title, basis and remediation

    @property
    def max(self) -> Decimal:
        """The most this criterion can add (base, bonus) or take away (deduction)."""
        if self.kind is Kind.DEDUCTION:
            return self.cap if self.cap is not None else self.points
        return Decimal(0) if self.kind is Kind.VETO else self.points


@attrs.frozen
class Rubric:
    """Categories and criteria that one plugin declares, with its declared base total."""

    categories: tuple[Category, ...] = attrs.field(converter=as_tuple)
    criteria: tuple[Criterion, ...] = attrs.field(converter=as_tuple)
    base_total: Decimal | None = attrs.field(default=None, converter=attrs.converters.optional(_decimal))
    source: str | None = None  #: the file it was read from
    plugin: str | None = None


@attrs.frozen
class Measure:
    """What a rule kind found: a status, the share of the points met, and occurrences."""

    status: Status
    fraction: Decimal = attrs.field(default=Decimal(0), converter=_decimal)  #: 0..1 of the points
    occurrences: int = 0  #: for 扣分 and 一票否决: how many times the failing occurred
    reason: str = ""  #: what was found, in the case's language
    evidence: tuple[str, ...] = attrs.field(default=(), converter=as_tuple)

    @fraction.validator
    def _check_fraction(self, _attribute, value):
        if not _ZERO <= value <= _ONE:
            raise ValueError(f"fraction must lie in 0..1, not {value}")


@attrs.frozen
class Case:
    """What a rule kind may look at when it scores one criterion for one submission."""

    submission: Submission
    findings: tuple[Finding, ...] = attrs.field(default=(), converter=as_tuple)
    items: Mapping[str, ItemSpec] = attrs.field(factory=dict)  #: every declared item, by id
    lang: str = "zh"  #: the language of the reasons a rule kind writes (``messages.text(key, case.lang)``)

    def title(self, item_id: str) -> str:
        """The item's title in the run's language (its Chinese one if it has no English), for messages."""
        spec = self.items.get(item_id)
        return spec.title if spec is not None else item_id

    def unit(self, item_id: str) -> str:
        """The unit the submission gives the item, as written after its figure: under "en", the
        item's English unit, a space before it."""
        given = self.submission.items[item_id].unit
        shown = unit_in(self.items.get(item_id), given, self.lang)
        return " " + shown if self.lang == "en" and given else shown


@attrs.frozen
class RuleKind:
    """A named scoring function: ``score(rule, case) -> Measure``."""

    name: str
    score: Callable[..., Measure]
    schema: Mapping = attrs.field(factory=dict)  #: JSON Schema of the rule's parameters
    plugin: str | None = None


@attrs.frozen
class Finding:
    """A problem in the report's form or content, found by a check."""

    code: str
    severity: Severity
    message: str
    section: str | None = None
    line: int | None = None
    quote: str | None = None

    def to_dict(self) -> dict:
        location = {k: getattr(self, k) for k in ("section", "line", "quote") if getattr(self, k) is not None}
        return {"code": self.code, "severity": self.severity.value, "message": self.message, "location": location}


@attrs.frozen
class Grade:
    """A grade band: at least ``min`` percent, and the band's conditions."""

    name: str
    min: Decimal = attrs.field(converter=_decimal)
    max_deductions: Decimal | None = attrs.field(default=None, converter=attrs.converters.optional(_decimal))
    requires_reviewed: bool = False  #: no manual criterion may still await its reviewer


@attrs.frozen
class Profile:
    """A year's tailoring: which criteria count, with which points and targets."""

    id: str
    title: str = ""
    select: tuple[str, ...] | None = attrs.field(default=None, converter=attrs.converters.optional(as_tuple))
    exclude: tuple[str, ...] = attrs.field(default=(), converter=as_tuple)
    overrides: Mapping[str, Mapping] = attrs.field(factory=dict)
    bonus_cap: Decimal = attrs.field(default=Decimal(5), converter=_decimal)
    veto_cap: Decimal = attrs.field(default=Decimal(59), converter=_decimal)
    not_applicable: NotApplicable = attrs.field(default=NotApplicable.FULL, converter=NotApplicable)
    repeat_points: Decimal = attrs.field(default=Decimal(0), converter=_decimal)  #: 扣分 for each unrectified repeat of last year's gaps
    repeat_cap: Decimal | None = attrs.field(default=None, converter=attrs.converters.optional(_decimal))  #: the most taken for them in all
    grades: tuple[Grade, ...] = attrs.field(
        default=(Grade("优秀", 90), Grade("良好", 80), Grade("合格", 60), Grade("不合格", 0)),
        converter=as_tuple,
    )
    digest: str = ""  #: sha256 of the profile's content
    source: str | None = None
    plugin: str | None = None
    en: Mapping = attrs.field(factory=dict)  #: its title and its grades' names in English (see language.py)


@attrs.frozen
class Review:
    """A reviewer's score for a manual criterion, or an override of any criterion."""

    criterion: str
    reviewer: str
    at: str  #: ISO date-time
    reason: str
    points: Decimal | None = attrs.field(default=None, converter=attrs.converters.optional(_decimal))
    triggered: bool | None = None  #: for a 一票否决 criterion
    role: str | None = None
    subject: str | None = None  #: the township it concerns; None for every township

    def to_dict(self) -> dict:
        doc = {k: v for k, v in attrs.asdict(self).items() if v is not None}
        if self.points is not None:
            doc["points"] = _json_number(self.points)
        return doc
