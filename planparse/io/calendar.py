"""The schedule as an iCalendar file (RFC 5545) that calendar programs import.

Each schedule entry becomes all-day events: one per date range its text states (4月21日,
12月1日——3日), or, for an entry with months only, one spanning its month(s) (七、八月 → 1 July to
31 August; months that do not follow each other make one event each). Years come from the
plan (its year, or its school year: see parse/dates.py) or from the ``year`` given, which is
the calendar year the schedule starts in; a plan that has neither raises :class:`MissingYearError`.

Two ways in: :func:`document_ics` for a parsed Document, :func:`rows_ics` for the people's rows
(io/schedule_rows.py), as the web page has them after she edited them.

The file is written with icalendar, a maintained RFC 5545 implementation, rather than by hand:
escaping, line folding at 75 octets and the required properties are its job.
"""

from __future__ import annotations

import calendar as month_calendar
import datetime as dt
import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from planparse.errors import PlanparseError
from planparse.models import DayRange, Document, Plan
from planparse.parse.dates import base_year, find_dates, nearest_year
from planparse.parse.schedule.calendar import calendar_years

PRODID = "-//planparse//planparse schedule//ZH"


class MissingYearError(PlanparseError):
    """A schedule cannot be put in a calendar: the plan states no year and none was given."""


@dataclass(frozen=True)
class CalendarEvent:
    """One all-day event: ``first_day`` to ``last_day``, both included."""

    summary: str
    first_day: dt.date
    last_day: dt.date
    description: str = ""
    key: str = ""  # what makes the event's UID: the same plan and entry give the same UID on every export


def _month_runs(months: Sequence[tuple[int, int]]) -> list[tuple[dt.date, dt.date]]:
    """(year, month) pairs as runs of consecutive months, each as its first and last day."""
    runs: list[tuple[dt.date, dt.date]] = []
    for year, month in sorted(set(months)):
        first = dt.date(year, month, 1)
        last = dt.date(year, month, month_calendar.monthrange(year, month)[1])
        if runs and runs[-1][1] + dt.timedelta(days=1) == first:
            runs[-1] = (runs[-1][0], last)
        else:
            runs.append((first, last))
    return runs


def _days(day: DayRange, year: int) -> tuple[dt.date, dt.date] | None:
    try:
        first = dt.date(year, day.start_month, day.start_day)
        end_year = year + (1 if (day.end_month, day.end_day) < (day.start_month, day.start_day) else 0)
        return first, dt.date(end_year, day.end_month, day.end_day)
    except ValueError:  # 2月29日 in a year that has none
        return None


def event_summary(activity: str) -> str:
    """The activity without the date it opens with (3月8日庆祝… → 庆祝…): the event is on that day already."""
    activity = " ".join(activity.split())
    dates = find_dates(activity)
    if dates and dates[0].span[0] == 0:
        rest = activity[dates[0].span[1] :].lstrip(" :：,，、;；")
        if rest:
            return rest
    return activity


def _entry_events(
    summary: str,
    description: str,
    key: str,
    years: Mapping[int, int | None],
    dates: Iterable[DayRange],
) -> list[CalendarEvent]:
    """The events of one entry: its dates where it states any, else its months."""
    summary = event_summary(summary)
    events: list[CalendarEvent] = []
    for n, day in enumerate(dates):
        year = day.year if day.year is not None else nearest_year(day.start_month, years)
        span = None if year is None else _days(day, year)
        if span is not None:
            events.append(CalendarEvent(summary, span[0], span[1], description, f"{key}/d{n}"))
    if events:
        return events
    known = [(y, m) for m, y in years.items() if y is not None]
    return [CalendarEvent(summary, first, last, description, f"{key}/m{n}") for n, (first, last) in enumerate(_month_runs(known))]


def _describe(*parts: tuple[str, str | None]) -> str:
    return "\n".join(f"{label}：{value}" for label, value in parts if value)


