"""What a plugin author meets: the scaffold, a third-party plugin installed with pip, and
messages that name the plugin and the place for every mistake."""

import json
import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from evalkit.cli import ExitCode, main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "xianxiang-2022" / "submission.json"


class Venv:
    """A throwaway virtual environment that sees this environment's packages (evalkit, pip,
    setuptools) through a .pth file, so installing a plugin into it needs no network."""

    def __init__(self, path: Path):
        subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(path)], check=True)
        self.python = path / "bin" / "python"
        site = subprocess.check_output([self.python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], text=True).strip()
        parent = sysconfig.get_paths()["purelib"]  # addsitedir, so that its editable-install .pth files run too
        Path(site, "evalkit-parent.pth").write_text(f"import site; site.addsitedir({parent!r})\n", encoding="utf-8")

    def pip_install(self, project: Path):
        command = [self.python, "-m", "pip", "install", "-q", "--no-deps", "--no-build-isolation", "--disable-pip-version-check", "-e", str(project)]
        subprocess.run(command, check=True, capture_output=True)

    def run(self, *args, env=None, cwd=None):
        environment = {**os.environ, **(env or {})}
        return subprocess.run([self.python, *args], capture_output=True, text=True, env=environment, cwd=cwd)

    def evalkit(self, *args, env=None):
        return self.run("-m", "evalkit", *args, env=env)


@pytest.fixture(scope="module")
def venv(tmp_path_factory):
    return Venv(tmp_path_factory.mktemp("venv") / "env")


def test_new_plugin_installs_passes_its_tests_and_scores(venv, tmp_path):
    """new-plugin, pip install -e, its own tests pass, `plugins` lists it, `check` scores its criterion."""
    assert main(["new-plugin", "demo", "--dir", str(tmp_path)]) == ExitCode.OK
    project = tmp_path / "evalkit-demo"
    venv.pip_install(project)
    tests = venv.run("-m", "pytest", "-q", "-p", "no:cacheprovider", str(project / "tests"), cwd=project)
    assert tests.returncode == 0, tests.stdout + tests.stderr
    listed = json.loads(venv.evalkit("plugins", "--json").stdout)
    assert {row["name"] for row in listed} >= {"demo", "xianxiang"}
    card = json.loads(venv.evalkit("check", str(EXAMPLE), "--format", "json").stdout)
    assert any(r["criterion"] == "DEMO-01" and r["plugin"] == "demo" for r in card["results"])


def test_new_plugin_refuses_bad_names_and_existing_folders(capsys, tmp_path):
    """A bad name or an existing folder is a usage error that changes nothing."""
    assert main(["new-plugin", "Bad-Name", "--dir", str(tmp_path)]) == ExitCode.USAGE
    assert "插件名" in capsys.readouterr().err
    (tmp_path / "evalkit-demo").mkdir()
    assert main(["new-plugin", "demo", "--dir", str(tmp_path)]) == ExitCode.USAGE
    assert list((tmp_path / "evalkit-demo").iterdir()) == []


def test_second_plugin_is_found_scored_beside_xianxiang_and_removable(venv, tmp_path):
    """The digital plugin installs with pip, adds its block, its format and its per-township letter,
    and EVALKIT_LOAD_PLUGINS removes it."""
    venv.pip_install(ROOT / "tests" / "plugins" / "evalkit-digital")
    card = json.loads(venv.evalkit("check", str(EXAMPLE), "--format", "json").stdout)
    plugins = {r["plugin"] for r in card["results"]}
    assert {"digital", "xianxiang"} <= plugins
    assert any(p["name"] == "digital" and p["version"] == "0.2.0" for p in card["meta"]["plugins"])
    brief = venv.evalkit("check", str(EXAMPLE), "--format", "brief")
    assert brief.returncode == 0 and brief.stdout.startswith("贤庠镇\t")
    scored = venv.evalkit("score", str(ROOT / "examples" / "xiangshan-2022"), "--out", str(tmp_path / "out"), "--formats", "letter")
    assert scored.returncode == 0, scored.stderr
    assert len(list((tmp_path / "out" / "townships").glob("*-反馈意见.docx"))) == 18
    only = json.loads(venv.evalkit("check", str(EXAMPLE), "--format", "json", env={"EVALKIT_LOAD_PLUGINS": "xianxiang"}).stdout)
    assert {r["plugin"] for r in only["results"]} == {"xianxiang"}


BAD_CRITERIA = """
from importlib.resources import files
from pathlib import Path
from evalkit import hookimpl, load_rubric

@hookimpl
def register_criteria():
    return [load_rubric(Path(__file__).with_name("{file}"))]
"""


