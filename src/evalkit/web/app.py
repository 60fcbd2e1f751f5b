"""The web app: a Starlette application over the results store, with scoring in worker processes.

``create_app(config)`` builds it; ``evalkit serve`` runs it under uvicorn. Pages are rendered
on the server with Jinja2 (autoescaped) and work without JavaScript; they load nothing from
anywhere else.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.responses import RedirectResponse
from starlette.routing import Route

from evalkit.messages import text
from evalkit.web import access, auth
from evalkit.web.pages import Config, error_message, new_pool, render


def create_app(config: Config) -> Starlette:
    from evalkit.web import office, township

    routes = [
        Route("/", home), Route("/login", login_page), Route("/login", login, methods=["POST"]),
        Route("/logout", access.page()(logout), methods=["POST"]),
        *township.routes(), *office.routes(),
    ]
    app = Starlette(routes=routes, lifespan=_lifespan, exception_handlers={HTTPException: _error, access.Moved: _moved, Exception: _crash})
    app.state.config = config
    return app


@contextlib.asynccontextmanager
async def _lifespan(app):
    from evalkit.catalog import build_catalog
    from evalkit.plugins import make_plugin_manager
    from evalkit.web import drafts, scoring
    from evalkit.web.database import StoreThread

    config = app.state.config
    config.files.mkdir(parents=True, exist_ok=True)
    app.state.web = database = StoreThread(config.store)
    catalog = build_catalog(make_plugin_manager())
    app.state.readers = catalog.readers
    app.state.titles = {item_id: spec.title for item_id, spec in catalog.items.items()}  #: a submission's corrections by title
    app.state.drafts, app.state.limiter, app.state.outputs = drafts.Drafts(), auth.LoginLimiter(), {}
    app.state.busy = {}  #: township id -> its self-checks being scored
    app.state.pool = new_pool(config)
    loop = asyncio.get_running_loop()  # start every worker now, not on the first clerk's upload
    await asyncio.gather(*(loop.run_in_executor(app.state.pool, scoring.ready) for _ in range(config.workers)))
    try:
        yield
    finally:
        app.state.pool.shutdown(wait=True, cancel_futures=True)
        database.close()


async def home(request):
    found = await access.signed_in(request)
    if found is None:
        return RedirectResponse("/login", status_code=303)
    return RedirectResponse("/office" if found[0].role == "office" else "/township", status_code=303)


async def login_page(request, message: str = "", status: int = 200, username: str = "", back: str | None = None):
    """The login form; ``back`` (else the query's ``next``) is the page to return to after it."""
    token = auth.new_token()
    back = access.safe_path(request.query_params.get("next", "") if back is None else back) or ""
    request.state.csrf = token
    message = message or (text("web_sign_in_to_go_on") if back else "")
    response = render(request, "login.html.j2", status, message=message, username=username, back=back)
    _cookie(request, response, access.LOGIN_COOKIE, token, 600)
    return response


async def login(request):
    state = request.app.state
    refused = access.length_refused(request, 16 * 1024)
    if refused:
        raise HTTPException(refused)
    form = await request.form(max_files=0, max_fields=10)
    username, password, where = str(form.get("username", "")).strip()[:64], str(form.get("password", ""))[:256], access.address(request)
    back = access.safe_path(str(form.get("next", ""))) or ""
    expected = request.cookies.get(access.LOGIN_COOKIE, "")
    if not expected or not hmac.compare_digest(str(form.get("csrf", "")), expected):
        return await login_page(request, text("web_login_expired"), 403, username, back)
    if state.limiter.blocked(username, where):
        await state.web.audit(access.entry(request, None, "login_blocked", username))
        return await login_page(request, text("web_login_blocked", minutes=auth.WINDOW // 60), 429, username, back)
    account = await state.web.account(username)
    if account is None or not await run_in_threadpool(auth.verify_password, password, account.password):  # 16 MiB, ~50 ms: off the loop
        state.limiter.failed(username, where)
        await state.web.audit(access.entry(request, None, "login_failed", username))
        return await login_page(request, text("web_login_failed"), 401, username, back)
    state.limiter.succeeded(username)
    token = auth.new_token()  # always a new one: a session id planted in the browser before login is never used
    await state.web.add_session(auth.token_hash(token), auth.new_token(), access.expiry(), access.entry(request, account, "login"))
    response = RedirectResponse(back or "/", status_code=303)
    _cookie(request, response, access.COOKIE, token, access.SESSION_HOURS * 3600)
    response.delete_cookie(access.LOGIN_COOKIE, path="/login")
    return response


async def logout(request, account):
    await request.app.state.web.end_session(auth.token_hash(request.cookies.get(access.COOKIE, "")), access.entry(request, account, "logout"))
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(access.COOKIE, path="/")
    return response


def _cookie(request, response, name: str, value: str, seconds: int) -> None:
    path = "/login" if name == access.LOGIN_COOKIE else "/"
    response.set_cookie(name, value, max_age=seconds, path=path, httponly=True, samesite="strict",
                        secure=request.app.state.config.secure_cookies)


async def _error(request, exc):
    if isinstance(exc, access.Refusal):
        return render(request, "error.html.j2", exc.status_code, message=exc.message, code=exc.status_code, link=exc.link)
    return render(request, "error.html.j2", exc.status_code, message=error_message(request, exc.status_code), code=exc.status_code,
                  link=("/", text("web_home")))


async def _moved(request, exc):
    return RedirectResponse(exc.location, status_code=303)


async def _crash(request, exc):
    from evalkit.errors import describe

    return render(request, "error.html.j2", 500, message=text("internal_error", detail=describe(exc)), code=500)
