"""The built-in output formats of one scorecard: table (the terminal), json, and md (also each
township's Markdown scorecard in ``evalkit score``'s output folder)."""

from __future__ import annotations

import json
import re

from evalkit import Format, hookimpl
from evalkit.columns import GITHUB, table
from evalkit.messages import KIND, LEVEL, RECTIFICATION, SEVERITY, STATUS, label, text
from evalkit.names import visible
from evalkit.rectification import tally
from evalkit.scorecard import coverage_text
from evalkit.scorecard import display as _n


MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")  #: what can start markup mid-line; our own text starts each line


def plain(value: str) -> str:
    """Text as it is: the terminal and JSON show what was written."""
    return value


def md_escape(value: str) -> str:
    """Quoted text that stays text in Markdown: no heading, list, link, table cell or HTML from it."""
    return MARKDOWN_SPECIAL.sub(r"\\\1", re.sub(r"[\r\n]+", " ", value))


def headline(card, lang: str, esc=plain) -> list[str]:
    """The lines that state who scored what."""
    subject = card.subject
    lines = [
        text("card_subject", lang, name=esc(subject.name), level=label(LEVEL, subject.level.value, lang), year=card.year),
        text("card_total", lang, total=_n(card.total), max=_n(card.max), percent=_n(card.percent), grade=card.grade),
        text("card_coverage", lang, coverage=coverage_text(card), pending=_n(card.pending), profile=card.meta["profile"]["id"]),
    ]
    if card.grade_note:
        lines.append(esc(card.grade_note))
    return lines


def category_rows(card, lang: str, esc=plain) -> tuple[list[str], list[list[str]]]:
    header = [text("category", lang), text("score", lang), text("max", lang)]
    rows = [[esc(c.title), _n(c.score), _n(c.max)] for c in card.categories]
    if card.adjustment:
        rows.append([text("adjustment", lang), _n(card.adjustment), ""])
    rows.append([text("total", lang), _n(card.total), _n(card.max)])
    return header, rows


def gap_lines(card, lang: str, esc=plain) -> list[str]:
    lines = []
    for number_, gap in enumerate(card.gaps, 1):
        pending = text("gap_pending", lang, points=_n(gap.pending)) if gap.pending else ""
        mark = text("repeat_mark", lang, status=label(RECTIFICATION, gap.repeat.value, lang)) if gap.repeat else ""
        repeat = text("gap_repeat", lang, mark=mark) if gap.repeat else ""
        lines.append(text("gap_line", lang, n=number_, criterion=esc(gap.criterion), title=esc(gap.title), kind=label(KIND, gap.kind.value, lang),
                          lost=_n(gap.points_lost), pending=pending, status=label(STATUS, gap.status.value, lang), repeat=repeat))
        lines += [text("gap_field", lang, label=text(key, lang), value=esc(value))
                  for key, value in (("reason", gap.reason), ("remediation", gap.remediation), ("basis", gap.basis))]
    return lines or [text("no_gaps", lang)]


def rectification_lines(card, lang: str, esc=plain) -> list[str]:
    """Last year's gaps, counted by 整改 status, then one line each."""
    counts = tally(item.status for item in card.rectification)
    shown = text("tally_sep", lang).join(f"{label(RECTIFICATION, s.value, lang)} {n}" for s, n in counts.items())
    lines = [text("rectification", lang, tally=shown)]
    for number_, item in enumerate(card.rectification, 1):
        now = "" if item.lost_now is None else text("lost_now", lang, points=_n(item.lost_now))
        status = label(RECTIFICATION, item.status.value, lang)
        named = {"criterion": esc(item.criterion), "title": esc(item.title)}
        lines.append(text("rectification_item", lang, n=number_, **named, status=status, before=_n(item.lost_before), now=now))
    return lines


def finding_lines(card, lang: str, esc=plain) -> list[str]:
    lines = []
    for number_, finding in enumerate(card.findings, 1):
        where = "".join(text("finding_part", lang, part=esc(part)) for part in _location(finding, lang))
        severity = label(SEVERITY, finding.severity.value, lang)
        lines.append(text("finding_line", lang, n=number_, severity=severity, message=esc(finding.message), code=finding.code, where=where))
    return lines or [text("no_findings", lang)]


def _location(finding, lang: str) -> list[str]:
    parts = []
    if finding.section:
        parts.append(finding.section)
    if finding.line:
        parts.append(text("line_no", lang, line=finding.line))
    if finding.quote:
        parts.append(text("finding_quote", lang, quote=finding.quote[:60]))
    return parts


def write_table(card, stream, lang: str = "zh") -> None:
    header, rows = category_rows(card, lang, visible)  # a terminal shows escapes, never obeys them
    blocks = [
        "\n".join(headline(card, lang, visible)),
        table(rows, header, align=("left", "right", "right")),
        f"{text('gaps', lang)}\n" + "\n".join(gap_lines(card, lang, visible)),
        f"{text('findings', lang)}\n" + "\n".join(finding_lines(card, lang, visible)),
    ]
    if card.rectification:
        blocks.insert(2, "\n".join(rectification_lines(card, lang)))
    if card.warnings:
        blocks.append(f"{text('warnings', lang)}\n" + "\n".join(map(visible, card.warnings)))
    stream.write("\n\n".join(blocks) + "\n")


def write_json(card, stream, lang: str = "zh") -> None:
    stream.write(json.dumps(card.to_dict(), ensure_ascii=False, indent=2) + "\n")


def write_md(card, stream, lang: str = "zh") -> None:
    header, rows = category_rows(card, lang, md_escape)
    top = headline(card, lang, md_escape)
    out = [f"# {top[0]}", "", *(f"- {line}" for line in top[1:]), ""]
    out += [table(rows, header, GITHUB), ""]
    if card.rectification:
        heading, *lines = rectification_lines(card, lang, md_escape)
        out += [f"## {heading}", "", *lines, ""]
    out += [f"## {text('gaps', lang)}", "", *gap_lines(card, lang, md_escape), ""]
    out += [f"## {text('findings', lang)}", "", *finding_lines(card, lang, md_escape)]
    stream.write("\n".join(out) + "\n")


@hookimpl
def register_formats():
    return [
        Format("table", "终端表格", write_table, en={"title": "terminal table"}),
        Format("json", "JSON 评分卡（符合 scorecard.schema.json）", write_json, en={"title": "JSON scorecard (as scorecard.schema.json)"}),
        Format("md", "Markdown 评分卡", write_md, scope="township", filename=".md", en={"title": "Markdown scorecard"}),
    ]
