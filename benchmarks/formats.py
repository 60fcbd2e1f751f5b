"""PDF text libraries compared, and the time `evalkit check` takes per file in each format.

    .venv/bin/python -m pip install pdfminer.six pypdf   # the candidates evalkit does not depend on
    .venv/bin/python benchmarks/formats.py [libraries|formats]

The PDFs are LibreOffice's exports of six reports (the 贤庠镇 example and five of
tests/corpus/), each as a .docx with a running header and a page number in its footer, as
tests/made.py makes them. Each candidate's text is compared with the .docx reader's text of
the same report. Results go in docs/extraction.md and docs/performance.md.
"""

from __future__ import annotations

import difflib
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import made  # noqa: E402

from evalkit.default_plugins.readers import read_docx  # noqa: E402
from evalkit.report import layout, pdf  # noqa: E402

SOURCES = [ROOT / "examples/xianxiang-2022/report.txt", *(ROOT / "tests/corpus" / n for n in ("maoyang-2022.txt", "xizhou-2022.txt", "dongchen-2023.docx", "hepu-2021.docx", "shipu-2023.docx"))]
BATCH = 4  #: copies of each format scored in one `evalkit score --jobs 1`
QUOTED = re.compile(r"“[^”\n]{1,30}”")


def pdfs(folder: Path) -> list[tuple[Path, str]]:
    """(PDF, the .docx reader's text of the same report) for each source."""
    result = []
    for index, source in enumerate(SOURCES):
        docx = folder / f"{index}.docx"
        if source.suffix == ".docx":  # the corpus's own .docx, as it is
            shutil.copyfile(source, docx)
        else:
            made.report_docx(docx, source)
        result.append((made.convert(docx, "pdf", folder), read_docx(docx)))
    return result


def pdfium_boxes(path: Path) -> str:
    return pdf.read_pdf(path).text


def pdfminer_boxes(path: Path) -> str:
    """pdfminer.six's characters and boxes, through the same line and page rules as evalkit's."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTChar

    def walk(node):
        if isinstance(node, LTChar):
            yield node
        elif hasattr(node, "__iter__"):
            for child in node:
                yield from walk(child)

    pages = []
    for page in extract_pages(str(path)):
        height = page.height
        chars = [(c.get_text(), c.x0, c.x1, height - c.matrix[5], c.size) for c in walk(page) if not c.get_text().isspace()]
        pages.append(layout.Page(tuple(pdf.lines_of(chars)), height, page.width))
    return layout.text_of(pages).text


def pdfium_text(path: Path) -> str:
    import pypdfium2 as pdfium

    return "\n".join(page.get_textpage().get_text_range() for page in pdfium.PdfDocument(str(path)))


def pdfminer_text(path: Path) -> str:
    from pdfminer.high_level import extract_text

    return extract_text(str(path))


def pypdf_text(path: Path) -> str:
    import pypdf

    return "\n".join(page.extract_text() for page in pypdf.PdfReader(str(path)).pages)


CANDIDATES = {
    "pypdfium2 5.x, characters and boxes (evalkit's reader)": pdfium_boxes,
    "pdfminer.six, characters and boxes (same line rules)": pdfminer_boxes,
    "pypdfium2, its plain text": pdfium_text,
    "pdfminer.six, its plain text": pdfminer_text,
    "pypdf, its plain text": pypdf_text,
}


def measure(read, cases) -> dict:
    """What one candidate gets right over all cases, and its best-of-three time per file."""
    scores = {"exact": 0, "order": [], "paragraphs": [0, 0], "quotes": [0, 0], "running": 0, "seconds": []}
    for path, truth in cases:
        times = []
        for _ in range(3):
            start = time.perf_counter()
            text = read(path)
            times.append(time.perf_counter() - start)
        scores["seconds"].append(min(times))
        scores["exact"] += [line for line in text.split("\n") if line.strip()] == [line for line in truth.split("\n") if line.strip()]
        squeeze = lambda s: re.sub(r"\s+", "", s)  # noqa: E731
        scores["order"].append(difflib.SequenceMatcher(None, squeeze(truth), squeeze(text), autojunk=False).ratio())
        lines = set(text.split("\n"))
        wanted = [line for line in truth.split("\n") if line.strip()]
        scores["paragraphs"] = [scores["paragraphs"][0] + sum(line in lines for line in wanted), scores["paragraphs"][1] + len(wanted)]
        quotes = QUOTED.findall(truth)
        scores["quotes"] = [scores["quotes"][0] + sum(q in squeeze(text) for q in quotes), scores["quotes"][1] + len(quotes)]
        scores["running"] += text.count(made.HEADER)
    return scores


def libraries(folder: Path) -> None:
    cases = pdfs(folder)
    print(f"{len(cases)} PDFs, {sum(len(t) for _, t in cases)} characters\n")
    print("| candidate | text identical | characters in order | paragraphs whole | “quotes” in place | running headers left | ms per file |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, read in CANDIDATES.items():
        s = measure(read, cases)
        print(f"| {name} | {s['exact']}/{len(cases)} | {statistics.mean(s['order']):.4f} | {s['paragraphs'][0]}/{s['paragraphs'][1]} | "
              f"{s['quotes'][0]}/{s['quotes'][1]} | {s['running']} | {1000 * statistics.mean(s['seconds']):.0f} |")


def formats(folder: Path) -> None:
    """`evalkit check` on the 贤庠镇 report in each format, in its own process, best of three;
    then `evalkit score` of BATCH copies, where one LibreOffice profile serves every file."""
    files = made.Made(folder)
    cases = {"txt": made.REPORT, "docx": files.docx, **{f: files.converted(f) for f in ("doc", "wps", "rtf", "odt", "pdf")},
             "scanned pdf (3 pages)": files.scanned_pdf, "tif (3 pages)": files.tif}
    evalkit = str(Path(sys.executable).with_name("evalkit"))
    print(f"| format | `evalkit check`, s (best of 3) | `evalkit score` of {BATCH} copies, s per file |\n|---|---:|---:|")
    for name, path in cases.items():
        times = []
        for _ in range(3):
            start = time.perf_counter()
            subprocess.run([evalkit, "check", str(path)], check=True, capture_output=True)
            times.append(time.perf_counter() - start)
        batch = folder / "batch" / name
        batch.mkdir(parents=True)
        for index in range(BATCH):
            shutil.copyfile(path, batch / f"{index}{path.suffix}")
        start = time.perf_counter()
        subprocess.run([evalkit, "score", str(batch), "--out", str(folder / "out" / name), "--formats", "csv"], check=True, capture_output=True)
        print(f"| {name} | {min(times):.2f} | {(time.perf_counter() - start) / BATCH:.2f} |")


if __name__ == "__main__":
    chosen = sys.argv[1:] or ["libraries", "formats"]
    with tempfile.TemporaryDirectory(prefix="evalkit-formats-") as tmp:
        for what in chosen:
            folder = Path(tmp) / what
            folder.mkdir()
            {"libraries": libraries, "formats": formats}[what](folder)
            print()
