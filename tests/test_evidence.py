"""How sure a figure's item is: the evidence an item declares, read around the figure (report/evidence.py)."""

import pytest

from evalkit import ItemSpec
from evalkit.errors import PluginError
from evalkit.report.evidence import doubt, lacks
from evalkit.report.extraction import report_figures
from evalkit.report.structure import parse
from evalkit.rubrics import load_items

LAW = "法|宪"
SPEC = ItemSpec("t.study", "学法次数", "次", {"type": "integer"}, evidence={"topic": LAW, "who": "班子|中心组", "others": "干部", "units": ["次"]})


def figure(text: str, written: str):
    """The figure written ``written`` in ``text``, as the reader finds it."""
    return next(f for f in report_figures(text, parse(text)) if f.text == written), text


@pytest.mark.parametrize(("text", "written", "missing"), [
    ("班子成员集中学法6次。", "6次", ()),
    ("坚持学习宪法，班子成员专题学习6次。", "6次", ()),  # the topic earlier in the sentence
    ("班子成员专题学习6次，学习法律法规12部。", "6次", ()),  # the topic later in the sentence
    ("班子成员专题学习6次。", "6次", ("topic",)),
    ("全年集中学法6次。", "6次", ("who",)),
    ("班子成员和机关干部集中学法6次。", "6次", ("alone",)),
    ("班子成员集中学法6期。", "6期", ("unit",)),
    ("全年专题学习6期。", "6期", ("topic", "who", "unit")),
])
def test_a_mapping_lacks_what_its_item_asks_for_and_nothing_else(text, written, missing):
    """Topic and participants are read in the figure's sentence, rivals in its clause, the unit on the figure."""
    found, text = figure(text, written)
    assert lacks(found, SPEC, text) == missing


def test_the_sentence_before_is_no_evidence():
    """Law named in the sentence before does not vouch for a figure in the next one."""
    found, text = figure("推进法治建设。班子成员专题学习6次。", "6次")
    assert lacks(found, SPEC, text) == ("topic",)


def test_an_item_without_evidence_is_always_sure():
    """An item that declares no evidence, or no item at all, marks nothing."""
    found, text = figure("全年专题学习6期。", "6期")
    assert lacks(found, ItemSpec("t.other", "其他", "次", {"type": "integer"}), text) == ()
    assert lacks(found, None, text) == ()


def test_a_doubtful_mapping_is_marked_for_review_with_what_it_lacks():
    """The mark is needs_review with reason mapping and the missing evidence; a sure mapping gets none."""
    found, text = figure("全年集中学法6次。", "6次")
    assert doubt(found, SPEC, text) == {"needs_review": {"reason": "mapping", "lacks": ["who"]}}
    found, text = figure("中心组集中学法6次。", "6次")
    assert doubt(found, SPEC, text) == {}


def test_a_sentence_that_never_ends_is_read_only_so_far():
    """Evidence after a figure is looked for within a bounded reach, so a huge sentence costs bounded work."""
    text = "班子成员专题学习6次" + "，" * 5000 + "学习宪法"
    found, text = figure(text, "6次")
    assert lacks(found, SPEC, text) == ("topic",)


def test_items_name_their_topic_from_the_files_vocabularies(tmp_path):
    """An item's topic names one of the file's topics; an unknown topic is a plugin error that names it."""
    path = tmp_path / "items.yaml"
    path.write_text('topics:\n  law: "法"\nitems:\n  - {id: t.a, title: 学法次数, schema: {type: integer}, evidence: {topic: law}}\n', encoding="utf-8")
    assert load_items(path)[0].evidence == {"topic": "法"}
    path.write_text('topics:\n  law: "法"\nitems:\n  - {id: t.a, title: 学法次数, schema: {type: integer}, evidence: {topic: 法律}}\n', encoding="utf-8")
    with pytest.raises(PluginError) as error:
        load_items(path)
    assert "法律" in error.value.full_message() and "t.a" in error.value.full_message()


def test_every_kind_of_lacking_evidence_is_worded_in_both_languages():
    """Each code the submission schema allows in ``lacks`` has its words for `extract` and `check`."""
    from evalkit import schemas
    from evalkit.messages import text

    codes = schemas.load("submission")["$defs"]["item"]["properties"]["needs_review"]["properties"]["lacks"]["items"]["enum"]
    assert set(codes) == {"topic", "who", "alone", "unit"}
    assert all(text(f"mapping_lacks_{code}", lang) for code in codes for lang in ("zh", "en"))


def test_extractors_name_a_topic_of_their_file_as_their_around(tmp_path):
    """An extractor's topic is one rule kept once in the file's topics; an unknown topic is a plugin error that names it."""
    from evalkit.rubrics import load_extractors

    path = tmp_path / "extractors.yaml"
    path.write_text('topics:\n  law_subject: "法"\nextractors:\n  - {item: t.a, pattern: "学习", topic: law_subject}\n', encoding="utf-8")
    assert load_extractors(path)[0].around == "法"
    path.write_text('topics:\n  law_subject: "法"\nextractors:\n  - {item: t.a, pattern: "学习", topic: 法律}\n', encoding="utf-8")
    with pytest.raises(PluginError) as error:
        load_extractors(path)
    assert "法律" in error.value.full_message() and "t.a" in error.value.full_message()