def _criteria_plugin(entry_point, tmp_path, name, yaml_text):
    file = f"{name}-criteria.yaml"
    (tmp_path / file).write_text(yaml_text, encoding="utf-8")
    entry_point(name, BAD_CRITERIA.replace("{file}", file))
    return file


CRITERION = """  - id: {id}
    title: 测试
    category: Z
    kind: base
    points: {points}
    rule: {rule}
    basis: 依据
    remediation: 整改
"""


def _yaml(*criteria, total=None):
    head = f"base_total: {total}\n" if total is not None else ""
    return head + "categories:\n  - {id: Z, title: 测试类}\ncriteria:\n" + "".join(criteria)


@pytest.mark.parametrize(
    "yaml_text, words",
    [
        (_yaml(CRITERION.format(id="Z-1", points=1, rule="{kind: count}")), ["Z-1", "count", "item"]),
        (_yaml(CRITERION.format(id="Z-1", points=1, rule="{kind: guess, item: x}")), ["Z-1", "guess", "不存在的规则类型"]),
        (_yaml(CRITERION.format(id="Z-1", points=-1, rule="{kind: manual}")), ["criteria.schema.json", "$.criteria[0].points"]),
        (_yaml(CRITERION.format(id="Z-1", points=3, rule="{kind: manual}"), total=5), ["基本分合计为 3", "5"]),
        (_yaml(CRITERION.format(id="XX-A01", points=1, rule="{kind: manual}")), ["XX-A01", "xianxiang"]),
        (_yaml(CRITERION.format(id="Z-1", points=1, rule="{kind: count, item: nobody.knows}")), ["nobody.knows", "未声明"]),
        ("categories: [\n", ["YAML", "行"]),
    ],
    ids=["bad-rule-params", "unknown-rule-kind", "schema", "base-total", "duplicate-id", "unknown-item", "yaml-syntax"],
)
def test_plugin_mistakes_name_the_plugin_and_the_place(capsys, entry_point, tmp_path, yaml_text, words):
    """Each mistake in a criteria file stops the run with a message naming the plugin and where."""
    file = _criteria_plugin(entry_point, tmp_path, "faulty", yaml_text)
    code = main(["criteria"])
    err = capsys.readouterr().err
    assert code == ExitCode.PLUGIN and "Traceback" not in err
    assert "faulty" in err
    for word in words:
        assert word in err
    if "schema" in words[0] or "YAML" in words:
        assert file in err


def test_exception_in_a_plugin_rule_makes_that_criterion_error(capsys, entry_point):
    """A plugin's rule kind that raises makes its criterion `error` naming the plugin; the run goes on."""
    entry_point("raising", '''
from evalkit import Category, Criterion, Kind, Rubric, RuleKind, hookimpl

def explode(rule, case):
    raise KeyError("缺字段")

@hookimpl
def register_rule_kinds():
    return [RuleKind("explode", explode)]

@hookimpl
def register_criteria():
    return [Rubric([Category("R", "会出错的类")], [Criterion("R-1", "出错", "R", Kind.BASE, 1, {"kind": "explode"}, "b", "r")])]
''')
    assert main(["check", str(EXAMPLE), "--format", "json"]) == ExitCode.OK
    card = json.loads(capsys.readouterr().out)
    failed = next(r for r in card["results"] if r["criterion"] == "R-1")
    assert failed["status"] == "error" and "raising" in failed["reason"] and "缺字段" in failed["reason"]
    assert any(r["status"] != "error" for r in card["results"])


def test_trace_plugins_prints_hook_calls(capsys, monkeypatch):
    """EVALKIT_TRACE_PLUGINS=1 traces every hook call, with its plugin, to stderr."""
    monkeypatch.setenv("EVALKIT_TRACE_PLUGINS", "1")
    main(["check", str(EXAMPLE)])
    err = capsys.readouterr().err
    assert "[evalkit] register_criteria() → xianxiang" in err
    assert "[evalkit] check_report(submission, text, lang) → evalkit.default_plugins.report_checks" in err


def test_duplicate_criterion_ids_between_plugins(capsys, entry_point):
    """Two plugins declaring one criterion id: the message names both plugins."""
    entry_point("copycat", '''
from evalkit import Category, Criterion, Kind, Rubric, hookimpl

@hookimpl
def register_criteria():
    return [Rubric([Category("CC", "抄")], [Criterion("XX-A01", "抄", "CC", Kind.BASE, 1, {"kind": "manual"}, "b", "r")])]
''')
    assert main(["criteria"]) == ExitCode.PLUGIN
    err = capsys.readouterr().err
    assert "XX-A01" in err and "xianxiang" in err and "copycat" in err
