"""Running an outside program (LibreOffice, Tesseract) as a reader's helper.

Each run has a time limit and its own process group: on time-out, Ctrl-C or any other way
out, the whole group is killed, so that no converter is left running behind a batch.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
from pathlib import Path

from evalkit.errors import InputError

TIMEOUT_VARIABLE = "EVALKIT_CONVERT_TIMEOUT"  #: seconds one outside program may take on one file
DEFAULT_TIMEOUT = 120.0


def time_limit() -> float:
    """The time limit of one run, from EVALKIT_CONVERT_TIMEOUT (seconds) or the default."""
    try:
        value = float(os.environ.get(TIMEOUT_VARIABLE, DEFAULT_TIMEOUT))
    except ValueError:
        return DEFAULT_TIMEOUT
    return value if value > 0 else DEFAULT_TIMEOUT


def find(program: str, package: str, source: Path, formats: str) -> str:
    """The program's path, or an error naming the file, the program and the package to install."""
    found = shutil.which(program)
    if found is None:
        raise InputError("tool_missing", file=str(source), program=program, package=package, formats=formats)
    return found


def run(argv: list[str], source: Path, program: str, cwd: Path | None = None) -> bytes:
    """Run ``argv`` to its end within the time limit and return its standard output.

    A run that overruns, fails or is interrupted has its process group killed; the error
    names ``source``, the file being read.
    """
    limit = time_limit()
    process = subprocess.Popen(  # noqa: S603 - argv is built by evalkit, never by a shell
        argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        cwd=cwd, start_new_session=True, env=_environment(),
    )
    try:
        out, err = process.communicate(timeout=limit)
    except subprocess.TimeoutExpired:
        _kill(process)
        raise InputError("tool_timeout", file=str(source), program=program, seconds=f"{limit:g}") from None
    except BaseException:  # Ctrl-C, or the batch stopping: the helper must not outlive us
        _kill(process)
        raise
    if process.returncode != 0:
        detail = err.decode("utf-8", "replace").strip().splitlines()[-1:] or [f"exit {process.returncode}"]
        raise InputError("tool_failed", file=str(source), program=program, detail=detail[0][:200])
    return out


def _kill(process: subprocess.Popen) -> None:
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    process.communicate()


def _environment() -> dict[str, str]:
    """The environment with one thread for Tesseract: the batch runs one worker per core."""
    return {**os.environ, "OMP_THREAD_LIMIT": "1", "LC_ALL": "C.UTF-8"}
