"""The web app's tables: accounts, sessions, submissions and the audit log (migration 2).

Every write is one transaction, and an action writes its audit entry in the same one: an action
is never kept without its entry, nor an entry without its action. Rows come back as frozen attrs
objects; passwords and session tokens arrive here already hashed (see ``evalkit.web.auth``).
"""

from __future__ import annotations

import json

import attrs


@attrs.frozen
class Account:
    """Who signs in: the county office, or one township."""

    id: int
    username: str
    role: str  #: 'office' or 'township'
    township_id: int | None
    township: str  #: the township's name, '' for the office
    password: str  #: the scrypt hash (see evalkit.web.auth)


@attrs.frozen
class TownshipRow:
    id: int
    name: str
    county: str
    level: str


@attrs.frozen
class SubmissionRow:
    """A township's report as submitted for a year."""

    id: int
    township_id: int
    township: str
    year: int
    username: str
    created: str
    sha256: str
    suffix: str
    filename: str  #: the name the clerk's file had: shown, never used as a path
    corrections: dict
    total: str
    grade: str
    card: str  #: the scorecard JSON


@attrs.frozen
class Entry:
    """One line of the audit log, as an action writes it."""

    at: str
    account: Account | None
    username: str
    action: str
    detail: dict
    address: str


@attrs.frozen
class AuditRow:
    at: str
    username: str
    action: str
    detail: dict
    address: str


_ACCOUNT = "SELECT a.id, a.username, a.role, a.township_id, COALESCE(t.name, ''), a.password FROM accounts a LEFT JOIN townships t ON t.id = a.township_id"
_SUBMISSION = """SELECT s.id, s.township_id, t.name, s.year, a.username, s.created, s.sha256, s.suffix, s.filename,
    s.corrections, s.total, s.grade, s.card FROM submissions s JOIN townships t ON t.id = s.township_id JOIN accounts a ON a.id = s.account_id"""


def _submission(row) -> SubmissionRow:
    return SubmissionRow(*row[:9], json.loads(row[9]), *row[10:])


