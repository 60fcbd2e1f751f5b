"""Profiles: a year's tailoring of the criteria, read from YAML and applied once per run."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path

import attrs

from evalkit import schemas
from evalkit.documents import load_document
from evalkit.errors import DataError, InputError, PluginError, listed
from evalkit.model import Criterion, Grade, Profile
from evalkit.rules import check_rule


def profile_from_dict(doc: Mapping, source: str | None = None) -> Profile:
    """A Profile from a document that passed profile.schema.json."""
    fields = {k: doc[k] for k in ("id", "title", "select", "exclude", "overrides", "bonus_cap", "veto_cap", "not_applicable", "en") if k in doc}
    if "repeat_deduction" in doc:
        fields.update(repeat_points=doc["repeat_deduction"]["points"], repeat_cap=doc["repeat_deduction"].get("cap"))
    if "grades" in doc:
        fields["grades"] = tuple(Grade(**g) for g in doc["grades"])
    return Profile(**fields, digest=digest(doc), source=source)


def digest(doc: Mapping) -> str:
    """sha256 of the profile's content, independent of key order and formatting; its English
    (``en``) is how it is shown, not what it scores, and is left out."""
    canonical = json.dumps({k: v for k, v in doc.items() if k != "en"}, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def load_profile(path: Path) -> Profile:
    """Read and validate a profile file."""
    doc = load_document(path)
    schemas.check(schemas.shipped_validator("profile"), doc, str(path))
    return profile_from_dict(doc, str(path))


def resolve_profile(name: str | None, registered: Mapping[str, Profile]) -> Profile:
    """A profile file's path, or the id of a registered profile; None is "default"."""
    if name is None:
        return registered["default"]
    path = Path(name)
    if path.suffix.lower() in (".yaml", ".yml", ".json") or path.exists():
        return load_profile(path)
    if name in registered:
        return registered[name]
    raise InputError("unknown_profile", name=name, known=listed(sorted(registered)))


def apply_profile(profile: Profile, catalog) -> tuple[Criterion, ...]:
    """The criteria the profile selects, with its overrides, in category then id order."""
    _check_ids(profile, catalog)
    chosen = [c for c in catalog.criteria.values() if _selected(profile, c)]
    if catalog.criteria and not chosen:
        raise DataError("profile_empty", file=profile.source or profile.id)
    changed = [_override(c, profile.overrides.get(c.id)) for c in chosen]
    for criterion in changed:
        try:
            check_rule(criterion, catalog.rule_kinds, catalog.items, {"owner": "评分配置"})
        except PluginError as exc:  # the profile is the user's file, not a plugin
            raise DataError(exc.key, file=profile.source or profile.id, **exc.params) from None
    order = list(catalog.categories)
    return tuple(sorted(changed, key=lambda c: (order.index(c.category), c.id)))


def _selected(profile: Profile, criterion: Criterion) -> bool:
    names = {criterion.id, criterion.category}
    if profile.select is not None and not names & set(profile.select):
        return False
    return not names & set(profile.exclude)


def _override(criterion: Criterion, change: Mapping | None) -> Criterion:
    if change:
        fields = {k: change[k] for k in ("points", "cap") if k in change}
        if "rule" in change:
            fields["rule"] = {**criterion.rule, **change["rule"]}
        criterion = attrs.evolve(criterion, **fields)
    return _targeted(criterion)


def _targeted(criterion: Criterion) -> Criterion:
    """The basis with ``{target}`` replaced by the rule's target, so that it follows the profile."""
    target = criterion.rule.get("target")
    if target is None or "{target}" not in criterion.basis:
        return criterion
    shown = format(Decimal(str(target)).normalize(), "f")
    return attrs.evolve(criterion, basis=criterion.basis.replace("{target}", shown))


def _check_ids(profile: Profile, catalog) -> None:
    known = set(catalog.criteria) | set(catalog.categories)
    for name in [*(profile.select or ()), *profile.exclude, *profile.overrides]:
        if name not in known:
            raise DataError("unknown_profile_id", file=profile.source or profile.id, id=name)
