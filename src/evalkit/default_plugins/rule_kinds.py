"""The built-in rule kinds: flag, count, ratio, reported, tiers, sections, manual and findings.

Each returns a Measure; the engine turns it into points by the criterion's kind.
"""

from __future__ import annotations

from decimal import Decimal

from evalkit import Measure, RuleKind, Status, hookimpl
from evalkit.messages import SECTIONS, label, text
from evalkit.rules import clamp, to_decimal

ONE = Decimal(1)
ZERO = Decimal(0)


_ITEM = {"type": "string"}
_NUMBER = {"type": "number"}
_PARTIAL = {"enum": ["linear", "none"]}


def _evidence(case, *item_ids) -> tuple[str, ...]:
    items = case.submission.items
    return tuple([item.evidence for i in item_ids if (item := items.get(i)) is not None and item.evidence])


def _missing(case, item_id: str) -> Measure:
    return Measure(Status.MISSING, reason=text("reason_missing", case.lang, titles=_quoted(case, item_id)))


def _quoted(case, *item_ids) -> str:
    return "".join(text("quoted", case.lang, title=case.title(i)) for i in item_ids)


def _graded(fraction: Decimal, reason: str, evidence=(), occurrences: int = 0) -> Measure:
    fraction = clamp(fraction)
    status = Status.MET if fraction == ONE else Status.UNMET if fraction == ZERO else Status.PARTIAL
    return Measure(status, fraction, occurrences, reason, evidence)


def flag(rule, case) -> Measure:
    """A practice claimed or not; with ``figure``, a claim without its figure earns less."""
    ids = [rule["item"]] if "item" in rule else list(rule["items"])
    values = [case.submission.value(i) for i in ids]
    if all(v is None for v in values):
        return _missing(case, ids[0]) if len(ids) == 1 else Measure(Status.MISSING, reason=text("reason_missing", case.lang, titles=_quoted(case, *ids)))
    expect = rule.get("expect", True)
    hits = [i for i, v in zip(ids, values) if v is not None and v == expect]
    fraction = Decimal(len(hits)) / len(ids)
    lacking = [case.title(i) for i in ids if i not in hits]
    reason = text("reason_reported", case.lang) if not lacking else text("reason_lacking", case.lang, titles=text("list_sep", case.lang).join(lacking))
    figure = rule.get("figure")
    if fraction > 0 and figure and case.submission.value(figure) is None:
        fraction *= to_decimal(rule.get("without_figure", Decimal("0.5")))
        reason = text("reason_no_figure", case.lang, title=case.title(figure))
    return _graded(fraction, reason, _evidence(case, *ids, *([figure] if figure else [])), len(ids) - len(hits))


def count(rule, case) -> Measure:
    """A count against a target; for 扣分, the count is the number of occurrences."""
    item_id = rule["item"]
    value = to_decimal(case.submission.value(item_id))
    if value is None:
        return _missing(case, item_id)
    unit = case.unit(item_id)
    occurrences = int(value)
    target = to_decimal(rule.get("target"))
    if target is None:
        return _graded(ONE if value == 0 else ZERO, text("reason_value", case.lang, title=case.title(item_id), value=value, unit=unit), _evidence(case, item_id), occurrences)
    reason = text("reason_target", case.lang, title=case.title(item_id), value=value, unit=unit, target=target)
    return _graded(_against(value, target, rule), reason, _evidence(case, item_id), occurrences)


def _against(value: Decimal, target: Decimal, rule) -> Decimal:
    """The share of the points a value earns against its target: linear, or all or nothing."""
    if value >= target:
        return ONE
    return value / target if rule.get("partial", "linear") == "linear" else ZERO


def ratio(rule, case) -> Measure:
    """A rate against a target percentage: ``rate`` directly, or ``numerator``/``denominator``."""
    target = to_decimal(rule["target"])
    if "rate" in rule:
        rate = to_decimal(case.submission.value(rule["rate"]))
        if rate is None:
            return _missing(case, rule["rate"])
        evidence = _evidence(case, rule["rate"])
    else:
        measured = _rate(rule, case)
        if isinstance(measured, Measure):
            return measured
        rate, evidence = measured
    return _graded(_against(rate, target, rule), text("reason_rate", case.lang, rate=f"{rate:.1f}", target=target), evidence)


def _rate(rule, case):
    num_id, den_id = rule["numerator"], rule["denominator"]
    num = to_decimal(case.submission.value(num_id))
    den = to_decimal(case.submission.value(den_id))
    if num is None:
        return _missing(case, num_id)
    if den is None:
        reason = text("reason_no_base", case.lang, title=case.title(num_id), value=num, base=case.title(den_id))
        return Measure(Status.MISSING, reason=reason, evidence=_evidence(case, num_id))
    if den == 0:
        return Measure(Status.NOT_APPLICABLE, reason=text("reason_zero_base", case.lang, title=case.title(den_id)))
    return num * 100 / den, _evidence(case, num_id, den_id)


