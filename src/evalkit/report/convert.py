"""Word processor files other than .docx (.doc, .wps, .rtf, .odt), through LibreOffice.

LibreOffice runs headless as a converter: the file is copied into a private temporary
folder, converted to .docx there and read by the .docx reader, so that reading a converted
file gives what reading the .docx would. Each worker process has its own LibreOffice user
profile, so that parallel workers never share one (LibreOffice locks its profile).
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

from evalkit.documents import read_bytes
from evalkit.errors import InputError
from evalkit.report import external

PROGRAM, PACKAGE = "soffice", "libreoffice-writer-nogui"
FORMATS = ".doc、.wps、.rtf、.odt"
MAX_BYTES = 64 * 1024 * 1024
#: the name the copy takes: a WPS Office .wps is a Word 97 file, which LibreOffice reads as .doc
COPY_SUFFIX = {".wps": ".doc"}

_profiles: dict[int, Path] = {}


def to_docx(path: Path, folder: Path, suffix: str | None = None) -> Path:
    """Convert ``path`` into a .docx inside ``folder`` (a private temporary folder), read as a
    file of ``suffix`` (its own by default)."""
    read_bytes(path, MAX_BYTES)  # the missing, empty and oversized checks of any input
    program = external.find(PROGRAM, PACKAGE, path, FORMATS)
    suffix = suffix or path.suffix.lower()
    copy = folder / ("report" + COPY_SUFFIX.get(suffix, suffix))
    shutil.copyfile(path, copy)
    argv = [
        program, f"-env:UserInstallation={profile().as_uri()}", "--headless", "--invisible",
        "--norestore", "--nolockcheck", "--nodefault", "--convert-to", "docx:MS Word 2007 XML",
        "--outdir", str(folder), str(copy),
    ]
    external.run(argv, path, PROGRAM, cwd=folder)
    result = folder / "report.docx"
    if not result.exists():  # LibreOffice says nothing useful and exits 0 on a file it cannot open
        raise InputError("convert_failed", file=str(path))
    return result


def read_office(path: Path, suffix: str | None = None) -> str:
    """The text of a .doc, .wps, .rtf or .odt file (or of one of them named otherwise: ``suffix``
    says which), as the .docx reader reads its conversion."""
    from evalkit.report.wordml import docx_text

    with tempfile.TemporaryDirectory(prefix="evalkit-convert-") as folder:
        converted = to_docx(path, Path(folder), suffix)
        try:
            return docx_text(converted)
        except InputError as exc:  # name the file the user gave, not our temporary copy
            exc.file = str(path)
            raise


def profile() -> Path:
    """This process's own LibreOffice user profile, made once and removed at exit."""
    pid = os.getpid()
    if pid not in _profiles:  # a forked worker makes its own
        _profiles[pid] = Path(tempfile.mkdtemp(prefix="evalkit-soffice-"))
        atexit.register(shutil.rmtree, _profiles[pid], True)
    return _profiles[pid]
