"""report.html: a county's results as one printable, self-contained page.

Every string of a submission reaches the page through Jinja2's autoescaping, in the HTML and
in the inline SVG charts alike; nothing is marked safe. No script, no external file, no
timestamp: the same batch gives the same bytes.
"""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from evalkit import Format, hookimpl
from evalkit.columns import char_width
from evalkit.messages import FAILURE, KIND, LEVEL, PAGE, RECTIFICATION, SEVERITY, STATUS, label, text
from evalkit.model import Detail, Kind
from evalkit.scorecard import coverage_text, display

if TYPE_CHECKING:  # the ranking is imported only by a batch that writes the page
    from evalkit.ranking import RankingRow

LABEL_END, BAR_X, BAR_W, ROW = 240, 250, 500, 28  #: chart geometry, in SVG units of a 900-wide chart
GEOMETRY = {"label_end": LABEL_END, "bar_x": BAR_X, "bar_w": BAR_W, "value_x": BAR_X + BAR_W + 10}
LABEL_EMS = 15.5  #: how much of a label fits left of the bars at 14px, leaving 1em for "…"
GRADE_COLOURS = {"优秀": "#1b7f3b", "良好": "#1f6fb2", "合格": "#a86a00", "不合格": "#c0392b"}
GRADE_COLOURS |= {label(PAGE, key, "en"): GRADE_COLOURS[label(PAGE, key)] for key in ("excellent", "good", "pass", "fail")}  # the default grades' English names
SHARED_WORDS = ("rank", "level_rank", "township", "level", "total", "grade", "rank_interval", "unstable_with")  #: the page's words that other outputs use too
OTHER_COLOUR = "#5f6b7a"
LARGE_SHOWN = 100  #: a national batch's page lists this many from the top and from the bottom


@lru_cache(maxsize=1)
def environment():
    """The templates of evalkit's pages (report.html and the web app's pieces of it), autoescaped."""
    from jinja2 import Environment, FunctionLoader, StrictUndefined

    def load(name: str) -> str:
        return resources.files("evalkit").joinpath("templates", name).read_text(encoding="utf-8")

    return Environment(loader=FunctionLoader(load), autoescape=True, undefined=StrictUndefined,
                       trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)


def words(lang: str) -> dict[str, str]:
    """The templates' words (``w``) in ``lang``."""
    return {key: label(PAGE, key, lang) for key in PAGE} | {key: text(key, lang) for key in SHARED_WORDS}


def _template():
    return environment().get_template("report.html.j2")


def write_html(batch, stream, lang: str = "zh") -> None:
    """Write the whole page in ``lang``."""
    stream.write(_template().render(page=page(batch, lang), w=words(lang)))


def shown(batch) -> tuple:
    """The townships the page lists: all of a county's; the top and bottom of a national batch."""
    if batch.detail is not Detail.LARGE or len(batch.entries) <= 2 * LARGE_SHOWN:
        return batch.entries
    return batch.entries[:LARGE_SHOWN] + batch.entries[-LARGE_SHOWN:]


def note(batch, lang: str = "zh") -> str:
    if batch.detail is Detail.WHOLE:
        return ""
    listed = text("page_large", lang, shown=LARGE_SHOWN) if batch.detail is Detail.LARGE else text("page_summary", lang)
    return text("page_note", lang, count=len(batch.entries), listed=listed)


def page(batch, lang: str = "zh") -> dict:
    """Everything the template shows, as plain strings and numbers."""
    from evalkit.ranking import ranking_rows

    entries = shown(batch)
    ids = section_ids(entries)
    return {
        "title": title(batch.entries, lang),
        "meta": meta(batch.meta, lang),
        "scored": len(batch.entries),
        "failed": len(batch.failures),
        "grades": list(Counter(e.card.grade for e in batch.entries).items()),
        "note": note(batch, lang),
        "sensitivity": firmness_note(batch.sensitivity, lang),
        "chart": ranking_chart(entries, lang),
        "categories": [{"id": cid, "title": ctitle} for cid, ctitle in batch.categories],
        "rows": [ranking_row(row, sid, lang) for row, sid in zip(ranking_rows(batch, entries), ids)],
        "townships": [township(entry, sid, lang) for entry, sid in zip(entries, ids)] if batch.detail is Detail.WHOLE else [],
        "failures": [{"source": f.source, "kind": label(FAILURE, f.kind.value, lang), "message": f.message} for f in batch.failures],
    }


