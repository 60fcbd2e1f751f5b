"""Hooks are called in pluggy's order, a wrapper implementation is refused by name, and
extractor patterns are checked once."""

import re

import pytest

from evalkit import Extractor, Finding, ItemSpec, Severity, hookimpl
from evalkit.catalog import run_checks
from evalkit.errors import PluginError
from evalkit.evaluator import Evaluator
from evalkit.plugins import make_plugin_manager

import toyplugin
from conftest import toy_doc


def _check(code: str, **marks):
    class Check:
        @hookimpl(**marks)
        def check_report(self, submission):
            return [Finding(code, Severity.INFO, code)]

    Check.__name__ = code  # the plugin's name
    return Check()


def _codes(*plugins) -> list[str]:
    pm = make_plugin_manager(load_entrypoints=False, plugins=[toyplugin, *plugins])
    loaded = Evaluator(pm).validate(toy_doc(), "x")
    return [f.code for f in run_checks(pm, loaded.submission, None) if f.code.startswith("order-")]


def test_tryfirst_runs_first_and_trylast_last():
    """Whatever the registration order, tryfirst is called first and trylast last, as pluggy does."""
    plugins = [_check("order-last", trylast=True), _check("order-plain"), _check("order-first", tryfirst=True)]
    assert _codes(*plugins) == ["order-first", "order-plain", "order-last"]
    assert _codes(*plugins[::-1]) == ["order-first", "order-plain", "order-last"]


def test_a_wrapper_is_refused_naming_its_plugin():
    """A wrapper implementation of a hook evalkit calls itself gets a message naming the plugin."""

    class Wrapping:
        @hookimpl(wrapper=True)
        def register_items(self):
            return (yield)

    with pytest.raises(PluginError) as caught:
        Evaluator(make_plugin_manager(load_entrypoints=False, plugins=[toyplugin, Wrapping()]))
    assert caught.value.key == "plugin_hook_wrapper" and "包装器" in caught.value.message()
    assert caught.value.params["plugin"] in caught.value.message()


def _with_extractors(extractors) -> Evaluator:
    class Patterns:
        @hookimpl
        def register_items(self):
            return [ItemSpec("t.count", "件数", "件", {"type": "integer"})]

        @hookimpl
        def register_extractors(self):
            return extractors

    return Evaluator(make_plugin_manager(load_entrypoints=False, plugins=[Patterns()]))


def _extracting(*patterns) -> Evaluator:
    return _with_extractors([Extractor("t.count", pattern, ("件",)) for pattern in patterns])


def test_extractor_patterns_that_compiled_are_not_compiled_again(tmp_path, monkeypatch):
    """A set of patterns that compiled once is remembered; a new bad one is still named."""
    monkeypatch.setenv("EVALKIT_CACHE", str(tmp_path))
    _extracting("信访", "调解")
    compiled, real = [], re.compile
    monkeypatch.setattr(re, "compile", lambda pattern, *a: compiled.append(pattern) or real(pattern, *a))
    _extracting("信访", "调解")
    assert "信访" not in compiled
    with pytest.raises(PluginError) as caught:
        _extracting("信访", "调解(")
    assert caught.value.key == "bad_pattern" and "t.count" in caught.value.message() and "信访" in compiled


@pytest.mark.parametrize("extractor", [Extractor("t.count", "信访", ("件",), context="干部("), Extractor("t.count", "信访", ("件",), unless="[中心组"),
                                       Extractor("t.count", "信访", ("件",), around="学习(法")])
def test_a_bad_context_unless_or_around_pattern_is_named(tmp_path, monkeypatch, extractor):
    """An extractor's context, unless and around are compiled at start-up like its pattern."""
    monkeypatch.setenv("EVALKIT_CACHE", str(tmp_path))
    with pytest.raises(PluginError) as caught:
        _with_extractors([extractor])
    assert caught.value.key == "bad_pattern"


def test_another_python_compiles_the_patterns_again(tmp_path, monkeypatch):
    """The patterns cache holds for one Python: another version (another `re`) compiles them afresh."""
    monkeypatch.setenv("EVALKIT_CACHE", str(tmp_path))
    _extracting("信访", "调解")
    compiled, real = [], re.compile
    monkeypatch.setattr(re, "compile", lambda pattern, *a: compiled.append(pattern) or real(pattern, *a))
    monkeypatch.setattr("sys.version", "3.99.0 (another build)")
    _extracting("信访", "调解")
    assert "信访" in compiled and "调解" in compiled


@pytest.mark.parametrize("evidence", [{"topic": "法("}, {"who": "[班子"}, {"others": "干部)"}])
def test_a_bad_evidence_pattern_is_named(evidence):
    """An item's evidence expressions are compiled at start-up, and a bad one names its item."""

    class Evidence:
        @hookimpl
        def register_items(self):
            return [ItemSpec("t.count", "件数", "件", {"type": "integer"}, evidence=evidence)]

    with pytest.raises(PluginError) as caught:
        Evaluator(make_plugin_manager(load_entrypoints=False, plugins=[Evidence()]))
    assert caught.value.key == "bad_pattern" and "t.count" in caught.value.message()


def test_extractors_differing_only_in_which_condition_holds_the_words_are_both_kept(tmp_path, monkeypatch):
    """One extractor with context 干部 and one with unless 干部 are two extractors, not a duplicate."""
    monkeypatch.setenv("EVALKIT_CACHE", str(tmp_path))
    ruled_in, ruled_out = Extractor("t.count", "信访", ("件",), context="干部"), Extractor("t.count", "信访", ("件",), unless="干部")
    evaluator = _with_extractors([ruled_in, ruled_out])
    assert {ruled_in.id, ruled_out.id} <= {e.id for e in evaluator.catalog.extractors}
