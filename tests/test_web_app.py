"""The app as a whole: pages load nothing from elsewhere and run no script, times read in
Beijing time, and a scoring worker that dies costs one request, not the service."""

import os
import re
import signal
import time
from pathlib import Path

import pytest

from evalkit.web.pages import when
from webserver import OFFICE, XIANXIANG, Client, Server, report_docx


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    server = Server(tmp_path_factory.mktemp("app")).start()
    yield server
    server.stop()


def workers(pid: int) -> list[int]:
    """The scoring processes the server spawned (not multiprocessing's resource tracker)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            command = (entry / "cmdline").read_bytes()
        except (OSError, IndexError):
            continue
        if parent == pid and b"spawn_main" in command and b"resource_tracker" not in command:
            found.append(int(entry.name))
    return found


def test_pages_load_nothing_from_elsewhere_and_run_no_script(server):
    """Every page a clerk and the office see has no script, no external URL, and a CSP that forbids both."""
    clerk, office = Client(server.url), Client(server.url)
    clerk.login(*XIANXIANG)
    office.login(*OFFICE)
    pages = [clerk.get("/township"), clerk.get("/login"), office.get("/office"), office.get("/office/audit"),
             office.get("/office/2022/report.html")]
    for response in pages:
        assert "<script" not in response.text and not re.search(r'(src|href)="(https?:)?//', response.text)
        assert "default-src 'none'" in response.headers["content-security-policy"]
    clerk.close()
    office.close()


def test_times_are_shown_in_beijing_time():
    """A stored UTC time reads eight hours later, as the county office's clock says."""
    assert when("2026-02-28T17:30:05+00:00") == "2026-03-01 01:30"
    assert when("2026-02-28T17:30:05+00:00", seconds=True) == "2026-03-01 01:30:05"


def test_a_worker_that_dies_costs_one_request_not_the_service(server, tmp_path):
    """Kill a scoring worker: the next upload is answered 503 in Chinese, the one after is scored."""
    clerk = Client(server.url)
    clerk.login(*XIANXIANG)
    data = report_docx(tmp_path / "r.docx").read_bytes()
    assert clerk.post("/check", files={"report": ("r.docx", data)}).status_code == 200
    victims = workers(server.process.pid)
    assert victims
    os.kill(victims[0], signal.SIGKILL)
    time.sleep(0.5)
    broken = clerk.post("/check", files={"report": ("r.docx", data)})
    assert broken.status_code == 503 and "评分进程意外中止" in broken.text
    assert clerk.post("/check", files={"report": ("r.docx", data)}).status_code == 200
    clerk.close()


@pytest.mark.parametrize("secure", [False, True])
def test_cookies_are_sent_over_https_only_when_served_behind_it(tmp_path, secure):
    """--secure-cookies marks every cookie Secure (HttpOnly and SameSite=Strict always)."""
    import asyncio

    import httpx

    from evalkit.web.app import Config, create_app

    async def login_page():
        app = create_app(Config(tmp_path / "s.db", tmp_path / "files", secure_cookies=secure))
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app), base_url="http://intranet") as client:
            return await client.get("/login")

    cookie = asyncio.run(login_page()).headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie
    assert ("Secure" in cookie) is secure
