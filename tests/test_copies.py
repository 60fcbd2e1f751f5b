"""Copy detection finds the same pairs as comparing every report with every other, from an index."""

import random

from evalkit.copies import copied_reports, fingerprint, shingle_sets

from workcount import calls

WORDS = ("依法行政 合法性审查 矛盾纠纷 调解 普法 宣传 村社 法律顾问 行政执法 重大决策 复议 诉讼 信访 公开 监督 "
         "培训 干部 学法 制度 清单 网格 平安 乡村 治理 服务 群众 企业 规范 文件 备案 台账 考核 整改 队伍 建设").split()


def _report(rng: random.Random, words: int = 120) -> str:
    return "，".join(rng.choice(WORDS) for _ in range(words)) + "。"


def _batch(count: int, seed: int = 5) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    texts = [(f"第{n}镇", _report(rng)) for n in range(count)]
    for n in range(0, count - 1, 50):  # every fiftieth township copies the next one's report, nearly whole
        texts[n] = (texts[n][0], texts[n + 1][1][:-40] + _report(rng, 5))
    return texts


def _printed(texts: list[tuple[str, str]]) -> list:
    return [(name, fingerprint(name, body)) for name, body in texts]


def _brute_force(texts, threshold=0.5):
    sets = shingle_sets([f for _, f in _printed(texts)])
    return {(i, j) for i in sets for j in sets if i != j and sets[i] and len(sets[i] & sets[j]) / len(sets[i]) >= threshold}


def test_the_index_finds_exactly_the_pairs_all_pairs_would():
    """The shingle index flags the same reports, against the same townships, as the all-pairs comparison."""
    texts = _batch(120)
    found = copied_reports(_printed(texts))
    pairs = {(i, f.quote) for i, findings in found.items() for f in findings}
    expected = _brute_force(texts)
    assert expected and pairs == {(i, texts[j][0]) for i, j in expected}


def test_800_reports_cost_about_twice_400():
    """Doubling the batch about doubles the work, rather than quadrupling it."""
    small = calls(copied_reports, _printed(_batch(400)))
    assert calls(copied_reports, _printed(_batch(800)), budget=2.6 * small) > 0


def test_a_fingerprint_drops_its_own_township_name():
    """A copy that swapped the other township's name for its own has the other's fingerprint."""
    body = "贤庠镇全面推进依法行政，贤庠镇党委书记带头学法，全镇开展法治宣传二十三场次。" * 3
    copy = body.replace("贤庠", "墙头")
    assert fingerprint("墙头镇", copy) == fingerprint("贤庠镇", body) != fingerprint("贤庠镇", copy)
