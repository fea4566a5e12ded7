"""HTML pages: the visible text of the body, one line per block element and per table row."""

from __future__ import annotations

import re
from typing import Any

_DROP = ["script", "style", "nav", "header", "footer", "noscript", "template", "iframe", "svg", "head", "title", "form", "button", "select"]
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


def _walk(node: Any, out: _Text, pre: bool = False) -> None:
    from bs4 import Comment, Declaration, Doctype, NavigableString, ProcessingInstruction

    for child in node.children:
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
        elif name == "table":
            out.newline()
            _table(child, out)
        elif name in _BLOCK or name == "tr":
            out.newline()
            _walk(child, out, pre or name == "pre")
            out.newline()
        else:
            _walk(child, out, pre)


def _cell_text(cell: Any) -> str:
    sub = _Text()
    _walk(cell, sub)
    sub.newline()
    return " ".join(sub.lines)


def _table(table: Any, out: _Text) -> None:
    for tr in table.find_all("tr"):
        if tr.find_parent("table") is not table:
            continue  # rows of a nested table are part of their cell's text
        cells = [_cell_text(td) for td in tr.find_all(["td", "th"]) if td.find_parent("tr") is tr]
        while cells and not cells[-1]:
            cells.pop()
        if cells:
            out.text(" | ".join(cells))
            out.newline()


def html_to_text(markup: str) -> str:
    """The page's visible text: block elements and <br> end lines, table rows become "a | b | c" lines."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(markup, "lxml")
    for tag in soup.find_all(_DROP):
        tag.decompose()
    root = soup.body or soup
    out = _Text()
    _walk(root, out)
    out.newline()
    return "\n".join(out.lines)
