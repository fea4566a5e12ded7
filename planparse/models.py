"""The data planparse gives back: Document → Plan → Section → Item, and ScheduleEntry.

Every extracted thing carries ``span`` = [start, end) into ``Document.text``, the
decoded input unchanged (see ../shared/eval/CONTRACT.md), so a user can always
point at the source. Fields beyond the contract are additions, never changes.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

Span = tuple[int, int]


class SectionKind(StrEnum):
    """The top-level divisions a work plan is made of."""

    GUIDING_IDEOLOGY = "guiding_ideology"
    GOALS = "goals"
    MAIN_WORK = "main_work"
    MEASURES = "measures"
    SCHEDULE = "schedule"
    SITUATION = "situation"
    OTHER = "other"

    @property
    def label_zh(self) -> str:
        return _KIND_ZH[self]


_KIND_ZH = {
    SectionKind.GUIDING_IDEOLOGY: "指导思想",
    SectionKind.GOALS: "工作目标",
    SectionKind.MAIN_WORK: "主要工作",
    SectionKind.MEASURES: "措施",
    SectionKind.SCHEDULE: "月份安排",
    SectionKind.SITUATION: "情况分析",
    SectionKind.OTHER: "其他",
}


class CategoryHit(BaseModel):
    """An activity-codebook category that applies, with the cue words that matched."""

    category: str
    cues: list[str] = Field(default_factory=list)


class CalendarMonth(BaseModel):
    """A month of a schedule entry placed in the calendar (year is None when unknown)."""

    year: int | None = None
    month: int


class Item(BaseModel):
    """A numbered item (一、… （一）… 1. … ①…) and the items nested under it."""

    span: Span
    marker: str = Field(description="the numbering marker as written, e.g. '（一）', '1 .'")
    marker_family: str = Field(description="the marker's family, e.g. 'cjk_comma', 'paren_cjk', 'arabic_dot'")
    number: int | None = Field(description="the item's number; inferred when the digit was lost")
    level: int = Field(description="0 for the top level of numbering in its plan")
    text: str = Field(description="the item's own text: its first line without the marker")
    body: str = Field("", description="the item's whole text without the marker, children excluded")
    is_heading: bool = Field(False, description="a short title-like line rather than a sentence")
    months: list[int] = Field(default_factory=list, description="calendar months the item mentions (时限：3月…)")
    keywords: list[str] = Field(default_factory=list)
    categories: list[CategoryHit] = Field(default_factory=list)
    children: list[Item] = Field(default_factory=list)

    def walk(self):
        """This item and all items under it, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()


class Section(BaseModel):
    kind: SectionKind
    heading: str | None = Field(description="the heading as written, marker included; None when untitled")
    span: Span
    heading_span: Span | None = None
    items: list[Item] = Field(default_factory=list)

    model_config = ConfigDict(use_enum_values=False)

    def walk_items(self):
        for item in self.items:
            yield from item.walk()


class DayRange(BaseModel):
    """A day or a run of days that an entry's text states (4月21日, 5/24, 3.12植树节, 12月1日——3日).

    ``year`` is the calendar year of the first day when the plan's year or school year is known (or the
    date writes it); ``span`` is where the date is written in ``Document.text``.
    """

    start_month: int
    start_day: int
    end_month: int
    end_day: int
    year: int | None = None
    span: Span


class ScheduleEntry(BaseModel):
    """One activity that a plan puts in one or more months."""

    months: list[int] = Field(description="calendar months 1..12, ascending, no duplicates")
    activity: str = Field(description="the activity's own words: no month label, marker or trailing punctuation")
    span: Span
    month_label: str | None = Field(None, description="the month label as written, e.g. '七、八月份：'")
    theme: str | None = Field(None, description="the month's theme (二月主题：新起点), when it has one")
    calendar: list[CalendarMonth] = Field(default_factory=list, description="months with their calendar year")
    section_index: int | None = Field(None, description="index into Plan.sections of the section it came from")
    marker: str | None = Field(None, description="the activity's own numbering marker, if numbered")
    dates: list[DayRange] = Field(default_factory=list, description="days the entry's text states, each with its span")
    responsible: str | None = Field(None, description="the person or office responsible, where a table column gives it")
    participants: str | None = Field(None, description="who takes part, where a table column gives it")
    keywords: list[str] = Field(default_factory=list)
    categories: list[CategoryHit] = Field(default_factory=list)


class Plan(BaseModel):
    span: Span
    title: str | None = Field(None, description="the plan's title; one broken over two lines has its parts joined")
    title_span: Span | None = None
    year: int | None = Field(None, description="the calendar year the plan is for, when the text states it")
    organisation: str | None = None
    sections: list[Section] = Field(default_factory=list)
    schedule: list[ScheduleEntry] = Field(default_factory=list)
    preamble: list[Span] = Field(default_factory=list, description="plan text before its first section")
    keywords: list[str] = Field(default_factory=list)

    def walk_items(self):
        for section in self.sections:
            yield from section.walk_items()


class Document(BaseModel):
    source: str | None = None
    text: str
    encoding: str | None = Field(None, description="the encoding the input was decoded from")
    format: str = Field("text", description="text, docx or html")
    plans: list[Plan] = Field(default_factory=list)
    furniture: list[Span] = Field(default_factory=list, description="site furniture: site name, breadcrumbs, 上一篇…")
    unassigned: list[Span] = Field(default_factory=list, description="text outside every plan that is not furniture")
    warnings: list[str] = Field(default_factory=list)

    def span_text(self, span: Span) -> str:
        return self.text[span[0] : span[1]]
