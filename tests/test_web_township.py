"""A township's pages over HTTP: the self-check says what `evalkit check` says, figures can be
corrected and rescored, bad files and bad figures get Chinese messages, and a submission keeps
the file under its SHA-256."""

import hashlib
import json
import re
import shutil
from concurrent.futures import ThreadPoolExecutor

import pytest

from evalkit.cli import main
from webserver import COUNTY, DANDONG, OFFICE, XIANXIANG, Client, Server, report_docx


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    folder = tmp_path_factory.mktemp("township")
    server = Server(folder).start()
    clerk = Client(server.url)
    clerk.login(*XIANXIANG)
    yield server, clerk, report_docx(folder / "贤庠镇.docx")
    clerk.close()
    server.stop()


def score_of(page: str) -> str:
    return re.search(r'id="score">总分 ([\d.]+) /', page).group(1)


def test_the_self_check_says_what_evalkit_check_says(served, capsys):
    """Total, grade, every gap's criterion and every finding's code match `evalkit check --format json`."""
    _server, clerk, docx = served
    page = clerk.post("/check", files={"report": ("贤庠镇.docx", docx.read_bytes())}).text
    assert main(["check", str(docx), "--format", "json"]) == 0
    card = json.loads(capsys.readouterr().out)
    assert score_of(page) == f"{card['total']:g}" and card["grade"] in page
    for gap in card["gaps"]:
        assert f'<span class="code">{gap["criterion"]}</span>' in page
    assert page.count("<dt>整改建议</dt>") == page.count("<dt>依据</dt>") == len(card["gaps"])
    for finding in card["findings"]:
        assert f'（{finding["code"]}' in page
    assert "分类得分" in page and 'class="chart"' in page


def test_each_figure_shows_the_line_it_came_from(served):
    """A figure read from the report is shown with its line number and its words."""
    _server, clerk, docx = served
    page = clerk.post("/check", files={"report": ("贤庠镇.docx", docx.read_bytes())}).text
    row = re.search(r'name="item:disputes\.resolved" value="213".*?</tr>', page, re.S).group(0)
    assert re.search(r"第 \d+ 行", row) and "依法化解矛盾纠纷213件" in row


def test_a_corrected_figure_changes_the_score_and_a_bad_one_is_explained(served):
    """Adding a figure the report lacks raises the score; a figure that is not a number is refused in Chinese."""
    _server, clerk, docx = served
    first = clerk.post("/check", files={"report": ("贤庠镇.docx", docx.read_bytes())})
    token = re.search(r"/check/([\w-]+)/rescore", first.text).group(1)
    missing = re.search(r'name="item:([\w.]+)" value="" maxlength="40" placeholder="是/否"', first.text).group(1)
    again = clerk.post(f"/check/{token}/rescore", {f"item:{missing}": "是"})
    assert float(score_of(again.text)) > float(score_of(first.text))
    assert "已按您更正或确认的 1 项数字重新评分" in again.text and 'class="corrected"' in again.text
    bad = clerk.post(f"/check/{token}/rescore", {"item:disputes.resolved": "二百"})
    assert bad.status_code == 422 and "不是有效的数值" in bad.text and "二百" in bad.text


