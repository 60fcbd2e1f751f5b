"""The shipped schemas are valid, self-contained, and every example in the repo validates."""

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from evalkit import schemas
from evalkit.documents import load_document

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("name", schemas.NAMES)
def test_schema_is_valid_draft_2020_12_with_an_id(name):
    """Each schema passes check_schema and carries its $id."""
    schema = schemas.load(name)
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"].endswith("2020-12/schema") and schema["$id"].endswith(f"{name}.schema.json")


def test_composed_submission_schema_is_valid(toy):
    """The schema composed from the plugins' item fragments is itself valid."""
    Draft202012Validator.check_schema(toy.submission_schema)


def test_refs_never_reach_the_network():
    """A $ref to anything but a shipped schema fails instead of being fetched."""
    from referencing.exceptions import Unresolvable

    validator = schemas.validator({"$ref": "https://example.org/remote.json"})
    with pytest.raises(Unresolvable):
        validator.validate({})


def _examples(pattern):
    return sorted(p for p in (ROOT / "examples").rglob(pattern))


@pytest.mark.parametrize("path", _examples("submission*.json"), ids=lambda p: p.parent.name)
def test_every_example_submission_validates(path):
    """Every example submission validates against the composed schema of the loaded plugins."""
    from evalkit.evaluator import Evaluator

    Evaluator().load(path)


@pytest.mark.parametrize("path", _examples("profile*.yaml"), ids=lambda p: p.name)
def test_every_example_profile_validates(path):
    """Every example profile validates against profile.schema.json."""
    schemas.check(schemas.shipped_validator("profile"), load_document(path), str(path))


@pytest.mark.parametrize("path", _examples("reviews*.yaml"), ids=lambda p: p.name)
def test_every_example_reviews_file_validates(path):
    """Every example reviews file validates against reviews.schema.json."""
    schemas.check(schemas.shipped_validator("reviews"), load_document(path), str(path))


def test_there_are_examples():
    """The examples the quick start and docs rely on exist."""
    assert _examples("submission*.json") and (ROOT / "examples" / "xianxiang-2022" / "report.txt").exists()
    json.loads((ROOT / "examples" / "xianxiang-2022" / "submission.json").read_text("utf-8"))


def test_section_kinds_are_the_schemas_vocabulary():
    """A section kind the schema accepts is a SectionKind, and each SectionKind is one the schema accepts."""
    from evalkit.submission import SectionKind

    doc = json.loads((ROOT / "schemas" / "submission.schema.json").read_text("utf-8"))
    sections = doc["$defs"]["report"]["properties"]["sections"]["items"]["properties"]
    assert sections["kind"]["enum"] == [kind.value for kind in SectionKind]


@pytest.mark.parametrize(("mark", "valid"), [
    ({"reason": "ocr", "confidence": 88}, True),
    ({"reason": "mapping", "lacks": ["topic", "who"]}, True),
    ({"reason": "ocr"}, False),
    ({"reason": "mapping"}, False),
    ({"reason": "mapping", "lacks": ["colour"]}, False),
])
def test_an_unconfirmed_figure_says_why(toy, mark, valid):
    """An OCR mark carries its confidence, a mapping mark what evidence it lacks; nothing else is taken."""
    from conftest import toy_doc
    from evalkit.errors import DataError

    doc = toy_doc(t_count=3)
    doc["items"]["t.count"]["needs_review"] = mark
    if valid:
        assert toy.validate(doc, "toy.json").submission.items["t.count"].to_dict()["needs_review"] == mark
    else:
        with pytest.raises(DataError):
            toy.validate(doc, "toy.json")


def test_fields_missing_from_one_record_are_one_error_naming_them_all():
    """A review missing `at` and `reason` is one error, “缺少必填字段：at、reason”, not the same line twice."""
    review = {"subject": "贤庠镇", "criterion": "XX-A06", "points": 1, "reviewer": "张三", "role": "科员"}
    problems = schemas.errors(schemas.shipped_validator("reviews"), {"reviews": [review]})
    assert [(path, problem.zh) for path, problem in problems] == [("$.reviews[0]", "缺少必填字段：at、reason")]
    assert "'at'" in problems[0][1].en and "'reason'" in problems[0][1].en
