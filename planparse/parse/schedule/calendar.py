"""Calendar years of a plan's schedule: months run on from the plan's year.

January after December is the next year. A label that itself spans the turn of the year
(十二月份、XX年元月) puts its early months in the next year; a label that starts well
before the previous one (一月 after 十二月) moves on a year.
"""

from __future__ import annotations

from collections.abc import Sequence

from planparse.parse.params import params


def calendar_years(groups: Sequence[tuple[object, tuple[int, ...]]], plan_year: int | None) -> list[dict[int, int | None]]:
    """For each entry, given as (its label, its months), month → calendar year (None without a plan year)."""
    wrap = params().schedule.year_wrap_months
    out: list[dict[int, int | None]] = []
    offset = 0
    prev_end: int | None = None
    k = 0
    while k < len(groups):
        label, months = groups[k]
        group_end = k
        while group_end < len(groups) and groups[group_end] == (label, months):
            group_end += 1
        wraps_inside = 12 in months and min(months) <= 3
        early = {m for m in months if wraps_inside and m <= 3}
        late = [m for m in months if m not in early]
        if prev_end is not None and late and min(late) < prev_end - wrap:
            offset += 1
        years = {m: None if plan_year is None else plan_year + offset + (m in early) for m in months}
        out.extend(dict(years) for _ in range(k, group_end))
        if early:
            offset += 1
            prev_end = max(early)
        else:
            prev_end = max(months)
        k = group_end
    return out