def reported(rule, case) -> Measure:
    """The report states the figure, whatever it is (a zero counts: "没有的写 0 件")."""
    item_id = rule["item"]
    if case.submission.value(item_id) is None:
        return _missing(case, item_id)
    return _graded(ONE, text("reason_reported_item", case.lang, title=case.title(item_id)), _evidence(case, item_id))


def tiers(rule, case) -> Measure:
    """Bands of a value: the first band whose ``min`` the value reaches gives the fraction."""
    item_id = rule["item"]
    value = to_decimal(case.submission.value(item_id))
    if value is None:
        return _missing(case, item_id)
    bands = sorted(rule["tiers"], key=lambda band: -to_decimal(band["min"]))
    fraction = next((to_decimal(b["fraction"]) for b in bands if value >= to_decimal(b["min"])), ZERO)
    unit = case.unit(item_id)
    return _graded(fraction, text("reason_value", case.lang, title=case.title(item_id), value=value, unit=unit), _evidence(case, item_id))


def sections(rule, case) -> Measure:
    """Required report contents are present, each as its own section."""
    found = {s.kind for s in case.submission.report.sections}
    if not found:
        return Measure(Status.MISSING, reason=text("reason_no_sections", case.lang))
    required = list(rule["require"])
    lacking = [kind for kind in required if kind not in found]
    if not lacking:
        return _graded(ONE, text("reason_all_sections", case.lang))
    names = "".join(text("quoted", case.lang, title=label(SECTIONS, k, case.lang)) for k in lacking)
    return _graded(Decimal(len(required) - len(lacking)) / len(required), text("reason_not_sections", case.lang, titles=names), occurrences=len(lacking))


def manual(rule, case) -> Measure:
    """A reviewer must score it; until then its points are pending."""
    return Measure(Status.NEEDS_REVIEW, reason=rule["hint"] if "hint" in rule else text("reason_manual", case.lang), evidence=_evidence(case, *rule.get("items", ())))


def findings(rule, case) -> Measure:
    """The number of report findings with the given codes; each is one occurrence."""
    codes = set(rule["codes"])
    hits = [f for f in case.findings if f.code in codes]
    if not hits:
        return Measure(Status.MET, ONE, reason=text("reason_no_such_findings", case.lang))
    reason = text("clause_sep", case.lang).join(f.message for f in hits[:5]) + (text("reason_more_findings", case.lang) if len(hits) > 5 else "")
    return Measure(Status.UNMET, ZERO, len(hits), reason, tuple(f.quote for f in hits if f.quote))


def _schema(required, **properties):
    return {"required": list(required), "properties": {"kind": {"type": "string"}, **properties}, "additionalProperties": False}


@hookimpl
def register_rule_kinds():
    items = {"type": "array", "items": _ITEM, "minItems": 1}
    fraction = {"type": "number", "minimum": 0, "maximum": 1}
    return [
        RuleKind("flag", flag, {**_schema([], item=_ITEM, items=items, expect={"type": "boolean"}, figure=_ITEM, without_figure=fraction), "oneOf": [{"required": ["item"]}, {"required": ["items"]}]}),
        RuleKind("count", count, _schema(["item"], item=_ITEM, target={"type": "number", "exclusiveMinimum": 0}, partial=_PARTIAL)),
        RuleKind("ratio", ratio, {**_schema(["target"], rate=_ITEM, numerator=_ITEM, denominator=_ITEM, target={"type": "number", "exclusiveMinimum": 0, "maximum": 100}, partial=_PARTIAL), "oneOf": [{"required": ["rate"]}, {"required": ["numerator", "denominator"]}]}),
        RuleKind("reported", reported, _schema(["item"], item=_ITEM)),
        RuleKind("tiers", tiers, _schema(["item", "tiers"], item=_ITEM, tiers={"type": "array", "minItems": 1, "items": {"type": "object", "required": ["min", "fraction"], "properties": {"min": _NUMBER, "fraction": fraction}, "additionalProperties": False}})),
        RuleKind("sections", sections, _schema(["require"], require={"type": "array", "minItems": 1, "items": {"enum": sorted(SECTIONS)}})),
        RuleKind("manual", manual, _schema([], hint={"type": "string"}, items=items)),
        RuleKind("findings", findings, _schema(["codes"], codes={"type": "array", "minItems": 1, "items": {"type": "string"}})),
    ]
