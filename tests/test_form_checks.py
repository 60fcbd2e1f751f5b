"""The reviewer's form checks (default_plugins/form_checks.py) and the year and 七五普法 checks beside them."""

import itertools

import pytest

from evalkit.evaluator import Evaluator

HEAD = "南塘镇{year}年法治政府建设情况报告\n一、{year}年主要举措和成效\n"


def _codes(tmp_path, body, year=2023):
    path = tmp_path / "南塘镇.txt"
    path.write_text(HEAD.format(year=year) + body, "utf-8")
    ev = Evaluator()
    return [f.code for f in ev.evaluate(ev.load(path)).findings]


@pytest.mark.parametrize(
    "body, code",
    [
        ("20XX年，XX镇开展法治讲座＊＊次。\n", "template-leftover"),
        ("我镇街认真落实各项工作。\n", "template-leftover"),
        ("全年受理群众来信 件，均按期办结。\n", "template-leftover"),
        ("全镇化解矛盾纠纷　起。\n", "template-leftover"),
        ("全年投入普法经费XX万元。\n", "template-leftover"),
        ("贯彻《法治政府建设实施纲要(2022—2025年)》。\n", "wrong-title"),
        ("落实“八五”普法规划（2021-2026年）。\n", "wrong-title"),
        ("落实《党政主要负责人履行法治建设第一责任人职责规定》。\n", "wrong-title"),
        ("修订《青松街党政主要负责人履行推进法治建设第一负责人职责规定》。\n", "wrong-title"),
        ("学习《有组织犯罪法》。\n", "wrong-title"),
        ("重点学习《宪法》《土地法》等法律。\n", "wrong-title"),
        ("学习《中华人民共和国环保法》。\n", "wrong-title"),
        ("对照《法治政府建设与责任落实督查工作规定》开展自查。\n", "wrong-title"),
        ("深入落实《法治浙江建设规划(2020—2025年)》。\n", "wrong-title"),
        ("贯彻《乡村振兴法》，推动乡村全面振兴。\n", "wrong-title"),
        ("严格执行《重大行政决策程序规定》。\n", "wrong-title"),
        ("学习《反家暴法》和《中华人民共和国政府信息公开法》。\n", "wrong-title"),
        ("组织学习《防疫法》。\n", "wrong-title"),
        ("学习《统计法》《知识产权法》等法律。\n", "wrong-title"),
        ("组织学习《物业管理法》。\n", "wrong-title"),
        ("宣传《中华人民共和国消防安全法（2021年修订）》。\n", "wrong-title"),
        ("立足乡域实际推进法治建设。\n", "wrong-level-wording"),
        ("推动法治建设与乡域经济同步发展。\n", "wrong-level-wording"),
        ("深入推进“七五”普法。\n", "outdated-citation"),
        ("坚持每年开展法治讲座不少于4次。\n", "plan-as-result"),
        ("坚持每两个月召开一次学法会，全年共召开5次。\n", "frequency-contradiction"),
    ],
)
def test_each_defect_is_found(tmp_path, body, code):
    """Each kind of defect a reviewer flags gives its finding."""
    assert code in _codes(tmp_path, body)


