"""A national batch's township summaries in a temporary file, read back in ranking order."""

from __future__ import annotations

import pickle
import tempfile
from collections.abc import Sequence

from evalkit.ranking import Entry, Scored
from evalkit.scorecard import Scorecard


class Ledger:
    """A national batch's township summaries, kept in a temporary file and read back one at a
    time: memory holds a few hundred bytes a township, whatever the size of the batch."""

    def __init__(self) -> None:
        self.file = tempfile.TemporaryFile(prefix="evalkit-")
        self.end = 0

    def add(self, card: Scorecard) -> int:
        """Keep ``card``; the offset it is kept at."""
        data = pickle.dumps(card, protocol=pickle.HIGHEST_PROTOCOL)
        self.file.write(data)
        self.end += len(data)
        return self.end - len(data)

    def card(self, offset: int) -> Scorecard:
        self.file.seek(offset)
        return pickle.load(self.file)  # noqa: S301 - our own file, written by this process


class Ranked(Sequence):
    """A national batch's entries in ranking order, each read back from the Ledger when asked for."""

    def __init__(self, order: Sequence[tuple[Scored, int, int]], ledger: Ledger):
        self.rows = [(s.source, s.stem, s.card, overall, within) for s, overall, within in order]
        self.ledger = ledger

    def __len__(self) -> int:
        return len(self.rows)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return tuple(self._entry(row) for row in self.rows[index])
        return self._entry(self.rows[index])

    def _entry(self, row) -> Entry:
        source, stem, offset, overall, within = row
        return Entry(source, stem, self.ledger.card(offset), overall, within)
