"""Precision and recall of report reading over the labelled corpus in tests/corpus/.

    .venv/bin/python benchmarks/extraction.py

For every report variant (.txt, GB18030 .txt, .docx, .html) it reads the file with evalkit's
readers and compares, against the labels: the figures (line, value, unit, bound), the
headings and their kinds (the five required contents), the figures mapped to the Xianxiang
plugin's items (item and value), and the findings' codes. It also
checks that no figure is dropped (each is an item or listed as unmapped) and times each report.
"""

from __future__ import annotations

import functools
import json
import sys
import time
from collections import Counter
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "corpus"
#: Items added for real reports that refine an item these labels use: the first figure mapped
#: to a finer item counts as the coarser one, as the coarser item took the first figure before.
#: Items outside the labels' vocabulary are not compared.
REFINES = {
    "publicity.topic_sessions": "publicity.sessions",
    "review.contracts_reviewed": "review.legality_reviewed",
    "review.documents_reviewed": "review.legality_reviewed",
}
TITLE_TABLE = str.maketrans({"（": "(", "）": ")", "，": ",", "：": ":", "；": ";", " ": "", "\u3000": ""})


def cases() -> list[tuple[Path, dict]]:
    manifest = json.loads((CORPUS / "manifest.json").read_text("utf-8"))
    return [(CORPUS / row["file"], json.loads((CORPUS / row["labels"]).read_text("utf-8"))) for row in manifest]


@functools.cache
def vocabulary() -> frozenset[str]:
    """Every item id the corpus's labels use."""
    return frozenset(item for _path, labels in cases() for item in labels.get("items", {}))


def coarse(items, numeric: set[str]) -> set[tuple[str, Decimal]]:
    """(item, value) of the figures, in the labels' vocabulary; each coarser item takes its first figure."""
    found = {}
    for item_id, item in sorted(items.items(), key=lambda pair: pair[1].source.start if pair[1].source else 0):
        name = REFINES.get(item_id, item_id)
        if item_id in numeric and name in vocabulary() and name not in found:
            found[name] = Decimal(str(item.value))
    return set(found.items())


def figure_key(line, value, unit, bound) -> tuple:
    return (line, Decimal(str(value)).normalize(), unit, bound)


def compare(predicted: Counter, expected: Counter) -> tuple[int, int, int]:
    """(true positives, predicted, expected) of two multisets."""
    return sum((predicted & expected).values()), sum(predicted.values()), sum(expected.values())


def _title(value: str) -> str:
    return value.translate(TITLE_TABLE)


def match_sections(found, labelled) -> tuple[int, int, int, int]:
    """(matched headings, found, labelled, matched with the right kind)."""
    remaining = list(labelled)
    matched = right = 0
    for heading in found:
        for label in remaining:
            a, b = _title(heading.title), _title(label["title"])
            if a.startswith(b[:8]) or b.startswith(a[:8]):
                matched += 1
                right += heading.kind == label["kind"]
                remaining.remove(label)
                break
    return matched, len(found), len(labelled), right


def measure(evaluator, path: Path, labels: dict) -> dict:
    started = time.perf_counter()
    loaded = evaluator.load(path)
    card = evaluator.evaluate(loaded)
    elapsed = time.perf_counter() - started
    found = loaded.extraction.figures
    predicted = Counter(figure_key(f.line, f.value, f.unit, f.bound) for f in found)
    expected = Counter(figure_key(f["line"], f["value"], f["unit"], f["bound"]) for f in labels["figures"])
    kept = len({id(figure) for figure, _item in loaded.extraction.mapped}) + len(loaded.submission.report.unmapped)
    numeric = {item for _figure, item in loaded.extraction.mapped}
    items_found = coarse(loaded.submission.items, numeric)
    sure = coarse({k: v for k, v in loaded.submission.items.items() if not (v.needs_review and v.needs_review.reason == "mapping")}, numeric)
    items_expected = {(k, Decimal(str(v))) for k, v in labels.get("items", {}).items()}
    codes_found = {f.code for f in card.findings}
    codes_expected = set(labels["findings"])
    return {
        "file": path.name,
        "figures": compare(predicted, expected),
        "sections": match_sections(loaded.extraction.structure.headings, labels["sections"]),
        "findings": (len(codes_found & codes_expected), len(codes_found & set(CHECK_CODES)), len(codes_expected)),
        "items": (len(items_found & items_expected), len(items_found), len(items_expected)),
        "confident": (len(sure & items_expected), len(sure)),
        "dropped": len(found) - kept,
        "subject_ok": (loaded.submission.subject.name, loaded.submission.year, loaded.submission.report.date)
        == (labels["subject"]["name"], labels["year"], labels["date"]),
        "seconds": elapsed,
        "missed": sorted(expected - predicted),
        "extra": sorted(predicted - expected),
    }


