"""Reviews files: the date is anchored, and an empty subject is warned about, not silently unused."""

import pytest

from conftest import score_toy, toy_doc

from evalkit.errors import DataError
from evalkit.evaluator import Evaluator

REVIEW = "reviews:\n  - {{subject: {subject}, criterion: T-B3, reviewer: 张三, at: {at}, reason: 复核, points: 1}}\n"


def _evaluator(toy_pm, tmp_path, subject="测试镇", at="2023-03-01"):
    path = tmp_path / "reviews.yaml"
    path.write_text(REVIEW.format(subject=subject, at=at), encoding="utf-8")
    return Evaluator(toy_pm, reviews=str(path))


@pytest.mark.parametrize("at", ["2023-03-01 junk", "2023-03-01T10:00:00Z+extra", "'2023-03-01\\n'"])
def test_a_date_with_anything_after_it_is_refused(toy_pm, tmp_path, at):
    """`at` is a date (or date and time) and nothing more."""
    with pytest.raises(DataError):
        _evaluator(toy_pm, tmp_path, at=at)


def test_a_date_and_time_is_accepted(toy_pm, tmp_path):
    """A date with a time still reads."""
    assert _evaluator(toy_pm, tmp_path, at="2023-03-01 10:30").reviews


def test_an_empty_subject_is_warned_about(toy_pm, tmp_path):
    """A review whose subject is empty applies to no township, and every scorecard says so."""
    card = score_toy(_evaluator(toy_pm, tmp_path, subject="''"), toy_doc())
    assert any("subject 为空" in w for w in card.warnings)
    assert not any("subject 为空" in w for w in score_toy(_evaluator(toy_pm, tmp_path), toy_doc()).warnings)
