"""HTML pages: the visible text of the body, one line per block element and per table row.

Two things the page shows that its text alone does not say are put back or marked: the numbers a
browser puts in front of the items of an ordered list (<ol><li>), which a plan's items and a
month's numbered activities are often written as; and the site's navigation — menus, breadcrumbs
of links, sidebar lists of other articles — whose lines hold nothing but links (html_page's
furniture spans), which the parser then takes for site furniture whatever their words say (a
sidebar link 班主任工作计划 reads as a plan's title)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, NamedTuple

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
# a line inside one of these is a heading: kept whatever it holds (a title linked to its own page)
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_SPACE = re.compile(r"[ \t\n\r\f]+")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_LIST_STYLE = re.compile(r"list-style(?:-type)?\s*:\s*([a-z-]+)", re.IGNORECASE)
# how far into a list item its own marker is looked for (1、 typed in the item)
_ITEM_HEAD_CHARS = 12
_ITEM_HEAD_NODES = 64
_ITEM = 2  # a stack frame's end: a list item's


def meta_charset(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:8192])
    return m.group(1).decode("ascii") if m else None


class _Ctx(NamedTuple):
    """What a text node's ancestors make of it."""

    pre: bool = False  # inside <pre>: its newlines are lines
    link: int | None = None  # inside this <a href> (its id)
    item: bool = False  # inside a list item (<li>)
    heading: bool = False  # inside <h1>…<h6>
    ol_depth: int = 0  # how many ordered lists it is inside


_NO_CTX = _Ctx()


class _Line(NamedTuple):
    text: str
    words_outside_links: bool  # letters or digits outside every link
    links: int  # distinct links with words in the line
    item: bool
    heading: bool

    @property
    def links_only(self) -> bool:
        return self.links > 0 and not self.words_outside_links

    @property
    def navigation(self) -> bool:
        """A line of links only: a menu or breadcrumb (two links or more), or a list item holding
        one link (a sidebar's list of other articles), unless it is a heading."""
        return self.links_only and not self.heading and (self.links >= 2 or self.item)


def _has_words(s: str) -> bool:
    return any(ch.isalnum() for ch in s)


class _Text:
    def __init__(self) -> None:
        self.lines: list[_Line] = []
        self._reset()

    def _reset(self) -> None:
        self.cur: list[str] = []
        self.pending: str | None = None  # a list item's number, put in front of its first words
        self.plain = False
        self.links: set[int] = set()
        self.item = False
        self.heading = False

    def text(self, s: str, ctx: _Ctx = _NO_CTX) -> None:
        if not _has_words(s):
            self.cur.append(s)
            return
        if self.pending:
            self.cur.append(self.pending)
            s = s.lstrip()
        self.pending = None
        self.cur.append(s)
        if ctx.link is None:
            self.plain = True
        else:
            self.links.add(ctx.link)
        self.item |= ctx.item
        self.heading |= ctx.heading

    def marker(self, s: str) -> None:
        """A list item's number: in front of the item's first words (the item may open with a
        block of its own, <li><p>…), part of the line's text but not of its words."""
        self.pending = s or None

    def end_item(self) -> None:
        """A list item is over: a number that found no words (an empty item) is dropped."""
        self.newline()
        self.pending = None

    def line(self, line: _Line) -> None:
        self.newline()
        self.lines.append(line)

    def newline(self) -> None:
        line = "".join(self.cur).strip()
        if line:
            self.lines.append(_Line(line, self.plain, len(self.links), self.item, self.heading))
        pending = self.pending
        self._reset()
        self.pending = pending  # an item's number waits for its words across an empty line


def _list_style(tag: Any) -> str | None:
    m = _LIST_STYLE.search(str(tag.get("style") or ""))
    return m.group(1).lower() if m else None