CHECK_CODES = (
    "outdated-citation", "new-law-stale", "year-mismatch", "report-late", "report-late-submission",
    "percent-over-100", "claim-without-base", "wrong-level-wording", "required-content-missing",
)


def ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


def totals(rows: list[dict]) -> dict:
    fig = [sum(r["figures"][i] for r in rows) for i in range(3)]
    sec = [sum(r["sections"][i] for r in rows) for i in range(4)]
    fin = [sum(r["findings"][i] for r in rows) for i in range(3)]
    itm = [sum(r["items"][i] for r in rows) for i in range(3)]
    sure = [sum(r["confident"][i] for r in rows) for i in range(2)]
    return {
        "figure_precision": ratio(fig[0], fig[1]),
        "figure_recall": ratio(fig[0], fig[2]),
        "section_precision": ratio(sec[0], sec[1]),
        "section_recall": ratio(sec[0], sec[2]),
        "section_kind_accuracy": ratio(sec[3], sec[0]),
        "item_precision": ratio(itm[0], itm[1]),
        "item_recall": ratio(itm[0], itm[2]),
        "confident_item_precision": ratio(sure[0], sure[1]),  # items whose mapping has its evidence; the rest await a reviewer
        "confident_item_recall": ratio(sure[0], itm[2]),
        "items_to_review": itm[1] - sure[1],
        "finding_precision": ratio(fin[0], fin[1]),
        "finding_recall": ratio(fin[0], fin[2]),
        "dropped": sum(r["dropped"] for r in rows),
        "subjects_right": sum(r["subject_ok"] for r in rows),
        "reports": len(rows),
        "seconds_per_report": sum(r["seconds"] for r in rows) / max(1, len(rows)),
    }


def run() -> tuple[list[dict], dict]:
    from evalkit.evaluator import Evaluator

    evaluator = Evaluator()
    rows = [measure(evaluator, path, labels) for path, labels in cases()]
    return rows, totals(rows)


def main() -> int:
    from evalkit.columns import table

    rows, summary = run()
    shown = [
        [r["file"], *(f"{a}/{b}/{c}" for a, b, c in [r["figures"]]), f"{r['sections'][0]}/{r['sections'][1]}/{r['sections'][2]} ({r['sections'][3]})",
         "{}/{}/{}".format(*r["items"]), "{}/{}/{}".format(*r["findings"]), r["dropped"], "✓" if r["subject_ok"] else "✗", f"{r['seconds'] * 1000:.0f}"]
        for r in rows
    ]
    print(table(shown, ["report", "figures tp/found/labelled", "headings tp/found/labelled (kind ok)", "figure items tp/found/labelled", "findings tp/found/labelled", "dropped", "subject", "ms"], align=("left",) * 5 + ("right", "left", "right")))
    print()
    for key, value in summary.items():
        print(f"{key:24} {value:.3f}" if isinstance(value, float) else f"{key:24} {value}")
    for r in rows:
        if r["missed"] or r["extra"]:
            print(f"\n{r['file']}: missed {r['missed'][:6]} extra {r['extra'][:6]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
