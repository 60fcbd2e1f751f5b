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
    clerk.get_by_label("报告年度").select_option("2022")
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
    row.get_by_label("确认“党委理论学习中心组学法次数”无误").check()
    clerk.get_by_role("button", name="按更正重新评分").click()
    assert score(clerk) > before
    assert clerk.locator("table.figures tr", has=clerk.locator(".confirmed", has_text="已确认")).get_by_role("checkbox").is_checked()
    clerk.context.close()


def upload(clerk, path, year: str | None = None):
    clerk.get_by_label("报告文件").set_input_files(str(path))
    if year:
        clerk.get_by_label("报告年度").select_option(year)
    clerk.get_by_role("button", name="上传并自检").click()


def test_submit_sends_what_was_typed_and_a_bad_figure_keeps_the_form(browser, server, tmp_path):
    """A refused figure leaves the other typed values in place and marked; 提交 at the table's foot then keeps them all."""
    from test_web_township import draft_to_confirm

    clerk = new_page(browser, server)
    login(clerk, *XIANXIANG)
    upload(clerk, draft_to_confirm(tmp_path / "草稿.docx"), "2022")
    assert "尚有 1 个数字待核对" in clerk.locator("#pending").inner_text()
    clerk.get_by_label("应急演练次数").fill("3次")
    clerk.get_by_label("依法化解矛盾纠纷件数").fill("二百")
    clerk.get_by_label("确认“党委理论学习中心组学法次数”无误").check()
    clerk.get_by_role("button", name="按更正重新评分").click()
    assert "“二百”不是有效的数值" in clerk.get_by_role("alert").inner_text()
    assert clerk.get_by_label("应急演练次数").input_value() == "3次"
    assert clerk.get_by_label("确认“党委理论学习中心组学法次数”无误").is_checked()
    assert clerk.get_by_label("依法化解矛盾纠纷件数").get_attribute("aria-invalid") == "true"
    clerk.get_by_label("依法化解矛盾纠纷件数").fill("2，000")
    assert clerk.locator("#pending").count() == 1  # the tick is not scored yet: 提交 scores it
    clerk.get_by_role("button", name="提交").click()
    assert clerk.get_by_role("status").inner_text().startswith("已提交")
    assert "更正或确认的数字：3 项" in clerk.locator("ul.meta").inner_text()
    clerk.context.close()


def test_a_clerk_confirms_a_misread_name(browser, server, tmp_path):
    """A report whose name reads otherwise offers no 提交 until the clerk presses “报告确为本单位报告，按本单位名称评分”."""
    from webserver import REPORT

    misread = tmp_path / "扫描稿.txt"
    misread.write_text(REPORT.read_text(encoding="utf-8").replace("贤庠镇", "贤库镇"), encoding="utf-8")
    clerk = new_page(browser, server)
    login(clerk, *XIANXIANG)
    upload(clerk, misread, "2022")
    assert "与本账号“贤庠镇”不符" in clerk.locator("#mismatch").inner_text()
    assert clerk.get_by_role("button", name="提交").count() == 0
    clerk.get_by_role("button", name="报告确为本单位报告，按本单位名称评分").click()
    assert clerk.locator("#mismatch").count() == 0
    clerk.get_by_role("button", name="提交").click()
    assert clerk.get_by_role("status").inner_text().startswith("已提交")
    assert "贤庠镇 2022 年度报告" in clerk.locator("h1").inner_text()
    clerk.context.close()
