"""The command line: ``main(argv) -> int``. Each command has its own small builder."""

from __future__ import annotations

import argparse
import gc
import os
import re
import sys

from evalkit import __version__
from evalkit.errors import DataError, EvalkitError, PluginError, describe
from evalkit.exitcodes import ExitCode
from evalkit.messages import text


EPILOG = """退出码：
  0  评分完成（且不低于 --fail-under）
  1  低于 --fail-under，或数据不符合格式要求，或批量评分中有文件失败
  2  用法错误，或输入文件无法读取
  3  插件有误或相互冲突
  4  evalkit 内部错误（设置 EVALKIT_DEBUG=1 可查看详细信息）
  130  按 Ctrl-C 中断（输出保持原样）

环境变量：
  EVALKIT_LOAD_PLUGINS=a,b   只加载这些插件（为空则不加载任何第三方插件）
  EVALKIT_TRACE_PLUGINS=1    在标准错误输出上跟踪钩子调用
  EVALKIT_DB=FILE            成绩库（SQLite 文件）：evalkit score 未给 --db 时保存到这里"""


class _Usage(Exception):
    """argparse found a usage error."""


class _Formatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        return super().add_usage(usage, actions, groups, "用法：" if prefix is None else prefix)


class Parser(argparse.ArgumentParser):
    """argparse in Chinese: headings, -h, and usage errors (returned, not exited)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", _Formatter)
        kwargs.update(add_help=False, allow_abbrev=False)
        super().__init__(*args, **kwargs)
        self._positionals.title, self._optionals.title = "参数", "选项"
        self.add_argument("-h", "--help", action="help", help="显示帮助并退出")

    def format_help(self) -> str:
        return re.sub(r"^(参数|选项):$", r"\1：", super().format_help(), flags=re.M)  # argparse's own colon after a heading

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


def common_options() -> argparse.ArgumentParser:
    """Options every command accepts."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--lang", choices=("zh", "en"), default="zh", help="输出语言（默认中文）")
    return common


def build_parser(pm=None) -> Parser:
    from evalkit.commands import check, extract, info, new_plugin, score, years

    parser = Parser(
        prog="evalkit",
        description="evalkit：法治政府建设年度报告考评工具。为乡镇（街道）的年度报告评分，列出失分项和整改建议。",
        epilog=EPILOG,
    )
    parser.add_argument("--version", action="version", version=f"evalkit {__version__}", help="显示版本号并退出")
    subparsers = parser.add_subparsers(dest="command", metavar="命令", parser_class=Parser)
    common = common_options()
    check.add(subparsers, common)
    extract.add(subparsers, common)
    score.add(subparsers, common)
    info.add(subparsers, common)
    new_plugin.add(subparsers, common)
    years.add(subparsers, common)
    if pm is not None:
        from evalkit.catalog import add_commands

        add_commands(pm, subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run evalkit; return the exit code."""
    argv = sys.argv[1:] if argv is None else argv
    try:
        pm = _plugin_manager()
        args = build_parser(pm).parse_args(argv)
        if not getattr(args, "func", None):
            build_parser().print_help()
            return ExitCode.USAGE
        args.pm = pm
        return int(args.func(args))
    except _Usage as exc:
        prog, message = exc.args
        lang = _lang(argv)
        print(text("usage_error", lang, prog=prog, detail=message if lang == "en" else _translate(message)), file=sys.stderr)
        return ExitCode.USAGE
    except SystemExit as exc:  # --help and --version
        return int(exc.code or 0)
    except KeyboardInterrupt:
        print(text("interrupted", _lang(argv)), file=sys.stderr)
        return ExitCode.INTERRUPTED
    except BrokenPipeError:  # the reader went away (`evalkit compare … | head`): nothing is left to say
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # so the flush at exit cannot fail again
        return ExitCode.OK
    except EvalkitError as exc:
        report_error(exc, _lang(argv))
        return exit_code(exc)
    except Exception as exc:  # a defect of ours: say so plainly, without a traceback
        if os.environ.get("EVALKIT_DEBUG"):
            raise
        print(text("internal_error", _lang(argv), detail=describe(exc)), file=sys.stderr)
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
    return "en" if "--lang" in argv and argv[argv.index("--lang") + 1 :][:1] == ["en"] else "zh"


def report_error(exc: EvalkitError, lang: str = "zh") -> None:
    """Print an error, and each schema problem under it, to stderr."""
    print(exc.full_message(lang), file=sys.stderr)


def exit_code(exc: EvalkitError) -> ExitCode:
    if isinstance(exc, PluginError):
        return ExitCode.PLUGIN
    if isinstance(exc, DataError):
        return ExitCode.FAILED
    return ExitCode.USAGE
