"""How firm the ranking is: seeded draws of category weights and N/A policies give each township
a rank interval, flag neighbours whose order is not robust, and give the same bytes every time."""

import csv
import io
from pathlib import Path

import numpy as np
import pytest

from evalkit import batch as batch_
from evalkit import sources
from evalkit import sensitivity
from evalkit.cli import main
from evalkit.evaluator import Evaluator
from evalkit.model import Detail, NotApplicable

ROOT = Path(__file__).resolve().parents[1]
COUNTY = ROOT / "examples" / "xiangshan-2023"


@pytest.fixture(scope="module")
def scored():
    """The 2023 example batch, scored once, with its evaluator."""
    evaluator = Evaluator()
    files = [str(p) for p in sources.inputs([str(COUNTY)], [".json"])]
    return evaluator, batch_.run(evaluator, files, formats=())


def test_unvaried_weights_and_the_profiles_policy_rank_as_the_batch_does(scored):
    """The draw with every weight at 100% and the profile's N/A policy reproduces the official ranks."""
    evaluator, batch = scored
    scores, maxima, na, extra, veto = sensitivity._arrays(batch.entries, [cid for cid, _ in batch.categories], evaluator.plan)
    full = int(evaluator.plan.profile.not_applicable is NotApplicable.FULL)
    weights = np.full((1, scores.shape[1]), 1000, dtype=np.int64)
    cap = int(evaluator.plan.profile.veto_cap * 100) * 1000
    ranks = sensitivity._ranks(scores, maxima, na, weights, np.array([full]), extra, veto, cap)
    assert list(ranks[0]) == [e.rank for e in batch.entries]


def test_intervals_hold_the_official_rank_and_close_neighbours_are_flagged_both_ways(scored):
    """Each interval is ordered and flags are mutual; the far-behind last two are fixed, the close middle is not."""
    evaluator, batch = scored
    found = sensitivity.analyse(batch.entries, batch.categories, evaluator.plan)
    intervals = [found.intervals[e.source] for e in batch.entries]
    assert all(i.low <= i.high for i in intervals) and len(intervals) == 18
    names = [e.card.subject.name for e in batch.entries]
    for index, interval in enumerate(intervals):
        for other in interval.unstable_with:
            assert abs(names.index(other) - index) == 1 and names[index] in found.intervals[batch.entries[names.index(other)].source].unstable_with
    assert [(i.low, i.high, i.unstable_with) for i in intervals[-2:]] == [(17, 17, ()), (18, 18, ())]
    assert sum(1 for i in intervals if i.unstable_with) >= 6


def test_the_analysis_is_the_same_from_summaries_as_from_whole_scorecards(scored, monkeypatch):
    """Province- and national-size batches keep what the analysis needs: the intervals do not change."""
    evaluator, batch = scored
    files = [str(p) for p in sources.inputs([str(COUNTY)], [".json"])]
    whole = sensitivity.analyse(batch.entries, batch.categories, evaluator.plan)
    monkeypatch.setattr(batch_, "DETAIL_LIMIT", 5)
    summary = batch_.run(evaluator, files, formats=())
    monkeypatch.setattr(batch_, "LARGE_BATCH", 5)
    large = batch_.run(evaluator, files, formats=())
    assert summary.detail is Detail.SUMMARY and large.detail is Detail.LARGE
    assert sensitivity.analyse(summary.entries, summary.categories, evaluator.plan) == whole
    assert sensitivity.analyse(large.entries, large.categories, evaluator.plan) == whole


def test_ranking_outputs_are_byte_identical_across_runs_and_jobs(tmp_path, capsys):
    """ranking.csv, evalkit.xlsx and report.html with their rank intervals: the same bytes with --jobs 1, again, and --jobs 2."""
    outputs = []
    for index, jobs in enumerate((1, 1, 2)):
        out = tmp_path / f"out{index}"
        assert main(["score", str(COUNTY), "--out", str(out), "--jobs", str(jobs), "--formats", "csv,xlsx,html"]) == 0
        outputs.append({name: (out / name).read_bytes() for name in ("ranking.csv", "evalkit.xlsx", "report.html")})
    capsys.readouterr()
    assert outputs[0] == outputs[1] == outputs[2]
    rows = list(csv.reader(io.StringIO(outputs[0]["ranking.csv"].decode("utf-8-sig"))))
    assert rows[0][-2:] == ["排名区间（5%–95%）", "次序不稳的相邻乡镇"] and rows[-1][-2:] == ["18", ""]
    assert "排名区间：各类别权重在 ±20% 内随机变动" in outputs[0]["report.html"].decode("utf-8")


def test_the_json_summary_gives_each_township_its_interval(capsys, tmp_path):
    """--format json: rank_interval and unstable_with beside each rank."""
    import json

    assert main(["score", str(COUNTY), "--out", str(tmp_path / "o"), "--format", "json", "--formats", "csv"]) == 0
    ranking = json.loads(capsys.readouterr().out)["ranking"]
    assert ranking[0]["rank_interval"] == [1, 1] and ranking[-1]["rank_interval"] == [18, 18]
    assert {r["name"] for r in ranking if r["unstable_with"]} == {n for r in ranking for n in r["unstable_with"]}


def test_at_least_a_thousand_draws_of_twenty_percent():
    """The documented parameters: ≥1,000 draws, weights within ±20%, the 5th and 95th percentiles."""
    assert sensitivity.DRAWS >= 1000 and sensitivity.SPREAD == 200 and (sensitivity.LOW, sensitivity.HIGH) == (5, 95)
    assert sensitivity._nearest(5, 1000) == 49 and sensitivity._nearest(95, 1000) == 949


def test_the_not_applicable_policy_drawn_can_reverse_two_townships():
    """A township with not-applicable points ranks first when they count as earned and second when they are left out."""
    scores, maxima, na = (np.array([[5000], [4400]]), np.array([[10000], [9000]]), np.array([[0], [1000]]))
    weights = np.full((2, 1), 1000, dtype=np.int64)
    extra, veto = np.zeros(2, dtype=np.int64), np.zeros(2, dtype=bool)
    ranks = sensitivity._ranks(scores, maxima, na, weights, np.array([1, 0]), extra, veto, 10**9)
    assert ranks.tolist() == [[2, 1], [1, 2]]