@pytest.mark.parametrize(
    "body",
    [
        "贯彻《法治政府建设实施纲要(2021—2025年)》和《法治中国建设规划（2020－2025年）》。\n",
        "落实《党政主要负责人履行推进法治建设第一责任人职责规定》。\n",
        "学习《中华人民共和国反有组织犯罪法》。\n",
        "对照《法治政府建设与责任落实督察工作规定》开展自查。\n",
        "坚持每季度召开一次学法会，全年共召开4次。\n",
        "二〇二三年，全镇开展法治讲座12次，发放资料X份以上的说法不再使用。\n".replace("X份以上的说法不再使用", "800份"),
        "按照《广东省法治政府建设实施纲要(2021—2025年)》推进。\n",
        "重点学习《中华人民共和国土地管理法》《环境保护法》。\n",
        "贯彻《中华人民共和国乡村振兴促进法》和《重大行政决策程序暂行条例》。\n",
        "对照《广东省重大行政决策程序规定》完善程序。\n",
        "统筹城乡发展，做强镇域经济。\n",
        "学习《中华人民共和国动物防疫法》和《中华人民共和国专利法》，普及知识产权法律知识。\n",
        "全年受理群众来信 12 件，开展“法律进乡村” 活动。\n",
        "全年办理信访事项8件 ，均按期办结。\n",
        "学习《宪法》《民法典》《行政处罚法》和《中华人民共和国行政许可法》。\n",
        "学习《中华人民共和国行政处罚法（2021年修订）》和《安全生产法(2021修正)》。\n",
        "学习新修订的《保密法》和《新行政复议法》。\n",
        "制定《南塘镇合同管理办法》，执行《信访工作条例》和《浙江省物业管理条例》。\n",
        "执行《宁波市文明行为促进法》，推广《三步调解法》，组织收看《今日说法》。\n",
        "对照《美国宪法》的条文，讲清我国《宪法》的不同。\n",
    ],
)
def test_correct_wording_gives_no_false_alarm(tmp_path, body):
    """Correct titles, a count that fits its frequency and plain text give none of these findings."""
    form = {"template-leftover", "wrong-title", "outdated-citation", "plan-as-result", "frequency-contradiction", "wrong-level-wording"}
    assert not form & set(_codes(tmp_path, body))


def test_a_plan_under_next_years_heading_is_not_a_result(tmp_path):
    """每年…不少于 under 下一步 is where a plan belongs."""
    assert "plan-as-result" not in _codes(tmp_path, "全年开展讲座4次。\n二、下一步工作安排\n每年开展法治讲座不少于4次。\n")


def test_a_heading_naming_another_year_is_a_year_mismatch(tmp_path):
    """一、2024年…成效 in the 2025 report is flagged; the plan's 2026 is not."""
    codes = _codes(tmp_path, "全年开展讲座4次。\n二、2026年工作计划\n继续开展讲座。\n", year=2025)
    assert codes.count("year-mismatch") == 0
    path = tmp_path / "北塘镇.txt"
    path.write_text("北塘镇2025年法治政府建设情况报告\n一、2024年主要举措和成效\n全年开展讲座4次。\n", "utf-8")
    ev = Evaluator()
    assert "year-mismatch" in {f.code for f in ev.evaluate(ev.load(path)).findings}


def test_the_old_goal_is_outdated_from_the_year_the_new_one_was_issued(tmp_path):
    """廉洁高效、守法诚信 as the aim of 2021 is flagged (the 纲要 of August 2021 replaced it); in 2020 it was current."""
    body = "围绕“职能科学、权责法定、执法严明、公开公正、廉洁高效、守法诚信”目标推进。\n"
    assert "outdated-citation" in _codes(tmp_path, body, year=2021)
    assert "outdated-citation" not in _codes(tmp_path, body, year=2020)


@pytest.mark.parametrize(
    "title, body",
    [
        ("青林乡2023年法治政府建设情况报告", "服务镇域经济发展。"),
        ("城东街道2023年法治政府建设情况报告", "立足乡域实际，做强镇域经济。"),
    ],
)
def test_another_levels_area_word_is_flagged(tmp_path, title, body):
    """A 乡 writing 镇域, or a 街道 writing 乡域/镇域, uses another level's words."""
    path = tmp_path / "report.txt"
    path.write_text(f"{title}\n一、2023年主要举措和成效\n{body}\n", "utf-8")
    ev = Evaluator()
    assert "wrong-level-wording" in [f.code for f in ev.evaluate(ev.load(path)).findings]


def test_a_misnamed_regulation_is_called_a_document_not_a_law(tmp_path):
    """A 规定 cited for a 条例 is a misnamed document; a law's wrong name is a misnamed law."""
    path = tmp_path / "南塘镇.txt"
    path.write_text(HEAD.format(year=2023) + "执行《重大行政决策程序规定》，学习《乡村振兴法》。\n", "utf-8")
    ev = Evaluator()
    messages = [f.message for f in ev.evaluate(ev.load(path)).findings if f.code == "wrong-title"]
    assert sorted(m[:6] for m in messages) == ["文件名称有误", "法律名称有误"]


