"""Scoring for the web app, run in worker processes (never in the event loop).

Each worker builds one Evaluator when it starts and scores with it: a self-check reads the
uploaded bytes from a private temporary folder, applies the clerk's corrections to the figures
and scores; a year's ranking turns the submitted scorecards into a Batch and writes the
county's page, workbook and CSV with the ordinary formats. Arguments and results are plain
data, so they cross the process boundary.
"""

from __future__ import annotations

import io
import re
import tempfile
import unicodedata
from decimal import Decimal, InvalidOperation
from pathlib import Path

from evalkit.errors import EvalkitError, describe
from evalkit.messages import text
from evalkit.scorecard import display

_EVALUATOR = None


def start(store_path: str | None) -> None:
    """A worker's initializer: plugins, catalog and plan built once; last year's gaps from the store."""
    global _EVALUATOR
    from evalkit.evaluator import Evaluator
    from evalkit.rectification import PriorLookup

    _EVALUATOR = Evaluator()
    if store_path:
        _EVALUATOR.prior = PriorLookup(store_path)


def ready() -> bool:
    """Nothing to do: submitted once per worker at start-up, so that each has started."""
    return _EVALUATOR is not None


def evaluator():
    if _EVALUATOR is None:
        start(None)
    return _EVALUATOR


def self_check(data: bytes, filename: str, corrections: dict[str, str], who=None) -> dict:
    """Score an uploaded file as ``evalkit check`` does, with the clerk's corrections applied: a
    figure corrected to the value read confirms it (its “待核对” mark goes, its criteria score).
    ``who`` (a web.identity.Identity) supplies the township and year the report lacks.

    Returns ``{"error": message}`` for a file or a correction that cannot be used (with the
    correction's item as ``field``), else the scorecard (``card``), the page's view of it
    (``view``), the figures read (``figures``) and how many still await confirmation (``pending``).
    """
    from evalkit.evaluator import unconfirmed

    ev = evaluator()
    with tempfile.TemporaryDirectory(prefix="evalkit-check-") as folder:
        path = Path(folder) / private_name(filename)  # the clerk's own name: the readers fall back on it, as evalkit check does
        path.write_bytes(data)
        try:
            read = ev.load(path)
            confirmed = confirmations(read.submission, corrections)
            loaded = _web_notes(read, _corrected(ev, read, corrections, confirmed, filename, who))
            card = ev.evaluate(loaded, source=filename)
        except EvalkitError as exc:
            return {"error": exc.full_message().replace(str(path), filename), "field": exc.params.get("web_field")}
        except Exception as exc:  # a defect of ours or a plugin's: the clerk reads what happened, the server goes on
            return {"error": text("internal_error", detail=describe(exc))}
    pending = unconfirmed(loaded.submission)
    return {"card": card.to_dict(), "view": view(card, filename), "figures": figures(ev, loaded, corrections, confirmed),
            "unmapped": _unmapped(loaded), "pending": sum(pending.values()), "notes": list(_pending_notes(loaded.submission)),
            "ocr": "ocr" in unconfirmed(read.submission)}


def private_name(filename: str) -> str:
    """The clerk's file name as a name in our private folder: its base name without separators or
    control characters, at most 150 bytes before its suffix; ``upload<suffix>`` if nothing is left."""
    name = re.sub(r'[\x00-\x1f\x7f/\\:*?"<>|]', "", filename.replace("\\", "/").rsplit("/", 1)[-1])
    suffix = Path(name).suffix.lower()
    stem = name[: len(name) - len(suffix)].strip(" .")
    stem = stem.encode("utf-8")[:150].decode("utf-8", "ignore")
    return f"{stem or 'upload'}{suffix}"


def as_submitted(result: dict) -> dict:
    """The scorecard to keep: the notes telling how to confirm figures on this page give way to
    one that says how many were not confirmed when it was submitted."""
    card = result["card"]
    warnings = [w for w in card["validation"]["warnings"] if w not in result["notes"]]
    if result["pending"]:
        warnings.append(text("web_submitted_unconfirmed", count=result["pending"]))
    return {**card, "validation": {**card["validation"], "warnings": warnings}}


def confirmations(submission, corrections: dict[str, str]) -> set[str]:
    """The items whose correction gives the figure as it was read: confirmations, not changes."""
    return {k for k, raw in corrections.items() if (read := submission.items.get(k)) is not None and raw.strip() == shown(read.value)}


def _corrected(ev, loaded, corrections: dict[str, str], confirmed: set[str], filename: str, who=None):
    """The submission with the township and year ``who`` supplies, each corrected figure in place
    of the one read, and each confirmed one no longer awaiting review (its line and words kept);
    the report's text is kept."""
    import attrs

    from evalkit.web import identity

    if not corrections and who is None:
        return loaded
    doc, findings = identity.apply(loaded.submission.to_dict(), loaded.findings, who)
    items = doc.setdefault("items", {})
    for item_id, raw in sorted(corrections.items()):
        spec = ev.catalog.items.get(item_id)
        if spec is None:
            continue
        value = parse_value(spec, raw, item_id)
        if value is None:
            items.pop(item_id, None)
        elif item_id in confirmed:
            items[item_id].pop("needs_review", None)
        else:
            items[item_id] = {"value": value, "evidence": text("web_corrected_evidence")}
    fixed = ev.validate(doc, filename)
    return attrs.evolve(fixed, text=loaded.text, extraction=loaded.extraction, warnings=loaded.warnings, findings=findings)


def _web_notes(read, loaded):
    """``loaded`` with the notes on figures awaiting confirmation as they now stand, telling the
    clerk how to confirm them on this page (not with evalkit extract)."""
    import attrs

    from evalkit.evaluator import unconfirmed_notes

    told = set(unconfirmed_notes(read.submission, "zh"))
    kept = tuple(w for w in loaded.warnings if w not in told)
    return attrs.evolve(loaded, warnings=kept + _pending_notes(loaded.submission))


