"""The report body of a saved government web page, with navigation and boilerplate dropped."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from evalkit.report.structure import DATE_LINE

SKIPPED_TAGS = {"head", "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "button", "select", "template", "svg"}
BLOCK_TAGS = {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "section", "article", "table", "ul", "ol", "dd", "dt", "blockquote", "pre", "title"}
VOID_TAGS = {"br", "img", "hr", "meta", "link", "input", "area", "base", "col", "embed", "source", "track", "wbr"}
BOILERPLATE = re.compile(r"nav|menu|foot|header|head-|banner|crumb|share|sidebar|side|copyright|toolbar|login|search|links|friend|bottom|topbar|print|close", re.I)
CONTENT = re.compile(r"article|content|detail|正文|zoom|trs_editor|txt|text|main", re.I)


class _Page(HTMLParser):
    """Collects (text, content containers, tag) lines, skipping boilerplate elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool, tuple[int, ...]]] = []  # (tag, skipped, content containers)
        self.lines: list[tuple[str, tuple[int, ...], str]] = []
        self.containers = 0
        self.current: list[str] = []
        self.paragraph_start = 0

    def handle_starttag(self, tag, attrs):
        marks = " ".join(v or "" for k, v in attrs if k in ("class", "id"))
        parent_skip = self.stack[-1][1] if self.stack else False
        content = self.stack[-1][2] if self.stack else ()
        skip = parent_skip or tag in SKIPPED_TAGS or bool(BOILERPLATE.search(marks) and not CONTENT.search(marks))
        if not skip and CONTENT.search(marks) and tag not in VOID_TAGS:
            self.containers += 1
            content = (*content, self.containers)
        if tag in BLOCK_TAGS:
            self._flush()
        if tag == "p":
            self.paragraph_start = len(self.lines)
        if tag not in VOID_TAGS:
            self.stack.append((tag, skip, content))

    def handle_endtag(self, tag):
        if tag in BLOCK_TAGS:
            self._flush()
        if tag == "p" and self.stack and not self.stack[-1][1] and len(self.lines) == self.paragraph_start:
            self.lines.append(("", self.stack[-1][2], "p"))  # an empty paragraph is a blank line
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break

    def handle_data(self, data):
        if not (self.stack and self.stack[-1][1]):
            self.current.append(data)

    def _flush(self):
        line = re.sub(r"[ \t\r\n\u00a0]+", " ", "".join(self.current)).strip()
        self.current = []
        if line:
            tag, _skip, content = self.stack[-1] if self.stack else ("", False, ())
            self.lines.append((line, content, tag))

    def close(self):
        super().close()
        self._flush()


def _body_container(lines) -> int | None:
    """The innermost content container that holds nearly all of the content text."""
    sizes: dict[int, int] = {}
    for line, chain, _tag in lines:
        for container in chain:
            sizes[container] = sizes.get(container, 0) + len(line)
    if not sizes:
        return None
    largest = max(sizes.values())
    return max(c for c, size in sizes.items() if size >= largest * 0.8)


def page_text(html: str) -> str:
    """The report's lines: its title, then the body up to the signing date."""
    page = _Page()
    page.feed(html)
    page.close()
    container = _body_container(page.lines)
    body = [line for line, chain, _tag in page.lines if container is None or container in chain]
    title = next((line for line, _c, tag in page.lines if tag in ("h1", "h2", "h3", "title") and "报告" in line), None)
    start = next((i for i, line in enumerate(body) if "报告" in line and len(line) < 80), 0)
    while start < len(body) and not body[start]:
        start += 1
    body = body[start:]
    if title and (not body or body[0] != title) and not any(title == line for line in body[:3]):
        body.insert(0, title)
    last_date = max((i for i, line in enumerate(body) if DATE_LINE.match(line)), default=len(body) - 1)
    return "\n".join(body[: last_date + 1])
