"""Stage: the tree of numbered items inside each section, and the months each item mentions
(month_labels.mentioned_months: a range spans every month of it).

An item runs from its marker to the last line before the next item at its level or above.
An unnumbered month label (三月份：) closes every open item, since a month's list is over:
an item after it has no parent above the label, so a child's span always lies inside its
parent's.

Layer written: ``items`` — data :class:`ItemData`, in document (pre-)order.
"""

from __future__ import annotations

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
    # the parent item's marker line: an int the lines hold already, where an index in the items
    # layer was an int of its own per item
    parent_line: int | None
    # the item's first line without its marker (working offsets) is ``own``: the line's start (the
    # line's own int) and where the words begin in it (a small int), not an int per item
    line_start: int
    words_at: int
    own_end: int
    # its lines after the first (children and month labels excluded): most items are one line, and
    # an empty tuple is shared where a one-part body would be a tuple per item
    more: tuple[tuple[int, int], ...]
    months: tuple[int, ...]

    @property
    def own_start(self) -> int:
        return self.line_start + self.words_at

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
    text = doc.text
    out: list[Annotation] = []
    for s_index, section in enumerate(doc.layer("sections")):
        block = section.data
        levels = by_plan[block.plan]
        open_items: list[tuple[int, int]] = []  # (level, item number in the section), levels ascending
        # per item of the section, by its number in it (parallel lists, not tuples or dicts: one long
        # section may hold a whole plan's items, each some 20 characters, and all are alive at once)
        marker_lines: list[int] = []  # the marker's line idx
        parents: list[int | None] = []  # the parent's marker line idx
        # where it ends: at its last line that is no furniture before the line that closes it (an item
        # at its level or above, a month label); None while open (then the section's last such line)
        ends: list[int | None] = []
        # its lines after the first: None while it is one line (most items), a list once others join it
        later: list[list[tuple[int, int]] | None] = []
        current: int | None = None
        last_end: int | None = None  # the end of the last line so far that is no furniture
        for i in block.lines:
            ln = lines[i]
            if ln.idx in levels:
                level = levels[ln.idx][0]
                while open_items and open_items[-1][0] >= level:
                    ends[open_items.pop()[1]] = last_end
                parents.append(marker_lines[open_items[-1][1]] if open_items else None)
                current = len(marker_lines)
                marker_lines.append(ln.idx)
                ends.append(None)
                open_items.append((level, current))
                later.append(None)
            elif ln.month is not None:
                while open_items:
                    ends[open_items.pop()[1]] = last_end
                current = None
            elif current is not None and not ln.furniture and not ln.signature:
                more = later[current]
                if more is None:
                    later[current] = [(ln.start, ln.end)]
                else:
                    more.append((ln.start, ln.end))
            if not ln.furniture:
                last_end = ln.end
        for j, idx in enumerate(marker_lines):
            ln = lines[idx]
            level, number = levels[idx]
            closed = ends[j] if ends[j] is not None else last_end
            end = ln.end if closed is None else max(ln.end, closed)
            spans = later[j]
            later[j] = None  # freed as the items are made
            own_start = ln.start + ln.content_start
            if spans is None:
                more_spans: tuple[tuple[int, int], ...] = ()
                words = text[own_start : ln.end]
            else:
                more_spans = tuple(spans)
                words = "\n".join(text[a:b] for a, b in ((own_start, ln.end), *spans))
            data = ItemData(s_index, idx, level, number, parents[j], ln.start, ln.content_start, ln.end, more_spans,
                            tuple(mentioned_months(words)))
            out.append(Annotation(ln.start, max(ln.end, min(end, section.end)), "item", "numbering", (), data))
    doc.add_layer("items", out)
