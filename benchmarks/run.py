"""The speed benchmark: evalkit against the floor of reading and parsing, in one run.

    .venv/bin/python benchmarks/run.py                 # N = 18 and 1,360
    .venv/bin/python benchmarks/run.py 18 1360 38741   # and national scale

For each N it generates (once, deterministically) N synthetic submissions, then measures side
by side, in this run: the floor (read + json.loads of every file), the straightforward
pipeline (jsonschema validation per document, plus scoring), and `evalkit score` end to end
with --jobs 1 and 2, writing the ranking and a JSON scorecard per township, then adding the
workbook and the page, then every output (each the best of three runs up to N = 1,360, as the
floor is the best of three passes). It prints documents per second, the ratio of each to the
floor, and peak memory; then `evalkit check` start-up on the example's submission and on its
report against `python3 -c pass` (benchmarks/startup.py). Ratios, not seconds, are the
result: this machine is noisy.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402
from startup import BARE, medians  # noqa: E402

STRAIGHTFORWARD_SAMPLE = 400  # jsonschema costs ~7 ms a document: a sample gives its rate
STARTUP_RUNS = 11
EVALKIT = [sys.executable, "-m", "evalkit"]


def floor(files: list[Path]) -> float:
    """The best of three passes: the cheapest the floor gets, so that ratios are not flattered."""
    passes = []
    for _ in range(3):
        started = time.perf_counter()
        for path in files:
            json.loads(path.read_bytes())
        passes.append(time.perf_counter() - started)
    return min(passes)


def straightforward(files: list[Path]) -> float:
    """Seconds per document: jsonschema's validator (built once) on each document, then scoring."""
    from jsonschema import Draft202012Validator

    from evalkit.evaluator import Evaluator, Loaded
    from evalkit.submission import Submission

    evaluator = Evaluator()
    validator = Draft202012Validator(evaluator.submission_schema)
    sample = files[:STRAIGHTFORWARD_SAMPLE]
    started = time.perf_counter()
    for path in sample:
        doc = json.loads(path.read_bytes())
        if not list(validator.iter_errors(doc)):
            items = {k: v for k, v in doc["items"].items() if k in evaluator.catalog.items}
            evaluator.evaluate(Loaded(Submission.from_dict({**doc, "items": items})))
    return (time.perf_counter() - started) / len(sample)


def evalkit_score(folder: Path, jobs: int, formats: str, repeats: int) -> tuple[float, int]:
    """Wall seconds (the best of ``repeats`` runs, as for the floor) and peak RSS (KiB) of
    `evalkit score` in its own process."""
    runs = []
    for _ in range(repeats):
        with tempfile.TemporaryDirectory() as out:
            command = [*EVALKIT, "score", str(folder), "--out", f"{out}/o", "--jobs", str(jobs), "--formats", formats, "--format", "json"]
            started = time.perf_counter()
            process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            _pid, status, usage = os.wait4(process.pid, 0)
            runs.append((time.perf_counter() - started, usage.ru_maxrss))
        if os.waitstatus_to_exitcode(status) not in (0, 1):
            raise SystemExit(f"evalkit score failed: {command}")
    return min(elapsed for elapsed, _ in runs), max(peak for _, peak in runs)


def measure(count: int) -> list[list]:
    folder = HERE / "data" / str(count)
    files = generate(count, folder)
    base = floor(files)
    rows = [["floor: read + json.loads", count / base, 1.0, ""]]
    per_doc = straightforward(files)
    rows.append([f"jsonschema + scoring ({min(count, STRAIGHTFORWARD_SAMPLE)}-doc sample)", 1 / per_doc, per_doc * count / base, ""])
    runs = (
        (1, "csv", "ranking + JSON scorecards"),
        (2, "csv", "ranking + JSON scorecards"),
        (1, "csv,xlsx,html", "+ workbook and page"),
        (1, "all", "every output (+ Markdown scorecards)"),
    )
    repeats = 3 if count <= 1360 else 1  # a national run takes minutes: one of each
    for jobs, formats, label in runs:
        elapsed, peak = evalkit_score(folder, jobs, formats, repeats)
        rows.append([f"evalkit score --jobs {jobs}, {label}", count / elapsed, elapsed / base, f"{peak / 1024:.0f} MiB"])
    return rows


def main(counts: list[int]) -> None:
    from evalkit.columns import table

    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.platform()}")
    for count in counts:
        print(f"\nN = {count}")
        shown = [[name, f"{rate:,.0f}", f"{ratio:.1f}×", peak] for name, rate, ratio, peak in measure(count)]
        print(table(shown, ["pipeline", "docs/s", "time ÷ floor", "peak RSS"], align=("left", "right", "right", "right")))
    started = medians(runs=STARTUP_RUNS)
    print(f"\nstart-up, medians of {STARTUP_RUNS} (wall, CPU): {BARE} {started[BARE][0] * 1000:.0f} ms, {started[BARE][1] * 1000:.0f} ms")
    for name in ("check json, cache", "check report, cache"):
        wall, cpu = started[name]
        print(f"evalkit {name}: {wall * 1000:.0f} ms = {wall / started[BARE][0]:.1f}×, CPU {cpu * 1000:.0f} ms = {cpu / started[BARE][1]:.1f}×")


if __name__ == "__main__":
    main([int(n) for n in sys.argv[1:]] or [18, 1360])
