"""report.html in a real browser: Debian's headless chromium, driven by Playwright (never `playwright install`)."""

import json
import re
from pathlib import Path

import pytest

from evalkit.cli import ExitCode, main
from evalkit.evaluator import Evaluator
from evalkit.model import Kind
from evalkit.testing import synthetic_submissions

ROOT = Path(__file__).resolve().parents[1]
HOSTILE_NAME = "<script>window.__pwned=1</script>"
HOSTILE_EVIDENCE = '"><img src=x onerror="window.__pwned=2">'
COUNT = 18

#: Elements whose right edge passes the viewport, and table cells whose content spills out of them.
OVERFLOW = """() => {
  const width = document.documentElement.clientWidth, out = [];
  for (const el of document.querySelectorAll('body *')) {
    const box = el.getBoundingClientRect();
    if (box.width && box.right > width + 0.5) out.push(el.tagName + ' right=' + box.right.toFixed(1));
  }
  for (const cell of document.querySelectorAll('td, th')) {
    if (cell.scrollWidth > cell.clientWidth + 1) out.push('cell "' + cell.textContent.trim() + '" spills');
  }
  return out.slice(0, 20);
}"""

pytestmark = pytest.mark.browser


def build_folder(folder: Path) -> list[str]:
    """18 townships, one with a hostile name and one with hostile evidence, and one broken file; their names."""
    ev = Evaluator()
    counted = next(c.rule["item"] for c in ev.catalog.criteria.values() if c.kind is Kind.DEDUCTION and "item" in c.rule)
    folder.mkdir()
    names = []
    for index, doc in enumerate(synthetic_submissions(ev.catalog.items, COUNT, seed=11)):
        if index == 4:
            doc["subject"]["name"] = HOSTILE_NAME
        if index == 9:
            doc["items"][counted] = {"value": 2, "evidence": HOSTILE_EVIDENCE}  # a 扣分 gap that shows its evidence
        names.append(doc["subject"]["name"])
        (folder / f"{index:02d}.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    (folder / "broken.json").write_text('{"subject": ', encoding="utf-8")
    return names


def test_report_renders_prints_and_resists_injection(browser, tmp_path, capsys):
    """The chart, the table and every section show; nothing overflows at 1280px or A4; hostile input stays text."""
    names = build_folder(tmp_path / "in")
    assert main(["score", str(tmp_path / "in"), "--out", str(tmp_path / "out")]) == ExitCode.FAILED
    capsys.readouterr()
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        page.goto((tmp_path / "out" / "report.html").as_uri())
        page.wait_for_load_state("load")
        _check_content(page, names)
        _check_no_overflow(page)
        _save_artifacts(page)
    finally:
        page.close()


def _check_content(page, names):
    chart = page.locator("svg#ranking-chart")
    assert chart.is_visible() and chart.get_attribute("role") == "img" and chart.get_attribute("aria-label")
    assert chart.locator("rect.bar").count() == COUNT
    assert chart.bounding_box()["height"] > 300
    sections = page.locator("section.township")
    assert sections.count() == COUNT
    headings = page.locator("section.township h2").all_inner_texts()
    for name in names:
        assert sum(name in heading for heading in headings) == 1, name
    hostile = page.locator("section.township h2").filter(has_text=HOSTILE_NAME)
    assert hostile.count() == 1 and hostile.is_visible()
    assert page.locator("table.ranking tbody tr").count() == COUNT
    assert page.locator("section#failures").is_visible() and "broken.json" in page.locator("section#failures").inner_text()
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("img").count() == 0 and page.locator("script").count() == 0
    assert page.get_by_role("link", name=HOSTILE_NAME, exact=True).first.is_visible()
    assert page.get_by_text(HOSTILE_EVIDENCE, exact=True).is_visible()
    assert "象山县 2022 年度法治政府建设考评结果" in page.locator("h1").inner_text()


def _check_no_overflow(page):
    for width, media in ((1280, "screen"), (794, "screen"), (794, "print"), (703, "print")):  # 703px: A4 less 12mm margins
        page.set_viewport_size({"width": width, "height": 900})
        page.emulate_media(media=media)
        scroll, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert scroll <= inner, f"{scroll}px wide at a {width}px {media} viewport"
        assert page.evaluate(OVERFLOW) == [], f"overflow at {width}px ({media})"
    page.emulate_media(media="screen")
    page.set_viewport_size({"width": 1280, "height": 900})


def _save_artifacts(page):
    artifacts = ROOT / "test-artifacts"
    artifacts.mkdir(exist_ok=True)
    page.screenshot(path=str(artifacts / "report.png"), full_page=True)
    page.emulate_media(media="print")
    page.pdf(path=str(artifacts / "report.pdf"), format="A4", print_background=True, prefer_css_page_size=True)
    pdf = (artifacts / "report.pdf").read_bytes()
    assert pdf.startswith(b"%PDF") and len(re.findall(rb"/Type\s*/Page[^s]", pdf)) > COUNT  # a page per township, at least
