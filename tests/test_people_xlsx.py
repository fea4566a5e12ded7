"""The people's workbook: Chinese headers in her order, one row per entry, fitted, frozen, filtered; no overwrite."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

import planparse
from planparse.errors import PlanparseError
from planparse.io.people_xlsx import display_width, people_workbook, write_people_workbook

REPO = Path(__file__).resolve().parent.parent
HEADERS = ["月份", "日期", "活动", "负责人", "参加范围", "所属部分", "计划"]

TABLE_PLAN = """2024年实验小学工会工作计划

一、指导思想
以服务教职工为中心，推进学校民主管理，为教职工办实事、做好事、解难事，不断增强工会组织的凝聚力。

二、工作安排
| 月份 | 活动内容 | 负责人 | 参加范围 |
| 3月 | 3月8日“三八”节女教职工健步走 | 张丽 | 全体女教职工 |
| 7、8月 | 暑期疗休养 | 王强 | 全体教职工 |
"""


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> openpyxl.Workbook:
    path = tmp_path_factory.mktemp("people") / "日程安排.xlsx"
    write_people_workbook(planparse.parse_text(TABLE_PLAN, source="union.txt", tag=False), path)
    return openpyxl.load_workbook(path)


def test_first_sheet_is_the_schedule_with_chinese_headers_one_row_per_entry(book: openpyxl.Workbook) -> None:
    sheet = book.worksheets[0]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows[0] == HEADERS
    assert rows[1:] == [
        ["三月", "3月8日", "3月8日“三八”节女教职工健步走", "张丽", "全体女教职工", "二、工作安排", "2024年实验小学工会工作计划"],
        ["七、八月", None, "暑期疗休养", "王强", "全体教职工", "二、工作安排", "2024年实验小学工会工作计划"],
    ]
    plans = [[c.value for c in row] for row in book.worksheets[1].iter_rows()]
    assert plans == [["计划", "年份", "来源文件", "条目数"], ["2024年实验小学工会工作计划", 2024, "union.txt", 2]]


def test_header_frozen_and_filtered_columns_fitted(book: openpyxl.Workbook) -> None:
    sheet = book.worksheets[0]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:G3"
    for col, letter in enumerate("ABCDEFG"):
        widest = max(display_width(str(sheet.cell(r, col + 1).value or "")) for r in range(1, 4))
        assert widest <= sheet.column_dimensions[letter].width <= 60
    # the activity column is wider than the month column, as its text is
    assert sheet.column_dimensions["C"].width > sheet.column_dimensions["A"].width


def test_cjk_counts_double() -> None:
    assert display_width("暑期疗休养") == 10
    assert display_width("5/24") == 4


def test_long_text_wraps_at_the_widest_column() -> None:
    text = TABLE_PLAN.replace("暑期疗休养", "暑期疗休养" * 20)
    book = openpyxl.load_workbook(__import__("io").BytesIO(people_workbook(planparse.parse_text(text, tag=False))))
    sheet = book.worksheets[0]
    assert sheet.column_dimensions["C"].width == 60
    assert sheet["C3"].alignment.wrap_text


def test_nothing_is_overwritten_without_force(tmp_path: Path) -> None:
    target = tmp_path / "a.xlsx"
    target.write_bytes(b"hers")
    doc = planparse.parse_text(TABLE_PLAN, tag=False)
    with pytest.raises(PlanparseError, match="--force"):
        write_people_workbook(doc, target)
    assert target.read_bytes() == b"hers"
    write_people_workbook(doc, target, force=True)
    assert openpyxl.load_workbook(target).worksheets[0]["A1"].value == "月份"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "planparse", *args], capture_output=True, text=True, cwd=REPO, timeout=120)


def test_export_for_people_and_the_analyst_export_refuse_to_overwrite(tmp_path: Path) -> None:
    plan = tmp_path / "union.txt"
    plan.write_text(TABLE_PLAN, encoding="utf-8")
    out = tmp_path / "out"
    done = _run("export", str(plan), "--for", "people", "--out", str(out), "-q")
    assert done.returncode == 0, done.stderr
    written = out / "日程安排.xlsx"
    assert openpyxl.load_workbook(written).worksheets[0].max_row == 3
    before = written.read_bytes()
    again = _run("export", str(plan), "--for", "people", "--out", str(out), "-q")
    assert again.returncode == 2 and "--force" in again.stderr and "Traceback" not in again.stderr
    assert written.read_bytes() == before
    assert _run("export", str(plan), "--for", "people", "--out", str(out), "-q", "--force").returncode == 0
    # the analysts' tables: a second export into the same folder is refused too
    tables = tmp_path / "tables"
    assert _run("export", str(plan), "--out", str(tables), "--format", "csv", "-q", "--no-tag").returncode == 0
    refused = _run("export", str(plan), "--out", str(tables), "--format", "csv", "-q", "--no-tag")
    assert refused.returncode == 2 and "exists already" in refused.stderr
