"""Finding a report's township and year wherever the report shows them (report/identity.py, report/structure.py)."""

import pytest

from evalkit.report import identity, structure

BODY = "一、主要举措和成效\n全年开展法治讲座4次。\n"


@pytest.mark.parametrize(
    "text, name, county, found_in",
    [
        ("象山县贤庠镇人民政府关于2022年度法治政府建设情况的报告\n" + BODY, "贤庠镇", "象山县", "title"),
        ("长丰街道2023年法治政府建设年度报告\n" + BODY, "长丰街道", None, "title"),
        ("首页 > 政务公开\n发布机构：白沙乡人民政府\n" + BODY, "白沙乡", None, "page"),
        ("县委、县政府：\n" + BODY + "中共河口县青山镇委员会\n2024年1月20日\n", "青山镇", "河口县", "signature"),
        ("市委、市政府：\n2023年，红岩镇坚持依法行政。\n" + BODY, "红岩镇", None, "opening"),
        ("2023年以来，我街道扎实推进法治建设。\n" + BODY * 20 + "柳湾街道办事处统筹推进。柳湾街道办事处督促落实。\n", "柳湾街道", None, "text"),
    ],
)
def test_name_is_found_wherever_the_report_shows_it(text, name, county, found_in):
    """Title, page metadata, 落款, opening sentence and the unit named in the text each give the township."""
    parsed = structure.parse(text)
    assert (parsed.name, parsed.county, parsed.name_from) == (name, county, found_in)


@pytest.mark.parametrize(
    "text, name, found_in",
    [
        ("县委、县政府：\n2023年，青石镇党委、政府立足乡域实际推进法治建设。\n" + BODY, "青石镇", "opening"),
        ("市委：\n2024年，石湾镇党委坚持依法执政，推动镇域经济发展。\n" + BODY, "石湾镇", "opening"),
        ("我镇全年推进依法行政。\n" + BODY * 20 + "一是成立红枫镇法治政府建设工作领导小组。\n", "红枫镇", "text"),
        ("我乡坚持依法行政。\n" + BODY * 20 + "二是调整金竹乡依法治乡委员会成员。\n", "金竹乡", "text"),
        ("区委：\n2023年，围绕柳塘镇发展大局推进法治建设。\n" + BODY, "柳塘镇", "opening"),
        ("区委：\n2022年，我镇推进依法行政，结合石桥镇的特点开展以案释法。\n" + BODY, "石桥镇", "opening"),
        ("我镇推进依法行政。\n" + BODY * 20 + "充分发挥镇委党校作用。制定《中共红枫镇委2022年普法工作方案》。\n", "红枫镇", "text"),
        ("广州市白云区东乡街道办事处关于2023年法治政府建设情况的报告\n" + BODY, "东乡街道", "title"),
        ("我街推进依法行政。\n" + BODY * 20 + "制定《青松街2021年依法治街工作要点》，修订《青松街“三重一大”议事规则》。\n", "青松街", "text"),
        ("我街推进依法行政。\n" + BODY * 20 + "一是制定《青松街2022年普法工作要点》。二是街道党工委带头学法。\n", "青松街", "text"),
    ],
)
def test_a_name_is_never_a_word_for_the_area_or_a_verb(text, name, found_in):
    """乡域/镇域 and verbs before a name (围绕, 结合, 充分发挥) name no township; a body that names itself only before
    法治/依法治, or a 街 only in its own documents' titles (even beside 二是街道…), still gives its name; a 街道
    may be named 东乡."""
    parsed = structure.parse(text)
    assert (parsed.name, parsed.name_from) == (name, found_in)


@pytest.mark.parametrize(
    "text",
    [
        "市委：\n2023年，立足乡域实际，推进法治建设。\n" + BODY,
        "我镇持续推进依法行政。\n" + BODY + "进一步推动在镇法治建设领导小组的统一领导下开展工作。\n",
        "我镇持续推进依法行政。\n" + BODY * 20 + "整治步行街2023年出现的占道经营。\n",
        "全市城乡街道关于2023年法治政府建设工作的报告\n" + BODY,
        "我街道推进依法行政。\n" + BODY * 20 + "二是街道党工委带头学法。三是街道办事处依法决策。\n",
        "我街道推进依法行政。\n" + BODY * 20 + "及时召开街道党工委会议研究法治工作。\n",
    ],
)
def test_an_area_word_or_a_verb_before_the_level_is_no_name(text):
    """立足乡域, 推动在镇, a 步行街 in a 镇's text, 城乡街道 an enumerator (二是街道党工委) and a verb (召开街道党工委会议) are no township:
    no name is better than a wrong one."""
    assert structure.parse(text).name is None


