"""PDFs with a text layer (report/pdf.py) and the page layout rules (report/layout.py):
reading order, wrapped lines joined, running headers and page numbers dropped, bad PDFs."""

import json

import pytest

from evalkit.cli import ExitCode, main
from evalkit.errors import InputError
from evalkit.report import layout, pdf
from evalkit.report.layout import Line, Page


def _line(text, top, right=500.0, left=50.0, size=12.0):
    return Line(text, left, right, top, top + size)


def test_wrapped_lines_join_and_short_ones_end_a_paragraph():
    """A line reaching the right margin goes on in the next; a short one ends its paragraph."""
    lines = (_line("我镇全年开展法治宣传活动", 100), _line("23场次。", 120, right=150), _line("二、下一步工作", 140, right=200))
    assert layout.text_of([Page(lines, 800.0, 600.0)]).text == "我镇全年开展法治宣传活动23场次。\n二、下一步工作"


def test_a_full_line_ending_a_sentence_before_a_list_entry_ends_its_paragraph():
    """A full line ending in “。” followed by “(二)” or “二是” is the end of a paragraph."""
    lines = (_line("一是完善一村一法律顾问。", 100), _line("二是严格规范政务信息公开。", 120))
    assert layout.text_of([Page(lines, 800.0, 600.0)]).text == "一是完善一村一法律顾问。\n二是严格规范政务信息公开。"


def test_a_signature_set_to_the_right_is_not_joined_to_the_date():
    """Right-aligned lines reach the margin but do not go on: the signature and date stay two lines."""
    lines = (_line("全文最后一句话写到这里就结束了没有句号", 100), _line("象山县贤庠镇人民政府", 120, left=380), _line("2023年2月21日", 140, left=410))
    assert layout.text_of([Page(lines, 800.0, 600.0)]).text.split("\n")[1:] == ["象山县贤庠镇人民政府", "2023年2月21日"]


def test_an_indented_line_opens_a_paragraph_and_a_centred_one_goes_on():
    """A two-character indent starts a paragraph; a centred title's second line continues the first."""
    lines = (_line("贤庠镇人民政府关于二〇二二年度法治政府建", 60), _line("设情况的报告", 80, left=250, right=350),
             _line("第一段写满了一整行还没有写完所以接着写", 110), _line("第二段首行缩进两个字。", 130, left=74, right=300))
    assert layout.text_of([Page(lines, 800.0, 600.0)]).text == "贤庠镇人民政府关于二〇二二年度法治政府建设情况的报告\n第一段写满了一整行还没有写完所以接着写\n第二段首行缩进两个字。"


def test_a_decimal_after_a_full_line_is_not_a_list_entry():
    """“1.5万” at the start of a line goes on the sentence; “2.” opens an entry."""
    lines = (_line("发放宣传资料。", 100), _line("1.5万余份。", 120, right=150))
    assert layout.text_of([Page(lines, 800.0, 600.0)]).text == "发放宣传资料。1.5万余份。"
    lines = (_line("发放宣传资料。", 100), _line("2.加强普法。", 120, right=150))
    assert layout.text_of([Page(lines, 800.0, 600.0)]).text == "发放宣传资料。\n2.加强普法。"


def test_characters_drawn_out_of_order_take_their_place_on_the_baseline():
    """Quotation marks drawn after their line sit where their boxes are; a wide gap is a table cell."""
    placed = [("评", 50), ("议", 62), ("考", 74), ("核", 86), ("“", 98), ("三", 104), ("到", 116), ("位", 128), ("”", 140)]
    chars = [(c, x, x + (6 if c in "“”" else 12), 100.0 + (0.3 if c in "“”" else 0), 12.0) for c, x in placed]
    drawn = [c for c in chars if c[0] not in "“”"] + [c for c in chars if c[0] in "“”"]  # as LibreOffice draws them
    cells = [(c, 50 + 12 * i, 62 + 12 * i, 130.0, 12.0) for i, c in enumerate("合法性审查")] + [("6", 300, 306, 130.0, 12.0)]
    first, second = pdf.lines_of(cells + drawn)
    assert (first.text, second.text) == ("评议考核“三到位”", "合法性审查\t6")


@pytest.mark.parametrize("number", ["3", "- 3 -", "—3—", "第3页", "第 3 页 共 9 页", "3/9"])
def test_page_numbers_at_the_foot_are_dropped(number):
    """A page number in any usual form at the foot of a page is not report text."""
    lines = (_line("正文。", 100, right=100), _line(number, 760, right=300, left=280))
    assert layout.text_of([Page(lines, 800.0, 600.0)]).text == "正文。"


def test_a_running_header_is_dropped_but_body_text_at_the_top_is_kept():
    """A line at the top of most pages is dropped; the first page's title, at the top once, stays."""
    pages = [
        Page((_line("贤庠镇人民政府文件", 20, right=200), _line("报告标题", 60, right=200), _line("正文很长,一直写到页面的右边", 300), _line("为止。", 320, right=100)), 800.0, 600.0),
        Page((_line("贤庠镇人民政府文件", 20, right=200), _line("第二页。", 300, right=100)), 800.0, 600.0),
        Page((_line("贤庠镇人民政府文件", 20, right=200), _line("第三页。", 300, right=100)), 800.0, 600.0),
    ]
    assert layout.text_of(pages).text == "报告标题\n正文很长,一直写到页面的右边为止。\n第二页。\n第三页。"


