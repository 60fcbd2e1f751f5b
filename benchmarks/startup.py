"""`evalkit check` start-up against `python3 -c pass`, with the plugin-data cache and without it
(EVALKIT_CACHE pointing where no cache can be), medians of alternating runs, bytecode compiled.
With BEFORE (another checkout's root, holding src/ and plugins/), its source is timed in the
same alternation, so the two are compared on the same machine load.

    BEFORE=/path/to/old/checkout .venv/bin/python benchmarks/startup.py
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


def _checks(root: Path, cache: str, label: str) -> dict:
    """The two `evalkit check` runs of the source under ``root``."""
    for folder in (root / "src", root / "plugins"):
        compileall.compile_dir(folder, quiet=1)
    path = os.pathsep.join([str(root / "src"), str(root / "plugins" / "xianxiang" / "src")])
    env = dict(os.environ, PYTHONPATH=path)
    check = [sys.executable, "-m", "evalkit", "check", str(EXAMPLE)]
    return {
        f"{label}check, cache": (check, dict(env, EVALKIT_CACHE=cache)),
        f"{label}check, no cache": (check, dict(env, EVALKIT_CACHE="/dev/null/none")),
    }


def main() -> None:
    before = os.environ.get("BEFORE")
    with tempfile.TemporaryDirectory() as cache, tempfile.TemporaryDirectory() as old_cache:
        runs = {"python3 -c pass": ([sys.executable, "-c", "pass"], None)}
        if before:
            runs |= _checks(Path(before), old_cache, "before: ")
        runs |= _checks(ROOT, cache, "evalkit " if not before else "after:  ")
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
