"""The schedule as a workbook for people (``planparse export --for people``, the web page's download).

Its first sheet is the schedule, one row per entry, with Chinese headers in the order she reads
them (月份, 日期, 活动, 负责人, 参加范围, 所属部分, 计划: data/people.toml), an entry's months joined
on one row (七、八月), columns as wide as their text (a CJK character counts two), the header row
frozen and filtered. The second sheet lists the plans. The analysts' tables (io/export.py) are
another thing and stay as they are.
"""

from __future__ import annotations

import io
import os
import tomllib
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from planparse.datafiles import data_path
from planparse.errors import PlanparseError
from planparse.io.atomic import atomic_path
from planparse.io.schedule_rows import people_columns, people_rows, plan_name
from planparse.io.xmlchars import XML_ILLEGAL
from planparse.models import Document

# characters an .xlsx cell may not hold (openpyxl refuses them)
_ILLEGAL_XLSX = XML_ILLEGAL


@cache
def _settings() -> dict[str, Any]:
    with data_path("people.toml").open("rb") as fh:
        return tomllib.load(fh)


def people_file_name() -> str:
    """The workbook's file name in an export folder (日程安排.xlsx)."""
    return str(_settings()["file"]["name"])


def display_width(text: str) -> int:
    """Columns the text takes on screen: a wide (CJK) character two, others one; the longest line counts."""
    return max((sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line) for line in text.split("\n")), default=0)


def _clean(value: object) -> str:
    return _ILLEGAL_XLSX.sub("", "" if value is None else str(value))


def _fill_sheet(sheet: Any, headers: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    sheet_cfg = _settings()["sheet"]
    sheet.append(list(headers))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    widths = [display_width(h) for h in headers]
    for row in rows:
        values = [_clean(v) if not isinstance(v, int) else v for v in row]
        sheet.append(values)
        widths = [max(w, display_width(str(v))) for w, v in zip(widths, values, strict=True)]
    wrap = Alignment(wrap_text=True, vertical="top")
    for col, width in enumerate(widths, start=1):
        fitted = min(max(width + sheet_cfg["padding"], sheet_cfg["min_width"]), sheet_cfg["max_width"])
        sheet.column_dimensions[get_column_letter(col)].width = fitted
        if width + sheet_cfg["padding"] > sheet_cfg["max_width"]:  # too long for one line: wrap, do not cut
            for (cell,) in sheet.iter_rows(min_row=2, min_col=col, max_col=col):
                cell.alignment = wrap
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions


def rows_workbook(rows: Iterable[Mapping[str, str]], plans: Iterable[Sequence[object]] = ()) -> bytes:
    """The workbook's bytes for the people's rows (io/schedule_rows.py keys; the web page's edited table).

    ``plans``: rows of the second sheet (plan, year, source, entries); none gives no second sheet.
    """
    from openpyxl import Workbook

    columns = people_columns()
    book = Workbook()
    sheet = book.active
    sheet.title = _settings()["sheet"]["name"]
    _fill_sheet(sheet, list(columns.values()), ([row.get(key, "") for key in columns] for row in rows))
    plans = list(plans)
    if plans:
        cfg = _settings()["plans_sheet"]
        _fill_sheet(book.create_sheet(cfg["name"]), list(cfg["columns"].values()), plans)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def people_workbook(docs: Document | Iterable[Document]) -> bytes:
    """The workbook's bytes for the schedules of ``docs``."""
    docs = [docs] if isinstance(docs, Document) else list(docs)
    plans = [
        (plan_name(plan, k), plan.year if plan.year is not None else "", Path(doc.source).name if doc.source else "",
         len(plan.schedule))
        for doc in docs for k, plan in enumerate(doc.plans)
    ]
    return rows_workbook(people_rows(docs), plans)


def write_people_workbook(
    docs: Document | Iterable[Document], path: str | os.PathLike[str], *, force: bool = False
) -> Path:
    """Write the people's workbook to ``path``; an existing file is kept unless ``force``."""
    target = Path(path)
    if target.exists() and not force:
        raise PlanparseError("exists already; use --force to overwrite it", str(target))
    data = people_workbook(docs)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise PlanparseError(f"cannot write: {exc.strerror}", str(target)) from None
    with atomic_path(target) as tmp:  # whole or not at all
        tmp.write_bytes(data)
    return target
