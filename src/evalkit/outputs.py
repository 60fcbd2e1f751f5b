"""Writing files whole or not at all."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def save(path: Path, data: bytes, source: Path | None = None) -> None:
    """write_atomic for a user's -o: never over the input, and a Chinese error when it fails."""
    from evalkit.errors import InputError

    if source is not None and path.resolve() == source.resolve():
        raise InputError("output_is_input", file=str(path))
    target = path.resolve() if path.is_symlink() else path  # a link is kept; what it points to is written
    try:
        if target.exists() and not target.is_file() and not target.is_dir():
            _write_through(target, data)
        else:
            write_atomic(target, data)
    except OSError as exc:
        raise InputError("output_unwritable", file=str(path), detail=exc.strerror or type(exc).__name__) from None


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, then rename it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp, 0o644)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _write_through(path: Path, data: bytes) -> None:
    """Write into a device or a named pipe rather than replace it; a pipe nobody reads fails at once."""
    fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK)
    try:
        os.set_blocking(fd, True)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    finally:
        os.close(fd)
