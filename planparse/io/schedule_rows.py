"""The schedule as people read it: one row per entry, every field a short Chinese text.

These rows are what the people's workbook (io/people_xlsx.py) writes, what the web page shows
and lets her edit, and what the calendar (io/calendar.py) can be made from after an edit, so
every field reads back: ``parse_months("七、八月") == [7, 8]`` and the dates column is read
with the same patterns as the plan's text (``find_dates("3月4日—8日")``).

Row keys are the column names of ``data/people.toml`` (month, dates, activity, responsible,
participants, section, plan); ``PEOPLE_HEADERS`` gives each its Chinese header.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from functools import cache

from planparse.datafiles import data_path
from planparse.models import DayRange, Document, Plan, ScheduleEntry

_CJK_DIGITS = "零一二三四五六七八九"
_MONTH_NUMBER = re.compile(r"十[一二]|[一二三四五六七八九十]|1[0-2]|0?[1-9]")
_MONTH_WORDS: dict[str, int] = {}
_RANGE_JOINERS = {"-", "—", "——", "–", "~", "～", "至", "到", "－"}


@cache
def people_columns() -> dict[str, str]:
    """Column key → Chinese header, in the order she reads them (月份, 日期, 活动, 负责人 …)."""
    with data_path("people.toml").open("rb") as fh:
        return dict(tomllib.load(fh)["columns"])


def month_word(month: int) -> str:
    """7 → 七, 12 → 十二."""
    tens, ones = divmod(month, 10)
    return ("十" if tens else "") + (_CJK_DIGITS[ones] if ones else "")


for _month in range(1, 13):
    _MONTH_WORDS[month_word(_month)] = _month


def format_months(months: Iterable[int]) -> str:
    """[7, 8] → 七、八月; [] → ''."""
    words = [month_word(m) for m in months]
    return "、".join(words) + "月" if words else ""


def parse_months(text: str) -> list[int]:
    """七、八月 → [7, 8]; 3-5月 → [3, 4, 5]; 十二、一月 → [12, 1]: the months written, in order, no repeats."""
    out: list[int] = []
    previous: tuple[int, int] | None = None  # the last month read and where it ended
    for m in _MONTH_NUMBER.finditer(text):
        word = m.group()
        value = int(word) if word.isdigit() else _MONTH_WORDS[word]
        run = [value]
        if previous is not None and text[previous[1] : m.start()].replace("月", "").replace("份", "").strip() in _RANGE_JOINERS:
            first = previous[0]
            run = [(first + k - 1) % 12 + 1 for k in range(1, (value - first) % 12 + 1)]
        out.extend(v for v in run if v not in out)
        previous = (value, m.end())
    return out


def format_day_range(day: DayRange) -> str:
    """4月21日; 12月1日—3日 within a month; 2月26日—3月3日 across months."""
    first = f"{day.start_month}月{day.start_day}日"
    if (day.start_month, day.start_day) == (day.end_month, day.end_day):
        return first
    if day.end_month == day.start_month:
        return f"{first}—{day.end_day}日"
    return f"{first}—{day.end_month}月{day.end_day}日"


def format_dates(dates: Iterable[DayRange]) -> str:
    return "、".join(format_day_range(d) for d in dates)


def iso_day_range(day: DayRange) -> str:
    """ISO 8601: 2024-03-04 or the interval 2024-03-04/2024-03-08; --03-04 when the year is unknown."""
    if day.year is None:
        first, last = f"--{day.start_month:02d}-{day.start_day:02d}", f"--{day.end_month:02d}-{day.end_day:02d}"
    else:
        end_year = day.year + (1 if (day.end_month, day.end_day) < (day.start_month, day.start_day) else 0)
        first = f"{day.year:04d}-{day.start_month:02d}-{day.start_day:02d}"
        last = f"{end_year:04d}-{day.end_month:02d}-{day.end_day:02d}"
    return first if first == last else f"{first}/{last}"


def plan_name(plan: Plan, index: int) -> str:
    return (plan.title or "").strip() or f"计划{index + 1}"


def section_name(plan: Plan, entry: ScheduleEntry) -> str:
    """The heading of the section the entry came from (its kind in Chinese when untitled)."""
    if entry.section_index is None or not 0 <= entry.section_index < len(plan.sections):
        return ""
    section = plan.sections[entry.section_index]
    return " ".join((section.heading or section.kind.label_zh).split())


def people_rows(docs: Document | Iterable[Document]) -> list[dict[str, str]]:
    """One row per schedule entry of every plan, keyed by the columns of ``people_columns()``."""
    docs = [docs] if isinstance(docs, Document) else list(docs)
    rows: list[dict[str, str]] = []
    for doc in docs:
        for index, plan in enumerate(doc.plans):
            name = plan_name(plan, index)
            for entry in plan.schedule:
                rows.append({
                    "month": format_months(entry.months),
                    "dates": format_dates(entry.dates),
                    "activity": entry.activity,
                    "responsible": entry.responsible or "",
                    "participants": entry.participants or "",
                    "section": section_name(plan, entry),
                    "plan": name,
                })
    return rows
