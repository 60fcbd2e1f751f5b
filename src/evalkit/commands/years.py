"""``evalkit history TOWNSHIP`` and ``evalkit compare YEAR_A YEAR_B``: the results store, year after year."""

from __future__ import annotations

import json
from pathlib import Path

import attrs

from evalkit.errors import InputError
from evalkit.messages import CHANGE_FIELDS, KIND, LEVEL, RECTIFICATION, label, text
from evalkit.scorecard import display, number

PSEUDO = ("bonus", "deduction")  #: the bonus and deduction lines, headed by their kind's name


def add(subparsers, common, lang: str) -> None:
    history = subparsers.add_parser("history", parents=[common], help=text("help_history", lang), description=text("help_history_description", lang))
    history.add_argument("township", metavar="TOWNSHIP", help=text("help_history_township", lang))
    history.add_argument("--county", metavar="NAME", help=text("help_history_county", lang))
    compare = subparsers.add_parser("compare", parents=[common], help=text("help_compare", lang), description=text("help_compare_description", lang))
    compare.add_argument("year_a", type=int, metavar="YEAR_A", help=text("help_compare_year_a", lang))
    compare.add_argument("year_b", type=int, metavar="YEAR_B", help=text("help_compare_year_b", lang))
    for parser, func in ((history, run_history), (compare, run_compare)):
        parser.add_argument("--db", metavar="FILE", help=text("help_db", lang))
        parser.add_argument("--format", choices=("table", "json"), default="table", help=text("help_years_format", lang))
        parser.set_defaults(func=func)


def open_store(path: str | None):
    """The store named by --db or EVALKIT_DB, read-only; a Chinese error when there is none."""
    from evalkit import store

    path = path or store.default_path()
    if path is None:
        raise InputError("store_not_given")
    if not Path(path).is_file():
        raise InputError("store_missing", file=path)
    return store.Store(path, readonly=True)


def run_history(args) -> int:
    from evalkit.history import township_history

    with open_store(args.db) as store:
        years, changes = township_history(store, args.township, args.county)
        tallies = {t.year: _tally(store.rectification(t.scorecard_id)) for t in years}
    if args.lang == "en":
        english = English.of(args.pm)
        years, changes = [english.township(t) for t in years], {y: tuple(map(english.change, c)) for y, c in changes.items()}
    if args.format == "json":
        print(json.dumps(history_json(years, changes, tallies), ensure_ascii=False, indent=2))
    else:
        print(history_table(years, changes, tallies, args.lang))
    return 0


def run_compare(args) -> int:
    from evalkit.history import compare

    with open_store(args.db) as store:
        found = compare(store, args.year_a, args.year_b)
    if args.lang == "en":
        found = English.of(args.pm).comparison(found)
    if args.format == "json":
        print(json.dumps(compare_json(found), ensure_ascii=False, indent=2))
    else:
        print(compare_table(found, args.lang))
    return 0


@attrs.frozen
class English:
    """The English the installed plugins give for what the store keeps as a year was scored: the
    titles of the categories and criteria they know (by id) and the grades of their profiles (by
    Chinese name). What they do not know shows as stored."""

    categories: dict[str, str]
    criteria: dict[str, str]
    grades: dict[str, str]

    @classmethod
    def of(cls, pm) -> English:
        from evalkit.catalog import build_catalog

        catalog = build_catalog(pm)
        grades: dict[str, str] = {}
        for _pid, profile in sorted(catalog.profiles.items()):  # the first profile naming a grade gives its English
            grades = {**profile.en.get("grades", {}), **grades}
        categories = {cid: text(f"category_{cid}", "en") for cid in PSEUDO}
        return cls({**categories, **_titles(catalog.categories)}, _titles(catalog.criteria), grades)

    def township(self, t):
        categories = {cid: (self.categories.get(cid, title), score, most) for cid, (title, score, most) in t.categories.items()}
        return attrs.evolve(t, grade=self.grades.get(t.grade, t.grade), categories=categories)

    def change(self, change):
        return attrs.evolve(change, title=self.criteria.get(change.criterion, change.title))

    def comparison(self, found):
        rows = tuple(attrs.evolve(r, before=r.before and self.township(r.before), after=r.after and self.township(r.after),
                                  moved=tuple((cid, self.categories.get(cid, title), d) for cid, title, d in r.moved)) for r in found.rows)
        return attrs.evolve(found, changes=tuple(map(self.change, found.changes)), rows=rows)


def _titles(table) -> dict[str, str]:
    """The English title of each object in ``table`` that gives one."""
    return {key: value.en["title"] for key, value in table.items() if "title" in value.en}


def _tally(items) -> dict[str, int]:
    from evalkit.rectification import Rectification, tally

    return {status.value: n for status, n in tally(Rectification(i.status) for i in items).items()}