def test_name_from_the_file_name_when_the_text_has_none():
    """A report that never names itself takes its name from the file, as a batch's files are named."""
    parsed = structure.parse("我镇全年开展法治讲座4次。\n", "材料/石门镇-2023.txt")
    assert (parsed.name, parsed.level, parsed.name_from, parsed.year, parsed.year_from) == ("石门镇", "镇", "file", 2023, "file")


def test_level_from_how_the_text_speaks_of_itself():
    """With no name anywhere, 我乡 still tells the level."""
    parsed = structure.parse("我乡全年开展法治讲座4次。全乡村干部参加培训。\n")
    assert (parsed.name, parsed.level) == (None, "乡")


@pytest.mark.parametrize("generic", ["各乡镇人民政府", "全镇人民政府", "天津市静海区人民政府", "XX镇人民政府"])
def test_generic_words_are_not_names(generic):
    """各乡镇, 全镇, a district's government and a template's XX镇 name no township."""
    assert identity.split_name(generic) is None


@pytest.mark.parametrize(
    "text, year, found_in",
    [
        ("东坪镇2022年度法治政府建设情况报告\n" + BODY, 2022, "title"),
        ("区委、区政府：\n2021年，东坪镇坚持以习近平法治思想为指导。\n" + BODY, 2021, "opening"),
        ("东坪镇法治政府建设情况报告\n" + BODY + "东坪镇人民政府\n2024年2月1日\n", 2023, "signature"),
        ("东坪镇法治政府建设情况报告\n发布时间：2025-03-10 10:21\n" + BODY, 2024, "page"),
        ("东坪镇法治政府建设情况报告\n" + BODY + "东坪镇人民政府\n2025年12月20日\n", 2025, "signature"),
    ],
)
def test_year_is_found_wherever_the_report_shows_it(text, year, found_in):
    """The title, the opening sentence, the signing date and the page's date each give the year; a report signed at the year's end is about that year."""
    parsed = structure.parse(text)
    assert (parsed.year, parsed.year_from) == (year, found_in)


def test_a_paragraph_is_never_the_title():
    """A long first line is body text: the title is the short line that names a report, or nothing."""
    long_line = "2023年，某地坚持以习近平新时代中国特色社会主义思想为指导，" * 6
    assert structure.parse(long_line + "\n" + BODY).title == ""
    assert structure.parse("首页 > 信息公开\n索引号：123456789012345678\n东坪镇2023年法治政府建设年度报告\n" + BODY).title == "东坪镇2023年法治政府建设年度报告"


def test_a_long_name_standing_as_the_opening_subject_is_taken_whole():
    """A six-character name (a transliterated 镇 name) as the subject of the opening sentence is the township."""
    parsed = structure.parse("2024年，阿克托别克镇坚持依法行政，全面推进法治建设。\n" + BODY)
    assert (parsed.name, parsed.level, parsed.name_from) == ("阿克托别克镇", "镇", "opening")


def test_a_heading_line_is_never_glued_onto_a_name():
    """A name opening the line after a heading is read alone, not with the heading's last words."""
    text = "区委、区政府：\n2025年以来，我镇稳步推进法治建设。\n一、完善工作体制机制\n南湾镇加强组织领导，全年开展法治讲座4次。\n"
    assert structure.parse(text).name == "南湾镇"


def test_a_street_named_only_in_a_compound_noun_is_a_guess():
    """A 街道 named only in 'X街道幼儿园' is taken when the text speaks of itself as 全街, and marked as a guess."""
    text = "一、主要举措和成效\n完成柏树街道幼儿园移交工作。全街全年开展法治讲座4次。\n"
    parsed = structure.parse(text)
    assert (parsed.name, parsed.level, parsed.name_from) == ("柏树街道", "街道", "compound")
    assert structure.parse(text.replace("全街", "全镇")).name is None  # a 镇 report naming a street's school names no township


@pytest.mark.parametrize("name, county", [("插旗镇", None), ("城区街道", None), ("正蓝旗上都镇", "正蓝旗"), ("象山县贤庠镇", "象山县")])
def test_a_name_ending_like_a_county_is_still_a_name(name, county):
    """A township named 插旗 or 城区 is not a county (旗, 区) with nothing after it; a real county is still cut off."""
    found = identity.split_name(name)
    assert found is not None and (name.endswith(found[0]), found[2]) == (True, county)
