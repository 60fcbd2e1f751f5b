"""What plugins register to read reports: a reader turns a file into text, an extractor
turns text into an item. Kept light: importing it loads no parsing code."""

from __future__ import annotations

from collections.abc import Callable

import attrs

from evalkit.model import as_tuple


@attrs.frozen
class Read:
    """What a reader gives back when some of the text was read by OCR: ``marks`` are
    (start, end, confidence 0–100) spans of ``text``, and the figures in them await review."""

    text: str
    marks: tuple[tuple[int, int, int], ...] = ()


def plain(read: str | Read) -> str:
    """The text of what a reader gave back."""
    return read if isinstance(read, str) else read.text


@attrs.frozen
class Reader:
    """Reads files with one of ``suffixes``: ``read(path)`` gives a str or a Read, or raises
    InputError."""

    name: str
    suffixes: tuple[str, ...] = attrs.field(converter=as_tuple)
    read: Callable
    plugin: str | None = None

    @property
    def id(self) -> str:
        return self.name


@attrs.frozen
class Extractor:
    """Maps a figure (``pattern`` near it, one of ``units``, ``context`` before its clause,
    ``around`` in that text and the clause together, and not ``unless`` in it) or a phrase to an item."""

    item: str
    pattern: str  #: a regular expression
    units: tuple[str, ...] = attrs.field(default=(), converter=as_tuple)  #: accepted units; empty: any
    phrase: bool = False  #: a practice: the item is true where the pattern occurs in the text
    plugin: str | None = None
    context: str | None = None  #: a regular expression the text before the figure's clause must match
    unless: str | None = None  #: a regular expression that, found in the figure's clause before it, rules the extractor out
    around: str | None = None  #: a regular expression the text before the clause and the clause before the figure, together, must match

    @property
    def id(self) -> str:
        """Item and pattern, then each surrounding condition by name: two extractors differing only
        in which condition holds the same words are two extractors."""
        conditions = (f"{name}={value}" for name, value in (("context", self.context), ("unless", self.unless), ("around", self.around)) if value)
        return ":".join([*(part for part in (self.item, self.pattern) if part), *conditions])
