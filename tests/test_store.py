"""The results store: runs kept whole, superseded not overwritten, migrated, and safe against a
killed run and two runs at once."""

import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from evalkit import batch as batch_
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
    files = [str(p) for p in batch_.inputs([str(COUNTY)], [".json"])]
    return evaluator, batch_.run(evaluator, files, markdown=False)


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
    files = [str(p) for p in batch_.inputs([str(COUNTY)], [".json"])]
    batch = batch_.run(evaluator, files, markdown=False)
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
    assert code == ExitCode.USAGE and "成绩.db" in err and "无法打开成绩库" in err and "Traceback" not in err


def test_score_keeps_the_run_in_the_store_named_by_db_or_evalkit_db(tmp_path, capsys, monkeypatch):
    """--db names the store; without it EVALKIT_DB does."""
    assert main(["score", str(COUNTY), "--out", str(tmp_path / "a"), "--db", str(tmp_path / "a.db")]) == ExitCode.OK
    monkeypatch.setenv("EVALKIT_DB", str(tmp_path / "env.db"))
    assert main(["score", str(COUNTY), "--out", str(tmp_path / "b")]) == ExitCode.OK
    assert "已存入成绩库" in capsys.readouterr().err
    for name in ("a.db", "env.db"):
        with Store(tmp_path / name) as store:
            assert [(r.year, r.scored) for r in store.runs()] == [(2022, 18)]


KILLED = textwrap.dedent("""
    import sys, time
    from evalkit.store import Store, write
    from evalkit import batch
    from evalkit.evaluator import Evaluator
    written = []
    original = write._scorecard
    def slow(*args):
        original(*args)
        written.append(1)
        if len(written) == 9:
            print("halfway", flush=True)
            time.sleep(60)
    write._scorecard = slow
    ev = Evaluator()
    files = [str(p) for p in batch.inputs([sys.argv[2]], [".json"])]
    Store(sys.argv[1]).save_run(batch.run(ev, files, markdown=False), ev.plan.criteria)
""")


def test_a_run_killed_half_way_leaves_the_store_as_it_was(tmp_path, scored):
    """SIGKILL in the middle of writing a run: the store holds exactly what it held before."""
    evaluator, batch = scored
    path = tmp_path / "s.db"
    with Store(path) as store:
        store.save_run(batch, evaluator.plan.criteria)
    before = snapshot(path)
    child = subprocess.Popen([sys.executable, "-c", KILLED, str(path), str(COUNTY)], stdout=subprocess.PIPE, text=True)
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