class _Lists:
    """The numbers of ordered lists' items, as a browser counts them: from the list's start (or
    down from its length when reversed), an item's value setting the count; in the list's type,
    or by how deep the list is nested when it states none (readers.toml [html.lists])."""

    def __init__(self) -> None:
        from planparse.io.readers._config import config

        cfg = config()["html"]["lists"]
        self.by_depth: list[list[str]] = cfg["by_depth"]
        self.types: dict[str, list[str]] = cfg["types"]
        self.styles: dict[str, list[str]] = cfg["styles"]
        self.next: dict[int, int] = {}

    def _number(self, ol: Any, li: Any) -> int:
        step = -1 if ol.has_attr("reversed") else 1
        n = self.next.get(id(ol))
        if n is None:
            n = _int(ol.get("start"))
            if n is None:
                n = sum(1 for c in ol.find_all("li", recursive=False)) if step < 0 else 1
        value = _int(li.get("value"))
        if value is not None:
            n = value
        self.next[id(ol)] = n + step
        return n

    def marker(self, ol: Any, li: Any, depth: int) -> str:
        from planparse.io.readers.docx_numbering import format_number

        n = self._number(ol, li)
        style = _list_style(li) or _list_style(ol)
        kind = li.get("type") or ol.get("type")
        if style is not None and style in self.styles:
            fmt, text = self.styles[style]
        elif kind is not None and str(kind) in self.types:
            fmt, text = self.types[str(kind)]
        else:
            fmt, text = self.by_depth[min(depth, len(self.by_depth)) - 1]
        if _own_marker(li):
            return ""  # 1、 typed in the item: the page shows both, the plan means one
        return text.replace("%1", format_number(n, fmt))


def _int(value: Any) -> int | None:
    try:
        return int(str(value).strip()) if value is not None else None
    except ValueError:
        return None


_FULL_WIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)} | {0x3000: 0x20, 0xA0: 0x20}


def _own_marker(li: Any) -> bool:
    """Whether the item's text opens with a numbering marker of its own (1、, （一）, ①)."""
    from bs4 import NavigableString

    from planparse.parse.markers import match_marker

    head = ""
    for k, node in enumerate(li.descendants):
        if k >= _ITEM_HEAD_NODES or len(head.strip()) >= _ITEM_HEAD_CHARS:
            break
        if isinstance(node, NavigableString):
            head += str(node)
    head = head.translate(_FULL_WIDTH).strip()
    return bool(head) and match_marker(head) is not None


def _walk(root: Any, out: _Text, ctx: _Ctx | None = None, table_depth: int = 0, lists: _Lists | None = None) -> None:
    """The text of ``root``'s descendants, in order. A loop over an explicit stack, not recursion:
    a scraped page with a thousand unclosed <font> or <div> tags nests that deep."""
    from bs4 import Comment, Declaration, Doctype, NavigableString, ProcessingInstruction

    lists = lists if lists is not None else _Lists()
    ctx = ctx if ctx is not None else _NO_CTX
    # each frame: the children still to visit, their context, whether the element ends a line
    # (_ITEM: and a list item, whose number goes with it)
    stack: list[tuple[Iterator[Any], _Ctx, int]] = [(iter(root.children), ctx, 0)]
    while stack:
        children, ctx, ends_line = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            if ends_line == _ITEM:
                out.end_item()
            elif ends_line:
                out.newline()
            continue
        if isinstance(child, NavigableString):
            if isinstance(child, Comment | Doctype | Declaration | ProcessingInstruction):
                continue
            s = str(child)
            if ctx.pre:
                parts = s.split("\n")
                for i, part in enumerate(parts):
                    if i:
                        out.newline()
                    out.text(part, ctx)
            else:
                out.text(_SPACE.sub(" ", s), ctx)
            continue
        name = child.name
        inner = ctx
        if name == "a" and child.get("href") is not None:
            inner = inner._replace(link=id(child))
        elif name in _HEADINGS:
            inner = inner._replace(heading=True)
        elif name == "ol":
            inner = inner._replace(ol_depth=ctx.ol_depth + 1)
        elif name == "li":
            inner = inner._replace(item=True)
        if name == "br":
            out.newline()
        elif name == "table" and table_depth < _max_table_depth():
            out.newline()
            _table(child, out, inner, table_depth + 1, lists)
        elif name in _BLOCK or name in ("tr", "table"):
            # a table nested deeper than the limit reads as blocks: row by row, without the cell layout
            out.newline()
            if name == "li" and getattr(child.parent, "name", None) == "ol" and ctx.ol_depth:
                out.marker(lists.marker(child.parent, child, ctx.ol_depth))
            stack.append((iter(child.children), inner._replace(pre=ctx.pre or name == "pre"), _ITEM if name == "li" else 1))
        else:
            stack.append((iter(child.children), inner, 0))


