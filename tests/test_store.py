"""The results store: runs kept whole, superseded not overwritten, migrated, and safe against a
killed run and two runs at once."""

import json
import multiprocessing
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from evalkit import batch as batch_
from evalkit import sources
from evalkit.cli import ExitCode, main
from evalkit.errors import InputError
from evalkit.evaluator import Evaluator
from evalkit.store import Store
from evalkit.store.schema import MIGRATIONS

ROOT = Path(__file__).resolve().parents[1]
COUNTY = ROOT / "examples" / "xiangshan-2022"


@pytest.fixture(scope="module")
def scored():
    """The 2022 example batch, scored once, with its evaluator."""
    evaluator = Evaluator()
    files = [str(p) for p in sources.inputs([str(COUNTY)], [".json"])]
    return evaluator, batch_.run(evaluator, files, formats=())


def snapshot(path) -> list:
    """Every row of every table, to tell whether a store changed."""
    conn = sqlite3.connect(path)
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    rows = [(t, sorted(map(repr, conn.execute(f"SELECT * FROM {t}")))) for t in tables]
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    return rows


def test_a_new_store_is_migrated_to_the_latest_schema_in_wal_mode(tmp_path):
    """Opening a new file creates every table and records the schema version."""
    with Store(tmp_path / "s.db") as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.runs() == []
    with Store(tmp_path / "s.db") as again:  # reopening migrates nothing
        assert again.conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)


def test_a_run_is_kept_with_its_rubric_ranks_categories_and_gaps(tmp_path, scored):
    """What the store gives back is what the batch scored, figure for figure."""
    evaluator, batch = scored
    with Store(tmp_path / "s.db") as store:
        run_id = store.save_run(batch, evaluator.plan.criteria, created="2023-03-01T00:00:00+00:00")
        (run,) = store.runs()
        rows = store.scorecards(run_id)
        assert (run.id, run.year, run.detail, run.scored, run.failed) == (run_id, 2022, "whole", 18, 0)
        assert run.profile_digest == batch.meta["profile"]["digest"] and run.meta["plugins"] == batch.meta["plugins"]
        assert [(r.name, r.rank, r.total, r.grade) for r in rows] == [(e.card.subject.name, e.rank, e.card.total, e.card.grade) for e in batch.entries]
        first, card = rows[0], batch.entries[0].card
        assert first.categories == {c.id: (c.title, c.score, c.max) for c in card.categories} and first.of == 18
        assert [(g.criterion, g.points_lost) for g in store.gaps(first.scorecard_id)] == [(g.criterion, g.points_lost) for g in card.gaps]
        assert set(store.criteria(run_id)) == {c.id for c in evaluator.plan.criteria}
        assert '"results":[' in store.scorecard_json(first.scorecard_id)
        kept = store.conn.execute("SELECT code, message FROM findings WHERE scorecard_id = ? ORDER BY position", (first.scorecard_id,)).fetchall()
        assert kept == [(f.code, f.message) for f in card.findings] and kept
        assert store.conn.execute("SELECT COUNT(*) FROM results WHERE scorecard_id = ?", (first.scorecard_id,)).fetchone()[0] == len(card.results)
        assert store.conn.execute("SELECT COUNT(*) FROM inputs WHERE run_id = ? AND length(sha256) = 64", (run_id,)).fetchone()[0] == 18


def test_rescoring_a_year_keeps_the_earlier_run_marked_superseded(tmp_path, scored):
    """A second run of 2022 supersedes the first; both stay, history shows the current one."""
    evaluator, batch = scored
    with Store(tmp_path / "s.db") as store:
        first = store.save_run(batch, evaluator.plan.criteria)
        second = store.save_run(batch, evaluator.plan.criteria)
        assert [(r.id, r.superseded_by) for r in store.runs(2022, superseded=True)] == [(first, second), (second, None)]
        assert store.current_run(2022).id == second and [r.id for r in store.runs()] == [second]
        assert [h.run_id for h in store.history("贤庠镇")] == [second]


