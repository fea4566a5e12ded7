"""Numbered work items that each open with their month (1、一月份举办元旦活动 2、二月份……): a month
list written as a list of items, inside a part that is no schedule (GUIDE: consecutive items led
by months are a month list). Each month-led item is an entry; an item of the run without a month
(3、“三八妇女节活动”……) is none. A single month in one item (今年4月，组织……) is prose.
"""

from __future__ import annotations

from planparse.parse.features import Line
from planparse.parse.params import params
from planparse.parse.rules import Vote
from planparse.parse.schedule import ScheduleBlock, embedded_layout, layout
from planparse.parse.schedule.entries import EntryWriter, Period


def month_led_runs(block: ScheduleBlock, min_items: int | None = None) -> list[list[Line]]:
    """Runs of consecutive numbered items (one family, numbers in sequence) mostly led by a month,
    at least ``min_items`` of them (params ``month_led_min_items`` unless given)."""
    p = params().schedule
    least = p.month_led_min_items if min_items is None else min_items
    runs: list[list[Line]] = []
    current: list[Line] = []
    for ln in block.lines:
        if ln.marker is None or ln.idx not in block.levels or ln.month is not None:
            continue
        number = block.levels[ln.idx][1]
        if current and (ln.marker.family != current[-1].marker.family or number != block.levels[current[-1].idx][1] + 1):
            runs.append(current)
            current = []
        current.append(ln)
    if current:
        runs.append(current)
    out = []
    for run in runs:
        led = [ln for ln in run if ln.month_led is not None]
        if len(led) >= least and len(led) >= p.month_led_share * len(run) and _in_order(led):
            out.append(run)
    return out


def _in_order(led: list[Line]) -> bool:
    """The months run forward through the year (one turn of the year allowed: 九月 … 一月)."""
    firsts = [ln.month_led.months[0] for ln in led if ln.month_led is not None]
    turns = sum(b < a for a, b in zip(firsts, firsts[1:], strict=False))
    return turns <= 1


def detect(block: ScheduleBlock) -> Vote | None:
    """A run of numbered items each opening with its month (1、一月份… 2、二月份…) inside a work part."""
    runs = month_led_runs(block)
    return Vote("month_led_items", (f"{sum(map(len, runs))} month-led items",)) if runs else None


def detect_in_schedule(block: ScheduleBlock) -> Vote | None:
    """A schedule part whose month list is numbered items each opening with its month (二、工作安排 /
    1、一月份举办… / 2、三月份开展…), no month label among them: those items are its entries."""
    if any(ln.month is not None for ln in block.lines):
        return None  # month labels: the month list's, the items under them its activities
    runs = month_led_runs(block, params().schedule.month_led_min_items_in_schedule)
    return Vote("month_led_items", (f"{sum(map(len, runs))} month-led items", "schedule part")) if runs else None


def extract(block: ScheduleBlock, out: EntryWriter) -> None:
    in_schedule = block.doc.layer("sections")[block.section].label == "schedule"
    least = params().schedule.month_led_min_items_in_schedule if in_schedule else None
    for run in month_led_runs(block, least):
        for ln in run:
            label = ln.month_led
            if label is None:
                continue
            out.emit(ln.start + label.end, ln.end, Period(tuple(label.months), (ln.start + ln.content_start, ln.start + label.end)),
                     marker=(ln.start, ln.start + ln.marker.raw_end), evidence=("numbered item led by its month",))


embedded_layout("month_led_items", detect, extract)
layout("month_led_items", detect_in_schedule, extract)
