"""A real `evalkit serve` (uvicorn, worker processes) on 127.0.0.1 for the web tests, and a plain HTTP client."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
COUNTY = ROOT / "examples" / "xiangshan-2022"
REPORT = ROOT / "examples" / "xianxiang-2022" / "report.txt"
OFFICE = ("考评办", "office-demo")
XIANXIANG = ("贤庠镇", "demo07")  #: the demo county leaves 贤庠镇 unsubmitted, for the clerk to submit
DANDONG = ("丹东街道", "demo01")
CSRF = re.compile(r'name="csrf" value="([^"]+)"')


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """`evalkit serve --demo` on a store in ``folder``; start, stop and start again on the same store."""

    def __init__(self, folder: Path, workers: int = 2):
        self.folder, self.workers, self.process = folder, workers, None
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"

    def start(self) -> Server:
        command = [sys.executable, "-m", "evalkit", "serve", "--db", str(self.folder / "evalkit.db"), "--demo", str(COUNTY),
                   "--leave", XIANXIANG[0], "--port", str(self.port), "--workers", str(self.workers)]
        self.log = open(self.folder / "server.log", "ab")
        self.process = subprocess.Popen(command, stdout=self.log, stderr=subprocess.STDOUT, cwd=self.folder)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError((self.folder / "server.log").read_text(encoding="utf-8"))
            try:
                httpx.get(self.url + "/login", timeout=1)
                return self
            except httpx.TransportError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("evalkit serve did not answer within 60 s")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)
        self.process = None
        self.log.close()


class Client:
    """A browser without JavaScript: cookies, and the CSRF token of the last page read."""

    def __init__(self, url: str):
        self.http = httpx.Client(base_url=url, timeout=60, follow_redirects=False)
        self.csrf = ""

    def get(self, path: str) -> httpx.Response:
        response = self.http.get(path)
        self._remember(response)
        return response

    def post(self, path: str, data: dict | None = None, files: dict | None = None, follow: bool = True) -> httpx.Response:
        response = self.http.post(path, data={"csrf": self.csrf, **(data or {})}, files=files)
        while follow and response.status_code == 303:
            response = self.http.get(response.headers["location"])
        self._remember(response)
        return response

    def login(self, username: str, password: str) -> httpx.Response:
        self.get("/login")
        return self.post("/login", {"username": username, "password": password})

    def _remember(self, response) -> None:
        found = CSRF.search(response.text) if response.headers.get("content-type", "").startswith("text/html") else None
        if found:
            self.csrf = found.group(1)

    def close(self) -> None:
        self.http.close()


def report_docx(path: Path) -> Path:
    """贤庠镇's report as a Word document, made from examples/xianxiang-2022/report.txt with python-docx."""
    import docx

    document = docx.Document()
    for line in REPORT.read_text(encoding="utf-8").splitlines():
        document.add_paragraph(line)
    document.save(str(path))
    return path
