"""ranking.csv: one row per township, in UTF-8 with a BOM so that Excel reads the Chinese."""

from __future__ import annotations

import csv
import io
import re
from decimal import Decimal

from evalkit import Format, hookimpl
from evalkit.scorecard import coverage_text, display

DANGEROUS = ("=", "+", "-", "@", "\t", "\r")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def cell(value) -> str:
    """A text cell that Excel will not run as a formula, without control characters."""
    value = CONTROL.sub("", str(value))
    return "'" + value if value.startswith(DANGEROUS) else value


def header(batch) -> list[str]:
    return [
        "排名", "同级排名", "乡镇(街道)", "层级", "县(市、区)", "总分", "满分", "得分率(%)", "等次",
        *(title for _cid, title in batch.categories), "加分", "扣分", "一票否决", "待评审分值", "有据可查占比(%)",
        "主要失分项", "来源文件",
        *(("排名区间（5%–95%）", "次序不稳的相邻乡镇") if batch.sensitivity else ()),
    ]


def row(batch, entry, points=display) -> list:
    """One township's ranking row; ``points`` renders a Decimal (text for CSV, a number for Excel)."""
    card = entry.card
    scores = {c.id: points(c.score) for c in card.categories}
    coverage = Decimal(coverage_text(card).rstrip("%"))
    return [
        entry.rank, entry.level_rank, cell(card.subject.name), card.subject.level.value, cell(card.subject.county or ""),
        points(card.total), points(card.max), points(card.percent), cell(card.grade),
        *(scores.get(cid) for cid, _title in batch.categories),
        points(card.bonus), points(card.deductions), "是" if card.vetoes else "否", points(card.pending),
        points(coverage), cell(";".join(g.title for g in card.top_gaps())), cell(entry.source),
        *(batch.sensitivity.cells(entry.source) if batch.sensitivity else ()),
    ]


def write_csv(batch, stream, lang: str = "zh") -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header(batch))
    writer.writerows(row(batch, entry) for entry in batch.entries)
    stream.write("\ufeff" + buffer.getvalue())


@hookimpl
def register_formats():
    return [Format("csv", "排名表(CSV,Excel 可直接打开)", write_csv, scope="batch", filename="ranking.csv")]
