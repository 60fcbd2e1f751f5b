"""The command line: ``main(argv) -> int``. Each command has its own small builder."""

from __future__ import annotations

import argparse
import functools
import gc
import os
import re
import sys

from evalkit import __version__
from evalkit.errors import DataError, EvalkitError, PluginError, describe
from evalkit.exitcodes import ExitCode
from evalkit.messages import text


LANGS = ("zh", "en")


class _Usage(Exception):
    """argparse found a usage error."""


class _Formatter(argparse.RawDescriptionHelpFormatter):
    def __init__(self, prog, lang: str = "zh", **kwargs):
        super().__init__(prog, **kwargs)
        self.lang = lang

    def add_usage(self, usage, actions, groups, prefix=None):
        return super().add_usage(usage, actions, groups, text("help_usage", self.lang) if prefix is None else prefix)


class Parser(argparse.ArgumentParser):
    """argparse in the run's language: headings, -h, and usage errors (returned, not exited)."""

    def __init__(self, *args, lang: str = "zh", **kwargs):
        kwargs.setdefault("formatter_class", _Formatter)
        kwargs.update(add_help=False, allow_abbrev=False)
        super().__init__(*args, **kwargs)
        self.lang = lang
        self._positionals.title, self._optionals.title = text("help_arguments", lang), text("help_options", lang)
        self.add_argument("-h", "--help", action="help", help=text("help_help", lang))

    def _get_formatter(self):
        return self.formatter_class(prog=self.prog, lang=self.lang)

    def format_help(self) -> str:
        headings = "|".join(re.escape(group.title) for group in (self._positionals, self._optionals))
        return re.sub(rf"^({headings}):$", rf"\1{text('help_heading_end', self.lang)}", super().format_help(), flags=re.M)  # argparse's own colon after a heading

    def error(self, message: str):
        raise _Usage(self.prog, message)


_ARGPARSE = [
    (r"the following arguments are required: (.*)", r"缺少参数：\1"),
    (r"argument (\S+): invalid choice: (\S+) \(choose from (.*)\)", r"参数 \1 的取值 \2 无效，可选：\3"),
    (r"argument (\S+): invalid (\w+) value: (.*)", r"参数 \1 的取值 \3 无效"),
    (r"argument (\S+): expected one argument", r"参数 \1 需要一个值"),
    (r"unrecognized arguments: (.*)", r"无法识别的参数：\1"),
]


def _translate(message: str) -> str:
    for pattern, replacement in _ARGPARSE:
        if re.fullmatch(pattern, message):
            return re.sub(pattern, replacement, message)
    return message


def common_options(lang: str = "zh") -> argparse.ArgumentParser:
    """Options every command accepts."""
    common = argparse.ArgumentParser(add_help=False)
    add_lang(common, lang)
    return common


def add_lang(parser, lang: str, shown: bool = True) -> None:
    """--lang, its default the language the parser is built for (so a command's parser never undoes a --lang given before it)."""
    parser.add_argument("--lang", choices=LANGS, default=lang, help=text("help_lang", lang) if shown else argparse.SUPPRESS)


def build_parser(pm=None, lang: str = "zh") -> Parser:
    """The command line, every word of its help in ``lang``."""
    from evalkit.commands import check, extract, info, new_plugin, score, years

    parser = Parser(prog="evalkit", description=text("help_evalkit", lang), epilog=text("help_epilog", lang), lang=lang)
    parser.add_argument("--version", action="version", version=f"evalkit {__version__}", help=text("help_version", lang))
    add_lang(parser, lang, shown=False)  # accepted before the command too; its help shows with each command's
    subparsers = parser.add_subparsers(dest="command", metavar=text("help_command", lang), parser_class=functools.partial(Parser, lang=lang))
    common = common_options(lang)
    for command in (check, extract, score, info, new_plugin, years):
        command.add(subparsers, common, lang)
    if pm is not None:
        from evalkit.catalog import add_commands

        add_commands(pm, subparsers, lang)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run evalkit; return the exit code."""
    argv = sys.argv[1:] if argv is None else argv
    lang = _lang(argv)
    try:
        pm = _plugin_manager()
        args = build_parser(pm, lang).parse_args(argv)
        if not getattr(args, "func", None):
            build_parser(lang=lang).print_help()
            return ExitCode.USAGE
        args.pm = pm
        return int(args.func(args))
    except _Usage as exc:
        prog, message = exc.args
        print(text("usage_error", lang, prog=prog, detail=message if lang == "en" else _translate(message)), file=sys.stderr)
        return ExitCode.USAGE
    except SystemExit as exc:  # --help and --version
        return int(exc.code or 0)
    except KeyboardInterrupt:
        print(text("interrupted", lang), file=sys.stderr)
        return ExitCode.INTERRUPTED
    except BrokenPipeError:  # the reader went away (`evalkit compare … | head`): nothing is left to say
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # so the flush at exit cannot fail again
        return ExitCode.OK
    except EvalkitError as exc:
        report_error(exc, lang)
        return exit_code(exc)
    except Exception as exc:  # a defect of ours: say so plainly, without a traceback
        if os.environ.get("EVALKIT_DEBUG"):
            raise
        print(text("internal_error", lang, detail=describe(exc)), file=sys.stderr)
        return ExitCode.INTERNAL


def run() -> None:
    """The ``evalkit`` command: ``main()``, then exit with its code. Everything the run made
    lives until then, so it is frozen (``gc.freeze``) instead of walked by one last garbage
    collection at exit: ~12 ms of a check's ~130 (docs/performance.md)."""
    code = main()
    gc.freeze()
    raise SystemExit(code)


def _plugin_manager():
    from evalkit.plugins import make_plugin_manager

    pm = make_plugin_manager()
    for message in pm.failures:
        print(message, file=sys.stderr)
    return pm


def _lang(argv: list[str]) -> str:
    """The language the command line asks for, wherever --lang (or --lang=) stands; the last one counts, as in argparse."""
    lang = "zh"
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv):
            lang = argv[index + 1]
        elif arg.startswith("--lang="):
            lang = arg.partition("=")[2]
    return "en" if lang == "en" else "zh"


def report_error(exc: EvalkitError, lang: str = "zh") -> None:
    """Print an error, and each schema problem under it, to stderr."""
    print(exc.full_message(lang), file=sys.stderr)


def exit_code(exc: EvalkitError) -> ExitCode:
    if isinstance(exc, PluginError):
        return ExitCode.PLUGIN
    if isinstance(exc, DataError):
        return ExitCode.FAILED
    return ExitCode.USAGE
