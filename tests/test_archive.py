"""A .zip of reports: members read under limits, named “reports.zip：成员名”, the batch going on."""

import json
import tempfile
import zipfile
from pathlib import Path

import pytest

from evalkit import archive
from evalkit.cli import ExitCode, main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "xiangshan-2022"
REPORT = ROOT / "tests" / "corpus" / "xianxiang-2022.docx"


class GbkInfo(zipfile.ZipInfo):
    """A member whose name is written in GBK without the UTF-8 flag, as Chinese Windows zips are."""

    def _encodeFilenameFlags(self):  # zipfile's own hook; it would otherwise write UTF-8 with the flag
        return self.filename.encode("gb18030"), self.flag_bits & ~archive.UTF8_FLAG


def _zip(path: Path, members: dict, info=GbkInfo) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in members.items():
            entry = name if isinstance(name, zipfile.ZipInfo) else info(name)
            entry.compress_type = zipfile.ZIP_DEFLATED
            out.writestr(entry, data)
    return path


def _score(capsys, tmp_path, *paths, extra=()):
    code = main(["score", *map(str, paths), "--out", str(tmp_path / "out"), "--format", "json", *extra])
    captured = capsys.readouterr()
    return code, (json.loads(captured.out) if captured.out.strip() else None), captured.err


def _examples(*names):
    return {f"象山县/{n}": (EXAMPLES / n).read_bytes() for n in names}


@pytest.fixture(autouse=True)
def private_temp(tmp_path, monkeypatch):
    """The zip's members go to a temporary folder of this test's, so that the test sees it emptied."""
    folder = tmp_path / "temp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    yield folder
    assert list(folder.iterdir()) == [], "members left behind"


@pytest.mark.parametrize("info", [GbkInfo, zipfile.ZipInfo], ids=["gbk", "utf8-flag"])
def test_a_zip_of_reports_is_scored(capsys, tmp_path, info):
    """Every member is scored and named “reports.zip：成员名”, whether its name is GBK or flagged UTF-8."""
    members = _examples("07-贤庠镇.json", "04-石浦镇.json") | {"象山县/贤庠镇报告.docx": REPORT.read_bytes()}
    reports = _zip(tmp_path / "reports.zip", members, info)
    code, summary, err = _score(capsys, tmp_path, reports)
    assert code == ExitCode.OK, err
    sources = sorted(row["source"] for row in summary["ranking"])
    assert sources == [f"{reports}：象山县/{n}" for n in ("04-石浦镇.json", "07-贤庠镇.json", "贤庠镇报告.docx")]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "reports.zip", "temp"]  # nothing unpacked beside it


def test_two_members_of_one_name_are_both_read(capsys, tmp_path):
    """A zip holding the same name twice (appended to) reads both, in the zip's order, each into its own place."""
    reports = _zip(tmp_path / "reports.zip", _examples("07-贤庠镇.json"))
    with zipfile.ZipFile(reports, "a") as again:
        again.writestr(GbkInfo("象山县/07-贤庠镇.json"), (EXAMPLES / "04-石浦镇.json").read_bytes())
    code, summary, err = _score(capsys, tmp_path, reports)
    assert code == ExitCode.OK, err
    assert sorted(row["name"] for row in summary["ranking"]) == ["石浦镇", "贤庠镇"]


def test_member_names_decode_by_flag_then_utf8_then_gb18030():
    """A flagged name is UTF-8; an unflagged one is read as UTF-8 if it can be, else GB18030, never cp437."""
    gbk = zipfile.ZipInfo("x")
    gbk.orig_filename = "贤庠镇.docx".encode("gb18030").decode("cp437")
    plain_utf8 = zipfile.ZipInfo("x")
    plain_utf8.orig_filename = "贤庠镇.docx".encode("utf-8").decode("cp437")
    assert archive.member_name(gbk) == archive.member_name(plain_utf8) == "贤庠镇.docx"


def _member_failure(capsys, tmp_path, bad: dict, words: str, extra=()):
    members = _examples("07-贤庠镇.json") | bad
    code, summary, err = _score(capsys, tmp_path, _zip(tmp_path / "reports.zip", members), extra=extra)
    assert code == ExitCode.FAILED and len(summary["ranking"]) == 1, err
    [failure] = summary["failures"]
    assert failure["source"].startswith(f"{tmp_path / 'reports.zip'}：") and words in failure["message"], failure
    assert failure["source"] in failure["message"] and "Traceback" not in err and "内部错误" not in err
    return failure


