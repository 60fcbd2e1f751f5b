"""The one call site of each registration hook, returning domain objects.

Nothing else calls ``pm.hook``. Each collector checks what the plugins gave and names the
plugin at fault. The engine collects once per run, then calls plain functions.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Mapping

import attrs

from evalkit import cache
from evalkit.errors import PluginError, describe
from evalkit.messages import text as text_of
from evalkit.model import Category, Criterion, Finding, ItemSpec, Kind, Profile, Rubric, RuleKind, Severity
from evalkit.submission import Submission
from evalkit.report.reader import Extractor, Reader


@attrs.frozen
class Format:
    """An output format.

    A ``scorecard`` format's ``write(scorecard, stream, lang)`` writes one scorecard, for
    ``evalkit check --format``. A ``batch`` format's ``write(batch, stream, lang)`` writes a
    whole county's results into ``filename`` in ``evalkit score``'s output folder. A
    ``township`` format's ``write(scorecard, stream, lang)`` writes one township's file,
    ``townships/<stem><filename>`` (``filename`` is a suffix such as ``.md``), for each township
    ``evalkit score`` scores; ``check --format`` offers it too unless it is binary. A binary
    format (``binary=True``) is given a byte stream. ``en`` gives the English of its ``title``,
    shown by ``evalkit plugins --lang en``.
    """

    name: str
    title: str
    write: Callable
    scope: str = attrs.field(default="scorecard", validator=attrs.validators.in_(("scorecard", "batch", "township")))
    filename: str | None = None
    binary: bool = False
    plugin: str | None = None
    en: Mapping[str, str] = attrs.field(factory=dict)  #: the English of its title (see language.py)


@attrs.frozen
class Catalog:
    """Everything the loaded plugins declared, collected once."""

    items: Mapping[str, ItemSpec]
    categories: Mapping[str, Category]
    criteria: Mapping[str, Criterion]
    rule_kinds: Mapping[str, RuleKind]
    profiles: Mapping[str, Profile]
    formats: Mapping[str, Format]
    readers: Mapping[str, Reader]  #: by file suffix
    extractors: tuple[Extractor, ...]


def build_catalog(pm) -> Catalog:
    """Call every registration hook once and check what came back."""
    rule_kinds = collect_rule_kinds(pm)
    items = collect_items(pm)
    categories, criteria = collect_criteria(pm, rule_kinds, items)
    return Catalog(
        items, categories, criteria, rule_kinds, collect_profiles(pm), collect_formats(pm),
        collect_readers(pm), collect_extractors(pm, items),
    )


def implementations(pm, hook_name: str) -> list:
    """A hook's implementations in the order pluggy calls them: ``tryfirst`` ones first,
    ``trylast`` ones last, the rest the last registered first. evalkit calls each one itself,
    so a wrapper (``wrapper``/``hookwrapper``), which wraps pluggy's own call, is refused."""
    impls = getattr(pm.hook, hook_name).get_hookimpls()
    for impl in impls:
        if impl.wrapper or impl.hookwrapper:
            raise PluginError("plugin_hook_wrapper", plugin=impl.plugin_name, hook=hook_name)
    return impls[::-1]


def _results(pm, hook_name: str, **kwargs) -> list[tuple[str, object]]:
    """Each implementation's (plugin name, returned list entry), in pluggy's calling order.

    The implementations are called one by one, not through ``pm.hook``, so that every value
    is known by the plugin that gave it and a failing plugin is named.
    """
    out = []
    for impl in implementations(pm, hook_name):
        args = {name: kwargs[name] for name in impl.argnames}
        trace(f"{hook_name}({', '.join(args)}) → {impl.plugin_name}")
        try:
            values = list(impl.function(**args) or ())
        except PluginError as exc:
            exc.params["plugin"] = impl.plugin_name
            raise
        except Exception as exc:  # a plugin's own bug: name the plugin, not a traceback
            raise PluginError("hook_failed", plugin=impl.plugin_name, hook=hook_name, detail=describe(exc)) from exc
        expected = RETURNS.get(hook_name)
        for value in values:
            if expected is not None and not isinstance(value, expected):
                raise PluginError("hook_bad_return", plugin=impl.plugin_name, hook=hook_name, expected=expected.__name__, found=type(value).__name__)
            out.append((impl.plugin_name, value))
    return out


#: What each registration hook's list must hold.
RETURNS = {
    "register_items": ItemSpec, "register_criteria": Rubric, "register_rule_kinds": RuleKind,
    "register_profiles": Profile, "register_formats": Format, "register_readers": Reader,
    "register_extractors": Extractor,
}


def trace(line: str) -> None:
    """Print one line to stderr when EVALKIT_TRACE_PLUGINS is set."""
    if os.environ.get("EVALKIT_TRACE_PLUGINS"):
        print(f"[evalkit] {line}", file=sys.stderr)


def _unique(pairs, what: str) -> dict:
    seen: dict[str, tuple[str, object]] = {}
    for plugin, value in pairs:
        key = value.id if hasattr(value, "id") else value.name
        if key in seen:
            raise PluginError("duplicate_id", what=what, id=key, first=seen[key][0], second=plugin)
        seen[key] = (plugin, value)
    return {key: attrs.evolve(value, plugin=plugin) for key, (plugin, value) in seen.items()}


