"""Plugin data read once: later runs take it from a cache keyed by the file's bytes."""

import os
import subprocess
import sys

import pytest

from evalkit import cache
from evalkit.rubrics import load_items

ITEMS = "items:\n  - {id: c.one, title: 一项, schema: {type: integer}}\n"


def test_a_second_read_comes_from_the_cache_and_a_change_is_seen(tmp_path, monkeypatch):
    """The same bytes are read from the cache; changed bytes are read afresh."""
    monkeypatch.setenv("EVALKIT_CACHE", str(tmp_path / "cache"))
    path = tmp_path / "items.yaml"
    path.write_text(ITEMS, encoding="utf-8")
    assert [i.id for i in load_items(path)] == ["c.one"]
    assert len(list((tmp_path / "cache").iterdir())) == 1
    monkeypatch.setattr("evalkit.documents.load_yaml", lambda *a: (_ for _ in ()).throw(AssertionError("parsed again")))
    assert [i.id for i in load_items(path)] == ["c.one"]
    monkeypatch.undo()
    monkeypatch.setenv("EVALKIT_CACHE", str(tmp_path / "cache"))
    path.write_text(ITEMS.replace("c.one", "c.two"), encoding="utf-8")
    assert [i.id for i in load_items(path)] == ["c.two"]


def test_a_damaged_or_unwritable_cache_is_not_used(tmp_path, monkeypatch):
    """A damaged entry is read afresh; a cache folder that cannot be made changes nothing."""
    monkeypatch.setenv("EVALKIT_CACHE", str(tmp_path / "cache"))
    path = tmp_path / "items.yaml"
    path.write_text(ITEMS, encoding="utf-8")
    load_items(path)
    [entry] = (tmp_path / "cache").iterdir()
    entry.write_bytes(b"{damaged")
    assert [i.id for i in load_items(path)] == ["c.one"]
    (tmp_path / "file").write_text("x", encoding="utf-8")
    monkeypatch.setenv("EVALKIT_CACHE", str(tmp_path / "file" / "cache"))
    assert [i.id for i in load_items(path)] == ["c.one"] and cache.get("nothing") is None


@pytest.mark.parametrize("name", ["submission.json", "report.txt"])
def test_a_check_gives_the_same_bytes_with_or_without_the_cache(tmp_path, example_path, name):
    """Filling the cache, reading from it, and a cache that cannot be made: the same output, byte for byte."""
    outputs = []
    for folder in (tmp_path / "cache", tmp_path / "cache", "/dev/null/none"):
        env = dict(os.environ, EVALKIT_CACHE=str(folder))
        done = subprocess.run([sys.executable, "-m", "evalkit", "check", str(example_path.parent / name)], capture_output=True, env=env, check=True)
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1] == outputs[2] and outputs[0]
    assert any((tmp_path / "cache").iterdir())
