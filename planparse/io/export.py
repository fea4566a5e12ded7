"""Write the tables (planparse.analysis.tables) to files: CSV, Parquet, Excel, and a KH Coder sheet.

- CSV: UTF-8 with a byte-order mark, which Excel and WPS need to show Chinese;
  list columns (categories, keywords) joined with "|".
- Parquet (pyarrow): list columns stay lists, dtypes are kept.
- .xlsx (openpyxl): one workbook, one sheet per table; lists joined with "|".
- Every file is written under a temporary name and renamed when complete (planparse.io.atomic):
  a failure leaves no broken file.
- ``schedule_khcoder.csv``: the schedule in the shape content-analysis tools
  (KH Coder, etc.) import: the ``text`` column first, one row per entry (not per
  month, so no text is counted twice), then variables, with one 0/1 column per
  category (``cat_节日庆祝`` …) for cross-tabulation.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from planparse.errors import OutputError
from planparse.io.atomic import atomic_path
from planparse.io.xmlchars import XML_ILLEGAL
from planparse.models import Document

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

FORMATS = ("csv", "parquet", "xlsx")
LIST_SEP = "|"
TABLE_NAMES = ("plans", "sections", "items", "schedule")
# characters an .xlsx cell may not hold (openpyxl refuses them)
_ILLEGAL_XLSX = XML_ILLEGAL


def flatten_lists(df: pd.DataFrame, sep: str = LIST_SEP) -> pd.DataFrame:
    """A copy with list-valued columns joined into strings."""
    out = df.copy()
    for col in out.columns:
        if out[col].dtype == object:
            out[col] = out[col].map(lambda v: sep.join(map(str, v)) if isinstance(v, list | tuple) else v)
    return out


def khcoder_table(schedule: pd.DataFrame) -> pd.DataFrame:
    """The schedule table (one row per entry and month) as one row per entry, text first."""
    import pandas as pd

    first = schedule.drop_duplicates(["plan_id", "entry_index"], keep="first")
    out = pd.DataFrame(
        {
            "text": first["activity"],
            "doc_id": first["doc_id"],
            "plan_id": first["plan_id"],
            "entry_index": first["entry_index"],
            "plan_title": first["plan_title"],
            "organisation": first["organisation"],
            "year": first["year"],
            "first_month": first["month"],
            "months": first["months"],
            "theme": first["theme"],
            "dates": first["dates"].map(LIST_SEP.join),
            "responsible": first["responsible"],
            "participants": first["participants"],
            "section_kind": first["section_kind"],
            "categories": first["categories"].map(LIST_SEP.join),
        }
    ).reset_index(drop=True)
    names = sorted({c for cats in first["categories"] for c in cats})
    for name in names:
        out[f"cat_{name}"] = [int(name in cats) for cats in first["categories"]]
    return out


def _write_xlsx(tables: dict[str, pd.DataFrame], path: Path) -> None:
    import pandas as pd

    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        for name, df in tables.items():
            flat = flatten_lists(df)
            for col in flat.columns:
                if flat[col].dtype == "string" or flat[col].dtype == object:
                    flat[col] = flat[col].map(lambda v: _ILLEGAL_XLSX.sub("", v) if isinstance(v, str) else v)
            flat.to_excel(writer, sheet_name=name, index=False)


def write_tables(
    tables: dict[str, pd.DataFrame],
    out_dir: str | os.PathLike[str],
    formats: Sequence[str] = FORMATS,
    *,
    khcoder: bool = True,
) -> list[Path]:
    """Write ``tables`` (name -> DataFrame) under ``out_dir``; return the files written."""
    unknown = sorted(set(formats) - set(FORMATS))
    if unknown:
        raise ValueError(f"unknown format {unknown[0]!r}; choose from {', '.join(FORMATS)}")
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create the folder: {exc.strerror or exc}", str(out)) from None
    written: list[Path] = []
    if "csv" in formats:
        for name, df in tables.items():
            path = out / f"{name}.csv"
            with atomic_path(path) as tmp:
                flatten_lists(df).to_csv(tmp, index=False, encoding="utf-8-sig")
            written.append(path)
    if "parquet" in formats:
        for name, df in tables.items():
            path = out / f"{name}.parquet"
            with atomic_path(path) as tmp:
                df.to_parquet(tmp, index=False, engine="pyarrow")
            written.append(path)
    if "xlsx" in formats:
        path = out / "planparse.xlsx"
        with atomic_path(path) as tmp:
            _write_xlsx(tables, tmp)
        written.append(path)
    if khcoder and "schedule" in tables:
        path = out / "schedule_khcoder.csv"
        with atomic_path(path) as tmp:
            khcoder_table(tables["schedule"]).to_csv(tmp, index=False, encoding="utf-8-sig")
        written.append(path)
    return written


def export_documents(
    docs: Document | Iterable[Document],
    out_dir: str | os.PathLike[str],
    formats: Sequence[str] = FORMATS,
    *,
    khcoder: bool = True,
) -> list[Path]:
    """Build the four tables from ``docs`` and write them under ``out_dir``; return the files written."""
    from planparse.analysis.tables import all_tables

    return write_tables(all_tables(docs), out_dir, formats, khcoder=khcoder)
