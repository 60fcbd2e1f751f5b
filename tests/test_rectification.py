"""整改: last year's gaps assessed this year, in the scorecard, the gap list, the workbook, the
page and the store, with a profile's deduction for unrectified repeats."""

import json
import sqlite3
from decimal import Decimal

import openpyxl
from conftest import ROOT, load_script, score_toy, toy_doc

from evalkit import schemas
from evalkit.cli import main
from evalkit.evaluator import Evaluator
from evalkit.model import Profile, Status
from evalkit.rectification import Prior, Rectification, assess
from evalkit.store import Store

R = Rectification
SCRIPT = load_script("make-county-example-2023")


def test_each_item_gets_its_status_from_this_years_loss():
    """Gone: rectified; smaller: partly; as large: unrectified, twice if it was already; not in the rubric: not assessed."""
    prior = [Prior("A", "甲", 2), Prior("B", "乙", 2), Prior("C", "丙", 2), Prior("D", "丁", 2, R.UNRECTIFIED), Prior("E", "戊", 1)]
    items = assess(prior, {"A": None, "B": Decimal(1), "C": Decimal(2), "D": Decimal(3)})
    assert [(i.criterion, i.status, i.lost_now) for i in items] == [
        ("A", R.RECTIFIED, 0), ("B", R.PARTLY, 1), ("C", R.UNRECTIFIED, 2), ("D", R.UNRECTIFIED_TWICE, 3), ("E", R.NOT_ASSESSED, None),
    ]


def test_only_a_gap_that_cost_points_or_a_triggered_veto_is_an_item():
    """A gap that lost nothing (awaiting review, a 扣分 figure not reported) is no item; a triggered veto is, whatever it cost."""
    prior = [Prior("R", "待评审", 0, status=Status.NEEDS_REVIEW), Prior("M", "未报告", 0, status=Status.MISSING),
             Prior("V", "否决", 0, status=Status.UNMET), Prior("P", "失分", 1, status=Status.MISSING)]
    assert [(i.criterion, i.status) for i in assess(prior, {"V": Decimal(0), "P": Decimal(1)})] == [("P", R.UNRECTIFIED), ("V", R.UNRECTIFIED)]


def test_an_item_whose_result_is_not_known_this_year_is_not_assessed(toy):
    """Last year's loss on a criterion that this year awaits review or lacks its figure is 本年未考核, not rectified or partly."""
    doc = toy_doc()
    plain = score_toy(toy, doc)
    unknown = next(g for g in plain.gaps if g.points_lost == 0)
    toy.prior = lambda subject, year: (Prior(unknown.criterion, unknown.title, 3),)
    (item,) = score_toy(toy, doc).rectification
    assert (item.status, item.lost_now) == (R.NOT_ASSESSED, None)


def test_unrectified_repeats_are_marked_and_listed_before_equal_losses(toy):
    """Of two gaps losing the same points, last year's unrectified one comes first, marked."""
    doc = toy_doc()
    plain = score_toy(toy, doc)
    lost = [g for g in plain.gaps if g.points_lost > 0]
    equal = [g for g in lost if g.points_lost == lost[-1].points_lost]
    assert len(equal) >= 2, "the toy submission needs two gaps of equal loss"
    later = equal[-1]
    toy.prior = lambda subject, year: (Prior(later.criterion, later.title, later.points_lost),)
    card = score_toy(toy, doc)
    same = [g for g in card.gaps if g.points_lost == later.points_lost]
    assert same[0].criterion == later.criterion and same[0].repeat is R.UNRECTIFIED
    assert [i.status for i in card.rectification] == [R.UNRECTIFIED] and card.total == plain.total


