"""The schedule as the page edits it: one row per entry with the cells she sees, and back to a Document.

A row is plain text cells (月份, 日期, 活动, 负责人, 参加范围) so that whatever she types can be sent;
turning the cells back into a ``ScheduleEntry`` checks them and says in Chinese which row and cell
is wrong. A row that came from the parse keeps what she did not change (span, month label, theme,
the dates' spans); a row she added points at the end of its plan (an empty span), since its words
are not written in the text. The cells read as the people's workbook writes them (三月, 七、八月,
12月1日—3日: planparse.io.schedule_rows), so a cell she did not touch reads back unchanged.
"""

from __future__ import annotations

import functools
import tomllib
from typing import Any

import regex
from pydantic import BaseModel, Field

from planparse.datafiles import data_path
from planparse.io.schedule_rows import format_dates, format_months
from planparse.models import CalendarMonth, DayRange, Document, Plan, ScheduleEntry

# the cells' separators when one cell lists several dates: what people type between them
DATE_SEPARATORS = "、；;，,"


class RowError(ValueError):
    """A cell she typed that cannot become part of a schedule entry (the message is Chinese)."""


class ScheduleRow(BaseModel):
    """One line of the page's schedule table."""

    plan: int = Field(0, description="index into Document.plans")
    entry: int | None = Field(None, description="index into Plan.schedule of the parsed entry; None for a row she added")
    months: str = ""
    dates: str = ""
    activity: str = ""
    responsible: str = ""
    participants: str = ""


@functools.cache
def _month_words() -> tuple[dict[str, int], list[str], list[str]]:
    with data_path("months.toml").open("rb") as fh:
        data = tomllib.load(fh)
    return dict(data["numerals"]), list(data["list_joiners"]), list(data["range_joiners"])


def _month_number(token: str) -> int | None:
    numerals, _, _ = _month_words()
    token = token.strip().removesuffix("份").removesuffix("月").strip()
    if token.isdigit():
        value = int(token)
        return value if 1 <= value <= 12 else None
    return numerals.get(token)


@functools.cache
def _joiner_patterns() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    _, list_joiners, range_joiners = _month_words()
    lists = "|".join(regex.escape(j) for j in list_joiners if j.strip()) + r"|\s+"
    ranges = "|".join(regex.escape(j) for j in range_joiners if j.strip())
    return regex.compile(lists), regex.compile(ranges)


def parse_months(cell: str) -> list[int]:
    """"3", "3月", "7、8", "七、八月", "9-10", "12、1" → calendar months, ascending, no duplicates."""
    text = cell.strip()
    if not text:
        return []
    lists, ranges = _joiner_patterns()
    months: set[int] = set()
    for part in lists.split(text):
        if not part.strip():
            continue
        ends = [p for p in ranges.split(part) if p.strip()]
        numbers = [_month_number(p) for p in ends]
        if not numbers or len(numbers) > 2 or any(n is None for n in numbers):
            raise RowError(f"月份“{cell}”看不懂：请写 1 到 12 的数字，如 3 或 7、8")
        first, last = numbers[0], numbers[-1]
        assert first is not None and last is not None
        span = (last - first) % 12  # 11-1 runs over the new year: 11, 12, 1
        months.update((first - 1 + k) % 12 + 1 for k in range(span + 1))
    return sorted(months)


def parse_dates(cell: str, span: tuple[int, int]) -> list[DayRange]:
    """"4月21日、5/24、12月1日—3日" → day ranges, each with ``span`` (where the row's entry is written).

    Read with the patterns the parser reads a plan's text with (planparse.parse.dates), so a cell
    says what the same words in the plan would; each part between separators must be one date, whole.
    """
    from planparse.parse.dates import find_dates

    out: list[DayRange] = []
    for part in regex.split(f"[{regex.escape(DATE_SEPARATORS)}]", cell):
        part = part.strip()
        if not part:
            continue
        found = find_dates(part)
        if len(found) != 1 or found[0].span != (0, len(part)):
            raise RowError(f"日期“{part}”看不懂或不存在：请写成 4月21日、5/24 或 12月1日—3日")
        out.append(found[0].model_copy(update={"span": span, "year": None}))
    return out