def test_a_summary_batch_keeps_totals_categories_and_its_largest_gaps(tmp_path, scored, monkeypatch):
    """Above DETAIL_LIMIT the run says so and keeps what the summaries hold, without every result."""
    evaluator, _batch = scored
    monkeypatch.setattr(batch_, "DETAIL_LIMIT", 10)
    files = [str(p) for p in sources.inputs([str(COUNTY)], [".json"])]
    batch = batch_.run(evaluator, files, formats=())
    with Store(tmp_path / "s.db") as store:
        run_id = store.save_run(batch, evaluator.plan.criteria)
        rows = store.scorecards(run_id)
        assert store.runs()[0].detail == "summary" and len(rows) == 18 and rows[0].categories
        assert store.scorecard_json(rows[0].scorecard_id) is None
        assert 0 < len(store.gaps(rows[-1].scorecard_id)) <= batch_.GAPS_SHOWN
        assert store.conn.execute("SELECT COUNT(*) FROM results").fetchone()[0] == 0


def test_a_store_from_a_newer_evalkit_or_not_a_store_is_refused_in_chinese(tmp_path, capsys):
    """A newer schema version and a file that is not SQLite get a Chinese error naming the file."""
    newer = tmp_path / "newer.db"
    sqlite3.connect(newer).execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    with pytest.raises(InputError, match="请升级 evalkit"):
        Store(newer)
    bogus = tmp_path / "成绩.db"
    bogus.write_text("这不是数据库" * 100, encoding="utf-8")
    code = main(["score", str(COUNTY), "--out", str(tmp_path / "out"), "--db", str(bogus)])
    err = capsys.readouterr().err
    assert code == ExitCode.USAGE and "成绩.db" in err and "无法打开成绩库（不是 SQLite 数据库文件）" in err and "Traceback" not in err
    code = main(["score", str(COUNTY), "--out", str(tmp_path / "out"), "--db", str(tmp_path)])
    assert code == ExitCode.USAGE and f"{tmp_path}：无法打开成绩库（这是一个文件夹）" in capsys.readouterr().err


def test_score_keeps_the_run_in_the_store_named_by_db_or_evalkit_db(tmp_path, capsys, monkeypatch):
    """--db names the store; without it EVALKIT_DB does."""
    assert main(["score", str(COUNTY), "--out", str(tmp_path / "a"), "--db", str(tmp_path / "a.db")]) == ExitCode.OK
    monkeypatch.setenv("EVALKIT_DB", str(tmp_path / "env.db"))
    assert main(["score", str(COUNTY), "--out", str(tmp_path / "b")]) == ExitCode.OK
    assert "已存入成绩库" in capsys.readouterr().err
    for name in ("a.db", "env.db"):
        with Store(tmp_path / name) as store:
            assert [(r.year, r.scored) for r in store.runs()] == [(2022, 18)]


#: a process that writes a run and, half-way through its transaction, sleeps argv[3] seconds
HALFWAY = textwrap.dedent("""
    import sys, time
    from evalkit.store import Store, write
    from evalkit import batch, sources
    from evalkit.evaluator import Evaluator
    written = []
    original = write._scorecard
    def slow(*args):
        original(*args)
        written.append(1)
        if len(written) == 9:
            print("halfway", flush=True)
            time.sleep(float(sys.argv[3]))
    write._scorecard = slow
    ev = Evaluator()
    files = [str(p) for p in sources.inputs([sys.argv[2]], [".json"])]
    Store(sys.argv[1]).save_run(batch.run(ev, files, formats=()), ev.plan.criteria)
""")


