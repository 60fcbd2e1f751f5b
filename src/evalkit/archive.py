"""A .zip of reports, as a county office receives them.

Every member a batch can read is copied, streamed and under limits, into a private temporary
folder (never beside the user's files) and scored like any file; every message names it as
“reports.zip：成员名”. Names are decoded by the zip's UTF-8 flag, else as UTF-8 or GB18030 (a
Chinese Windows zip), never as cp437. Absolute paths, ``..``, links, encrypted members and
zips inside the zip are not read: each is reported, and the batch goes on. Nested zips are
not followed, at any level.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import zipfile
import zlib
from pathlib import Path

from evalkit.errors import EvalkitError, InputError, describe
from evalkit.messages import text

MAX_MEMBERS = 10_000  #: entries in one zip
MEMBER_BYTES = 64 * 1024 * 1024  #: inflated bytes of one member, as large as a .docx may be
TOTAL_BYTES = 1024 * 1024 * 1024  #: inflated bytes of all the members of a batch's zips
MAX_RATIO = 200  #: inflated to compressed bytes of a member, judged past RATIO_FLOOR
RATIO_FLOOR = 1024 * 1024
CHUNK = 256 * 1024
UTF8_FLAG = 0x800
ENCRYPTED_FLAG = 0x1
UNSAFE_CHARACTERS = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]')

_SHOWN: dict[str, str] = {}  #: a member's temporary path -> how messages name it; inherited by forked workers


def shown(path: str | Path) -> str:
    """How a file of the batch is named to the user: “reports.zip：成员名” for a zip's member."""
    return _SHOWN.get(str(path), str(path))


def members() -> dict[str, str]:
    """Each unpacked member, as messages name it, to its temporary path (to read it again)."""
    return {name: path for path, name in _SHOWN.items()}


def named(message: str, path: str | Path) -> str:
    """``message`` with a member's temporary path replaced by its name in the zip."""
    name = str(path)
    return message.replace(name, _SHOWN[name]) if name in _SHOWN else message


class Unpacked:
    """The zips of a batch, unpacked for as long as the ``with`` block lasts."""

    def __init__(self) -> None:
        self.folder: Path | None = None
        self.total = 0
        self.count = 0

    def __enter__(self) -> Unpacked:
        return self

    def __exit__(self, *exc_info) -> None:
        for member in [p for p in _SHOWN if self.folder and p.startswith(str(self.folder))]:
            del _SHOWN[member]
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)

    def add(self, files: list[str], wanted) -> tuple[list[str], list[tuple[str, EvalkitError]]]:
        """``files`` with each zip replaced by its readable members, and what could not be read."""
        out: list[str] = []
        refused: list[tuple[str, EvalkitError]] = []
        for name in files:
            if name.lower().endswith(".zip"):
                self._unpack(name, {s.lower() for s in wanted}, out, refused)
            else:
                out.append(name)
        return out, refused

    def _unpack(self, name: str, wanted: set[str], out: list[str], refused: list) -> None:
        try:
            with zipfile.ZipFile(name) as archive:
                entries = archive.infolist()
                if len(entries) > MAX_MEMBERS:
                    raise InputError("zip_too_many_members", file=name, count=len(entries), limit=MAX_MEMBERS)
                for member, info in sorted(((member_name(info), info) for info in entries), key=lambda pair: pair[0]):
                    if not info.is_dir() and not _hidden(member) and _suffix(member) in wanted | {".zip"}:
                        self._member(archive, info, member, text("zip_member", archive=name, member=member), out, refused)
        except FileNotFoundError:
            refused.append((name, InputError("file_missing", file=name)))
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            refused.append((name, InputError("zip_corrupt", file=name, detail=describe(exc))))
        except InputError as exc:
            refused.append((name, exc))

    def _member(self, archive: zipfile.ZipFile, info: zipfile.ZipInfo, member: str, name: str, out: list, refused: list) -> None:
        problem = _unsafe(info, member)
        if problem is not None:
            refused.append((name, InputError(problem, file=name)))
            return
        target = self._target(member)
        try:
            self.total += _copy(archive, info, target, name, TOTAL_BYTES - self.total)
        except InputError as exc:
            target.unlink(missing_ok=True)
            refused.append((name, exc))
            return
        _SHOWN[str(target)] = name
        out.append(str(target))

    def _target(self, member: str) -> Path:
        """A new private path for a member, keeping its file name (the township's, as on disk)."""
        if self.folder is None:
            self.folder = Path(tempfile.mkdtemp(prefix="evalkit-zip-"))  # mode 0700: private
        self.count += 1
        folder = self.folder / str(self.count)
        folder.mkdir()
        stem, suffix = os.path.splitext(member.replace("\\", "/").rsplit("/", 1)[-1])
        return folder / (UNSAFE_CHARACTERS.sub("_", stem.strip(" ."))[:80] + suffix)


def member_name(info: zipfile.ZipInfo) -> str:
    """The member's name: UTF-8 when the zip says so, else UTF-8 or GB18030 (GBK), whichever reads."""
    if info.flag_bits & UTF8_FLAG:
        return info.filename
    raw = info.orig_filename.encode("cp437")  # zipfile decoded the bytes as cp437, one for one
    for encoding in ("utf-8", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return info.filename


def _unsafe(info: zipfile.ZipInfo, member: str) -> str | None:
    """The message key of why a member is not read, or None."""
    path = member.replace("\\", "/")
    if path.startswith("/") or re.match(r"^[A-Za-z]:", path):
        return "zip_absolute"
    if ".." in path.split("/"):
        return "zip_parent"
    if info.create_system == 3 and (info.external_attr >> 16) & 0o170000 == 0o120000:
        return "zip_link"
    if info.flag_bits & ENCRYPTED_FLAG:
        return "zip_encrypted"
    return "zip_nested" if _suffix(member) == ".zip" else None


def _copy(archive: zipfile.ZipFile, info: zipfile.ZipInfo, target: Path, name: str, room: int) -> int:
    """Stream a member to ``target`` under the limits; the bytes written."""
    written = 0
    try:
        with archive.open(info) as source, target.open("xb") as sink:
            while chunk := source.read(CHUNK):
                written += len(chunk)
                _check(info, written, name, room)
                sink.write(chunk)
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError, zlib.error) as exc:
        raise InputError("zip_member_corrupt", file=name, detail=describe(exc)) from None
    return written


def _check(info: zipfile.ZipInfo, written: int, name: str, room: int) -> None:
    if written > MEMBER_BYTES:
        raise InputError("zip_member_too_large", file=name, limit=MEMBER_BYTES)
    if written > RATIO_FLOOR and written // max(info.compress_size, 1) > MAX_RATIO:
        raise InputError("zip_member_ratio", file=name, limit=MAX_RATIO)
    if written > room:
        raise InputError("zip_total", file=name, limit=TOTAL_BYTES)


def _hidden(member: str) -> bool:
    """Hidden files and the __MACOSX copies a Mac adds: not reports, left out as in folders."""
    parts = member.replace("\\", "/").split("/")
    return any((part.startswith(".") and part not in (".", "..")) or part == "__MACOSX" for part in parts)


def _suffix(member: str) -> str:
    return os.path.splitext(member)[1].lower()
