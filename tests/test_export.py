from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from _tagging_docs import PLAN_TEXT, make_doc

from planparse.analysis.tables import SCHEDULE_SCHEMA, schedule_table
from planparse.analysis.tagging import tag_document
from planparse.io.export import export_documents, khcoder_table

BOM = b"\xef\xbb\xbf"
TABLES = ["plans", "sections", "items", "schedule"]


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("export")
    docs = [tag_document(make_doc()), tag_document(make_doc(source=None))]
    written = export_documents(docs, out)
    assert {p.name for p in written} == {
        *(f"{t}.csv" for t in TABLES),
        *(f"{t}.parquet" for t in TABLES),
        "planparse.xlsx",
        "schedule_khcoder.csv",
    }
    return out


def test_csv_has_bom_and_reads_back(exported):
    for name in TABLES:
        raw = (exported / f"{name}.csv").read_bytes()
        assert raw.startswith(BOM)
    df = pd.read_csv(exported / "schedule.csv", encoding="utf-8-sig")
    assert list(df.columns) == list(SCHEDULE_SCHEMA)
    assert len(df) == 12
    row = df[df.activity == "组织会员体检"].iloc[0]
    assert row.categories == "健康体检"
    assert row.months == "7,8"
    multi = df[df.activity.str.startswith("庆祝")].iloc[0].categories
    assert "|" in multi and "节日庆祝" in multi.split("|")


def test_parquet_keeps_lists_and_dtypes(exported):
    df = pd.read_parquet(exported / "schedule.parquet")
    assert list(df.columns) == list(SCHEDULE_SCHEMA)
    row = df[df.activity == "组织会员体检"].iloc[0]
    assert list(row.categories) == ["健康体检"]
    assert str(df.calendar_year.dtype) == "Int64"
    assert str(df.month.dtype) == "int64"
    items = pd.read_parquet(exported / "items.parquet")
    assert len(items) == 10


def test_xlsx_has_one_sheet_per_table(exported):
    sheets = pd.read_excel(exported / "planparse.xlsx", sheet_name=None)
    assert list(sheets) == TABLES
    assert len(sheets["schedule"]) == 12
    assert sheets["plans"].organisation.tolist() == ["红星小学工会", "红星小学工会"]


def test_khcoder_sheet_is_one_row_per_entry_text_first(exported):
    raw = (exported / "schedule_khcoder.csv").read_bytes()
    assert raw.startswith(BOM)
    df = pd.read_csv(exported / "schedule_khcoder.csv", encoding="utf-8-sig")
    assert df.columns[0] == "text"
    assert len(df) == 10
    assert "cat_健康体检" in df.columns
    assert df.loc[df.text == "组织会员体检", "cat_健康体检"].tolist() == [1, 1]
    assert df.loc[df.text == "教师趣味运动会", "cat_健康体检"].tolist() == [0, 0]


def test_khcoder_of_an_empty_schedule():
    df = khcoder_table(schedule_table([]))
    assert df.columns[0] == "text" and len(df) == 0


def test_only_some_formats(tmp_path):
    written = export_documents(tag_document(make_doc()), tmp_path, ["csv"], khcoder=False)
    assert sorted(p.name for p in written) == sorted(f"{t}.csv" for t in TABLES)
    with pytest.raises(ValueError, match="unknown format"):
        export_documents(make_doc(), tmp_path, ["json"])


def _run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    code = "from planparse.cli import main; main()"
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, timeout=120)


def test_cli_export_goes_on_past_a_bad_file(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(PLAN_TEXT, encoding="utf-8")
    missing = tmp_path / "missing.txt"
    out = tmp_path / "out"
    proc = _run_cli("export", str(good), str(missing), "--out", str(out))
    assert proc.returncode == 1
    bad_lines = [ln for ln in proc.stderr.splitlines() if "missing.txt" in ln]
    assert len(bad_lines) == 1
    assert "Traceback" not in proc.stderr
    df = pd.read_csv(out / "schedule.csv", encoding="utf-8-sig")
    assert set(df.source) == {str(good)}
    assert set(df.doc_id.str.rsplit("-", n=1).str[0]) == {"good"}
    assert len(df) >= 5
    assert (out / "planparse.xlsx").is_file()
    assert (out / "schedule_khcoder.csv").read_bytes().startswith(BOM)


def test_cli_export_success_quiet_and_format(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(PLAN_TEXT, encoding="utf-8")
    proc = _run_cli("export", str(good), "--out", str(tmp_path / "o"), "--format", "parquet", "--quiet")
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    assert sorted(p.name for p in (tmp_path / "o").iterdir()) == sorted(
        [f"{t}.parquet" for t in TABLES] + ["schedule_khcoder.csv"]
    )


def test_cli_export_needs_out():
    proc = _run_cli("export", "x.txt")
    assert proc.returncode == 2
    assert "--out" in proc.stderr
