"""The streaming export: batches written as they come, Parquet as a dataset, .xlsx in write-only mode."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

import planparse
from planparse.analysis.tables import SCHEMAS, all_tables
from planparse.analysis.tagging import tag_document
from planparse.io import export
from planparse.io.export import ExportWriter, export_documents, flatten_lists, khcoder_table

ROOT = Path(__file__).resolve().parent.parent
CORPUS = sorted((ROOT / "corpus").glob("*.txt"))


@pytest.fixture(scope="module")
def docs() -> list[planparse.Document]:
    # categories without keywords keep the module fast; keywords are lists like categories
    return [tag_document(planparse.parse_file(p, tag=False), with_keywords=False) for p in CORPUS[:14]]


@pytest.fixture(scope="module")
def streamed(docs, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("stream")
    with ExportWriter(out, ["csv", "parquet", "xlsx"], batch_documents=4) as writer:
        for doc in docs:
            writer.add(doc)
    return out


def _as_lists(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    for col, dtype in SCHEMAS_BY_COL.items():
        if col in out and dtype == "object":
            out[col] = out[col].map(list)
    return out


SCHEMAS_BY_COL = {col: dtype for schema in SCHEMAS.values() for col, dtype in schema.items()}


def test_parquet_is_a_dataset_of_parts_that_pandas_reads_as_the_tables(docs, streamed):
    expected = all_tables(docs)
    assert len(list((streamed / "items.parquet").glob("part-*.parquet"))) == 4  # 14 documents, 4 a batch
    for name, frame in expected.items():
        got = pd.read_parquet(streamed / f"{name}.parquet")
        assert list(got.columns) == list(SCHEMAS[name])
        assert {c: str(t) for c, t in got.dtypes.items()} == {c: str(t) for c, t in frame.dtypes.items()}
        pd.testing.assert_frame_equal(_as_lists(got), _as_lists(frame), check_dtype=True)


def test_duckdb_and_pyarrow_dataset_read_the_parts_as_one_table(docs, streamed):
    import duckdb
    import pyarrow.dataset as ds

    schedule = all_tables(docs)["schedule"]
    dataset = ds.dataset(streamed / "schedule.parquet", format="parquet")
    assert dataset.count_rows() == len(schedule)
    glob = str(streamed / "schedule.parquet" / "*.parquet")
    per_month = duckdb.sql(f"SELECT month, count(*) AS n FROM '{glob}' GROUP BY month ORDER BY month").fetchall()
    assert per_month == sorted(schedule.groupby("month").size().items())
    cats = duckdb.sql(f"SELECT count(*) FROM '{glob}' WHERE list_contains(categories, '节日庆祝')").fetchall()
    assert cats[0][0] == sum("节日庆祝" in c for c in schedule.categories) > 0


def test_polars_reads_the_parts_as_one_table(docs, streamed):
    import polars as pl

    items = pl.read_parquet(str(streamed / "items.parquet" / "*.parquet"))
    expected = all_tables(docs)["items"]
    assert items.height == len(expected)
    assert items["text"].to_list() == expected.text.tolist()
    assert items["categories"].to_list() == [list(c) for c in expected.categories]


def test_csv_appended_per_batch_reads_as_the_flattened_tables(docs, streamed):
    expected = all_tables(docs)
    for name, frame in expected.items():
        raw = (streamed / f"{name}.csv").read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf") and raw.count(b"\xef\xbb\xbf") == 1  # one BOM, not one a batch
        got = pd.read_csv(streamed / f"{name}.csv", encoding="utf-8-sig", dtype=str, keep_default_na=False)
        want = flatten_lists(frame).astype(object).where(frame.notna(), "").astype(str)
        assert list(got.columns) == list(want.columns)
        pd.testing.assert_frame_equal(got, want.reset_index(drop=True), check_dtype=False)


def test_khcoder_sheet_from_the_parts_equals_the_one_from_the_whole_schedule(docs, streamed):
    whole = khcoder_table(all_tables(docs)["schedule"])
    got = pd.read_csv(streamed / "schedule_khcoder.csv", encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert list(got.columns) == list(whole.columns)
    assert got.text.tolist() == whole.text.tolist()
    assert got["cat_节日庆祝"].astype(int).tolist() == whole["cat_节日庆祝"].tolist()


def test_xlsx_written_in_write_only_mode_has_every_row(docs, streamed):
    expected = all_tables(docs)
    sheets = pd.read_excel(streamed / "planparse.xlsx", sheet_name=None)
    assert list(sheets) == list(expected)
    for name, frame in expected.items():
        assert len(sheets[name]) == len(frame)


def test_xml_illegal_characters_never_crash_an_xlsx_write(tmp_path):
    text = "2024年红星小学工会工作计划\n一、主要工作\n1、组织\ufffe教职工\x01体检\uffff\n2、开展\x1b读书\ud800活动\n"
    doc = planparse.parse_text(text, source="odd.txt", tag=False)
    written = export_documents([doc], tmp_path, ["xlsx"], khcoder=False)
    assert written == [tmp_path / "planparse.xlsx"]
    items = [row for row in load_workbook(tmp_path / "planparse.xlsx", read_only=True)["items"].iter_rows(values_only=True)]
    texts = [row[items[0].index("text")] for row in items[1:]]
    assert "组织教职工体检" in texts[0]
    assert "开展读书\ufffd活动" in texts[1]  # a lone surrogate has no UTF-8 form: marked, not dropped


def test_a_table_longer_than_a_sheet_goes_on_in_a_second_sheet(docs, tmp_path, monkeypatch):
    limits = export.settings()
    monkeypatch.setattr(export, "settings", lambda: export.ExportSettings(limits.batch_documents, 10, 50, 100))
    export_documents(docs[:6], tmp_path, ["xlsx"], khcoder=False)
    sheets = pd.read_excel(tmp_path / "planparse.xlsx", sheet_name=None)
    n_items = len(all_tables(docs[:6])["items"])
    assert n_items > 49
    assert "items (2)" in sheets
    assert sum(len(df) for name, df in sheets.items() if name.startswith("items")) == n_items
    assert max(len(df) for df in sheets.values()) == 49  # 50 rows a sheet, the header one of them


def test_xlsx_only_by_default_for_a_small_corpus(docs, tmp_path, monkeypatch):
    written = export_documents(docs[:3], tmp_path / "small")
    assert (tmp_path / "small" / "planparse.xlsx") in written
    limits = export.settings()
    monkeypatch.setattr(export, "settings", lambda: export.ExportSettings(limits.batch_documents, 2, 1048576, 32767))
    written = export_documents(docs[:3], tmp_path / "large")
    assert not (tmp_path / "large" / "planparse.xlsx").exists()
    assert (tmp_path / "large" / "schedule.parquet") in written
    written = export_documents(iter(docs[:3]), tmp_path / "stream")  # a generator: size unknown
    assert not (tmp_path / "stream" / "planparse.xlsx").exists()


def test_a_new_export_replaces_the_parts_of_the_last(docs, tmp_path):
    with ExportWriter(tmp_path, ["parquet"], batch_documents=2) as writer:
        for doc in docs[:8]:
            writer.add(doc)
    assert len(list((tmp_path / "plans.parquet").iterdir())) == 4
    export_documents(docs[:1], tmp_path, ["parquet"])
    assert len(pd.read_parquet(tmp_path / "plans.parquet")) == len(docs[0].plans)


def test_no_documents_still_gives_every_table_its_columns(tmp_path):
    export_documents([], tmp_path, ["csv", "parquet"])
    for name, schema in SCHEMAS.items():
        assert list(pd.read_parquet(tmp_path / f"{name}.parquet").columns) == list(schema)
        assert list(pd.read_csv(tmp_path / f"{name}.csv", encoding="utf-8-sig").columns) == list(schema)
    assert pd.read_csv(tmp_path / "schedule_khcoder.csv", encoding="utf-8-sig").columns[0] == "text"
