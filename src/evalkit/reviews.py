"""Reviews: reviewers' scores and overrides, read from a file and checked against the plan."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from evalkit import schemas
from evalkit.documents import load_document
from evalkit.errors import DataError
from evalkit.model import Criterion, Kind, Review


def load_reviews(path: Path, criteria: Iterable[Criterion]) -> tuple[Review, ...]:
    """Every review in the file, each checked to fit its criterion."""
    doc = load_document(path)
    schemas.check(schemas.shipped_validator("reviews"), doc, str(path))
    by_id = {c.id: c for c in criteria}
    reviews = []
    for index, entry in enumerate(doc["reviews"]):
        review = Review(**entry)
        _check(review, by_id, str(path), f"$.reviews[{index}]")
        reviews.append(review)
    return tuple(reviews)


def _check(review: Review, criteria: Mapping[str, Criterion], file: str, place: str) -> None:
    criterion = criteria.get(review.criterion)
    if criterion is None:
        raise DataError("bad_review", file=file, place=place, criterion=review.criterion, detail="未选用或不存在")
    if criterion.kind is Kind.VETO and review.triggered is None:
        raise DataError("bad_review", file=file, place=place, criterion=review.criterion, detail="一票否决项须填写 triggered")
    if criterion.kind is not Kind.VETO and review.points is None:
        raise DataError("bad_review", file=file, place=place, criterion=review.criterion, detail="须填写 points")
    if review.points is not None and review.points > criterion.max:
        detail = f"points {review.points} 超过该项上限 {criterion.max}"
        raise DataError("bad_review", file=file, place=place, criterion=review.criterion, detail=detail)
