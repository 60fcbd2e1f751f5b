import copy
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).parent))

import toyplugin  # noqa: E402

from evalkit.evaluator import Evaluator  # noqa: E402
from evalkit.plugins import make_plugin_manager  # noqa: E402

SECTIONS = [
    {"title": "一、主要举措", "kind": "measures"},
    {"title": "二、存在不足", "kind": "shortcomings"},
    {"title": "三、第一责任人履职", "kind": "first_responsibility"},
    {"title": "四、下一年度安排", "kind": "plan"},
]


def toy_doc(sections=SECTIONS, date="2023-02-20", **values):
    """A toy submission with the given item values."""
    return {
        "subject": {"name": "测试镇", "level": "镇", "county": "象山县"},
        "year": 2022,
        "report": {"title": "测试镇2022年度法治政府建设情况的报告", "date": date, "sections": copy.deepcopy(sections)},
        "items": {k.replace("_", "."): {"value": v} for k, v in values.items()},
    }


@pytest.fixture
def toy_pm():
    """A fresh plugin manager with the defaults and the toy plugin only."""
    return make_plugin_manager(load_entrypoints=False, plugins=[toyplugin])


@pytest.fixture
def toy(toy_pm):
    """An evaluator over the toy plugin with the default profile."""
    return Evaluator(toy_pm)


def score_toy(evaluator, doc, **kwargs):
    return evaluator.evaluate(evaluator.validate(doc, "toy.json"), **kwargs)


@pytest.fixture
def example_path():
    return ROOT / "examples" / "xianxiang-2022" / "submission.json"


@pytest.fixture
def write_json(tmp_path):
    def write(doc, name="doc.json"):
        path = tmp_path / name
        path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
        return path

    return write


@pytest.fixture
def entry_point(tmp_path, monkeypatch):
    """Install a plugin module as an `evalkit` entry point of a fake distribution."""

    def install(name, source, dist=None):
        dist = dist or f"evalkit-{name}"
        module = f"evalkit_test_{name}"
        (tmp_path / f"{module}.py").write_text(source, encoding="utf-8")
        info = tmp_path / f"{dist.replace('-', '_')}-9.9.dist-info"
        info.mkdir()
        (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: 9.9\n", encoding="utf-8")
        (info / "entry_points.txt").write_text(f"[evalkit]\n{name} = {module}\n", encoding="utf-8")
        monkeypatch.syspath_prepend(str(tmp_path))
        monkeypatch.delitem(sys.modules, module, raising=False)
        return module

    return install


def load_script(name: str):
    """A script of scripts/ (no .py suffix) as a module."""
    import importlib.machinery
    import importlib.util

    loader = importlib.machinery.SourceFileLoader(name.replace("-", "_"), str(ROOT / "scripts" / name))
    spec = importlib.util.spec_from_loader(loader.name, loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def two_years(tmp_path_factory):
    """The 2022 and 2023 county examples scored into one store: (store path, outputs of 2022, of 2023)."""
    from evalkit.cli import main

    folder = tmp_path_factory.mktemp("two-years")
    db = folder / "象山县.db"
    for year in (2022, 2023):
        code = main(["score", str(ROOT / "examples" / f"xiangshan-{year}"), "--out", str(folder / str(year)), "--db", str(db)])
        assert code == 0
    return db, folder / "2022", folder / "2023"


@pytest.fixture(scope="session")
def made(tmp_path_factory):
    """The 贤庠镇 report as .docx, .doc, .odt, .rtf, .wps, .pdf and scans, made by the tests
    themselves with python-docx, LibreOffice and pdftoppm; skips where those are missing."""
    import shutil

    import made as made_

    missing = [p for p in ("soffice", "pdftoppm") if shutil.which(p) is None]
    if missing:
        pytest.skip(f"needs {' and '.join(missing)}: run scripts/install-packages as root")
    return made_.Made(tmp_path_factory.mktemp("made"))


CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
]


@pytest.fixture(scope="module")
def browser():
    """Debian's headless chromium through Playwright, once per test module; skipped, with the reason, where it is missing."""
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not at /usr/bin/chromium; run scripts/install-packages")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright for Python is not installed: pip install -e '.[test]'")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()
