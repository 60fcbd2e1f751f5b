"""Entry points found once, then taken from a cache until the installed distributions change."""

import os
import sys

import pytest

from evalkit import entrypoints
from evalkit.plugins import make_plugin_manager


def _no_scan():
    raise AssertionError("scanned again")


def test_a_second_start_takes_the_entry_points_from_the_cache(tmp_path, monkeypatch, entry_point):
    """The same installed distributions are not scanned twice; the plugin still loads and is named."""
    monkeypatch.setenv("EVALKIT_CACHE", str(tmp_path / "cache"))
    entry_point("cached", "def register_items():\n    return []\n")
    first = entrypoints.found()
    assert ("cached", "evalkit_test_cached", ("evalkit-cached", "9.9")) in first
    monkeypatch.setattr(entrypoints, "_scan", _no_scan)
    assert entrypoints.found() == first
    pm = make_plugin_manager()
    assert pm.get_plugin("cached") is not None and pm.distributions["cached"] == ("evalkit-cached", "9.9")


def test_an_installed_removed_or_edited_distribution_is_seen(tmp_path, monkeypatch, entry_point):
    """A new distribution, an edited entry_points.txt and a deleted one each change the stamp."""
    monkeypatch.setenv("EVALKIT_CACHE", str(tmp_path / "cache"))
    entry_point("first", "")
    assert "first" in [ep.name for ep in entrypoints.found()]
    entry_point("second", "")
    assert {"first", "second"} <= {ep.name for ep in entrypoints.found()}
    points = tmp_path / "evalkit_second-9.9.dist-info" / "entry_points.txt"
    points.write_text("[evalkit]\nrenamed = evalkit_test_second\n", encoding="utf-8")
    os.utime(points, ns=(1, 1))
    names = {ep.name for ep in entrypoints.found()}
    assert "renamed" in names and "second" not in names
    (tmp_path / "evalkit_first-9.9.dist-info" / "entry_points.txt").unlink()
    assert "first" not in {ep.name for ep in entrypoints.found()}


def test_two_environments_sharing_a_cache_each_keep_their_entry(tmp_path, monkeypatch, entry_point):
    """Another sys.path (another virtual environment) does not replace the first one's entry."""
    monkeypatch.setenv("EVALKIT_CACHE", str(tmp_path / "cache"))
    entry_point("here", "")
    first, here = entrypoints.found(), list(sys.path)
    (tmp_path / "other").mkdir()
    monkeypatch.setattr("sys.path", [str(tmp_path / "other")])
    assert entrypoints.found() == []
    monkeypatch.setattr("sys.path", here)
    monkeypatch.setattr(entrypoints, "_scan", _no_scan)
    assert entrypoints.found() == first


def test_a_damaged_cache_is_scanned_afresh(tmp_path, monkeypatch, entry_point):
    """A cache entry that is not what was written is ignored and replaced."""
    monkeypatch.setenv("EVALKIT_CACHE", str(tmp_path / "cache"))
    entry_point("mended", "")
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / f"{entrypoints.cache_name()}.json").write_text("[[1]]", encoding="utf-8")
    assert "mended" in [ep.name for ep in entrypoints.found()]
    monkeypatch.setattr(entrypoints, "_scan", _no_scan)
    assert "mended" in [ep.name for ep in entrypoints.found()]


def test_a_value_names_a_module_and_its_attributes():
    """``module:attr.attr`` loads the attribute, as importlib.metadata would; a bad value raises."""
    assert entrypoints.EntryPoint("p", "os.path:join", None).load() is os.path.join
    assert entrypoints.EntryPoint("p", "os.path [extra]", None).load() is os.path
    with pytest.raises(ValueError):
        entrypoints.EntryPoint("p", "not a value!", None).load()
