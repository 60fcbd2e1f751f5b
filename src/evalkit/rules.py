"""Checking a criterion's rule against its rule kind, and helpers rule kinds share."""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import lru_cache
from decimal import Decimal
from typing import Any

from evalkit.errors import PluginError, listed

#: Rule parameters that name items; a criterion may only name declared items.
ITEM_PARAMS = ("item", "rate", "numerator", "denominator", "figure")


def check_rule(criterion, rule_kinds: Mapping, items: Mapping, where: Mapping) -> None:
    """Fail with a message naming the plugin and criterion if the rule cannot work."""
    rule = criterion.rule
    kind = rule_kinds.get(rule.get("kind"))
    if kind is None:
        raise PluginError("unknown_rule_kind", criterion=criterion.id, kind=rule.get("kind"), known=listed(sorted(rule_kinds)), **where)
    problem = _schema_problem(kind.schema, rule)
    if problem:
        raise PluginError("bad_rule", criterion=criterion.id, kind=kind.name, detail=problem, **where)
    for item_id in referenced_items(rule):
        if item_id not in items:
            raise PluginError("unknown_item_in_rule", criterion=criterion.id, item=item_id, **where)


def referenced_items(rule: Mapping) -> list[str]:
    """Every item id a rule names."""
    names = [rule[p] for p in ITEM_PARAMS if isinstance(rule.get(p), str)]
    return names + list(rule.get("items", ()))


def unconfirmed_items(rule: Mapping, items: Mapping) -> list[str]:
    """The items a rule names whose figure was put on them with weak evidence and awaits a
    person's confirmation (``needs_review`` for its mapping)."""
    return [i for i in referenced_items(rule) if (item := items.get(i)) is not None and item.needs_review is not None and item.needs_review.reason == "mapping"]


def _schema_problem(schema: Mapping, rule: Mapping) -> str | None:
    if not schema:
        return None
    from evalkit.schemas import explain

    error = next(iter(_validator(json.dumps(schema, sort_keys=True)).iter_errors(dict(rule))), None)
    if error is None:
        return None
    path = "/".join(str(p) for p in error.absolute_path) or "rule"
    return f"{path}:{explain(error)}"


@lru_cache(maxsize=None)
def _validator(schema_json: str):
    """One validator per rule kind's parameter schema, built on first use."""
    from evalkit.schemas import FastValidator

    return FastValidator({"type": "object", **json.loads(schema_json)})


def to_decimal(value: Any) -> Decimal | None:
    """A reported value as a Decimal, or None when it is not a number."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, Decimal)):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(str(value))
    return None


def clamp(value: Decimal) -> Decimal:
    """Keep a fraction within 0..1."""
    return _ONE if value >= _ONE else _ZERO if value <= _ZERO else value


_ZERO, _ONE = Decimal(0), Decimal(1)