def firmness_note(sensitivity, lang: str = "zh") -> str:
    if sensitivity is None:
        return ""
    return text("page_firmness", lang, draws=sensitivity.draws, seed=sensitivity.seed)


def title(entries, lang: str = "zh") -> str:
    """The page's title, e.g. 象山县 2022 年度法治政府建设考评结果: county and year only when every entry agrees."""
    counties = {e.card.subject.county for e in entries}
    years = {e.card.year for e in entries}
    county = counties.pop() if len(counties) == 1 else None
    year = text("page_year", lang, year=years.pop()) if len(years) == 1 else ""
    shown_ = text("page_title", lang, year=year)
    return text("page_title_county", lang, county=county, title=shown_) if county else shown_


def meta(doc, lang: str = "zh") -> dict:
    profile = doc.get("profile") or {}
    plugins = text("list_sep", lang).join(f"{p.get('name', '')} {p.get('version', '')}".strip() for p in doc.get("plugins", ())) or text("page_no_plugins", lang)
    engine = f"{doc.get('engine', 'evalkit')} {doc.get('version', '')}".strip()
    return {"profile": profile.get("id", ""), "profile_title": profile.get("title", ""), "engine": engine, "plugins": plugins}


def section_ids(entries) -> list[str]:
    """A unique id per township, from its stem: word characters and hyphens only."""
    ids, seen = [], set()
    for entry in entries:
        base = "t-" + re.sub(r"[^\w-]", "_", entry.stem)
        sid, n = base, 1
        while sid in seen:
            n += 1
            sid = f"{base}-{n}"
        seen.add(sid)
        ids.append(sid)
    return ids


def ems(text: str) -> float:
    """About how wide the text is in a CJK font: a Chinese character is 1em, others about 0.62em."""
    return sum(1.0 if char_width(ch) == 2 else 0.62 for ch in text)


def clip(text: str, room: float) -> str:
    """The whole text if it fits ``room`` ems and one more, else cut to ``room`` ems with "…" (1em)."""
    if ems(text) <= room + 1:
        return text
    while ems(text) > room:
        text = text[:-1]
    return text + "…"


def _fx(value) -> str:
    return f"{float(value):.1f}"


def _part(value: Decimal, scale: Decimal) -> Decimal:
    return min(max(value / scale, Decimal(0)), Decimal(1)) if scale > 0 else Decimal(0)


def grade_colour(grade: str) -> str:
    return GRADE_COLOURS.get(grade, OTHER_COLOUR)


def ranking_chart(entries, lang: str = "zh") -> dict:
    """One bar per township, scaled to the highest maximum (or total) of the batch."""
    scale = max([e.card.max for e in entries] + [e.card.total for e in entries] + [Decimal(1)])
    bars = []
    for index, entry in enumerate(entries):
        card, y = entry.card, 34 + index * ROW
        bars.append({
            "name": card.subject.name, "label": clip(card.subject.name, LABEL_EMS), "y": y, "ty": y + 14,
            "width": _fx(BAR_W * _part(card.total, scale)), "colour": grade_colour(card.grade),
            "value": text("page_bar_value", lang, total=display(card.total), grade=card.grade), "rank": entry.rank,
        })
    ticks = [{"x": _fx(BAR_X + BAR_W * k / 4), "label": display(scale * k / 4)} for k in range(5)]
    bottom = 34 + len(entries) * ROW
    return {"bars": bars, "ticks": ticks, "height": bottom + 8, "bottom": bottom, "geometry": GEOMETRY}


def ranking_row(row: RankingRow, sid: str, lang: str = "zh") -> dict:
    return {
        "id": sid, "rank": row.rank, "level_rank": row.level_rank, "name": row.name, "level": label(LEVEL, row.level, lang),
        "total": display(row.total), "grade": row.grade, "colour": grade_colour(row.grade),
        "scores": ["—" if score is None else display(score) for score in row.scores],
        "bonus": display(row.bonus), "deductions": display(row.deductions), "firmness": row.firmness,
    }


