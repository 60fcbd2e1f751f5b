"""OUTDIR is replaced safely: never over the run's inputs, one run at a time, undone after a kill."""

import json
import os
import signal
import zipfile

import pytest

from evalkit.cli import ExitCode, main
from evalkit.evaluator import Evaluator
from evalkit.exports import OutputDir
from evalkit.outfolder import Guard, recover
from evalkit.testing import synthetic_submissions


@pytest.fixture
def folder(tmp_path):
    """Two township submissions in their own folder."""
    folder = tmp_path / "in"
    folder.mkdir()
    for index, doc in enumerate(synthetic_submissions(Evaluator().catalog.items, 2, seed=11)):
        (folder / f"{index}.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return folder


def _score(capsys, *argv):
    code = main(["score", *map(str, argv)])
    return code, capsys.readouterr().err


def test_an_input_inside_outdir_is_never_deleted(capsys, folder, tmp_path):
    """Scoring a file kept inside OUTDIR into that OUTDIR is refused, and the file survives."""
    out = tmp_path / "out"
    assert _score(capsys, folder, "--out", out)[0] == ExitCode.OK
    kept = out / "0.json"
    kept.write_bytes((folder / "0.json").read_bytes())
    code, err = _score(capsys, kept, "--out", out)
    assert code == ExitCode.USAGE and "会删除它" in err and kept.exists()


def test_a_reviews_file_inside_outdir_is_never_deleted(capsys, folder, tmp_path):
    """A --reviews file inside OUTDIR makes the run refuse that OUTDIR."""
    out = tmp_path / "out"
    _score(capsys, folder, "--out", out)
    reviews = out / "reviews.yaml"
    reviews.write_text("reviews: []\n", encoding="utf-8")
    code, err = _score(capsys, folder, "--out", out, "--reviews", reviews)
    assert code == ExitCode.USAGE and "reviews.yaml" in err and reviews.exists()


def test_a_store_or_a_zip_inside_outdir_is_never_deleted(capsys, folder, tmp_path):
    """The --db store and a zip of reports inside OUTDIR make the run refuse that OUTDIR."""
    out = tmp_path / "out"
    _score(capsys, folder, "--out", out)
    store = out / "county.db"
    code, err = _score(capsys, folder, "--out", out, "--db", store)
    assert code == ExitCode.USAGE and "county.db" in err and store.exists()
    reports = out / "reports.zip"
    with zipfile.ZipFile(reports, "w") as archive:
        archive.write(folder / "0.json", "0.json")
    code, err = _score(capsys, reports, "--out", out)
    assert code == ExitCode.USAGE and "reports.zip" in err and reports.exists()


def test_out_dot_is_refused_clearly(capsys, folder, tmp_path, monkeypatch):
    """`--out .` inside an output folder is refused with a message, the folder left as it was."""
    out = tmp_path / "out"
    _score(capsys, folder, "--out", out)
    before = sorted(p.name for p in out.iterdir())
    monkeypatch.chdir(out)
    code, err = _score(capsys, folder, "--out", ".")
    assert code == ExitCode.USAGE and "当前目录" in err
    assert sorted(p.name for p in out.iterdir()) == before


def test_a_concurrent_run_is_refused(capsys, folder, tmp_path):
    """While one run holds OUTDIR, another is told so and changes nothing."""
    out = tmp_path / "out"
    with Guard(out):
        code, err = _score(capsys, folder, "--out", out)
    assert code == ExitCode.USAGE and "另一个 evalkit 正在写入" in err and not out.exists()
    assert _score(capsys, folder, "--out", out)[0] == ExitCode.OK  # the lock went with the first run


def test_a_kill_between_the_renames_is_undone_by_the_next_run(capsys, folder, tmp_path):
    """Previous outputs set aside by a killed run come back; staging left behind is removed."""
    out = tmp_path / "out"
    _score(capsys, folder, "--out", out)
    aside = tmp_path / ".out.old-killed"
    aside.mkdir()
    out.rename(aside / "previous")  # the state a kill leaves between the two renames
    (tmp_path / ".out.staging-killed").mkdir()
    recover(out)
    assert (out / ".evalkit-output").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "out"]


def test_sigterm_cleans_up_like_ctrl_c(folder, tmp_path):
    """SIGTERM during a run stops it as Ctrl-C does: no staging left, the previous outputs kept."""
    out = tmp_path / "out"
    out.mkdir()
    (out / ".evalkit-output").write_text("evalkit\n", encoding="utf-8")
    with pytest.raises(KeyboardInterrupt):
        with OutputDir(out):
            os.kill(os.getpid(), signal.SIGTERM)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "out"]
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL
