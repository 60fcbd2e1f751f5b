"""One township's file, read, scored and rendered, or the reason it failed; never raising.
Kept apart from the batch and from the pool of worker processes that both call it."""

from __future__ import annotations

import enum
import io
from pathlib import Path

import attrs

from evalkit.errors import DataError, EvalkitError, PluginError, describe
from evalkit.evaluator import Evaluator, Loaded
from evalkit.messages import text
from evalkit.names import printable, shown
from evalkit.scorecard import Scorecard


class FailureKind(str, enum.Enum):
    """Why a file of the batch could not be scored."""

    INPUT = "input"  #: it could not be read
    DATA = "data"  #: it was read but is invalid
    PLUGIN = "plugin"  #: a plugin failed on it
    INTERNAL = "internal"  #: a defect of evalkit's


@attrs.frozen
class Failure:
    """A file of the batch that could not be scored, and why."""

    source: str
    message: str
    kind: FailureKind


@attrs.frozen
class Processed:
    """One township scored, with its scorecard rendered for OUTDIR/townships/."""

    card: Scorecard
    json: bytes
    markdown: bytes | None


def load_one(evaluator: Evaluator, path: str | Path) -> Loaded | Failure:
    """Read and validate one file, or say why it failed; never raise."""
    try:
        return evaluator.load(Path(path))
    except EvalkitError as exc:
        return Failure(shown(str(path)), exc.full_message(), _kind(exc))
    except Exception as exc:  # one bad file never stops the batch, even through a defect of ours
        return _internal(path, exc)


def _kind(exc: EvalkitError) -> FailureKind:
    if isinstance(exc, PluginError):
        return FailureKind.PLUGIN
    return FailureKind.DATA if isinstance(exc, DataError) else FailureKind.INPUT


def process_one(evaluator: Evaluator, path: str | Path, extra_findings=(), markdown: bool = True, keep: tuple | None = None) -> Processed | Failure:
    """Load, score and render one file, or say why it failed; never raise.

    With ``keep``, the scorecard handed back is ``card.summary(*keep)`` (the files hold all of it).
    """
    loaded = load_one(evaluator, path)
    if isinstance(loaded, Failure):
        return loaded
    try:
        card = evaluator.evaluate(loaded, source=shown(str(path)), extra_findings=extra_findings)
        return Processed(card.summary(*keep) if keep else card, *render(evaluator, card, markdown))
    except Exception as exc:  # a defect of ours or a plugin's: this file fails, the batch goes on
        return _internal(path, exc)


def worker_died(path: str | Path) -> Failure:
    """The file whose worker process died while scoring it."""
    name = shown(str(path))
    return Failure(name, text("where", where=printable(name), body=text("worker_died")), FailureKind.INTERNAL)


def _internal(path: str | Path, exc: Exception) -> Failure:
    """A defect of ours or a plugin's on one file, its message naming the file."""
    name = shown(str(path))
    return Failure(name, text("where", where=printable(name), body=text("internal_error", detail=describe(exc))), FailureKind.INTERNAL)


def render(evaluator: Evaluator, card: Scorecard, markdown: bool = True) -> tuple[bytes, bytes | None]:
    """The township's scorecard as compact JSON, and as Markdown when asked for."""
    import orjson  # the same bytes as json.dumps(ensure_ascii=False, separators=(",", ":")), ~4x sooner

    as_json = orjson.dumps(card.to_dict(), option=orjson.OPT_APPEND_NEWLINE)
    if not markdown:
        return as_json, None
    stream = io.StringIO()
    evaluator.catalog.formats["md"].write(card, stream, "zh")
    return as_json, stream.getvalue().encode("utf-8")
