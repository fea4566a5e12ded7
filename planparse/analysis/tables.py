"""Tidy pandas tables from one or many Documents: plans, sections, items, schedule.

Every table starts with the same identifying columns (``doc_id``, ``plan_id``,
``plan_index``, ``source``, ``plan_title``, ``organisation``, ``year``) so tables
join on ``plan_id``, and ends with ``start``/``end``, the span into the
Document's text. Column names and dtypes are fixed (see the README, "Tables")
and hold for empty input too:

- text columns: pandas ``string`` (missing values are ``pd.NA``)
- counts, indexes, months, spans: ``int64``; ``year``, ``calendar_year``,
  ``number``, ``parent_index``, ``section_index``: nullable ``Int64``
- ``categories``, ``keywords`` and ``dates``: ``object`` holding a ``list[str]`` per row (a date is
  ISO 8601: ``2024-03-12``, or the interval ``2024-03-04/2024-03-08``; ``--03-12`` without a year)
- ``is_heading``: ``bool``

pandas is imported when a table is built, not when planparse is.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from planparse.io.schedule_rows import iso_day_range
from planparse.models import Document, Item, Plan

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

STR, INT, NINT, LIST, BOOL = "string", "int64", "Int64", "object", "bool"

_PLAN_COLS = {
    "doc_id": STR,
    "plan_id": STR,
    "plan_index": INT,
    "source": STR,
    "plan_title": STR,
    "organisation": STR,
    "year": NINT,
}

PLANS_SCHEMA: dict[str, str] = {
    **_PLAN_COLS,
    "n_sections": INT,
    "n_items": INT,
    "n_schedule": INT,
    "keywords": LIST,
    "start": INT,
    "end": INT,
}

SECTIONS_SCHEMA: dict[str, str] = {
    **_PLAN_COLS,
    "section_index": INT,
    "kind": STR,
    "kind_zh": STR,
    "heading": STR,
    "n_items": INT,
    "start": INT,
    "end": INT,
}

ITEMS_SCHEMA: dict[str, str] = {
    **_PLAN_COLS,
    "section_index": INT,
    "section_kind": STR,
    "item_index": INT,
    "parent_index": NINT,
    "level": INT,
    "number": NINT,
    "marker": STR,
    "marker_family": STR,
    "is_heading": BOOL,
    "text": STR,
    "body": STR,
    "months": STR,
    "categories": LIST,
    "keywords": LIST,
    "start": INT,
    "end": INT,
}

SCHEDULE_SCHEMA: dict[str, str] = {
    **_PLAN_COLS,
    "entry_index": INT,
    "month": INT,
    "calendar_year": NINT,
    "months": STR,
    "month_label": STR,
    "activity": STR,
    "theme": STR,
    "dates": LIST,
    "responsible": STR,
    "participants": STR,
    "section_index": NINT,
    "section_kind": STR,
    "categories": LIST,
    "keywords": LIST,
    "start": INT,
    "end": INT,
}

SCHEMAS = {"plans": PLANS_SCHEMA, "sections": SECTIONS_SCHEMA, "items": ITEMS_SCHEMA, "schedule": SCHEDULE_SCHEMA}


def _docs(docs: Document | Iterable[Document]) -> list[Document]:
    return [docs] if isinstance(docs, Document) else list(docs)


def doc_ids(docs: list[Document]) -> list[str]:
    """Each document's id: its source path, or ``doc<N>`` (its position) when it has none."""
    return [doc.source or f"doc{n}" for n, doc in enumerate(docs)]


def _frame(rows: list[dict[str, Any]], schema: dict[str, str]) -> pd.DataFrame:
    import pandas as pd

    columns: dict[str, Any] = {}
    for col, dtype in schema.items():
        values = [row[col] for row in rows]
        if dtype == LIST:
            series = pd.Series(values, dtype=object)
        else:
            series = pd.Series(values, dtype=dtype)
        columns[col] = series
    return pd.DataFrame(columns)


def _plan_cols(doc_id: str, index: int, plan: Plan, doc: Document) -> dict[str, Any]:
    return {
        "doc_id": doc_id,
        "plan_id": f"{doc_id}#{index}",
        "plan_index": index,
        "source": doc.source,
        "plan_title": plan.title,
        "organisation": plan.organisation,
        "year": plan.year,
    }


def _months(months: Iterable[int]) -> str:
    return ",".join(str(m) for m in months)


def _categories(hits: Iterable[Any]) -> list[str]:
    return [hit.category for hit in hits]


