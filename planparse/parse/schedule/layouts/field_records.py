"""Records of fields: 活动名称：新年联欢会 / 时间：1月上旬 / (a description), the field's name in
brackets at times (【活动名称】…【活动时间】…). One entry per record: the name field is the
activity, the time field gives its months; without one, the period the record stands under
(第一季度：) does. Other lines of a record describe it and are no entries. Records may open with
their time field (时间：3月 / 内容：… / 负责人：…): each time field then starts the next record.

A record's fields may be numbered (（一）亲子运动会 / 1.活动时间：6月1日 / 2.活动对象：…).
A list of numbered activities each with its time field under it (1.开展“学雷锋”志愿服务 / 时间：3月5日
/ 地点：社区广场) is such records too, in a part without month labels: the numbered line names the
activity, as a name field does (GUIDE: detail lines under a numbered activity are no part of it).
"""

from __future__ import annotations

from planparse.parse.chars import TRAILING
from planparse.parse.features import Line
from planparse.parse.month_labels import cell_label, is_date_cell, mentioned_months, record_field, span_months
from planparse.parse.rules import Vote
from planparse.parse.schedule import ScheduleBlock, layout
from planparse.parse.schedule.entries import EntryWriter, Period


def _kind(ln: Line) -> tuple[str, int] | None:
    """The record's field the line opens with, after its own number at times (1.活动时间：4月), and
    where the field's words start in the line."""
    field = record_field(ln.content)
    return None if field is None else (field[0], ln.content_start + field[1])


def _kinds(block: ScheduleBlock) -> list[tuple[str, int] | None]:
    """:func:`_kind` of each of the block's lines, read once for the detector and the extractor (``block.memo``)."""
    kinds = block.memo.get("record_fields")
    if kinds is None:
        kinds = block.memo["record_fields"] = [_kind(ln) for ln in block.lines]
    return kinds


def time_months(words: str) -> list[int]:
    """The months a record's time field gives: a period standing alone (2025年3月至6月, 4月中旬至5月上旬)
    or a range of dates (9月1日—11月30日) spans every month from its first to its last; otherwise
    the months it mentions (3月5日, 3月、5月)."""
    words = words.strip().rstrip(TRAILING)
    label = cell_label(words)
    if label is not None and not label.week:
        return label.months
    spanned = span_months(words) if is_date_cell(words) else None
    return spanned or mentioned_months(words)


def _numbered_names(block: ScheduleBlock) -> set[int]:
    """The numbered lines that name a record (their line indices): in a part without month labels
    and without name fields, the items of its top numbering level with a time field under them
    before the next such item. Deeper items are the record's details."""
    kinds = _kinds(block)
    if any(ln.month is not None or k is not None and k[0] == "name" for ln, k in zip(block.lines, kinds, strict=True)):
        return set()
    numbered = [ln for ln in block.lines if ln.marker is not None and ln.idx in block.levels]
    if not numbered:
        return set()
    top = min(block.levels[ln.idx][0] for ln in numbered)
    named: set[int] = set()
    current: int | None = None
    for ln, k in zip(block.lines, kinds, strict=True):
        if ln.idx in block.levels and ln.marker is not None and block.levels[ln.idx][0] == top:
            current = ln.idx
        elif current is not None and k is not None and k[0] == "time":
            named.add(current)
    return named


def detect(block: ScheduleBlock) -> Vote | None:
    """Records of fields: 活动名称：… with 时间：… under it, at least twice; or at least two numbered
    activities each with its time field under it."""
    kinds = _kinds(block)
    names = sum(1 for k in kinds if k is not None and k[0] == "name")
    times = sum(1 for k in kinds if k is not None and k[0] == "time")
    if names >= 2 and times >= 1:
        return Vote("field_records", (f"{names} name fields", f"{times} time fields"))
    numbered = len(_numbered_names(block))
    if numbered >= 2:
        return Vote("field_records", (f"{numbered} numbered activities with a time field",))
    return None


def extract(block: ScheduleBlock, out: EntryWriter) -> None:
    period: Period | None = None
    record: tuple[int, int] | None = None  # the name field's words
    months: list[int] = []
    numbered = _numbered_names(block)

    def flush() -> None:
        nonlocal record, months
        if record is not None:
            when = Period(tuple(months)) if months else period
            if when is not None:
                out.emit(*record, when, evidence=("name field", "time field" if months else "period"))
        record, months = None, []

    # records that open with their time field (时间：3月 / 内容：学雷锋志愿服务 / 负责人：团委): a time
    # field starts the next record, and the name field under it is that record's
    line_kinds = _kinds(block)
    kinds = [k[0] for ln, k in zip(block.lines, line_kinds, strict=True) if ln.month is None and k is not None]
    time_first = bool(kinds) and kinds[0] == "time" and not numbered
    pending: list[int] = []  # a time-first record's months, its name not read yet
    for ln, kind in zip(block.lines, line_kinds, strict=True):
        if ln.furniture:
            continue
        if ln.month is not None:
            flush()
            period = Period(tuple(ln.month.months))
            continue
        if ln.idx in numbered:
            flush()
            record = (ln.start + ln.content_start, ln.end)
            continue
        if kind is None:
            continue
        if time_first and kind[0] == "time":
            flush()
            pending = time_months(ln.text[kind[1] :])
        elif kind[0] == "name":
            flush()
            record = (ln.start + kind[1], ln.end)
            if time_first:
                months, pending = pending, []
        elif record is not None:
            months = time_months(ln.text[kind[1] :])
    flush()


layout("field_records", detect, extract)
