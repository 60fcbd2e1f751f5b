"""One township of a batch: its file read, validated, scored and rendered, or the reason it
failed; never an exception. The pool (parallel.py) runs ``process_one`` in worker processes."""

from __future__ import annotations

import enum
import io
import os
import unicodedata
from array import array
from pathlib import Path

import attrs

from evalkit import archive
from evalkit.copies import fingerprint
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
    """One township scored, with its files for OUTDIR/townships/: the JSON scorecard, and each
    township format's bytes by file name suffix. A report read also hands back its fingerprint
    and what scoring it again needs (``checked``), so that the batch can add the copied-report
    findings it finds among the fingerprints without reading the report twice."""

    card: Scorecard
    json: bytes
    files: tuple[tuple[str, bytes], ...] = ()
    fingerprint: array | None = None
    checked: Loaded | None = None


def load_one(evaluator: Evaluator, path: str | Path) -> Loaded | Failure:
    """Read and validate one file, or say why it failed; never raise."""
    try:
        return evaluator.load(Path(path))
    except EvalkitError as exc:
        return failed(path, exc, evaluator.lang)
    except Exception as exc:  # one bad file never stops the batch, even through a defect of ours
        return _internal(path, exc, evaluator.lang)


def failed(path: str | Path, exc: EvalkitError, lang: str = "zh") -> Failure:
    """The failure of a file (or a zip's member, named as in the zip) that ``exc`` refused."""
    return Failure(shown_source(path), archive.named(exc.full_message(lang), path), _kind(exc))


def shown_source(path: str | Path) -> str:
    """How a file of the batch is named: a zip's member as in the zip, a GBK file name decoded."""
    return shown(archive.shown(path))


def _kind(exc: EvalkitError) -> FailureKind:
    if isinstance(exc, PluginError):
        return FailureKind.PLUGIN
    return FailureKind.DATA if isinstance(exc, DataError) else FailureKind.INPUT


def process_one(evaluator: Evaluator, path: str | Path, formats: tuple[str, ...] = ("md",), keep: tuple | None = None) -> Processed | Failure:
    """Load, score and render one file in the township ``formats`` named, or say why it failed; never raise.

    With ``keep``, the scorecard handed back is ``card.summary(*keep)`` (the files hold all of it).
    """
    loaded = load_one(evaluator, path)
    if isinstance(loaded, Failure):
        return loaded
    return _guarded(path, evaluator.lang, lambda: _first(evaluator, loaded, path, formats, keep))


def rescored(evaluator: Evaluator, checked: Loaded, path: str | Path, extra_findings, formats: tuple[str, ...] = ("md",), keep: tuple | None = None) -> Processed | Failure:
    """A township scored again from the ``checked`` submission ``process_one`` handed back, with
    the batch's ``extra_findings`` (copied reports), its report not read again; never raise."""
    return _guarded(path, evaluator.lang, lambda: _scored(evaluator, checked, path, extra_findings, formats, keep))


def _first(evaluator: Evaluator, loaded: Loaded, path: str | Path, formats, keep) -> Processed:
    checked = evaluator.checked(loaded)
    done = _scored(evaluator, checked, path, (), formats, keep)
    if loaded.text is None:  # a submission: no text to compare
        return done
    return attrs.evolve(done, fingerprint=fingerprint(loaded.submission.subject.name, loaded.text), checked=checked)


def _scored(evaluator: Evaluator, checked: Loaded, path: str | Path, extra_findings, formats, keep) -> Processed:
    card = evaluator.score(checked, shown_source(path), extra_findings)
    return Processed(card.summary(*keep) if keep else card, *render(evaluator, card, formats))


def _guarded(path: str | Path, lang: str, work) -> Processed | Failure:
    """``work()``, or the failure of the file at ``path`` that it raised, told in ``lang``."""
    try:
        return work()
    except EvalkitError as exc:  # e.g. a plugin's township format failed: named, this file fails, the batch goes on
        return failed(path, exc, lang)
    except Exception as exc:  # a defect of ours or a plugin's: this file fails, the batch goes on
        return _internal(path, exc, lang)


def worker_died(path: str | Path, lang: str = "zh") -> Failure:
    """The file whose worker process died while scoring it."""
    name = shown(str(path))
    return Failure(name, text("where", lang, where=printable(name), body=text("worker_died", lang)), FailureKind.INTERNAL)


def _internal(path: str | Path, exc: Exception, lang: str) -> Failure:
    """A defect of ours or a plugin's on one file, its message naming the file."""
    name = shown_source(path)
    return Failure(name, text("where", lang, where=printable(name), body=text("internal_error", lang, detail=describe(exc))), FailureKind.INTERNAL)


def render(evaluator: Evaluator, card: Scorecard, formats: tuple[str, ...] = ("md",)) -> tuple[bytes, tuple[tuple[str, bytes], ...]]:
    """The township's scorecard as compact JSON, and in each township format named (see Format)."""
    import orjson  # the same bytes as json.dumps(ensure_ascii=False, separators=(",", ":")), ~4x sooner

    as_json = orjson.dumps(card.to_dict(), option=orjson.OPT_APPEND_NEWLINE)
    return as_json, tuple(_written(evaluator.catalog.formats[name], card, evaluator.lang) for name in formats)


def _written(fmt, card: Scorecard, lang: str) -> tuple[str, bytes]:
    """A township format's file name suffix and bytes in ``lang``; a plugin's failure named."""
    stream = io.BytesIO() if fmt.binary else io.StringIO()
    try:
        fmt.write(card, stream, lang)
    except Exception as exc:
        raise PluginError("hook_failed", plugin=fmt.plugin, hook=f"format {fmt.name}", detail=describe(exc)) from exc
    value = stream.getvalue()
    return fmt.filename, value if fmt.binary else value.encode("utf-8")


class Stems:
    """Safe, unique file stems for township names, given out in input order."""

    def __init__(self) -> None:
        self.seen: dict[str, int] = {}  #: every stem given out (casefolded), and how many names wanted it

    def next(self, name: str) -> str:
        stem = candidate = safe_name(name)
        while candidate.casefold() in self.seen:  # "甲镇-2" may be a township's own name; "A" and "a" one file on Windows
            self.seen[stem.casefold()] += 1
            candidate = f"{stem}-{self.seen[stem.casefold()]}"
        self.seen[candidate.casefold()] = 1
        return candidate


def safe_name(name: str) -> str:
    """A name that cannot leave its folder: no separators, dots first, control or reserved characters."""
    cleaned = "".join(ch if _allowed(ch) else "_" for ch in unicodedata.normalize("NFC", name))
    cleaned = cleaned.strip(" ._")[:60]
    return name if cleaned == name else cleaned or "未命名"  # the name itself when safe: one string kept, not two


def _allowed(ch: str) -> bool:
    return not (unicodedata.category(ch).startswith("C") or ch in '/\\:*?"<>|' or ch in (os.sep, os.altsep or "/"))