def test_a_run_killed_half_way_leaves_the_store_as_it_was(tmp_path, scored):
    """SIGKILL in the middle of writing a run: the store holds exactly what it held before."""
    evaluator, batch = scored
    path = tmp_path / "s.db"
    with Store(path) as store:
        store.save_run(batch, evaluator.plan.criteria)
    before = snapshot(path)
    child = subprocess.Popen([sys.executable, "-c", HALFWAY, str(path), str(COUNTY), "60"], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "halfway"
    finally:
        child.kill()
        child.wait()
    assert snapshot(path) == before
    with Store(path) as store:  # and the store still takes the next run
        store.save_run(batch, evaluator.plan.criteria)
        assert len(store.runs(2022, superseded=True)) == 2


def test_two_runs_at_once_both_land_and_the_store_stays_whole(tmp_path):
    """Two `evalkit score --db` processes on one store: both succeed, one supersedes the other."""
    path = tmp_path / "s.db"
    evalkit = Path(sys.executable).parent / "evalkit"
    runs = [subprocess.Popen([str(evalkit), "score", str(COUNTY), "--out", str(tmp_path / f"out{i}"), "--db", str(path), "--formats", "csv"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True) for i in range(2)]
    errors = [run.communicate(timeout=120)[1] for run in runs]
    assert [run.returncode for run in runs] == [0, 0], errors
    snapshot(path)
    with Store(path) as store:
        kept = store.runs(2022, superseded=True)
        assert len(kept) == 2 and kept[0].superseded_by == kept[1].id and kept[1].superseded_by is None
        assert all(len(store.scorecards(r.id)) == 18 for r in kept)


def test_a_run_that_finds_the_store_busy_waits_for_the_other_to_finish(tmp_path):
    """While one process is half-way through writing its run, `evalkit score --db` waits for it, then lands its own."""
    path = tmp_path / "s.db"
    Store(path).close()
    writer = subprocess.Popen([sys.executable, "-c", HALFWAY, str(path), str(COUNTY), "5"], stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout.readline().strip() == "halfway"
        second = subprocess.run([sys.executable, "-m", "evalkit", "score", str(COUNTY), "--out", str(tmp_path / "out"), "--db", str(path),
                                 "--formats", "csv"], capture_output=True, text=True, timeout=120)
        assert writer.wait(timeout=60) == 0
    finally:
        writer.kill()
    assert second.returncode == 0, second.stderr
    snapshot(path)
    with Store(path) as store:
        first, last = store.runs(2022, superseded=True)
        assert first.superseded_by == last.id and [len(store.scorecards(r.id)) for r in (first, last)] == [18, 18]


def test_an_appended_migration_upgrades_an_existing_store_and_keeps_its_runs(tmp_path, scored, monkeypatch):
    """A later evalkit that appends a migration adds its tables to an old store, runs intact, version moved on."""
    from evalkit.store import schema

    evaluator, batch = scored
    with Store(tmp_path / "s.db") as store:
        store.save_run(batch, evaluator.plan.criteria)
    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, ("CREATE TABLE later (id INTEGER PRIMARY KEY, name TEXT)",)])
    monkeypatch.setattr("evalkit.store.MIGRATIONS", schema.MIGRATIONS)
    with pytest.raises(InputError, match="尚未升级"):
        Store(tmp_path / "s.db", readonly=True)
    with Store(tmp_path / "s.db") as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == len(schema.MIGRATIONS)
        assert store.conn.execute("SELECT COUNT(*) FROM later").fetchone()[0] == 0 and len(store.runs()) == 1


def _no_dac_override() -> None:
    """In the child, before exec: root gives up CAP_DAC_OVERRIDE, so that folder and file modes bind it."""
    import ctypes

    ctypes.CDLL(None, use_errno=True).prctl(24, 1, 0, 0, 0)  # PR_CAPBSET_DROP, CAP_DAC_OVERRIDE


@pytest.fixture
def unprivileged(tmp_path):
    """A way to run evalkit as a process that file modes bind (root gives up overriding them)."""
    import os

    drop = _no_dac_override if os.geteuid() == 0 else None

    def run(*argv):
        return subprocess.run([sys.executable, "-m", "evalkit", *map(str, argv)], preexec_fn=drop, capture_output=True, text=True, timeout=120)

    closed = tmp_path / "closed"
    closed.mkdir(mode=0o555)
    probe = subprocess.run([sys.executable, "-c", f"open({str(closed / 'x')!r}, 'w')"], preexec_fn=drop, capture_output=True)
    if probe.returncode == 0:
        pytest.skip("this user writes into read-only folders whatever their mode (root that cannot give up CAP_DAC_OVERRIDE)")
    yield tmp_path, run
    for path in tmp_path.rglob("*"):
        path.chmod(0o755)


def read_only_copy(source, folder) -> Path:
    """The store copied, through SQLite, into a folder that only its owner may write, and made read-only."""
    folder.mkdir()
    target = folder / "象山县.db"
    with sqlite3.connect(source) as conn, sqlite3.connect(target) as copy:
        conn.backup(copy)
    sqlite3.connect(target).execute("PRAGMA journal_mode = WAL").close()
    target.chmod(0o444)
    folder.chmod(0o555)
    return target


def test_history_and_compare_read_a_store_in_a_folder_they_may_not_write(two_years, unprivileged):
    """A store on a read-only share or an archived copy is read as it is: no WAL index can be created beside it."""
    folder, run = unprivileged
    db = read_only_copy(two_years[0], folder / "archive")
    found = run("history", "丹西街道", "--db", db, "--format", "json")
    assert found.returncode == 0, found.stderr
    assert [y["year"] for y in json.loads(found.stdout)["years"]] == [2022, 2023]
    compared = run("compare", "2022", "2023", "--db", db)
    assert compared.returncode == 0 and compared.stdout.startswith("2022 与 2023 年度对比"), compared.stderr


def test_scoring_into_a_store_it_may_not_write_is_refused_in_chinese_and_changes_nothing(two_years, unprivileged):
    """--db on a read-only store, or in a read-only folder: exit 2, a Chinese reason naming the file, no traceback."""
    import shutil

    folder, run = unprivileged
    db = read_only_copy(two_years[0], folder / "archive")
    shutil.copytree(COUNTY, folder / "in")
    before = snapshot(db)
    for target in (db, folder / "archive" / "新.db"):
        found = run("score", folder / "in", "--out", folder / "out", "--db", target, "--formats", "csv")
        assert found.returncode == ExitCode.USAGE and "Traceback" not in found.stderr, found.stderr
        assert f"{target}：无法打开成绩库（" in found.stderr and "请确认成绩库文件和所在文件夹可以读写" in found.stderr
    assert snapshot(db) == before and not (folder / "archive" / "新.db").exists()


def test_a_copy_of_the_store_file_alone_holds_the_last_run(two_years, tmp_path):
    """After a run the store's own file holds it (checkpointed from the WAL), so copying just that file loses nothing."""
    import shutil

    shutil.copyfile(two_years[0], tmp_path / "copy.db")
    with Store(tmp_path / "copy.db", readonly=True) as store:
        assert [r.year for r in store.runs()] == [2022, 2023]


@pytest.mark.parametrize("command", [["history", "丹西街道"], ["compare", "2022", "2023"]])
def test_history_and_compare_refuse_a_file_that_is_not_a_store_in_chinese(tmp_path, capsys, command):
    """A file that is not SQLite given as --db: exit 2, the file named, the reason in Chinese."""
    bogus = tmp_path / "成绩.db"
    bogus.write_bytes(b"PK\x03\x04" + bytes(2000))
    assert main([*command, "--db", str(bogus)]) == ExitCode.USAGE
    err = capsys.readouterr().err
    assert f"{bogus}：无法打开成绩库（不是 SQLite 数据库文件）" in err and "Traceback" not in err


def test_the_members_of_a_zip_are_kept_with_their_hashes(tmp_path, capsys):
    """A batch read from a .zip keeps each member's sha256, as a folder's files keep theirs."""
    import hashlib
    import zipfile

    members = sorted(COUNTY.glob("*.json"))
    with zipfile.ZipFile(tmp_path / "reports.zip", "w") as archive:
        for path in members:
            archive.write(path, path.name)
    assert main(["score", str(tmp_path / "reports.zip"), "--out", str(tmp_path / "out"), "--db", str(tmp_path / "s.db"), "--formats", "csv"]) == 0
    capsys.readouterr()
    with Store(tmp_path / "s.db") as store:
        kept = dict(store.conn.execute("SELECT source, sha256 FROM inputs"))
    assert kept == {f"{tmp_path / 'reports.zip'}：{p.name}": hashlib.sha256(p.read_bytes()).hexdigest() for p in members}


def _open_when_released(path, barrier, results):
    barrier.wait()
    try:
        Store(path).close()
        results.put("ok")
    except InputError as exc:
        results.put(exc.message())


def test_processes_creating_one_store_at_once_all_open_it(tmp_path):
    """Three processes opening the same new store at the same moment all open it (the switch to WAL waits)."""
    context = multiprocessing.get_context("fork")
    for round_ in range(12):
        path, barrier, results = tmp_path / f"s{round_}.db", context.Barrier(3), context.Queue()
        openers = [context.Process(target=_open_when_released, args=(path, barrier, results)) for _ in range(3)]
        for opener in openers:
            opener.start()
        outcomes = [results.get(timeout=60) for _ in openers]
        for opener in openers:
            opener.join()
        assert outcomes == ["ok"] * 3
