"""Counting schedule entries by month, over one plan or a whole corpus.

The input is the schedule table of ``planparse.analysis.tables.schedule_table`` (one row per
entry and month) or the Documents to build it from. An entry put in 七、八月 counts
once in July and once in August; an entry with two categories counts once under
each, so category columns can add up to more than the entries of a month.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING, Literal

from planparse.models import Document

if TYPE_CHECKING:
    import pandas as pd

CALENDAR_ORDER = list(range(1, 13))
SCHOOL_YEAR_ORDER = [9, 10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8]  # 九月 … 八月
MONTH_ZH = {1: "一月", 2: "二月", 3: "三月", 4: "四月", 5: "五月", 6: "六月", 7: "七月", 8: "八月",
            9: "九月", 10: "十月", 11: "十一月", 12: "十二月"}  # fmt: skip
UNCATEGORISED = "未分类"
ALL = "活动数"  # the single column when counting without a breakdown
OTHERS = "其他"  # the columns beyond ``top``, summed


@cache
def plot_settings() -> dict[str, int]:
    """The defaults of planparse/data/plots.toml: default_top, max_stacks, max_annotated_cells."""
    import tomllib

    from planparse.datafiles import data_path

    with data_path("plots.toml").open("rb") as fh:
        return {k: int(v) for k, v in tomllib.load(fh).items()}


def schedule_frame(data: pd.DataFrame | Document | Iterable[Document]) -> pd.DataFrame:
    """The schedule table for ``data``: a DataFrame is taken as it is; Documents go through tables.schedule_table."""
    import pandas as pd

    if isinstance(data, pd.DataFrame):
        missing = {"month", "plan_id"} - set(data.columns)
        if missing:
            raise ValueError(f"not a schedule table: no column {', '.join(sorted(missing))}")
        return data
    from planparse.analysis.tables import schedule_table

    return schedule_table(data)


def month_order(school_year: bool = False) -> list[int]:
    return SCHOOL_YEAR_ORDER if school_year else CALENDAR_ORDER


def month_counts(
    table: pd.DataFrame | Document | Iterable[Document],
    by: Literal["category", "keyword"] | None = "category",
    *,
    school_year: bool = False,
    per_plan: bool = False,
    top: int | None = None,
    others: bool = True,
) -> pd.DataFrame:
    """Schedule entries per month (rows) × category or keyword (columns).

    - ``by="category"`` explodes the ``categories`` list column (entries with none
      count under 未分类); ``by="keyword"`` the ``keywords`` column (entries with
      none are left out); ``by=None`` gives a single column, 活动数.
    - Rows are the twelve months, Jan … Dec, or 九月 … 八月 with ``school_year``;
      months with no entry are 0. The index is named ``month`` and holds ints.
    - ``per_plan`` divides by the number of plans in the table (plans that have a
      schedule), giving the mean number of entries per plan.
    - ``top`` keeps the ``top`` columns with the largest totals (ties by name); with ``others``
      the rest are summed into a last column, 其他 (an entry counted under two of them counts
      twice there, as it does in the columns it sums).

    Columns are ordered by total, largest first, then by name. ``counts.attrs`` says what was
    counted (``by``, ``per_plan``, ``top``, ``folded``: how many columns went into 其他), for titles.
    """
    import pandas as pd

    df = schedule_frame(table)
    order = month_order(school_year)
    if by is None:
        counts = df.groupby("month").size().to_frame(ALL)
    elif by in ("category", "keyword"):
        col = "categories" if by == "category" else "keywords"
        if col not in df.columns:
            raise ValueError(f"the schedule table has no {col!r} column")
        lists = df[col].map(_as_list)
        if by == "category":
            lists = lists.map(lambda xs: xs or [UNCATEGORISED])
        exploded = pd.DataFrame({"month": df["month"].to_numpy(), by: lists.to_numpy()}).explode(by).dropna(subset=[by])
        counts = pd.crosstab(exploded["month"], exploded[by]) if len(exploded) else pd.DataFrame()
    else:
        raise ValueError(f"by must be 'category', 'keyword' or None, not {by!r}")

    counts = counts.reindex([int(m) for m in order], fill_value=0)
    counts.index = pd.Index([int(m) for m in order], name="month")
    counts.columns.name = by or None
    if len(counts.columns):
        totals = counts.sum()
        cols = sorted(counts.columns, key=lambda c: (-totals[c], str(c)))
        rest = cols[top:] if top is not None else []
        kept = counts[cols[:top] if top is not None else cols]
        if rest and others:
            kept = kept.assign(**{OTHERS: counts[rest].sum(axis=1)})
        counts = kept
    else:
        rest = []
    counts = counts.astype("int64")
    if per_plan:
        n_plans = df["plan_id"].nunique()
        counts = counts / n_plans if n_plans else counts.astype("float64")
    counts.columns.name = by or None
    counts.attrs = {"by": by, "per_plan": per_plan, "top": top, "folded": len(rest) if others else 0,
                    "school_year": school_year}
    return counts


def describe(counts: pd.DataFrame) -> str:
    """What a month table holds, in Chinese, for a title: 各月活动类别分布（活动数，前20项，其余计入其他）."""
    attrs = counts.attrs
    by = attrs.get("by", counts.columns.name)
    what = {"category": "各月活动类别分布", "keyword": "各月关键词分布"}.get(str(by), "每月活动数")
    notes = ["每计划平均活动数" if attrs.get("per_plan") else "活动数"]
    if attrs.get("folded"):
        notes.append(f"前{attrs['top']}项，其余{attrs['folded']}项计入{OTHERS}")
    return f"{what}（{'，'.join(notes)}）"


def _as_list(value: object) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value else []
    try:
        return [str(v) for v in value]  # type: ignore[union-attr]
    except TypeError:
        return []  # NaN / NA for a row without the list


def with_month_labels(counts: pd.DataFrame) -> pd.DataFrame:
    """The same table with 九月-style labels instead of month numbers, for display."""
    out = counts.copy()
    out.index = [MONTH_ZH[int(m)] for m in counts.index]
    out.index.name = "月份"
    return out
