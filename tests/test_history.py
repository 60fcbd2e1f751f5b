"""`evalkit history` and `evalkit compare`: two years from one store show exactly what changed,
and years scored by different rubrics are never silently compared."""

import json

import pytest
from conftest import ROOT, load_script

from evalkit.cli import ExitCode, main

SCRIPT = load_script("make-county-example-2023")


def run(capsys, *argv):
    code = main([*map(str, argv)])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def test_compare_shows_exactly_the_townships_the_script_changed(two_years, capsys):
    """Totals rise for the townships the script fixed, fall for the one it made slip, and stay for the rest."""
    db, _, _ = two_years
    code, out, _ = run(capsys, "compare", 2022, 2023, "--db", db, "--format", "json")
    found = json.loads(out)
    assert code == ExitCode.OK and found["comparable"] and found["rubric_changes"] == []
    changes = {t["name"]: t["change"] for t in found["townships"]}
    improved = set(SCRIPT.FIXED) | set(SCRIPT.PARTLY)
    assert {n for n, c in changes.items() if c > 0} == improved
    assert {n for n, c in changes.items() if c < 0} == set(SCRIPT.SLIPPING)
    assert len(changes) == 18 and all(changes[n] == 0 for n in set(changes) - improved - set(SCRIPT.SLIPPING))
    slipped = next(t for t in found["townships"] if t["name"] in SCRIPT.SLIPPING)
    assert slipped["rank_change"] < 0 and [m["id"] for m in slipped["moved"]] == ["E", "J"]


def test_compare_table_is_chinese_and_says_totals_compare(two_years, capsys):
    """The table names both years, says the rubric is the same, and lists the categories that moved."""
    db, _, _ = two_years
    code, out, _ = run(capsys, "compare", 2022, 2023, "--db", db)
    assert code == ExitCode.OK and out.startswith("2022 与 2023 年度对比：两年评分办法相同，总分可直接比较")
    danxi = next(line for line in out.splitlines() if line.startswith("丹西街道"))
    assert "59.17" in danxi and "66.67" in danxi and "+7.5" in danxi and "行政执法 +3" in danxi


def test_history_gives_each_year_with_its_rank_and_rectification(two_years, capsys):
    """丹西街道's two years: totals, ranks, and 2023's 整改 tally as the script made it."""
    db, _, _ = two_years
    code, out, _ = run(capsys, "history", "丹西街道", "--db", db, "--format", "json")
    found = json.loads(out)
    assert code == ExitCode.OK and found["township"] == "丹西街道" and found["county"] == "象山县"
    assert [(y["year"], y["total"], y["rank"], y["of"]) for y in found["years"]] == [(2022, 59.17, 10, 18), (2023, 66.67, 3, 18)]
    assert found["years"][0]["rectification"] == {} and found["years"][1]["rectification"] == {"rectified": 2, "partly": 1, "unrectified": 24}
    code, table, _ = run(capsys, "history", "丹西街道", "--db", db)
    assert table.startswith("丹西街道（象山县，街道）历年评分") and "已整改 2，部分整改 1，未整改 24" in table


def test_years_scored_by_different_rubrics_compare_as_percentages_and_name_the_changes(two_years, tmp_path, capsys):
    """A 2023 scored with XX-D01 worth more: compare names XX-D01, compares percentages and says totals are not comparable."""
    import sqlite3

    db = tmp_path / "store.db"
    with sqlite3.connect(two_years[0]) as source, sqlite3.connect(db) as target:
        source.backup(target)
    profile = tmp_path / "2023.yaml"
    profile.write_text("id: xiangshan-2023\noverrides:\n  XX-D01:\n    points: 6\n", encoding="utf-8")
    assert run(capsys, "score", ROOT / "examples" / "xiangshan-2023", "--out", tmp_path / "out", "--db", db, "--profile", profile, "--formats", "csv")[0] == 0
    code, out, _ = run(capsys, "compare", 2022, 2023, "--db", db, "--format", "json")
    found = json.loads(out)
    assert not found["comparable"] and found["compared_by"] == "percent" and found["profile_changed"]
    assert found["rubric_changes"] == [{"criterion": "XX-D01", "title": "合法性审查覆盖率", "change": "changed", "fields": ["points"]}]
    _code, table, _ = run(capsys, "compare", 2022, 2023, "--db", db)
    assert "总分不可直接比较，以下比较得分率" in table and "XX-D01 合法性审查覆盖率（分值有变化）" in table and "2023 得分率（%）" in table
    assert "变化最大的类别（得分率，百分点）" in table
    _code, history, _ = run(capsys, "history", "贤庠镇", "--db", db)
    assert "2023 年度的评分办法与上一年不同" in history


