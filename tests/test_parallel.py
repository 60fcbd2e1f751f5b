"""A worker process that dies fails only the file it held; the batch goes on, in input order."""

import json
import os

from evalkit import batch
from evalkit.evaluator import Evaluator
from evalkit.testing import synthetic_submissions


def test_a_dying_worker_fails_only_its_file(tmp_path, monkeypatch):
    """The file whose process exits is a Failure naming it; every other file is scored, in order."""
    evaluator = Evaluator()
    files = []
    for index, doc in enumerate(synthetic_submissions(evaluator.catalog.items, 40, seed=2)):
        path = tmp_path / ("毒.json" if index == 21 else f"{index:02d}.json")
        path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
        files.append(str(path))
    real = batch.process_one

    def dies_on_poison(evaluator, path, *rest):
        if str(path).endswith("毒.json"):
            os._exit(9)  # as a worker killed by the system would
        return real(evaluator, path, *rest)

    monkeypatch.setattr(batch, "process_one", dies_on_poison)
    result = batch.run(evaluator, files, jobs=2)
    assert len(result.entries) == 39 and len(result.failures) == 1
    failure = result.failures[0]
    assert failure.source.endswith("毒.json") and "毒.json" in failure.message and "进程意外退出" in failure.message
    serial = batch.run(evaluator, [f for f in files if not f.endswith("毒.json")])
    assert [e.card.subject.name for e in result.entries] == [e.card.subject.name for e in serial.entries]
