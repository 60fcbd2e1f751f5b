"""Scanned PDFs and images read by Tesseract (report/ocr.py): figures right, every one marked
for review with its confidence, and the score of the confirmed figures the .docx's."""

import json
import shutil
from decimal import Decimal

import pytest

from evalkit.cli import ExitCode, main
from evalkit.errors import InputError
from evalkit.evaluator import Evaluator
from evalkit.report import ocr

needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None, reason="needs tesseract: run scripts/install-packages as root")


@pytest.fixture(scope="module")
def evaluator():
    return Evaluator()


def _figures(loaded) -> dict:
    return {k: i for k, i in loaded.submission.items.items() if isinstance(i.value, Decimal | int) and not isinstance(i.value, bool)}


def test_tesseract_words_become_lines_with_a_confidence_per_character():
    """Tesseract's TSV words join into lines; each character carries its word's confidence."""
    header = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
    rows = [
        "5\t1\t1\t1\t1\t1\t100\t50\t40\t20\t96.4\t开展",
        "5\t1\t1\t1\t1\t2\t140\t50\t30\t20\t71.2\t23",
        "5\t1\t1\t1\t1\t3\t170\t50\t40\t22\t90\t场次",
        "5\t1\t1\t1\t2\t1\t100\t80\t30\t20\t88\tAB",
        "5\t1\t1\t1\t2\t2\t135\t80\t30\t20\t80\tCD",
        "4\t1\t1\t1\t3\t0\t100\t110\t30\t20\t-1\t",
    ]
    first, second = ocr.lines("\n".join([header, *rows]))
    assert (first.text, first.confidence) == ("开展23场次", (96, 96, 71, 71, 90, 90))
    assert (first.left, first.right, first.top, first.bottom) == (100.0, 210.0, 50.0, 72.0)
    assert (second.text, second.confidence) == ("AB CD", (88, 88, 88, 80, 80))


def test_every_figure_in_ocr_text_is_marked_mapped_or_not(evaluator):
    """A figure read by OCR carries needs_review with its lowest confidence, whether an item took it or not."""
    from evalkit.report.extraction import extract, submission_document

    text = "某镇人民政府关于2022年度法治政府建设情况的报告\n全年开展法治宣传23场次,全镇共有渔船417艘。\n某镇人民政府\n2023年2月1日"
    at = text.index("23场次")
    marks = [(i, i + 1, 95) for i in range(len(text))]
    marks[at + 1] = (at + 1, at + 2, 61)  # the “3” of 23 was hard to read
    extraction = extract(text, evaluator.catalog.extractors, "扫描件.png", evaluator.catalog.items)
    doc, _findings = submission_document(extraction, text, evaluator.catalog.items, "扫描件.png", marks=marks)
    assert doc["items"]["publicity.sessions"]["needs_review"] == {"reason": "ocr", "confidence": 61}
    assert [u["needs_review"] for u in doc["report"]["unmapped"] if u["text"].startswith("417")] == [{"reason": "ocr", "confidence": 95}]
    evaluator.validate(doc, "扫描件.png")  # the submission schema takes the marks


@needs_tesseract
def test_a_scanned_pdf_reads_nine_figures_in_ten_and_marks_every_one(made, evaluator):
    """The report as page images without a text layer: ≥ 90% of its figures right, all marked for review."""
    from_docx, scanned = _figures(evaluator.read_report(made.docx)), _figures(evaluator.read_report(made.scanned_pdf))
    right = [k for k, item in from_docx.items() if k in scanned and scanned[k].value == item.value and scanned[k].unit == item.unit]
    assert len(from_docx) >= 8 and len(right) >= 0.9 * len(from_docx)
    assert all(item.needs_review and item.needs_review.reason == "ocr" for item in scanned.values())
    assert all(0 <= item.needs_review.confidence <= 100 for item in scanned.values())
    assert hash(next(iter(scanned.values())))  # a frozen Item stays hashable with its mark


@needs_tesseract
def test_check_on_scanned_images_warns_and_scores_as_the_docx_once_confirmed(made, capsys, tmp_path):
    """A multi-page .tif: `check` says the OCR figures await review; its draft, confirmed, scores as the .docx's draft.

    A draft is compared with a draft: checks that read the report's text (the year of each
    sentence) run on a report, not on a submission, for any format."""
    assert main(["check", str(made.tif)]) == ExitCode.OK
    shown = capsys.readouterr().out
    assert "待核对：文字识别置信度" in shown and "由文字识别（OCR）读出，尚待核对" in shown
    drafts = {}
    for name, source in (("docx", made.docx), ("tif", made.tif)):
        drafts[name] = tmp_path / f"{name}.json"
        assert main(["extract", str(source), "-o", str(drafts[name])]) == 0
    capsys.readouterr()
    truth = json.loads(drafts["docx"].read_text("utf-8"))["items"]
    confirmed = _confirm(json.loads(drafts["tif"].read_text("utf-8")), truth)
    drafts["tif"].write_text(json.dumps(confirmed, ensure_ascii=False), encoding="utf-8")
    cards = []
    for name in ("docx", "tif"):
        assert main(["check", str(drafts[name]), "--format", "json"]) == ExitCode.OK
        cards.append(json.loads(capsys.readouterr().out))
    assert (cards[1]["total"], cards[1]["grade"]) == (cards[0]["total"], cards[0]["grade"])
    assert [(r["criterion"], r["points"]) for r in cards[1]["results"]] == [(r["criterion"], r["points"]) for r in cards[0]["results"]]


