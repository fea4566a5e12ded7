"""The page's downloads: the edited schedule as .xlsx, .csv, .ics or JSON, by planparse's own writers.

Each format is written by the library function the command line uses too, so the page and
``planparse export --for people`` / ``planparse calendar`` give the same files: .xlsx by
io/people_xlsx, .csv the same columns (io/schedule_rows), .ics by io/calendar; this module only
picks the writer and names the file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from planparse.models import Document

FORMATS = ("xlsx", "csv", "ics", "json")
MEDIA_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
    "ics": "text/calendar; charset=utf-8",
    "json": "application/json",
}


class DownloadError(Exception):
    """A download that cannot be made; the message is Chinese, for the page."""


@dataclass(frozen=True)
class Download:
    data: bytes
    media_type: str
    filename: str


def file_stem(doc: Document) -> str:
    """The downloaded files' name: the plan's title, else the uploaded file's, else 工作计划."""
    title = next((p.title for p in doc.plans if p.title), None)
    if title is None and doc.source and not doc.source.startswith("<"):
        title = Path(doc.source).stem
    stem = "".join(ch for ch in (title or "工作计划") if ch not in '\\/:*?"<>|\n\r\t').strip()
    return (stem or "工作计划")[:60] + "_日程"


def _xlsx(doc: Document) -> bytes:
    from planparse.io.people_xlsx import people_workbook

    return people_workbook(doc)


def _csv(doc: Document) -> bytes:
    import pandas as pd

    from planparse.io.schedule_rows import people_columns, people_rows

    columns = people_columns()  # the workbook's first sheet: the same columns, the same Chinese headers
    table = pd.DataFrame(people_rows(doc), columns=list(columns)).rename(columns=columns)
    # UTF-8 with a byte-order mark, as planparse export writes it: Excel and WPS need it for Chinese
    return table.to_csv(index=False).encode("utf-8-sig")


def _ics(doc: Document, year: int | None) -> bytes:
    from planparse.io.calendar import MissingYearError, document_ics

    try:
        return document_ics(doc, year=year)
    except MissingYearError:
        raise DownloadError("计划里没有写年份：请在“年份”里填写日程开始的那一年，再下载日历") from None


def _json(doc: Document) -> bytes:
    return doc.model_dump_json(indent=2).encode("utf-8")


def make_download(doc: Document, fmt: str, *, year: int | None = None) -> Download:
    """``doc`` (its schedules as edited on the page) written as ``fmt``; ``year`` for a plan without one."""
    if fmt not in FORMATS:
        raise DownloadError(f"不支持的下载格式：{fmt}")
    if fmt == "xlsx":
        data = _xlsx(doc)
    elif fmt == "csv":
        data = _csv(doc)
    elif fmt == "ics":
        data = _ics(doc, year)
    else:
        data = _json(doc)
    return Download(data, MEDIA_TYPES[fmt], f"{file_stem(doc)}.{fmt}")
