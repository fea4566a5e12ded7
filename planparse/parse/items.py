"""Stage: the tree of numbered items inside each section, and the months each item mentions
(month_labels.mentioned_months: a range spans every month of it).

An item runs from its marker to the last line before the next item at its level or above.
An unnumbered month label (三月份：) closes every open item, since a month's list is over:
an item after it has no parent above the label, so a child's span always lies inside its
parent's.

Layer written: ``items`` — data :class:`ItemData`, in document (pre-)order.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from planparse.parse.document import Annotation, ParseDoc
from planparse.parse.levels import levels_by_plan
from planparse.parse.month_labels import mentioned_months


@dataclass(frozen=True, slots=True)
class ItemData:
    section: int  # index in the sections layer
    line: int  # the marker's line
    level: int
    number: int
    parent: int | None  # index in the items layer
    # the item's first line without its marker (working offsets): two fields, not a tuple per item
    own_start: int
    own_end: int
    # its lines after the first (children and month labels excluded): most items are one line, and
    # an empty tuple is shared where a one-part body would be a tuple per item
    more: tuple[tuple[int, int], ...]
    months: tuple[int, ...]

    @property
    def own(self) -> tuple[int, int]:
        """The item's first line without its marker (working offsets)."""
        return (self.own_start, self.own_end)

    @property
    def body(self) -> tuple[tuple[int, int], ...]:
        """Its own lines, children and month labels excluded."""
        return (self.own, *self.more)


def build_items(doc: ParseDoc) -> None:
    """Stage: the ``items`` layer."""
    by_plan = levels_by_plan(doc)
    lines = doc.lines
    out: list[Annotation] = []
    for s_index, section in enumerate(doc.layer("sections")):
        block = section.data
        levels = by_plan[block.plan]
        body = [lines[i] for i in block.lines]
        content = [ln for ln in body if not ln.furniture]
        starts = [ln.start for ln in content]
        open_items: list[tuple[int, int]] = []  # (level, item number in the section), levels ascending
        # per item of the section, by its number in it (parallel lists, not tuples or dicts: one long
        # section may hold a whole plan's items, each some 20 characters, and all are alive at once)
        marker_lines: list[int] = []  # the marker's line idx
        parents: list[int | None] = []  # index in out
        ends: list[int] = []  # where it ends (the section's end until an item at its level or above comes)
        # its lines' spans: one tuple while it is one line (most items), a list once others join it
        parts: list[tuple[int, int] | list[tuple[int, int]]] = []
        current: int | None = None
        first = len(out)
        for ln in body:
            if ln.idx in levels:
                level = levels[ln.idx][0]
                while open_items and open_items[-1][0] >= level:
                    ends[open_items.pop()[1]] = ln.start
                parents.append(first + open_items[-1][1] if open_items else None)
                current = len(marker_lines)
                marker_lines.append(ln.idx)
                ends.append(section.end)
                open_items.append((level, current))
                parts.append((ln.start + ln.content_start, ln.end))
            elif ln.month is not None:
                while open_items:
                    ends[open_items.pop()[1]] = ln.start
                current = None
            elif current is not None and not ln.furniture and not ln.signature:
                own = parts[current]
                if isinstance(own, tuple):
                    parts[current] = [own, (ln.start, ln.end)]
                else:
                    own.append((ln.start, ln.end))
        for j, idx in enumerate(marker_lines):
            ln = lines[idx]
            level, number = levels[idx]
            i = bisect_left(starts, ends[j]) - 1
            end = max(ln.end, content[i].end if i >= 0 else ln.end)
            spans = parts[j]
            parts[j] = ()  # freed as the items are made
            own = spans if isinstance(spans, tuple) else spans[0]
            more = () if isinstance(spans, tuple) else tuple(spans[1:])
            text = doc.text[own[0] : own[1]] if isinstance(spans, tuple) else "\n".join(doc.text[a:b] for a, b in spans)
            data = ItemData(s_index, idx, level, number, parents[j], *own, more, tuple(mentioned_months(text)))
            out.append(Annotation(ln.start, max(ln.end, min(end, section.end)), "item", "numbering", (), data))
    doc.add_layer("items", out)