def test_a_name_shared_by_two_counties_asks_for_the_county(tmp_path, capsys):
    """Two 丹西街道 in different counties: history asks for --county, and with it shows one."""
    folder = tmp_path / "in"
    folder.mkdir()
    for county in ("象山县", "宁海县"):
        doc = json.loads((ROOT / "examples" / "xiangshan-2022" / "02-丹西街道.json").read_text(encoding="utf-8"))
        doc["subject"]["county"] = county
        (folder / f"{county}.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    db = tmp_path / "s.db"
    assert run(capsys, "score", folder, "--out", tmp_path / "out", "--db", db, "--formats", "csv")[0] == 0
    code, _out, err = run(capsys, "history", "丹西街道", "--db", db)
    assert code == ExitCode.USAGE and "宁海县、象山县" in err and "--county" in err
    code, _out, err = run(capsys, "history", "丹西街道", "--db", db, "--lang", "en")
    assert code == ExitCode.USAGE and "宁海县, 象山县" in err and "、" not in err
    code, out, _err = run(capsys, "history", "丹西街道", "--db", db, "--county", "宁海县", "--format", "json")
    assert code == ExitCode.OK and json.loads(out)["county"] == "宁海县" and len(json.loads(out)["years"]) == 1


@pytest.mark.parametrize("argv, message", [
    (["history", "丹西街道"], "没有指定成绩库"),
    (["history", "丹西街道", "--db", "{tmp}/无.db"], "成绩库不存在"),
    (["history", "无名镇", "--db", "{db}"], "成绩库中没有“无名镇”的评分"),
    (["compare", "2022", "2030", "--db", "{db}"], "成绩库中没有 2030 年度的评分（已有年度：2022、2023）"),
])
def test_a_missing_store_township_or_year_is_a_chinese_usage_error(two_years, tmp_path, capsys, monkeypatch, argv, message):
    """Exit 2 with a Chinese message naming what is missing."""
    monkeypatch.delenv("EVALKIT_DB", raising=False)
    code, _out, err = run(capsys, *(a.format(tmp=tmp_path, db=two_years[0]) for a in argv))
    assert code == ExitCode.USAGE and message in err


def test_rubric_changes_name_every_criterion_added_removed_or_changed_by_id():
    """Points, cap, kind, category and rule changes are named by field; a new and a dropped criterion are named too."""
    from decimal import Decimal

    from evalkit.history import RubricChange, rubric_changes
    from evalkit.store.read import CriterionRow

    def row(cid, points="2", cap=None, kind="base", category="A", rule=None):
        return CriterionRow(cid, f"指标{cid}", category, kind, Decimal(points), cap, rule or {"kind": "flag", "item": "x"})

    before = {"K1": row("K1"), "K2": row("K2"), "K3": row("K3"), "K4": row("K4", kind="deduction", cap=Decimal(3)), "K5": row("K5")}
    after = {"K1": row("K1"), "K2": row("K2", points="3"), "K3": row("K3", rule={"kind": "flag", "item": "y"}, category="B"),
             "K4": row("K4", kind="deduction", cap=Decimal(5)), "K6": row("K6")}
    assert rubric_changes(before, after) == (
        RubricChange("K2", "指标K2", "changed", ("points",)), RubricChange("K3", "指标K3", "changed", ("category", "rule")),
        RubricChange("K4", "指标K4", "changed", ("cap",)), RubricChange("K5", "指标K5", "removed"), RubricChange("K6", "指标K6", "added"),
    )
