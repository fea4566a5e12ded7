from __future__ import annotations

import hashlib

import pandas as pd
import pytest
from _tagging_docs import make_doc

from planparse.analysis.ids import doc_id, doc_ids
from planparse.analysis.tables import (
    ITEMS_SCHEMA,
    PLANS_SCHEMA,
    SCHEDULE_SCHEMA,
    SECTIONS_SCHEMA,
    all_tables,
    items_table,
    plans_table,
    schedule_table,
    sections_table,
)
from planparse.analysis.tagging import tag_document
from planparse.models import Document

SCHEDULE_CONTRACT = [
    "doc_id", "plan_id", "plan_index", "source", "plan_title", "plan_label", "organisation", "year", "entry_index", "month",
    "calendar_year", "months", "activity", "theme", "section_kind", "categories", "keywords", "start", "end",
]


@pytest.fixture(scope="module")
def docs() -> list[Document]:
    return [tag_document(make_doc()), tag_document(make_doc(source=None))]


def _dtypes(df) -> dict[str, str]:
    return {col: str(dtype) for col, dtype in df.dtypes.items()}


@pytest.mark.parametrize(
    ("build", "schema"),
    [(plans_table, PLANS_SCHEMA), (sections_table, SECTIONS_SCHEMA), (items_table, ITEMS_SCHEMA), (schedule_table, SCHEDULE_SCHEMA)],
)
def test_columns_and_dtypes_are_fixed_even_when_empty(docs, build, schema):
    full = build(docs)
    empty = build([])
    assert list(full.columns) == list(schema)
    assert _dtypes(full) == schema
    assert _dtypes(empty) == schema
    assert len(empty) == 0


def test_schedule_has_the_contract_columns_one_row_per_entry_and_month(docs):
    df = schedule_table(docs)
    assert set(SCHEDULE_CONTRACT) <= set(df.columns)
    # five entries, one of them for 七、八月, in two documents
    assert len(df) == 2 * 6
    summer = df[(df.source == "plans/red_star.txt") & (df.months == "7,8")]
    assert list(summer.month) == [7, 8]
    assert list(summer.entry_index) == [1, 1]
    assert list(summer.calendar_year) == [2023, 2023]
    assert summer.iloc[0].categories == ["健康体检"]
    assert isinstance(summer.iloc[0].keywords, list)
    october = df[(df.month == 10)].iloc[0]
    assert pd.isna(october.calendar_year)
    assert october.section_kind == "schedule"
    assert october.activity == "教师趣味运动会"
    assert october.plan_id == f"{doc_id(make_doc())}#0"
    text = make_doc().text
    assert text[october.start : october.end] == "教师趣味运动会"


def test_doc_id_is_the_stem_and_a_hash_of_the_text(docs):
    df = plans_table(docs)
    text_hash = hashlib.sha1(make_doc().text.encode("utf-8")).hexdigest()[:6]
    assert list(df.doc_id) == [f"red_star-{text_hash}", f"doc-{text_hash}"]
    assert list(df.plan_id) == [f"red_star-{text_hash}#0", f"doc-{text_hash}#0"]
    assert df.source.tolist()[0] == "plans/red_star.txt" and df.source.isna().tolist() == [False, True]
    assert list(df.n_schedule) == [5, 5]
    assert list(df.n_items) == [5, 5]


def test_doc_id_is_stable_and_tells_same_names_apart():
    a = make_doc(source="2023/plan.txt")
    b = make_doc(source="2024/plan.txt")
    b.text = b.text.replace("2023年", "2024年")
    assert doc_ids([a])[0] == doc_ids([make_doc(), a])[1]  # the same whatever comes with it
    first, second = doc_ids([a, b])
    assert first != second and first.startswith("plan-") and second.startswith("plan-")
    # the very same file given twice
    assert doc_ids([a, a]) == [first, f"{first}~2"]


def test_plan_label_is_never_missing():
    doc = make_doc()
    doc.plans[0].title = None
    df = plans_table([doc])
    assert list(df.plan_label) == ["（无标题）计划1"]
    assert df.plan_title.isna().all()  # the title column still says there was none
    titled = plans_table([make_doc()])
    assert list(titled.plan_label) == list(titled.plan_title)


def test_sections_table(docs):
    df = sections_table(docs[0])
    assert list(df.kind) == ["guiding_ideology", "main_work", "schedule"]
    assert list(df.kind_zh) == ["指导思想", "主要工作", "月份安排"]
    assert list(df.n_items) == [0, 5, 0]
    assert list(df.section_index) == [0, 1, 2]


def test_items_table_keeps_the_tree(docs):
    df = items_table(docs[0])
    assert list(df.item_index) == [0, 1, 2, 3, 4]
    assert list(df.parent_index.fillna(-1)) == [-1, 0, 0, -1, 3]
    assert df.parent_index.isna().sum() == 2
    assert list(df.level) == [0, 1, 1, 0, 1]
    assert list(df.number) == [1, 1, 2, 2, 1]
    assert list(df.marker) == ["（一）", "1.", "2.", "（二）", "1."]
    assert list(df.is_heading) == [True, False, False, True, False]
    assert list(df.section_kind) == ["main_work"] * 5
    assert "民主管理" in df.iloc[1].categories


def test_all_tables_names(docs):
    tables = all_tables(docs)
    assert list(tables) == ["plans", "sections", "items", "schedule"]
    assert len(tables["items"]) == 10
