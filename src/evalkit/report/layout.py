"""From positioned lines of pages (a PDF's text layer, or OCR) to a report's paragraphs.

Lines broken by the page width are joined again, running headers and footers and page
numbers are dropped, and a figure read by OCR keeps its confidence (see ``Read.marks``).
"""

from __future__ import annotations

import difflib
import re
import statistics
from collections.abc import Sequence

import attrs

from evalkit.report.reader import Read

INDENT = 4  #: a line starting further right than this many characters is set apart (a signature)
WIDE = 0.6  #: the right margin of body text lies past this part of the page's width
EDGE = 0.12  #: a running header or footer stands in the top or bottom 12% of the page
ALIKE = 0.8  #: two header lines this alike (difflib's ratio) are one header read twice
FULL = 2.5  #: a line ending within this many character widths of the right margin was wrapped
#: a line opening a list entry or a heading starts a paragraph, even after a full line
OPENS = re.compile(r"^\s*([（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+[、是]|\d+(、|．|\.(?!\d)))")
ENDS = "。！？；：!?;:"
PAGE_NUMBER = re.compile(r"^[-—–－\s]*(第\s*)?\d+\s*(页)?(\s*[/／共]\s*\d+\s*页?)?[-—–－\s]*$")
CJK_SPACE = re.compile(r"(?<=[\u3000-\u9fff\uff00-\uffef]) +| +(?=[\u3000-\u9fff\uff00-\uffef])")


@attrs.frozen
class Line:
    """One line of a page: its text, its box (y grows downwards), and for OCR the confidence
    (0–100) of each character."""

    text: str
    left: float
    right: float
    top: float
    bottom: float
    confidence: tuple[int, ...] | None = None

    @property
    def size(self) -> float:
        return max(self.bottom - self.top, 1.0)


@attrs.frozen
class Page:
    lines: tuple[Line, ...]
    height: float
    width: float


def text_of(pages: Sequence[Page]) -> Read:
    """The report's text, a paragraph a line, without running headers, footers or page numbers."""
    body = [(line, page.width) for page, lines in zip(pages, _without_running(pages)) for line in lines]
    margins = (min((line.left for line, _ in body), default=0.0), _right_margin(body))
    paragraphs: list[list[Line]] = []
    for index, (line, _width) in enumerate(body):
        if index and _wrapped(*body[index - 1], margins) and not _opens(line, body[index - 1][0], margins):
            paragraphs[-1].append(line)
        else:
            paragraphs.append([line])
    return _joined(paragraphs)


def _wrapped(line: Line, width: float, margins: tuple[float, float]) -> bool:
    """A line that runs from the left margin (or an indent) to the right margin, past the
    page's middle, goes on in the next line; a signature set to the right does not. A line
    ending a sentence must reach the margin within a character: others fall short of it only
    where a quotation mark or bracket may not end a line."""
    left, right = margins
    short = right - line.right
    reaches = short < (1.0 if line.text.endswith(tuple(ENDS)) else FULL) * line.size
    return reaches and line.right > WIDE * width and line.left - left < INDENT * line.size


def _right_margin(body: Sequence[tuple[Line, float]]) -> float:
    """The median right edge of the lines reaching past the page's middle: punctuation allowed
    to hang past the margin does not move it."""
    long = [line.right for line, width in body if line.right > WIDE * width]
    return statistics.median(long) if long else max((line.right for line, _ in body), default=0.0)


def _opens(line: Line, previous: Line, margins: tuple[float, float]) -> bool:
    """A line indented as a paragraph's first line, one set to the right (a signature, not a
    centred title's second line), or a list entry after a sentence's end."""
    indent, short = line.left - margins[0], margins[1] - line.right
    indented = 1.5 * line.size <= indent < INDENT * line.size
    to_the_right = indent >= INDENT * line.size and short < FULL * line.size
    return indented or to_the_right or (previous.text.endswith(tuple(ENDS)) and OPENS.match(line.text) is not None)


def _without_running(pages: Sequence[Page]) -> list[list[Line]]:
    """Each page's lines less those at its top or bottom edge that are a page number or that
    recur on at least half of the pages (and two at least), digits aside and allowing a
    character in five to differ, as OCR may read one header differently on each page."""
    edges = [{_key(line) for line in _edge(page)} for page in pages]
    keys = set().union(*edges)
    counts = {key: sum(any(_alike(key, other) for other in edge) for edge in edges) for key in keys}
    recurring = {key for key, count in counts.items() if count >= 2 and count * 2 >= len(pages)}
    result = []
    for page in pages:
        edge = set(map(id, _edge(page)))
        result.append([line for line in page.lines if id(line) not in edge or not (PAGE_NUMBER.match(line.text) or _key(line) in recurring)])
    return result


def _alike(one: str, other: str) -> bool:
    if one == other:
        return True
    return len(one) >= 5 and abs(len(one) - len(other)) <= len(one) // 5 and difflib.SequenceMatcher(None, one, other).ratio() >= ALIKE


def _edge(page: Page) -> list[Line]:
    return [line for line in page.lines if line.top < EDGE * page.height or line.bottom > (1 - EDGE) * page.height]


def _key(line: Line) -> str:
    return re.sub(r"\d+", "#", line.text.replace(" ", ""))


def _joined(paragraphs: list[list[Line]]) -> Read:
    parts, marks, offset = [], [], 0
    for paragraph in paragraphs:
        for line in paragraph:
            text = CJK_SPACE.sub("", line.text) if line.confidence is None else line.text
            if line.confidence is not None:
                marks += [(offset + i, offset + i + 1, c) for i, c in enumerate(line.confidence)]
            parts.append(text)
            offset += len(text)
        parts.append("\n")
        offset += 1
    return Read("".join(parts).rstrip("\n"), tuple(marks))
