"""A criterion's basis follows the target the profile sets, not the rubric's default."""

import json

from evalkit.evaluator import Evaluator

EXAMPLE = "examples/xianxiang-2022/submission.json"


def _b03_basis(tmp_path, profile: str | None) -> str:
    doc = json.loads(open(EXAMPLE, encoding="utf-8").read())
    doc["items"]["leadership.study_sessions"]["value"] = 2
    path = tmp_path / "s.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    evaluator = Evaluator(profile=profile)
    card = evaluator.evaluate(evaluator.load(path))
    return next(g.basis for g in card.gaps if g.criterion == "XX-B03")


def test_the_basis_names_the_profiles_target(tmp_path):
    """With target 6 in the profile, XX-B03's basis says 6 times a year; by default it says 4."""
    profile = tmp_path / "p.yaml"
    profile.write_text("id: six\noverrides:\n  XX-B03: {rule: {target: 6}}\n", encoding="utf-8")
    assert "目标每年6次为本细则设定" in _b03_basis(tmp_path, str(profile))
    assert "目标每年4次为本细则设定" in _b03_basis(tmp_path, None)
    assert "{target}" not in _b03_basis(tmp_path, None)
