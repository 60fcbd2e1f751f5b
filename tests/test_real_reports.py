"""The real-reports benchmark (benchmarks/real_reports.py) counts what it says, on a label and text written here."""

import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import real_reports  # noqa: E402

TEXT = """首页 > 政务公开
索引号：000014349/2024-00077 发布时间：2024-02-06 10:12
青禾镇2023年法治政府建设情况报告
2023年，青禾镇全年开展法治讲座6次，审查合同18份，发放资料900余份。
贯彻《法治政府建设实施纲要(2022—2025年)》。
"""
LABEL = {
    "id": "xx-qinghe-2023", "township": "青禾镇", "level": "镇", "county": "某县", "province": "某省", "year": 2023,
    "text_shows_name": True, "text_shows_year": True,
    "figures": [
        {"value": 6, "unit": "次", "approx": None, "item": "publicity.sessions", "cue": "全年开展法治讲座"},
        {"value": 18, "unit": "份", "approx": None, "item": "review.contracts_reviewed", "cue": "审查合同"},
        {"value": 900, "unit": "份", "approx": "余", "item": "publicity.displays", "cue": "发放资料"},
    ],
    "furniture": [{"value": "000014349/2024-00077", "kind": "index_no"}],
    "defects": [{"code": "wrong-title", "note": "纲要 cited as 2022—2025"}, {"code": "template-leftover", "note": "none in fact"}],
}


def test_the_benchmark_counts_against_the_labels(tmp_path, capsys):
    """Refusals, names, years, figures seen, items right and wrong, defects found and missed are each counted."""
    (tmp_path / "texts").mkdir()
    (tmp_path / "labels").mkdir()
    (tmp_path / "texts" / "xx-qinghe-2023.txt").write_text(TEXT, "utf-8")
    (tmp_path / "labels" / "xx-qinghe-2023.yaml").write_text(yaml.safe_dump(LABEL, allow_unicode=True), "utf-8")
    assert real_reports.main([str(tmp_path / "texts"), "--labels", str(tmp_path / "labels")]) == 0
    lines = {line[:24].strip(): line[24:].strip() for line in capsys.readouterr().out.splitlines()}
    assert lines["refused"] == "0"
    assert lines["name right (shown)"].startswith("1.000") and lines["year right (shown)"].startswith("1.000")
    assert lines["figures seen"] == "1.000 (3/3)"
    assert lines["item precision"] == "0.667 (2/3)" and lines["item recall"] == "0.667 (2/3)"
    assert lines["furniture as figures"] == "0"
    assert lines["defects found"] == "0.500 (1/2)" and lines["false alarms"].startswith("0 in 0")


def test_verbose_lists_page_furniture_read_as_figures(tmp_path, capsys):
    """A furniture value the reader takes as a figure is counted and named in the -v listing."""
    label = {**LABEL, "figures": LABEL["figures"][:2], "furniture": [{"value": "900余份", "kind": "other"}]}
    (tmp_path / "texts").mkdir()
    (tmp_path / "labels").mkdir()
    (tmp_path / "texts" / "xx-qinghe-2023.txt").write_text(TEXT, "utf-8")
    (tmp_path / "labels" / "xx-qinghe-2023.yaml").write_text(yaml.safe_dump(label, allow_unicode=True), "utf-8")
    real_reports.main([str(tmp_path / "texts"), "--labels", str(tmp_path / "labels"), "-v"])
    out = capsys.readouterr().out
    assert "页面信息读作数字：900余份" in out
    assert "furniture as figures    1" in out


KEYS = ["id", "url", "query", "township", "level", "county", "province", "year", "title", "text_shows_name",
        "text_shows_year", "headings", "figures", "furniture", "defects"]


def _item_ids() -> set[str]:
    catalog = ROOT / "plugins" / "xianxiang" / "src" / "evalkit_xianxiang" / "items.yaml"
    ids = {item["id"] for item in yaml.safe_load(catalog.read_text("utf-8"))["items"]}
    return ids | {item["id"] for item in yaml.safe_load((real_reports.LABELS / "items.yaml").read_text("utf-8"))["items"]}


def test_tuned_and_held_out_labels_follow_one_format():
    """All nine label sets use the same keys, levels, item ids and defect codes, and leave out 浙江 and 重庆."""
    ids = _item_ids() | {"none"}
    names = ("heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7", "heldout8")
    for folder in (real_reports.LABELS, *(real_reports.LABELS / name for name in names)):
        for label in real_reports.labels(folder):
            assert list(label) == KEYS, label["id"]
            assert label["level"] in {"乡", "镇", "街道"} and label["province"] not in {"浙江省", "重庆市"}
            assert all(figure["item"] in ids and len(figure["cue"]) <= 8 for figure in label["figures"]), label["id"]
            assert all(defect["code"] in real_reports.DEFECTS for defect in label["defects"]), label["id"]
            assert all(len(heading) <= 40 for heading in label["headings"]), label["id"]
            assert label["township"] or not label["text_shows_name"], label["id"]


def test_held_out_set_is_apart_from_the_tuned_set():
    """The default run never reads the held-out labels, and no held-out township or page is in the tuned set."""
    tuned = real_reports.labels(real_reports.LABELS)
    held_out = real_reports.labels(real_reports.LABELS / "heldout")
    assert len(held_out) >= 15
    assert not {label["id"] for label in tuned} & {label["id"] for label in held_out}
    assert not {label["township"] for label in tuned} & {label["township"] for label in held_out}
    assert not {label["url"] for label in tuned} & {label["url"] for label in held_out}


def test_second_held_out_set_is_apart_from_the_other_two():
    """The second held-out set has at least 20 reports and shares no id, township or page with the other sets."""
    others = real_reports.labels(real_reports.LABELS) + real_reports.labels(real_reports.LABELS / "heldout")
    second = real_reports.labels(real_reports.LABELS / "heldout2")
    assert len(second) >= 20
    for key in ("id", "township", "url"):
        assert not {label[key] for label in others} & {label[key] for label in second}, key


HELD_OUT = ("heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7", "heldout8")


@pytest.mark.parametrize("index, least", [(2, 20), (3, 20), (4, 20), (5, 5), (6, 10), (7, 10)])
def test_each_later_held_out_set_is_apart_from_every_set_before_it(index, least):
    """Held-out sets 3 to 8 each hold enough reports and share no id, township, page or query with the sets before them."""
    others = [label for name in ("", *HELD_OUT[:index]) for label in real_reports.labels(real_reports.LABELS / name)]
    later = real_reports.labels(real_reports.LABELS / HELD_OUT[index])
    assert len(later) >= least
    for key in ("id", "township", "url", "query"):
        assert not {label[key] for label in others} & {label[key] for label in later} - {None}, key
