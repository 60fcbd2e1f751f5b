"""The fast path changes nothing: jsonschema-rs and jsonschema agree on every document, and the
streaming, parallel batch writes the scorecards that the plain, one-file path computes."""

import copy
import json
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from evalkit import schemas
from evalkit.cli import main
from evalkit.evaluator import Evaluator
from evalkit.testing import synthetic_submissions

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

EVALUATOR = Evaluator()
FAST = EVALUATOR.validator()
SLOW = schemas.validator(EVALUATOR.submission_schema)


def agree(doc) -> bool:
    return FAST.is_valid(doc) == (not list(SLOW.iter_errors(doc)))


def corpus_documents() -> list[dict]:
    import extraction

    docs = [EVALUATOR.load(path).submission.to_dict() for path, _labels in extraction.cases()]
    return docs + [json.loads((ROOT / "examples" / "xianxiang-2022" / "submission.json").read_text("utf-8"))]


def test_validators_agree_on_the_corpus_and_generated_documents(tmp_path):
    """Every corpus report's draft, the example, and generated documents (valid and broken) get one verdict."""
    from generate import generate

    generated = [json.loads(p.read_text("utf-8")) for p in generate(1000, tmp_path / "gen")]
    documents = corpus_documents() + generated
    assert sum(not FAST.is_valid(d) for d in generated) == 2  # the generator breaks one in 500
    assert all(agree(doc) for doc in documents)


ODD_VALUES = st.one_of(
    st.text(max_size=8),
    st.sampled_from(["a.b\n", "２０２３-01-01", "2023-01-01\n", "", "镇", "\x00", "x" * 200, "A.b"]),
    st.integers(min_value=-5, max_value=10**12),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.none(),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.sampled_from(["value", "unit", "x"]), st.integers(), max_size=2),
)
PLACES = [
    ("year",), ("subject", "name"), ("subject", "level"), ("report", "date"), ("report", "title"),
    ("items", "leadership.study_sessions", "value"), ("items", "leadership.study_sessions"),
    ("items", "publicity.materials", "approximate"), ("items", "a.b\n"), ("items", "leadership.group", "value"),
    ("report", "sections"), ("report", "citations"), ("extra",),
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(PLACES), ODD_VALUES)
def test_validators_agree_on_odd_values(place, value):
    """Odd values anywhere in a valid document get the same verdict from both validators."""
    doc = copy.deepcopy(corpus_documents()[-1])
    target = doc
    for key in place[:-1]:
        target = target.setdefault(key, {}) if isinstance(target, dict) else target
    target[place[-1]] = value
    assert agree(doc)


def test_batch_scorecards_equal_the_plain_path(capsys, tmp_path):
    """The streamed, forked batch (--jobs 2) writes exactly what one-file scoring with jsonschema computes."""
    folder = tmp_path / "in"
    folder.mkdir()
    for index, doc in enumerate(synthetic_submissions(EVALUATOR.catalog.items, 18, seed=3)):
        (folder / f"{index:02d}.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    main(["score", str(folder), "--out", str(tmp_path / "out"), "--jobs", "2"])
    capsys.readouterr()
    plain = Evaluator()
    plain._validator = SLOW  # the straightforward validator, not jsonschema-rs
    for path in sorted(folder.glob("*.json")):
        card = plain.evaluate(plain.load(path), source=str(path)).to_dict()
        written = (tmp_path / "out" / "townships" / f"{card['subject']['name']}.json").read_bytes()
        assert written == (json.dumps(card, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


EXAMPLE = (ROOT / "examples" / "xianxiang-2022" / "submission.json").read_text("utf-8")
QUOTED = EXAMPLE.replace('"evidence": "', '"evidence": "\\":', 1)  # a key's end inside a string
TRICKY = {
    "example": EXAMPLE,
    "spaced colons": EXAMPLE.replace('"year":', '"year"  :'),
    "duplicate at the top": EXAMPLE.replace('"year": 2022', '"year": 2022, "year": 2021'),
    "duplicate in an item": EXAMPLE.replace('"value": true', '"value": true, "value": false', 1),
    "duplicate beside a quoted colon": QUOTED.replace('"year": 2022', '"year": 2022, "year": 2021'),
    "quoted colon": QUOTED,
    "integer past 64 bits": EXAMPLE.replace('"year": 2022', '"year": 2022, "x": 123456789012345678901'),
    "long number in a string": EXAMPLE.replace('"title": "', '"title": "1234567890123456789012', 1),
    "infinity": EXAMPLE.replace('"year": 2022', '"year": 1e999'),
    "NaN": EXAMPLE.replace('"year": 2022', '"year": NaN'),
    "BOM": "\ufeff" + EXAMPLE,
    "surrogate": EXAMPLE.replace('"title": "', '"title": "\\ud800', 1),
    "escaped": json.dumps(json.loads(EXAMPLE)),
    "deep": EXAMPLE.replace('"year": 2022', '"year": 2022, "x": ' + "[" * 100 + "]" * 100),
    "extra data": EXAMPLE + "{}",
}


def outcome(read, path):
    try:
        return read(path)
    except Exception as exc:  # the message is the outcome
        return str(exc)


def test_quick_reading_agrees_with_the_careful_one(tmp_path):
    """orjson's reading (with its key count) and load_json's give the same submission or the same error."""
    from evalkit.documents import load_document

    careful = lambda path: EVALUATOR.validate(load_document(path), str(path))  # noqa: E731
    for name, source in TRICKY.items():
        path = tmp_path / f"{name}.json"
        path.write_text(source, encoding="utf-8")
        assert outcome(EVALUATOR.load, path) == outcome(careful, path), name
    duplicates = [n for n in TRICKY if "duplicate" in n]
    assert all("重复" in outcome(EVALUATOR.load, tmp_path / f"{n}.json") for n in duplicates)