def _pending_notes(submission) -> tuple[str, ...]:
    from evalkit.evaluator import unconfirmed_notes

    return unconfirmed_notes(submission, "zh", "web_{reason}_unconfirmed")


YES_NO = {"是": True, "有": True, "否": False, "无": False}


def parse_value(spec, raw: str, item_id: str = ""):
    """A typed figure from what the clerk typed: '' removes it; 是/否 (有/无) for a yes-or-no item;
    a number may have thousands separators (“,” or “，”) and the item's unit after it (3次, 100%)."""
    from evalkit.errors import DataError

    raw = unicodedata.normalize("NFKC", raw).strip()
    if raw == "":
        return None
    if spec.schema.get("type") == "boolean":
        if raw in YES_NO:
            return YES_NO[raw]
    else:
        number = _number(raw, unicodedata.normalize("NFKC", spec.unit or ""))
        if number is not None and number.is_finite() and abs(number) < 10**9:
            return int(number) if spec.schema.get("type") == "integer" and number == number.to_integral_value() else float(number)
    raise DataError("web_bad_figure", title=spec.title, value=raw[:40], web_field=item_id)


def _number(raw: str, unit: str) -> Decimal | None:
    raw = raw.replace(",", "")
    if unit and raw.endswith(unit):
        raw = raw[: -len(unit)].rstrip()
    try:
        return Decimal(raw)
    except InvalidOperation:
        return None


def figures(ev, loaded, corrections: dict[str, str], confirmed: set[str] = frozenset()) -> list[dict]:
    """Every item of the rubric: the value read (with its line and quote), or as corrected, or
    nothing; those awaiting confirmation (or confirmed) first, then those with a value, in the
    rubric's order within each."""
    rows = []
    for item_id, spec in ev.catalog.items.items():
        item = loaded.submission.items.get(item_id)
        boolean = spec.schema.get("type") == "boolean"
        value = "" if item is None else shown(item.value)
        rows.append({
            "id": item_id, "title": spec.title, "unit": spec.unit or "", "boolean": boolean, "value": value,
            "line": item.source.line if item and item.source and item.source.line else None,
            "quote": (item.evidence or "")[:80] if item else "", "corrected": item_id in corrections,
            "review": item.needs_review.said() if item and item.needs_review else "", "confirmed": item_id in confirmed, "bad": False,
        })
    return sorted(rows, key=lambda row: (not (row["review"] or row["confirmed"]), not row["value"]))


def shown(value) -> str:
    """A figure as the page shows it and the clerk types it: 是 or 否 for a yes-or-no item."""
    return "是" if value is True else "否" if value is False else str(value)


def _unmapped(loaded) -> list[dict]:
    return [{"line": u.get("line"), "text": u.get("text", ""), "quote": u.get("quote", "")[:80]} for u in loaded.submission.report.unmapped]


def view(card, source: str) -> dict:
    """A scorecard as report.html shows a township (without ranks: one township alone)."""
    from evalkit.ranking import Entry
    from evalkit.default_plugins.html_report import township

    return township(Entry(source, "card", card, 0, 0), "card")


def scorecard_view(card_json: dict, source: str) -> dict:
    """A submitted scorecard, from its JSON, as report.html shows a township."""
    from evalkit.scorecard import Scorecard

    return view(Scorecard.from_dict(card_json), source)


def year_outputs(cards: list[tuple[str, dict]]) -> dict[str, bytes]:
    """The year's ranking from the submitted scorecards ((source, card) each): its rows, and
    report.html, evalkit.xlsx and ranking.csv written by the same formats ``evalkit score`` uses."""
    from evalkit.ranking import ranking_rows

    batch = year_batch(cards)
    out: dict = {"ranking": [
        {"rank": r.rank, "level_rank": r.level_rank, "name": r.name, "level": r.level, "total": display(r.total), "grade": r.grade}
        for r in ranking_rows(batch)]}
    for fmt in evaluator().catalog.formats.values():
        if fmt.scope == "batch" and fmt.filename in ("report.html", "evalkit.xlsx", "ranking.csv"):
            stream = io.BytesIO() if fmt.binary else io.StringIO()
            fmt.write(batch, stream, "zh")
            value = stream.getvalue()
            out[fmt.filename] = value if fmt.binary else value.encode("utf-8")
    return out


def year_batch(cards: list[tuple[str, dict]]):
    """A ranked Batch of the submitted scorecards, with its rank analysis, as ``evalkit score`` makes it."""
    import attrs

    from evalkit.batch import Batch
    from evalkit.ranking import Entry, rank
    from evalkit.township import Stems
    from evalkit.scorecard import Scorecard
    from evalkit.sensitivity import analyse

    ev, stems = evaluator(), Stems()
    entries = []
    for source, doc in cards:
        card = Scorecard.from_dict(doc)
        entries.append(Entry(source, stems.next(card.subject.name), card))
    categories = tuple((c.id, c.title) for c in ev.catalog.categories.values() if any(r.category == c.id for r in ev.plan.criteria))
    batch = Batch(tuple(rank(entries)), (), categories, dict(ev.plan.meta))
    return attrs.evolve(batch, sensitivity=analyse(batch.entries, batch.categories, ev.plan))


def archive(store_path: str, cards: list[tuple[str, dict]]) -> int:
    """Keep the year's submitted scorecards as a run of the results store; the run's id."""
    from evalkit.store import Store

    with Store(store_path) as store:
        return store.save_run(year_batch(cards), evaluator().plan.criteria)
