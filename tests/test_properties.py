"""The engine's laws, checked by hypothesis over hand-built strategies."""

import json

import attrs
from conftest import score_toy, toy_doc
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import toyplugin
from evalkit import Kind, Scorecard, Submission, hookimpl, schemas
from evalkit.evaluator import Evaluator
from evalkit.plugins import make_plugin_manager

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
KINDS = ["measures", "shortcomings", "first_responsibility", "plan", "other_matters", "other"]

counts = st.integers(min_value=0, max_value=50)
sections = st.lists(st.sampled_from(KINDS), max_size=8).map(lambda kinds: [{"title": f"{i}、{k}", "kind": k} for i, k in enumerate(kinds)])
values = st.fixed_dictionaries(
    {},
    optional={
        "t_count": counts,
        "t_flag": st.booleans(),
        "t_num": counts,
        "t_den": counts,
        "t_level": st.integers(min_value=0, max_value=5),
        "t_bad": counts,
    },
)
dates = st.dates().map(lambda d: d.isoformat() if d.year >= 1000 else "2023-01-01")
names = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=20)


@st.composite
def submissions(draw):
    doc = toy_doc(sections=draw(sections), date=draw(dates), **draw(values))
    doc["subject"]["name"] = draw(names)
    doc["subject"]["level"] = draw(st.sampled_from(["镇", "乡", "街道"]))
    doc["report"]["citations"] = draw(st.lists(st.sampled_from(["《信访条例》", "《民法典》", "合同法", "x"]), max_size=4))
    return doc


def evaluator():
    return Evaluator(make_plugin_manager(load_entrypoints=False, plugins=[toyplugin]))


EV = evaluator()


@SETTINGS
@given(submissions())
def test_any_valid_submission_scores_within_bounds(doc):
    """Every schema-valid submission scores without an exception, within 0..max(+bonus)."""
    schemas.check(EV.validator(), doc, "x")
    card = score_toy(EV, doc)
    assert 0 <= card.total <= card.max + EV.plan.profile.bonus_cap
    for result in card.results:
        if result.kind is Kind.DEDUCTION:
            assert -result.max <= result.points <= 0
        else:
            assert 0 <= result.points <= result.max


@SETTINGS
@given(submissions())
def test_categories_add_up_to_the_total(doc):
    """The category subtotals plus the recorded adjustment are the total, to the cent."""
    card = score_toy(EV, doc)
    raw = sum(c.score for c in card.categories)
    assert raw + card.adjustment == card.total
    assert card.adjustment == 0 or card.vetoes or raw < 0


@SETTINGS
@given(submissions(), st.sampled_from(["t_count", "t_num", "t_level", "t_flag"]), st.integers(min_value=1, max_value=10))
def test_a_better_figure_never_lowers_the_score(doc, key, step):
    """Raising a good figure (or setting a flag) never lowers the total."""
    item = key.replace("_", ".")
    better = json.loads(json.dumps(doc))
    current = better["items"].get(item, {}).get("value")
    if key == "t_flag":
        better["items"][item] = {"value": True}
    else:
        better["items"][item] = {"value": (current or 0) + step}
    assert score_toy(EV, better).total >= score_toy(EV, doc).total


@SETTINGS
@given(submissions(), st.randoms())
def test_order_of_criteria_and_plugins_does_not_matter(doc, rng):
    """Shuffling the declared criteria and registering plugins in another order changes nothing."""

    class Shuffled:
        @hookimpl
        def register_items(self):
            return toyplugin.ITEMS[::-1]

        @hookimpl
        def register_criteria(self):
            rubric = toyplugin.register_criteria()[0]
            criteria = list(rubric.criteria)
            rng.shuffle(criteria)
            return [attrs.evolve(rubric, criteria=tuple(criteria), categories=rubric.categories[::-1])]

    other = Evaluator(make_plugin_manager(load_entrypoints=False, plugins=[Shuffled()]))
    first, second = score_toy(EV, doc).to_dict(), score_toy(other, doc).to_dict()
    for card in (first, second):
        for result in card["results"]:
            result.pop("plugin", None)
    assert first == second


@SETTINGS
@given(submissions())
def test_same_input_same_bytes(doc):
    """Scoring the same document twice, with fresh evaluators, gives the same bytes."""
    once = json.dumps(score_toy(evaluator(), doc).to_dict(), ensure_ascii=False)
    assert once == json.dumps(score_toy(evaluator(), json.loads(json.dumps(doc))).to_dict(), ensure_ascii=False)


@SETTINGS
@given(submissions())
def test_round_trips(doc):
    """Submission and Scorecard survive to_dict / from_dict unchanged; scorecards validate."""
    submission = EV.validate(doc, "x").submission
    assert Submission.from_dict(submission.to_dict()) == submission
    card = score_toy(EV, doc)
    as_dict = card.to_dict()
    schemas.check(schemas.shipped_validator("scorecard"), as_dict, "scorecard")
    assert Scorecard.from_dict(as_dict).to_dict() == as_dict
