"""Deterministic synthetic township submissions for the benchmark.

    .venv/bin/python benchmarks/generate.py 1360 benchmarks/data/1360

Each has the size and shape of the Xianxiang example (its items and evidence quotes, with
varied figures, practices and gaps); one in every 500 is made invalid on purpose, as a real
batch has a few broken files. The same N and seed give the same bytes.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

from evalkit.evaluator import Evaluator
from evalkit.testing import synthetic_submissions

SEED = 2022
INVALID_EVERY = 500
QUOTE = "2022年,我镇坚持以习近平新时代中国特色社会主义思想为指导,深入推进法治政府建设,"


def _invalid(doc: dict, rng: random.Random) -> dict:
    broken = json.loads(json.dumps(doc))
    choice = rng.randrange(3)
    if choice == 0:
        broken["year"] = str(broken["year"])
    elif choice == 1:
        broken["subject"]["level"] = "村"
    else:
        broken["items"]["leadership.study_sessions"] = {"value": -3}
    return broken


def generate(count: int, folder: Path, seed: int = SEED) -> list[Path]:
    """Write ``count`` submissions into ``folder`` (kept when it already holds them)."""
    folder.mkdir(parents=True, exist_ok=True)
    stamp = folder / ".complete"
    paths = [folder / f"{i:05d}.json" for i in range(count)]
    if stamp.exists() and stamp.read_text() == f"{count} {seed}":
        return paths
    rng = random.Random(seed)
    docs = synthetic_submissions(Evaluator().catalog.items, count, seed=seed)
    for index, (path, doc) in enumerate(zip(paths, docs)):
        for item in doc["items"].values():
            item["evidence"] = QUOTE + item["evidence"]
        if index % INVALID_EVERY == INVALID_EVERY - 1:
            doc = _invalid(doc, rng)
        path.write_text(json.dumps(doc, ensure_ascii=False, indent=2), encoding="utf-8")
    stamp.write_text(f"{count} {seed}")
    return paths


if __name__ == "__main__":
    generate(int(sys.argv[1]), Path(sys.argv[2]))
