"""The JSON Schemas: loading them from local files only, composing the submission schema
from the plugins' item fragments, and explaining every error in Chinese."""

from __future__ import annotations

import copy
import itertools
import json
from collections.abc import Mapping
from functools import cache
from importlib.resources import files
from typing import Any

from evalkit.errors import Both, DataError

NAMES = ("submission", "items", "criteria", "extractors", "profile", "reviews", "scorecard")
TYPE_NAMES = {
    "object": "对象", "array": "列表", "string": "文本", "number": "数字", "integer": "整数",
    "boolean": "布尔值（true/false）", "null": "空值",
}


@cache
def load(name: str) -> dict:
    """The schema ``name`` (e.g. "submission") as shipped in the package."""
    return json.loads((files("evalkit") / "json_schemas" / f"{name}.schema.json").read_text("utf-8"))


@cache
def registry():
    """Every shipped schema, by its $id; nothing is ever fetched from the network."""
    from referencing import Registry, Resource

    def refuse(uri: str):
        raise LookupError(f"schema {uri} is not shipped with evalkit")

    resources = [(load(n)["$id"], Resource.from_contents(load(n))) for n in NAMES]
    return Registry(retrieve=refuse).with_resources(resources)


def validator(schema: Mapping):
    """A Draft 2020-12 validator for ``schema``, resolving $refs from the local registry."""
    from jsonschema import Draft202012Validator

    return Draft202012Validator(schema, registry=registry())


class FastValidator:
    """jsonschema-rs decides, fast; jsonschema explains, only for documents it rejects.

    The two must agree on every document (a differential test checks it); the schemas are
    written so that they do: ``[0-9]`` rather than ``\\d``, and ``(?!\\n)$`` where Python's
    ``$`` would accept a trailing newline. The schema must be self-contained (local $refs only).
    """

    def __init__(self, schema: Mapping):
        import jsonschema_rs

        self.schema = schema
        self.fast = jsonschema_rs.Draft202012Validator(dict(schema), registry=fast_registry(), offline=True)
        self._slow = None

    @property
    def slow(self):
        if self._slow is None:
            self._slow = validator(self.schema)
        return self._slow

    def is_valid(self, doc: Any) -> bool:
        return self.fast.is_valid(doc)

    def iter_errors(self, doc: Any):
        return iter(()) if self.fast.is_valid(doc) else self.slow.iter_errors(doc)


@cache
def fast_registry():
    """The shipped schemas for jsonschema-rs, which then never fetches anything."""
    import jsonschema_rs

    return jsonschema_rs.Registry([(load(n)["$id"], load(n)) for n in NAMES])


@cache
def shipped_validator(name: str) -> FastValidator:
    """The validator of a shipped schema, built once per process."""
    return FastValidator(load(name))


def schema_problem(schema: Mapping) -> str | None:
    """Why ``schema`` is not a valid Draft 2020-12 schema, or None when it is."""
    import jsonschema_rs

    if jsonschema_rs.meta.is_valid(dict(schema)):
        return None
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import SchemaError

    try:
        Draft202012Validator.check_schema(dict(schema))
    except SchemaError as exc:
        return exc.message
    return "invalid schema"


def compose_submission(items: Mapping) -> dict:
    """The submission schema with each declared item's value schema filled in."""
    schema = copy.deepcopy(load("submission"))
    schema["$id"] = schema["$id"].replace("submission.schema.json", "submission.composed.schema.json")
    schema["properties"]["items"]["properties"] = {
        item_id: {
            "title": spec.title,
            "allOf": [{"$ref": "#/$defs/item"}],
            "properties": {"value": dict(spec.schema)},
        }
        for item_id, spec in sorted(items.items())
    }
    return schema


ERRORS_COUNTED = 10_000  #: a hostile document may hold millions of errors; counting stops here
ERRORS_SHOWN = 50  #: errors listed one by one; the rest are counted


def errors(validator_, doc: Any, limit: int = ERRORS_COUNTED) -> list[tuple[str, str]]:
    """Every error (up to ``limit``) as (JSON path, explanation: ours in Chinese, jsonschema's in English), in document order."""
    found = sorted(itertools.islice(validator_.iter_errors(doc), limit), key=lambda e: (list(map(str, e.absolute_path)), e.validator))
    explained = {}  # jsonschema reports each missing field apart; our explanation names them all at once
    for e in found:
        explained.setdefault((e.json_path, explain(e)), []).append(e.message)
    return [(path, Both(ours, "; ".join(theirs))) for (path, ours), theirs in explained.items()]


def check(validator_, doc: Any, file: str) -> None:
    """Raise a DataError listing the first ERRORS_SHOWN errors when ``doc`` is invalid."""
    problems = errors(validator_, doc)
    if problems:
        raise DataError("invalid", file=file, count=len(problems), problems=problems[:ERRORS_SHOWN])


def explain(error) -> str:
    """One jsonschema error in plain Chinese."""
    kind, expected, instance = error.validator, error.validator_value, error.instance
    handler = _EXPLAIN.get(kind)
    return handler(expected, instance, error) if handler else error.message


def _shown(value: Any) -> str:
    shown = json.dumps(value, ensure_ascii=False)
    return shown if len(shown) <= 40 else shown[:37] + "…"


def _type_name(value: Any) -> str:
    names = [value] if isinstance(value, str) else list(value)
    return "或".join(TYPE_NAMES.get(n, n) for n in names)


def _additional(expected, instance, error) -> str:
    allowed = set(error.schema.get("properties", {}))
    extra = sorted(k for k in instance if k not in allowed) if isinstance(instance, dict) else []
    return f"不允许的字段：{'、'.join(f'“{k}”' for k in extra)}"


def _missing(expected, instance, error) -> str:
    lacking = [name for name in expected if isinstance(instance, dict) and name not in instance]
    return f"缺少必填字段：{'、'.join(lacking)}"


_EXPLAIN = {
    "required": _missing,
    "additionalProperties": _additional,
    "type": lambda e, i, _: f"应为{_type_name(e)}，实际为 {_shown(i)}",
    "enum": lambda e, i, _: f"取值应为 {'、'.join(map(_shown, e))} 之一，实际为 {_shown(i)}",
    "const": lambda e, i, _: f"取值应为 {_shown(e)}，实际为 {_shown(i)}",
    "minimum": lambda e, i, _: f"数值应不小于 {e}，实际为 {_shown(i)}",
    "maximum": lambda e, i, _: f"数值应不大于 {e}，实际为 {_shown(i)}",
    "exclusiveMinimum": lambda e, i, _: f"数值应大于 {e}，实际为 {_shown(i)}",
    "exclusiveMaximum": lambda e, i, _: f"数值应小于 {e}，实际为 {_shown(i)}",
    "minLength": lambda e, i, _: f"文本不能少于 {e} 个字符",
    "maxLength": lambda e, i, _: f"文本不能超过 {e} 个字符",
    "minItems": lambda e, i, _: f"至少需要 {e} 项",
    "maxItems": lambda e, i, _: f"最多 {e} 项",
    "pattern": lambda e, i, _: f"格式不正确：{_shown(i)}",
    "propertyNames": lambda e, i, _: f"键名格式不正确：{_shown(i)}",
    "oneOf": lambda e, i, _: "不符合任何一种允许的写法",
    "anyOf": lambda e, i, _: "不符合任何一种允许的写法",
    "minProperties": lambda e, i, _: f"至少需要 {e} 个字段",
    "contains": lambda e, i, _: "等次中须有一档的 min 为 0" if "min" in json.dumps(e) else "缺少必需的一项",
    "not": lambda e, i, _: "不能同时出现这些字段",
}
