"""Finding a batch's files: files as given, and every readable file inside folders."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from evalkit.errors import InputError
from evalkit.evaluator import SUBMISSION_SUFFIXES, Evaluator
from evalkit.exports import MARKER


def inputs(paths: Iterable[str], suffixes: Iterable[str], skip: Path | None = None) -> list[Path]:
    """The files to score: files as given, and every readable file inside folders, sorted.

    Inside a folder, hidden files and folders, earlier evalkit outputs and ``skip`` are left out.
    """
    wanted = {s.lower() for s in suffixes}
    skip = skip.resolve() if skip is not None else None
    found: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found += [path.joinpath(*parts) for parts in sorted(_walk(path, wanted, skip))]
        elif not os.path.lexists(path):  # a name mistyped on the command line: a usage error, as the docs say
            raise InputError("file_missing", file=name)
        else:
            found.append(path)
    return list(dict.fromkeys(found))


def _walk(folder: Path, wanted: set[str], skip: Path | None, parts: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    """The parts, relative to the walk's root, of each wanted file under ``folder``."""
    try:
        with os.scandir(folder) as scan:
            entries = list(scan)
    except PermissionError:  # a folder we may not read holds nothing to score, as for rglob
        return
    if any(e.name == MARKER for e in entries) or (skip is not None and folder.resolve() == skip):
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(Path(entry.path), wanted, skip, (*parts, entry.name))
        elif entry.is_file() and os.path.splitext(entry.name)[1].lower() in wanted:
            yield (*parts, entry.name)


#: Office files a township might send instead: scored as failures that say what to do, not skipped.
OFFICE_SUFFIXES = (".xls", ".xlsx", ".et", ".ofd")


def suffixes(evaluator: Evaluator) -> list[str]:
    """Every file suffix the batch reads: submissions and reports."""
    return [*SUBMISSION_SUFFIXES, *evaluator.catalog.readers]