def test_a_profile_deducts_for_each_unrectified_repeat_up_to_its_cap(toy_pm):
    """repeat_deduction takes its points for each repeat, capped, as one more 扣分 listed among the gaps."""
    doc = toy_doc()
    evaluator = Evaluator(toy_pm)
    plain = score_toy(evaluator, doc)
    evaluator.plan = evaluator.plan.__class__(*(getattr(evaluator.plan, f) for f in ("criteria", "categories", "rule_kinds", "items")),
                                              Profile("p", repeat_points=Decimal("1.5"), repeat_cap=Decimal(2)), evaluator.plan.meta)
    evaluator.prior = lambda subject, year: tuple(Prior(g.criterion, g.title, g.points_lost) for g in plain.gaps[:3])
    card = score_toy(evaluator, doc)
    assert card.deductions == plain.deductions + 2 and card.total == plain.total - 2
    penalty = next(g for g in card.gaps if g.criterion == "REPEAT")
    assert penalty.points_lost == 2 and "3 项" in penalty.reason and penalty.title == "上年问题未整改"


def test_last_years_repeat_deduction_is_no_item_of_its_own(toy_pm):
    """The REPEAT 扣分 of last year is not itself a problem to rectify: only the gaps it counted are items."""
    doc = toy_doc()
    evaluator = Evaluator(toy_pm)
    lost = next(g for g in score_toy(evaluator, doc).gaps if g.points_lost > 0)
    evaluator.plan = evaluator.plan.__class__(*(getattr(evaluator.plan, f) for f in ("criteria", "categories", "rule_kinds", "items")),
                                              Profile("p", repeat_points=Decimal(1)), evaluator.plan.meta)
    evaluator.prior = lambda subject, year: (Prior(lost.criterion, lost.title, lost.points_lost, R.UNRECTIFIED), Prior("REPEAT", "上年问题未整改", 1))
    card = score_toy(evaluator, doc)
    assert [(i.criterion, i.status) for i in card.rectification] == [(lost.criterion, R.UNRECTIFIED_TWICE)]
    assert next(g for g in card.gaps if g.criterion == "REPEAT").points_lost == 1


def test_the_profile_schema_takes_repeat_deduction(tmp_path):
    """A profile file with repeat_deduction validates and sets the points and cap."""
    from evalkit.profiles import load_profile

    path = tmp_path / "p.yaml"
    path.write_text("id: county-2023\nrepeat_deduction:\n  points: 0.5\n  cap: 3\n", encoding="utf-8")
    profile = load_profile(path)
    assert (profile.repeat_points, profile.repeat_cap) == (Decimal("0.5"), Decimal(3))


def expected_2023(gaps_2022: dict) -> dict:
    """What the 2023 script should show, by township and criterion: its fixes, its partial fixes, the rest unrectified."""
    expected = {}
    for name, gaps in gaps_2022.items():
        moved = SCRIPT_CRITERIA.get(name, {})
        expected[name] = {cid: "unrectified" for cid in gaps} | dict.fromkeys(moved.get(True, ()), "rectified") | dict.fromkeys(moved.get(False, ()), "partly")
    return expected


#: the criteria each change of the script moves, as its comments say: township -> {fixed?: criteria}
SCRIPT_CRITERIA = {
    "丹西街道": {True: ("XX-F02", "XX-C01"), False: ("XX-D01",)},
    "大徐镇": {True: ("XX-F01", "XX-E02")},
    "贤庠镇": {True: ("XX-D01",)},
    "新桥镇": {True: ("XX-C01",)},
    "定塘镇": {False: ("XX-H06",)},
}


def cards(folder) -> dict:
    return {c["subject"]["name"]: c for c in (json.loads(p.read_text(encoding="utf-8")) for p in (folder / "townships").glob("*.json"))}


def test_the_second_year_shows_exactly_the_scripts_changes(two_years):
    """Every 2022 gap that cost points is a 2023 item: the script's fixes rectified, its partial fixes partly, all others unrectified."""
    _db, out_2022, out_2023 = two_years
    before, after = cards(out_2022), cards(out_2023)
    assert set(SCRIPT_CRITERIA) == set(SCRIPT.FIXED) | set(SCRIPT.PARTLY)
    expected = expected_2023({n: [g["criterion"] for g in c["gaps"] if g["points_lost"] or g["status"] == "unmet"] for n, c in before.items()})
    found = {n: {i["criterion"]: i["status"] for i in c["rectification"]} for n, c in after.items()}
    assert found == expected
    validator = schemas.shipped_validator("scorecard")
    assert all(validator.is_valid(c) for c in after.values())


