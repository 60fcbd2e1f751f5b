"""A small plugin declared in code, so the engine's tests do not depend on any real rubric."""

from evalkit import Category, Criterion, ItemSpec, Kind, Rubric, hookimpl

INT = {"type": "integer", "minimum": 0}

ITEMS = [
    ItemSpec("t.count", "学法次数", "次", INT),
    ItemSpec("t.flag", "领导小组", None, {"type": "boolean"}),
    ItemSpec("t.num", "化解件数", "件", INT),
    ItemSpec("t.den", "受理件数", "件", INT),
    ItemSpec("t.level", "示范创建级别", None, INT),
    ItemSpec("t.bad", "复议纠错件数", "件", INT),
]


def criterion(id, category, kind, points, rule, cap=None):
    return Criterion(id, f"指标{id}", category, Kind(kind), points, rule, basis=f"依据{id}", remediation=f"整改{id}", cap=cap)


CRITERIA = [
    criterion("T-A1", "A", "base", 10, {"kind": "count", "item": "t.count", "target": 5}),
    criterion("T-A2", "A", "base", 10, {"kind": "flag", "item": "t.flag"}),
    criterion("T-B1", "B", "base", 20, {"kind": "ratio", "numerator": "t.num", "denominator": "t.den", "target": 90}),
    criterion("T-B2", "B", "base", 10, {"kind": "tiers", "item": "t.level", "tiers": [{"min": 3, "fraction": 1}, {"min": 1, "fraction": 0.5}]}),
    criterion("T-B3", "B", "base", 10, {"kind": "manual", "hint": "评审人员评定"}),
    criterion("T-B4", "B", "base", 40, {"kind": "sections", "require": ["measures", "shortcomings", "first_responsibility", "plan"]}),
    criterion("T-P1", "A", "bonus", 3, {"kind": "flag", "item": "t.flag"}),
    criterion("T-P2", "A", "bonus", 4, {"kind": "count", "item": "t.count", "target": 10}),
    criterion("T-D1", "B", "deduction", 1, {"kind": "count", "item": "t.bad"}, cap=3),
    criterion("T-V1", "B", "veto", 1, {"kind": "manual"}),
]


@hookimpl
def register_items():
    return ITEMS


@hookimpl
def register_criteria():
    return [Rubric([Category("A", "基础工作", 1), Category("B", "重点工作", 2)], CRITERIA, base_total=100)]
