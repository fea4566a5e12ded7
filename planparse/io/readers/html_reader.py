"""HTML pages: the visible text of the body, one line per block element and per table row."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

# A <form> is not dropped: ASP.NET pages put the whole body, the plan included, inside one; a
# comment box's controls are.
_DROP = ["script", "style", "noscript", "template", "iframe", "svg", "head", "title", "button", "select", "textarea"]
# The page's own header, footer and navigation are dropped; inside an article (<article><header>
# holding its <h1>, as blog and CMS templates write it) they are the article's, and are read.
_PAGE_PARTS = ["nav", "header", "footer"]
_CONTENT = ("article", "main")
_BLOCK = {
    "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
    "main", "aside", "blockquote", "pre", "address", "figure", "figcaption", "hr", "center", "fieldset",
    "details", "summary", "caption", "body", "html",
}
_SPACE = re.compile(r"[ \t\n\r\f]+")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def meta_charset(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:8192])
    return m.group(1).decode("ascii") if m else None


class _Text:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.cur: list[str] = []

    def text(self, s: str) -> None:
        self.cur.append(s)

    def newline(self) -> None:
        line = "".join(self.cur).strip()
        if line:
            self.lines.append(line)
        self.cur = []


def _walk(root: Any, out: _Text, pre: bool = False, table_depth: int = 0) -> None:
    """The text of ``root``'s descendants, in order. A loop over an explicit stack, not recursion:
    a scraped page with a thousand unclosed <font> or <div> tags nests that deep."""
    from bs4 import Comment, Declaration, Doctype, NavigableString, ProcessingInstruction

    # each frame: the children still to visit, whether inside <pre>, whether the element ends a line
    stack: list[tuple[Iterator[Any], bool, bool]] = [(iter(root.children), pre, False)]
    while stack:
        children, pre, ends_line = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            if ends_line:
                out.newline()
            continue
        if isinstance(child, NavigableString):
            if isinstance(child, Comment | Doctype | Declaration | ProcessingInstruction):
                continue
            s = str(child)
            if pre:
                parts = s.split("\n")
                for i, part in enumerate(parts):
                    if i:
                        out.newline()
                    out.text(part)
            else:
                out.text(_SPACE.sub(" ", s))
            continue
        name = child.name
        if name == "br":
            out.newline()
        elif name == "table" and table_depth < _max_table_depth():
            out.newline()
            _table(child, out, table_depth + 1)
        elif name in _BLOCK or name in ("tr", "table"):
            # a table nested deeper than the limit reads as blocks: row by row, without the cell layout
            out.newline()
            stack.append((iter(child.children), pre or name == "pre", True))
        else:
            stack.append((iter(child.children), pre, False))


def _max_table_depth() -> int:
    from planparse.io.readers._config import config

    return int(config()["html"]["max_table_depth"])


def _cell_text(cell: Any, table_depth: int) -> str:
    sub = _Text()
    _walk(cell, sub, table_depth=table_depth)
    sub.newline()
    return " ".join(sub.lines)


def _own(node: Any, wanted: tuple[str, ...]) -> Iterator[Any]:
    """The elements named ``wanted`` that belong to ``node`` itself: not looked for inside a nested
    table or inside an element already found (a row's cells, not a nested table's). Linear, so a
    page of tables nested inside cells costs its size, not its size times its depth."""
    stack: list[Iterator[Any]] = [iter(node.children)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
        elif getattr(child, "name", None) in wanted:
            yield child
        elif getattr(child, "name", None) not in (None, "table"):
            stack.append(iter(child.children))


def _span(cell: Any, attr: str, limit: int) -> int:
    """A cell's rowspan or colspan: 1 unless a whole number above it, at most ``limit`` (HTML's own caps)."""
    try:
        n = int(str(cell.get(attr) or "1").strip())
    except ValueError:
        return 1
    return min(max(n, 1), limit)


def _table(table: Any, out: _Text, table_depth: int) -> None:
    """One "a | b | c" line per row. A slot that a cell above covers (rowspan) is an empty cell, so
    that the row's cells stay under their header, as a Word table's merged cells read."""
    from planparse.io.readers._config import config

    limits = config()["html"]
    above: dict[int, tuple[int, int]] = {}  # grid column → (rows it covers from the next row on, its width)
    for tr in _own(table, ("tr",)):
        covering, above = above, {c: (n - 1, w) for c, (n, w) in above.items() if n > 1}
        cells: list[str] = []
        col = 0
        for td in _own(tr, ("td", "th")):
            while col in covering:
                cells.append("")
                col += covering[col][1]
            width = _span(td, "colspan", limits["max_colspan"])
            rows = _span(td, "rowspan", limits["max_rowspan"])
            cells.append(_cell_text(td, table_depth))
            if rows > 1:
                above[col] = (rows - 1, width)
            col += width
        while cells and not cells[-1]:
            cells.pop()
        if cells:
            out.text(" | ".join(cells))
            out.newline()


def _in_content(tag: Any, memo: dict[int, bool]) -> bool:
    """Whether ``tag`` lies inside an <article> or <main>; ``memo`` keeps each ancestor's answer, so
    that a page nesting thousands of such tags costs its size, not its size times its depth."""
    path: list[int] = []
    node = tag.parent
    found = False
    while node is not None:
        if id(node) in memo:
            found = memo[id(node)]
            break
        if node.name in _CONTENT:
            found = True
            break
        path.append(id(node))
        node = node.parent
    for key in path:
        memo[key] = found
    return found


def html_to_text(markup: str) -> str:
    """The page's visible text: block elements and <br> end lines, table rows become "a | b | c" lines."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(markup, "lxml")
    for tag in soup.find_all(_DROP):
        tag.decompose()
    inside: dict[int, bool] = {}
    # judged before any is dropped, while every tag still has its ancestors
    for tag in [t for t in soup.find_all(_PAGE_PARTS) if not _in_content(t, inside)]:
        tag.decompose()
    root = soup.body or soup
    out = _Text()
    _walk(root, out)
    out.newline()
    return "\n".join(out.lines)
