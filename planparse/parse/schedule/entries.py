"""What a schedule layout writes: entries as spans of the working text, never as copied words.

An :class:`EntryData` holds the pieces of the working text its activity is made of (one
piece, or several where a hard-wrapped activity runs on over a line break); the build step
reads the activity's words from the original text through those pieces.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from planparse.parse.chars import ACTIVITY_LEAD_STRIP, ACTIVITY_STRIP
from planparse.parse.document import Annotation

_WORDS = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbfA-Za-z]")
_URL = re.compile(r"(https?://)?[\w.-]+\.(com|cn|net|org)(/\S*)?")


@dataclass(slots=True)
class EntryData:
    section: int
    months: tuple[int, ...]
    pieces: list[tuple[int, int]]  # working spans of the activity's words
    label: tuple[int, int] | None = None  # the month label as written
    theme: tuple[int, int] | None = None  # the month's theme
    marker: tuple[int, int] | None = None  # the activity's own numbering marker
    responsible: tuple[int, int] | None = None  # a table's 负责人 cell
    participants: tuple[int, int] | None = None  # a table's 参加范围 cell
    years: dict[int, int | None] = field(default_factory=dict)  # years written in the label


@dataclass(slots=True)
class Period:
    """The month label in force: its months and how it was written."""

    months: tuple[int, ...]
    label: tuple[int, int] | None = None
    theme: tuple[int, int] | None = None
    years: dict[int, int | None] = field(default_factory=dict)


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) without leading bullets/punctuation and trailing punctuation."""
    while start < end and text[start] in ACTIVITY_LEAD_STRIP:
        start += 1
    while end > start and text[end - 1] in ACTIVITY_STRIP:
        end -= 1
    return start, end


def is_activity(words: str) -> bool:
    # (an address holds the dot before its domain: words without one are tried no further)
    return bool(words) and _WORDS.search(words) is not None and ("." not in words or _URL.fullmatch(words) is None)


class EntryWriter:
    """Collects one schedule section's entries for the ``entries`` layer."""

    def __init__(self, text: str, section: int, rule: str) -> None:
        self.text = text
        self.section = section
        self.rule = rule
        self.entries: list[Annotation] = []

    def emit(
        self,
        start: int,
        end: int,
        period: Period,
        *,
        marker: tuple[int, int] | None = None,
        evidence: tuple[str, ...] = (),
        responsible: tuple[int, int] | None = None,
        participants: tuple[int, int] | None = None,
    ) -> bool:
        s, e = trim(self.text, start, end)
        if not is_activity(self.text[s:e]):
            return False
        data = EntryData(self.section, period.months, [(s, e)], period.label, period.theme, marker,
                         responsible, participants, period.years)
        self.entries.append(Annotation(s, e, "entry", self.rule, evidence, data))
        return True

    def extend_last(self, start: int, end: int, *, across_cells: bool = False) -> bool:
        """A wrapped line added to the last entry: only across a plain line break (or, in a table
        whose cells are joined by spaces, across the other cells at the end of the row above)."""
        if not self.entries:
            return False
        last = self.entries[-1]
        gap = self.text[last.end : start]
        s, e = trim(self.text, start, end)
        if s >= e or "\n" not in gap or (gap.strip().strip(ACTIVITY_STRIP) and not across_cells):
            return False
        data: EntryData = last.data
        # the punctuation that ended the last piece is inside the activity now: its words keep it
        a, b = data.pieces[-1]
        while b < start and not self.text[b].isspace():
            b += 1
        data.pieces[-1] = (a, b)
        data.pieces.append((s, e))
        self.entries[-1] = Annotation(last.start, e, last.label, last.rule, last.evidence + ("hard wrap",), data)
        return True
