"""A worker process that dies fails only the file it held; the batch goes on, in input order."""

import json
import os

from evalkit import parallel, township
from evalkit.evaluator import Evaluator
from evalkit.testing import synthetic_submissions
from evalkit.township import Failure


def test_a_dying_worker_fails_only_its_file(tmp_path, monkeypatch):
    """The file whose process exits is a Failure naming it; every other file is scored, in order."""
    evaluator = Evaluator()
    files = []
    for index, doc in enumerate(synthetic_submissions(evaluator.catalog.items, 40, seed=2)):
        path = tmp_path / ("毒.json" if index == 21 else f"{index:02d}.json")
        path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
        files.append(str(path))
    real = township.process_one

    def dies_on_poison(evaluator, path, *rest):
        if str(path).endswith("毒.json"):
            os._exit(9)  # as a worker killed by the system would
        return real(evaluator, path, *rest)

    monkeypatch.setattr(township, "process_one", dies_on_poison)  # the forked workers inherit it
    results = list(parallel.process_parallel(evaluator, files, {}, 2))
    assert len(results) == 40
    failed = [r for r in results if isinstance(r, Failure)]
    assert len(failed) == 1 and failed[0].source.endswith("毒.json") and "毒.json" in failed[0].message
    assert [r.card.subject.name for r in results if r is not failed[0]] == [
        r.card.subject.name for r in (real(evaluator, f) for f in files if not f.endswith("毒.json"))
    ]