class WebStore:
    """The web app's view of an open Store."""

    def __init__(self, store):
        self.store, self.conn = store, store.conn

    def township(self, name: str, county: str, level: str) -> int:
        """The township's id, adding it when it is new."""
        with self.store.transaction() as conn:
            conn.execute("INSERT OR IGNORE INTO townships (name, county, level) VALUES (?, ?, ?)", (name, county, level))
            return conn.execute("SELECT id FROM townships WHERE name = ? AND county = ?", (name, county)).fetchone()[0]

    def add_account(self, username: str, role: str, township_id: int | None, password: str, created: str) -> bool:
        """Add an account; False when the user name is taken (the existing one is left alone)."""
        with self.store.transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO accounts (username, role, township_id, password, created) VALUES (?, ?, ?, ?, ?) ON CONFLICT (username) DO NOTHING",
                (username, role, township_id, password, created))
            return cursor.rowcount == 1

    def set_password(self, username: str, password: str, entry: Entry) -> bool:
        """Give an account a new password (hashed) and end every session it has, with the entry;
        False when there is no such account."""
        with self.store.transaction() as conn:
            row = conn.execute("SELECT id FROM accounts WHERE username = ?", (username,)).fetchone()
            if row is None:
                return False
            conn.execute("UPDATE accounts SET password = ? WHERE id = ?", (password, row[0]))
            conn.execute("DELETE FROM sessions WHERE account_id = ?", (row[0],))
            _audit(conn, entry)
            return True

    def account(self, username: str) -> Account | None:
        row = self.conn.execute(f"{_ACCOUNT} WHERE a.username = ?", (username,)).fetchone()
        return Account(*row) if row else None

    def accounts(self) -> list[Account]:
        return [Account(*row) for row in self.conn.execute(f"{_ACCOUNT} ORDER BY a.role, a.township_id, a.username")]

    def townships(self) -> list[TownshipRow]:
        """The townships that have an account, by id (the order they were added in)."""
        rows = self.conn.execute(
            "SELECT DISTINCT t.id, t.name, t.county, t.level FROM townships t JOIN accounts a ON a.township_id = t.id ORDER BY t.id")
        return [TownshipRow(*row) for row in rows]

    def township_row(self, township_id: int) -> TownshipRow | None:
        """One township that has an account, by its id."""
        row = self.conn.execute(
            "SELECT DISTINCT t.id, t.name, t.county, t.level FROM townships t JOIN accounts a ON a.township_id = t.id WHERE t.id = ?",
            (township_id,)).fetchone()
        return TownshipRow(*row) if row else None

    def add_session(self, token: str, csrf: str, expires: str, entry: Entry) -> None:
        """A new session for the entry's account (its login), with the entry."""
        with self.store.transaction() as conn:
            conn.execute("DELETE FROM sessions WHERE expires < ?", (entry.at,))
            conn.execute("INSERT INTO sessions VALUES (?, ?, ?, ?, ?)", (token, entry.account.id, csrf, entry.at, expires))
            _audit(conn, entry)

    def session(self, token: str, now: str) -> tuple[Account, str] | None:
        """The account and CSRF token of a session that has not expired."""
        row = self.conn.execute(
            f"SELECT s.csrf, x.* FROM sessions s JOIN ({_ACCOUNT}) x ON x.id = s.account_id WHERE s.token = ? AND s.expires >= ?",
            (token, now)).fetchone()
        return (Account(*row[1:]), row[0]) if row else None

    def end_session(self, token: str, entry: Entry) -> None:
        with self.store.transaction() as conn:
            conn.execute("DELETE FROM sessions WHERE token = ?", (token,))
            _audit(conn, entry)

    def add_submission(self, file: tuple[str, str, str], corrections: dict, card: dict, entry: Entry) -> int:
        """Keep a submission of the entry's account and the entry, which is told the submission's id;
        ``file`` is (sha256, suffix, name shown). Its id."""
        body = json.dumps(card, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
        with self.store.transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO submissions (township_id, year, account_id, created, sha256, suffix, filename, corrections, total, grade, card)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (entry.account.township_id, card["year"], entry.account.id, entry.at, *file,
                 json.dumps(corrections, ensure_ascii=False, sort_keys=True), str(card["total"]), card["grade"], body))
            _audit(conn, attrs.evolve(entry, detail={"submission": cursor.lastrowid, **entry.detail}))
            return cursor.lastrowid

    def submission(self, submission_id: int) -> SubmissionRow | None:
        row = self.conn.execute(f"{_SUBMISSION} WHERE s.id = ?", (submission_id,)).fetchone()
        return _submission(row) if row else None

    def submissions(self, township_id: int) -> list[SubmissionRow]:
        """A township's submissions, newest first."""
        return [_submission(r) for r in self.conn.execute(f"{_SUBMISSION} WHERE s.township_id = ? ORDER BY s.id DESC", (township_id,))]

    def current(self, year: int) -> list[SubmissionRow]:
        """The latest submission of each township for ``year``, by township id."""
        rows = self.conn.execute(
            f"{_SUBMISSION} WHERE s.id IN (SELECT MAX(id) FROM submissions WHERE year = ? GROUP BY township_id) ORDER BY s.township_id", (year,))
        return [_submission(r) for r in rows]

    def years(self) -> list[int]:
        """The years anything was submitted for, newest first."""
        return [row[0] for row in self.conn.execute("SELECT DISTINCT year FROM submissions ORDER BY year DESC")]

    def audit(self, entry: Entry) -> None:
        with self.store.transaction() as conn:
            _audit(conn, entry)

    def last_archive(self, year: int) -> tuple[str, int, int] | None:
        """When the year's submissions were last kept in the results store, the run they became,
        and the last submission kept."""
        row = self.conn.execute(
            "SELECT at, json_extract(detail, '$.run'), json_extract(detail, '$.last') FROM audit"
            " WHERE action = 'archive' AND json_extract(detail, '$.year') = ? ORDER BY id DESC LIMIT 1", (year,)).fetchone()
        return tuple(row) if row else None

    def audit_log(self, limit: int = 200) -> list[AuditRow]:
        """The latest entries, newest first."""
        rows = self.conn.execute("SELECT at, username, action, detail, address FROM audit ORDER BY id DESC LIMIT ?", (limit,))
        return [AuditRow(at, user, action, json.loads(detail), address) for at, user, action, detail, address in rows]


def _audit(conn, entry: Entry) -> None:
    conn.execute("INSERT INTO audit (at, account_id, username, action, detail, address) VALUES (?, ?, ?, ?, ?, ?)",
                 (entry.at, entry.account.id if entry.account else None, entry.username, entry.action,
                  json.dumps(entry.detail, ensure_ascii=False, sort_keys=True), entry.address))
