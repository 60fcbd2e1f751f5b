"""What several commands share: the scoring options, the report options and the evaluator they build."""

from __future__ import annotations

import sys

from evalkit.errors import InputError
from evalkit.messages import text

UNTRANSLATED_SHOWN = 10  #: ids named when some titles have no English


def add_scoring_options(parser, lang: str) -> None:
    parser.add_argument("--profile", metavar="FILE|NAME", help=text("help_profile", lang))
    parser.add_argument("--reviews", metavar="FILE", help=text("help_reviews", lang))


def add_report_options(parser, lang: str) -> None:
    """--township and --year: what a report does not show, or shows wrongly."""
    parser.add_argument("--township", metavar="NAME", help=text("help_township", lang))
    parser.add_argument("--year", type=report_year, metavar="YYYY", help=text("help_year", lang))


def report_year(value: str) -> int:
    """An argparse type: a report year."""
    if not (value.isascii() and value.isdigit() and 2000 <= int(value) <= 2100):
        raise ValueError(value)
    return int(value)


def evaluator(args, with_reviews: bool = True):
    from evalkit.evaluator import Evaluator

    reviews = args.reviews if with_reviews else None
    raw = getattr(args, "township", None)  # commands without --township and --year have neither
    township = raw.strip() if raw is not None else None
    if township is not None and not (0 < len(township) <= 64 and township.isprintable()):
        raise InputError("bad_township")
    made = Evaluator(args.pm, profile=getattr(args, "profile", None), reviews=reviews, township=township, year=getattr(args, "year", None),
                     lang=args.lang)
    say_untranslated(made.untranslated, args.lang)  # said once, wherever the titles show
    return made


def say_untranslated(missing: list[str], lang: str) -> None:
    """Say on stderr how many titles have no English, naming the first ones (nothing when none)."""
    if missing:
        shown = missing[:UNTRANSLATED_SHOWN]
        print(text("untranslated", lang, count=len(missing), ids=", ".join(shown) + (", …" if len(missing) > len(shown) else "")), file=sys.stderr)