def test_the_scorecard_workbook_page_and_store_show_the_items(two_years):
    """The Markdown scorecard has its 上年问题整改情况, the workbook its 整改跟踪 sheet, the page its table, the store its rows."""
    db, _out_2022, out_2023 = two_years
    markdown = (out_2023 / "townships" / "丹西街道.md").read_text(encoding="utf-8")
    assert "## 上年问题整改情况（已整改 2，部分整改 1，未整改 24）" in markdown and "[XX-F02] 落实行政执法三项制度：已整改（上年失分 3，本年失分 0）" in markdown
    assert "（基本分，失分 2.5，未报告，上年问题未整改）" in markdown
    rows = list(openpyxl.load_workbook(out_2023 / "evalkit.xlsx", read_only=True)["整改跟踪"].iter_rows(values_only=True))
    assert rows[0] == ("乡镇（街道）", "指标编号", "指标", "整改情况", "上年失分", "本年失分")
    assert ("丹西街道", "XX-D01", "合法性审查覆盖率", "部分整改", 3.78, 1.78) in rows
    assert all(row[4] > 0 for row in rows[1:])  # a gap that lost nothing last year is no item
    page = (out_2023 / "report.html").read_text(encoding="utf-8")
    assert "上年问题整改情况" in page and '<span class="tag repeat">上年问题未整改</span>' in page
    with Store(db) as store:
        danxi = next(t for t in store.scorecards(store.current_run(2023).id) if t.name == "丹西街道")
        items = {i.criterion: i.status for i in store.rectification(danxi.scorecard_id)}
        assert items["XX-C01"] == "rectified" and items["XX-D01"] == "partly"
        assert {g.criterion for g in store.gaps(danxi.scorecard_id) if g.repeat} == {c for c, s in items.items() if s == "unrectified"}


def test_a_gap_left_two_years_running_is_unrectified_twice(two_years, tmp_path, capsys):
    """A third year with nothing changed turns 2023's unrectified items into 连续两年未整改."""
    db, _, out_2023 = two_years
    copy = tmp_path / "store.db"
    with sqlite3.connect(db) as source, sqlite3.connect(copy) as target:  # the WAL holds recent runs: copy through SQLite
        source.backup(target)
    folder = tmp_path / "2024"
    folder.mkdir()
    for path in sorted((ROOT / "examples" / "xiangshan-2023").glob("*.json")):
        doc = SCRIPT.next_year(json.loads(path.read_text(encoding="utf-8")))
        (folder / path.name).write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    assert main(["score", str(folder), "--out", str(tmp_path / "out"), "--db", str(copy), "--formats", "md"]) == 0
    capsys.readouterr()
    danxi_2023 = {i["criterion"]: i["status"] for i in cards(out_2023)["丹西街道"]["rectification"]}
    danxi_2024 = {i["criterion"]: i["status"] for i in cards(tmp_path / "out")["丹西街道"]["rectification"]}
    twice = {c for c, s in danxi_2023.items() if s == "unrectified"}
    assert twice and {c for c, s in danxi_2024.items() if s == "unrectified_twice"} == twice
    assert "XX-D01" in danxi_2024 and danxi_2024["XX-D01"] == "unrectified"  # partly fixed in 2023, unchanged since


def test_workers_read_last_year_from_the_store_as_one_process_does(two_years, tmp_path, capsys):
    """--jobs 2 (forked workers, each with its own read-only connection) writes the same scorecards with the same 整改 items."""
    db, _, out_2023 = two_years
    copy = tmp_path / "store.db"
    with sqlite3.connect(db) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    out = tmp_path / "jobs2"
    assert main(["score", str(ROOT / "examples" / "xiangshan-2023"), "--out", str(out), "--db", str(copy), "--jobs", "2", "--formats", "md"]) == 0
    capsys.readouterr()
    for path in sorted((out_2023 / "townships").iterdir()):
        assert (out / "townships" / path.name).read_bytes() == path.read_bytes()