def plan_events(plan: Plan, text: str, *, year: int | None = None, plan_key: str = "") -> list[CalendarEvent]:
    """The events of one plan's schedule. ``year`` (the year its schedule starts in) replaces the plan's own."""
    from planparse.io.schedule_rows import section_name

    entries = plan.schedule
    if not entries:
        return []
    start = year if year is not None else base_year(plan, text)
    if start is None:
        raise MissingYearError("the plan states no year: give the year its schedule starts in (--year, e.g. --year 2024)")
    groups = [(e.month_label, tuple(e.months)) for e in entries]
    events: list[CalendarEvent] = []
    for k, (entry, years) in enumerate(zip(entries, calendar_years(groups, start), strict=True)):
        if year is None and entry.calendar and all(c.year is not None for c in entry.calendar):
            years = {c.month: c.year for c in entry.calendar}
        dates = entry.dates if year is None else [d.model_copy(update={"year": None}) for d in entry.dates]
        description = _describe(
            ("负责人", entry.responsible), ("参加范围", entry.participants), ("所属部分", section_name(plan, entry)),
            ("计划", plan.title),
        )
        events.extend(_entry_events(entry.activity, description, f"{plan_key}/e{k}", years, dates))
    return events


def document_events(doc: Document, *, year: int | None = None) -> list[CalendarEvent]:
    events: list[CalendarEvent] = []
    for index, plan in enumerate(doc.plans):
        try:
            events.extend(plan_events(plan, doc.text, year=year, plan_key=f"{Path(doc.source).name if doc.source else 'text'}#{index}"))
        except MissingYearError as exc:
            raise MissingYearError(exc.message, doc.source) from None
    return events


def rows_events(rows: Iterable[Mapping[str, str]], *, year: int | None, name: str = "") -> list[CalendarEvent]:
    """The events of the people's rows (keys as in io/schedule_rows.py); ``year``: the year the first row is in."""
    from planparse.io.schedule_rows import parse_months

    rows = list(rows)
    if year is None:
        raise MissingYearError("the schedule has no year: give the year it starts in")
    groups = [(row.get("month", ""), tuple(parse_months(row.get("month", "")))) for row in rows]
    events: list[CalendarEvent] = []
    for k, (row, years) in enumerate(zip(rows, calendar_years(groups, year), strict=True)):
        activity = " ".join(str(row.get("activity", "")).split())
        if not activity:
            continue
        description = _describe(("负责人", row.get("responsible")), ("参加范围", row.get("participants")),
                                ("所属部分", row.get("section")), ("计划", row.get("plan")))
        dates = find_dates(str(row.get("dates", "")))
        events.extend(_entry_events(activity, description, f"{name}/r{k}", years, dates))
    return events


def events_ics(events: Iterable[CalendarEvent], *, name: str = "工作计划", stamp: dt.datetime | None = None) -> bytes:
    """An iCalendar file of all-day events (DTEND is the day after the last, as RFC 5545 has it)."""
    from icalendar import Calendar, Event

    stamp = stamp or dt.datetime.now(dt.UTC).replace(microsecond=0)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    for event in events:
        ev = Event()
        digest = hashlib.sha1(f"{event.key}|{event.first_day}|{event.summary}".encode()).hexdigest()[:20]
        ev.add("uid", f"{digest}@planparse")
        ev.add("dtstamp", stamp)
        ev.add("summary", event.summary)
        ev.add("dtstart", event.first_day)
        ev.add("dtend", event.last_day + dt.timedelta(days=1))
        ev.add("transp", "TRANSPARENT")  # a month-long activity does not make her busy all month
        if event.description:
            ev.add("description", event.description)
        cal.add_component(ev)
    return cal.to_ical()


def document_ics(doc: Document, *, year: int | None = None, stamp: dt.datetime | None = None) -> bytes:
    """The .ics bytes of every plan's schedule in ``doc``; raises MissingYearError when a year is needed."""
    name = next((p.title for p in doc.plans if p.title), None) or "工作计划"
    return events_ics(document_events(doc, year=year), name=name, stamp=stamp)


def rows_ics(rows: Iterable[Mapping[str, str]], *, year: int | None, name: str = "工作计划",
             stamp: dt.datetime | None = None) -> bytes:
    """The .ics bytes of the people's (possibly edited) rows."""
    return events_ics(rows_events(rows, year=year, name=name), name=name, stamp=stamp)

