"""Reading a plugin's criteria and items files, validated against their schemas."""

from __future__ import annotations

from pathlib import Path

from evalkit import schemas
from evalkit.documents import load_document
from evalkit.errors import EvalkitError, PluginError
from evalkit.model import Category, Criterion, ItemSpec, Kind, Rubric


def load_rubric(path) -> Rubric:
    """Categories and criteria from a YAML or JSON file checked by criteria.schema.json."""
    path = Path(str(path))
    doc = _load(path, "criteria")
    return Rubric(
        categories=(Category(c["id"], c["title"], c.get("order", i)) for i, c in enumerate(doc["categories"])),
        criteria=(_criterion(c) for c in doc["criteria"]),
        base_total=doc.get("base_total"),
        source=str(path),
    )


def load_items(path) -> list[ItemSpec]:
    """Item definitions from a YAML or JSON file checked by items.schema.json."""
    path = Path(str(path))
    doc = _load(path, "items")
    return [ItemSpec(i["id"], i["title"], i.get("unit"), i["schema"]) for i in doc["items"]]


def load_extractors(path) -> list:
    """Extractors from a YAML or JSON file checked by extractors.schema.json."""
    from evalkit.report.reader import Extractor

    path = Path(str(path))
    doc = _load(path, "extractors")
    return [
        Extractor(e["item"], e["phrase"], phrase=True) if "phrase" in e else Extractor(e["item"], e["pattern"], e.get("units", ()))
        for e in doc["extractors"]
    ]


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
    )


def _load(path: Path, schema_name: str) -> dict:
    try:
        doc = load_document(path)
    except EvalkitError as exc:
        raise PluginError(exc.key, file=exc.file, place=exc.place, **exc.params) from None
    problems = schemas.errors(schemas.shipped_validator(schema_name), doc)
    if problems:
        where, detail = problems[0]
        raise PluginError(f"{schema_name}_invalid", file=str(path), path=where, detail=detail, plugin="?")
    return doc
