"""A YAML SafeLoader that refuses duplicate keys, NaN and aliases, and keeps dates as text.

Aliases (``*name``) are refused outright: a few hundred bytes of nested aliases expand to
hundreds of millions of values, and no submission, profile, review or rubric needs them."""

from __future__ import annotations

import math

import yaml


_BASE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser when the wheel has it


class StrictLoader(_BASE):
    """safe_load's rules, plus: duplicate keys are errors, timestamps stay ISO strings."""

    def construct_document(self, node):
        _refuse_aliases(node)
        return super().construct_document(node)

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _value_node in node.value:
            key = self.construct_object(key_node, deep=deep)
            if not isinstance(key, str):
                raise yaml.constructor.ConstructorError(None, None, f"key {key!r} is not text", key_node.start_mark)
            if key in seen:
                raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)

    def construct_yaml_float(self, node):
        value = super().construct_yaml_float(node)
        if not math.isfinite(value):
            raise yaml.constructor.ConstructorError(None, None, f"{node.value} is not allowed", node.start_mark)
        return value


def _refuse_aliases(root) -> None:
    """Refuse a document in which any node is reached twice, which only an alias can do.
    Each node is visited once, so this costs the size of the text, not of its expansion."""
    seen, stack = set(), [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            raise yaml.constructor.ConstructorError(None, None, "aliases (*name) are not allowed", node.start_mark)
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            stack.extend(part for pair in node.value for part in pair)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)


def _refuse(loader, node):
    raise yaml.constructor.ConstructorError(None, None, f"{node.tag} is not allowed", node.start_mark)


StrictLoader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))
for _tag in ("binary", "set", "omap", "pairs"):
    StrictLoader.add_constructor(f"tag:yaml.org,2002:{_tag}", _refuse)
StrictLoader.add_constructor("tag:yaml.org,2002:float", StrictLoader.construct_yaml_float)
