"""``evalkit check FILE``: score one submission and show its gaps and findings."""

from __future__ import annotations

import io
import sys
from decimal import Decimal
from pathlib import Path

from evalkit.commands.common import add_report_options, add_scoring_options, evaluator
from evalkit.errors import InputError, listed
from evalkit.messages import text
from evalkit.scorecard import display


def add(subparsers, common, lang: str) -> None:
    parser = subparsers.add_parser("check", parents=[common], help=text("help_check", lang), description=text("help_check_description", lang))
    parser.add_argument("file", metavar="FILE", help=text("help_check_file", lang))
    add_scoring_options(parser, lang)
    add_report_options(parser, lang)
    parser.add_argument("--format", default="table", help=text("help_check_format", lang))
    parser.add_argument("-o", "--output", metavar="FILE", help=text("help_check_output", lang))
    parser.add_argument("--fail-under", type=points, metavar="N", help=text("help_fail_under", lang))
    parser.set_defaults(func=run)


def points(value: str) -> Decimal:
    """An argparse type: a number of points."""
    try:
        points = Decimal(value)
    except ArithmeticError:
        raise ValueError(value) from None
    if not points.is_finite() or abs(points) > 10_000:
        raise ValueError(value)
    return points


def pick_format(catalog, name: str):
    """A format that writes one scorecard as text, by name."""
    known = {n: f for n, f in catalog.formats.items() if f.scope == "scorecard" or (f.scope == "township" and not f.binary)}
    if name not in known:
        raise InputError("unknown_format", name=name, known=listed(sorted(known)))
    return known[name]


def run(args) -> int:
    from evalkit.exitcodes import ExitCode
    from evalkit.outputs import save

    ev = evaluator(args)
    fmt = pick_format(ev.catalog, args.format)
    path = Path(args.file)
    loaded = ev.load(path)
    card = ev.evaluate(loaded, source=str(path))
    buffer = io.StringIO()
    if loaded.extraction is not None and fmt.name == "table":
        from evalkit.commands.extract import extraction_lines

        buffer.write("\n".join(extraction_lines(loaded, ev.catalog.items, args.lang)) + "\n\n")
    fmt.write(card, buffer, args.lang)
    for name in sorted({r.subject for r in ev.reviews if r.subject and r.subject != card.subject.name}):
        print(text("unmatched_review", args.lang, name=name), file=sys.stderr)
    if args.output:
        save(Path(args.output), buffer.getvalue().encode("utf-8"), path)
    else:
        sys.stdout.write(buffer.getvalue())
    if args.fail_under is not None and card.total < args.fail_under:
        print(text("below_threshold", args.lang, total=display(card.total), threshold=display(args.fail_under)), file=sys.stderr)
        return ExitCode.FAILED
    return ExitCode.OK
