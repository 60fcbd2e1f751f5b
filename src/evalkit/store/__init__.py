"""The results store: every batch run kept in SQLite, year after year.

This package is the one place that writes SQL and owns the schema (see ``schema.MIGRATIONS``).
A store is opened with ``Store(path)``: WAL mode, a busy timeout, and migrated to the latest
schema. Every write is one ``BEGIN IMMEDIATE`` transaction, so a run killed half-way leaves the
store as it was and two runs at once wait for each other instead of failing.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

from evalkit.errors import InputError
from evalkit.store import read
from evalkit.store.failures import opening_error
from evalkit.store.schema import MIGRATIONS

ENV = "EVALKIT_DB"  #: the store ``evalkit score`` writes to when --db is not given
BUSY_MS = 60_000  #: how long a writer waits for another to finish
WAL_RETRY_S = 0.01  #: the pause between tries to switch a new store to WAL while another does


def default_path() -> str | None:
    """The store named by EVALKIT_DB, if any."""
    return os.environ.get(ENV) or None


class Store:
    """An open results store. Use it in a ``with`` block, or ``close()`` it."""

    def __init__(self, path: str | Path, readonly: bool = False):
        self.path = str(path)
        self.conn = _connect(self.path, readonly)
        try:
            if not readonly:
                self._migrate()
            elif _version(self.conn, self.path) != len(MIGRATIONS):
                raise InputError("store_outdated", file=self.path)
        except sqlite3.Error as exc:  # locked past the busy timeout, damaged, or not writable
            self.conn.close()
            raise opening_error(self.path, exc) from None
        except InputError:
            self.conn.close()
            raise

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write, whole or not at all: BEGIN IMMEDIATE takes the write lock at once."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def _migrate(self) -> None:
        if _version(self.conn, self.path) == len(MIGRATIONS):
            return
        with self.transaction() as conn:
            current = _version(conn, self.path)  # read again under the lock: another process may have migrated
            for number, statements in enumerate(MIGRATIONS[current:], current + 1):
                for statement in statements:
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {number:d}")

    def save_run(self, batch, criteria, created: str | None = None) -> int:
        """Keep a scored batch as a new run; earlier runs of its year are marked superseded. Its id."""
        from evalkit.store.write import save_run

        return save_run(self, batch, criteria, created)

    def runs(self, year: int | None = None, superseded: bool = False) -> list[read.Run]:
        """The runs kept, oldest first: of ``year`` only when given, superseded ones when asked."""
        return read.runs(self.conn, year, superseded)

    def current_run(self, year: int) -> read.Run | None:
        """The run of ``year`` that no later run superseded."""
        return read.current_run(self.conn, year)

    def scorecards(self, run_id: int) -> list[read.Township]:
        """Every township of a run, in ranking order, with its category scores."""
        return read.scorecards(self.conn, run_id)

    def history(self, name: str, county: str | None = None) -> list[read.Township]:
        """A township's scorecards in the current run of each year, oldest year first."""
        return read.history(self.conn, name, county)

    def criteria(self, run_id: int) -> dict[str, read.CriterionRow]:
        """The rubric a run used, by criterion id."""
        return read.criteria(self.conn, run_id)

    def gaps(self, scorecard_id: int) -> list[read.GapRow]:
        """A scorecard's gaps, in the order it listed them."""
        return read.gaps(self.conn, scorecard_id)

    def rectification(self, scorecard_id: int) -> list[read.ItemRow]:
        """Last year's gaps as this scorecard's year assessed them."""
        return read.rectification(self.conn, scorecard_id)

    def previous(self, name: str, county: str | None, year: int) -> tuple[str, list[read.GapRow]] | None:
        """A township's gaps in the current run of ``year`` (last year's, for 整改), with their source."""
        return read.previous(self.conn, name, county or "", year)

    @property
    def web(self):
        """The web app's tables: accounts, sessions, submissions, audit log (see store.web)."""
        from evalkit.store.web import WebStore

        return WebStore(self)

    def scorecard_json(self, scorecard_id: int) -> str | None:
        """The scorecard's JSON as written to townships/ (runs of up to 200 townships keep it)."""
        return read.scorecard_json(self.conn, scorecard_id)


def _connect(path: str, readonly: bool) -> sqlite3.Connection:
    conn = None
    try:
        if readonly:
            conn = sqlite3.connect(_readonly_uri(Path(path)), uri=True, isolation_level=None, timeout=BUSY_MS / 1000)
        else:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
            _writable(Path(path))
            conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_MS / 1000)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_MS:d}")
        if not readonly:
            _use_wal(conn)
        conn.execute("PRAGMA foreign_keys = ON")
    except (sqlite3.Error, OSError) as exc:
        if conn is not None:
            conn.close()
        raise opening_error(path, exc) from None
    return conn


def _use_wal(conn: sqlite3.Connection) -> None:
    """Switch the store to WAL. SQLite refuses the switch at once, without waiting for the busy
    timeout, while another process switches the same new file: wait for it, up to BUSY_MS."""
    deadline = time.monotonic() + BUSY_MS / 1000
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if exc.sqlite_errorcode != sqlite3.SQLITE_BUSY or time.monotonic() > deadline:
                raise
            time.sleep(WAL_RETRY_S)


def _writable(path: Path) -> None:
    """Refuse, before a batch is scored, a store that could be read but not written: the file and
    its folder (where SQLite keeps the WAL) must both be writable."""
    if path.is_dir():
        raise IsADirectoryError(errno.EISDIR, "a folder", str(path))
    for target in (path, path.parent) if path.exists() else (path.parent,):
        if not os.access(target, os.W_OK):
            raise PermissionError(errno.EACCES, "not writable", str(target))


def _readonly_uri(path: Path) -> str:
    """A read-only URI. A store in a folder this user may not write (a shared or archived copy)
    cannot get the WAL index SQLite would create beside it; with no WAL file there, nothing
    outside the file itself is pending, so it is read as immutable."""
    path = path.resolve()
    immutable = not os.access(path.parent, os.W_OK) and not Path(f"{path}-wal").exists()
    return f"{path.as_uri()}?mode=ro" + ("&immutable=1" if immutable else "")


#: SQLite's error names (their prefix), and errnos, as the reason a Chinese message gives
def _version(conn: sqlite3.Connection, path: str) -> int:
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise opening_error(path, exc) from None
    if version > len(MIGRATIONS):
        raise InputError("store_newer", file=path, version=version, known=len(MIGRATIONS))
    return version
