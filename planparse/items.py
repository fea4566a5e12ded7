"""Stage 6: the tree of numbered items inside each section, and the months each item mentions."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable

import regex

from planparse.classify import Line
from planparse.models import Item, Span
from planparse.month_labels import parse_label_text

# months mentioned in running text: 时限：3月25日前 / 1-12月 / 今年4月 / 拟在六月份
_MONTH_MENTION = regex.compile(
    r"(?<![\d])((?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九元])(?:\s*[-—~～至到、,，]\s*(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九]))*\s*月)"
)


def months_mentioned(text: str) -> list[int]:
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
    # an unnumbered month label (三月份：) closes every open item: a month's list is over
    bounds = [ln for ln in lines if ln.idx in levels or ln.month is not None]
    ends: dict[int, int] = {}
    for k, ln in enumerate(bounds):
        if ln.idx not in levels:
            continue
        level = levels[ln.idx][0]
        end = section_end
        for later in bounds[k + 1 :]:
            if later.idx not in levels or levels[later.idx][0] <= level:
                end = later.start
                break
        ends[ln.idx] = end
    body_parts: dict[int, list[str]] = {}
    current: int | None = None
    for ln in lines:
        if ln.idx in levels:
            current = ln.idx
            body_parts[current] = [ln.content.strip()]
        elif ln.month is not None:
            current = None
        elif current is not None and not ln.furniture:
            body_parts[current].append(ln.text)
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
            months=months_mentioned(body),
        )
        while stack and stack[-1][0] >= level:
            stack.pop()
        (stack[-1][1].children if stack else roots).append(item)
        stack.append((level, item))
    return roots
