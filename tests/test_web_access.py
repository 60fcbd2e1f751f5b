"""Who may see what, over plain HTTP against a running server: every route, as another township,
answers 403 or 404 and never the data; a route of the office is closed to townships; forms need
their CSRF token; sessions are HttpOnly, SameSite cookies; failed logins are limited."""

import re
from pathlib import Path

import pytest

from evalkit.web.app import Config, create_app
from webserver import DANDONG, OFFICE, XIANXIANG, Client, Server, report_docx

FILENAME = "贤庠镇法治政府建设报告-秘密草稿.docx"  #: a marker of 贤庠镇's data in any answer


@pytest.fixture(scope="module")
def county(tmp_path_factory):
    """A demo county where 贤庠镇 holds a self-check in progress and a submission."""
    folder = tmp_path_factory.mktemp("county")
    server = Server(folder).start()
    clerk = Client(server.url)
    clerk.login(*XIANXIANG)
    docx = report_docx(folder / "report.docx").read_bytes()
    submitted = clerk.post("/check", files={"report": (FILENAME, docx)})
    token = re.search(r"/check/([\w-]+)/submit", submitted.text).group(1)
    done = clerk.post(f"/check/{token}/submit")
    submission = int(re.search(r"/submissions/(\d+)", str(done.url)).group(1))
    draft = clerk.post("/check", files={"report": (FILENAME, docx)})
    token = re.search(r"/check/([\w-]+)/submit", draft.text).group(1)
    office = Client(server.url)
    office.login(*OFFICE)
    township = re.search(r'href="/office/townships/(\d+)">贤庠镇<', office.get("/office").text).group(1)
    values = {"token": token, "id": submission, "year": 2022, "name": "evalkit.xlsx"}
    yield server, values, int(township), clerk
    clerk.close()
    office.close()
    server.stop()


def every_route(values: dict, township_id: int) -> list[tuple[str, str]]:
    """(method, path) of every route of the app, its parameters filled with 贤庠镇's data."""
    app = create_app(Config(Path("unused.db"), Path("unused")))
    found = []
    for route in app.routes:
        filled = {**values, "id": township_id} if route.path.startswith("/office/townships") else values
        path = re.sub(r"{(\w+)(:\w+)?}", lambda m: str(filled[m.group(1)]), route.path)
        found += [(method, path) for method in sorted(route.methods - {"HEAD"})]
    return sorted(found, key=lambda mp: mp[1] == "/logout")  # signing out last


def test_another_township_reaches_none_of_it(county):
    """丹东街道 gets 403 or 404 from every route that names 贤庠镇's data, and never 贤庠镇's file or scores."""
    server, values, township_id, _clerk = county
    other = Client(server.url)
    assert other.login(*DANDONG).status_code == 200
    checked = 0
    for method, path in every_route(values, township_id):
        response = other.http.request(method, path, data={"csrf": other.csrf})
        assert FILENAME not in response.text and values["token"] not in response.text, (method, path)
        names_data = any(str(v) in path for v in (values["token"], f"/submissions/{values['id']}")) or path.startswith("/office")
        if names_data:
            assert response.status_code in (403, 404), (method, path, response.status_code)
            checked += 1
    assert checked >= 10
    other.close()


def test_the_owner_reaches_its_own_data(county):
    """The same routes answer 贤庠镇's clerk, so the refusals above are about who asks."""
    server, values, _tid, clerk = county
    assert FILENAME in clerk.get(f"/submissions/{values['id']}").text
    assert clerk.get(f"/submissions/{values['id']}/file").content[:2] == b"PK"
    assert clerk.get(f"/check/{values['token']}").status_code == 200


def test_the_office_sees_every_township(county):
    """The office reads 贤庠镇's submission and file."""
    server, values, _tid, _clerk = county
    office = Client(server.url)
    office.login(*OFFICE)
    assert FILENAME in office.get(f"/submissions/{values['id']}").text
    assert office.get(f"/submissions/{values['id']}/file").status_code == 200
    office.close()


def test_without_a_session_every_route_sends_to_the_login_page(county):
    """No cookie: each route answers with the login page, or a redirect to it, and no data."""
    server, values, township_id, _clerk = county
    stranger = Client(server.url)
    for method, path in every_route(values, township_id):
        response = stranger.http.request(method, path)
        assert response.status_code in (200, 303, 403), (method, path)
        assert response.status_code != 200 or path == "/login"
        assert FILENAME not in response.text
    stranger.close()


def test_signing_in_returns_to_the_page_asked_for_and_never_to_another_site(county):
    """A page asked for without a session, or a form sent after it ended, comes back after signing in; a foreign next goes home."""
    server, values, _township_id, _clerk = county
    stranger = Client(server.url)
    asked = stranger.http.get("/township")
    assert asked.status_code == 303 and asked.headers["location"] == "/login?next=/township"
    sent = stranger.http.post(f"/check/{values['token']}/rescore", headers={"referer": f"{server.url}/check/{values['token']}"})
    assert sent.headers["location"] == f"/login?next=/check/{values['token']}"
    page = stranger.get("/login?next=/township")
    assert "请先登录" in page.text and 'name="next" value="/township"' in page.text
    failed = stranger.post("/login", {"username": XIANXIANG[0], "password": "wrong", "next": "/township"}, follow=False)
    assert 'name="next" value="/township"' in failed.text  # a wrong password keeps the way back
    back = stranger.post("/login", {"username": XIANXIANG[0], "password": XIANXIANG[1], "next": "/township"}, follow=False)
    assert back.status_code == 303 and back.headers["location"] == "/township"
    for foreign in ("//evil.example/x", "https://evil.example/", "/\\evil.example", "javascript:alert(1)"):
        other = Client(server.url)
        other.get(f"/login?next={foreign}")
        response = other.post("/login", {"username": DANDONG[0], "password": DANDONG[1], "next": foreign}, follow=False)
        assert response.headers["location"] == "/", foreign
        other.close()
    stranger.close()


