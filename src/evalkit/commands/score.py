"""``evalkit score DIR-or-FILES --out OUTDIR``: the county batch, its ranking and its files."""

from __future__ import annotations

import functools
import json
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import attrs

from evalkit.commands.common import add_report_options, add_scoring_options, evaluator
from evalkit.errors import DataError, InputError, listed
from evalkit.messages import LEVEL, label, text
from evalkit.names import visible
from evalkit.scorecard import display


def add(subparsers, common, lang: str) -> None:
    parser = subparsers.add_parser("score", parents=[common], help=text("help_score", lang), description=text("help_score_description", lang))
    parser.add_argument("paths", nargs="+", metavar="DIR-or-FILE", help=text("help_score_paths", lang))
    parser.add_argument("--out", required=True, metavar="OUTDIR", help=text("help_score_out", lang))
    add_scoring_options(parser, lang)
    add_report_options(parser, lang)
    parser.add_argument("--jobs", type=int, default=1, metavar="N", help=text("help_score_jobs", lang))
    parser.add_argument("--format", choices=("table", "json"), default="table", help=text("help_score_format", lang))
    parser.add_argument("--formats", default="all", metavar="LIST", help=text("help_score_formats", lang))
    parser.add_argument("--db", metavar="FILE", default=None, help=text("help_score_db", lang))
    parser.set_defaults(func=run)


def run(args) -> int:
    from evalkit.archive import Unpacked

    with Unpacked() as unpacked:  # a zip's members live in a private temporary folder until the batch is written
        return _run(args, unpacked)


def _run(args, unpacked) -> int:
    from evalkit import batch as batch_
    from evalkit import sources
    from evalkit.exitcodes import ExitCode
    from evalkit.exports import OutputDir
    from evalkit.township import failed

    if args.jobs < 1:
        raise InputError("bad_jobs")
    ev = evaluator(args)
    outdir = Path(args.out)
    readable = sources.suffixes(ev)
    wanted = [*readable, *sources.OFFICE_SUFFIXES]
    found = [str(p) for p in sources.inputs(args.paths, [*wanted, ".zip"], skip=outdir)]
    files, refused = unpacked.add(found, wanted)
    if not files and not refused:
        raise InputError("no_inputs", file=", ".join(args.paths), known=listed(readable))
    if args.township and len(files) > 1:
        raise InputError("township_one_file")
    progress = _bar if sys.stderr.isatty() else None
    chosen, per_township = _chosen_formats(ev.catalog.formats, args.formats)
    db = _prepare_store(args.db, ev)
    with OutputDir(outdir, keep=[*found, args.reviews, db, getattr(args, "profile", None)]) as out:
        jobs = min(args.jobs, len(files), os.cpu_count() or 1)
        result = batch_.run(ev, files, jobs, progress, out.township, per_township, out.drop_township)
        result = attrs.evolve(result, failures=(*(failed(n, e, args.lang) for n, e in refused), *result.failures))
        for line in [f.message for f in result.failures] + list(result.warnings):
            print(visible(line), file=sys.stderr)
        if not result.entries:
            raise DataError("all_failed", file=str(outdir))
        result = _with_sensitivity(result, ev)
        out.batch_formats(result, chosen, args.lang)
        if db is not None:  # kept before the outputs are swapped into place: a failed store leaves both as they were
            _keep(db, result, ev, args.lang)
    written = out.written
    if args.format == "json":
        write_json(_summary(result, outdir, written), sys.stdout)
    else:
        print(ranking_table(result, args.lang))
        print(text("batch_done", args.lang, scored=len(result.entries), failed=len(result.failures), out=outdir))
    return ExitCode.FAILED if result.failures else ExitCode.OK


def _prepare_store(path: str | None, ev) -> str | None:
    """The store named by --db or EVALKIT_DB, created or migrated now (so that a bad one is
    refused before scoring), with last year's gaps read from it as the batch scores."""
    from evalkit import store
    from evalkit.rectification import PriorLookup

    path = path or store.default_path()
    if path is not None:
        store.Store(path).close()
        ev.prior = PriorLookup(path)
    return path


def _with_sensitivity(result, ev):
    from evalkit.sensitivity import analyse

    return attrs.evolve(result, sensitivity=analyse(result.entries, result.categories, ev.plan))