def _confirm(draft: dict, truth: dict) -> dict:
    """What a person does with the draft: each flagged figure checked against the paper (here,
    the .docx's draft) and its mark removed."""
    for item_id, item in draft["items"].items():
        if item.pop("needs_review", None) is not None and item_id in truth:
            item["value"] = truth[item_id]["value"]
    return draft


def test_a_damaged_image_is_named(tmp_path):
    """A .png that is not one fails with a clear Chinese message naming the file."""
    source = tmp_path / "扫描件.png"
    source.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00\x01" * 300)
    with pytest.raises(InputError) as caught:
        ocr.read_image(source)
    assert caught.value.key == "image_corrupt" and caught.value.message().startswith(str(source))


def test_a_huge_image_is_refused_before_it_is_decoded(tmp_path):
    """An image over the pixel limit is refused from its header, without OCR."""
    from PIL import Image

    source = tmp_path / "大图.png"
    Image.new("1", (9000, 9000), 1).save(source)
    with pytest.raises(InputError) as caught:
        ocr.read_image(source)
    assert caught.value.key == "image_too_large"


def test_missing_tesseract_says_what_to_install(monkeypatch, tmp_path, capsys):
    """Without tesseract, an image fails with a message naming tesseract-ocr and tesseract-ocr-chi-sim."""
    from PIL import Image

    source = tmp_path / "扫描件.png"
    Image.new("L", (200, 100), 255).save(source)
    monkeypatch.setenv("PATH", str(tmp_path))
    assert main(["check", str(source)]) == ExitCode.USAGE
    err = capsys.readouterr().err
    assert str(source) in err and "未安装 tesseract" in err and "tesseract-ocr-chi-sim" in err


@needs_tesseract
def test_a_huge_scanned_page_is_drawn_within_the_pixel_limit(tmp_path, monkeypatch):
    """A PDF page of 200 × 200 inches without text is drawn at no more than MAX_PIXELS for OCR."""
    import pypdfium2 as pdfium

    from evalkit.report import pdf

    document = pdfium.PdfDocument.new()
    document.new_page(14400, 14400)
    document.save(str(tmp_path / "大页.pdf"))
    monkeypatch.setattr(ocr, "MAX_PIXELS", 4_000_000)
    drawn, real = [], ocr._ocr
    monkeypatch.setattr(ocr, "_ocr", lambda image, *rest, **options: drawn.append(image.size) or real(image, *rest, **options))
    assert pdf.read_pdf(tmp_path / "大页.pdf").text == ""
    assert len(drawn) == 1 and drawn[0][0] * drawn[0][1] <= 4_000_000


@needs_tesseract
def test_a_pdf_of_text_and_scanned_pages_reads_each_its_own_way(made, tmp_path):
    """A signed PDF whose first page has a text layer and the rest are scans: OCR marks only the scans' text."""
    import pypdfium2 as pdfium

    from evalkit.report import pdf

    mixed = pdfium.PdfDocument.new()
    mixed.import_pages(pdfium.PdfDocument(str(made.converted("pdf"))), [0])
    mixed.import_pages(pdfium.PdfDocument(str(made.scanned_pdf)), [1, 2])
    mixed.save(str(tmp_path / "混合.pdf"))
    read = pdf.read_pdf(tmp_path / "混合.pdf")
    first = min(start for start, _end, _confidence in read.marks)
    assert read.text.startswith("贤庠镇人民政府关于2022年度法治政府建设情况的报告\n")
    assert "象山县贤庠镇人民政府文件" not in read.text[:first] and "213件" in read.text[first:]


@needs_tesseract
def test_missing_chinese_data_says_what_to_install(monkeypatch, tmp_path, capsys):
    """Tesseract without chi_sim data (an empty TESSDATA_PREFIX): the message names tesseract-ocr-chi-sim."""
    from PIL import Image

    source = tmp_path / "扫描件.png"
    Image.new("L", (200, 100), 255).save(source)
    monkeypatch.setenv("TESSDATA_PREFIX", str(tmp_path))
    assert main(["check", str(source)]) == ExitCode.USAGE
    err = capsys.readouterr().err
    assert err.startswith(str(source)) and "chi_sim" in err and "tesseract-ocr-chi-sim" in err


def test_a_figures_ocr_mark_is_found_without_walking_every_mark():
    """Marking a figure reads the few marks it touches, not all the page's: a long scan costs no square."""
    from collections.abc import Sequence

    from decimal import Decimal

    from evalkit.report.extraction import _review
    from evalkit.report.figures import Figure

    class Counted(Sequence):
        def __init__(self, items):
            self.items, self.reads = items, 0

        def __len__(self):
            return len(self.items)

        def __getitem__(self, index):
            self.reads += 1
            return self.items[index]

    marks = Counted([(i, i + 1, 90 - (i == 150_001)) for i in range(300_000)])
    figure = Figure("23场", Decimal(23), "场", False, None, 150_000, 150_003, 1, "", "", None)
    assert _review(figure, marks) == {"needs_review": {"reason": "ocr", "confidence": 89}}
    assert marks.reads < 100
