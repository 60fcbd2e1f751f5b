"""Opening .docx packages safely: caps on inflated bytes, ratio and elements, no DTDs, encryption named."""

import pytest
from docx_files import W_NS, build, compound_file, rewrite, zipped
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from evalkit.cli import ExitCode, main
from evalkit.default_plugins.readers import read_docx
from evalkit.errors import InputError
from evalkit.report import ooxml

BODY = ["一、主要举措和成效", "全年开展普法宣传48场次。"]
LAUGHS = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">' + "".join(
    f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i else "&lol;" * 10}">' for i in range(9)
) + ']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol8;</w:t></w:r></w:p></w:body></w:document>'


def _refusal(path) -> str:
    with pytest.raises(InputError) as caught:
        read_docx(path)
    message = caught.value.message()
    assert str(path) in message
    return message


def test_a_large_picture_is_not_a_bomb(tmp_path):
    """A picture that packs 8 MB into a few KB is never inflated: the report is read."""
    path = rewrite(build(tmp_path / "photo.docx", BODY), {"word/media/image1.png": bytes(8 * 1024 * 1024)})
    assert "普法宣传48场次" in read_docx(path)


def test_bomb_judged_by_inflated_bytes(tmp_path):
    """A main part inflating past the ratio limit is refused, naming the part and the limit."""
    path = rewrite(build(tmp_path / "bomb.docx", BODY), {"word/document.xml": lambda old: old.replace("<w:body>", "<w:body>" + " " * 5_000_000)})
    message = _refusal(path)
    assert "word/document.xml" in message and f"{ooxml.MAX_RATIO} 倍" in message and "压缩炸弹" in message


def test_part_too_large(tmp_path, monkeypatch):
    """A part inflating past PART_BYTES is refused by the bytes read, naming the limit."""
    monkeypatch.setattr(ooxml, "PART_BYTES", 200_000)
    filler = "".join(f"<w:p><w:r><w:t>第{i}段</w:t></w:r></w:p>" for i in range(20_000))
    path = rewrite(build(tmp_path / "big.docx", BODY), {"word/document.xml": lambda old: old.replace("<w:body>", "<w:body>" + filler)})
    assert "200000 字节" in _refusal(path)


def test_too_many_elements(tmp_path, monkeypatch):
    """A part holding more XML elements than the cap is refused, naming the cap."""
    monkeypatch.setattr(ooxml, "MAX_ELEMENTS", 5_000)
    filler = "<w:p/>" * 6_000
    path = rewrite(build(tmp_path / "many.docx", BODY), {"word/document.xml": lambda old: old.replace("<w:body>", "<w:body>" + filler)})
    assert "5000 个 XML 元素" in _refusal(path)


def test_too_many_parts(tmp_path):
    """A package of more members than MAX_ENTRIES is refused before any is read."""
    members = {f"junk/{i}.xml": b"<a/>" for i in range(ooxml.MAX_ENTRIES + 1)}
    path = tmp_path / "parts.docx"
    path.write_bytes(zipped(members))
    assert f"{ooxml.MAX_ENTRIES} 个" in _refusal(path)


def test_dtd_and_entities_are_refused(capsys, tmp_path):
    """A document declaring a DTD (billion laughs) is refused, not expanded."""
    path = rewrite(build(tmp_path / "laughs.docx", BODY), {"word/document.xml": LAUGHS.encode("utf-8")})
    assert main(["check", str(path)]) == ExitCode.USAGE
    err = capsys.readouterr().err
    assert "DTD" in err and str(path) in err and "lollol" not in err


def test_deep_nesting_is_a_clear_message(tmp_path):
    """XML nested past lxml's depth limit is a damaged document, with the limit named."""
    deep = "<w:sdt>" * 300 + "</w:sdt>" * 300
    path = rewrite(build(tmp_path / "deep.docx", BODY), {"word/document.xml": lambda old: old.replace("<w:body>", "<w:body>" + deep)})
    assert "256 层" in _refusal(path)


@pytest.mark.parametrize("stream, words", [("EncryptedPackage", "文件已加密，请去除密码后再提交"), ("WordDocument", "旧版 Word（.doc）")])
def test_compound_files_named_as_such(capsys, tmp_path, stream, words):
    """An encrypted .docx (an OLE file with EncryptedPackage) and a .doc renamed .docx say what they are."""
    path = tmp_path / "locked.docx"
    path.write_bytes(compound_file(stream))
    assert main(["check", str(path)]) == ExitCode.USAGE
    err = capsys.readouterr().err
    assert words in err and str(path) in err and "Traceback" not in err


def test_no_main_part(tmp_path):
    """A zip holding no Word main part is a damaged document, naming the missing part."""
    path = tmp_path / "empty.docx"
    path.write_bytes(zipped({"hello.txt": b"x"}))
    assert "word/document.xml" in _refusal(path)


def test_broken_xml_names_the_part_and_line(tmp_path):
    """Malformed XML in the main part names the part and its line."""
    path = rewrite(build(tmp_path / "broken.docx", BODY), {"word/document.xml": lambda old: old.replace("</w:body>", "")})
    message = _refusal(path)
    assert "word/document.xml" in message and "XML 格式错误" in message


TOKENS = ["<w:p>", "</w:p>", "<w:r>", "</w:r>", "<w:t>", "</w:t>", "<w:tbl>", "</w:tbl>", "<w:tr>", "</w:tr>", "<w:tc>", "</w:tc>",
          "<w:tcPr><w:vMerge/></w:tcPr>", '<w:gridSpan w:val="-3"/>', "<w:del>", "</w:del>", "<w:ins>", "</w:ins>",
          "<w:txbxContent>", "</w:txbxContent>", '<w:pPr><w:numPr><w:numId w:val="1"/><w:ilvl w:val="99"/></w:numPr></w:pPr>',
          "41", "件", "&amp;", "&lol;", "<!--", "-->", "<![CDATA[", "]]>", "\x00", "合法性审查"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(TOKENS), max_size=60), st.binary(max_size=64))
def test_any_body_is_read_or_refused_clearly(tmp_path, tokens, noise):
    """Whatever the main part holds, and whatever bytes a .docx is, reading gives text or a Chinese InputError."""
    xml = f'<w:document {W_NS}><w:body>{"".join(tokens)}</w:body></w:document>'.encode("utf-8", "surrogatepass")
    for index, data in enumerate((zipped({"word/document.xml": xml}), noise)):
        path = tmp_path / f"fuzz{index}.docx"
        path.write_bytes(data)
        try:
            assert isinstance(read_docx(path), str)
        except InputError as exc:
            assert str(path) in exc.message()
