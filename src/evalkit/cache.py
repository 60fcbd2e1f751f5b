"""A cache of plugin data files already read and validated, keyed by a hash of their bytes.

Reading a plugin's YAML and checking it against its schema is most of ``evalkit check``'s
start-up; the result depends only on the file's bytes, the schema and evalkit's version, so it
is kept as JSON in ``$EVALKIT_CACHE`` (or ``$XDG_CACHE_HOME/evalkit``, ``~/.cache/evalkit``).
A cache that cannot be read or written is simply not used; a damaged entry is read afresh.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

from evalkit._version import __version__


def key(*parts: bytes | str) -> str:
    """A hash naming what a cached value was made from."""
    digest = hashlib.sha256(__version__.encode())
    for part in parts:
        digest.update(b"\0" + (part.encode("utf-8", "surrogateescape") if isinstance(part, str) else part))
    return digest.hexdigest()


def folder() -> Path:
    explicit = os.environ.get("EVALKIT_CACHE")
    if explicit:
        return Path(explicit)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "evalkit"


def get(name: str) -> Any | None:
    """The value cached under ``name``, or None."""
    import orjson

    try:
        return orjson.loads((folder() / f"{name}.json").read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return None


def put(name: str, value: Any) -> None:
    """Keep ``value`` under ``name``, written whole; nothing happens if the folder is not writable."""
    import orjson

    from evalkit.outputs import write_atomic

    try:
        write_atomic(folder() / f"{name}.json", orjson.dumps(value))
    except (OSError, TypeError):
        pass
