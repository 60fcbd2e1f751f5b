"""The report body of a saved government web page, with navigation and boilerplate dropped."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from evalkit.errors import InputError
from evalkit.report.structure import DATE_LINE

SKIPPED_TAGS = {"head", "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "button", "select", "template", "svg"}
BLOCK_TAGS = {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "section", "article", "table", "ul", "ol", "dd", "dt", "blockquote", "pre", "title"}
CELL_TAGS = {"td", "th"}  #: a row's cells are joined by tabs, as a .docx table's are
VOID_TAGS = {"br", "img", "hr", "meta", "link", "input", "area", "base", "col", "embed", "source", "track", "wbr"}
BOILERPLATE = re.compile(r"nav|menu|foot|header|head-|banner|crumb|share|sidebar|side|copyright|toolbar|login|search|links|friend|bottom|topbar|print|close", re.I)
SELF_CLOSING = {"p", "li", "dt", "dd", "tr", "td", "th", "option"}  #: a new one ends the open one
SCOPE_TAGS = {"div", "table", "ul", "ol", "dl", "section", "article", "blockquote", "body", "html"}
IMPLIED_REACH = 8  #: how far down the open elements an implied end looks
MAX_DEPTH = 5000  #: open elements at once; deeper pages are refused
CONTENT = re.compile(r"article|content|detail|正文|zoom|trs_editor|txt|text|main", re.I)


class _Page(HTMLParser):
    """Collects (text, innermost content container, tag) lines, skipping boilerplate elements.

    Content containers are numbered as they open and each knows its parent, so a line keeps one
    number rather than its whole chain, and an end tag with no open element costs nothing:
    reading stays linear however deep or unbalanced the page.
    """

    def __init__(self, name: str | None) -> None:
        super().__init__(convert_charrefs=True)
        self.name = name
        self.stack: list[tuple[str, bool, int]] = []  # (tag, skipped, innermost content container)
        self.open: dict[str, int] = {}  # how many elements of each tag are on the stack
        self.parents = [0]  # parents[c]: the container holding container c; 0 is the page
        self.lines: list[tuple[str, int, str]] = []
        self.current: list[str] = []
        self.paragraph_start = 0

    def handle_starttag(self, tag, attrs):
        if tag in SELF_CLOSING:
            self._close_implied(tag)
        marks = " ".join(v or "" for k, v in attrs if k in ("class", "id"))
        parent_skip, content = self.stack[-1][1:] if self.stack else (False, 0)
        skip = parent_skip or tag in SKIPPED_TAGS or bool(BOILERPLATE.search(marks) and not CONTENT.search(marks))
        if not skip and CONTENT.search(marks) and tag not in VOID_TAGS:
            self.parents.append(content)
            content = len(self.parents) - 1
        if tag in BLOCK_TAGS:
            self._flush()
        elif tag in CELL_TAGS:
            self.current.append("\t")
        if tag == "p":
            self.paragraph_start = len(self.lines)
        if tag not in VOID_TAGS:
            self._push(tag, skip, content)

    def _close_implied(self, tag: str) -> None:
        """``<p>a<p>b``: a new paragraph (list item, cell, row) ends the open one, as browsers do,
        looking a few elements down and not past a container."""
        for depth, (open_tag, _skip, _content) in enumerate(reversed(self.stack[-IMPLIED_REACH:])):
            if open_tag == tag:
                for closed, *_ in self.stack[len(self.stack) - depth - 1 :]:
                    self.open[closed] -= 1
                del self.stack[len(self.stack) - depth - 1 :]
                return
            if open_tag in SCOPE_TAGS:
                return

    def _push(self, tag: str, skip: bool, content: int) -> None:
        if len(self.stack) >= MAX_DEPTH:
            raise InputError("html_too_deep", file=self.name, limit=MAX_DEPTH)
        self.stack.append((tag, skip, content))
        self.open[tag] = self.open.get(tag, 0) + 1

    def handle_endtag(self, tag):
        if tag in BLOCK_TAGS:
            self._flush()
        if tag == "p" and self.stack and not self.stack[-1][1] and len(self.lines) == self.paragraph_start:
            self.lines.append(("", self.stack[-1][2], "p"))  # an empty paragraph is a blank line
        if self.open.get(tag):  # close the innermost open element of this tag and all inside it
            while (closed := self.stack.pop()[0]) != tag:
                self.open[closed] -= 1
            self.open[tag] -= 1

    def handle_data(self, data):
        if not (self.stack and self.stack[-1][1]):
            self.current.append(data)

    def _flush(self):
        line = re.sub(r" *\t[\t ]*", "\t", re.sub(r"[ \r\n\u00a0]+", " ", "".join(self.current))).strip()
        self.current = []
        if line:
            tag, _skip, content = self.stack[-1] if self.stack else ("", False, 0)
            self.lines.append((line, content, tag))

    def close(self):
        super().close()
        self._flush()

    def body_container(self) -> int | None:
        """The innermost content container that holds nearly all of the content text."""
        sizes, lines = [0] * len(self.parents), [0] * len(self.parents)
        for line, container, _tag in self.lines:
            sizes[container] += len(line)
            lines[container] += 1
        for container in range(len(sizes) - 1, 0, -1):  # a container opens after its parent
            sizes[self.parents[container]] += sizes[container]
            lines[self.parents[container]] += lines[container]
        held = [c for c in range(1, len(sizes)) if lines[c]]
        if not held:
            return None
        largest = max(sizes[c] for c in held)
        return max(c for c in held if sizes[c] >= largest * 0.8)

    def inside(self, chosen: int) -> list[bool]:
        """For each container, whether it is ``chosen`` or lies within it."""
        within = [False] * len(self.parents)
        for container in range(1, len(within)):
            within[container] = container == chosen or within[self.parents[container]]
        return within


def page_text(html: str, name: str | None = None) -> str:
    """The report's lines: its title, then the body up to the signing date."""
    page = _Page(name)
    page.feed(html)
    page.close()
    container = page.body_container()
    within = page.inside(container) if container is not None else None
    body = [line for line, innermost, _tag in page.lines if within is None or within[innermost]]
    title = next((line for line, _c, tag in page.lines if tag in ("h1", "h2", "h3", "title") and "报告" in line), None)
    start = next((i for i, line in enumerate(body) if "报告" in line and len(line) < 80), 0)
    while start < len(body) and not body[start]:
        start += 1
    body = body[start:]
    if title and (not body or body[0] != title) and not any(title == line for line in body[:3]):
        body.insert(0, title)
    last_date = max((i for i, line in enumerate(body) if DATE_LINE.match(line)), default=len(body) - 1)
    return "\n".join(body[: last_date + 1])
