"""Activities that each end with their month: 1、开展学雷锋志愿服务活动。（3月） / 2、清明节缅怀先烈
（时间：4月） / 3、春季运动会    5月, numbered or one a line (●开展…（3月）), or followed by its detail
fields, the time field first (4.重阳节文艺汇演 时间：10月 负责：文体协会, 1.团拜会（时间：1月；地点：…）). A schedule part written as a list whose months trail the
activities, with no month label above them (GUIDE: every activity the plan puts in a month is an
entry). Each such item is an entry of its months, the trailing period its label and no part of the
activity; an item without one is none.
"""

from __future__ import annotations

import re
from functools import cache

from planparse.parse.features import Line
from planparse.parse.month_labels import cell_label, record_field, span_months
from planparse.parse.params import params
from planparse.parse.rules import Vote
from planparse.parse.schedule import ScheduleBlock, layout
from planparse.parse.schedule.entries import EntryWriter, Period
from planparse.parse.schedule.layouts.field_records import time_months
from planparse.parse.vocab import month_vocab


@cache
def _trail() -> re.Pattern:
    """The period closing a line: in brackets, a time field's word before it at times ((时间：3月)),
    after a wide gap (a table's last column joined by spaces), after a dash (……——4月), or as a time
    field closing the sentence (……，时间：5月); the sentence's stop after it."""
    times = "|".join(map(re.escape, sorted(month_vocab().record_time_fields, key=len, reverse=True)))
    return re.compile(
        rf"(?:[(（]\s*(?:(?:{times})\s*[:：]\s*)?(?P<bracketed>[^()（）]{{1,20}}?)\s*[)）]|[ \t]{{2,}}(?P<spaced>\S{{1,16}})"
        # a dash after a month or its numeral joins a range (3—4月), no dash before a period
        r"|(?<![\d一二三四五六七八九十元正月\s])\s*(?:—{1,2}|-{2}|－{1,2})\s*(?P<dashed>[^—\-－\s]\S{0,15}?)"
        rf"|(?<=[，,；;。])\s*(?:{times})\s*[:：]\s*(?P<fielded>[^，,；;。\s]{{1,16}}?))"
        r"\s*[。.;；]?\s*$"
    )


@cache
def _detail_run() -> tuple[re.Pattern, re.Pattern]:
    """The time field that opens a run of an activity's detail fields closing its line, after a
    space, a clause's stop or in brackets (学雷锋志愿服务 时间：3月5日 负责：团委, 清明祭扫（时间：4月；
    地点：烈士陵园）), and what may follow its value: nothing, or the next detail field's label
    (months.toml detail_labels, record_time_fields) after a separator. The details are no part of
    the activity (GUIDE: a detail with a label of its own), the time field gives its months, as a
    record's does."""
    mv = month_vocab()
    times = "|".join(map(re.escape, sorted(mv.record_time_fields, key=len, reverse=True)))
    labels = "|".join(map(re.escape, sorted(mv.detail_labels | set(mv.record_time_fields), key=len, reverse=True)))
    field = re.compile(rf"(?:[^\S\n]+|[(（]\s*|(?<=[，,；;。]))(?:{times})\s*[:：]\s*(?P<time>[^，,；;。\s()（）:：]{{1,20}})")
    rest = re.compile(rf"[\s，,；;。)）]*(?:$|(?:{labels})\s*[:：])")
    return field, rest


def _trailing_period(ln: Line) -> tuple[int, list[int]] | None:
    """Where the line's trailing period starts (relative to the line) and its months, if it ends with
    one, or with a run of detail fields opened by its time field (see ``_detail_run``)."""
    m = _trail().search(ln.text, ln.content_start)
    if m is not None:
        words = m.group("bracketed") or m.group("spaced") or m.group("dashed") or m.group("fielded")
        label = cell_label(words)
        months = label.months if label is not None else span_months(words)
        if months:
            return m.start(), months
    field, rest = _detail_run()
    f = field.search(ln.text, ln.content_start)
    if f is None or f.start() == ln.content_start or rest.match(ln.text, f.end()) is None:
        return None
    months = time_months(f.group("time"))
    return (f.start(), months) if months else None


def _activity_lines(block: ScheduleBlock) -> list[Line]:
    """The part's numbered items; in a part without any, its lines (●开展…（3月）, one a line)."""
    lines = [ln for ln in block.lines if not ln.furniture and not ln.signature]
    numbered = [ln for ln in lines if ln.marker is not None and ln.idx in block.levels]
    return numbered or lines


def detect(block: ScheduleBlock) -> Vote | None:
    """Activities ending with their months ((3月), (时间：4月)), and no month label in the part."""
    if any(ln.month is not None for ln in block.lines):
        return None
    items = _activity_lines(block)
    trailed = sum(_trailing_period(ln) is not None for ln in items)
    p = params().schedule
    if trailed >= p.month_trailed_min_items and trailed >= p.month_trailed_share * len(items):
        return Vote("month_trailed", (f"{trailed} of {len(items)} activities end with their months",))
    return None


def extract(block: ScheduleBlock, out: EntryWriter) -> None:
    for ln in _activity_lines(block):
        found = _trailing_period(ln)
        if found is None:
            continue
        at, months = found
        label = (ln.start + at, ln.end)
        marker = (ln.start, ln.start + ln.marker.raw_end) if ln.marker is not None else None
        # a record's name field numbered as records are (活动一：读书沙龙（4月）): its field name
        # counts the activities, as a marker does, and is no part of the activity's words
        field = record_field(ln.content)
        begin = ln.content_start + (field[1] if field is not None and field[0] == "name" else 0)
        out.emit(ln.start + begin, ln.start + at, Period(tuple(months), label),
                 marker=marker, evidence=("activity", "its months after it"))


layout("month_trailed", detect, extract)