def _max_table_depth() -> int:
    from planparse.io.readers._config import config

    return int(config()["html"]["max_table_depth"])


def _cell(cell: Any, ctx: _Ctx, table_depth: int, lists: _Lists) -> _Line:
    sub = _Text()
    _walk(cell, sub, ctx, table_depth, lists)
    sub.newline()
    return _Line(" ".join(ln.text for ln in sub.lines), any(ln.words_outside_links for ln in sub.lines),
                 sum(ln.links for ln in sub.lines), any(ln.item for ln in sub.lines), any(ln.heading for ln in sub.lines))


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


_EMPTY = _Line("", False, 0, False, False)


def _table(table: Any, out: _Text, ctx: _Ctx, table_depth: int, lists: _Lists) -> None:
    """One "a | b | c" line per row, one cell per column of the grid: a slot that a cell above
    covers (rowspan) or that a cell beside it spans (colspan) is an empty cell, so that the row's
    cells stay under their header, as a Word table's merged cells read. A row of
    cells that hold links only (a layout table's menu) is navigation, as such a line is."""
    from planparse.io.readers._config import config

    limits = config()["html"]
    above: dict[int, tuple[int, int]] = {}  # grid column → (rows it covers from the next row on, its width)
    for tr in _own(table, ("tr",)):
        covering, above = above, {c: (n - 1, w) for c, (n, w) in above.items() if n > 1}
        cells: list[_Line] = []
        col = 0
        for td in _own(tr, ("td", "th")):
            while col in covering:
                cells.extend([_EMPTY] * covering[col][1])
                col += covering[col][1]
            width = _span(td, "colspan", limits["max_colspan"])
            rows = _span(td, "rowspan", limits["max_rowspan"])
            # a cell spanning columns leaves the columns it covers empty: the cells after it stay
            # under their own header (九月 over 时间 and 周次, then 工作内容's cell, not 负责人's)
            cells.append(_cell(td, ctx, table_depth, lists))
            cells.extend([_EMPTY] * (width - 1))
            if rows > 1:
                above[col] = (rows - 1, width)
            col += width
        while cells and not cells[-1].text:
            cells.pop()
        if cells:
            filled = [c for c in cells if c.text]
            row = " | ".join(c.text for c in cells).strip()
            out.line(_Line(row, any(c.words_outside_links for c in filled), sum(c.links for c in filled),
                           any(c.item for c in filled), any(c.heading for c in filled)))


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


def html_page(markup: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The page's visible text (block elements and <br> end lines, table rows become "a | b | c"
    lines, an ordered list's items get their numbers), with the spans of its navigation lines."""
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
    spans: list[tuple[int, int]] = []
    pos = 0
    for ln in out.lines:
        if ln.navigation:
            spans.append((pos, pos + len(ln.text)))
        pos += len(ln.text) + 1
    return "\n".join(ln.text for ln in out.lines), tuple(spans)


def html_to_text(markup: str) -> str:
    """The page's visible text (see html_page)."""
    return html_page(markup)[0]
