"""Writing a batch's outputs into a folder, whole or not at all.

Everything is written into a staging folder beside OUTDIR and swapped into place at the end,
so a run that fails half-way leaves the previous outputs as they were.
"""

from __future__ import annotations

import io
import shutil
import tempfile
from pathlib import Path

from evalkit.errors import InputError

MARKER = ".evalkit-output"
SCORECARD_FORMATS = ("json", "md")


def write_outputs(batch, outdir: Path, formats, lang: str = "zh") -> list[str]:
    """Write one scorecard per township and every batch format; return the names written."""
    _check_target(outdir)
    outdir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=outdir.parent, prefix=f".{outdir.name}.staging-"))
    staging.chmod(0o755)
    try:
        written = _write_all(batch, staging, formats, lang)
        (staging / MARKER).write_text("evalkit\n", encoding="utf-8")
        _swap(staging, outdir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return written


def _write_all(batch, staging: Path, formats, lang: str) -> list[str]:
    written = []
    (staging / "townships").mkdir()
    for entry in batch.entries:
        for name in SCORECARD_FORMATS:
            target = staging / "townships" / f"{entry.stem}.{name}"
            _write(target, formats[name], entry.card, lang)
            written.append(str(target.relative_to(staging)))
    for fmt in sorted((f for f in formats.values() if f.scope == "batch"), key=lambda f: f.name):
        _write(staging / fmt.filename, fmt, batch, lang)
        written.append(fmt.filename)
    return written


def _write(target: Path, fmt, data, lang: str) -> None:
    stream = io.BytesIO() if fmt.binary else io.StringIO()
    fmt.write(data, stream, lang)
    value = stream.getvalue()
    target.write_bytes(value if fmt.binary else value.encode("utf-8"))


def _check_target(outdir: Path) -> None:
    if outdir.exists() and (not outdir.is_dir() or (any(outdir.iterdir()) and not (outdir / MARKER).exists())):
        raise InputError("outdir_not_ours", file=str(outdir))


def _swap(staging: Path, outdir: Path) -> None:
    old = None
    if outdir.exists():
        old = Path(tempfile.mkdtemp(dir=outdir.parent, prefix=f".{outdir.name}.old-"))
        outdir.rename(old / "previous")
    staging.rename(outdir)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
