"""``evalkit new-plugin NAME``: a working plugin distribution with a passing test suite."""

from __future__ import annotations

import re
import shutil
import string
import sys
import tempfile
from importlib.resources import files
from pathlib import Path

from evalkit.errors import InputError
from evalkit.messages import text

NAME = re.compile(r"^[a-z][a-z0-9_]{0,30}$")
LAYOUT = {
    "pyproject.toml.tmpl": "pyproject.toml",
    "README.md.tmpl": "README.md",
    "__init__.py.tmpl": "src/evalkit_{name}/__init__.py",
    "items.yaml.tmpl": "src/evalkit_{name}/items.yaml",
    "criteria.yaml.tmpl": "src/evalkit_{name}/criteria.yaml",
    "extractors.yaml.tmpl": "src/evalkit_{name}/extractors.yaml",
    "test_plugin.py.tmpl": "tests/test_{name}.py",
}


def add(subparsers, common, lang: str) -> None:
    parser = subparsers.add_parser("new-plugin", parents=[common], help=text("help_new_plugin", lang), description=text("help_new_plugin_description", lang))
    parser.add_argument("name", metavar="NAME", help=text("help_new_plugin_name", lang))
    parser.add_argument("--dir", default=".", metavar="DIR", help=text("help_new_plugin_dir", lang))
    parser.set_defaults(func=run)


def run(args) -> int:
    if not NAME.match(args.name):
        raise InputError("bad_plugin_name", name=args.name)
    target = Path(args.dir) / f"evalkit-{args.name}"
    if target.exists():
        raise InputError("plugin_dir_exists", file=str(target))
    try:
        create(args.name, target)
    except OSError as exc:
        raise InputError("output_unwritable", file=str(target), detail=exc.strerror or type(exc).__name__) from None
    print(text("plugin_created", args.lang, path=target, name=args.name), file=sys.stderr)
    return 0


def create(name: str, target: Path) -> None:
    """Write the plugin into a staging folder, then move it to ``target`` whole."""
    values = {"name": name, "upper": name.upper()}
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}."))
    try:
        for template, relative in LAYOUT.items():
            source = (files("evalkit") / "scaffold" / template).read_text("utf-8")
            path = staging / relative.format(name=name)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(string.Template(source).substitute(values), encoding="utf-8")
        staging.chmod(0o755)
        staging.rename(target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
