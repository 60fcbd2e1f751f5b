"""Reading JSON and YAML documents: expansion and nesting limits answer at once, naming the file."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from evalkit.cli import ExitCode, main
from evalkit.documents import MAX_DEPTH, load_json, load_yaml
from evalkit.errors import InputError
from evalkit.profiles import load_profile
from evalkit.reviews import load_reviews

from workcount import calls, per_character


def alias_bomb() -> str:
    """342 bytes or so: each list holds the previous one nine times, 9⁹ strings once expanded."""
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for prev, cur in zip("abcdefgh", "bcdefghi"):
        lines.append(f"{cur}: &{cur} [{', '.join(['*' + prev] * 9)}]")
    return "\n".join(lines) + "\n"


def test_the_alias_bomb_is_refused_at_once(capsys, tmp_path):
    """`evalkit check` on the nested-alias YAML answers with a Chinese message, not minutes later."""
    path = tmp_path / "炸弹.yaml"
    path.write_text(alias_bomb(), encoding="utf-8")
    assert calls(main, ["check", str(path)], budget=200_000) > 0
    _out, err = capsys.readouterr()
    assert str(path) in err and "不允许使用锚点和别名" in err and "Traceback" not in err
    assert main(["check", str(path)]) == ExitCode.USAGE


@pytest.mark.parametrize("load", [lambda p: load_profile(p), lambda p: load_reviews(p, ())])
def test_profiles_and_reviews_refuse_aliases(tmp_path, load):
    """A profile or a reviews file with an alias is refused with the same message."""
    path = tmp_path / "x.yaml"
    path.write_text("base: &b {weight: 1}\nother: *b\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load(path)
    assert caught.value.file == str(path) and "锚点和别名" in caught.value.message()


def test_a_single_anchor_without_alias_still_reads():
    """An anchor used nowhere changes nothing: the document reads as written."""
    assert load_yaml("a: &x [1, 2]\nb: [1, 2]\n", "x.yaml") == {"a": [1, 2], "b": [1, 2]}


@pytest.mark.parametrize("load, text", [(load_yaml, "[" * 100_000 + "]" * 100_000), (load_yaml, "a:\n" + "".join(f"{' ' * i}- \n" for i in range(0, 140, 2)))])
def test_deep_yaml_is_refused(load, text):
    """YAML nested past the limit, in flow or block style, is refused naming the file."""
    with pytest.raises(InputError) as caught:
        load(text, "deep.yaml")
    assert caught.value.file == "deep.yaml"


def test_deep_json_names_the_limit():
    """JSON nested past the limit names the limit."""
    with pytest.raises(InputError) as caught:
        load_json("[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1), "deep.json")
    assert caught.value.key == "too_deep" and str(MAX_DEPTH) in caught.value.message()


FRAGMENTS = ["a: ", "&x ", "*x", "[", "]", "{", "}", "- ", "\n", "  ", '"', "1", "1e9", ",", "我", ":", "'", "#", "!!str "]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=60), st.integers(1, 2000))
def test_no_document_under_64kb_costs_unbounded_work(parts, repeat):
    """Any YAML or JSON text under 64 KB is read or refused within a bounded number of calls per character."""
    source = ("".join(parts) * repeat)[: 64 * 1024]

    def read(text):
        for load in (load_yaml, load_json):
            try:
                load(text, "x")
            except InputError:
                pass

    assert per_character(read, source, 400)
