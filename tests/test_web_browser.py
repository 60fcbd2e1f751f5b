"""The web app in Debian's headless chromium, JavaScript off: a clerk checks, corrects and submits
贤庠镇's .docx; the office sees the ranking and downloads a workbook that opens; another township
reaches none of it. The screenshots of docs/web-guide.md are made here."""

import io
import os
import re
from pathlib import Path

import openpyxl
import pytest

from webserver import DANDONG, OFFICE, ROOT, XIANXIANG, Server, report_docx

pytestmark = pytest.mark.browser
#: EVALKIT_SCREENSHOTS=docs/images refreshes the guide's pictures; otherwise they go to test-artifacts/
SHOTS = ROOT / os.environ.get("EVALKIT_SCREENSHOTS", "test-artifacts")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    server = Server(tmp_path_factory.mktemp("browser")).start()
    yield server
    server.stop()


def new_page(browser, server):
    context = browser.new_context(base_url=server.url, java_script_enabled=False, viewport={"width": 1000, "height": 640}, accept_downloads=True)
    return context.new_page()


def login(page, username, password, shot: str | None = None):
    page.goto("/login")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(password)
    if shot:
        shoot(page, shot)
    page.get_by_role("button", name="登录").click()


def shoot(page, name: str):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"web-{name}.png"))


def score(page) -> float:
    return float(re.search(r"总分 ([\d.]+) /", page.locator("#score").inner_text()).group(1))


def test_clerk_office_and_another_township(browser, server, tmp_path):
    """The whole round: self-check, correction, submission, ranking, workbook, and a neighbour refused."""
    clerk = new_page(browser, server)
    login(clerk, *XIANXIANG, shot="login")
    clerk.get_by_label("报告文件").set_input_files(str(report_docx(tmp_path / "贤庠镇2022年法治政府建设报告.docx")))
    shoot(clerk, "upload")
    clerk.get_by_role("button", name="上传并自检").click()
    assert "贤庠镇" in clerk.locator("h2").first.inner_text()
    gaps = clerk.locator("ol.gaps > li")
    assert gaps.count() > 5 and gaps.first.locator("dt", has_text="整改建议").is_visible()
    before = score(clerk)
    shoot(clerk, "check")
    missing = clerk.locator("table.figures tr", has=clerk.locator("td", has_text="未读到")).first
    missing.locator("input").fill("是")
    missing.scroll_into_view_if_needed()
    shoot(clerk, "figures")
    clerk.get_by_role("button", name="按更正重新评分").click()
    assert score(clerk) > before
    clerk.get_by_role("button", name="提交").click()
    assert clerk.get_by_role("status").inner_text().startswith("已提交")
    submission_url = clerk.url.split("?")[0]

    office = new_page(browser, server)
    login(office, *OFFICE)
    assert "已提交 18 个，未提交 0 个" in office.locator("p.counts").inner_text()
    ranked = office.locator("table.ranking-web tbody tr")
    assert ranked.count() == 18 and ranked.filter(has_text="贤庠镇").count() == 1
    shoot(office, "office")
    with office.expect_download() as download:
        office.locator("#download-xlsx").click()
    book = openpyxl.load_workbook(io.BytesIO(Path(download.value.path()).read_bytes()), read_only=True)
    assert book.sheetnames

    neighbour = new_page(browser, server)
    login(neighbour, *DANDONG)
    for url in (submission_url, submission_url + "/file", "/office", "/office/2022/report.html", "/office/audit"):
        response = neighbour.goto(url)
        assert response.status in (403, 404), url
        assert "贤庠镇2022年法治政府建设报告" not in neighbour.content()
    shoot(neighbour, "denied")
    for page in (clerk, office, neighbour):
        page.context.close()


def test_a_clerk_confirms_a_figure_to_confirm(browser, server, tmp_path):
    """A figure marked “待核对” is ticked “确认无误” in the browser, and its criterion then scores."""
    import docx

    document = docx.Document()
    for line in ("贤庠镇2022年法治政府建设年度报告", "全年开展宪法专题学习5次。"):
        document.add_paragraph(line)
    document.save(str(tmp_path / "草稿.docx"))
    clerk = new_page(browser, server)
    login(clerk, *XIANXIANG)
    clerk.get_by_label("报告文件").set_input_files(str(tmp_path / "草稿.docx"))
    clerk.get_by_role("button", name="上传并自检").click()
    before = score(clerk)
    row = clerk.locator("table.figures tr", has=clerk.locator(".review", has_text="待核对"))
    assert row.count() == 1 and "未写明参加对象" in row.inner_text()
    row.get_by_label("确认无误").check()
    clerk.get_by_role("button", name="按更正重新评分").click()
    assert score(clerk) > before
    assert clerk.locator("table.figures tr", has=clerk.locator(".confirmed", has_text="已确认")).get_by_label("确认无误").is_checked()
    clerk.context.close()