def collect_items(pm) -> dict[str, ItemSpec]:
    """Every item declared through ``register_items``, by id; each value schema is checked."""
    from evalkit.schemas import schema_problem

    items = _unique(_results(pm, "register_items"), "item")
    for spec in items.values():
        problem = schema_problem(spec.schema)
        if problem:
            raise PluginError("bad_item_schema", plugin=spec.plugin, item=spec.id, detail=problem)
        for pattern in (spec.evidence.get(key) for key in ("topic", "who", "others")):
            try:
                re.compile(pattern or "")
            except re.error as exc:
                raise PluginError("bad_pattern", plugin=spec.plugin, item=spec.id, detail=str(exc)) from None
    return items


def collect_readers(pm) -> dict[str, Reader]:
    """Every report reader declared through ``register_readers``, by the suffixes it reads."""
    readers = _unique(_results(pm, "register_readers"), "reader")
    return {suffix: reader for reader in readers.values() for suffix in reader.suffixes}


def collect_extractors(pm, items) -> tuple[Extractor, ...]:
    """Every extractor declared through ``register_extractors``, each checked."""
    extractors = tuple(_unique(_results(pm, "register_extractors"), "extractor").values())
    for extractor in extractors:
        if extractor.item not in items:
            raise PluginError("unknown_item_in_extractor", plugin=extractor.plugin, item=extractor.item)
        kind = items[extractor.item].schema.get("type")
        fits = kind == "boolean" if extractor.phrase else kind in ("integer", "number")
        if not fits:
            raise PluginError("extractor_type", plugin=extractor.plugin, item=extractor.item, type=kind)
    _check_patterns(extractors)
    return extractors


def _check_patterns(extractors) -> None:
    """Compile every extractor's pattern once, naming a bad one; a set of patterns that compiled
    before (same patterns, same Python) is remembered in the cache and not compiled again, since
    compiling them is a large part of start-up and a run that reads no report needs none."""
    compiled = cache.key("extractor-patterns", sys.version, *("\0".join(_patterns(e)) for e in extractors))
    if cache.get(compiled) is True:
        return
    for extractor in extractors:
        try:
            for pattern in _patterns(extractor):
                re.compile(pattern)
        except re.error as exc:
            raise PluginError("bad_pattern", plugin=extractor.plugin, item=extractor.item, detail=str(exc)) from None
    cache.put(compiled, True)


def _patterns(extractor) -> tuple[str, str, str, str]:
    """An extractor's regular expressions, in their places ("" where it has none)."""
    return (extractor.pattern, extractor.context or "", extractor.unless or "", extractor.around or "")


def collect_rule_kinds(pm) -> dict[str, RuleKind]:
    """Every rule kind declared through ``register_rule_kinds``, by name."""
    return _unique(_results(pm, "register_rule_kinds"), "rule_kind")


def collect_profiles(pm) -> dict[str, Profile]:
    """Every named profile declared through ``register_profiles``, by id."""
    return _unique(_results(pm, "register_profiles"), "profile")


def collect_formats(pm) -> dict[str, Format]:
    """Every output format declared through ``register_formats``, by name."""
    formats = _unique(_results(pm, "register_formats"), "format")
    for fmt in formats.values():
        if fmt.scope != "scorecard" and not fmt.filename:
            raise PluginError("format_no_filename", plugin=fmt.plugin, name=fmt.name)
    return formats


def collect_criteria(pm, rule_kinds, items) -> tuple[dict[str, Category], dict[str, Criterion]]:
    """Every category and criterion declared through ``register_criteria``."""
    rubrics = [(plugin, attrs.evolve(r, plugin=plugin)) for plugin, r in _results(pm, "register_criteria")]
    categories = _unique(((p, c) for p, r in rubrics for c in r.categories), "category")
    criteria = _unique(((p, c) for p, r in rubrics for c in r.criteria), "criterion")
    for _plugin, rubric in rubrics:
        _check_rubric(rubric, categories, rule_kinds, items)
    order = sorted(categories.values(), key=lambda c: (c.order, c.id))
    return {c.id: c for c in order}, criteria


def _check_rubric(rubric: Rubric, categories, rule_kinds, items) -> None:
    from evalkit.rules import check_rule

    where = {"owner": f"插件 {rubric.plugin} ", "plugin": rubric.plugin, "file": rubric.source}
    for criterion in rubric.criteria:
        if criterion.category not in categories:
            raise PluginError("unknown_category", criterion=criterion.id, category=criterion.category, **where)
        check_rule(criterion, rule_kinds, items, where)
    if rubric.base_total is not None:
        total = sum((c.points for c in rubric.criteria if c.kind is Kind.BASE), start=0)
        if total != rubric.base_total:
            raise PluginError("base_total_mismatch", total=total, declared=rubric.base_total, **where)


def run_checks(pm, submission: Submission, text: str | None, lang: str = "zh") -> tuple[Finding, ...]:
    """Call ``check_report`` once: every finding, in pluggy's calling order.

    A check that raises becomes a finding that names its plugin; the others still run.
    """
    findings = []
    for impl in implementations(pm, "check_report"):
        args = {name: {"submission": submission, "text": text, "lang": lang}[name] for name in impl.argnames}
        trace(f"check_report({', '.join(args)}) → {impl.plugin_name}")
        try:
            findings.extend(impl.function(**args) or ())
        except Exception as exc:  # one broken check must not hide the others' findings
            findings.append(Finding("check-failed", Severity.ERROR, text_of("check_failed", lang, plugin=impl.plugin_name, detail=describe(exc))))
    return tuple(findings)


def add_commands(pm, subparsers, lang: str = "zh") -> None:
    """Call ``register_commands`` once, letting each plugin add its commands, their help in ``lang``."""
    pm.hook.register_commands(subparsers=subparsers, lang=lang)
