"""The docs and the code keep each other honest."""

import inspect
import re
from pathlib import Path

import pytest

from evalkit import hookspecs

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
HOOKS = {name: fn for name, fn in vars(hookspecs).items() if name.startswith(("register_", "check_"))}


def test_every_hook_has_a_section_headed_by_its_exact_signature():
    """docs/plugin_hooks.md has one `## name(args)` heading per hook, and no heading for a hook that is gone."""
    headings = re.findall(r"^## (\w+\(.*\))$", (DOCS / "plugin_hooks.md").read_text("utf-8"), re.M)
    expected = {f"{name}({', '.join(inspect.signature(fn).parameters)})" for name, fn in HOOKS.items()}
    assert set(headings) == expected


def _code_blocks(markdown: str) -> list[str]:
    return re.findall(r"```(?:python|yaml|toml)\n(.*?)```", markdown, re.S)


def test_tutorial_code_is_the_tested_plugins_code():
    """Every code block of the tutorial stands, line for line, in the plugin that the tests install and run."""
    plugin = ROOT / "tests" / "plugins" / "evalkit-digital"
    sources = "\n".join(p.read_text("utf-8") for p in plugin.rglob("*") if p.suffix in (".py", ".yaml", ".toml"))
    blocks = _code_blocks((DOCS / "writing_plugins.md").read_text("utf-8"))
    assert len(blocks) >= 5
    for block in blocks:
        assert block.strip() in sources, block[:80]


@pytest.mark.parametrize("name", ["scoring.md", "township-guide.md", "county-guide.md", "xianxiang.md", "writing_plugins.md", "schemas.md", "performance.md", "web-guide.md"])
def test_docs_exist(name):
    """The guides the README points to are there."""
    assert (DOCS / name).stat().st_size > 500


def test_schema_reference_is_current():
    """docs/schemas.md is what scripts/schema_docs.py renders from the shipped schemas."""
    import sys

    sys.path.insert(0, str(ROOT / "scripts"))
    import schema_docs

    assert (DOCS / "schemas.md").read_text("utf-8") == schema_docs.render()


def test_the_web_guide_shows_pictures_that_are_there():
    """Every picture docs/web-guide.md shows is committed under docs/images/, and small."""
    pictures = re.findall(r"\]\((images/[^)]+\.png)\)", (DOCS / "web-guide.md").read_text("utf-8"))
    assert len(pictures) >= 5
    for picture in pictures:
        assert 0 < (DOCS / picture).stat().st_size < 300_000, picture


def test_xianxiang_criteria_tables_are_current():
    """docs/xianxiang.md's criteria tables are what scripts/xianxiang_docs.py renders from the rubric."""
    import sys

    sys.path.insert(0, str(ROOT / "scripts"))
    import xianxiang_docs

    page = (DOCS / "xianxiang.md").read_text("utf-8")
    assert page.count("<!-- generated: ") == 14
    assert xianxiang_docs.render(page) == page
    drifted = page.replace("| XX-B03 | 党委理论学习中心组学法 | 2 |", "| XX-B03 | 党委理论学习中心组学法 | 3 |")
    assert drifted != page and xianxiang_docs.render(drifted) == page


def _guide_outputs():
    import sys

    sys.path.insert(0, str(ROOT / "scripts"))
    import guide_outputs

    return guide_outputs


@pytest.mark.parametrize("name, count", [("township-guide.md", 9), ("county-guide.md", 9), ("scoring.md", 7)])
def test_guide_outputs_are_what_evalkit_prints(name, count):
    """Every `$ evalkit …` block of the user guides shows what that command prints today (scripts/guide_outputs.py --check)."""
    guide_outputs = _guide_outputs()
    assert len(guide_outputs.blocks(DOCS / name)) == count
    _, drifted, skipped = guide_outputs.survey(DOCS / name)
    assert not drifted, "\n\n".join(drifted)
    if skipped:
        pytest.skip("; ".join(skipped))


def test_a_drifted_output_is_found_and_rewritten(tmp_path):
    """A changed score in a shown output is reported with the block's line, and the rewrite restores what evalkit prints."""
    page = (DOCS / "scoring.md").read_text("utf-8")
    drifted = page.replace("总分：33.44 / 100（33.44%）  等次：合格", "总分：34.44 / 100（34.44%）  等次：合格")
    assert drifted != page
    (tmp_path / "scoring.md").write_text(drifted, encoding="utf-8")
    fresh, found, _ = _guide_outputs().survey(tmp_path / "scoring.md")
    assert len(found) == 1 and "-总分：34.44" in found[0] and "+总分：33.44" in found[0]
    assert fresh == page


def test_an_ellipsis_line_stands_for_any_run_of_lines_and_only_it():
    """`……` matches any run of printed lines, none included; every other shown line must be printed exactly."""
    matches = _guide_outputs().matches
    assert matches(["a", "……", "d"], ["a", "b", "c", "d"]) and matches(["a", "……", "d"], ["a", "d"])
    assert matches(["a", "   ……"], ["a", "b"])
    assert not matches(["a", "……", "d"], ["a", "b", "d", "e"])
    assert not matches(["a", "b"], ["a", "b", "c"]) and not matches(["a:"], ["a："])


def test_the_made_up_files_the_runner_writes_are_the_ones_the_guide_shows():
    """veto.yaml and cond.yaml, which scoring.md shows before running them, are what the runner writes."""
    page = (DOCS / "scoring.md").read_text("utf-8")
    files = _guide_outputs().FILES
    assert files["veto.yaml"] in page and files["cond.yaml"] in page
