"""Which item each figure of a report belongs to: the extractor whose pattern stands nearest.

A figure goes to the extractor whose pattern matches nearest before it in its clause (or,
failing that, just after it), whose units take its unit, whose ``context`` stands before its
clause and whose ``unless`` is not in it. A clause that names no activity reads the clause
before it; a figure stated for a list of nouns belongs to each.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from decimal import Decimal

import attrs

from evalkit.report.figures import Figure
from evalkit.report.reader import Extractor
from evalkit.report.structure import Structure
from evalkit.submission import SectionKind

LIST_MARK = "、|和|及(?!时)|(?<!参)与"  #: joins the nouns of a list (与, but not in 参与)
SHARED = re.compile(rf"(?:(?:{LIST_MARK})[^、和及,，。;；]{{1,10}})+(?=(?:(?:(?<!人)均|都|皆)[^、,，。;；]{{0,4}}|各)$)")  #: "参考率、合格率均达": a list shares the figure
PER_PERIOD = re.compile(r"每(?:年|季度?|个?月|半年|两个月|周)[^,，。;；]{0,8}$")
CLAUSE_MARK = re.compile("[,，:：]")  #: ends a clause, not a sentence
HEADCOUNT_UNITS = ("人", "人次", "名")  #: a head count may take its activity from the clause before
CONTINUATION = 8  #: the longest own clause of such a head count ("覆盖", "参加人数达")
BARE_CLAUSE = re.compile(r"(?:全年|今年|年内|累计|共计?|合计|总计|先后|开展|组织|举办|召开|完成|达到?)+")  #: names no activity
AFTER_REACH = 12  #: how far after a figure its noun may begin ("11个社区配备了法律顾问"), never past a 、 into the next entry


def classify(found: Iterable[Figure], extractors: Iterable[Extractor], structure: Structure, items: Mapping) -> list[tuple[Figure, str | None]]:
    """Each figure with the item its nearest extractor names, or None.

    A head count whose own short clause names nothing ("覆盖400余人次"), or a count whose clause
    names no activity ("全年累计开展20余次"), is read with the clause before it in its sentence,
    where its activity stands.
    """
    numeric = [e for e in extractors if not e.phrase]
    classified = []
    for figure in found:
        item = _item_of(figure, numeric, structure, items)
        if item is None and (previous := _previous_clause(figure)):
            item = _item_of(attrs.evolve(figure, before=f"{previous}，{figure.before}"), numeric, structure, items)
        classified.append((figure, item))
    return classified


def shared_items(figure: Figure, extractors: Iterable[Extractor], structure: Structure, items: Mapping) -> list[str]:
    """The items of the later nouns of a list that shares the figure ("、合格率均达"), or []."""
    if listed := SHARED.search(figure.before):
        numeric = [e for e in extractors if not e.phrase]
        head, tail = figure.before[: listed.start()], figure.before[listed.end() :]
        nouns = [noun for noun in re.split(LIST_MARK, listed.group()) if noun]
        return [i for noun in nouns if (i := _item_of(attrs.evolve(figure, before=f"{head}，{noun}{tail}"), numeric, structure, items))]
    return []


def _previous_clause(figure: Figure) -> str:
    """The clause before a head count's short clause or a clause that names no activity
    ("全年累计开展"), in the same sentence; or ''."""
    short = figure.unit in HEADCOUNT_UNITS and len(figure.before) <= CONTINUATION
    if not (short or BARE_CLAUSE.fullmatch(figure.before)) or not CLAUSE_MARK.fullmatch(figure.context[-1:]):
        return ""
    return CLAUSE_MARK.split(figure.context[:-1])[-1]


def _item_of(figure: Figure, numeric: list[Extractor], structure: Structure, items: Mapping) -> str | None:
    heading = structure.heading_at(figure.start)
    if heading is not None and heading.kind is SectionKind.PLAN:
        return None  # next year's targets are not this year's results
    if PER_PERIOD.search(figure.before):
        return None  # 每季度召开一次: how often, not how many
    best = _best(figure, numeric)
    return best.item if best is not None and _fits(figure.value, items.get(best.item)) else None


def _best(figure: Figure, extractors: list[Extractor]) -> Extractor | None:
    """The extractor whose pattern stands nearest the figure: before it first, then after."""
    ranked, entry = [], figure.before.endswith("、") and bool(figure.unit)  # "、5次镇村干部大会": the noun follows the count
    figure = attrs.evolve(figure, before=SHARED.sub("", figure.before))  # a figure shared by a list goes to its first noun
    for order, extractor in enumerate(extractors):
        if not _applies(extractor, figure):
            continue
        before = [] if entry else [m.end() for m in re.finditer(extractor.pattern, figure.before)]
        after = re.search(extractor.pattern, figure.after.split("、")[0])
        after = after if after is not None and after.start() < AFTER_REACH else None
        if before:
            ranked.append(((0, len(figure.before) - before[-1], order), extractor))
        elif after:
            ranked.append(((1, after.start(), order), extractor))
    return min(ranked, key=lambda pair: pair[0])[1] if ranked else None


def _applies(extractor: Extractor, figure: Figure) -> bool:
    """Whether the figure's unit, the text before its clause, that text with the clause (``around``)
    and its clause allow the extractor."""
    if extractor.units and figure.unit not in extractor.units:
        return False
    if extractor.context and not re.search(extractor.context, figure.context):
        return False
    if extractor.around and not re.search(extractor.around, figure.context + figure.before):
        return False
    return not (extractor.unless and re.search(extractor.unless, figure.before))


def _fits(value: Decimal, spec) -> bool:
    """Whether a figure is a value the item's schema takes (a rate over 100 is not a rate)."""
    schema = spec.schema if spec is not None else {}
    if schema.get("type") == "integer" and value != value.to_integral_value():
        return False
    return schema.get("minimum", value) <= value <= schema.get("maximum", value)
