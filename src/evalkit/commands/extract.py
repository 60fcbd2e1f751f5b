"""``evalkit extract REPORT``: a draft submission from a report, and the figures left unmapped."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from evalkit.commands.common import add_report_options
from evalkit.language import unit_in
from evalkit.messages import text


def add(subparsers, common, lang: str) -> None:
    parser = subparsers.add_parser("extract", parents=[common], help=text("help_extract", lang), description=text("help_extract_description", lang))
    parser.add_argument("report", metavar="REPORT", help=text("help_extract_report", lang))
    parser.add_argument("-o", "--output", metavar="FILE", help=text("help_extract_output", lang))
    add_report_options(parser, lang)
    parser.set_defaults(func=run)


def run(args) -> int:
    from evalkit.commands.common import evaluator
    from evalkit.outputs import save

    ev = evaluator(args, with_reviews=False)
    loaded = ev.read_report(Path(args.report))
    data = json.dumps(loaded.submission.to_dict(), ensure_ascii=False, indent=2) + "\n"
    if args.output:
        save(Path(args.output), data.encode("utf-8"), Path(args.report))
    else:
        sys.stdout.write(data)
    print("\n".join(extraction_lines(loaded, ev.catalog.items, args.lang)), file=sys.stderr)
    for finding in loaded.findings:  # what the report lacks, and how to supply it
        print(finding.message, file=sys.stderr)
    return 0


def extraction_lines(loaded, items, lang: str) -> list[str]:
    """Where each item came from, then every figure no item took."""
    submission = loaded.submission
    lines = [text("extracted", lang, count=len(submission.items))]
    for item_id, item in submission.items.items():
        title = items[item_id].title if item_id in items else item_id
        line = text("line_no", lang, line=item.source.line) if item.source and item.source.line else ""
        quote = _around(item.evidence or "", f"{item.value}{item.unit or ''}", str(item.value)) if item.value is not True else (item.evidence or "")[:30]
        value, review = _value(item, lang, items.get(item_id)), _review(item.needs_review, lang)
        lines.append(text("extracted_item", lang, item=item_id, title=title, value=value, review=review, line=line, quote=quote))
    unmapped = submission.report.unmapped
    lines.append(text("unmapped", lang, count=len(unmapped)) if unmapped else text("all_mapped", lang))
    lines += [_unmapped_line(u, lang) for u in unmapped]
    return lines


def _unmapped_line(figure: dict, lang: str) -> str:
    review = _ocr(figure.get("needs_review", {}).get("confidence"), lang)
    quote = _around(figure.get("quote", ""), figure["text"])
    return text("unmapped_figure", lang, line=text("line_no", lang, line=figure["line"]), figure=figure["text"], review=review, quote=quote)


def _review(unconfirmed, lang: str) -> str:
    """The mark of a figure read by OCR or put on its item with weak evidence, awaiting a person's confirmation."""
    if unconfirmed is None or (unconfirmed.reason != "mapping" and unconfirmed.confidence is None):
        return ""
    return f"  [{unconfirmed.said(lang)}]"


def _ocr(confidence: int | None, lang: str) -> str:
    """The mark of a figure read by OCR, awaiting a person's confirmation."""
    return f"  [{text('ocr_review', lang, confidence=confidence)}]" if confidence is not None else ""


def _value(item, lang: str, spec) -> str:
    """The value as read, its unit the item's English one under "en"."""
    if item.value is True:
        return text("yes", lang)
    unit = unit_in(spec, item.unit, lang)
    shown = f"{item.value} {unit}" if lang == "en" and unit else f"{item.value}{unit}"
    return text(f"bound_{item.bound.value}", lang, value=shown) if item.bound else shown


def _around(quote: str, *figures: str, width: int = 18) -> str:
    """The words around the first of ``figures`` found in the quote."""
    figure = next((f for f in figures if f in quote), figures[0])
    at = max(quote.find(figure), 0)
    return quote[max(0, at - width) : at + len(figure) + 6]
