"""``evalkit criteria``, ``explain``, ``plugins`` and ``schema``: what is loaded, and how it scores."""

from __future__ import annotations

import json
import sys

from evalkit import __version__
from evalkit.commands.common import add_scoring_options, evaluator, say_untranslated
from evalkit.errors import InputError, listed
from evalkit.messages import KIND, label, text
from evalkit.model import Kind
from evalkit.scorecard import display, number


def add(subparsers, common, lang: str) -> None:
    def command(name: str, key: str, func):
        parser = subparsers.add_parser(name, parents=[common], help=text(f"help_{key}", lang), description=text(f"help_{key}_description", lang))
        parser.set_defaults(func=func)
        return parser

    add_scoring_options(command("criteria", "criteria", run_criteria), lang)
    explain = command("explain", "explain", run_explain)
    explain.add_argument("id", metavar="ID", help=text("help_explain_id", lang))
    add_scoring_options(explain, lang)
    command("plugins", "plugins", run_plugins).add_argument("--json", action="store_true", help=text("help_plugins_json", lang))
    command("schema", "schema", run_schema).add_argument("name", nargs="?", help=text("help_schema_name", lang))


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
    fields = [
        ("category", ev.catalog.categories[criterion.category].title),
        ("kind", f"{label(KIND, criterion.kind.value, lang)}  {_points(criterion, lang)}"),
        ("rule", json.dumps(dict(criterion.rule), ensure_ascii=False, sort_keys=True)),
        ("basis", criterion.basis),
        ("remediation", criterion.remediation),
        ("plugin", criterion.plugin),
    ]
    lines = [f"{criterion.id} {criterion.title}", *(_field(key, value, lang) for key, value in fields)]
    print("\n".join(lines))
    return 0


def _points(criterion, lang: str) -> str:
    if criterion.kind is Kind.VETO:
        return text("veto_effect", lang)
    cap = text("cap", lang, cap=display(criterion.cap)) if criterion.cap is not None else ""
    per = text("per_occurrence", lang) if criterion.kind is Kind.DEDUCTION else ""
    return _field("points", f"{per}{display(criterion.points)}{cap}", lang)


def _field(key: str, value: str, lang: str) -> str:
    """One line of `explain`: a field's name, then its value (“类别：报告规范”)."""
    return text("where", lang, where=text(key, lang), body=value)


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
    print("\n" + formats_table(args.pm, args.lang))
    return 0


def formats_table(pm, lang: str) -> str:
    """The output formats the plugins declare: name, the file written, title in ``lang``, plugin."""
    from evalkit.catalog import collect_formats
    from evalkit.columns import table
    from evalkit.language import EN, in_language, untitled

    formats = collect_formats(pm)
    if lang == EN:
        say_untranslated(untitled(formats), lang)
    rows = [[f.name, _written(f), in_language(f, lang).title, f.plugin] for f in sorted(formats.values(), key=lambda f: f.name)]
    return table(rows, [text(k, lang) for k in ("format", "format_file", "title", "plugin")])


def _written(fmt) -> str:
    """Where a format's output goes: a batch's file, each township's, or (a scorecard format) check's output."""
    return {"batch": fmt.filename, "township": f"townships/*{fmt.filename}"}.get(fmt.scope, "check --format")


def run_schema(args) -> int:
    from evalkit import schemas

    if args.name in (None, "submission"):
        from evalkit.catalog import build_catalog
        from evalkit.language import catalog_in

        schema = schemas.compose_submission(catalog_in(build_catalog(args.pm), args.lang).items)  # the items' titles in the run's language
    elif args.name in schemas.NAMES:
        schema = schemas.load(args.name)
    else:
        raise InputError("unknown_schema", name=args.name, known=listed(schemas.NAMES))
    sys.stdout.write(json.dumps(schema, ensure_ascii=False, indent=2) + "\n")
    return 0
