"""The command line as a black box: call main([...]), check the exit code, read stdout."""

import gc
import json
import os
import subprocess
import sys

import pytest

from evalkit import cli, schemas
from evalkit.cli import ExitCode, main

PLUGIN_WITH_ITEM = '''
from evalkit import ItemSpec, hookimpl

@hookimpl
def register_items():
    return [ItemSpec("dup.item", "重复项", None, {"type": "integer"})]
'''


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def test_check_prints_total_grade_categories_gaps_and_findings(capsys, example_path):
    """The demo output has every part a reviewer reads, in Chinese."""
    code, out, _ = run(capsys, "check", str(example_path))
    assert code == ExitCode.OK
    for words in ("贤庠镇", "总分", "等次", "类别", "失分清单", "整改建议", "依据", "报告问题"):
        assert words in out


def test_json_scorecard_validates_and_adds_up(capsys, example_path):
    """The JSON scorecard validates against its schema and its categories add up to the total."""
    code, out, _ = run(capsys, "check", str(example_path), "--format", "json")
    card = json.loads(out)
    assert code == ExitCode.OK
    schemas.check(schemas.shipped_validator("scorecard"), card, "scorecard")
    assert round(sum(c["score"] for c in card["categories"]) + card["adjustment"], 2) == card["total"]
    for gap in card["gaps"]:
        assert gap["reason"] and gap["remediation"] and gap["basis"]


def test_same_input_gives_the_same_bytes(capsys, example_path):
    """Two runs on the same input print identical bytes."""
    outputs = {run(capsys, "check", str(example_path), "--format", fmt)[1] for fmt in ("json", "json")}
    assert len(outputs) == 1


def test_fail_under(capsys, example_path):
    """--fail-under exits 1 when the total is below it, 0 otherwise."""
    assert run(capsys, "check", str(example_path), "--fail-under", "100")[0] == ExitCode.FAILED
    assert run(capsys, "check", str(example_path), "--fail-under", "0")[0] == ExitCode.OK


def test_output_file_is_written_whole(capsys, example_path, tmp_path):
    """-o writes the scorecard to a file, with nothing left behind but the file."""
    target = tmp_path / "out" / "card.md"
    assert run(capsys, "check", str(example_path), "--format", "md", "-o", str(target))[0] == ExitCode.OK
    assert target.read_text("utf-8").startswith("# 贤庠镇")
    assert [p.name for p in target.parent.iterdir()] == ["card.md"]


def test_english_output(capsys, example_path):
    """--lang en switches the labels to English."""
    out = run(capsys, "check", str(example_path), "--lang", "en")[1]
    assert "Total" in out and "Gaps" in out and "总分" not in out


def test_unknown_format_is_a_usage_error(capsys, example_path):
    """An unknown --format names the formats there are."""
    code, _, err = run(capsys, "check", str(example_path), "--format", "pdf")
    assert code == ExitCode.USAGE and "table" in err


def test_plugins_lists_xianxiang_with_its_version(capsys):
    """`evalkit plugins` lists the reference plugin, its distribution and its version."""
    code, out, _ = run(capsys, "plugins", "--json")
    rows = {row["name"]: row for row in json.loads(out)}
    assert code == ExitCode.OK
    assert rows["xianxiang"]["distribution"] == "evalkit-xianxiang" and rows["xianxiang"]["version"]
    assert "register_criteria" in rows["xianxiang"]["hooks"]
    assert "xianxiang" in run(capsys, "plugins")[1]


def test_empty_load_plugins_hides_every_third_party_plugin(capsys, monkeypatch):
    """EVALKIT_LOAD_PLUGINS= (empty) loads no entry-point plugin."""
    monkeypatch.setenv("EVALKIT_LOAD_PLUGINS", "")
    rows = json.loads(run(capsys, "plugins", "--json")[1])
    assert all(row["builtin"] for row in rows)


def test_plugin_that_raises_on_import_is_named_and_the_rest_work(capsys, entry_point, example_path):
    """A plugin that cannot be imported is named on stderr; scoring goes on with the others."""
    entry_point("broken", "raise RuntimeError('坏插件')\n")
    code, out, err = run(capsys, "check", str(example_path))
    assert code == ExitCode.OK and "贤庠镇" in out
    assert "broken" in err and "坏插件" in err


def test_duplicate_ids_stop_the_run_naming_both_plugins(capsys, entry_point):
    """Two plugins declaring the same item id stop the run; the message names both."""
    entry_point("one", PLUGIN_WITH_ITEM)
    entry_point("two", PLUGIN_WITH_ITEM)
    code, _, err = run(capsys, "criteria")
    assert code == ExitCode.PLUGIN
    assert "dup.item" in err and "one" in err and "two" in err


def test_misspelt_hook_is_named(capsys, entry_point):
    """A hook implementation with a misspelt name stops the run and names the plugin."""
    entry_point("typo", "from evalkit import hookimpl\n\n@hookimpl\ndef register_critera():\n    return []\n")
    code, _, err = run(capsys, "criteria")
    assert code == ExitCode.PLUGIN and "typo" in err and "register_critera" in err


def test_hook_argument_the_spec_lacks_is_named(capsys, entry_point):
    """An implementation asking for an argument the hook does not have is named."""
    entry_point("badarg", "from evalkit import hookimpl\n\n@hookimpl\ndef check_report(submission, pdf):\n    return []\n")
    code, _, err = run(capsys, "criteria")
    assert code == ExitCode.PLUGIN and "badarg" in err and "pdf" in err


