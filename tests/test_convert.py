"""Word processor files through LibreOffice (report/convert.py) and the outside-program runner
(report/external.py): same items as the .docx, a time limit, no converter left behind."""

import json
import os
import signal
from pathlib import Path

import pytest

from evalkit.cli import ExitCode, main
from evalkit.errors import InputError
from evalkit.evaluator import Evaluator
from evalkit.report import convert, external


@pytest.fixture(scope="module")
def evaluator():
    return Evaluator()


def _score(capsys, path) -> dict:
    assert main(["check", str(path), "--format", "json"]) == ExitCode.OK
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize("target", ["doc", "odt", "rtf", "wps"])
def test_each_format_reads_as_the_docx_it_came_from(made, evaluator, target):
    """The report converted to .doc, .odt, .rtf (and a .doc named .wps) gives the .docx's text and items."""
    from_docx = evaluator.read_report(made.docx)
    converted = evaluator.read_report(made.converted(target))
    assert converted.text == from_docx.text
    assert converted.submission.items == from_docx.submission.items
    assert len(from_docx.submission.items) >= 15


@pytest.mark.parametrize("target", ["doc", "pdf"])
def test_a_doc_or_a_pdf_named_docx_is_read_as_what_it_is(made, evaluator, tmp_path, target):
    """A clerk's .doc or PDF renamed .docx gives the items its own reader gives, not a refusal."""
    import shutil

    source = made.converted(target)
    renamed = tmp_path / "贤庠镇2022年度报告.docx"
    shutil.copyfile(source, renamed)
    assert evaluator.read_report(renamed).submission.items == evaluator.read_report(source).submission.items


def test_check_on_a_doc_scores_as_the_docx(made, capsys):
    """`evalkit check` on the .doc gives the .docx's total, grade and results."""
    from_docx, from_doc = _score(capsys, made.docx), _score(capsys, made.converted("doc"))
    for card in (from_docx, from_doc):
        card["meta"].pop("source")
    assert from_doc == from_docx


def test_a_batch_scores_word_processor_files_in_parallel_workers(made, capsys, tmp_path):
    """`evalkit score --jobs 2` over a .doc and an .odt scores both, as the .docx scores."""
    import shutil

    folder = tmp_path / "in"
    folder.mkdir()
    for target in ("doc", "odt"):
        shutil.copy(made.converted(target), folder / f"贤庠镇.{target}")
    assert main(["score", str(folder), "--out", str(tmp_path / "out"), "--jobs", "2", "--format", "json"]) == ExitCode.OK
    ranking = json.loads(capsys.readouterr().out)["ranking"]
    total = _score(capsys, made.docx)["total"]
    assert [(r["name"], r["total"]) for r in ranking] == [("贤庠镇", total)] * 2


def test_each_worker_process_has_its_own_profile(tmp_path):
    """A forked worker makes its own LibreOffice profile; the parent keeps its one."""
    mine = convert.profile()
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child writes its profile's path and leaves at once
        os.write(write, str(convert.profile()).encode())
        os._exit(0)
    os.waitpid(pid, 0)
    child = Path(os.read(read, 4096).decode())
    assert child != mine and mine.is_dir() and convert.profile() == mine


def _running(marker: str) -> list[str]:
    """Processes whose command line holds ``marker``."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
        except OSError:
            continue
        if entry.name.isdigit() and marker in command:
            found.append(command)
    return found


def test_a_conversion_past_its_time_limit_is_stopped(made, monkeypatch):
    """A real conversion given 0.05 s is stopped with a message naming the file, and no soffice is left."""
    monkeypatch.setenv(external.TIMEOUT_VARIABLE, "0.05")
    source = made.converted("doc")
    with pytest.raises(InputError) as caught:
        convert.read_office(source)
    assert caught.value.key == "tool_timeout" and caught.value.file == str(source)
    assert "0.05 秒" in caught.value.message()
    assert _running(str(convert.profile())) == []


def test_ctrl_c_during_a_conversion_ends_the_converter(made):
    """Ctrl-C while soffice converts ends its whole process group, then goes on as Ctrl-C."""
    previous = signal.signal(signal.SIGALRM, signal.default_int_handler)
    signal.setitimer(signal.ITIMER_REAL, 0.3)
    try:
        with pytest.raises(KeyboardInterrupt):
            convert.read_office(made.converted("odt"))
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert _running(str(convert.profile())) == []


def test_missing_libreoffice_says_what_to_install(made, monkeypatch, capsys, tmp_path):
    """Without soffice, a .doc fails with a Chinese message naming the file and the Debian package."""
    monkeypatch.setenv("PATH", str(tmp_path))
    source = made.converted("doc")
    assert main(["check", str(source)]) == ExitCode.USAGE
    err = capsys.readouterr().err
    assert str(source) in err and "未安装 soffice" in err and "libreoffice-writer-nogui" in err


def test_a_damaged_doc_is_a_clear_message(capsys, tmp_path):
    """A .doc that is not one fails with a Chinese message naming it, not a traceback."""
    source = tmp_path / "坏文件.doc"
    source.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00\x07" * 3000)
    assert main(["check", str(source)]) == ExitCode.USAGE
    err = capsys.readouterr().err
    assert str(source) in err and "Traceback" not in err and len(err.splitlines()) == 1


def test_the_time_limit_setting():
    """EVALKIT_CONVERT_TIMEOUT sets the limit; nonsense falls back to the default."""
    for value, expected in (("2.5", 2.5), ("abc", external.DEFAULT_TIMEOUT), ("-1", external.DEFAULT_TIMEOUT)):
        os.environ[external.TIMEOUT_VARIABLE] = value
        try:
            assert external.time_limit() == expected
        finally:
            del os.environ[external.TIMEOUT_VARIABLE]
