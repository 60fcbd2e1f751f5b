"""Writing a batch's outputs into a folder, whole or not at all.

Everything is written into a staging folder beside OUTDIR and swapped into place at the end,
so a run that fails half-way leaves the previous outputs as they were.
"""

from __future__ import annotations

import io
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path

from evalkit.errors import InputError, PluginError, describe
from evalkit.outfolder import Guard, refuse

MARKER = ".evalkit-output"


class OutputDir:
    """A staging folder that becomes OUTDIR when the ``with`` block ends without an error."""

    def __init__(self, outdir: Path, keep: Iterable[str | Path | None] = ()):
        refuse(outdir, keep)
        if outdir.exists() and (not outdir.is_dir() or (any(outdir.iterdir()) and not (outdir / MARKER).exists())):
            raise InputError("outdir_not_ours", file=str(outdir))
        self.outdir = outdir
        self.written: dict[str, None] = {}  #: the files written, in order, each named once
        self.townships: dict[str, list[str]] = {}  #: the files written for each township, by its stem

    def __enter__(self) -> OutputDir:
        try:
            self.guard = Guard(self.outdir).__enter__()
        except OSError as exc:
            raise InputError("output_unwritable", file=str(self.outdir), detail=exc.strerror or type(exc).__name__) from None
        try:
            self.staging = Path(tempfile.mkdtemp(dir=self.outdir.parent, prefix=f".{self.outdir.name}.staging-"))
        except OSError as exc:
            self.guard.__exit__(None, None, None)
            raise InputError("output_unwritable", file=str(self.outdir), detail=exc.strerror or type(exc).__name__) from None
        self.staging.chmod(0o755)
        (self.staging / "townships").mkdir()
        return self

    def __exit__(self, kind, value, traceback) -> None:
        try:
            if kind is not None:
                shutil.rmtree(self.staging, ignore_errors=True)
                return
            (self.staging / MARKER).write_text("evalkit\n", encoding="utf-8")
            _swap(self.staging, self.outdir)
        finally:  # the lock is released however this ends
            self.guard.__exit__(None, None, None)

    def township(self, stem: str, processed) -> None:
        """Write one township's scorecard as JSON, and its files in the township formats chosen."""
        files = [(f"townships/{stem}.json", processed.json), *((f"townships/{stem}{suffix}", data) for suffix, data in processed.files)]
        for relative, data in files:
            self._write(relative, data)
        self.townships[stem] = [relative for relative, _data in files]

    def drop_township(self, stem: str) -> None:
        """Take back the files ``township`` wrote under ``stem`` (a township that failed when it was
        scored again): a failed township leaves no scorecard."""
        for relative in self.townships.pop(stem, []):
            (self.staging / relative).unlink(missing_ok=True)
            self.written.pop(relative, None)

    def batch_formats(self, batch, formats, lang: str = "zh") -> None:
        """Write the batch formats given (ranking.csv, evalkit.xlsx, report.html, plugins' own)."""
        for fmt in sorted(formats, key=lambda f: f.name):
            stream = io.BytesIO() if fmt.binary else io.StringIO()
            try:
                fmt.write(batch, stream, lang)
            except Exception as exc:  # a plugin's format: name it; the outputs stay as they were
                raise PluginError("hook_failed", plugin=fmt.plugin, hook=f"format {fmt.name}", detail=describe(exc)) from exc
            value = stream.getvalue()
            self._write(fmt.filename, value if fmt.binary else value.encode("utf-8"))

    def _write(self, relative: str, data: bytes) -> None:
        (self.staging / relative).write_bytes(data)
        self.written[relative] = None  # a township scored again (a copied report) is written again, named once


def _swap(staging: Path, outdir: Path) -> None:
    old = None
    if outdir.exists():
        old = Path(tempfile.mkdtemp(dir=outdir.parent, prefix=f".{outdir.name}.old-"))
        outdir.rename(old / "previous")
    staging.rename(outdir)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