def _findings(tmp_path, body, year=2023):
    path = tmp_path / "南塘镇.txt"
    path.write_text(HEAD.format(year=year) + body, "utf-8")
    ev = Evaluator()
    return ev.evaluate(ev.load(path)).findings


def test_a_law_name_that_names_no_law_is_flagged_once_with_its_line(tmp_path):
    """《物业管理法》 is no law: one finding, on the line it first stands, naming the title."""
    found = [f for f in _findings(tmp_path, "全年开展讲座4次。\n宣传《物业管理法》。\n再次宣传《物业管理法》。\n") if f.code == "wrong-title"]
    assert [(f.line, f.message) for f in found] == [(4, "法律名称有误：《物业管理法》不是任何一部现行国家法律的名称，请核对后引用法律的正式名称")]


def test_the_law_clearly_meant_is_named(tmp_path):
    """A name one step from a real one (《未成年人权益保护法》) names the law meant; in English too."""
    body = "学习《未成年人权益保护法》。\n"
    [zh] = [f.message for f in _findings(tmp_path, body) if f.code == "wrong-title"]
    assert zh.endswith("所指的可能是《中华人民共和国未成年人保护法》")
    path = tmp_path / "南塘镇.txt"
    ev = Evaluator(lang="en")
    [en] = [f.message for f in ev.evaluate(ev.load(path)).findings if f.code == "wrong-title"]
    assert en == "a law is misnamed: 《未成年人权益保护法》 is the name of no national law in force; it may mean 《中华人民共和国未成年人保护法》"


@pytest.mark.parametrize("body", ["学习《婚姻法》。\n", "学习《中华人民共和国合同法》。\n", "学习《土地承包法》。\n"])
def test_an_outdated_law_is_reported_once_by_its_own_finding(tmp_path, body):
    """A law replaced by the 民法典, or 土地承包法, is outdated (superseded.yaml), not also no law."""
    codes = [f.code for f in _findings(tmp_path, body)]
    assert codes.count("outdated-citation") == 1 and "wrong-title" not in codes


def test_a_law_of_the_misnamed_table_is_reported_once(tmp_path):
    """《乡村振兴法》 gets titles.yaml's finding, which names the law meant, and no second one."""
    found = [f.message for f in _findings(tmp_path, "学习《乡村振兴法》。\n") if f.code == "wrong-title"]
    assert found == ["法律名称有误：《乡村振兴法》，应为《中华人民共和国乡村振兴促进法》"]


def test_every_recent_law_is_known():
    """Laws of 2021–2025 are in the list, and every short name stands for a law in it."""
    from evalkit.default_plugins.form_checks import laws

    recent = {"反电信网络诈骗法", "家庭教育促进法", "反有组织犯罪法", "无障碍环境建设法", "爱国主义教育法", "粮食安全保障法", "学前教育法", "学位法", "农村集体经济组织法", "能源法", "民营经济促进法"}
    assert recent <= set(laws()["laws"]) and 290 <= len(laws()["laws"]) <= 320


def test_the_law_list_loads_through_the_cache(tmp_path, monkeypatch):
    """laws.yaml is read once into the data cache; a fresh start takes it from there, not from the YAML."""
    from evalkit import rubrics
    from evalkit.default_plugins import form_checks

    monkeypatch.setenv("EVALKIT_CACHE", str(tmp_path))
    form_checks.laws.cache_clear()
    try:
        first = form_checks.laws()
        assert list(tmp_path.glob("*.json"))
        form_checks.laws.cache_clear()
        monkeypatch.setattr(rubrics, "_read", lambda *args: pytest.fail("read the YAML again"))
        assert form_checks.laws() == first
    finally:
        form_checks.laws.cache_clear()


def test_many_titles_cost_bounded_work():
    """A text of thousands of made-up law names is read in one pass; each name is reported once."""
    from evalkit.default_plugins.form_checks import unknown_laws

    names = ["《" + "".join(stems) + "保护法》" for stems in itertools.product("甲乙丙丁戊己庚辛壬癸", repeat=3)]
    findings = unknown_laws("标题\n" + "、".join(names * 3) + "。\n")
    assert len(findings) == 1000 and {f.line for f in findings} == {2}
