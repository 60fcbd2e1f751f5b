"""Render the criteria tables of docs/xianxiang.md from the Xianxiang rubric and the example's
scores, so that the page cannot drift from the data. Only the blocks between
``<!-- generated: NAME -->`` and ``<!-- end generated -->`` are rewritten; the prose around
them is kept as written.

    .venv/bin/python scripts/xianxiang_docs.py            # rewrite docs/xianxiang.md in place
    .venv/bin/python scripts/xianxiang_docs.py --check    # exit 1 if it is out of date
"""

from __future__ import annotations

import re
import sys
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "docs" / "xianxiang.md"
EXAMPLE = ROOT / "examples" / "xianxiang-2022" / "submission.json"
BLOCK = re.compile(r"(<!-- generated: (?P<name>[\w-]+) -->\n)(?P<body>.*?)(<!-- end generated -->)", re.S)
BASE_HEADER = "| 指标 | 名称 | 分值 | 规则 | 贤庠镇得分 |\n|---|---|---|---|---|\n"
LAYER_HEADER = "| 指标 | 名称 | 归属类别 | 分值 | 规则 | 贤庠镇 |\n|---|---|---|---|---|---|\n"


def _n(value) -> str:
    value = Decimal(str(value)).normalize()
    return format(value, "f") if value != value.to_integral_value() else str(int(value))


def _codes(names) -> str:
    return "、".join(f"`{name}`" for name in names)


def rule_text(rule: dict, deduction: bool = False) -> str:
    """A rule in the page's words."""
    kind = rule["kind"]
    if kind == "sections":
        return "sections：" + "、".join(rule["require"])
    if kind == "manual":
        return "manual（评审人员评定）"
    if kind == "findings":
        return "findings：" + "、".join(rule["codes"])
    if kind == "reported":
        return f"reported：`{rule['item']}`"
    if kind == "flag":
        text = "flag：" + _codes(rule.get("items") or [rule["item"]])
        return text + (f"；无 `{rule['figure']}` 得一半" if rule.get("figure") else "")
    if kind == "count":
        return _count(rule, deduction)
    if kind == "ratio":
        what = f"`{rule['rate']}`" if "rate" in rule else f"`{rule['numerator']}` / `{rule['denominator']}`"
        return f"ratio：{what}，目标 {_n(rule['target'])}%"
    if kind == "tiers":
        tiers = "、".join(f"≥{_n(t['min'])}→{_n(round(Decimal(str(t['fraction'])), 4))}" for t in rule["tiers"])
        return f"tiers：`{rule['item']}` {tiers}"
    return kind


def _count(rule: dict, deduction: bool) -> str:
    item = f"count：`{rule['item']}`"
    if "target" not in rule:
        return item + ("，每件计一次" if deduction else "")
    if rule.get("partial") == "none":
        return f"{item} ≥{_n(rule['target'])}（不足不得分）"
    return f"{item}，目标 {_n(rule['target'])}"


def _score(results: dict, criterion) -> str:
    result = results[criterion.id]
    return f"{_n(result.points)}（{result.status.value}）"


def _points(criterion) -> str:
    if criterion.kind.value == "veto":
        return "—"
    if criterion.kind.value == "deduction":
        return f"{_n(criterion.points)}/次，上限 {_n(criterion.cap)}"
    return _n(criterion.points)


def blocks() -> dict[str, str]:
    """Every generated block's text, by name."""
    from evalkit.evaluator import Evaluator

    evaluator = Evaluator()
    card = evaluator.evaluate(evaluator.load(EXAMPLE))
    results = {r.criterion: r for r in card.results}
    criteria = [c for c in evaluator.catalog.criteria.values() if c.plugin == "xianxiang"]
    found = {}
    for category in evaluator.catalog.categories.values():
        rows = [c for c in criteria if c.category == category.id and c.kind.value == "base"]
        if rows:
            body = "".join(f"| {c.id} | {c.title} | {_points(c)} | {rule_text(c.rule)} | {_score(results, c)} |\n" for c in rows)
            found[f"category-{category.id}"] = f"### {category.id} {category.title}（{_n(sum(c.points for c in rows))} 分）\n\n" + BASE_HEADER + body
    for kind in ("bonus", "deduction", "veto"):
        rows = [c for c in criteria if c.kind.value == kind]
        body = "".join(
            f"| {c.id} | {c.title} | {c.category} | {_points(c)} | {rule_text(c.rule, kind == 'deduction')} | {_score(results, c)} |\n" for c in rows
        )
        found[kind] = LAYER_HEADER + body
    return found


def render(page: str) -> str:
    """The page with each generated block rewritten."""
    rendered = blocks()
    return BLOCK.sub(lambda m: m.group(1) + rendered[m.group("name")] + m.group(4), page)


def main(argv: list[str]) -> int:
    page = PAGE.read_text("utf-8")
    fresh = render(page)
    if "--check" in argv:
        return 0 if fresh == page else 1
    PAGE.write_text(fresh, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