def change_text(change, lang: str = "zh") -> str:
    """A rubric change: added, removed, or which of its fields changed."""
    fields = text("list_sep", lang).join(label(CHANGE_FIELDS, f, lang) for f in change.fields)
    return text(f"change_{change.change}", lang, criterion=change.criterion, title=change.title, fields=fields)


def _changes(found, lang: str) -> str:
    return text("change_sep", lang).join(change_text(c, lang) for c in found)


def history_table(years, changes, tallies, lang: str) -> str:
    from evalkit.columns import table

    first = years[-1]
    categories = dict.fromkeys(cid for t in years for cid in t.categories)
    header = [*(text(k, lang) for k in ("year", "total", "max", "percent", "grade", "rank", "level_rank")),
              *(label(KIND, c, lang) if c in PSEUDO else c for c in categories), text("rectification_column", lang)]
    rows = [[t.year, display(t.total), display(t.max), display(t.percent), t.grade, f"{t.rank}/{t.of}", t.level_rank,
             *(display(t.categories[c][1]) if c in t.categories else "—" for c in categories),
             text("tally_sep", lang).join(f"{label(RECTIFICATION, k, lang)} {n}" for k, n in tallies[t.year].items()) or "—"] for t in years]
    county = text("history_county", lang, county=first.county) if first.county else ""
    lines = [text("history_title", lang, name=first.name, county=county, level=label(LEVEL, first.level, lang)),
             table(rows, header)]
    titles = {cid: t.categories[cid][0] for t in years for cid in t.categories if cid not in PSEUDO}
    lines.append("  ".join(f"{cid}={title}" for cid, title in titles.items()))
    for year, found in changes.items():
        if found:
            lines.append(text("history_rubric_changed", lang, year=year, changes=_changes(found, lang)))
    return "\n".join(lines)


def history_json(years, changes, tallies) -> dict:
    first = years[-1]
    return {
        "township": first.name, "county": first.county, "level": first.level,
        "years": [{
            "year": t.year, "run": t.run_id, "total": number(t.total), "max": number(t.max), "percent": number(t.percent), "grade": t.grade,
            "rank": t.rank, "of": t.of, "level_rank": t.level_rank,
            "categories": [{"id": cid, "title": title, "score": number(score), "max": number(most)} for cid, (title, score, most) in t.categories.items()],
            "rectification": tallies[t.year], "rubric_changes": [_change_json(c) for c in changes.get(t.year, ())],
        } for t in years],
    }


def compare_table(found, lang: str) -> str:
    from evalkit.columns import table

    a, b = found.year_a, found.year_b
    basis = text("total" if found.comparable else "percent", lang)
    rank = text("rank", lang)
    moved = text("moved" if found.comparable else "moved_percent", lang)
    header = [text("township", lang), f"{a} {basis}", f"{b} {basis}", text("change", lang), f"{a} {rank}", f"{b} {rank}", text("rank_change", lang), moved]
    rows = [[r.name, *_figures(r, found.comparable), _rank(r.before), _rank(r.after), _signed(r.rank_change, int), _moved(r, lang)] for r in found.rows]
    head = text("compare_same" if found.comparable else "compare_differ", lang, a=a, b=b)
    lines = [head, table(rows, header)]
    if found.changes:
        lines.append(text("compare_changes", lang, changes=_changes(found.changes, lang)))
    if found.profile_changed:
        lines.append(text("compare_profile_changed", lang, a=a, b=b))
    return "\n".join(lines)


def _figures(row, comparable: bool) -> list[str]:
    pick = (lambda t: t.total) if comparable else (lambda t: t.percent)  # noqa: E731
    before = display(pick(row.before)) if row.before else "—"
    after = display(pick(row.after)) if row.after else "—"
    return [before, after, _signed(row.change, display)]


def _rank(township) -> str:
    return f"{township.rank}/{township.of}" if township else "—"


def _signed(value, show) -> str:
    if value is None:
        return "—"
    return f"+{show(value)}" if value > 0 else show(value)


def _moved(row, lang: str) -> str:
    return text("list_sep", lang).join(f"{title} {_signed(delta, display)}" for _cid, title, delta in row.moved) or "—"


def compare_json(found) -> dict:
    def side(t):
        return None if t is None else {"total": number(t.total), "max": number(t.max), "percent": number(t.percent), "grade": t.grade, "rank": t.rank, "of": t.of}

    return {
        "year_a": found.year_a, "year_b": found.year_b, "comparable": found.comparable, "compared_by": "total" if found.comparable else "percent",
        "rubric_changes": [_change_json(c) for c in found.changes], "profile_changed": found.profile_changed,
        "townships": [{
            "name": r.name, "county": r.county, "a": side(r.before), "b": side(r.after),
            "change": None if r.change is None else number(r.change), "rank_change": r.rank_change,
            "moved": [{"id": cid, "title": title, "change": number(d)} for cid, title, d in r.moved],
        } for r in found.rows],
    }


def _change_json(change) -> dict:
    return {"criterion": change.criterion, "title": change.title, "change": change.change, "fields": list(change.fields)}
