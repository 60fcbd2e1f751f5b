"""The run's language for what plugins declare: under ``--lang en``, the English a plugin gives.

An item, category, criterion or output format may carry ``en``: a mapping from its text
fields (``title``; an item's ``unit``; a criterion's ``basis``, ``remediation`` and a manual
rule's ``hint``) to their English. A profile's ``en`` may give its ``title`` and the English of its ``grades`` by
Chinese name. Under "en" each object shows its English where given and its Chinese text where
not; ``untranslated`` names the objects that lack an English title, for the command to say so
once. The Evaluator makes its catalog, plan and profile in the run's language once; the rules
(``Case.lang``), checks (``check_report``'s ``lang``) and formats (their ``lang``) write theirs.
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

EN = "en"


def in_language(thing, lang: str):
    """``thing`` (an ItemSpec, Category, Criterion or Format) with the texts its ``en`` gives, under "en"."""
    if lang != EN or not thing.en:
        return thing
    fields = dict(thing.en)
    fields.pop("unit", None)  # an item's unit is data as well (a figure's unit when the report gives none): shown through en["unit"]
    if "hint" in fields:  # a manual rule's hint to the reviewer lives in the rule
        fields["rule"] = {**thing.rule, "hint": fields.pop("hint")}
    return attrs.evolve(thing, **fields)


def unit_in(spec, unit: str | None, lang: str) -> str:
    """A figure's ``unit`` as shown in ``lang``: under "en", its item's (``spec``) English unit
    where it gives one; never a unit where the figure has none."""
    if lang != EN or not unit or spec is None:
        return unit or ""
    return spec.en.get("unit", unit)


def catalog_in(catalog, lang: str):
    """The catalog with its items, categories, criteria and formats in ``lang``."""
    if lang != EN:
        return catalog
    return attrs.evolve(catalog, items=_each(catalog.items, lang), categories=_each(catalog.categories, lang),
                        criteria=_each(catalog.criteria, lang), formats=_each(catalog.formats, lang))


def profile_in(profile, lang: str):
    """The profile with its title and grade names in ``lang``."""
    if lang != EN or not profile.en:
        return profile
    names = profile.en.get("grades", {})
    grades = tuple(attrs.evolve(g, name=names.get(g.name, g.name)) for g in profile.grades)
    return attrs.evolve(profile, title=profile.en.get("title", profile.title), grades=grades)


def untranslated(catalog, profile) -> list[str]:
    """The ids of the items, categories, criteria, formats and grades that have no English title."""
    tables = (catalog.categories, catalog.criteria, catalog.items, catalog.formats)
    return [*untitled(*tables), *(g.name for g in profile.grades if g.name not in profile.en.get("grades", {}))]


def untitled(*tables: Mapping) -> list[str]:
    """The keys of the objects in ``tables`` whose ``en`` gives no title."""
    return [key for table in tables for key, value in table.items() if "title" not in value.en]


def _each(table: Mapping, lang: str) -> dict:
    return {key: in_language(value, lang) for key, value in table.items()}
