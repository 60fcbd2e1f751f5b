"""Why the store's file could not be opened or written, in Chinese."""

from __future__ import annotations

import errno

from evalkit.errors import InputError

_REASONS = {
    "SQLITE_NOTADB": "不是 SQLite 数据库文件", "SQLITE_CORRUPT": "文件已损坏", "SQLITE_FULL": "磁盘已满",
    "SQLITE_BUSY": "其他程序长时间占用成绩库", "SQLITE_LOCKED": "其他程序长时间占用成绩库", "SQLITE_IOERR": "读写文件出错",
    "SQLITE_READONLY": "没有写权限", "SQLITE_CANTOPEN": "无法打开或创建文件", "SQLITE_PERM": "没有权限",
    errno.EACCES: "没有权限", errno.EPERM: "没有权限", errno.EROFS: "只读文件系统", errno.ENOSPC: "磁盘已满",
    errno.ENOTDIR: "路径中有一段不是文件夹", errno.EISDIR: "这是一个文件夹",
}
_NO_ACCESS = ("SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_PERM", errno.EACCES, errno.EPERM, errno.EROFS)


def failure_reason(exc: BaseException) -> tuple[object, str]:
    """What went wrong with the store's file, as a key of _REASONS (or None) and a Chinese reason."""
    if isinstance(exc, OSError):
        key = exc.errno
    else:
        name = getattr(exc, "sqlite_errorname", "") or ""
        key = next((k for k in _REASONS if isinstance(k, str) and name.startswith(k)), None)
    return key, _REASONS.get(key) or str(exc) or type(exc).__name__


def opening_error(path: str, exc: BaseException) -> InputError:
    """The Chinese error for a store that could not be opened: it is no store, or it may not be written here."""
    key, reason = failure_reason(exc)
    return InputError("store_no_access" if key in _NO_ACCESS else "store_unreadable", file=path, detail=reason)
