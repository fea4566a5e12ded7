"""Stage: the month-by-month schedule of every schedule section.

Schedules come in layouts (a list of month labels with activities under them, a table
flattened to text, a week table, records of fields …). The ``schedule_layout`` rule table
looks at a schedule section's lines and votes for the layout that fits; the winner's
extractor writes the entries. Adding a layout means one module here with its detector and
extractor (registered with :func:`layout`) and one entry in ``rules.toml``.

Layer written: ``entries`` (data :class:`~planparse.parse.schedule.entries.EntryData`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from planparse.parse.document import Annotation, ParseDoc
from planparse.parse.features import Line
from planparse.parse.levels import levels_by_plan
from planparse.parse.rules import RuleTable, Vote
from planparse.parse.schedule.entries import EntryWriter


@dataclass
class ScheduleBlock:
    """A schedule section as the layouts see it."""

    doc: ParseDoc
    section: int  # index in the sections layer
    heading: Line | None
    lines: list[Line]  # the section's body lines
    levels: dict[int, tuple[int, int]]  # the plan's numbering: line idx → (level, number)
    # what a layout's detector read of the block, kept for its extractor (the table's cells, the
    # lines' record fields): the winner's extractor reads the block again otherwise
    memo: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.doc.text


Extractor = Callable[[ScheduleBlock, EntryWriter], None]
schedule_layout: RuleTable[ScheduleBlock] = RuleTable("schedule_layout", default="month_list")
# a month list inside a part that is no schedule (month-led work items): no section of its own
embedded_schedule: RuleTable[ScheduleBlock] = RuleTable("embedded_schedule", default="none")
EXTRACTORS: dict[str, Extractor] = {"none": lambda block, out: None}


def layout(name: str, detect: Callable[[ScheduleBlock], Vote | None], extract: Extractor) -> None:
    """Register a schedule layout: its detector votes in ``schedule_layout``, its extractor writes entries."""
    schedule_layout.rule(name)(detect)
    EXTRACTORS[name] = extract


def embedded_layout(name: str, detect: Callable[[ScheduleBlock], Vote | None], extract: Extractor) -> None:
    """Register a layout of month lists found inside parts that are no schedule."""
    embedded_schedule.rule(name)(detect)
    EXTRACTORS[name] = extract


def add_layout(name: str, detect: Callable[[ScheduleBlock], Vote | None], extract: Extractor, *, weight: float) -> None:
    """Register a layout at run time (an extension, or a test), with the weight rules.toml would give it."""
    schedule_layout.add(name, detect, weight=weight)
    EXTRACTORS[name] = extract


def remove_layout(name: str) -> None:
    schedule_layout.remove(name)
    EXTRACTORS.pop(name, None)


def read_schedules(doc: ParseDoc) -> None:
    """Stage: the ``entries`` layer."""
    by_plan = levels_by_plan(doc)
    from planparse.parse.schedule import layouts  # noqa: F401  (registers the built-in layouts)

    lines = doc.lines
    out: list[Annotation] = []
    for k, section in enumerate(doc.layer("sections")):
        block = section.data
        heading = lines[block.heading] if block.heading is not None else None
        sched = ScheduleBlock(doc, k, heading, [lines[i] for i in block.lines], by_plan[block.plan])
        table = schedule_layout if section.label == "schedule" else embedded_schedule
        decision = table.decide(sched)
        writer = EntryWriter(doc.text, k, decision.label)
        EXTRACTORS[decision.label](sched, writer)
        out.extend(writer.entries)
    doc.add_layer("entries", out)
