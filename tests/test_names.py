"""Names as a person should see them: GBK file names, escapes, look-alikes and colliding stems."""

import json
import os

from evalkit.batch import batch_warnings
from evalkit.ranking import Scored
from evalkit.township import Stems, process_one
from evalkit.cli import ExitCode, main
from evalkit.errors import InputError
from evalkit.evaluator import Evaluator
from evalkit.names import has_invisible, printable, same_name_key, shown
from evalkit.testing import synthetic_submissions

GBK_NAME = os.fsdecode("象山".encode("gbk")) + ".json"  # as Python lists a GBK name on a UTF-8 system


def _docs(count: int, *names: str) -> list[dict]:
    docs = list(synthetic_submissions(Evaluator().catalog.items, count, seed=3))
    for doc, name in zip(docs, names):
        doc["subject"]["name"] = name
    return docs


def test_a_gbk_file_name_is_shown_decoded():
    """A file name in GBK bytes is shown as its Chinese characters."""
    assert shown(GBK_NAME) == "象山.json" and shown("石浦.json") == "石浦.json"


def test_terminal_escapes_and_controls_are_made_visible():
    """An escape sequence, a control or a bidi override never reaches the terminal raw."""
    assert printable("镇\x1b[2J\x9b\u202e") == "镇\\u001b[2J\\u009b\\u202e"


def test_look_alike_names_share_a_key_and_are_flagged():
    """Zero-width and full-width spellings of one name compare equal; the hidden ones are flagged."""
    assert same_name_key("测\u200b试镇") == same_name_key("测试镇") == same_name_key("测试镇\u200d")
    assert has_invisible("测\u202e试镇") and not has_invisible("测试镇")


def test_a_batch_with_a_gbk_file_name_scores_it_and_names_it(capsys, tmp_path):
    """A folder unzipped from a Chinese Windows zip is scored, the GBK file named correctly."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name, doc in zip([GBK_NAME, "b.json"], _docs(2, "甲镇", "乙镇")):
        (folder / name).write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    assert main(["score", str(folder), "--out", str(tmp_path / "out")]) == ExitCode.OK
    rows = (tmp_path / "out" / "ranking.csv").read_text("utf-8-sig")
    assert "象山.json" in rows and "\\udc" not in rows
    assert "Traceback" not in capsys.readouterr().err


def test_an_error_names_a_gbk_file_readably(tmp_path):
    """The message of a file that cannot be read shows its GBK name decoded."""
    error = InputError("file_empty", file=str(tmp_path / GBK_NAME))
    assert "象山.json" in error.message()


def test_look_alike_townships_are_warned_about():
    """The same township spelt with a zero-width space in another file is a duplicate, and flagged."""
    scored = [Scored(f"{i}.json", f"s{i}", name, "镇", 1, 1, 2022, None) for i, name in enumerate(["测试镇", "测\u200b试镇"])]
    warnings = batch_warnings(scored, ())
    assert any("出现在多个文件中" in w and "0.json" in w and "1.json" in w for w in warnings)
    assert any("不可见字符" in w and "\\u200b" in w for w in warnings)


def test_stems_never_collide():
    """A township named like another's numbered stem, or differing only in case, gets its own file."""
    names = Stems()
    stems = [names.next(n) for n in ["甲镇", "甲镇", "甲镇-2", "A镇", "a镇", "甲/镇", "甲_镇"]]
    assert len({s.casefold() for s in stems}) == len(stems)


def test_an_internal_error_in_a_batch_names_its_file(tmp_path, monkeypatch):
    """A defect while scoring one file fails that file, and its message names the file."""
    evaluator = Evaluator()
    path = tmp_path / "甲.json"
    path.write_text(json.dumps(_docs(1, "甲镇")[0], ensure_ascii=False), encoding="utf-8")
    monkeypatch.setattr(evaluator, "score", lambda *a, **k: 1 / 0)
    failure = process_one(evaluator, path)
    assert str(path) in failure.message and "ZeroDivisionError" in failure.message


def test_a_terminal_escape_in_a_name_is_shown_not_obeyed(capsys, tmp_path):
    """A township named with a C1 escape and a bidi override prints them as visible escapes."""
    path = tmp_path / "a.json"
    path.write_text(json.dumps(_docs(1, "甲\x9b2J镇\u202e")[0], ensure_ascii=False), encoding="utf-8")
    main(["check", str(path)])
    out = capsys.readouterr().out
    assert "甲\\u009b2J镇\\u202e" in out and "\x9b" not in out and "\u202e" not in out


def test_a_batch_ranking_on_the_terminal_shows_escapes(capsys, tmp_path):
    """The ranking table and the warnings printed by `evalkit score` hold no raw escape."""
    folder = tmp_path / "in"
    folder.mkdir()
    for index, doc in enumerate(_docs(2, "乙\x9b2J镇", "丙\u200b镇")):
        (folder / f"{index}.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    main(["score", str(folder), "--out", str(tmp_path / "out")])
    out, err = capsys.readouterr()
    assert "乙\\u009b2J镇" in out and "\\u200b" in err
    assert not any(ch in out + err for ch in "\x9b\u200b")
