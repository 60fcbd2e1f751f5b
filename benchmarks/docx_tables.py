"""Reading a .docx whose long table merges its first column down, against python-docx's walk.

    .venv/bin/python benchmarks/docx_tables.py                # 250, 1,000, 4,000 and 16,000 rows
    .venv/bin/python benchmarks/docx_tables.py 500 2000

For each size it writes (into a temporary folder) a report whose table has that many rows, the
first column one vertical merge, then times, best of three: evalkit's reader, and the walk the
reader used before (python-docx's ``Table.rows`` and ``row.cells``, which re-walks the merge
above every cell) up to BASELINE_ROWS rows. It also times the example report as .docx, the
refusal of a main part of 1.2 million elements, and the reading of a 17.5 MB one.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BASELINE_ROWS = 1000  #: python-docx's walk grows quadratically: past this it takes minutes
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def write_report(path: Path, rows: int) -> Path:
    """A .docx of a title and one table of ``rows`` rows under a header, its first column merged."""
    import docx

    docx.Document().save(str(path))  # the package's other parts, then a document.xml of our own
    cells = [f"<w:tr>{_cell('类别')}{_cell('事项')}{_cell('数量（件）')}</w:tr>"]
    for i in range(rows):
        merge = '<w:vMerge w:val="restart"/>' if i == 0 else "<w:vMerge/>"
        cells.append(f"<w:tr>{_cell('纠纷调处' if i == 0 else '', merge)}{_cell(f'事项{i}')}{_cell(str(i))}</w:tr>")
    body = f"<w:p><w:r><w:t>贤庠镇人民政府关于2022年度法治政府建设情况的报告</w:t></w:r></w:p><w:tbl>{''.join(cells)}</w:tbl>"
    xml = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{body}</w:body></w:document>'
    with zipfile.ZipFile(path) as old:
        members = {i.filename: old.read(i) for i in old.infolist()}
    members["word/document.xml"] = xml.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in members.items():
            out.writestr(name, data)
    return path


def _cell(text: str, merge: str = "") -> str:
    return f"<w:tc><w:tcPr>{merge}</w:tcPr><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"


def write_part(path: Path, paragraphs: list[str]) -> Path:
    """A .docx holding only a main part of these paragraphs' texts."""
    body = "".join(f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>" for text in paragraphs)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        out.writestr("word/document.xml", f"<w:document {W}><w:body>{body}</w:body></w:document>")
    return path


def hostile(folder: Path) -> None:
    """Time to refuse 400,000 paragraphs (1.2 million elements), and to read 4 paragraphs of 4.4 MB."""
    from evalkit.default_plugins.readers import read_docx
    from evalkit.errors import InputError

    rng = random.Random(1)
    many = write_part(folder / "many.docx", [str(rng.randint(0, 10**9)) for _ in range(400_000)])
    big = write_part(folder / "big.docx", ["".join(rng.choice("0123456789甲乙丙") for _ in range(3_000_000))] * 4)
    for label, path in (("1.2 million elements", many), (f"{big.stat().st_size:,}-byte package, long paragraphs", big)):
        times, outcome = [], "read"
        for _ in range(3):
            start = time.perf_counter()
            try:
                read_docx(path)
            except InputError:
                outcome = "refused"
            times.append(time.perf_counter() - start)
        print(f"{label}: {outcome} in {min(times) * 1000:.0f}–{max(times) * 1000:.0f} ms (three runs)")


def python_docx_walk(path: Path) -> int:
    """The cells the former reader visited, through python-docx."""
    import docx
    from docx.table import Table

    document = docx.Document(str(path))
    count = 0
    for element in document.element.body.iterchildren():
        if element.tag.endswith("}tbl"):
            for row in Table(element, document).rows:
                count += len({id(c._tc) for c in row.cells})
    return count


def best(function, path: Path, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function(path)
        times.append(time.perf_counter() - start)
    return min(times)


def main(sizes: list[int]) -> None:
    from evalkit.default_plugins.readers import read_docx

    example = ROOT / "tests" / "corpus" / "xianxiang-2022.docx"
    print(f"example report (.docx, {example.stat().st_size:,} bytes): {best(read_docx, example, 5) * 1000:.1f} ms")
    print(f"{'rows':>7} {'evalkit ms':>11} {'ms/1000 rows':>13} {'python-docx ms':>15} {'ratio':>6}")
    with tempfile.TemporaryDirectory() as folder:
        for rows in sizes:
            path = write_report(Path(folder) / f"{rows}.docx", rows)
            ours = best(read_docx, path)
            shown = _baseline(path, ours) if rows <= BASELINE_ROWS else f"{'(not run)':>15}"
            print(f"{rows:>7,} {ours * 1000:>11.1f} {ours * 1000 / rows * 1000:>13.1f} {shown}")
        hostile(Path(folder))


def _baseline(path: Path, ours: float) -> str:
    try:
        theirs = best(python_docx_walk, path, 1)
    except RecursionError:  # what made the former reader call a valid file damaged
        return f"{'RecursionError':>15}"
    return f"{theirs * 1000:>15.0f} {theirs / ours:>6.0f}"


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [250, 1000, 4000, 16000])