def township(entry, sid: str, lang: str = "zh") -> dict:
    card = entry.card
    evidence = {r.criterion: text("clause_sep", lang).join(r.evidence) for r in card.results}
    titles = {r.criterion: r.title for r in card.results}
    level = label(LEVEL, card.subject.level.value, lang)
    return {
        "id": sid, "name": card.subject.name, "level": level, "county": card.subject.county or "",
        "rank": entry.rank, "ranks": text("page_ranks", lang, rank=entry.rank, level=level, level_rank=entry.level_rank),
        "grade": card.grade, "grade_note": card.grade_note,
        "colour": grade_colour(card.grade), "source": entry.source, "warnings": list(card.warnings),
        "facts": facts(card, lang), "vetoes": [f"{cid} {titles.get(cid, '')}".strip() for cid in card.vetoes],
        "chart": category_chart(card, lang), "chart_label": text("page_category_chart", lang, name=card.subject.name),
        "gaps": [gap(g, evidence.get(g.criterion, ""), lang) for g in card.gaps],
        "findings": [finding(f, lang) for f in card.findings],
        "rectification": [rectification_item(i, lang) for i in card.rectification],
    }


def rectification_item(item, lang: str = "zh") -> dict:
    lost_now = "—" if item.lost_now is None else display(item.lost_now)
    return {"criterion": item.criterion, "title": item.title, "status": label(RECTIFICATION, item.status.value, lang),
            "code": item.status.value, "lost_before": display(item.lost_before), "lost_now": lost_now}


def facts(card, lang: str = "zh") -> list[tuple[str, str]]:
    shown_ = {"total": text("page_total", lang, total=display(card.total), max=display(card.max), percent=display(card.percent)), "grade": card.grade,
              "base": display(card.base), "bonus": display(card.bonus), "deductions": display(card.deductions),
              "pending": display(card.pending), "coverage": coverage_text(card)}
    names = {"bonus": label(PAGE, "bonus", lang), "deductions": label(PAGE, "deductions", lang)}
    return [(names.get(key) or text(key, lang), value) for key, value in shown_.items()]


def category_chart(card, lang: str = "zh") -> dict:
    """One bar per category: its score against its maximum, all on one scale."""
    cap = sum((r.max for r in card.results if r.kind is Kind.DEDUCTION), start=Decimal(0))
    rows = [(c, c.max if c.max > 0 else max(cap, -c.score)) for c in card.categories]
    scale = max([limit for _c, limit in rows] + [Decimal(1)])
    bars = []
    for index, (c, limit) in enumerate(rows):
        y, negative = 12 + index * ROW, c.score < 0 or (c.max == 0 and c.score == 0)
        value = text("page_negative", lang, lost=display(-c.score), limit=display(limit)) if negative else f"{display(c.score)} / {display(c.max)}"
        bars.append({
            "title": c.title, "label": clip(c.title, LABEL_EMS), "y": y, "ty": y + 14, "negative": negative, "value": value,
            "track": _fx(BAR_W * _part(limit, scale)), "width": _fx(BAR_W * _part(abs(c.score), scale)),
        })
    return {"bars": bars, "height": 12 + len(rows) * ROW + 4, "geometry": GEOMETRY}


def gap(g, evidence: str, lang: str = "zh") -> dict:
    return {
        "criterion": g.criterion, "title": g.title, "kind": label(KIND, g.kind.value, lang), "status": label(STATUS, g.status.value, lang),
        "lost": display(g.points_lost), "pending": display(g.pending) if g.pending else "",
        "reason": g.reason, "remediation": g.remediation, "basis": g.basis, "evidence": evidence,
        "repeat": label(RECTIFICATION, g.repeat.value, lang) if g.repeat else "",
    }


def finding(f, lang: str = "zh") -> dict:
    where = [part for part in (f.section, text("line_no", lang, line=f.line) if f.line else None) if part]
    return {
        "severity": f.severity.value, "severity_label": label(SEVERITY, f.severity.value, lang), "message": f.message,
        "code": f.code, "where": text("page_where_sep", lang).join(where), "quote": f.quote or "",
    }


@hookimpl
def register_formats():
    return [Format("html", "HTML 报告（可打印）", write_html, scope="batch", filename="report.html", en={"title": "HTML report (printable)"})]
