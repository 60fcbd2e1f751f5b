"""Scoring a batch's files in worker processes; the results come back in input order.

The pool knows nothing of how a file is scored: the batch hands it the function. A worker that
dies (killed, out of memory, a crash in a library) fails only the file it held: the chunk it
was working on is scored again one file at a time, each in a process of its own, and the file
whose process dies again comes back as ``Died``, for the batch to report; the rest go on.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

import attrs

_PROCESS = None
_EVALUATOR = None
_OPTIONS: tuple = (("md",), None)  #: (township formats, keep)
CHUNK = 16


@attrs.frozen
class Died:
    """A file whose worker process died while scoring it, twice."""

    path: str


def _process(path):
    return _PROCESS(_EVALUATOR, path, *_OPTIONS)


def _process_chunk(chunk):
    return [_process(path) for path in chunk]


def available() -> bool:
    """Workers are forked, so that they share what the parent prepared."""
    return "fork" in multiprocessing.get_all_start_methods()


def _pool(jobs: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork"))


def process_parallel(process, evaluator, files, jobs: int, formats: tuple[str, ...] = ("md",), keep: tuple | None = None):
    """``process(evaluator, path, formats, keep)`` over ``files`` in ``jobs`` forked
    processes, yielding results in input order."""
    global _PROCESS, _EVALUATOR, _OPTIONS
    _PROCESS, _EVALUATOR, _OPTIONS = process, evaluator, (formats, keep)  # inherited by the forked workers: plugins, plan and validator built once
    chunks = [files[start : start + CHUNK] for start in range(0, len(files), CHUNK)]
    done = 0
    while done < len(chunks):
        with _pool(jobs) as pool:
            futures = [pool.submit(_process_chunk, chunk) for chunk in chunks[done:]]
            for future in futures:
                try:
                    results = future.result()
                except BrokenProcessPool:
                    break
                yield from results
                done += 1
        if done < len(chunks):  # the pool broke on this chunk (or while it waited): one file at a time
            yield from (_alone(path) for path in chunks[done])
            done += 1


def _alone(path):
    """One file in a process of its own; ``Died`` if that process dies too."""
    with _pool(1) as pool:
        try:
            return pool.submit(_process, path).result()
        except BrokenProcessPool:
            return Died(str(path))
