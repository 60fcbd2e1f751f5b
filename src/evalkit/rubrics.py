"""Reading a plugin's criteria and items files, validated against their schemas."""

from __future__ import annotations

from pathlib import Path

from evalkit import cache, schemas
from evalkit.documents import load_document, read_bytes
from evalkit.errors import EvalkitError, PluginError
from evalkit.model import Category, Criterion, ItemSpec, Kind, Rubric


def load_rubric(path) -> Rubric:
    """Categories and criteria from a YAML or JSON file checked by criteria.schema.json."""
    path = Path(str(path))
    doc = _load(path, "criteria")
    return Rubric(
        categories=(Category(c["id"], c["title"], c.get("order", i), en=c.get("en", {})) for i, c in enumerate(doc["categories"])),
        criteria=(_criterion(c) for c in doc["criteria"]),
        base_total=doc.get("base_total"),
        source=str(path),
    )


def load_items(path) -> list[ItemSpec]:
    """Item definitions from a YAML or JSON file checked by items.schema.json."""
    path = Path(str(path))
    doc = _load(path, "items")
    topics = doc.get("topics", {})
    return [ItemSpec(i["id"], i["title"], i.get("unit"), i["schema"], en=i.get("en", {}), evidence=_evidence(i, topics, path)) for i in doc["items"]]


def _evidence(item: dict, topics: dict, path: Path) -> dict:
    """What a figure of the item should show around it, its topic's name replaced by that topic's expression."""
    evidence = dict(item.get("evidence", {}))
    if "topic" in evidence:
        if evidence["topic"] not in topics:
            raise PluginError("unknown_topic", file=str(path), item=item["id"], topic=evidence["topic"], plugin="?")
        evidence["topic"] = topics[evidence["topic"]]
    return evidence


def load_extractors(path) -> list:
    """Extractors from a YAML or JSON file checked by extractors.schema.json."""
    from evalkit.report.reader import Extractor

    path = Path(str(path))
    doc = _load(path, "extractors")
    topics = doc.get("topics", {})
    return [
        Extractor(e["item"], e["phrase"], phrase=True) if "phrase" in e else Extractor(e["item"], e["pattern"], e.get("units", ()), context=e.get("context"), unless=e.get("unless"), around=_around(e, topics, path))
        for e in doc["extractors"]
    ]


def _around(extractor: dict, topics: dict, path: Path) -> str | None:
    """The extractor's ``around``: its own expression, or that of the file's topic it names."""
    if "topic" not in extractor:
        return extractor.get("around")
    if extractor["topic"] not in topics:
        raise PluginError("unknown_extractor_topic", file=str(path), item=extractor["item"], topic=extractor["topic"], plugin="?")
    return topics[extractor["topic"]]


def _criterion(doc: dict) -> Criterion:
    return Criterion(
        id=doc["id"],
        title=doc["title"],
        category=doc["category"],
        kind=Kind(doc["kind"]),
        points=doc.get("points", 0),
        rule=doc["rule"],
        basis=doc["basis"],
        remediation=doc["remediation"],
        cap=doc.get("cap"),
        en=doc.get("en", {}),
    )


def load_data(path: Path) -> dict:
    """A plugin's data file (YAML or JSON, its top level an object), read through the cache."""
    return _load(path, None)


def _load(path: Path, schema_name: str | None) -> dict:
    """The file read and checked, or as it was when last read and checked (see evalkit.cache)."""
    try:
        data = read_bytes(path)
    except EvalkitError as exc:
        raise _plugin_error(exc) from None
    name = cache.key(schema_name or "", path.suffix.lower(), data)
    doc = cache.get(name)
    if doc is None:
        doc = _read(path, schema_name, data)
        cache.put(name, doc)
    return doc


def _read(path: Path, schema_name: str | None, data: bytes) -> dict:
    try:
        doc = load_document(path, data)
    except EvalkitError as exc:
        raise _plugin_error(exc) from None
    problems = schemas.errors(schemas.shipped_validator(schema_name), doc) if schema_name else []
    if problems:
        where, detail = problems[0]
        raise PluginError(f"{schema_name}_invalid", file=str(path), path=where, detail=detail, plugin="?")
    return doc


def _plugin_error(exc: EvalkitError) -> PluginError:
    return PluginError(exc.key, file=exc.file, place=exc.place, **exc.params)
