"""Helpers for tests, evalkit's own and plugins': a fresh plugin manager, scoring a dict,
checking a scorecard, and realistic synthetic submissions for any set of plugins."""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping

from evalkit import schemas
from evalkit.evaluator import Evaluator
from evalkit.plugins import make_plugin_manager
from evalkit.scorecard import Scorecard

#: 象山县's 18 township-level units (domain facts), for realistic county batches.
XIANGSHAN = (
    ("丹东街道", "街道"), ("丹西街道", "街道"), ("爵溪街道", "街道"),
    ("石浦镇", "镇"), ("西周镇", "镇"), ("鹤浦镇", "镇"), ("贤庠镇", "镇"), ("墙头镇", "镇"),
    ("泗洲头镇", "镇"), ("定塘镇", "镇"), ("涂茨镇", "镇"), ("大徐镇", "镇"), ("新桥镇", "镇"),
    ("东陈乡", "乡"), ("晓塘乡", "乡"), ("黄避岙乡", "乡"), ("茅洋乡", "乡"), ("高塘岛乡", "乡"),
)
SYLLABLES = "安白碧长城春大东枫凤高古海和河横红湖华黄江金锦菁兰莲林柳龙梅南宁平浦青清泉仁瑞三山上石双水松塘桃天田同西溪仙新兴杏阳瑶永玉云长樟竹"
LEVELS = ("镇", "镇", "镇", "乡", "街道")
NUMBERS = "一二三四五"
SECTIONS = (
    ("measures", "主要举措和成效"), ("shortcomings", "存在的不足和原因"),
    ("first_responsibility", "党政主要负责人履行推进法治建设第一责任人职责情况"),
    ("plan", "下一年度工作安排"), ("other_matters", "其他需要报告的情况"),
)


def plugin_manager(*plugins, entrypoints: bool = False):
    """A fresh plugin manager with the built-in plugins and only the ``plugins`` given."""
    return make_plugin_manager(load_entrypoints=entrypoints, plugins=plugins)


def evaluator(*plugins, profile: str | None = None, entrypoints: bool = False) -> Evaluator:
    """An evaluator over the built-in plugins and ``plugins``."""
    return Evaluator(plugin_manager(*plugins, entrypoints=entrypoints), profile=profile)


def score_dict(doc: Mapping, *plugins, evaluator_: Evaluator | None = None) -> Scorecard:
    """Validate and score a submission given as a dict."""
    ev = evaluator_ or evaluator(*plugins)
    return ev.evaluate(ev.validate(dict(doc), "<dict>"))


def assert_valid_scorecard(card: Scorecard) -> dict:
    """The scorecard as a dict, after checking it against scorecard.schema.json and its sums."""
    doc = card.to_dict()
    schemas.check(schemas.shipped_validator("scorecard"), doc, "scorecard")
    assert sum(c.score for c in card.categories) + card.adjustment == card.total
    return doc


def township_names(count: int, seed: int = 0) -> list[tuple[str, str]]:
    """``count`` distinct township names with levels: 象山县's 18 first, then made-up ones."""
    names = list(XIANGSHAN[:count])
    rng, seen = random.Random(seed), {n for n, _ in names}
    while len(names) < count:
        level = rng.choice(LEVELS)
        name = "".join(rng.choice(SYLLABLES) for _ in range(rng.choice((2, 2, 3)))) + level
        if name not in seen:
            seen.add(name)
            names.append((name, level))
    return names


def rare_items(evaluator_: Evaluator) -> set[str]:
    """Items that count failings (read by 扣分 and 一票否决 criteria): usually zero in a real report."""
    from evalkit.model import Kind
    from evalkit.rules import referenced_items

    return {i for c in evaluator_.plan.criteria if c.kind in (Kind.DEDUCTION, Kind.VETO) for i in referenced_items(c.rule)}


def synthetic_submissions(items: Mapping, count: int, seed: int = 0, year: int = 2022, rare=()) -> Iterable[dict]:
    """Deterministic submissions over the declared ``items``: varied figures, gaps and practices.

    Items in ``rare`` (see rare_items) are mostly 0, as failings are in real reports.
    """
    rng = random.Random(seed)
    for name, level in township_names(count, seed):
        yield synthetic_submission(items, name, level, rng, year, frozenset(rare))


def synthetic_submission(items: Mapping, name: str, level: str, rng: random.Random, year: int = 2022, rare=frozenset()) -> dict:
    sections = [{"title": f"{NUMBERS[i]}、{title}", "kind": kind} for i, (kind, title) in enumerate(SECTIONS) if rng.random() < 0.85]
    office = "办事处" if level == "街道" else "人民政府"
    doc = {
        "subject": {"name": name, "level": level, "county": "象山县", "province": "浙江省"},
        "year": year,
        "report": {
            "title": f"{name}{office}关于{year}年度法治政府建设情况的报告",
            "date": f"{year + 1}-0{rng.choice((1, 2, 2, 2, 3))}-{rng.randint(10, 28)}",
            "sections": sections,
            "citations": rng.sample(["《中华人民共和国民法典》", "《信访工作条例》", "《信访条例》", "《中华人民共和国行政处罚法》"], 2),
        },
        "items": {},
    }
    diligence = rng.uniform(0.55, 0.95)  # how much of what it should report a township reports
    for item_id, spec in sorted(items.items()):
        if rng.random() < diligence:
            doc["items"][item_id] = _item(spec, rng)
            if item_id in rare:
                doc["items"][item_id]["value"] = 0 if rng.random() < 0.85 else rng.randint(1, 3)
    return doc


def _item(spec, rng: random.Random) -> dict:
    schema = spec.schema
    kind = schema.get("type")
    if kind == "boolean":
        value = rng.random() < 0.8
    elif kind in ("integer", "number"):
        low, high = schema.get("minimum", 0), schema.get("maximum", 300)
        spread = 12 if rng.random() < 0.6 else 300  # most counts are small, some are large
        value = rng.randint(int(low), int(min(high, low + spread)))
        if "enum" in schema:
            value = rng.choice(schema["enum"])
    elif "enum" in schema:
        value = rng.choice(schema["enum"])
    else:
        value = "有"
    shown = ("有" if value else "无") if isinstance(value, bool) else f"{value}{spec.unit or ''}"
    item = {"value": value, "evidence": f"{spec.title}:{shown}"}
    if spec.unit and not isinstance(value, bool):
        item["unit"] = spec.unit
    return item
