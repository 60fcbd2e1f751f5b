"""How evalkit reads real, published reports, against the labels in benchmarks/real/.

    .venv/bin/python benchmarks/real_reports.py DIR [--labels FOLDER] [-v]
    .venv/bin/python benchmarks/real_reports.py DIR --labels benchmarks/real/heldout   # the held-out set

DIR holds the report texts as ``<id>.txt`` (fetched as benchmarks/real/README.md says; not
committed). Each text is read as `evalkit check` reads it, then compared with its label:
reports refused, township and year right, figures seen, figures mapped to the right item
(precision and recall, over all mappings and over the confident ones only: those whose item's
evidence stands around them, the rest going to a reviewer), page furniture read as figures, and defects found and false alarms
(by kind within a report).
``-v`` lists every miss.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from decimal import Decimal
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "benchmarks" / "real"
#: finding codes as the labels' defect codes
DEFECT_CODES = {"title-year-mismatch": "year-mismatch"}
DEFECTS = {"template-leftover", "wrong-title", "outdated-citation", "new-law-stale", "plan-as-result", "frequency-contradiction", "year-mismatch", "percent-over-100", "wrong-level-wording"}
SLACK = 2  #: how far (characters) a figure may start from where its cue ends: a 约 or a space


def labels(folder: Path) -> list[dict]:
    return [yaml.safe_load(path.read_text("utf-8")) for path in sorted(folder.glob("*.yaml")) if path.name != "items.yaml"]


def _value(label: dict) -> Decimal:
    value = Decimal(str(label["value"]))
    unit = label.get("unit") or ""
    return value * (10_000 if unit.startswith("万") else 100_000_000 if unit.startswith("亿") else 1)


def _written(figure: dict) -> str:
    """The number as the text writes it ('' for a count in Chinese numerals)."""
    if figure.get("words"):
        return ""
    value = Decimal(str(figure["value"]))
    return str(value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize())


def locate(text: str, figures: list[dict]) -> list[int | None]:
    """Where each labelled figure's number begins: just after its cue, where the number follows it."""
    places, after = [], 0
    for figure in figures:
        cue, number = figure["cue"], _written(figure)
        starts = [m.start() for m in re.finditer(re.escape(cue), text)]
        fitting = [at for at in starts if text[at + len(cue) : at + len(cue) + SLACK + len(number)].replace(",", "").find(number) != -1]
        at = next((a for a in fitting if a >= after), fitting[0] if fitting else None)
        places.append(None if at is None else at + len(cue))
        after = at + 1 if at is not None else after
    return places


def match(found, labelled: list[dict], places: list[int | None]) -> dict[int, object]:
    """Label index -> the found figure that is it (same value, starting where the cue ends)."""
    matched, used = {}, set()
    for index, (label, place) in enumerate(zip(labelled, places)):
        if place is None:
            continue
        for figure in found:
            if id(figure) not in used and place - 1 <= figure.start <= place + SLACK and figure.value == _value(label):
                matched[index] = figure
                used.add(id(figure))
                break
    return matched


def measure(ev, path: Path, label: dict) -> dict:
    """One report's counts."""
    from evalkit.errors import EvalkitError
    from evalkit.report.evidence import lacks
    from evalkit.report.mapping import classify

    try:
        loaded = ev.read_report(path)
        card = ev.evaluate(loaded, source=str(path))
    except EvalkitError as exc:
        return {"refused": 1, "why": exc.full_message()}
    text = loaded.text
    extraction = loaded.extraction
    labelled = label.get("figures") or []
    matched = match(extraction.figures, labelled, locate(text, labelled))
    items = {id(f): item for f, item in classify(extraction.figures, ev.catalog.extractors, extraction.structure, ev.catalog.items)}
    doubtful = {id(f) for f in extraction.figures if (item := items.get(id(f))) and lacks(f, ev.catalog.items.get(item), text)}
    counts = Counter(refused=0, figures=len(labelled), seen=len(matched))
    misses = [f"未读出：{labelled[i]['cue']}{labelled[i]['value']}" for i in range(len(labelled)) if i not in matched]
    for index, label_figure in enumerate(labelled):
        want = label_figure["item"] if label_figure["item"] != "none" else None
        got = items.get(id(matched[index])) if index in matched else None
        counts["belong"] += want is not None
        counts["mapped"] += got is not None
        counts["right"] += got is not None and got == want
        sure = index in matched and id(matched[index]) not in doubtful
        counts["sure_mapped"] += got is not None and sure
        counts["sure_right"] += got is not None and got == want and sure
        counts["to_review"] += got is not None and not sure
        counts["review_right"] += got is not None and got == want and not sure
        if got != want:
            misses.append(f"指标项：{label_figure['cue']}{label_figure['value']} 应为 {want}，读作 {got}{'（待核对）' if got and not sure else ''}")
    labelled_ids = {id(f) for f in matched.values()}
    extra = [f for f in extraction.figures if id(f) not in labelled_ids]
    extra_mapped = [id(f) for f in extra if items.get(id(f))]
    counts["mapped"] += len(extra_mapped)
    counts["sure_mapped"] += sum(1 for key in extra_mapped if key not in doubtful)
    counts["to_review"] += sum(1 for key in extra_mapped if key in doubtful)
    furniture = [str(f["value"]) for f in label.get("furniture") or []]
    read_as_figures = [f.text for f in extra if any(f.text in value for value in furniture)]
    counts["furniture"] = len(read_as_figures)
    misses += [f"页面信息读作数字：{text}" for text in read_as_figures]
    counts.update(_subject(loaded.submission, label, misses))
    counts.update(_defects(card.findings, label, misses))
    return {**counts, "misses": misses}


