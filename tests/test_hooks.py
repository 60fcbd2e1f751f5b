"""One test per hook: a plugin implementing it changes what evalkit does."""

import io
import re
from decimal import Decimal
from pathlib import Path

from conftest import score_toy, toy_doc

from evalkit import Category, Criterion, Finding, Format, ItemSpec, Kind, Measure, Profile, Rubric, RuleKind, Severity, Status, hookimpl, hookspecs
from evalkit.evaluator import Evaluator
from evalkit.plugins import make_plugin_manager

import toyplugin


def evaluator(*plugins, profile=None):
    return Evaluator(make_plugin_manager(load_entrypoints=False, plugins=[toyplugin, *plugins]), profile=profile)


class Extra:
    """A plugin adding one item and one bonus criterion that uses it."""

    @hookimpl
    def register_items(self):
        return [ItemSpec("extra.award", "示范称号", None, {"type": "boolean"})]

    @hookimpl
    def register_criteria(self):
        criterion = Criterion("E-1", "获评示范", "E", Kind.BONUS, 2, {"kind": "flag", "item": "extra.award"}, "依据", "整改")
        return [Rubric([Category("E", "额外", 9)], [criterion])]


def test_hook_register_items():
    """A registered item enters the composed schema, and its value is validated."""
    ev = evaluator(Extra())
    assert "extra.award" in ev.submission_schema["properties"]["items"]["properties"]
    loaded = ev.validate(toy_doc(extra_award=True), "x")
    assert loaded.submission.value("extra.award") is True


def test_hook_register_criteria():
    """A registered criterion is scored beside the others."""
    card = score_toy(evaluator(Extra()), toy_doc(extra_award=True))
    extra = next(r for r in card.results if r.criterion == "E-1")
    assert extra.points == 2 and extra.plugin == "Extra"


def test_hook_register_rule_kinds():
    """A plugin's rule kind scores a criterion that names it."""

    class Always:
        @hookimpl
        def register_rule_kinds(self):
            return [RuleKind("always_half", lambda rule, case: Measure(Status.PARTIAL, Decimal("0.5"), reason="一半"))]

        @hookimpl
        def register_criteria(self):
            return [Rubric([Category("H", "半分", 9)], [Criterion("H-1", "半", "H", Kind.BASE, 4, {"kind": "always_half"}, "b", "r")])]

    card = score_toy(evaluator(Always()), toy_doc())
    assert next(r for r in card.results if r.criterion == "H-1").points == 2


def test_hook_register_profiles():
    """A registered profile can be selected by name."""

    class Yearly:
        @hookimpl
        def register_profiles(self):
            return [Profile("xs-2023", overrides={"T-A2": {"points": 20}}, digest="sha256:" + "0" * 64)]

    ev = evaluator(Yearly(), profile="xs-2023")
    assert next(c for c in ev.plan.criteria if c.id == "T-A2").points == 20


def test_hook_register_formats():
    """A registered format writes a scorecard to the stream it is given."""

    class Csvish:
        @hookimpl
        def register_formats(self):
            return [Format("total", "总分", lambda card, stream, lang: stream.write(f"{card.total}\n"))]

    ev = evaluator(Csvish())
    stream = io.StringIO()
    ev.catalog.formats["total"].write(score_toy(ev, toy_doc()), stream, "zh")
    assert re.fullmatch(r"[0-9.]+\n", stream.getvalue())


def test_hook_check_report():
    """A check's findings reach the scorecard; a check that raises becomes a finding naming it."""

    class Checks:
        @hookimpl
        def check_report(self, submission):
            return [Finding("toy-check", Severity.INFO, f"检查了{submission.subject.name}")]

    class Broken:
        @hookimpl
        def check_report(self, text):
            raise ValueError("坏检查")

    card = score_toy(evaluator(Checks(), Broken()), toy_doc())
    codes = {f.code: f.message for f in card.findings}
    assert codes["toy-check"] == "检查了测试镇"
    assert "Broken" in codes["check-failed"] and "坏检查" in codes["check-failed"]


def test_hook_register_commands(capsys):
    """A plugin's command is added to the command line and runs."""
    from evalkit.cli import build_parser

    class Hello:
        @hookimpl
        def register_commands(self, subparsers):
            parser = subparsers.add_parser("hello")
            parser.set_defaults(func=lambda args: print("你好") or 0)

    args = build_parser(make_plugin_manager(load_entrypoints=False, plugins=[Hello()])).parse_args(["hello"])
    assert args.func(args) == 0 and capsys.readouterr().out == "你好\n"


def test_every_hook_has_a_test():
    """Every hook in hookspecs.py has a test_hook_<name> in this module."""
    hooks = {name for name in dir(hookspecs) if name.startswith(("register_", "check_"))}
    tests = {name.removeprefix("test_hook_") for name in globals() if name.startswith("test_hook_")}
    tests |= _tests_elsewhere()
    assert hooks <= tests, f"hooks without a test: {sorted(hooks - tests)}"


def _tests_elsewhere() -> set[str]:
    found = set()
    for path in Path(__file__).parent.glob("test_*.py"):
        found |= set(re.findall(r"^def test_hook_(\w+)\(", path.read_text("utf-8"), re.M))
    return found


def test_hookspecs_are_documented_in_full():
    """Every hook has a docstring that says what to return."""
    for name in dir(hookspecs):
        if name.startswith(("register_", "check_")):
            doc = getattr(hookspecs, name).__doc__
            assert doc and (":return:" in doc or "subparsers" in doc), name


def test_registration_hook_returning_the_wrong_thing_is_named():
    """A registration hook returning something other than a list of the right objects names the plugin."""
    import pytest

    from evalkit.catalog import build_catalog
    from evalkit.errors import PluginError

    class Wrong:
        @hookimpl
        def register_items(self):
            return [{"id": "x.y"}]

    with pytest.raises(PluginError) as caught:
        build_catalog(make_plugin_manager(load_entrypoints=False, plugins=[Wrong()]))
    assert "Wrong" in caught.value.message() and "ItemSpec" in caught.value.message()


def test_a_plugin_extends_the_superseded_laws_table(tmp_path):
    """A plugin's own table of superseded laws, in data/superseded.yaml's shape, drives the same check."""
    from evalkit.default_plugins.checks import load_law_table, outdated_citations

    table = tmp_path / "laws.yaml"
    table.write_text("superseded:\n  - {cited: 浙江省信访条例(旧), current: 《浙江省信访条例》, since: \"2022-01-01\"}\n", encoding="utf-8")

    class Provincial:
        @hookimpl
        def check_report(self, submission, text):
            return outdated_citations(submission, text, load_law_table(table))

    doc = toy_doc()
    doc["report"]["citations"] = ["《浙江省信访条例(旧)》"]
    findings = score_toy(evaluator(Provincial()), doc).findings
    assert any(f.code == "outdated-citation" and "浙江省信访条例" in f.message for f in findings)


def test_a_law_superseded_after_the_report_year_is_no_finding(tmp_path):
    """A row of the superseded table counts only in reports on its own year or later: the 2015—2020 纲要 is current in 2020."""
    doc = toy_doc()
    doc["year"], doc["report"]["date"] = 2020, "2021-02-01"
    doc["report"]["citations"] = ["《法治政府建设实施纲要(2015-2020年)》"]
    findings = score_toy(evaluator(), doc).findings
    assert not any(f.code == "outdated-citation" for f in findings)
    doc["year"], doc["report"]["date"] = 2022, "2023-02-01"
    assert any(f.code == "outdated-citation" for f in score_toy(evaluator(), doc).findings)
