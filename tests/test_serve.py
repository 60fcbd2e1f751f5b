"""`evalkit serve`: accounts made with --init, the demo county, and a restart that loses nothing."""

import re

from evalkit.cli import ExitCode, main
from evalkit.store import Store
from webserver import COUNTY, OFFICE, XIANXIANG, Client, Server, report_docx


def test_init_makes_one_account_per_township_and_one_for_the_office(tmp_path, capsys):
    """--init prints 19 new accounts with their passwords once; a second --init makes none and changes none."""
    db = str(tmp_path / "s.db")
    assert main(["serve", "--db", db, "--init", str(COUNTY)]) == ExitCode.OK
    out = capsys.readouterr().out
    assert "已创建 19 个账号" in out and "用户名：考评办" in out and "用户名：贤庠镇" in out
    passwords = re.findall(r"密码：(\S+)", out)
    assert len(set(passwords)) == 19 and all(len(p) == 12 for p in passwords)
    with Store(db) as store:
        before = [a.password for a in store.web.accounts()]
    assert main(["serve", "--db", db, "--init", str(COUNTY)]) == ExitCode.OK
    assert "已创建 0 个账号" in capsys.readouterr().out
    with Store(db) as store:
        assert [a.password for a in store.web.accounts()] == before
        assert len(store.web.townships()) == 18


def test_add_office_makes_one_more_office_account(tmp_path, capsys):
    """--add-office prints a new office account's password; the account signs in as the office would."""
    db = str(tmp_path / "s.db")
    assert main(["serve", "--db", db, "--add-office", "考评办二"]) == ExitCode.OK
    assert "已创建 1 个账号" in capsys.readouterr().out
    with Store(db) as store:
        account = store.web.account("考评办二")
        assert account.role == "office" and account.township_id is None


def test_reset_password_gives_a_new_one_and_ends_the_sessions(tmp_path, capsys):
    """--reset-password shows a new password once: the old one and every open session stop working, the new one signs in."""
    server = Server(tmp_path).start()
    try:
        clerk = Client(server.url)
        assert clerk.login(*XIANXIANG).status_code == 200 and clerk.get("/township").status_code == 200
        assert main(["serve", "--db", str(tmp_path / "evalkit.db"), "--reset-password", XIANXIANG[0]]) == ExitCode.OK
        out = capsys.readouterr().out
        password = re.search(r"用户名：贤庠镇  密码：(\S+)", out).group(1)
        assert "会话全部失效" in out and password != XIANXIANG[1]
        assert clerk.get("/township").status_code == 303  # the session has ended: back to the login page
        assert "用户名或密码不正确" in Client(server.url).login(*XIANXIANG).text
        assert Client(server.url).login(XIANXIANG[0], password).status_code == 200
        with Store(str(tmp_path / "evalkit.db")) as store:
            assert any(e.action == "password_reset" for e in store.web.audit_log())
    finally:
        server.stop()
    assert main(["serve", "--db", str(tmp_path / "evalkit.db"), "--reset-password", "无此人"]) == ExitCode.USAGE
    assert "没有用户名为“无此人”的账号" in capsys.readouterr().err


def test_init_without_townships_or_without_a_store_is_a_usage_error(tmp_path, capsys, monkeypatch):
    """An empty folder, or no --db and no EVALKIT_DB, gets a Chinese message and exit code 2."""
    monkeypatch.delenv("EVALKIT_DB", raising=False)
    assert main(["serve", "--init", str(COUNTY)]) == ExitCode.USAGE
    assert "没有指定成绩库" in capsys.readouterr().err
    (tmp_path / "empty").mkdir()
    assert main(["serve", "--db", str(tmp_path / "s.db"), "--init", str(tmp_path / "empty")]) == ExitCode.USAGE
    assert "没有可读取的乡镇报告或提交材料" in capsys.readouterr().err


def test_a_port_in_use_is_refused_in_chinese(tmp_path, capsys):
    """Another program on the port: a message naming the address and what to do, exit code 2, no traceback."""
    import socket

    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        assert main(["serve", "--db", str(tmp_path / "s.db"), "--port", str(port)]) == ExitCode.USAGE
    err = capsys.readouterr().err
    assert f"无法在 127.0.0.1:{port} 上提供服务" in err and "--port" in err and "Traceback" not in err


def test_a_restart_loses_nothing(tmp_path):
    """Stop uvicorn and start it on the same store: the session, the submission, its file and the ranking are all there."""
    server = Server(tmp_path).start()
    try:
        clerk = Client(server.url)
        clerk.login(*XIANXIANG)
        data = report_docx(tmp_path / "r.docx").read_bytes()
        page = clerk.post("/check", files={"report": ("定稿.docx", data)})
        token = re.search(r"/check/([\w-]+)/submit", page.text).group(1)
        submitted = clerk.post(f"/check/{token}/submit")
        path = submitted.url.path
        office = Client(server.url)
        office.login(*OFFICE)
        ranking = office.get("/office/2022/ranking.csv").content
        server.stop()
        server.start()
        assert "定稿.docx" in clerk.get(path).text  # the same session cookie still opens it
        assert clerk.get(path + "/file").content == data
        assert "已提交 <strong>18</strong> 个" in office.get("/office").text
        assert office.get("/office/2022/ranking.csv").content == ranking
    finally:
        server.stop()
    with Store(tmp_path / "evalkit.db") as store:
        assert len(store.web.years()) == 1 and len(store.web.current(2022)) == 18
