"""The web app's tables in the store: accounts, sessions, submissions, audit log (migration 2)."""

import sqlite3

import pytest

from evalkit.store import Store
from evalkit.store.schema import MIGRATIONS, RESULTS, WEB
from evalkit.store.web import Entry

CARD = {"total": 88.5, "grade": "良好", "year": 2022, "subject": {"name": "甲镇"}}


@pytest.fixture
def web(tmp_path):
    with Store(tmp_path / "s.db") as store:
        yield store.web


def test_migration_two_is_appended_after_the_results():
    """The web tables come as a new migration after the results store's, which stays as it was."""
    assert MIGRATIONS[:2] == [RESULTS, WEB]


def test_a_store_at_version_one_is_migrated_keeping_its_rows(tmp_path):
    """A store written before the web app gains the web tables and keeps its townships."""
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    for statement in RESULTS:
        conn.execute(statement)
    conn.execute("INSERT INTO townships (name, county, level) VALUES ('甲镇', '乙县', '镇')")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    with Store(path) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        assert store.web.township("甲镇", "乙县", "镇") == 1


def test_accounts_are_unique_and_a_township_account_names_its_township(web):
    """A user name is taken once; a township account carries its township's id and name."""
    tid = web.township("甲镇", "乙县", "镇")
    assert web.add_account("甲镇", "township", tid, "hash", "2026-01-01T00:00:00+00:00")
    assert not web.add_account("甲镇", "township", tid, "other", "2026-01-01T00:00:00+00:00")
    account = web.account("甲镇")
    assert (account.role, account.township_id, account.township, account.password) == ("township", tid, "甲镇", "hash")
    assert web.account("乙镇") is None
    with pytest.raises(sqlite3.IntegrityError):
        web.add_account("无主", "township", None, "hash", "2026-01-01T00:00:00+00:00")


def test_a_session_ends_when_it_expires_or_is_ended(web):
    """A session is found until its expiry, and not after it is ended."""
    web.add_account("办", "office", None, "hash", "2026-01-01T00:00:00+00:00")
    web.add_session("t1", "c1", "2026-01-01T10:00:00+00:00", Entry("2026-01-01T00:00:00+00:00", web.account("办"), "办", "login", {}, ""))
    assert web.session("t1", "2026-01-01T09:59:59+00:00")[1] == "c1"
    assert web.session("t1", "2026-01-01T10:00:01+00:00") is None
    web.end_session("t1", Entry("2026-01-01T09:00:00+00:00", web.account("办"), "办", "logout", {}, ""))
    assert web.session("t1", "2026-01-01T09:00:00+00:00") is None


def test_the_latest_submission_of_each_township_is_current(web):
    """Submitting twice for a year keeps both; the later one counts."""
    tid = web.township("甲镇", "乙县", "镇")
    web.add_account("甲镇", "township", tid, "hash", "2026-01-01T00:00:00+00:00")
    clerk = web.account("甲镇")
    first = web.add_submission(("a" * 64, ".docx", "草稿.docx"), {}, CARD, Entry("2026-01-01T00:00:00+00:00", clerk, "甲镇", "submit", {}, ""))
    second = web.add_submission(("b" * 64, ".txt", "定稿.txt"), {"x": "1"}, {**CARD, "total": 90},
                                Entry("2026-01-02T00:00:00+00:00", clerk, "甲镇", "submit", {}, ""))
    assert [s.id for s in web.submissions(tid)] == [second, first]
    (current,) = web.current(2022)
    assert (current.id, current.total, current.corrections, current.filename) == (second, "90", {"x": "1"}, "定稿.txt")
    assert web.years() == [2022] and web.current(2021) == []


def test_the_audit_log_keeps_every_entry_newest_first(web):
    """Entries come back newest first, with their details."""
    web.audit(Entry("2026-01-01T00:00:00+00:00", None, "某人", "login_failed", {}, "127.0.0.1"))
    web.audit(Entry("2026-01-01T00:00:01+00:00", None, "某人", "login_blocked", {"n": 6}, "127.0.0.1"))
    entries = web.audit_log()
    assert [(e.action, e.detail) for e in entries] == [("login_blocked", {"n": 6}), ("login_failed", {})]


def test_an_action_and_its_audit_entry_are_written_together(web):
    """A submission, a login and a logout each come with their entry; a submission that fails leaves neither."""
    tid = web.township("甲镇", "乙县", "镇")
    web.add_account("甲镇", "township", tid, "hash", "2026-01-01T00:00:00+00:00")
    clerk = web.account("甲镇")
    web.add_session("t1", "c1", "2026-01-01T10:00:00+00:00", Entry("2026-01-01T00:00:00+00:00", clerk, "甲镇", "login", {}, "10.0.0.7"))
    sid = web.add_submission(("a" * 64, ".docx", "草稿.docx"), {}, CARD, Entry("2026-01-01T00:00:01+00:00", clerk, "甲镇", "submit", {"year": 2022}, ""))
    with pytest.raises(KeyError):
        web.add_submission(("b" * 64, ".docx", "坏.docx"), {}, {"year": 2022}, Entry("2026-01-01T00:00:02+00:00", clerk, "甲镇", "submit", {}, ""))
    web.end_session("t1", Entry("2026-01-01T00:00:03+00:00", clerk, "甲镇", "logout", {}, ""))
    assert [(e.action, e.detail) for e in web.audit_log()] == [("logout", {}), ("submit", {"submission": sid, "year": 2022}), ("login", {})]
    assert [s.id for s in web.submissions(tid)] == [sid]
