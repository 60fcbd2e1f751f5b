"""Plugin data read once: later runs take it from a cache keyed by the file's bytes."""

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