def test_a_figure_to_confirm_scores_once_the_clerk_confirms_it(served, tmp_path):
    """A mapping with weak evidence is shown “待核对” and scores nothing until ticked; the tick keeps its line and stays."""
    import docx

    _server, clerk, _docx = served
    document = docx.Document()
    for line in ("贤庠镇2022年法治政府建设年度报告", "全年开展宪法专题学习5次。"):
        document.add_paragraph(line)
    document.save(str(tmp_path / "草稿.docx"))
    first = clerk.post("/check", files={"report": ("草稿.docx", (tmp_path / "草稿.docx").read_bytes())}).text
    row = re.search(r'name="item:leadership\.study_sessions" value="5".*?</tr>', first, re.S).group(0)
    assert "待核对：未写明参加对象" in row and 'name="confirm:leadership.study_sessions"' in row
    assert re.findall(r'name="item:([\w.]+)"', first)[0] == "leadership.study_sessions"  # figures to confirm come first
    assert "有 1 个数字归入指标项的依据不足" in first and "勾选“确认无误”" in first and "evalkit extract" not in first
    token = re.search(r"/check/([\w-]+)/rescore", first).group(1)
    form = {"item:leadership.study_sessions": "5", "confirm:leadership.study_sessions": "1"}
    confirmed = clerk.post(f"/check/{token}/rescore", form).text
    row = re.search(r'name="item:leadership\.study_sessions" value="5".*?</tr>', confirmed, re.S).group(0)
    assert float(score_of(confirmed)) > float(score_of(first))
    assert "已确认" in row and " checked>" in row and "第 2 行" in row and "已按您更正或确认的 1 项数字重新评分" in confirmed
    assert "个数字归入指标项的依据不足" not in confirmed
    unticked = clerk.post(f"/check/{token}/rescore", {"item:leadership.study_sessions": "5"}).text
    assert score_of(unticked) == score_of(first) and "待核对" in unticked


def test_an_unreadable_report_is_explained_naming_the_file(served):
    """A .docx that is not a Word file gets a Chinese message naming the file, and no draft."""
    _server, clerk, _docx = served
    response = clerk.post("/check", files={"report": ("坏文件.docx", b"not a zip at all")})
    assert response.status_code == 422 and "坏文件.docx" in response.text and "/tmp/" not in response.text


def test_a_report_of_another_township_cannot_be_submitted(served):
    """丹东街道's submission uploaded by 贤庠镇 is scored, but 提交 is refused."""
    server, clerk, _docx = served
    other = next(COUNTY.glob("01-*.json"))
    page = clerk.post("/check", files={"report": ("丹东.json", other.read_bytes())})
    assert "与本账号“贤庠镇”不符" in page.text and "请检查报告标题" not in page.text
    assert 'id="submit"' not in page.text and 'id="own"' in page.text  # 提交 is not offered while the names differ
    token = re.search(r"/check/([\w-]+)/rescore", page.text).group(1)
    assert clerk.post(f"/check/{token}/submit").status_code == 409


def test_submitting_keeps_the_file_under_its_hash(served):
    """提交 keeps the bytes as FILES/<sha256>.docx, never under the clerk's name, and lists the submission."""
    server, clerk, docx = served
    data = docx.read_bytes()
    page = clerk.post("/check", files={"report": ("../../我的 报告.docx", data)})
    token = re.search(r"/check/([\w-]+)/submit", page.text).group(1)
    done = clerk.post(f"/check/{token}/submit")
    assert "已提交" in done.text and "我的 报告.docx" in done.text
    kept = server.folder / "evalkit.db.files" / f"{hashlib.sha256(data).hexdigest()}.docx"
    assert kept.read_bytes() == data
    assert not list(server.folder.rglob("我的 报告.docx"))
    assert "我的 报告.docx" in clerk.get("/township").text
    again = clerk.http.post(f"/check/{token}/submit", data={"csrf": clerk.csrf})  # a second 提交 goes to the submission
    assert again.status_code == 303 and again.headers["location"] == f"{done.url.path}?submitted=1"


def test_markup_in_a_report_is_shown_as_text_never_run(served):
    """A report line carrying HTML shows escaped on the self-check and the submission pages."""
    _server, clerk, _docx = served
    from webserver import REPORT

    hostile = REPORT.read_text(encoding="utf-8").replace("办结群众信访件170件。", "办结群众信访件170件。<script>alert(1)</script><img src=x onerror=alert(2)>")
    page = clerk.post("/check", files={"report": ("贤庠镇<i>稿.txt", hostile.encode("gb18030"))})
    token = re.search(r"/check/([\w-]+)/submit", page.text).group(1)
    submitted = clerk.post(f"/check/{token}/submit")
    for text in (page.text, submitted.text):
        assert "<script>" not in text and "<img src=x" not in text and "<i>稿" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text and "贤庠镇&lt;i&gt;稿.txt" in submitted.text


