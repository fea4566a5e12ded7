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

from planparse.analysis.ids import plan_label
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
    "plan_label": STR,
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
    """Each document's id (see planparse.analysis.ids): file stem and a hash of the text, ``union_2023-3fa2c1``."""
    from planparse.analysis.ids import doc_ids as ids

    return ids(docs)


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
        "plan_label": plan_label(plan, index),
        "organisation": plan.organisation,
        "year": plan.year,
    }


def _months(months: Iterable[int]) -> str:
    return ",".join(str(m) for m in months)


def _categories(hits: Iterable[Any]) -> list[str]:
    return [hit.category for hit in hits]


def _plan_row(base: dict[str, Any], plan: Plan) -> dict[str, Any]:
    return {
        **base,
        "n_sections": len(plan.sections),
        "n_items": sum(1 for _ in plan.walk_items()),
        "n_schedule": len(plan.schedule),
        "keywords": list(plan.keywords),
        "start": plan.span[0],
        "end": plan.span[1],
    }


def _section_rows(base: dict[str, Any], plan: Plan) -> list[dict[str, Any]]:
    return [
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
        for index, section in enumerate(plan.sections)
    ]


def _item_rows(base: dict[str, Any], plan: Plan) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    counter = 0

    def visit(item: Item, parent: int | None, section_index: int, kind: str) -> None:
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
            visit(child, own, section_index, kind)

    for s_index, section in enumerate(plan.sections):
        for item in section.items:
            visit(item, None, s_index, section.kind.value)
    return rows


def _schedule_rows(base: dict[str, Any], plan: Plan) -> list[dict[str, Any]]:
    rows = []
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
    return rows


def document_rows(doc: Document, doc_id: str) -> dict[str, list[dict[str, Any]]]:
    """The rows one Document adds to each of the four tables (plain dicts, cheap to pickle).

    The tables below, the streaming export and the Dask path are all built from these rows,
    so they hold the same values.
    """
    out: dict[str, list[dict[str, Any]]] = {name: [] for name in SCHEMAS}
    for index, plan in enumerate(doc.plans):
        base = _plan_cols(doc_id, index, plan, doc)
        out["plans"].append(_plan_row(base, plan))
        out["sections"] += _section_rows(base, plan)
        out["items"] += _item_rows(base, plan)
        out["schedule"] += _schedule_rows(base, plan)
    return out


def _table_rows(docs: Document | Iterable[Document], name: str) -> list[dict[str, Any]]:
    docs = _docs(docs)
    builder = {"plans": lambda b, p: [_plan_row(b, p)], "sections": _section_rows, "items": _item_rows,
               "schedule": _schedule_rows}[name]  # fmt: skip
    rows: list[dict[str, Any]] = []
    for doc_id, doc in zip(doc_ids(docs), docs, strict=True):
        for index, plan in enumerate(doc.plans):
            rows += builder(_plan_cols(doc_id, index, plan, doc), plan)
    return rows


def frame(rows: list[dict[str, Any]], name: str) -> pd.DataFrame:
    """The DataFrame of table ``name`` from its rows, with the table's fixed columns and dtypes."""
    return _frame(rows, SCHEMAS[name])


def plans_table(docs: Document | Iterable[Document]) -> pd.DataFrame:
    """One row per plan."""
    return _frame(_table_rows(docs, "plans"), PLANS_SCHEMA)


def sections_table(docs: Document | Iterable[Document]) -> pd.DataFrame:
    """One row per section, in document order."""
    return _frame(_table_rows(docs, "sections"), SECTIONS_SCHEMA)


def items_table(docs: Document | Iterable[Document]) -> pd.DataFrame:
    """One row per numbered item at any depth, in document order (pre-order).

    ``item_index`` counts items within the plan; ``parent_index`` is the
    ``item_index`` of the item it is nested under (NA at the top level).
    """
    return _frame(_table_rows(docs, "items"), ITEMS_SCHEMA)


def schedule_table(docs: Document | Iterable[Document]) -> pd.DataFrame:
    """One row per schedule entry AND month: an entry for 七、八月 gives two rows (month 7 and 8).

    ``entry_index`` is the entry's index in ``Plan.schedule``, so
    ``(plan_id, entry_index)`` identifies the entry; ``months`` keeps all its months ("7,8").
    """
    return _frame(_table_rows(docs, "schedule"), SCHEDULE_SCHEMA)


def all_tables(docs: Document | Iterable[Document]) -> dict[str, pd.DataFrame]:
    """The four tables by name: plans, sections, items, schedule."""
    docs = _docs(docs)
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in SCHEMAS}
    for doc_id, doc in zip(doc_ids(docs), docs, strict=True):
        for name, part in document_rows(doc, doc_id).items():
            rows[name] += part
    return {name: _frame(rows[name], schema) for name, schema in SCHEMAS.items()}
