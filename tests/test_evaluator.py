"""Unknown items are dropped in one pass and named up to a bound, the rest counted."""

from conftest import toy_doc

from evalkit.evaluator import UNKNOWN_SHOWN

from workcount import calls


def test_many_unknown_items_are_filtered_linearly_and_listed_up_to_a_bound(toy):
    """20,000 unknown items cost a bounded number of calls each and give UNKNOWN_SHOWN + 1 warnings."""
    doc = toy_doc()
    doc["items"] |= {f"nosuch.item{n}": {"value": 1} for n in range(20_000)}
    assert calls(toy._loaded, doc, budget=40 * 20_000) > 0
    loaded = toy._loaded(doc)
    assert len(loaded.warnings) == UNKNOWN_SHOWN + 1 and "另有 19980 个未定义的指标项" in loaded.warnings[-1]
    assert not any(k.startswith("nosuch.") for k in loaded.submission.items)
