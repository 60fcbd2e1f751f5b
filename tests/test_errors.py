"""A document with hundreds of schema errors lists a bounded number and counts the rest."""

import pytest

from conftest import toy_doc

from evalkit.errors import DataError
from evalkit.schemas import ERRORS_SHOWN


def test_schema_errors_are_listed_up_to_a_bound(toy):
    """850 bad sections and citations give the total, ERRORS_SHOWN lines and one line for the rest."""
    doc = toy_doc()
    doc["report"]["sections"] = [{"title": 1, "kind": "measures"} for _ in range(400)]
    doc["report"]["citations"] = [1] * 450
    with pytest.raises(DataError) as caught:
        toy.validate(doc, "x.json")
    lines = caught.value.full_message().split("\n")
    assert "共 850 处错误" in lines[0]
    assert len(lines) == 1 + ERRORS_SHOWN + 1 and "另有 800 处错误未逐一列出" in lines[-1]
