"""Self-checks in progress: held in the server's memory only, never written anywhere.

A self-check is private and is not kept unless the township presses 提交; a restart forgets the
ones in progress (the submitted ones are in the store). Each township holds a few at a time,
and each lasts a working day.
"""

from __future__ import annotations

import asyncio
import secrets
import time

import attrs

PER_TOWNSHIP = 5
LIFETIME = 10 * 3600  #: seconds


@attrs.define
class Draft:
    """An uploaded file, the clerk's corrections to its figures, and the latest result."""

    token: str
    township_id: int
    data: bytes
    filename: str  #: the name the clerk's file had: shown, and given to the readers, never a path of ours
    result: dict  #: what scoring.self_check returned
    original: dict[str, str]  #: each figure as first read, by item id
    year: int = 0  #: the 报告年度 picked on upload, for a report that states none
    own: bool = False  #: the clerk confirmed the report is the township's own, whatever name was read
    corrections: dict[str, str] = attrs.field(factory=dict)
    created: float = attrs.field(factory=time.monotonic)
    lock: asyncio.Lock = attrs.field(factory=asyncio.Lock, eq=False, repr=False)  #: one 提交 at a time (a double click)


class Drafts:
    def __init__(self, clock=time.monotonic):
        self.clock = clock
        self.held: dict[str, Draft] = {}
        self.kept: dict[tuple[str, int], tuple[int, float]] = {}  #: (token, township id) -> (submission id, when) of a submitted one

    def add(self, township_id: int, data: bytes, filename: str, result: dict, year: int = 0) -> Draft:
        """Hold a new self-check; the township's oldest goes when it holds too many."""
        self._expire()
        mine = sorted((d for d in self.held.values() if d.township_id == township_id), key=lambda d: d.created)
        for old in mine[: max(0, len(mine) - PER_TOWNSHIP + 1)]:
            del self.held[old.token]
        original = {f["id"]: f["value"] for f in result["figures"]}
        draft = Draft(secrets.token_urlsafe(16), township_id, data, filename, result, original, year, created=self.clock())
        self.held[draft.token] = draft
        return draft

    def get(self, token: str) -> Draft | None:
        self._expire()
        return self.held.get(token)

    def submitted(self, draft: Draft, submission_id: int) -> None:
        """The draft was submitted as ``submission_id``: it goes, and its token leads to the submission for a while."""
        self.held.pop(draft.token, None)
        self.kept[(draft.token, draft.township_id)] = (submission_id, draft.created)

    def submission(self, token: str, township_id: int) -> int | None:
        """The submission the township's self-check ``token`` became, if it was submitted."""
        self._expire()
        return self.kept.get((token, township_id), (None, 0))[0]

    def _expire(self) -> None:
        limit = self.clock() - LIFETIME
        for token in [t for t, d in self.held.items() if d.created < limit]:
            del self.held[token]
        for key in [k for k, (_sid, created) in self.kept.items() if created < limit]:
            del self.kept[key]
