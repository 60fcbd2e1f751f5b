"""`evalkit check` start-up against `python3 -c pass`, on the example's submission and on its
report (read and extracted first), with the plugins' cache and without it (EVALKIT_CACHE
pointing where no cache can be): medians of alternating runs, wall-clock and CPU (user +
system) time, the second less disturbed by a busy machine; bytecode compiled.
With BEFORE (another checkout's root, holding src/ and plugins/ and, once `make` has run
there, .venv/), its source is timed in the same alternation, so the two are compared on the
same machine load.

    BEFORE=/path/to/old/checkout .venv/bin/python benchmarks/startup.py

With ``steps``, it times instead what a check is made of, one step more each time: the bare
interpreter; importing pluggy and attrs, on which evalkit's design rests; the standard
library modules evalkit uses; the validator and the JSON reader; evalkit itself (its domain
classes); the plugins registered and the commands parsed (``--version``); a check of the
submission; a check of the report.

    .venv/bin/python benchmarks/startup.py steps
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
EXAMPLES = {"json": ROOT / "examples" / "xianxiang-2022" / "submission.json", "report": ROOT / "examples" / "xianxiang-2022" / "report.txt"}
RUNS = 15


def _seconds(command, env) -> tuple[float, float]:
    """Wall-clock and CPU (user + system) seconds of one run, which must succeed."""
    started = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)  # reaped here: Popen must not wait again
    if child.returncode != 0:
        raise SystemExit(f"{' '.join(command)} exited {child.returncode}")
    return time.perf_counter() - started, usage.ru_utime + usage.ru_stime


def _checks(root: Path, cache: str, label: str) -> dict:
    """The `evalkit check` runs of the source under ``root``, by its own .venv if it has one
    (so that the dependencies it pins are the ones timed)."""
    for folder in (root / "src", root / "plugins"):
        compileall.compile_dir(folder, quiet=1)
    path = os.pathsep.join([str(root / "src"), str(root / "plugins" / "xianxiang" / "src")])
    env = dict(os.environ, PYTHONPATH=path)
    python = root / ".venv" / "bin" / "python"
    evalkit = [str(python) if python.exists() else sys.executable, "-m", "evalkit", "check"]
    runs = {}
    for name, example in EXAMPLES.items():
        runs[f"{label}{name}, cache"] = ([*evalkit, str(example)], dict(env, EVALKIT_CACHE=cache))
        runs[f"{label}{name}, no cache"] = ([*evalkit, str(example)], dict(env, EVALKIT_CACHE="/dev/null/none"))
    return runs


BARE = "python3 -c pass"
LIBRARIES = {
    "import pluggy, attrs": "pluggy, attrs",
    "+ stdlib evalkit uses": "decimal, pathlib, hashlib, json, importlib.resources, argparse",
    "+ jsonschema_rs, orjson": "jsonschema_rs, orjson",
    "+ import evalkit": "evalkit",
}


def medians(before: str | None = None, runs: int = RUNS) -> dict[str, tuple[float, float]]:
    """Median wall-clock and CPU seconds of `evalkit check`, and of ``before``'s if given."""
    with tempfile.TemporaryDirectory() as cache, tempfile.TemporaryDirectory() as old_cache:
        commands = {BARE: ([sys.executable, "-c", "pass"], None)}
        if before:
            commands |= _checks(Path(before), old_cache, "before: ")
        return _timed(commands | _checks(ROOT, cache, "check " if not before else "after:  "), runs)


def steps(runs: int = RUNS) -> dict[str, tuple[float, float]]:
    """Median wall-clock and CPU seconds of each step, with the cache filled by the first run."""
    with tempfile.TemporaryDirectory() as cache:
        env = _checks(ROOT, cache, "")["json, cache"][1]
        commands, imported = {BARE: [sys.executable, "-c", "pass"]}, []
        for label, modules in LIBRARIES.items():  # each step imports what the one before did, and more
            imported.append(modules)
            commands[label] = [sys.executable, "-c", f"import {', '.join(imported)}"]
        evalkit = [sys.executable, "-m", "evalkit"]
        commands |= {
            "evalkit --version": [*evalkit, "--version"],
            "check json": [*evalkit, "check", str(EXAMPLES["json"])],
            "check report": [*evalkit, "check", str(EXAMPLES["report"])],
        }
        return _timed({name: (command, env) for name, command in commands.items()}, runs)


def _timed(commands: dict, runs: int) -> dict[str, tuple[float, float]]:
    """Each (command, environment) run in turn ``runs`` times: the medians of its two times."""
    times = {name: [] for name in commands}
    for _ in range(runs):
        for name, (command, env) in commands.items():
            times[name].append(_seconds(command, env))
    return {name: tuple(statistics.median(t[i] for t in values) for i in (0, 1)) for name, values in times.items()}


def main() -> None:
    found = steps() if sys.argv[1:] == ["steps"] else medians(os.environ.get("BEFORE"))
    print(f"{'':26} {'wall':>13}  {'CPU':>13}")
    for name, values in found.items():
        print(f"{name:26}" + "".join(f" {m * 1000:5.0f} ms {m / b:5.1f}×" for m, b in zip(values, found[BARE])))


if __name__ == "__main__":
    main()
