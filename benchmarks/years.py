"""What keeping results and ranking firmness cost, against scoring the batch, in one run.

    .venv/bin/python benchmarks/years.py                 # N = 18 and 1,360
    .venv/bin/python benchmarks/years.py 18 1360 38741   # and national scale

For each N it scores the benchmark's synthetic batch in this process (batch.run, --jobs 1, no
files written: the baseline), then times importing numpy (once per process), the rank sensitivity analysis (sensitivity.analyse)
and keeping the run in a new results store (Store.save_run), and prints each in seconds and as
a ratio to the baseline, with the store's size. Ratios, not seconds, are the result.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402


def measure(count: int) -> str:
    from evalkit import batch as batch_
    from evalkit.evaluator import Evaluator
    from evalkit.sensitivity import analyse
    from evalkit.store import Store

    files = [str(p) for p in generate(count, HERE / "data" / str(count))]
    started = time.perf_counter()
    import numpy  # noqa: F401 - its import is timed apart: a one-off cost of the first analysis
    importing = time.perf_counter() - started
    evaluator = Evaluator()
    started = time.perf_counter()
    batch = batch_.run(evaluator, files, formats=())
    scoring = time.perf_counter() - started
    started = time.perf_counter()
    analyse(batch.entries, batch.categories, evaluator.plan)
    firmness = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "store.db"
        with Store(path) as store:
            started = time.perf_counter()
            store.save_run(batch, evaluator.plan.criteria)
            keeping = time.perf_counter() - started
        size = sum(p.stat().st_size for p in Path(scratch).iterdir()) / 2**20
    return (f"| {count:,} | {scoring:.2f} | {importing:.2f} | {firmness:.2f} ({firmness / scoring:.2f}×) | "
            f"{keeping:.2f} ({keeping / scoring:.2f}×) | {size:.1f} MiB ({batch_.DETAIL_LIMIT < count and 'summaries' or 'whole'}) |")


def main(argv: list[str]) -> int:
    print("| townships | scoring, s (baseline) | numpy import, s | sensitivity, s (ratio) | store, s (ratio) | store size |")
    print("|---|---|---|---|---|---|")
    for count in [int(a) for a in argv] or [18, 1360]:
        print(measure(count), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
