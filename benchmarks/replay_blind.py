"""An earlier reader's mappings on a labelled set it had never seen, with today's mapping evidence.

    git archive 015d253 | tar -x -C /tmp/reader4
    PYTHONPATH=/tmp/reader4/src:/tmp/reader4/plugins/xianxiang/src \\
        .venv/bin/python benchmarks/replay_blind.py /work/real-texts-heldout4 benchmarks/real/heldout4

Each labelled set was measured blind once, on the reader of its day (heldout at 20efb03,
heldout2 at ab71cea, heldout3 at 5b39de4, heldout4 at 015d253), and tuned on after. Run under
that reader (its source first on PYTHONPATH), this script maps the set's figures as that reader
did and then applies the evidence of this tree's items.yaml (report/evidence.py) to each
mapping: it prints item precision and recall over all mappings and over the confident ones,
as benchmarks/real_reports.py does, with ``-v`` every doubtful or wrong mapping. It shows how the
confidence would have sorted mappings the rules were not written on.
"""

from __future__ import annotations

import argparse
import functools
import importlib.util
import sys
from collections import Counter
from pathlib import Path
from types import SimpleNamespace

import yaml

ROOT = Path(__file__).resolve().parents[1]


def _module(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


BENCH = _module("real_reports", ROOT / "benchmarks" / "real_reports.py")
EVIDENCE = _module("evidence", ROOT / "src" / "evalkit" / "report" / "evidence.py")


@functools.cache
def specs() -> dict[str, SimpleNamespace]:
    """This tree's item evidence, each topic named by its expression."""
    doc = yaml.safe_load((ROOT / "plugins" / "xianxiang" / "src" / "evalkit_xianxiang" / "items.yaml").read_text("utf-8"))
    named = lambda key, value: doc["topics"][value] if key == "topic" else value  # noqa: E731
    return {i["id"]: SimpleNamespace(evidence={k: named(k, v) for k, v in i["evidence"].items()}) for i in doc["items"] if "evidence" in i}


def doubtful(figure, item: str, text: str) -> bool:
    """Whether the mapping lacks its evidence; an early reader's figure may carry no context."""
    clause_start = figure.start - len(figure.before)
    context = getattr(figure, "context", None) or text[max(0, clause_start - 200) : clause_start]
    seen = SimpleNamespace(start=figure.start, text=figure.text, before=figure.before, after=figure.after, unit=figure.unit, context=context)
    return bool(EVIDENCE.lacks(seen, specs().get(item), text))


def classify_under_test():
    try:
        from evalkit.report.mapping import classify
    except ImportError:  # the reader before mapping.py was split out
        from evalkit.report.extraction import classify
    return classify


def measure(ev, path: Path, label: dict, lines: list[str]) -> Counter:
    loaded = ev.read_report(path)
    text, found = loaded.text, loaded.extraction
    labelled = label.get("figures") or []
    matched = BENCH.match(found.figures, labelled, BENCH.locate(text, labelled))
    items = {id(f): i for f, i in classify_under_test()(found.figures, ev.catalog.extractors, found.structure, ev.catalog.items)}
    wanted = {id(matched[n]): (f["item"] if f["item"] != "none" else None, f"{f['cue']}{f['value']}") for n, f in enumerate(labelled) if n in matched}
    counts = Counter(belong=sum(f["item"] != "none" for f in labelled))
    for figure in found.figures:
        got = items.get(id(figure))
        if got is None:
            continue
        want, cue = wanted.get(id(figure), (None, f"（未标注）{figure.text}"))
        sure = not doubtful(figure, got, text)
        counts.update(mapped=1, right=got == want, sure_mapped=sure, sure_right=sure and got == want, review=not sure, review_right=not sure and got == want)
        if not sure or got != want:
            lines.append(f"  {'待核对' if not sure else '确定  '} {'对' if got == want else '错'} {label['id']}: {cue} 应为 {want}，读作 {got}")
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("texts", type=Path)
    parser.add_argument("labels", type=Path)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    from evalkit.evaluator import Evaluator

    ev, total, lines = Evaluator(), Counter(), []
    for label in BENCH.labels(args.labels):
        total += measure(ev, args.texts / f"{label['id']}.txt", label, lines)
    print("\n".join(lines) if args.verbose else "", end="\n" if args.verbose and lines else "")
    print(f"item precision          {BENCH.ratio(total['right'], total['mapped'])}")
    print(f"item recall             {BENCH.ratio(total['right'], total['belong'])}")
    print(f"confident precision     {BENCH.ratio(total['sure_right'], total['sure_mapped'])}")
    print(f"confident recall        {BENCH.ratio(total['sure_right'], total['belong'])}")
    print(f"to review (mapping)     {total['review']} of {total['mapped']} mappings, {total['review_right']} of them right")
    return 0


if __name__ == "__main__":
    sys.exit(main())
