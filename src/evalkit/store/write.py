"""Writing a scored batch into the store as one run, in one transaction."""

from __future__ import annotations

import collections
import datetime
import hashlib
import json

from evalkit import archive
from evalkit.model import Detail
from evalkit.errors import InputError
from evalkit.store.failures import failure_reason


def save_run(store, batch, criteria, created: str | None = None) -> int:
    """Keep ``batch`` (scored with ``criteria``) as a new run and supersede its year's earlier runs.

    The input files are hashed before the write lock is taken; everything else is one
    transaction, so a run killed half-way leaves the store as it was.
    """
    where = archive.members()  # a zip's member is named “reports.zip：成员名” and read from its temporary copy
    inputs = [(e.source, _sha256(where.get(e.source, e.source)), None, None) for e in batch.entries]
    inputs += [(f.source, _sha256(where.get(f.source, f.source)), f.kind.value, f.message) for f in batch.failures]
    year = _year(batch)
    created = created or datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")
    try:
        with store.transaction() as conn:
            run_id = _run(conn, batch, year, created)
            conn.executemany("INSERT INTO inputs VALUES (?, ?, ?, ?, ?)", ((run_id, *row) for row in inputs))
            conn.executemany("INSERT INTO criteria VALUES (?, ?, ?, ?, ?, ?, ?, ?)", (_criterion(run_id, c) for c in criteria))
            conn.executemany("INSERT INTO categories VALUES (?, ?, ?, ?)", ((run_id, cid, title, i) for i, (cid, title) in enumerate(batch.categories)))
            townships: dict[tuple[str, str], int] = {}
            for entry in batch.entries:
                _scorecard(conn, run_id, _township(conn, townships, entry.card.subject), entry, batch.detail is Detail.WHOLE)
            conn.execute("UPDATE runs SET superseded_by = ? WHERE year = ? AND superseded_by IS NULL AND id != ?", (run_id, year, run_id))
    except InputError:
        raise
    except Exception as exc:  # sqlite3 errors: a full disk, a locked or damaged file
        raise InputError("store_write_failed", file=store.path, detail=failure_reason(exc)[1]) from None
    _checkpoint(store.conn)
    return run_id


def _checkpoint(conn) -> None:
    """Copy the run from the WAL into the store's file, so that a copy of that file alone holds it.

    PASSIVE never waits for readers; the run is already safe in the WAL, so a checkpoint that
    cannot finish now is left to a later connection."""
    import sqlite3

    try:
        conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
    except sqlite3.Error:
        pass


def _year(batch) -> int:
    """The batch's report year: the most common one (a batch that mixes years is warned of)."""
    counts = collections.Counter(e.card.year for e in batch.entries)
    return max(counts, key=lambda year: (counts[year], year))


def _sha256(source: str) -> str | None:
    digest = hashlib.sha256()
    try:
        with open(source, "rb") as stream:
            while chunk := stream.read(1 << 16):
                digest.update(chunk)
    except OSError:  # a file that could not be read is kept with its failure, without a hash
        return None
    return digest.hexdigest()


def _run(conn, batch, year: int, created: str) -> int:
    meta, profile = batch.meta, batch.meta["profile"]
    detail = batch.detail.value
    cursor = conn.execute(
        "INSERT INTO runs (year, created, engine_version, profile_id, profile_digest, not_applicable, meta, detail, scored, failed)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (year, created, meta["version"], profile["id"], profile["digest"], profile["not_applicable"], _json(meta), detail,
         len(batch.entries), len(batch.failures)),
    )
    return cursor.lastrowid


def _criterion(run_id: int, criterion) -> tuple:
    cap = None if criterion.cap is None else str(criterion.cap)
    return (run_id, criterion.id, criterion.title, criterion.category, criterion.kind.value, str(criterion.points), cap, _json(dict(criterion.rule)))


def _township(conn, known: dict, subject) -> int:
    key = (subject.name, subject.county or "")
    if key not in known:
        conn.execute("INSERT OR IGNORE INTO townships (name, county, level) VALUES (?, ?, ?)", (*key, subject.level.value))
        known[key] = conn.execute("SELECT id FROM townships WHERE name = ? AND county = ?", key).fetchone()[0]
    return known[key]


def _scorecard(conn, run_id: int, township_id: int, entry, detailed: bool) -> None:
    card = entry.card
    body = json.dumps(card.to_dict(), ensure_ascii=False, separators=(",", ":")) if detailed else None
    cursor = conn.execute(
        "INSERT INTO scorecards (run_id, township_id, source, year, rank, level_rank, total, max, percent, grade, bonus, deductions, vetoed, card)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (run_id, township_id, entry.source, card.year, entry.rank, entry.level_rank, str(card.total), str(card.max), str(card.percent),
         card.grade, str(card.bonus), str(card.deductions), int(bool(card.vetoes)), body),
    )
    sid = cursor.lastrowid
    conn.executemany("INSERT INTO category_scores VALUES (?, ?, ?, ?, ?)", ((sid, c.id, c.title, str(c.score), str(c.max)) for c in card.categories))
    conn.executemany("INSERT INTO results VALUES (?, ?, ?, ?, ?, ?, ?)",
                     ((sid, r.criterion, r.category, r.kind.value, r.status.value, str(r.points), str(r.max)) for r in (card.results if detailed else ())))
    conn.executemany("INSERT INTO gaps VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     ((sid, i, g.criterion, g.title, g.category, g.kind.value, g.status.value, str(g.points_lost), str(g.pending), g.repeat and g.repeat.value)
                      for i, g in enumerate(card.gaps)))
    conn.executemany("INSERT INTO rectification VALUES (?, ?, ?, ?, ?, ?)",
                     ((sid, i.criterion, i.title, i.status.value, str(i.lost_before), None if i.lost_now is None else str(i.lost_now)) for i in card.rectification))
    conn.executemany("INSERT INTO findings VALUES (?, ?, ?, ?, ?)", ((sid, i, f.code, f.severity.value, f.message) for i, f in enumerate(card.findings)))


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)
