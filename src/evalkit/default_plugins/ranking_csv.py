"""ranking.csv: one row per township, in UTF-8 with a BOM so that Excel reads the Chinese."""

from __future__ import annotations

import csv
import io
import re
from typing import TYPE_CHECKING

from evalkit import Format, hookimpl
from evalkit.messages import LEVEL, RANKING_COLUMNS, label, text
from evalkit.scorecard import display

if TYPE_CHECKING:  # the ranking is imported only by a batch that writes it
    from evalkit.ranking import RankingRow

DANGEROUS = ("=", "+", "-", "@", "\t", "\r")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def cell(value) -> str:
    """A text cell that Excel will not run as a formula, without control characters."""
    value = CONTROL.sub("", str(value))
    return "'" + value if value.startswith(DANGEROUS) else value


def header(batch, lang: str = "zh") -> list[str]:
    """The column titles of ranking.csv and of the workbook's 排名 sheet."""
    keys = ["rank", "level_rank", "name", "level", "county", "total", "max", "percent", "grade"]
    after = ["bonus", "deductions", "vetoed", "pending", "coverage", "gaps", "source", *(("interval", "unstable") if batch.sensitivity else ())]
    titles = [label(RANKING_COLUMNS, key, lang) for key in keys]
    return [*titles, *(title for _cid, title in batch.categories), *(label(RANKING_COLUMNS, key, lang) for key in after)]


def cells(row: RankingRow, points=display, lang: str = "zh") -> list:
    """One township's ranking row as cells; ``points`` renders a Decimal (text for CSV, a number for Excel)."""
    return [
        row.rank, row.level_rank, cell(row.name), label(LEVEL, row.level, lang), cell(row.county),
        points(row.total), points(row.max), points(row.percent), cell(row.grade),
        *(None if score is None else points(score) for score in row.scores),
        points(row.bonus), points(row.deductions), text("yes", lang) if row.vetoed else text("no", lang), points(row.pending),
        points(row.coverage), cell(text("clause_sep", lang).join(row.gaps)), cell(row.source), *(row.firmness or ()),
    ]


def write_csv(batch, stream, lang: str = "zh") -> None:
    from evalkit.ranking import ranking_rows

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header(batch, lang))
    writer.writerows(cells(row, display, lang) for row in ranking_rows(batch))
    stream.write("\ufeff" + buffer.getvalue())


@hookimpl
def register_formats():
    return [Format("csv", "排名表（CSV，Excel 可直接打开）", write_csv, scope="batch", filename="ranking.csv",
                   en={"title": "ranking table (CSV, opens in Excel)"})]
