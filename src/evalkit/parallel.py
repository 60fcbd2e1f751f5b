"""Scoring a batch's files in worker processes; the results come back in input order."""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor

_EVALUATOR = None
_COPIES: dict = {}
_OPTIONS: tuple = (True, None)  #: (markdown, keep)
CHUNK = 16


def _process(job):
    from evalkit.township import process_one

    index, path = job
    return process_one(_EVALUATOR, path, _COPIES.get(index, ()), *_OPTIONS)


def available() -> bool:
    """Workers are forked, so that they share what the parent prepared."""
    return "fork" in multiprocessing.get_all_start_methods()


def process_parallel(evaluator, files, copies, jobs: int, markdown: bool = True, keep: tuple | None = None):
    """process_one over ``files`` in ``jobs`` forked processes, yielding results in input order."""
    global _EVALUATOR, _COPIES, _OPTIONS
    _EVALUATOR, _COPIES, _OPTIONS = evaluator, copies, (markdown, keep)  # inherited by the forked workers: plugins, plan and validator built once
    with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork")) as pool:
        yield from pool.map(_process, enumerate(files), chunksize=CHUNK)
