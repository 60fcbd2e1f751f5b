"""The plugin manager: built-in plugins first, then the ``evalkit`` entry points."""

from __future__ import annotations

import importlib
import os

import pluggy

from evalkit import entrypoints, hookspecs
from evalkit.errors import PluginError, describe
from evalkit.messages import text

DEFAULT_PLUGINS = (
    "evalkit.default_plugins.rule_kinds",
    "evalkit.default_plugins.checks",
    "evalkit.default_plugins.formats",
    "evalkit.default_plugins.profiles",
    "evalkit.default_plugins.readers",
    "evalkit.default_plugins.converted_readers",
    "evalkit.default_plugins.report_checks",
    "evalkit.default_plugins.form_checks",
    "evalkit.default_plugins.ranking_csv",
    "evalkit.default_plugins.workbook",
    "evalkit.default_plugins.html_report",
    "evalkit.default_plugins.serve",
)


class PluginManager(pluggy.PluginManager):
    """pluggy's manager, remembering which distribution each entry point came from."""

    def __init__(self) -> None:
        super().__init__("evalkit")
        self.distributions: dict[str, tuple[str, str]] = {}
        self.failures: list[str] = []  #: one message per plugin that could not be imported


def make_plugin_manager(load_entrypoints: bool = True, plugins=()) -> PluginManager:
    """Build a fresh plugin manager.

    ``plugins`` are extra plugin objects registered after the defaults, as a test would.
    """
    pm = PluginManager()
    pm.add_hookspecs(hookspecs)
    for name in DEFAULT_PLUGINS:
        pm.register(importlib.import_module(name), name=name)
    if load_entrypoints:
        _load_entrypoints(pm, _allowed_plugins())
    for plugin in plugins:
        _register(pm, plugin, getattr(plugin, "__name__", type(plugin).__name__))
    _check(pm)
    return pm


def _allowed_plugins() -> set[str] | None:
    """Names from EVALKIT_LOAD_PLUGINS; None when it is unset, empty when it is ''."""
    value = os.environ.get("EVALKIT_LOAD_PLUGINS")
    if value is None:
        return None
    return {name.strip() for name in value.split(",") if name.strip()}


def _load_entrypoints(pm: PluginManager, allowed: set[str] | None) -> None:
    for ep in entrypoints.found():
        if allowed is not None and ep.name not in allowed:
            continue
        if pm.get_plugin(ep.name) is not None:
            continue
        try:
            plugin = ep.load()
        except Exception as exc:  # a broken plugin must not stop the others
            message = text("plugin_import_failed", name=f"{ep.name}({ep.value})", detail=describe(exc))
            pm.failures.append(message)
            continue
        _register(pm, plugin, ep.name)
        if ep.dist is not None:
            pm.distributions[ep.name] = ep.dist


def _register(pm: PluginManager, plugin: object, name: str | None) -> None:
    try:
        pm.register(plugin, name=name)
    except pluggy.PluginValidationError as exc:
        raise PluginError("plugin_hook_invalid", plugin=name or repr(plugin), detail=str(exc)) from None


def _check(pm: pluggy.PluginManager) -> None:
    try:
        pm.check_pending()
    except pluggy.PluginValidationError as exc:
        raise PluginError("plugin_hook_unknown", plugin=plugin_name(pm, exc.plugin), detail=str(exc)) from None


def plugin_name(pm: pluggy.PluginManager, plugin: object) -> str:
    """The name a plugin was registered under."""
    return pm.get_name(plugin) or getattr(plugin, "__name__", repr(plugin))
