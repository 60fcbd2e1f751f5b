"""The store's tables, as an ordered list of migrations.

Migration N (counted from 1) brings a store from ``PRAGMA user_version`` N-1 to N. Append new
migrations at the end; never edit one that has shipped. Decimal figures are kept as TEXT (their
exact digits); JSON columns hold compact JSON with sorted keys.
"""

from __future__ import annotations

RESULTS = (
    # one batch run: when, which year, with which rubric, and what it read
    """CREATE TABLE runs (
        id INTEGER PRIMARY KEY,
        year INTEGER NOT NULL,
        created TEXT NOT NULL,
        engine_version TEXT NOT NULL,
        profile_id TEXT NOT NULL,
        profile_digest TEXT NOT NULL,
        not_applicable TEXT NOT NULL,
        meta TEXT NOT NULL,
        detail TEXT NOT NULL CHECK (detail IN ('whole', 'summary', 'large')),
        scored INTEGER NOT NULL,
        failed INTEGER NOT NULL,
        superseded_by INTEGER REFERENCES runs(id)
    )""",
    "CREATE INDEX runs_year ON runs(year, superseded_by)",
    """CREATE TABLE inputs (
        run_id INTEGER NOT NULL REFERENCES runs(id),
        source TEXT NOT NULL,
        sha256 TEXT,
        failure_kind TEXT,
        failure TEXT,
        PRIMARY KEY (run_id, source)
    )""",
    """CREATE TABLE criteria (
        run_id INTEGER NOT NULL REFERENCES runs(id),
        criterion TEXT NOT NULL,
        title TEXT NOT NULL,
        category TEXT NOT NULL,
        kind TEXT NOT NULL,
        points TEXT NOT NULL,
        cap TEXT,
        rule TEXT NOT NULL,
        PRIMARY KEY (run_id, criterion)
    )""",
    """CREATE TABLE categories (
        run_id INTEGER NOT NULL REFERENCES runs(id),
        category TEXT NOT NULL,
        title TEXT NOT NULL,
        position INTEGER NOT NULL,
        PRIMARY KEY (run_id, category)
    )""",
    """CREATE TABLE townships (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        county TEXT NOT NULL DEFAULT '',
        level TEXT NOT NULL,
        UNIQUE (name, county)
    )""",
    """CREATE TABLE scorecards (
        id INTEGER PRIMARY KEY,
        run_id INTEGER NOT NULL REFERENCES runs(id),
        township_id INTEGER NOT NULL REFERENCES townships(id),
        source TEXT NOT NULL,
        year INTEGER NOT NULL,
        rank INTEGER NOT NULL,
        level_rank INTEGER NOT NULL,
        total TEXT NOT NULL,
        max TEXT NOT NULL,
        percent TEXT NOT NULL,
        grade TEXT NOT NULL,
        bonus TEXT NOT NULL,
        deductions TEXT NOT NULL,
        vetoed INTEGER NOT NULL,
        card TEXT,
        UNIQUE (run_id, source)
    )""",
    "CREATE INDEX scorecards_township ON scorecards(township_id)",
    """CREATE TABLE category_scores (
        scorecard_id INTEGER NOT NULL REFERENCES scorecards(id),
        category TEXT NOT NULL,
        title TEXT NOT NULL,
        score TEXT NOT NULL,
        max TEXT NOT NULL,
        PRIMARY KEY (scorecard_id, category)
    )""",
    """CREATE TABLE results (
        scorecard_id INTEGER NOT NULL REFERENCES scorecards(id),
        criterion TEXT NOT NULL,
        category TEXT NOT NULL,
        kind TEXT NOT NULL,
        status TEXT NOT NULL,
        points TEXT NOT NULL,
        max TEXT NOT NULL,
        PRIMARY KEY (scorecard_id, criterion)
    )""",
    """CREATE TABLE gaps (
        scorecard_id INTEGER NOT NULL REFERENCES scorecards(id),
        position INTEGER NOT NULL,
        criterion TEXT NOT NULL,
        title TEXT NOT NULL,
        category TEXT NOT NULL,
        kind TEXT NOT NULL,
        status TEXT NOT NULL,
        points_lost TEXT NOT NULL,
        pending TEXT NOT NULL,
        repeat TEXT,
        PRIMARY KEY (scorecard_id, position)
    )""",
    """CREATE TABLE findings (
        scorecard_id INTEGER NOT NULL REFERENCES scorecards(id),
        position INTEGER NOT NULL,
        code TEXT NOT NULL,
        severity TEXT NOT NULL,
        message TEXT NOT NULL,
        PRIMARY KEY (scorecard_id, position)
    )""",
    # last year's gaps as this year assessed them (整改)
    """CREATE TABLE rectification (
        scorecard_id INTEGER NOT NULL REFERENCES scorecards(id),
        criterion TEXT NOT NULL,
        title TEXT NOT NULL,
        status TEXT NOT NULL,
        lost_before TEXT NOT NULL,
        lost_now TEXT,
        PRIMARY KEY (scorecard_id, criterion)
    )""",
)

WEB = (
    # evalkit serve: one account per township, one or more for the county office
    """CREATE TABLE accounts (
        id INTEGER PRIMARY KEY,
        username TEXT NOT NULL UNIQUE,
        role TEXT NOT NULL CHECK (role IN ('office', 'township')),
        township_id INTEGER REFERENCES townships(id),
        password TEXT NOT NULL,
        created TEXT NOT NULL,
        CHECK ((role = 'township') = (township_id IS NOT NULL))
    )""",
    # a signed-in browser: only the SHA-256 of its cookie is kept
    """CREATE TABLE sessions (
        token TEXT PRIMARY KEY,
        account_id INTEGER NOT NULL REFERENCES accounts(id),
        csrf TEXT NOT NULL,
        created TEXT NOT NULL,
        expires TEXT NOT NULL
    )""",
    # a township's report as submitted for a year; the file is kept under its SHA-256
    """CREATE TABLE submissions (
        id INTEGER PRIMARY KEY,
        township_id INTEGER NOT NULL REFERENCES townships(id),
        year INTEGER NOT NULL,
        account_id INTEGER NOT NULL REFERENCES accounts(id),
        created TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        suffix TEXT NOT NULL,
        filename TEXT NOT NULL,
        corrections TEXT NOT NULL,
        total TEXT NOT NULL,
        grade TEXT NOT NULL,
        card TEXT NOT NULL
    )""",
    "CREATE INDEX submissions_year ON submissions(year, township_id, id)",
    """CREATE TABLE audit (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        account_id INTEGER REFERENCES accounts(id),
        username TEXT NOT NULL,
        action TEXT NOT NULL,
        detail TEXT NOT NULL,
        address TEXT NOT NULL
    )""",
)

#: Each migration is a tuple of SQL statements, run in one transaction with its user_version.
MIGRATIONS: list[tuple[str, ...]] = [RESULTS, WEB]
