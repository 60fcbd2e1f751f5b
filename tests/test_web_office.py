"""The office's pages over HTTP: who has and has not submitted, the ranking as `evalkit score`
ranks the same files, the workbook and CSV, keeping the year in the results store, and 整改
assessed from it the next year."""

import csv
import io
import re
from pathlib import Path

import openpyxl
import pytest

from evalkit.cli import main
from evalkit.store import Store
from webserver import COUNTY, OFFICE, ROOT, XIANXIANG, Client, Server


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    folder = tmp_path_factory.mktemp("office")
    server = Server(folder).start()
    office = Client(server.url)
    office.login(*OFFICE)
    yield server, office
    office.close()
    server.stop()


def test_the_overview_shows_who_has_not_submitted(served):
    """17 of the demo county's townships have submitted; 贤庠镇 has not."""
    _server, office = served
    page = office.get("/office").text
    assert "已提交 <strong>17</strong> 个，未提交 <strong>1</strong> 个：贤庠镇" in page


def test_the_ranking_is_the_one_evalkit_score_gives(served, tmp_path, capsys):
    """The page's ranking table and the CSV rank the same townships, with the same totals, as `evalkit score`."""
    _server, office = served
    files = [str(p) for p in sorted(COUNTY.glob("*.json")) if "贤庠镇" not in p.name]
    main(["score", *files, "--out", str(tmp_path / "out"), "--formats", "csv"])
    capsys.readouterr()
    expected = list(csv.reader(io.StringIO((tmp_path / "out" / "ranking.csv").read_text(encoding="utf-8-sig"))))
    served_csv = office.get("/office/2022/ranking.csv")
    assert served_csv.status_code == 200
    got = list(csv.reader(io.StringIO(served_csv.content.decode("utf-8-sig"))))
    source = expected[0].index("来源文件")
    assert [row[:source] + row[source + 1:] for row in got] == [row[:source] + row[source + 1:] for row in expected]
    assert [row[source] for row in got[1:]] == [f"{row[2]}/{Path(row[source]).name}" for row in expected[1:]]
    page = office.get("/office").text
    rows = re.findall(r"<tr><td>(\d+)</td><td>\d+</td><td>([^<]+)</td><td>[^<]+</td><td>([\d.]+)</td>", page)
    assert [(r[0], r[1], r[2]) for r in rows] == [(e[0], e[2], e[5]) for e in expected[1:]]  # rank, name, total
    report = office.get("/office/2022/report.html").text
    assert "象山县 2022 年度法治政府建设考评结果" in report and report.count('<section class="township"') == 17


def test_the_workbook_opens(served, tmp_path):
    """evalkit.xlsx downloads as an attachment, opens in openpyxl with every submitted township, and names no command-line option."""
    _server, office = served
    response = office.get("/office/2022/evalkit.xlsx")
    assert response.status_code == 200 and "attachment" in response.headers["content-disposition"]
    book = openpyxl.load_workbook(io.BytesIO(response.content), read_only=True)
    names = {row[2] for row in book[book.sheetnames[0]].iter_rows(min_row=2, values_only=True) if row and row[2]}
    assert len(names & {p.stem.split("-", 1)[1] for p in COUNTY.glob("*.json")}) == 17
    cells = [str(v) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for v in row if v]
    assert not [c for c in cells if re.search(r"--db|--township|--year", c)]  # the office has no command line to use them on


def test_keeping_the_year_lets_next_year_assess_rectification(served):
    """存入成绩库 keeps 2022 as a run; 贤庠镇's 2023 self-check then shows what became of its 2022 gaps."""
    server, office = served
    kept = office.post("/office/2022/archive")
    assert "已存入成绩库" in kept.text
    with Store(server.folder / "evalkit.db", readonly=True) as store:
        run = store.current_run(2022)
        assert run is not None and len(store.scorecards(run.id)) == 17
    clerk = Client(server.url)
    clerk.login(*XIANXIANG)
    data = (ROOT / "examples" / "xiangshan-2023" / "07-贤庠镇.json").read_bytes()
    page = clerk.post("/check", files={"report": ("2023.json", data)}).text
    assert "上年问题整改情况" not in page  # 贤庠镇 did not submit in 2022, so there is nothing to assess
    dandong = Client(server.url)
    dandong.login("丹东街道", "demo01")
    page = dandong.post("/check", files={"report": ("2023.json", (ROOT / "examples" / "xiangshan-2023" / "01-丹东街道.json").read_bytes())})
    token = re.search(r"/check/([\w-]+)/submit", page.text).group(1)
    assert "上年问题整改情况" in page.text
    dandong.post(f"/check/{token}/submit")
    overview = office.get("/office?year=2023").text
    assert re.search(r"(已整改|部分整改|未整改)[^<]*\d+ 项", overview)
    assert "尚有 17 个单位未提交" in overview and 'id="kept"' not in overview  # 2023 was never kept
    kept_2022 = office.get("/office?year=2022").text
    assert re.search(r"本年度结果已于 [^<]+ 存入成绩库（编号 \d+），此后没有新的提交", kept_2022)
    late = clerk.post("/check", files={"report": ("2022.json", (ROOT / "examples" / "xiangshan-2022" / "07-贤庠镇.json").read_bytes())})
    late_token = re.search(r"/check/([\w-]+)/submit", late.text).group(1)
    clerk.post(f"/check/{late_token}/submit")
    assert "此后又有 <strong>1</strong> 个单位提交或重新提交" in office.get("/office?year=2022").text
    clerk.close()
    dandong.close()


def test_the_audit_log_records_the_offices_actions(served):
    """Viewing, downloading and keeping the year are each in the audit log."""
    _server, office = served
    log = office.get("/office/audit").text
    for action in ("登录", "查看提交与排名", "下载结果文件"):
        assert action in log
    assert "文件：evalkit.xlsx；年度：2022" in log and "年度：2022" in log  # details in words, not key=value
    assert "file=" not in log and "True" not in log and "False" not in log