def test_a_docx_bomb_is_refused_naming_the_file(served):
    """A small .docx that would inflate past the readers' limit is refused in Chinese (422), with no draft kept."""
    import io
    import zipfile

    _server, clerk, _docx = served
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<a/>" + " " * 5_000_000)
    response = clerk.post("/check", files={"report": ("炸弹.docx", buffer.getvalue())})
    assert response.status_code == 422 and "炸弹.docx" in response.text and "压缩比" in response.text


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice (soffice) is not installed")
def test_a_word_97_report_is_read_in_a_worker_while_others_are_answered(served, tmp_path):
    """A .doc goes through LibreOffice in a scoring worker; meanwhile another township's self-check is answered."""
    from made import convert

    _server, clerk, docx = served
    doc = convert(docx, "doc", tmp_path).read_bytes()
    with ThreadPoolExecutor(1) as pool:
        slow = pool.submit(clerk.post, "/check", None, {"report": ("贤庠镇.doc", doc)})
        other = Client(_server.url)
        other.login(*DANDONG)
        answered = other.post("/check", files={"report": ("丹东.json", next(COUNTY.glob("01-*.json")).read_bytes())})
        assert 'id="score"' in answered.text and not slow.done()
        page = slow.result(timeout=170)
        other.close()
    assert 'id="score"' in page.text and "贤庠镇.doc" in page.text


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice (soffice) is not installed")
def test_a_township_cannot_fill_the_workers_queue(served, tmp_path):
    """Three slow uploads at once from one township: two are scored, the third is told to wait (429, in Chinese)."""
    from made import convert

    server, _clerk, docx = served
    doc = convert(docx, "doc", tmp_path).read_bytes()
    clerks = [Client(server.url) for _ in range(3)]
    for clerk in clerks:
        clerk.login(*XIANXIANG)
    with ThreadPoolExecutor(3) as pool:
        answers = list(pool.map(lambda n: clerks[n].post("/check", files={"report": (f"贤庠镇{n}.doc", doc + bytes(n))}), range(3)))
    assert sorted(a.status_code for a in answers) == [200, 200, 429]
    assert "请等页面显示结果后再上传" in next(a.text for a in answers if a.status_code == 429)
    for clerk in clerks:
        clerk.close()


def plain_report(path):
    """贤庠镇's report without its title, signature and date, and with no name of the township, its county or a year."""
    import docx

    from webserver import REPORT

    document = docx.Document()
    for line in REPORT.read_text(encoding="utf-8").splitlines()[1:-3]:
        document.add_paragraph(re.sub(r"20\d\d年", "今年", line).replace("贤庠镇", "我镇").replace("象山县", ""))
    document.save(str(path))
    return path


def draft_to_confirm(path):
    """A short report with one figure “待核对” (its participants unnamed)."""
    import docx

    document = docx.Document()
    for line in ("贤庠镇2022年法治政府建设年度报告", "全年开展宪法专题学习5次。"):
        document.add_paragraph(line)
    document.save(str(path))
    return path


def stored(server, sql: str, *args):
    import sqlite3

    with sqlite3.connect(server.folder / "evalkit.db") as conn:
        return conn.execute(sql, args).fetchone()


def test_the_file_name_gives_the_township_and_year_as_evalkit_check_reads_it(served, tmp_path, capsys):
    """A report naming neither its township nor its year, named 贤庠镇2022年度报告.docx: 贤庠镇 and 2022, as on the command line."""
    _server, clerk, _docx = served
    report = plain_report(tmp_path / "贤庠镇2022年度报告.docx")
    assert main(["check", str(report), "--format", "json"]) == 0
    card = json.loads(capsys.readouterr().out)
    assert (card["subject"]["name"], card["year"]) == ("贤庠镇", 2022)
    page = clerk.post("/check", {"year": "2021"}, files={"report": (report.name, report.read_bytes())}).text
    assert score_of(page) == f"{card['total']:g}" and "提交 2022 年度报告" in page
    assert "“upload”" not in page and 'id="mismatch"' not in page and 'id="submit"' in page