def rows_from_document(doc: Document) -> list[ScheduleRow]:
    """The page's table: every plan's entries in order."""
    return [
        ScheduleRow(
            plan=p,
            entry=e,
            months=format_months(entry.months),
            dates=format_dates(entry.dates),
            activity=entry.activity,
            responsible=entry.responsible or "",
            participants=entry.participants or "",
        )
        for p, plan in enumerate(doc.plans)
        for e, entry in enumerate(plan.schedule)
    ]


def _entry(row: ScheduleRow, plan: Plan, previous: ScheduleEntry | None) -> ScheduleEntry | None:
    base = plan.schedule[row.entry] if row.entry is not None and 0 <= row.entry < len(plan.schedule) else None
    activity = " ".join(row.activity.split())
    if not (activity or row.months.strip() or row.dates.strip() or row.responsible.strip() or row.participants.strip()):
        return None  # an empty row is no entry
    if not activity:
        raise RowError("请填写活动")
    span = base.span if base is not None else (plan.span[1], plan.span[1])
    if base is not None and row.dates.strip() == format_dates(base.dates):
        dates = [d.model_copy() for d in base.dates]  # copies: apply_rows sets their years
    else:
        dates = parse_dates(row.dates, span)
    months = parse_months(row.months)
    if not months:  # dates alone name the months (a run into the next month stays in its first, as the parser has it)
        months = sorted({d.start_month for d in dates})
    if not months:
        raise RowError("请填写月份（1 到 12）或日期")
    same_months = base is not None and months == base.months
    same_words = base is not None and activity == base.activity
    fallback = previous.section_index if previous is not None else None
    return ScheduleEntry(
        months=months,
        activity=activity,
        span=span,
        month_label=base.month_label if same_months and base is not None else None,
        theme=base.theme if base is not None else None,
        section_index=base.section_index if base is not None else fallback,
        marker=base.marker if same_words and base is not None else None,
        dates=dates,
        responsible=" ".join(row.responsible.split()) or None,
        participants=" ".join(row.participants.split()) or None,
        keywords=list(base.keywords) if same_words and base is not None else [],
        categories=list(base.categories) if same_words and base is not None else [],
    )


def apply_rows(doc: Document, rows: list[ScheduleRow], year: int | None = None) -> Document:
    """A copy of ``doc`` whose plans' schedules are the rows, in the rows' order.

    ``year`` (the page's 年份 field) is the year the schedule starts in, for a plan that states none
    or for last year's plan used again; it replaces the plan's own in placing the months and days in
    the calendar (``ScheduleEntry.calendar``, ``DayRange.year``), as ``planparse calendar --year`` does.
    ``Plan.year`` stays what the text says. Without it the parser's years stand.
    Raises RowError naming the row (counted from 1 as the page shows them) and the cell.
    """
    from planparse.parse.schedule.calendar import calendar_years

    schedules: dict[int, list[ScheduleEntry]] = {p: [] for p in range(len(doc.plans))}
    for number, row in enumerate(rows, start=1):
        if not 0 <= row.plan < len(doc.plans):
            raise RowError(f"第 {number} 行：没有第 {row.plan + 1} 份计划")
        plan = doc.plans[row.plan]
        previous = schedules[row.plan][-1] if schedules[row.plan] else None
        try:
            entry = _entry(row, plan, previous)
        except RowError as exc:
            raise RowError(f"第 {number} 行：{exc}") from None
        if entry is not None:
            schedules[row.plan].append(entry)
    # shallow copies share the sections and text, which nothing here changes (a deep copy of a
    # large plan costs seconds); every entry, and every date whose year is set, is new
    out = doc.model_copy(update={"plans": [plan.model_copy(update={"schedule": schedules[p]}) for p, plan in enumerate(doc.plans)]})
    for plan in out.plans:
        start = year if year is not None else plan.year
        groups = [(e.month_label, tuple(e.months)) for e in plan.schedule]
        for entry, years in zip(plan.schedule, calendar_years(groups, start), strict=True):
            entry.calendar = [CalendarMonth(year=years[m], month=m) for m in entry.months]
            for d in entry.dates:
                if year is not None or d.year is None:  # else the parser's own year (a school year's) stands
                    d.year = years.get(d.start_month)
    return out


def rows_payload(doc: Document) -> list[dict[str, Any]]:
    return [row.model_dump() for row in rows_from_document(doc)]
