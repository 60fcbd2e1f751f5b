"""Reading JSON and YAML documents safely, with errors that name the file and the place."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path
from typing import Any

from evalkit.errors import Both, InputError
from evalkit.messages import text

MAX_BYTES = 16 * 1024 * 1024
MAX_DEPTH = 64
ENCODINGS = ("utf-8-sig", "gb18030")  # utf-8-sig reads plain UTF-8 too

_JSON_PROBLEMS = {
    "Expecting ',' delimiter": ("缺少逗号", "a comma is missing"),
    "Expecting ':' delimiter": ("缺少冒号", "a colon is missing"),
    "Expecting property name enclosed in double quotes": ("键名须用英文双引号括起来（或有多余的逗号）", "a key must be in double quotes (or a comma is extra)"),
    "Expecting value": ("此处缺少值（或有多余的逗号）", "a value is missing here (or a comma is extra)"),
    "Unterminated string starting at": ("字符串缺少结束的引号", "a string is not closed"),
    "Extra data": ("文档结束后还有多余内容", "extra data after the document"),
    "Invalid control character at": ("字符串中含有控制字符（如未转义的换行）", "a control character (such as a raw newline) in a string"),
    "Invalid \\escape": ("无效的转义字符", "an invalid escape"),
}


def require_file(path: Path) -> None:
    """Refuse a path that does not exist or is a folder."""
    if path.is_dir():
        raise InputError("file_is_dir", file=str(path))
    if not path.exists():
        raise InputError("file_missing", file=str(path))


def read_bytes(path: Path, limit: int | None = None) -> bytes:
    """The file's bytes; missing, unreadable, empty or oversized files are refused."""
    name, limit = str(path), limit or MAX_BYTES
    try:  # open's own errors, not a stat beforehand: a batch reads thousands of files
        with path.open("rb") as stream:
            data = stream.read(limit + 1)
    except FileNotFoundError:
        raise InputError("file_missing", file=name) from None
    except IsADirectoryError:
        raise InputError("file_is_dir", file=name) from None
    except OSError as exc:
        raise InputError("file_unreadable", file=name, detail=exc.strerror or type(exc).__name__) from None
    if len(data) > limit:
        raise InputError("file_too_large", file=name, size=path.stat().st_size, limit=limit)
    if not data.strip():
        raise InputError("file_empty", file=name)
    return data


def decode(data: bytes, name: str) -> str:
    """Text from UTF-8 (with or without BOM), GB18030/GBK, or UTF-16 with a BOM (Notepad's
    "Unicode"); binary data is refused."""
    result = _decoded(data, name)
    if not result.strip():
        raise InputError("file_empty", file=name)  # a byte-order mark and nothing else
    return result


def _decoded(data: bytes, name: str) -> str:
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError("file_encoding", file=name) from None
    if b"\x00" in data[:65536]:
        raise InputError("file_binary", file=name)
    for encoding in ENCODINGS:
        try:
            result = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_binary(result):
            raise InputError("file_binary", file=name)
        if encoding == "gb18030" and _looks_big5(result, data):
            break
        return result
    raise InputError("file_encoding", file=name)


def _looks_big5(text: str, data: bytes) -> bool:
    """Traditional Chinese in Big5 also decodes as GB18030, into characters a Simplified text
    hardly uses: outside GB2312 for a fifth or more of its Chinese, and valid Big5 as well."""
    chinese = [ch for ch in text[:4096] if "\u4e00" <= ch <= "\u9fff"]
    rare = sum(1 for ch in chinese if not _in_gb2312(ch))
    if not chinese or rare < len(chinese) / 5:
        return False
    try:
        data.decode("big5")
    except UnicodeDecodeError:
        return False
    return True


def _in_gb2312(ch: str) -> bool:
    try:
        ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


