"""Report files the tests (and benchmarks/formats.py) make themselves: a .docx written with
python-docx, then LibreOffice's conversions of it, PDF pages rendered to images."""

from __future__ import annotations

import functools
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REPORT = ROOT / "examples" / "xianxiang-2022" / "report.txt"
HEADER = "象山县贤庠镇人民政府文件"


def report_docx(path: Path, source: Path = REPORT, running: bool = True) -> Path:
    """The report as a .docx: a paragraph a line, in 12 pt SimSun-style type, with a running
    header and a page number in the footer when ``running``."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    from docx.shared import Pt

    document = docx.Document()
    style = document.styles["Normal"]
    style.font.size = Pt(12)
    style.font.name = "Noto Serif CJK SC"
    for line in source.read_text(encoding="utf-8").split("\n"):
        if line.strip():
            document.add_paragraph(line)
    if running:
        section = document.sections[0]
        section.header.paragraphs[0].text = HEADER
        footer = section.footer.paragraphs[0]
        footer._p.append(parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple>'))
    document.save(path)
    return path


def soffice() -> str | None:
    return shutil.which("soffice")


def convert(source: Path, target_format: str, folder: Path) -> Path:
    """LibreOffice's conversion of ``source`` (e.g. "doc", "odt", "rtf", "pdf") into ``folder``."""
    profile = (folder / ".profile").resolve().as_uri()
    subprocess.run(
        [soffice(), f"-env:UserInstallation={profile}", "--headless", "--convert-to", target_format, "--outdir", str(folder), str(source)],
        check=True, capture_output=True, timeout=180,
    )
    return folder / f"{source.stem}.{target_format.split(':')[0]}"


def page_images(pdf: Path, folder: Path, dpi: int = 200) -> list[Path]:
    """Each page of ``pdf`` as a grey PNG, drawn by poppler's pdftoppm."""
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", str(pdf), str(folder / "page")], check=True, timeout=300)
    return sorted(folder.glob("page-*.png"))


def images_pdf(images: list[Path], target: Path) -> Path:
    """A PDF of page images only, without a text layer: a scanned report."""
    from PIL import Image

    pages = [Image.open(p).convert("L") for p in images]
    pages[0].save(target, save_all=True, append_images=pages[1:], resolution=200.0)
    return target


def encrypted_pdf(source: Path, folder: Path, password: str = "abc") -> Path:
    """LibreOffice's PDF export of ``source`` with a password to open it."""
    options = '{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"%s"}}' % password
    folder.mkdir(exist_ok=True)
    return convert(source, f"pdf:writer_pdf_Export:{options}", folder)


class Made:
    """The 贤庠镇 report in each format, made once a test session and only when asked for."""

    def __init__(self, folder: Path):
        self.folder = folder

    @functools.cached_property
    def docx(self) -> Path:
        return report_docx(self.folder / "贤庠镇.docx")

    @functools.cache
    def converted(self, target_format: str) -> Path:
        """The .docx converted by LibreOffice: "doc", "odt", "rtf", "pdf"; "wps" is a .doc renamed."""
        if target_format == "wps":
            return Path(shutil.copyfile(self.converted("doc"), self.folder / "贤庠镇.wps"))
        return convert(self.docx, target_format, self.folder)

    @functools.cached_property
    def pages(self) -> list[Path]:
        """The PDF's pages as 200 dpi grey images, as a scanner would give them."""
        folder = self.folder / "pages"
        folder.mkdir()
        return page_images(self.converted("pdf"), folder)

    @functools.cached_property
    def scanned_pdf(self) -> Path:
        return images_pdf(self.pages, self.folder / "贤庠镇-扫描.pdf")

    @functools.cached_property
    def tif(self) -> Path:
        """The pages as one multi-page .tif."""
        from PIL import Image

        pages = [Image.open(p) for p in self.pages]
        target = self.folder / "贤庠镇-扫描.tif"
        pages[0].save(target, save_all=True, append_images=pages[1:], compression="tiff_deflate", dpi=(200, 200))
        return target