def _each_plan(docs: Document | Iterable[Document]) -> Iterable[tuple[dict[str, Any], Plan]]:
    docs = _docs(docs)
    for doc_id, doc in zip(doc_ids(docs), docs, strict=True):
        for index, plan in enumerate(doc.plans):
            yield _plan_cols(doc_id, index, plan, doc), plan


def plans_table(docs: Document | Iterable[Document]) -> pd.DataFrame:
    """One row per plan."""
    rows = []
    for base, plan in _each_plan(docs):
        rows.append(
            {
                **base,
                "n_sections": len(plan.sections),
                "n_items": sum(1 for _ in plan.walk_items()),
                "n_schedule": len(plan.schedule),
                "keywords": list(plan.keywords),
                "start": plan.span[0],
                "end": plan.span[1],
            }
        )
    return _frame(rows, PLANS_SCHEMA)


def sections_table(docs: Document | Iterable[Document]) -> pd.DataFrame:
    """One row per section, in document order."""
    rows = []
    for base, plan in _each_plan(docs):
        for index, section in enumerate(plan.sections):
            rows.append(
                {
                    **base,
                    "section_index": index,
                    "kind": section.kind.value,
                    "kind_zh": section.kind.label_zh,
                    "heading": section.heading,
                    "n_items": sum(1 for _ in section.walk_items()),
                    "start": section.span[0],
                    "end": section.span[1],
                }
            )
    return _frame(rows, SECTIONS_SCHEMA)


def items_table(docs: Document | Iterable[Document]) -> pd.DataFrame:
    """One row per numbered item at any depth, in document order (pre-order).

    ``item_index`` counts items within the plan; ``parent_index`` is the
    ``item_index`` of the item it is nested under (NA at the top level).
    """
    rows: list[dict[str, Any]] = []
    for base, plan in _each_plan(docs):
        counter = 0

        def visit(base: dict[str, Any], item: Item, parent: int | None, section_index: int, kind: str) -> None:
            nonlocal counter
            own = counter
            counter += 1
            rows.append(
                {
                    **base,
                    "section_index": section_index,
                    "section_kind": kind,
                    "item_index": own,
                    "parent_index": parent,
                    "level": item.level,
                    "number": item.number,
                    "marker": item.marker,
                    "marker_family": item.marker_family,
                    "is_heading": item.is_heading,
                    "text": item.text,
                    "body": item.body,
                    "months": _months(item.months),
                    "categories": _categories(item.categories),
                    "keywords": list(item.keywords),
                    "start": item.span[0],
                    "end": item.span[1],
                }
            )
            for child in item.children:
                visit(base, child, own, section_index, kind)

        for s_index, section in enumerate(plan.sections):
            for item in section.items:
                visit(base, item, None, s_index, section.kind.value)
    return _frame(rows, ITEMS_SCHEMA)


def schedule_table(docs: Document | Iterable[Document]) -> pd.DataFrame:
    """One row per schedule entry AND month: an entry for 七、八月 gives two rows (month 7 and 8).

    ``entry_index`` is the entry's index in ``Plan.schedule``, so
    ``(plan_id, entry_index)`` identifies the entry; ``months`` keeps all its months ("7,8").
    """
    rows = []
    for base, plan in _each_plan(docs):
        for index, entry in enumerate(plan.schedule):
            years = {cm.month: cm.year for cm in entry.calendar}
            dates = [iso_day_range(d) for d in entry.dates]
            kind = None
            if entry.section_index is not None and 0 <= entry.section_index < len(plan.sections):
                kind = plan.sections[entry.section_index].kind.value
            for month in entry.months:
                rows.append(
                    {
                        **base,
                        "entry_index": index,
                        "month": month,
                        "calendar_year": years.get(month),
                        "months": _months(entry.months),
                        "month_label": entry.month_label,
                        "activity": entry.activity,
                        "theme": entry.theme,
                        "dates": dates,
                        "responsible": entry.responsible,
                        "participants": entry.participants,
                        "section_index": entry.section_index,
                        "section_kind": kind,
                        "categories": _categories(entry.categories),
                        "keywords": list(entry.keywords),
                        "start": entry.span[0],
                        "end": entry.span[1],
                    }
                )
    return _frame(rows, SCHEDULE_SCHEMA)


def all_tables(docs: Document | Iterable[Document]) -> dict[str, pd.DataFrame]:
    """The four tables by name: plans, sections, items, schedule."""
    docs = _docs(docs)
    return {
        "plans": plans_table(docs),
        "sections": sections_table(docs),
        "items": items_table(docs),
        "schedule": schedule_table(docs),
    }
