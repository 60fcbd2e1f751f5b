"""The ``evalkit`` entry points, found once and kept until the installed distributions change.

Scanning every installed distribution's metadata (``importlib.metadata``) is a large part of
``evalkit check``'s start-up. What it finds depends only on the metadata folders on
``sys.path``, so the result is cached (see ``evalkit.cache``) under a stamp of those folders'
names and of their ``entry_points.txt`` files' modification times; any install, removal or
edit changes the stamp and the scan is made afresh. The stamp names the cache entry, so that
environments sharing one cache folder (two virtual environments, two Pythons) each keep theirs.
"""

from __future__ import annotations

import functools
import importlib
import os
import re
import sys
from typing import NamedTuple

from evalkit import cache

GROUP = "evalkit"
#: ``module.name:attr.name [extras]``, as importlib.metadata reads an entry point's value.
VALUE = re.compile(r"(?P<module>[\w.]+)\s*(:\s*(?P<attr>[\w.]+)\s*)?((?P<extras>\[.*\])\s*)?$")
METADATA = (".dist-info", ".egg-info")


class EntryPoint(NamedTuple):
    """One entry point of the ``evalkit`` group and the distribution (name, version) giving it."""

    name: str
    value: str
    dist: tuple[str, str] | None

    def load(self) -> object:
        """Import the module and follow the attributes, as importlib.metadata does."""
        match = VALUE.match(self.value)
        if match is None:
            raise ValueError(self.value)
        module = importlib.import_module(match["module"])
        return functools.reduce(getattr, filter(None, (match["attr"] or "").split(".")), module)


def found() -> list[EntryPoint]:
    """The group's entry points sorted by name: from the cache while the stamp holds."""
    entry = cache_name()
    held = cache.get(entry)
    if isinstance(held, list):
        try:
            return [EntryPoint(name, value, tuple(dist) if dist else None) for name, value, dist in held]
        except (TypeError, ValueError):
            pass  # a damaged entry: scan afresh
    entries = _scan()
    cache.put(entry, [list(ep) for ep in entries])
    return entries


def cache_name() -> str:
    """The cache entry of the entry points found with the distributions installed now."""
    return cache.key("entry-points", *_stamp())


def _scan() -> list[EntryPoint]:
    from importlib.metadata import entry_points

    return sorted(
        (EntryPoint(ep.name, ep.value, (ep.dist.name, ep.dist.version) if ep.dist is not None else None) for ep in entry_points(group=GROUP)),
        key=lambda ep: ep.name,
    )


def _stamp():
    """Each sys.path entry, its metadata folders and their modification times, as strings."""
    for entry in sys.path:
        folder = os.path.abspath(entry or ".")
        yield folder
        try:
            names = sorted(name for name in os.listdir(folder) if name.endswith(METADATA))
        except OSError:  # a zip or egg file, or nothing at all
            yield str(_mtime(folder))
            continue
        for name in names:
            path = os.path.join(folder, name)
            yield f"{name}\0{_mtime(path)}\0{_mtime(os.path.join(path, 'entry_points.txt'))}"


def _mtime(path: str) -> int:
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return -1
