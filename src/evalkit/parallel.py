"""Reading a batch's files in worker processes; the results come back in input order."""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor

_EVALUATOR = None
CHUNK = 16


def _load(path):
    from evalkit.batch import load_one

    return load_one(_EVALUATOR, path)


def available() -> bool:
    """Workers are forked, so that they share what the parent prepared."""
    return "fork" in multiprocessing.get_all_start_methods()


def load_parallel(evaluator, files, jobs: int, progress=None) -> list:
    """load_one over ``files`` in ``jobs`` forked processes that share the prepared evaluator."""
    global _EVALUATOR
    _EVALUATOR = evaluator  # inherited by the forked workers: plugins, plan and validator built once
    results = []
    with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork")) as pool:
        for index, result in enumerate(pool.map(_load, files, chunksize=CHUNK), 1):
            results.append(result)
            if progress:
                progress(index, len(files))
    return results
