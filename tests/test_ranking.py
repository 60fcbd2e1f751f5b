"""One ranking row model: every output shows the same townships, ranks and totals from it."""

import csv
import io
import json
from decimal import Decimal

import pytest

from evalkit import batch as batch_
from evalkit.commands.score import _summary, write_json
from evalkit.default_plugins import html_report, ranking_csv, workbook
from evalkit.evaluator import Evaluator
from evalkit.ranking import ranking_rows
from evalkit.testing import synthetic_submissions


@pytest.fixture(scope="module")
def county(tmp_path_factory):
    """A ranked batch of 12 synthetic townships."""
    folder = tmp_path_factory.mktemp("ranking")
    for index, doc in enumerate(synthetic_submissions(Evaluator().catalog.items, 12, seed=11)):
        (folder / f"{index:02d}.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    files = [str(p) for p in sorted(folder.glob("*.json"))]
    return batch_.run(Evaluator(), files, formats=())


def test_rows_follow_the_ranking_with_one_score_per_category(county):
    """A row per entry, in ranking order, with as many scores as the batch has categories."""
    rows = list(ranking_rows(county))
    assert [(r.rank, r.name, r.total) for r in rows] == [(e.rank, e.card.subject.name, e.card.total) for e in county.entries]
    assert all(len(r.scores) == len(county.categories) and len(r.gaps) <= 3 for r in rows)
    assert all(isinstance(r.coverage, Decimal) and r.firmness is None for r in rows)


def test_csv_workbook_page_and_summary_show_the_same_rows(county):
    """ranking.csv, the workbook's 排名 sheet, report.html's rows and the JSON summary agree row by row."""
    import openpyxl

    expected = [(str(r.rank), r.name, r.total) for r in ranking_rows(county)]
    stream = io.StringIO()
    ranking_csv.write_csv(county, stream)
    table = list(csv.reader(io.StringIO(stream.getvalue().lstrip("\ufeff"))))
    assert table[0] == ranking_csv.header(county)
    assert [(row[0], row[2], Decimal(row[5])) for row in table[1:]] == expected
    book = io.BytesIO()
    workbook.write_xlsx(county, book)
    sheet = openpyxl.load_workbook(book, read_only=True)["排名"]
    assert [(str(r[0]), r[2], Decimal(str(r[5]))) for r in sheet.iter_rows(min_row=2, values_only=True)] == expected
    page = html_report.page(county)["rows"]
    assert [(str(r["rank"]), r["name"], Decimal(r["total"])) for r in page] == expected
    summary = io.StringIO()
    write_json(_summary(county, "out", []), summary)
    ranking = json.loads(summary.getvalue())["ranking"]
    assert [(str(r["rank"]), r["name"], Decimal(str(r["total"]))) for r in ranking] == expected
