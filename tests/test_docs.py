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
