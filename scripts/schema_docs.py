"""Render docs/schemas.md from the shipped JSON Schemas, so the reference never drifts.

    .venv/bin/python scripts/schema_docs.py > docs/schemas.md
"""

from __future__ import annotations

import sys

from evalkit import schemas

INTRO = """# Schema reference

The JSON Schemas (Draft 2020-12) in `schemas/` are the data contracts. They ship inside the
evalkit package, `$ref`s resolve only from these local files, and `evalkit schema NAME` prints
any of them (`evalkit schema` alone prints the submission schema composed with every loaded
plugin's items). This page is generated from them by `scripts/schema_docs.py`; a test fails
when it is out of date.
"""


def _type(node: dict) -> str:
    if "$ref" in node:
        return f"see `{node['$ref'].split('/')[-1]}`"
    if "enum" in node:
        return " / ".join(f"`{v}`" for v in node["enum"])
    if "const" in node:
        return f"`{node['const']}`"
    kind = node.get("type", "any")
    kind = " or ".join(kind) if isinstance(kind, list) else kind
    if kind == "array" and isinstance(node.get("items"), dict):
        return f"array of {_type(node['items'])}"
    return kind


def _rows(node: dict, prefix: str = "") -> list[str]:
    rows = []
    required = set(node.get("required", ()))
    for name, child in node.get("properties", {}).items():
        path = f"{prefix}{name}"
        note = child.get("description", "").replace("|", "\\|")
        rows.append(f"| `{path}` | {_type(child)} | {'yes' if name in required else ''} | {note} |")
        target = child.get("items") if child.get("type") == "array" else child
        if isinstance(target, dict) and "properties" in target:
            rows += _rows(target, f"{path}{'[]' if target is not child else ''}.")
    return rows


def render() -> str:
    parts = [INTRO]
    for name in schemas.NAMES:
        schema = schemas.load(name)
        parts.append(f"\n## {name}.schema.json\n\n{schema.get('description', '')}\n")
        parts.append("| field | type | required | meaning |\n|---|---|---|---|")
        parts.extend(_rows(schema))
        for def_name, definition in sorted(schema.get("$defs", {}).items()):
            if "properties" in definition:
                parts.append(f"\n`$defs/{def_name}`:\n\n| field | type | required | meaning |\n|---|---|---|---|")
                parts.extend(_rows(definition))
    return "\n".join(parts) + "\n"


if __name__ == "__main__":
    sys.stdout.write(render())