def _link(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.create_system, info.external_attr = 3, 0o120777 << 16
    return info


def _encrypted(path: Path, name: str) -> Path:
    """The zip with ``name`` marked encrypted in its local and central headers (zipfile writes no encryption)."""
    data, encoded = bytearray(path.read_bytes()), name.encode("gb18030")
    for signature, flags, name_at in ((b"PK\x03\x04", 6, 30), (b"PK\x01\x02", 8, 46)):
        at = data.find(signature)
        while at != -1:
            if data[at + name_at : at + name_at + len(encoded)] == encoded:
                data[at + flags] |= archive.ENCRYPTED_FLAG
            at = data.find(signature, at + 4)
    path.write_bytes(bytes(data))
    return path


def test_encrypted_member(capsys, tmp_path):
    """A member marked encrypted is refused before it is read, named, and the batch goes on."""
    reports = _encrypted(_zip(tmp_path / "reports.zip", _examples("07-贤庠镇.json") | {"丹东街道.json": b"{}"}), "丹东街道.json")
    code, summary, err = _score(capsys, tmp_path, reports)
    assert code == ExitCode.FAILED and len(summary["ranking"]) == 1
    assert f"{reports}：丹东街道.json：成员已加密" in err


@pytest.mark.parametrize(
    "bad, words",
    [
        ({"/etc/贤庠镇.json": b"{}"}, "绝对路径"),
        ({"C:\\报告\\贤庠镇.json": b"{}"}, "绝对路径"),
        ({"../../贤庠镇.json": b"{}"}, "“..”"),
        ({_link("丹东街道.json"): b"/etc/passwd"}, "符号链接"),
        ({"内层.zip": b"PK\x05\x06" + bytes(18)}, "不会展开"),
        ({"丹东街道.txt": " ".encode() * 5_000_000}, "压缩比超过 200 倍"),
        ({"丹东街道.json": b"{"}, "JSON"),
    ],
    ids=["absolute", "drive", "parent", "link", "nested", "ratio", "bad-json"],
)
def test_each_bad_member_is_named_and_the_batch_goes_on(capsys, tmp_path, bad, words):
    """Unsafe paths, links, encryption, nested zips, bombs and bad files: a named failure, the rest scored."""
    _member_failure(capsys, tmp_path, bad, words)


def test_member_too_large(capsys, tmp_path, monkeypatch):
    """A member inflating past MEMBER_BYTES is refused by the bytes read, naming the limit."""
    limit = (EXAMPLES / "07-贤庠镇.json").stat().st_size + 10
    monkeypatch.setattr(archive, "MEMBER_BYTES", limit)
    _member_failure(capsys, tmp_path, {"丹东街道.txt": bytes(range(256)) * (limit // 256 + 1)}, f"{limit} 字节")


def test_total_inflated_bytes_are_capped(capsys, tmp_path, monkeypatch):
    """Past TOTAL_BYTES in all, the member that crosses it and those after it are refused."""
    monkeypatch.setattr(archive, "TOTAL_BYTES", (EXAMPLES / "07-贤庠镇.json").stat().st_size + 10)
    _member_failure(capsys, tmp_path, {"象山县/09-泗洲头镇.json": (EXAMPLES / "09-泗洲头镇.json").read_bytes()}, "合计超过")


def test_too_many_members(capsys, tmp_path, monkeypatch):
    """A zip of more members than MAX_MEMBERS is refused whole, and the other inputs are scored."""
    monkeypatch.setattr(archive, "MAX_MEMBERS", 3)
    many = _zip(tmp_path / "many.zip", {f"{i}.txt": b"x" for i in range(4)})
    code, summary, err = _score(capsys, tmp_path, many, EXAMPLES / "07-贤庠镇.json")
    assert code == ExitCode.FAILED and "超过 3 个的上限" in err and len(summary["ranking"]) == 1


def test_damaged_zip_and_damaged_member(capsys, tmp_path):
    """A file that is no zip, and a member whose data fails its check, are each named; the batch goes on."""
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"not a zip at all")
    good = _zip(tmp_path / "reports.zip", _examples("07-贤庠镇.json", "04-石浦镇.json"))
    data = bytearray(good.read_bytes())
    at = data.index(b"\x00", data.index("04-石浦镇".encode("gb18030")) + 20)  # inside the first member's packed data
    data[at + 5] ^= 0xFF
    good.write_bytes(bytes(data))
    code, summary, err = _score(capsys, tmp_path, broken, good)
    assert code == ExitCode.FAILED and len(summary["ranking"]) == 1
    assert f"{broken}：压缩包已损坏" in err and f"{good}：象山县/04-石浦镇.json" in err


def test_zips_in_a_folder_and_parallel_workers(capsys, tmp_path):
    """A zip found in a folder is read too, and forked workers name its members as the zip does."""
    folder = tmp_path / "in"
    folder.mkdir()
    _zip(folder / "一批.zip", _examples("07-贤庠镇.json", "04-石浦镇.json") | {"坏.json": b"[]"})
    code, summary, err = _score(capsys, tmp_path, folder, extra=["--jobs", "2"])
    assert code == ExitCode.FAILED and len(summary["ranking"]) == 2
    assert summary["failures"][0]["source"] == f"{folder / '一批.zip'}：坏.json"
    assert f"{folder / '一批.zip'}：坏.json" in summary["failures"][0]["message"]
