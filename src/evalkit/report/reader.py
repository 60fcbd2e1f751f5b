"""A reader turns one kind of report file into its text."""

from __future__ import annotations

from collections.abc import Callable

import attrs


@attrs.frozen
class Reader:
    """Reads files with one of ``suffixes``: ``read(path) -> str``, or raises InputError."""

    name: str
    suffixes: tuple[str, ...] = attrs.field(converter=tuple)
    read: Callable
    plugin: str | None = None

    @property
    def id(self) -> str:
        return self.name
