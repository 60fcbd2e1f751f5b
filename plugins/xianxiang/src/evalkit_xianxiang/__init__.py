"""Criteria for a township's annual rule-of-law report, built from 贤庠镇's 2022 report.

The items and criteria are data (items.yaml, criteria.yaml); this module only registers them.
"""

from importlib.resources import files

from evalkit import hookimpl, load_extractors, load_items, load_rubric

__version__ = "0.1.0"

HERE = files(__name__)


@hookimpl
def register_items():
    return load_items(HERE / "items.yaml")


@hookimpl
def register_criteria():
    return [load_rubric(HERE / "criteria.yaml")]


@hookimpl
def register_extractors():
    return load_extractors(HERE / "extractors.yaml")