def _keep(path: str, result, ev, lang: str) -> None:
    """Keep the run in the store, and say so."""
    from evalkit.store import Store

    with Store(path) as store:
        run_id = store.save_run(result, ev.plan.criteria)
        run = next(r for r in store.runs(superseded=True) if r.id == run_id)
        superseded = len(store.runs(run.year, superseded=True)) > 1
    print(text("store_saved", lang, db=path, year=run.year, run=run_id), file=sys.stderr)
    if superseded:
        print(text("store_superseded", lang, year=run.year), file=sys.stderr)


def _chosen_formats(formats, value: str) -> tuple[list, tuple[str, ...]]:
    """The batch formats named in --formats, and the names of the township formats named."""
    known = {name: f for name, f in formats.items() if f.scope in ("batch", "township")}
    names = set(known) if value == "all" else {n.strip() for n in value.split(",") if n.strip()}
    unknown = sorted(names - set(known))
    if unknown:
        raise InputError("unknown_format", name=listed(unknown), known=listed(sorted(known)))
    chosen = [known[n] for n in sorted(names)]
    return [f for f in chosen if f.scope == "batch"], tuple(f.name for f in chosen if f.scope == "township")


def _bar(done: int, total: int) -> None:
    filled = done * 30 // total
    end = "\n" if done == total else ""
    print(f"\r[{'#' * filled}{'.' * (30 - filled)}] {done}/{total}", end=end, file=sys.stderr, flush=True)


def _table_row(row, lang: str) -> list:
    """A township's row of the terminal table: ranks, name, level, total, grade, each category, two top gaps."""
    scores = ["" if score is None else display(score) for score in row.scores]
    gaps = text("clause_sep", lang).join(_short(title) for title in row.gaps[:2])
    return [row.rank, row.level_rank, row.name, label(LEVEL, row.level, lang), display(row.total), row.grade, *scores, *(row.firmness or ()), gaps]


def _short(title: str, width: int = 16) -> str:
    return title if len(title) <= width else title[: width - 1] + "…"


def ranking_table(result, lang: str) -> str:
    from evalkit.columns import table
    from evalkit.ranking import ranking_rows

    header = [text(k, lang) for k in ("rank", "level_rank", "township", "level", "total", "grade")]
    header += [cid for cid, _ in result.categories]
    header += [text("rank_interval", lang), text("unstable_with", lang)] if result.sensitivity else []
    header += [text("top_gaps", lang)]
    legend = "  ".join(f"{cid}={title}" for cid, title in result.categories)
    rows = ([visible(cell) if isinstance(cell, str) else cell for cell in _table_row(row, lang)] for row in ranking_rows(result))
    return table(rows, header) + "\n" + legend


def _summary(result, outdir: Path, written: Iterable[str]) -> dict:
    """The --format json summary; its ranking and file list are iterators, written one by one."""
    from evalkit.ranking import ranking_rows

    return {
        "ranking": (
            {"rank": r.rank, "level_rank": r.level_rank, "name": r.name, "level": r.level, "total": float(r.total), "grade": r.grade,
             "source": r.source, "scorecard": f"townships/{r.stem}.json", **_firmness(result.sensitivity, r.source)}
            for r in ranking_rows(result)
        ),
        "failures": [{"source": f.source, "kind": f.kind.value, "message": f.message} for f in result.failures],
        "warnings": list(result.warnings),
        "out": str(outdir),
        "files": iter(written),
    }


def _firmness(sensitivity, source: str) -> dict:
    if sensitivity is None:
        return {}
    interval = sensitivity.intervals[source]
    return {"rank_interval": [interval.low, interval.high], "unstable_with": list(interval.unstable_with)}


def write_json(fields: dict, stream) -> None:
    """What ``print(json.dumps(fields, ensure_ascii=False, indent=2))`` prints, written element by
    element, so that a national batch's rows are never one string. An iterator is a list."""
    dump = functools.partial(json.dumps, ensure_ascii=False, indent=2)
    stream.write("{")
    for index, (key, value) in enumerate(fields.items()):
        stream.write(f'{"," if index else ""}\n  {dump(key)}: ')
        if not isinstance(value, Iterator):
            stream.write(dump(value).replace("\n", "\n  "))
            continue
        empty = True
        for item in value:
            stream.write(("[" if empty else ",") + "\n    " + dump(item).replace("\n", "\n    "))
            empty = False
        stream.write("[]" if empty else "\n  ]")
    stream.write("\n}\n")