def test_a_form_without_its_csrf_token_is_refused(county):
    """A POST carrying the session cookie but not the page's token does nothing, and is told as a page that expired."""
    server, values, _tid, clerk = county
    response = clerk.http.post(f"/check/{values['token']}/submit", data={"csrf": "forged"})
    assert response.status_code == 403 and "页面已过期" in response.text and "没有权限" not in response.text  # a stale form, as after a new login
    assert clerk.get(f"/check/{values['token']}").status_code == 200  # still a draft, not submitted


def test_session_cookies_are_httponly_and_samesite(county):
    """The session cookie cannot be read by a script nor sent by another site."""
    server = county[0]
    client = Client(server.url)
    client.get("/login")
    response = client.http.post("/login", data={"csrf": client.csrf, "username": DANDONG[0], "password": DANDONG[1]})
    cookie = response.headers["set-cookie"]
    assert "evalkit_session=" in cookie and "HttpOnly" in cookie and "SameSite=strict" in cookie
    client.close()


def test_failed_logins_are_limited_even_for_the_right_password(county):
    """After five wrong passwords the right one is refused too (429), and every try is in the audit log."""
    server = county[0]
    client = Client(server.url)
    for _ in range(5):
        assert client.login("涂茨镇", "wrong").status_code == 401
    response = client.login("涂茨镇", "demo11")
    assert response.status_code == 429 and "登录失败次数过多" in response.text
    office = Client(server.url)
    office.login(*OFFICE)
    log = office.get("/office/audit").text
    assert log.count("登录失败") >= 5 and "登录被限制" in log and "被拒绝的访问" in log
    client.close()
    office.close()


def test_uploads_are_limited_in_type_and_size(county):
    """An unknown file type is refused (415); a body past the limit is refused before it is read (413)."""
    server, _values, _tid, clerk = county
    response = clerk.post("/check", files={"report": ("报告.exe", b"MZ\x90\x00")})
    assert response.status_code == 415 and "不支持" in response.text
    big = b"x" * (Config(Path("x"), Path("x")).max_upload + 100 * 1024)
    assert clerk.post("/check", files={"report": ("报告.txt", big)}).status_code == 413


def test_a_body_that_does_not_say_its_length_is_refused(county):
    """A chunked body without Content-Length is refused (411) before it is read, at login and at upload alike."""
    server, _values, _tid, clerk = county

    def endless():
        for _ in range(4):
            yield b"x" * 1024

    stranger = Client(server.url)
    stranger.get("/login")
    assert stranger.http.post("/login", content=endless(), headers={"content-type": "application/x-www-form-urlencoded"}).status_code == 411
    assert clerk.http.post("/check", content=endless(), headers={"content-type": "multipart/form-data; boundary=x"}).status_code == 411
    stranger.close()


def test_logging_in_gives_a_new_session_and_logging_out_ends_it(county):
    """A session id planted before login is never used; after 退出 the old cookie opens nothing."""
    server = county[0]
    client = Client(server.url)
    client.http.cookies.set("evalkit_session", "planted-by-someone-else", domain="127.0.0.1")
    client.login(*DANDONG)
    token = client.http.cookies.get("evalkit_session")
    assert token and token != "planted-by-someone-else"
    assert client.get("/township").status_code == 200
    assert client.post("/logout", follow=False).status_code == 303
    replay = Client(server.url)
    replay.http.cookies.set("evalkit_session", token, domain="127.0.0.1")
    answer = replay.get("/township")
    assert answer.status_code == 303 and answer.headers["location"].startswith("/login")
    client.close()
    replay.close()


def test_behind_a_proxy_on_the_same_machine_the_clerks_own_address_is_logged(county):
    """A reverse proxy on 127.0.0.1 passes X-Forwarded-For: the audit log (and the login limit) see the clerk's address."""
    server = county[0]
    client = Client(server.url)
    client.get("/login")
    client.http.post("/login", data={"csrf": client.csrf, "username": "无此用户", "password": "x"}, headers={"x-forwarded-for": "10.20.30.40"})
    office = Client(server.url)
    office.login(*OFFICE)
    assert re.search(r"无此用户.*?10\.20\.30\.40", office.get("/office/audit").text, re.S)
    client.close()
    office.close()


def test_every_form_refuses_a_forged_token(county):
    """Each POST route, sent by the signed-in clerk with a wrong token, is refused (403) and changes nothing."""
    server, values, township_id, clerk = county
    before = clerk.get("/township").text
    posts = [path for method, path in every_route(values, township_id) if method == "POST" and path != "/login"]
    assert len(posts) >= 5
    for path in posts:
        assert clerk.http.post(path, data={"csrf": "forged"}).status_code == 403, path
    assert clerk.get(f"/check/{values['token']}").status_code == 200  # neither submitted nor signed out
    assert clerk.get("/township").text.count("/submissions/") == before.count("/submissions/")