def test_criteria_and_explain(capsys):
    """`criteria` lists every criterion; `explain` shows one with its basis and remediation."""
    code, out, _ = run(capsys, "criteria")
    first = out.splitlines()[2].split()[0]
    assert code == ExitCode.OK
    code, out, _ = run(capsys, "explain", first)
    assert code == ExitCode.OK and "依据" in out and "整改建议" in out
    assert run(capsys, "explain", "NO-SUCH")[0] == ExitCode.USAGE


def test_schema_prints_the_composed_submission_schema(capsys):
    """`schema` prints a valid Draft 2020-12 schema naming every plugin item."""
    from jsonschema import Draft202012Validator

    schema = json.loads(run(capsys, "schema")[1])
    Draft202012Validator.check_schema(schema)
    assert all("allOf" in item for item in schema["properties"]["items"]["properties"].values())
    assert schema["properties"]["items"]["properties"]
    assert json.loads(run(capsys, "schema", "scorecard")[1])["title"] == "evalkit scorecard"


def test_help_documents_exit_codes(capsys):
    """--help lists every exit code."""
    assert main(["--help"]) == ExitCode.OK
    out = capsys.readouterr().out
    assert "用法：" in out and "选项：" in out and "选项" in out and "显示帮助并退出" in out
    for code in ExitCode:
        assert f"  {int(code)}  " in out


def test_reviews_and_profile_from_the_examples(capsys, example_path):
    """The example profile and reviewer's record apply; every review is kept, each result keeps the machine's."""
    folder = example_path.parent
    code, out, _ = run(capsys, "check", str(example_path), "--format", "json",
                       "--profile", str(folder / "profile-2023.yaml"), "--reviews", str(folder / "reviews.yaml"))
    card = json.loads(out)
    assert code == ExitCode.OK and card["meta"]["profile"]["id"] == "xiangshan-2023"
    schemas.check(schemas.shipped_validator("scorecard"), card, "scorecard")
    assert card["reviews"] and card["pending"] == 0
    reviewed = [r for r in card["results"] if "original" in r]
    assert {r["criterion"] for r in reviewed} == {rev["criterion"] for rev in card["reviews"]}


def test_a_usage_error_follows_lang(capsys):
    """A usage error is Chinese with full-width colons, or English under --lang en."""
    assert main(["check"]) == ExitCode.USAGE
    assert capsys.readouterr().err == "evalkit check：用法错误：缺少参数：FILE\n"
    assert main(["check", "--lang", "en"]) == ExitCode.USAGE
    assert capsys.readouterr().err == "evalkit check: usage error: the following arguments are required: FILE\n"


def test_a_reader_that_goes_away_is_no_internal_error():
    """`evalkit schema | head -1`: when the pipe's reader has gone, evalkit stops quietly, exit 0, nothing on stderr."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = subprocess.run([sys.executable, "-m", "evalkit", "schema"], stdout=write_end, stderr=subprocess.PIPE, text=True, timeout=60)
    finally:
        os.close(write_end)
    assert (done.returncode, done.stderr) == (0, "")


#: Libraries and evalkit modules that scoring one township as JSON does not need; importing any of
#: them at start-up is what made `evalkit check` slow (docs/performance.md). The terminal table
#: (the default format) does load tabulate, and tabulate loads wcwidth and importlib.metadata.
NOT_FOR_CHECK = (
    "yaml", "tabulate", "wcwidth", "jsonschema", "referencing", "importlib.metadata", "xlsxwriter", "jinja2",
    "numpy", "openpyxl", "evalkit.batch", "evalkit.ranking", "evalkit.ledger", "evalkit.web", "evalkit.store",
)
IMPORTED = "import sys, json\nfrom evalkit.cli import main\nmain(sys.argv[1:])\nprint(json.dumps(sorted(sys.modules)), file=sys.stderr)\n"


def _imported(tmp_path, file) -> set[str]:
    """The modules a second `evalkit check FILE --format json` in a fresh interpreter has imported (the first fills the cache)."""
    env = dict(os.environ, EVALKIT_CACHE=str(tmp_path / "cache"))
    for _ in range(2):
        done = subprocess.run([sys.executable, "-c", IMPORTED, "check", str(file), "--format", "json"], capture_output=True, text=True, env=env, check=True)
    return set(json.loads(done.stderr.splitlines()[-1]))


def _among(modules: set[str], names) -> set[str]:
    """The modules that are one of ``names`` or inside one of them."""
    return {m for m in modules if any(m == name or m.startswith(name + ".") for name in names)}


def test_check_imports_nothing_it_does_not_use(tmp_path, example_path):
    """A check of a submission loads no YAML, workbook, page, batch or web code, and no report reading."""
    modules = _imported(tmp_path, example_path)
    assert not _among(modules, (*NOT_FOR_CHECK, "evalkit.report.extraction"))
    assert "evalkit.catalog" in modules and "jsonschema_rs" in modules  # what it does use


def test_checking_a_report_imports_its_reading_but_no_more(tmp_path, example_path):
    """A check of a .txt report reads and extracts it, and still loads none of the others."""
    modules = _imported(tmp_path, example_path.parent / "report.txt")
    assert not _among(modules, NOT_FOR_CHECK)
    assert "evalkit.report.extraction" in modules


def test_the_command_exits_with_the_code_of_main(monkeypatch):
    """`evalkit` (cli.run) exits with what main() returned, the run's objects frozen for the exit."""
    monkeypatch.setattr(cli, "main", lambda: ExitCode.PLUGIN)
    try:
        with pytest.raises(SystemExit) as exited:
            cli.run()
        assert exited.value.code == ExitCode.PLUGIN and gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
