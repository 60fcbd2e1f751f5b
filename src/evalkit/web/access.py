"""Who may do what: decided here and nowhere else.

Every route is wrapped by ``page``: it finds the signed-in account from the session cookie
(or sends the browser to the login page), refuses a route of the other role with 403, checks
the CSRF token of every POST, and hands the route the account. A route that names a township's
data (a submission, a self-check) asks ``visible``: the office sees every township, a
township only its own; anything else is answered 404, as if it did not exist.
"""

from __future__ import annotations

import datetime
import functools
import hmac
import re

from starlette.exceptions import HTTPException
from starlette.responses import RedirectResponse

from evalkit.messages import text
from evalkit.store.web import Entry
from evalkit.web.auth import token_hash

COOKIE = "evalkit_session"
SAFE_PATH = re.compile(r"/(?![/\\])[\w\-./%]*")  #: a path of this site to come back to after signing in
LOGIN_COOKIE = "evalkit_login"  #: the CSRF token of the login form, before there is a session
SESSION_HOURS = 10


def now() -> str:
    return datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")


def expiry(hours: int = SESSION_HOURS) -> str:
    return (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=hours)).isoformat(timespec="seconds")


def address(request) -> str:
    return request.client.host if request.client else ""


def entry(request, account, action: str, username: str = "", **detail) -> Entry:
    """An audit entry for ``action`` by ``account`` (or by the user name tried), now, from the request's address."""
    return Entry(now(), account, account.username if account else username, action, detail, address(request))


async def record(request, account, action: str, **detail) -> None:
    """Write ``action`` to the audit log."""
    await request.app.state.web.audit(entry(request, account, action, **detail))


async def signed_in(request):
    """The (account, csrf token) of the request's session, or None."""
    token = request.cookies.get(COOKIE)
    if not token:
        return None
    return await request.app.state.web.session(token_hash(token), now())


def page(role: str | None = None):
    """Wrap a route ``(request, account) -> response``: signed in, of ``role`` when given, CSRF checked."""

    def wrap(route):
        @functools.wraps(route)
        async def endpoint(request):
            found = await signed_in(request)
            if found is None:
                return RedirectResponse(login_url(request), status_code=303)
            account, csrf = found
            request.state.csrf = csrf
            request.state.account = account
            if role is not None and account.role != role:
                await deny(request, account, 403)
            if request.method == "POST":
                await _check_length(request, account)
                form = await request.form(max_files=1, max_fields=300)
                if not hmac.compare_digest(str(form.get("csrf", "")), csrf):
                    await deny(request, account, 403, "csrf", Refusal(403, text("web_form_expired"), ("/", text("web_home"))))
            return await route(request, account)

        return endpoint

    return wrap


def login_url(request) -> str:
    """The login page, told where to come back to: the page asked for, or for a form sent after
    the session ended, the page the form was on (its path only: never another site)."""
    from urllib.parse import quote, urlsplit

    wanted = request.url.path if request.method == "GET" else urlsplit(request.headers.get("referer", "")).path
    back = safe_path(wanted)
    return f"/login?next={quote(back)}" if back and back != "/" else "/login"


def safe_path(value: str) -> str | None:
    """``value`` if it is a path of this site (/check/…), else None: no scheme, host or //."""
    return value if SAFE_PATH.fullmatch(value or "") else None


async def _check_length(request, account) -> None:
    """A body must say its length, within the upload limit (the server reads no more than it says)."""
    status = length_refused(request, request.app.state.config.max_upload + 64 * 1024)  # room for the form's other fields
    if status:
        await deny(request, account, status)


def length_refused(request, limit: int) -> int | None:
    """411 for a body that does not say its length, 413 for one longer than ``limit`` bytes."""
    length = request.headers.get("content-length", "")
    if not length.isdigit():
        return 411
    return 413 if int(length) > limit else None


def visible(account, township_id: int) -> bool:
    """The one rule of whose data an account may see."""
    return account.role == "office" or account.township_id == township_id


async def require_visible(request, account, township_id: int | None) -> None:
    """404 unless ``account`` may see the township's data (or the thing does not exist: None)."""
    if township_id is None or not visible(account, township_id):
        await deny(request, account, 404)


class Refusal(HTTPException):
    """A refusal with its own words for the page (an expired self-check, a stale form) and a way on."""

    def __init__(self, status: int, message: str, link: tuple[str, str]):
        super().__init__(status)
        self.message, self.link = message, link


class Moved(Exception):
    """A request answered by sending the browser elsewhere (提交 pressed twice: to the submission)."""

    def __init__(self, location: str):
        super().__init__(location)
        self.location = location


async def deny(request, account, status: int, why: str = "", refusal: Refusal | None = None) -> None:
    """Record the refusal in the audit log, then refuse (in the refusal's words, when given)."""
    await record(request, account, "denied", path=request.url.path, method=request.method, status=status, why=why)
    raise refusal or HTTPException(status)
