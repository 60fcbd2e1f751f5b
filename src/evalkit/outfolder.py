"""Keeping OUTDIR safe while a batch replaces it.

One run at a time (a lock file beside OUTDIR); a replacement that a kill interrupted between
its two renames is undone by the next run, and staging folders left behind are removed; an
OUTDIR that holds the run's own inputs, or the current folder, is refused, since replacing it
would delete them; SIGTERM and SIGHUP stop the run as Ctrl-C does, so the same clean-up runs.
"""

from __future__ import annotations

import fcntl
import glob
import os
import shutil
import signal
import threading
from collections.abc import Iterable
from pathlib import Path

from evalkit.errors import InputError

SIGNALS = (signal.SIGTERM, signal.SIGHUP)


def refuse(outdir: Path, keep: Iterable[str | Path | None]) -> None:
    """Refuse an OUTDIR that is the current folder or holds it, or holds a file in ``keep``."""
    target, here = outdir.resolve(), Path.cwd().resolve()
    if target == here or target in here.parents:
        raise InputError("outdir_is_cwd", file=str(outdir))
    for name in keep:
        if name is not None and target in Path(name).resolve().parents:
            raise InputError("outdir_holds_input", file=str(outdir), input=str(name))


class Guard:
    """While held: the lock on OUTDIR, earlier runs' leftovers dealt with, signals as Ctrl-C."""

    def __init__(self, outdir: Path) -> None:
        self.outdir = outdir
        self.previous: dict = {}

    def __enter__(self) -> Guard:
        self.outdir.parent.mkdir(parents=True, exist_ok=True)
        self.path = self.outdir.parent / f".{self.outdir.name}.lock"
        self.lock = open(self.path, "ab")  # noqa: SIM115 - held until __exit__
        try:
            fcntl.flock(self.lock.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            if os.stat(self.path).st_ino != os.fstat(self.lock.fileno()).st_ino:
                raise BlockingIOError  # the run before removed this lock file as we opened it
        except (BlockingIOError, FileNotFoundError):
            self.lock.close()
            raise InputError("outdir_locked", file=str(self.outdir)) from None
        recover(self.outdir)
        if threading.current_thread() is threading.main_thread():
            self.previous = {sig: signal.signal(sig, _interrupt) for sig in SIGNALS}
        return self

    def __exit__(self, *_exc) -> None:
        for sig, handler in self.previous.items():
            signal.signal(sig, handler)
        self.path.unlink(missing_ok=True)  # removed while still held: the next run makes its own
        self.lock.close()  # closing releases the lock


def _interrupt(_signum, _frame):
    raise KeyboardInterrupt


def recover(outdir: Path) -> None:
    """Put back the previous outputs a kill left aside, and remove staging folders left behind."""
    pattern = glob.escape(str(outdir.parent / f".{outdir.name}"))
    for old in sorted(glob.glob(pattern + ".old-*")):
        previous = Path(old) / "previous"
        if previous.is_dir() and not outdir.exists():
            previous.rename(outdir)
        shutil.rmtree(old, ignore_errors=True)
    for staging in glob.glob(pattern + ".staging-*"):
        shutil.rmtree(staging, ignore_errors=True)