def _looks_binary(value: str) -> bool:
    sample = value[:4096]
    return len(CONTROL.findall(sample)) > max(2, len(sample) // 100)


def load_document(path: Path, data: bytes | None = None) -> dict[str, Any]:
    """A JSON (.json) or YAML (.yaml/.yml) document whose top level is an object."""
    source = decode(read_bytes(path) if data is None else data, str(path))
    doc = load_yaml(source, str(path)) if path.suffix.lower() in (".yaml", ".yml") else load_json(source, str(path))
    if not isinstance(doc, dict):
        raise InputError("not_object", file=str(path))
    return doc


def load_json(source: str, name: str) -> Any:
    """Parse JSON, refusing duplicate keys, NaN, Infinity and deep nesting."""
    try:
        doc = json.loads(source, object_pairs_hook=_unique_pairs, parse_constant=_no_constant, parse_float=_finite)
    except json.JSONDecodeError as exc:
        raise InputError("json_syntax", file=name, place=_place(exc.lineno, exc.colno), detail=_json_problem(exc.msg)) from None
    except _DuplicateKey as exc:
        raise InputError("json_duplicate_key", file=name, place=_key_place(source, exc.key), key=exc.key) from None
    except _Constant as exc:
        raise InputError("json_constant", file=name, place=_token_place(source, exc.value), value=exc.value) from None
    except RecursionError:
        raise InputError("too_deep", file=name, limit=MAX_DEPTH) from None
    except ValueError as exc:  # an integer past Python's digit limit
        raise InputError("json_syntax", file=name, detail=str(exc)) from None
    _check_tree(doc, name, source)
    return doc


_DIGITS = bytes.maketrans(b"123456789", b"000000000")
_LONG_NUMBER = b"0" * 19  #: after _DIGITS: a run of 19 digits, perhaps an integer past 64 bits
_KEY_END = re.compile(rb'"\s*:')


def quick_json(data: bytes) -> Any:
    """The document as orjson reads it, or None when only load_json may read it.

    orjson takes plain UTF-8 without a BOM and refuses NaN, Infinity and 1e999 as load_json
    does; an integer past 64 bits it would read as a float, so a run of 19 digits is left to
    load_json. Duplicate keys it keeps quietly: ``unique_keys`` must hold before the document
    is used.
    """
    import orjson

    if _LONG_NUMBER in data.translate(_DIGITS):
        return None
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError:
        return None


def unique_keys(doc: Any, data: bytes) -> bool:
    """True when no object of ``doc`` lost a duplicate key in parsing.

    Every key of the text ends in ``"`` and a colon, so the text has at least as many such
    ends as keys; the parsed objects hold fewer keys than the text only when one repeated.
    Equal counts therefore prove every key unique. ``doc`` must be shallow (schema-valid).
    """
    return _count_keys(doc) == len(_KEY_END.findall(data))


def _count_keys(node: Any) -> int:
    if type(node) is dict:
        return len(node) + sum([_count_keys(v) for v in node.values() if type(v) in (dict, list)])
    return sum([_count_keys(v) for v in node if type(v) in (dict, list)])


def load_yaml(source: str, name: str) -> Any:
    """Parse YAML with safe_load rules, refusing duplicate keys, NaN and deep nesting."""
    import yaml

    from evalkit._yaml import StrictLoader

    try:
        doc = yaml.load(source, Loader=StrictLoader)  # noqa: S506 - StrictLoader is a SafeLoader
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        place = _place(mark.line + 1, mark.column + 1) if mark else None
        raise InputError("yaml_syntax", file=name, place=place, detail=_yaml_problem(exc.problem or str(exc))) from None
    except yaml.YAMLError as exc:
        raise InputError("yaml_syntax", file=name, detail=str(exc)) from None
    except RecursionError:
        raise InputError("too_deep", file=name, limit=MAX_DEPTH) from None
    except (TypeError, ValueError) as exc:  # unhashable keys, integers past Python's digit limit
        raise InputError("yaml_syntax", file=name, detail=str(exc)) from None
    _check_tree(doc, name, source)
    return doc


class _DuplicateKey(ValueError):
    def __init__(self, key: str):
        self.key = key


class _Constant(ValueError):
    def __init__(self, value: str):
        self.value = value


def _unique_pairs(pairs):
    result = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKey(key)
        result[key] = value
    return result


def _no_constant(value: str):
    raise _Constant(value)


def _finite(value: str) -> float:
    number = float(value)
    if not math.isfinite(number):  # 1e999 parses as infinity
        raise _Constant(value)
    return number


def _check_tree(doc: Any, name: str, source: str) -> None:
    """Refuse nesting past MAX_DEPTH, and text holding a lone surrogate (JSON and YAML both
    accept an escape such as \\ud800 alone, which no file can then hold)."""
    stack = [(doc, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, str):
            _check_text(node, name, source)
            continue
        if not isinstance(node, (dict, list)):
            continue
        if depth > MAX_DEPTH:
            raise InputError("too_deep", file=name, limit=MAX_DEPTH)
        children = [*node.keys(), *node.values()] if isinstance(node, dict) else node
        stack.extend((child, depth + 1) for child in children if isinstance(child, (dict, list, str)))


def _check_text(value: str, name: str, source: str) -> None:
    if value.isascii():
        return
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        found = _LONE_ESCAPE.search(source)
        escape = found.group(0) if found else "\\u" + format(ord(next(c for c in value if 0xD800 <= ord(c) <= 0xDFFF)), "04x")
        raise InputError("lone_surrogate", file=name, place=_offset_place(source, found.start()) if found else None, escape=escape) from None


#: A \\uD800–\\uDFFF escape that is not half of a high-low pair.
_LONE_ESCAPE = re.compile(r"\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F][0-9a-fA-F]{2})|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2}")


def _place(line: int, column: int) -> Both:
    return Both(text("line_col", "zh", line=line, column=column), text("line_col", "en", line=line, column=column))


_YAML_PROBLEMS = {
    "aliases (*name) are not allowed": "不允许使用锚点和别名（& 与 *），请把内容直接写出",
    "found a tab character": "缩进中不能使用 Tab 键，请改用空格",
    "mapping values are not allowed": "此处不能出现“键: 值”（可能缩进不对，或值中的冒号需要加引号）",
    "could not find expected ':'": "缺少冒号",
    "expected <block end>": "缩进不一致",
    "found undefined alias": "引用了未定义的锚点",
    "duplicate key": "键重复",
    "is not allowed": "不允许的写法",
    "is not text": "键必须是文字",
    "while scanning a quoted scalar": "引号没有闭合",
    "invalid Unicode character escape": "无效的字符转义(如单独的 UTF-16 代理项 \\ud800,不是一个完整的字符)",
}


def _yaml_problem(message: str) -> Both | str:
    found = next((zh for english, zh in _YAML_PROBLEMS.items() if english in message), None)
    return Both(f"{found}({message})", message) if found else message


def _json_problem(message: str) -> Both | str:
    for english, (zh, en) in _JSON_PROBLEMS.items():
        if message.startswith(english):
            return Both(zh, en)
    return message


def _key_place(source: str, key: str) -> Both | None:
    pattern = re.compile(r'"' + re.escape(json.dumps(key)[1:-1]) + r'"\s*:')
    hits = list(pattern.finditer(source))
    return _offset_place(source, hits[1].start()) if len(hits) > 1 else None


def _token_place(source: str, token: str) -> Both | None:
    found = re.search(r"(?<![\w\"])" + re.escape(token) + r"(?![\w\"])", source)
    return _offset_place(source, found.start()) if found else None


def _offset_place(source: str, offset: int) -> Both:
    line = source.count("\n", 0, offset) + 1
    return _place(line, offset - (source.rfind("\n", 0, offset) + 1) + 1)
