"""What every page of the web app shares: the server's settings, the templates, rendering with
the security headers, error wording, and scoring in the worker processes."""

from __future__ import annotations

import asyncio
import datetime
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import lru_cache
from importlib import resources
from pathlib import Path

import attrs
from starlette.exceptions import HTTPException
from starlette.responses import HTMLResponse

from evalkit.messages import MESSAGES, text

BEIJING = datetime.timezone(datetime.timedelta(hours=8))
MAX_UPLOAD = 20 * 1024 * 1024  #: bytes: a .docx with photos fits; the readers refuse larger reports anyway


@attrs.frozen
class Config:
    """How the server runs."""

    store: Path  #: the results store (SQLite); accounts, submissions and the audit log live there too
    files: Path  #: where submitted files are kept, each under its SHA-256
    workers: int = 2  #: scoring processes
    max_upload: int = MAX_UPLOAD
    secure_cookies: bool = False  #: set behind HTTPS, so cookies are sent only over it


@lru_cache(maxsize=1)
def templates():
    """The web app's templates, which include report.html's pieces (report.css, township.html.j2)."""
    from jinja2 import Environment, FunctionLoader, StrictUndefined

    from evalkit.default_plugins.html_report import words

    def load(name: str) -> str:
        own = resources.files("evalkit.web").joinpath("templates", name)
        return (own if own.is_file() else resources.files("evalkit").joinpath("templates", name)).read_text(encoding="utf-8")

    env = Environment(loader=FunctionLoader(load), autoescape=True, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["when"] = when
    env.filters["audit_detail"] = audit_detail
    env.globals["w"] = words("zh")  # the words of report.html's pieces
    return env


def audit_detail(detail: dict) -> str:
    """An audit entry's details in words: 文件：…；年度：2022；出错：否."""
    from evalkit.messages import AUDIT_FIELDS, AUDIT_WHY

    def shown(key: str, value) -> str:
        if isinstance(value, bool):
            return "是" if value else "否"
        if isinstance(value, dict):
            return "、".join(f"{k} = {v or '（删除）'}" for k, v in sorted(value.items())) or "无"
        return AUDIT_WHY.get(value, (value,))[0] if key == "why" else str(value)

    return "；".join(f"{AUDIT_FIELDS.get(k, (k,))[0]}：{shown(k, v)}" for k, v in sorted(detail.items()))


def when(stamp: str, seconds: bool = False) -> str:
    """A stored UTC time as Beijing time (UTC+8), as a county office reads it."""
    moment = datetime.datetime.fromisoformat(stamp).astimezone(BEIJING)
    return moment.strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")


def today() -> datetime.date:
    """Today in Beijing time."""
    return datetime.datetime.now(BEIJING).date()


def render(request, name: str, status: int = 200, **values) -> HTMLResponse:
    """A page, with the signed-in account and its CSRF token for the forms."""
    account = getattr(request.state, "account", None)
    csrf = getattr(request.state, "csrf", "")
    body = templates().get_template(name).render(account=account, csrf=csrf, **values)
    return HTMLResponse(body, status_code=status, headers=SECURITY_HEADERS)


#: No page loads anything from elsewhere, runs a script, or may be framed.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff", "Referrer-Policy": "same-origin", "Cache-Control": "no-store",
}


async def run_scoring(request, function, *args):
    """``function(*args)`` in a worker process: a slow file never holds up the other users.

    A worker that dies (killed, out of memory) breaks the pool: this request is answered 503 and
    a fresh pool takes the next ones, so one bad upload never stops the service.
    """
    state = request.app.state
    pool = state.pool
    try:
        return await asyncio.get_running_loop().run_in_executor(pool, function, *args)
    except BrokenProcessPool:
        if state.pool is pool:
            state.pool = new_pool(state.config)
            pool.shutdown(wait=False, cancel_futures=True)
        raise HTTPException(503) from None


def new_pool(config: Config) -> ProcessPoolExecutor:
    from evalkit.web import scoring

    context = multiprocessing.get_context("spawn")  # a fresh interpreter: nothing of the event loop's threads is copied
    return ProcessPoolExecutor(config.workers, mp_context=context, initializer=scoring.start, initargs=(str(config.store),))


def error_message(request, status: int) -> str:
    key = f"web_{status}"
    if key not in MESSAGES:
        return text("web_error")
    return text(key, limit=request.app.state.config.max_upload // (1024 * 1024))
