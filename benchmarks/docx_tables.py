"""Reading a .docx whose long table merges its first column down, against python-docx's walk.

    .venv/bin/python benchmarks/docx_tables.py                # 250, 1,000, 4,000 and 16,000 rows
    .venv/bin/python benchmarks/docx_tables.py 500 2000

For each size it writes (into a temporary folder) a report whose table has that many rows, the
first column one vertical merge, then times, best of three: evalkit's reader, and the walk the
reader used before (python-docx's ``Table.rows`` and ``row.cells``, which re-walks the merge
above every cell) up to BASELINE_ROWS rows. It also times the example report as .docx.
"""

from __future__ import annotations

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


def _baseline(path: Path, ours: float) -> str:
    try:
        theirs = best(python_docx_walk, path, 1)
    except RecursionError:  # what made the former reader call a valid file damaged
        return f"{'RecursionError':>15}"
    return f"{theirs * 1000:>15.0f} {theirs / ours:>6.0f}"


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [250, 1000, 4000, 16000])
