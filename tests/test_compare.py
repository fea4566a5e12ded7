"""Similarity between plans, shared items and template groups (MinHash LSH)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from planparse.analysis.compare import compare, find_templates, fold, shared_items, shingle_hashes, similarity_matrix
from tests._mini_parser import mini_parse

ROOT = Path(__file__).resolve().parent.parent
OLD = ROOT / "corpus" / "diff" / "union_2023.txt"
NEW = ROOT / "corpus" / "diff" / "union_2024.txt"
SEEDS = ROOT.parent / "shared" / "seeds"

OTHER = """2024年幼儿园保育工作计划
一、指导思想
坚持保教结合，以幼儿身心健康发展为根本，规范一日生活常规，提高保育质量。
二、主要工作
（一）卫生保健
1.每日晨检午检，做好因病缺勤追踪登记。
2.按时消毒玩具、毛巾和水杯，做好消毒记录。
四、月份工作安排
三月份：
1.春季传染病预防宣传。
九月份：
1.新生入园体检。
"""


def stem(doc_id: str) -> str:
    """The file stem of a document id (``union_2023-3fa2c1`` → ``union_2023``)."""
    return doc_id.rsplit("-", 1)[0]


@pytest.fixture(scope="module")
def docs():
    return [
        mini_parse(OLD.read_text(encoding="utf-8"), "union_2023.txt"),
        mini_parse(NEW.read_text(encoding="utf-8"), "union_2024.txt"),
        mini_parse(OTHER, "kindergarten.txt"),
    ]


def test_fold_ignores_punctuation_width_and_space() -> None:
    assert fold("（一）加强  民主管理，") == fold("(一)加强民主管理,") == "一加强民主管理"
    assert fold("ＡＢ１２") == "ab12"


def test_compare_ranks_the_copy_above_the_unrelated_plan(docs) -> None:
    df = compare(docs)
    assert len(df) == 3  # every pair once, unrelated pairs included
    top = df.iloc[0]
    assert {stem(top.a_doc_id), stem(top.b_doc_id)} == {"union_2023", "union_2024"}
    assert top.similarity > 0.8
    other = df[(df.a_doc_id.map(stem) == "kindergarten") | (df.b_doc_id.map(stem) == "kindergarten")]
    assert (other.similarity < 0.3).all()
    assert top.shared_items == 29 and other.shared_items.max() == 0
    assert list(df.similarity) == sorted(df.similarity, reverse=True)


def test_compare_words_and_sections(docs) -> None:
    words = compare(docs, analyzer="word", items=False)
    assert "shared_items" not in words.columns
    assert words.iloc[0].similarity > 0.8
    secs = compare(docs[:2], level="section")
    assert (secs.a_kind == secs.b_kind).all()
    guiding = secs[secs.a_kind == "guiding_ideology"].iloc[0]
    assert guiding.similarity == pytest.approx(1.0)
    assert set(secs.a_kind) == {"guiding_ideology", "goals", "main_work", "schedule"}


def test_similarity_matrix_is_symmetric(docs) -> None:
    m = similarity_matrix(docs)
    from planparse.analysis.ids import doc_ids

    assert list(m.index) == [f"{i}:0" for i in doc_ids(docs)]
    assert [stem(i.split(":")[0]) for i in m.index] == ["union_2023", "union_2024", "kindergarten"]
    assert np.allclose(m.values, m.values.T) and np.allclose(np.diag(m.values), 1.0)


def test_shared_items_pairs_each_item_once(docs) -> None:
    df = shared_items(docs[0], docs[1])
    texts = set(df.a_text)
    assert "组织青年教师读书沙龙，每学期交流读书心得两次。" not in texts  # removed in 2024
    changed = df[df.a_text == "组织教职工进行一次健康体检。"].iloc[0]
    assert changed.b_text == "组织教职工进行两次健康体检。" and 0.8 < changed.similarity < 1
    moved = df[df.a_text == "组织教职工植树活动"].iloc[0]
    assert moved.a_path == "3" and moved.b_path == "4"  # schedule entries carry their months
    assert df.b_text.is_unique and df.a_text.is_unique
    assert shared_items(docs[0], docs[2]).empty


def test_shingle_hashes_are_set_like() -> None:
    a = shingle_hashes("abcdefgh", 5)
    assert len(a) == 4 and (np.diff(a.astype(np.int64)) > 0).all()
    assert np.array_equal(shingle_hashes("abcdefghabcdefgh", 5), np.unique(shingle_hashes("abcdefghabcdefgh", 5)))
    assert len(shingle_hashes("", 5)) == 0 and len(shingle_hashes("abc", 5)) == 1


def test_find_templates_groups_copies_not_strangers(docs) -> None:
    df = find_templates(docs, progress=False)
    plans = df[df.level == "plan"]
    assert set(plans.doc_id.map(stem)) == {"union_2023", "union_2024"}
    assert plans.group.nunique() == 1
    assert (plans.jaccard > 0.7).all() and (plans.shared > 0.8).all()
    assert (plans.item_share > 0.85).all()
    sections = df[df.level == "section"]
    guiding = sections[sections.section_kind == "guiding_ideology"]
    assert len(guiding) == 2 and (guiding.jaccard == 1.0).all()
    assert "kindergarten" not in set(df.doc_id.map(stem))


def test_find_templates_threshold(docs) -> None:
    strict = find_templates(docs, threshold=0.95, levels=("plan",), progress=False)
    assert strict.empty
    assert list(strict.columns)[:3] == ["group", "level", "group_size"]


def _seed_docs():
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is absent")
    import planparse

    return [planparse.parse_file(p) for p in sorted(SEEDS.glob("*.txt"))]


def _plan_at(doc, needle: str) -> int:
    at = doc.text.index(needle)
    return next(i for i, p in enumerate(doc.plans) if p.span[0] <= at < p.span[1])


def test_find_templates_on_seeds_groups_the_shared_union_plans() -> None:
    docs = _seed_docs()
    by_stem = {Path(d.source).stem[:3]: d for d in docs}
    df = find_templates(docs, levels=("plan",), progress=False)

    def group_of(stem: str, needle: str) -> int:
        doc = by_stem[stem]
        pi = _plan_at(doc, needle)
        rows = df[(df.source == doc.source) & (df.plan_index == pi)]
        assert len(rows) == 1, f"{stem} plan {pi} ({needle}) is in no group"
        return int(rows.group.iloc[0])

    # 000 篇四 and the third plan of 003 carry one union plan
    assert group_of("000", "落实区教育局部署") == group_of("003", "坚定不够地贯彻落实")
    # 000 篇一 and 001 are the same 2023 union plan
    assert group_of("000", "以科学发展观统领工会工作") == group_of("001", "以科学发展观统领工会工作")


def test_module_is_callable_as_compare(docs) -> None:
    import planparse.analysis.compare as mod

    assert mod(docs, items=False).equals(compare(docs, items=False))


def test_cli_similar_pairs_and_templates() -> None:
    from click.testing import CliRunner

    from planparse.cli import cli

    files = [str(OLD), str(NEW)]
    res = CliRunner().invoke(cli, ["similar", *files, "--format", "csv"])
    assert res.exit_code == 0, res.output
    header, row = res.output.splitlines()[:2]
    assert header.startswith("a_doc_id,") and row.startswith("union_2023-") and ",0," in row
    res = CliRunner().invoke(cli, ["similar", *files, "--templates", "--format", "json"])
    import json

    rows = json.loads(res.output)
    assert {(r["level"], stem(r["doc_id"])) for r in rows if r["level"] == "plan"} == {("plan", "union_2023"), ("plan", "union_2024")}
    res = CliRunner().invoke(cli, ["similar", *files, "--templates", "--threshold", "0.99"])
    assert res.exit_code == 0, res.output
    levels = [line.split()[1] for line in res.output.splitlines()[1:]]
    assert levels and set(levels) == {"section"}  # only the unchanged sections are copies at 0.99
    res = CliRunner().invoke(cli, ["similar", str(OLD), "--templates"])
    assert "no near-copies found" in res.output


def test_export_and_similar_name_a_file_by_the_same_id(tmp_path) -> None:
    import io

    import pandas as pd
    from click.testing import CliRunner

    from planparse.cli import cli

    files = [str(OLD), str(NEW)]
    res = CliRunner().invoke(cli, ["export", *files, "--out", str(tmp_path / "out"), "--format", "csv", "-q"])
    assert res.exit_code == 0, res.output
    exported = pd.read_csv(tmp_path / "out" / "plans.csv", encoding="utf-8-sig")
    res = CliRunner().invoke(cli, ["similar", *files, "--format", "csv"])
    pairs = pd.read_csv(io.StringIO(res.output))
    assert set(exported.doc_id) == {pairs.a_doc_id[0], pairs.b_doc_id[0]}
    assert set(exported.source) == set(files)  # the path has its own column
    assert all(len(i) <= len(stem(i)) + 7 for i in exported.doc_id)  # short: stem, '-', six hex digits