def test_a_report_naming_no_township_or_year_is_the_accounts_of_the_picked_year(served, tmp_path):
    """Scored and submitted as 贤庠镇 of 象山县 (the account's) for the year picked on upload, never as 2000."""
    server, clerk, _docx = served
    report = plain_report(tmp_path / "草稿.docx")
    page = clerk.post("/check", {"year": "2022"}, files={"report": ("草稿.docx", report.read_bytes())})
    assert "按本账号单位“贤庠镇”评分" in page.text and "按上传时选择的报告年度 2022 年评分" in page.text
    assert "提交 2022 年度报告" in page.text and "2000 年" not in page.text and "2000年" not in page.text
    token = re.search(r"/check/([\w-]+)/rescore", page.text).group(1)
    done = clerk.post(f"/check/{token}/submit")
    sid = int(re.search(r"/submissions/(\d+)/file", done.text).group(1))
    year, card = stored(server, "SELECT year, card FROM submissions WHERE id = ?", sid)
    assert year == 2022 and json.loads(card)["subject"] == {"name": "贤庠镇", "level": "镇", "county": "象山县"}


def test_no_page_tells_the_clerk_of_a_command_line_option(served, tmp_path):
    """The findings of a report lacking its name, level and year are worded for the web: no --township, --year or evalkit extract."""
    _server, clerk, _docx = served
    report = plain_report(tmp_path / "x.docx")
    for name, data in (("x.docx", report.read_bytes()), ("tiny.txt", "报告".encode("utf-8"))):
        page = clerk.post("/check", files={"report": (name, data)}).text
        assert 'id="score"' in page
        assert not re.search(r"--township|--year|--db|evalkit extract", page), name


def test_the_clerk_confirms_a_report_whose_name_was_misread_is_its_own(served):
    """A name read otherwise is a mismatch without 提交; “报告确为本单位报告” rescores as 贤庠镇, is logged, and 提交 then works."""
    server, clerk, _docx = served
    from webserver import REPORT

    misread = REPORT.read_text(encoding="utf-8").replace("贤庠镇", "贤库镇").encode("utf-8")
    page = clerk.post("/check", {"year": "2022"}, files={"report": ("扫描稿.txt", misread)})
    assert "“贤库镇”，与本账号“贤庠镇”不符" in page.text and 'id="submit"' not in page.text and "请检查报告标题" not in page.text
    token = re.search(r"/check/([\w-]+)/rescore", page.text).group(1)
    own = clerk.post(f"/check/{token}/own")
    assert own.status_code == 200 and 'id="mismatch"' not in own.text and 'id="submit"' in own.text
    assert "按本账号单位“贤庠镇”评分（报告中读出的名称为“贤库镇”）" in own.text
    assert stored(server, "SELECT detail FROM audit WHERE action = 'own_name' ORDER BY id DESC")[0].count("扫描稿.txt") == 1
    done = clerk.post(f"/check/{token}/submit")
    assert "已提交" in done.text and "贤庠镇 2022 年度报告" in done.text


def test_a_refused_figure_keeps_every_value_and_tick_as_typed(served, tmp_path):
    """One bad figure: the page says which, marks it, and shows the other values and ticks as the clerk left them."""
    _server, clerk, _docx = served
    report = draft_to_confirm(tmp_path / "草稿.docx")
    page = clerk.post("/check", files={"report": ("草稿.docx", report.read_bytes())})
    token = re.search(r"/check/([\w-]+)/rescore", page.text).group(1)
    form = {"item:leadership.study_sessions": "5", "confirm:leadership.study_sessions": "1", "item:emergency.drills": "3",
            "item:disputes.resolved": "二百"}
    refused = clerk.post(f"/check/{token}/rescore", form)
    assert refused.status_code == 422 and "“二百”不是有效的数值" in refused.text
    assert 'name="item:emergency.drills" value="3"' in refused.text
    assert re.search(r'name="confirm:leadership\.study_sessions" value="1" aria-label="[^"]+" checked', refused.text)
    bad = re.search(r'<tr class="bad">.*?</tr>', refused.text, re.S).group(0)
    assert 'value="二百"' in bad and 'aria-invalid="true"' in bad


