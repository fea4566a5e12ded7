"""Stage 6: the tree of numbered items inside each section, and the months each item mentions."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable

from planparse.models import Item, Span
from planparse.parse.classify import Line
from planparse.parse.month_labels import parse_label_text

# months mentioned in running text: 时限：3月25日前 / 1-12月 / 今年4月 / 拟在六月份
_MONTH_MENTION = re.compile(
    r"(?<![\d])((?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九元])(?:\s*[-—~～至到、,，]\s*(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九]))*\s*月)"
)


def months_mentioned(text: str) -> list[int]:
    """Calendar months a (normalised) text mentions: 时限：3月25日前 → [3], 1-12月 → 1..12."""
    if "月" not in text:
        return []
    found: set[int] = set()
    for m in _MONTH_MENTION.finditer(text):
        parsed = parse_label_text(m.group(1))
        if parsed:
            found.update(parsed[0])
    return sorted(found)


def build_items(
    lines: list[Line],
    levels: dict[int, tuple[int, int]],
    section_end: int,
    to_span: Callable[[int, int], Span],
    orig_text: str,
) -> list[Item]:
    """Items of one section's lines (the heading line excluded by the caller)."""
    roots: list[Item] = []
    stack: list[tuple[int, Item]] = []
    marked = [ln for ln in lines if ln.idx in levels]
    # an item ends where the next item at its level or above starts; an unnumbered month
    # label (三月份：) closes every open item, since a month's list is over
    ends: dict[int, int] = {}
    open_items: list[tuple[int, int]] = []  # (level, line idx), levels ascending
    for ln in lines:
        if ln.idx in levels:
            level = levels[ln.idx][0]
            while open_items and open_items[-1][0] >= level:
                ends[open_items.pop()[1]] = ln.start
            open_items.append((level, ln.idx))
        elif ln.month is not None:
            while open_items:
                ends[open_items.pop()[1]] = ln.start
    for _, idx in open_items:
        ends[idx] = section_end
    # an item's body: its own lines as written (original text), children and month labels excluded
    # (the months are read from the normalised lines, where ３月 is already 3月)
    body_parts: dict[int, list[str]] = {}
    month_text: dict[int, list[str]] = {}
    current: int | None = None
    for ln in lines:
        if ln.idx in levels:
            current = ln.idx
            body_parts[current] = [orig_text[slice(*to_span(ln.start + ln.content_start, ln.end))].strip()]
            month_text[current] = [ln.text]
        elif ln.month is not None:
            current = None
        elif current is not None and not ln.furniture and not ln.signature:
            body_parts[current].append(orig_text[slice(*to_span(ln.start, ln.end))])
            month_text[current].append(ln.text)
    content_lines = [ln for ln in lines if not ln.furniture]
    starts = [ln.start for ln in content_lines]
    for ln in marked:
        level, number = levels[ln.idx]
        # the item ends with the last line that starts before the next item at its level or above
        k = bisect_left(starts, ends[ln.idx]) - 1
        s, e = to_span(ln.start, max(ln.end, content_lines[k].end if k >= 0 else ln.end))
        raw_s, raw_e = to_span(ln.start, ln.start + ln.marker.raw_end)
        own_s, own_e = to_span(ln.start + ln.content_start, ln.end)
        body = "\n".join(p for p in body_parts.get(ln.idx, []) if p)
        item = Item(
            span=(s, e),
            marker=orig_text[raw_s:raw_e],
            marker_family=ln.marker.family,
            number=number,
            level=level,
            text=orig_text[own_s:own_e].strip(),
            body=body,
            is_heading=ln.heading_like,
            months=months_mentioned("\n".join(month_text.get(ln.idx, ()))),
        )
        while stack and stack[-1][0] >= level:
            stack.pop()
        (stack[-1][1].children if stack else roots).append(item)
        stack.append((level, item))
    return roots