def test_a_header_read_a_little_differently_on_each_page_is_still_a_header():
    """OCR may misread a character of the header on some pages; a line one character in five off still recurs."""
    headers = ["象山县贤庠镇人民政府文件", "象山县贤订镇人民政府文件", "象山县贤库镇人民政府文件"]
    pages = [Page((_line(h, 20, right=200), _line(f"第{i}页正文。", 300, right=150)), 800.0, 600.0) for i, h in enumerate(headers, 1)]
    assert layout.text_of(pages).text == "第1页正文。\n第2页正文。\n第3页正文。"
    assert not layout._alike("第一部分", "第二部分") and not layout._alike("一、总体情况", "二、主要举措和成效")


def test_spaces_between_chinese_and_figures_are_dropped():
    """The gaps a PDF leaves between Chinese and Arabic figures are not kept: “2022 年” reads “2022年”."""
    assert layout.text_of([Page((_line("2022 年开展 23 场次 ABC DEF", 100, right=200),), 800.0, 600.0)]).text == "2022年开展23场次ABC DEF"


def test_the_pdf_reads_as_the_report_it_came_from(made):
    """LibreOffice's PDF of the .docx, with a running header and page numbers, reads as the .docx's text."""
    from evalkit.default_plugins.readers import read_docx

    read = pdf.read_pdf(made.converted("pdf"))
    assert read.text == read_docx(made.docx) and read.marks == ()
    assert "“三到位”" in read.text and "象山县贤庠镇人民政府文件" not in read.text


def test_check_on_the_pdf_scores_as_the_docx(made, capsys):
    """`evalkit check` on the PDF gives the .docx's scorecard."""
    cards = []
    for path in (made.docx, made.converted("pdf")):
        assert main(["check", str(path), "--format", "json"]) == ExitCode.OK
        cards.append(json.loads(capsys.readouterr().out))
        cards[-1]["meta"].pop("source")
    assert cards[0] == cards[1]


def test_a_password_protected_pdf_is_named(made, tmp_path):
    """A PDF that needs a password to open fails with a message saying so and naming it."""
    import made as made_

    source = made_.encrypted_pdf(made.docx, tmp_path / "enc")
    with pytest.raises(InputError) as caught:
        pdf.read_pdf(source)
    assert caught.value.key == "pdf_password" and str(source) in caught.value.message()
    assert "密码" in caught.value.message()


def _blank_pdf(path, pages):
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument.new()
    for _ in range(pages):
        document.new_page(595, 842)
    document.save(str(path))
    return path


def test_a_pdf_of_2000_pages_is_refused_at_once(tmp_path):
    """A 2,000-page PDF is refused by its page count, before any page is read."""
    source = _blank_pdf(tmp_path / "大文件.pdf", 2000)
    with pytest.raises(InputError) as caught:
        pdf.read_pdf(source)
    assert caught.value.key == "pdf_too_many_pages"
    assert "2000 页" in caught.value.message() and str(source) in caught.value.message()


def test_a_damaged_pdf_is_named(tmp_path):
    """Bytes that are not a PDF fail with a clear message naming the file."""
    source = tmp_path / "r.pdf"
    source.write_bytes(b"%PDF-1.4\n" + b"\x00garbage" * 50)
    with pytest.raises(InputError) as caught:
        pdf.read_pdf(source)
    assert caught.value.key == "pdf_corrupt" and caught.value.file == str(source)


def test_a_batch_goes_on_past_bad_pdfs_and_images(made, capsys, tmp_path):
    """In `evalkit score`, a locked PDF, a 2,000-page PDF and a damaged image fail by name; the .pdf is scored."""
    import shutil

    import made as made_

    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(made.converted("pdf"), folder / "贤庠镇.pdf")
    shutil.copy(made_.encrypted_pdf(made.docx, tmp_path / "enc"), folder / "加密.pdf")
    _blank_pdf(folder / "两千页.pdf", 2000)
    (folder / "损坏.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 200)
    code = main(["score", str(folder), "--out", str(tmp_path / "out"), "--format", "json"])
    summary = json.loads(capsys.readouterr().out)
    assert code == ExitCode.FAILED
    assert [t["name"] for t in summary["ranking"]] == ["贤庠镇"]
    failed = {f["source"].rsplit("/", 1)[-1]: f["message"] for f in summary["failures"]}
    assert set(failed) == {"加密.pdf", "两千页.pdf", "损坏.png"}
    assert "密码" in failed["加密.pdf"] and "2000 页" in failed["两千页.pdf"] and "图片已损坏" in failed["损坏.png"]


def test_pdf_reading_is_deterministic(made):
    """The same PDF reads to the same text every time."""
    assert pdf.read_pdf(made.converted("pdf")) == pdf.read_pdf(made.converted("pdf"))


def test_the_page_cap_counts_pages(tmp_path, monkeypatch):
    """One page past MAX_PAGES is refused."""
    monkeypatch.setattr(pdf, "MAX_PAGES", 3)
    with pytest.raises(InputError) as caught:
        pdf.read_pdf(_blank_pdf(tmp_path / "b.pdf", 4))
    assert "共 4 页" in caught.value.message() and "上限 3 页" in caught.value.message()
