"""Records of fields: 活动名称：新年联欢会 / 时间：1月上旬 / (a description). One entry per record:
the name field is the activity, the time field gives its months; without one, the period the
record stands under (第一季度：) does. Other lines of a record describe it and are no entries.
"""

from __future__ import annotations

import re
from functools import cache

from planparse.parse.chars import BULLETS
from planparse.parse.features import Line
from planparse.parse.items import months_mentioned
from planparse.parse.rules import Vote
from planparse.parse.schedule import ScheduleBlock, layout
from planparse.parse.schedule.entries import EntryWriter, Period
from planparse.parse.vocab import month_vocab


@cache
def _field() -> re.Pattern:
    mv = month_vocab()
    names = "|".join(map(re.escape, sorted(mv.record_name_fields, key=len, reverse=True)))
    times = "|".join(map(re.escape, sorted(mv.record_time_fields, key=len, reverse=True)))
    bullets = re.escape(BULLETS)
    # a record's name field may carry its number (活动一：…, 项目2：…), as records in a row are counted
    return re.compile(rf"^[{bullets}\s]*(?:(?P<name>{names})(?:[一二三四五六七八九十]{{1,3}}|\d{{1,2}})?|(?P<time>{times}))\s*[:：]\s*(?=\S)")


def _kind(ln: Line) -> tuple[str, int] | None:
    m = _field().match(ln.text)
    if m is None:
        return None
    return ("name" if m.group("name") else "time"), m.end()


def detect(block: ScheduleBlock) -> Vote | None:
    """Records of fields: 活动名称：… with 时间：… under it, at least twice."""
    names = sum(1 for ln in block.lines if (k := _kind(ln)) is not None and k[0] == "name")
    times = sum(1 for ln in block.lines if (k := _kind(ln)) is not None and k[0] == "time")
    if names >= 2 and times >= 1:
        return Vote("field_records", (f"{names} name fields", f"{times} time fields"))
    return None


def extract(block: ScheduleBlock, out: EntryWriter) -> None:
    period: Period | None = None
    record: tuple[int, int] | None = None  # the name field's words
    months: list[int] = []

    def flush() -> None:
        nonlocal record, months
        if record is not None:
            when = Period(tuple(months)) if months else period
            if when is not None:
                out.emit(*record, when, evidence=("name field", "time field" if months else "period"))
        record, months = None, []

    for ln in block.lines:
        if ln.furniture:
            continue
        if ln.month is not None:
            flush()
            period = Period(tuple(ln.month.months))
            continue
        kind = _kind(ln)
        if kind is None:
            continue
        if kind[0] == "name":
            flush()
            record = (ln.start + kind[1], ln.end)
        elif record is not None:
            months = months_mentioned(ln.text[kind[1] :])
    flush()


layout("field_records", detect, extract)
