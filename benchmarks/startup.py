"""`evalkit check` start-up against `python3 -c pass`, with the plugin-data cache and without it
(EVALKIT_CACHE pointing where no cache can be), medians of alternating runs, bytecode compiled.

    .venv/bin/python benchmarks/startup.py
"""

import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "xianxiang-2022" / "submission.json"
RUNS = 15


def _seconds(command, env) -> float:
    started = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False)
    return time.perf_counter() - started


def main() -> None:
    for folder in (ROOT / "src", ROOT / "plugins"):
        compileall.compile_dir(folder, quiet=1)
    with tempfile.TemporaryDirectory() as cache:
        runs = {
            "python3 -c pass": ([sys.executable, "-c", "pass"], None),
            "evalkit check, cache": ([sys.executable, "-m", "evalkit", "check", str(EXAMPLE)], dict(os.environ, EVALKIT_CACHE=cache)),
            "evalkit check, no cache": ([sys.executable, "-m", "evalkit", "check", str(EXAMPLE)], dict(os.environ, EVALKIT_CACHE="/dev/null/none")),
        }
        times = {name: [] for name in runs}
        for _ in range(RUNS):
            for name, (command, env) in runs.items():
                times[name].append(_seconds(command, env))
    bare = statistics.median(times["python3 -c pass"])
    for name, values in times.items():
        median = statistics.median(values)
        print(f"{name:26} {median * 1000:5.0f} ms  {median / bare:5.1f}×")


if __name__ == "__main__":
    main()