def test_submit_applies_what_was_typed_and_keeps_a_note_on_unconfirmed_figures(served, tmp_path):
    """提交 sends the table: a value typed but not rescored is kept; the figure left 待核对 is told as such on every submitted page."""
    server, clerk, _docx = served
    report = draft_to_confirm(tmp_path / "草稿.docx")
    page = clerk.post("/check", files={"report": ("草稿.docx", report.read_bytes())})
    assert "尚有 1 个数字待核对，提交后用到它们的评分项不计分" in page.text
    token = re.search(r"/check/([\w-]+)/rescore", page.text).group(1)
    done = clerk.post(f"/check/{token}/submit", {"item:leadership.study_sessions": "5", "item:emergency.drills": "3"})
    assert "更正或确认的数字：<strong>1 项</strong>" in done.text and "“应急演练次数”：补填“3”" in done.text and "emergency.drills" not in done.text
    assert "提交时尚有 1 个数字未核对，用到它们的评分项未计分" in done.text and "按更正重新评分" not in done.text
    office = Client(server.url)
    office.login(*OFFICE)
    sid = re.search(r"/submissions/(\d+)/file", done.text).group(1)
    for path in (f"/submissions/{sid}", "/office/2022/report.html"):
        shown = office.get(path).text
        assert "提交时尚有 1 个数字未核对" in shown and "按更正重新评分" not in shown, path
    office.close()


def test_a_self_check_that_is_gone_says_so_and_links_to_upload_again(served):
    """An unknown or expired self-check: 404 with words that say it is no longer kept, and a link to upload again."""
    _server, clerk, _docx = served
    for response in (clerk.get("/check/no-such-token"), clerk.post("/check/no-such-token/rescore", {"item:emergency.drills": "3"})):
        assert response.status_code == 404 and "这份自检结果已不在" in response.text and '<a href="/township">重新上传</a>' in response.text


def test_a_double_click_on_submit_keeps_one_submission(served):
    """Two 提交 of one self-check at once: one submission is kept, and both answers lead to it."""
    server, clerk, docx = served
    page = clerk.post("/check", files={"report": ("双击.docx", docx.read_bytes())})
    token = re.search(r"/check/([\w-]+)/rescore", page.text).group(1)
    before = stored(server, "SELECT COUNT(*) FROM submissions")[0]
    with ThreadPoolExecutor(2) as pool:
        answers = list(pool.map(lambda _n: clerk.post(f"/check/{token}/submit"), range(2)))
    assert stored(server, "SELECT COUNT(*) FROM submissions")[0] == before + 1
    assert [a.status_code for a in answers] == [200, 200] and answers[0].url == answers[1].url


def test_the_submission_lists_each_correction_by_title_with_the_value_read(served, tmp_path):
    """A confirmation, a change and a removal are told apart on the submission page, each under its item's title."""
    _server, clerk, docx = served
    page = clerk.post("/check", files={"report": ("草稿.docx", draft_to_confirm(tmp_path / "草稿.docx").read_bytes())})
    token = re.search(r"/check/([\w-]+)/rescore", page.text).group(1)
    form = {"item:leadership.study_sessions": "5", "confirm:leadership.study_sessions": "1"}
    confirmed = clerk.post(f"/check/{token}/submit", form).text
    assert "“党委理论学习中心组学法次数”：确认读出的“5”无误" in confirmed
    page = clerk.post("/check", files={"report": ("贤庠镇.docx", docx.read_bytes())})
    token = re.search(r"/check/([\w-]+)/rescore", page.text).group(1)
    cleared, value = next(m for m in re.findall(r'name="item:([\w.]+)" value="(\d+)"', page.text) if m[0] != "disputes.resolved")
    changed = clerk.post(f"/check/{token}/submit", {"item:disputes.resolved": "214", f"item:{cleared}": ""}).text
    assert "“依法化解矛盾纠纷件数”：读出的“213”更正为“214”" in changed and f"：删除读出的“{value}”" in changed