def _subject(submission, label: dict, misses: list[str]) -> Counter:
    counts = Counter()
    for key, shown, got, want in (
        ("name", label.get("text_shows_name"), submission.subject.name, label["township"]),
        ("year", label.get("text_shows_year"), submission.year, label["year"]),
    ):
        counts[f"{key}_shown"] += bool(shown)
        counts[f"{key}_right"] += bool(shown) and got == want
        if shown and got != want:
            misses.append(f"{key}: {got} != {want}")
    return counts


def _defects(findings, label: dict, misses: list[str]) -> Counter:
    """Defects are compared by kind within a report: a label may note two citations as one defect."""
    want = {d["code"] for d in label.get("defects") or [] if d["code"] in DEFECTS}
    got = {DEFECT_CODES.get(f.code, f.code) for f in findings} & DEFECTS
    misses += [f"缺陷未发现：{code}" for code in sorted(want - got)]
    misses += [f"误报：{f.code} {f.message[:40]}" for f in findings if DEFECT_CODES.get(f.code, f.code) in got - want]
    return Counter(defects=len(want), defects_found=len(want & got), false_alarms=len(got - want), false_alarm_reports=int(bool(got - want)))


def ratio(a: int, b: int) -> str:
    return f"{a / b:.3f} ({a}/{b})" if b else "n/a"


def summary(total: Counter, reports: int) -> list[str]:
    return [
        f"reports                 {reports}",
        f"refused                 {total['refused']}",
        f"name right (shown)      {ratio(total['name_right'], total['name_shown'])}",
        f"year right (shown)      {ratio(total['year_right'], total['year_shown'])}",
        f"figures seen            {ratio(total['seen'], total['figures'])}",
        f"item precision          {ratio(total['right'], total['mapped'])}",
        f"item recall             {ratio(total['right'], total['belong'])}",
        f"confident precision     {ratio(total['sure_right'], total['sure_mapped'])}",
        f"confident recall        {ratio(total['sure_right'], total['belong'])}",
        f"to review (mapping)     {total['to_review']} of {total['mapped']} mappings, {total['review_right']} of them right",
        f"furniture as figures    {total['furniture']}",
        f"defects found           {ratio(total['defects_found'], total['defects'])}",
        f"false alarms            {total['false_alarms']} in {total['false_alarm_reports']} of {reports} reports",
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("texts", type=Path, help="folder of <id>.txt report texts")
    parser.add_argument("--labels", type=Path, default=LABELS, help="folder of <id>.yaml labels")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    args = parser.parse_args(argv)
    from evalkit.evaluator import Evaluator

    ev, total, reports = Evaluator(), Counter(), 0
    for label in labels(args.labels):
        path = args.texts / f"{label['id']}.txt"
        if not path.is_file():
            print(f"{label['id']}: no text at {path}, skipped", file=sys.stderr)
            continue
        result = measure(ev, path, label)
        reports += 1
        misses = result.pop("misses", [result.get("why")])
        total.update({k: v for k, v in result.items() if isinstance(v, int)})
        if args.verbose and misses:
            print(f"{label['id']}:\n  " + "\n  ".join(m for m in misses if m))
    print("\n".join(summary(total, reports)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
