"""``evalkit criteria``, ``explain``, ``plugins`` and ``schema``: what is loaded, and how it scores."""

from __future__ import annotations

import json
import sys

from evalkit import __version__
from evalkit.commands.common import add_scoring_options, evaluator
from evalkit.errors import InputError
from evalkit.messages import KIND, label, text
from evalkit.model import Kind
from evalkit.scorecard import display, number


def add(subparsers, common) -> None:
    criteria = subparsers.add_parser("criteria", parents=[common], help="列出全部评分指标", description="列出所选配置下的全部评分指标。")
    add_scoring_options(criteria)
    criteria.set_defaults(func=run_criteria)
    explain = subparsers.add_parser("explain", parents=[common], help="说明一个指标", description="说明一个指标的规则、分值、依据和整改建议。")
    explain.add_argument("id", metavar="ID", help="指标编号")
    add_scoring_options(explain)
    explain.set_defaults(func=run_explain)
    plugins = subparsers.add_parser("plugins", parents=[common], help="列出已加载的插件", description="列出已加载的插件、版本和实现的钩子。")
    plugins.add_argument("--json", action="store_true", help="以 JSON 输出")
    plugins.set_defaults(func=run_plugins)
    schema = subparsers.add_parser("schema", parents=[common], help="输出提交材料的 JSON Schema", description="输出由核心与各插件指标项组合而成的提交材料 JSON Schema，或指定名称的内置 Schema。")
    schema.add_argument("name", nargs="?", help="submission（默认，组合后）、criteria、items、profile、reviews、scorecard")
    schema.set_defaults(func=run_schema)


def run_criteria(args) -> int:
    from evalkit.columns import table

    ev = evaluator(args)
    rows = [
        [c.id, ev.catalog.categories[c.category].title, c.title, label(KIND, c.kind.value, args.lang), f"{number(c.max):g}", c.rule["kind"]]
        for c in ev.plan.criteria
    ]
    header = [text(k, args.lang) for k in ("criterion", "category", "title", "kind", "points", "rule")]
    print(table(rows, header))
    return 0


def run_explain(args) -> int:
    ev = evaluator(args)
    criterion = next((c for c in ev.plan.criteria if c.id == args.id), None)
    if criterion is None:
        raise InputError("unknown_criterion", id=args.id)
    lang = args.lang
    lines = [
        f"{criterion.id} {criterion.title}",
        f"{text('category', lang)}:{ev.catalog.categories[criterion.category].title}",
        f"{text('kind', lang)}:{label(KIND, criterion.kind.value, lang)}  {_points(criterion, lang)}",
        f"{text('rule', lang)}:{json.dumps(dict(criterion.rule), ensure_ascii=False, sort_keys=True)}",
        f"{text('basis', lang)}:{criterion.basis}",
        f"{text('remediation', lang)}:{criterion.remediation}",
        f"{text('plugin', lang)}:{criterion.plugin}",
    ]
    print("\n".join(lines))
    return 0


def _points(criterion, lang: str) -> str:
    if criterion.kind is Kind.VETO:
        return text("veto_effect", lang)
    cap = text("cap", lang, cap=display(criterion.cap)) if criterion.cap is not None else ""
    per = text("per_occurrence", lang) if criterion.kind is Kind.DEDUCTION else ""
    return f"{text('points', lang)}:{per}{display(criterion.points)}{cap}"


def plugin_rows(pm) -> list[dict]:
    """Every registered plugin with its distribution, version and hooks."""
    rows = []
    for name, plugin in sorted(pm.list_name_plugin(), key=lambda pair: pair[0]):
        dist, version = pm.distributions.get(name, ("evalkit", __version__))
        hooks = sorted(caller.name for caller in pm.get_hookcallers(plugin) or ())
        rows.append({"name": name, "distribution": dist, "version": version, "builtin": name not in pm.distributions, "hooks": hooks})
    return rows


def run_plugins(args) -> int:
    from evalkit.columns import table

    rows = plugin_rows(args.pm)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    header = [text(k, args.lang) for k in ("plugin", "version", "hooks")]
    print(table([[r["name"], f"{r['distribution']} {r['version']}", ", ".join(r["hooks"])] for r in rows], header))
    return 0


def run_schema(args) -> int:
    from evalkit import schemas

    if args.name in (None, "submission"):
        from evalkit.catalog import build_catalog

        schema = schemas.compose_submission(build_catalog(args.pm).items)
    elif args.name in schemas.NAMES:
        schema = schemas.load(args.name)
    else:
        raise InputError("unknown_schema", name=args.name, known="、".join(schemas.NAMES))
    sys.stdout.write(json.dumps(schema, ensure_ascii=False, indent=2) + "\n")
    return 0
