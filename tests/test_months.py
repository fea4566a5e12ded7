"""Counting schedule entries by month × category / keyword."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from planparse.analysis.months import SCHOOL_YEAR_ORDER, month_counts, with_month_labels

ROOT = Path(__file__).resolve().parent.parent


def _table() -> pd.DataFrame:
    """A schedule table as tables.schedule_table makes it: one row per entry AND month."""
    rows = [
        # plan A: entry 0 in 七、八月 (two rows), entry 1 in March with two categories, entry 2 uncategorised
        ("a", "a#0", 0, 7, "7,8", "暑期慰问", ["慰问帮扶"], ["慰问"]),
        ("a", "a#0", 0, 8, "7,8", "暑期慰问", ["慰问帮扶"], ["慰问"]),
        ("a", "a#0", 1, 3, "3", "三八节女教工活动", ["节日庆祝", "女工工作"], ["女教工", "活动"]),
        ("a", "a#0", 2, 9, "9", "其他事项", [], []),
        # plan B
        ("b", "b#0", 0, 3, "3", "庆祝三八妇女节", ["节日庆祝"], ["妇女节", "活动"]),
        ("b", "b#0", 1, 9, "9", "教师节慰问", ["节日庆祝", "慰问帮扶"], ["慰问"]),
    ]
    cols = ["doc_id", "plan_id", "entry_index", "month", "months", "activity", "categories", "keywords"]
    return pd.DataFrame(rows, columns=cols)


def test_counts_by_category_explode_lists() -> None:
    c = month_counts(_table())
    assert list(c.index) == list(range(1, 13)) and c.index.name == "month"
    assert c.loc[3, "节日庆祝"] == 2 and c.loc[3, "女工工作"] == 1
    assert c.loc[7, "慰问帮扶"] == 1 and c.loc[8, "慰问帮扶"] == 1  # a 七、八月 entry counts in both months
    assert c.loc[9, "未分类"] == 1 and c.loc[9, "慰问帮扶"] == 1
    assert c.loc[1].sum() == 0
    assert list(c.columns) == ["慰问帮扶", "节日庆祝", "女工工作", "未分类"]  # by total, then name
    assert c.to_numpy().sum() == 8


def test_counts_total_and_keyword() -> None:
    t = month_counts(_table(), by=None)
    assert list(t.columns) == ["活动数"]
    assert t["活动数"].tolist() == [0, 0, 2, 0, 0, 0, 1, 1, 2, 0, 0, 0]
    k = month_counts(_table(), by="keyword", top=2)
    assert list(k.columns) == ["慰问", "活动", "其他"]  # the rest summed
    assert k.loc[3, "活动"] == 2 and k.loc[9, "慰问"] == 1


def test_school_year_order_and_per_plan() -> None:
    c = month_counts(_table(), by=None, school_year=True, per_plan=True)
    assert list(c.index) == SCHOOL_YEAR_ORDER
    assert c.loc[3, "活动数"] == pytest.approx(1.0)  # 2 entries / 2 plans
    assert c.loc[9, "活动数"] == pytest.approx(1.0)
    assert c.loc[7, "活动数"] == pytest.approx(0.5)
    assert list(with_month_labels(c).index[:4]) == ["九月", "十月", "十一月", "十二月"]


def test_bad_input() -> None:
    with pytest.raises(ValueError, match="by must be"):
        month_counts(_table(), by="teacher")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="not a schedule table"):
        month_counts(pd.DataFrame({"x": [1]}))


def test_empty_table_gives_twelve_zero_months() -> None:
    c = month_counts(_table().iloc[0:0], by=None)
    assert len(c) == 12 and c["活动数"].sum() == 0


def test_documents_are_accepted() -> None:
    from tests._mini_parser import mini_parse

    doc = mini_parse((ROOT / "corpus" / "diff" / "union_2024.txt").read_text(encoding="utf-8"), "u.txt")
    c = month_counts([doc], by=None)
    assert c.loc[10, "活动数"] == 2 and c.loc[4, "活动数"] == 3 and c["活动数"].sum() == 16
    u = month_counts([doc])  # no tagging: everything is 未分类
    assert list(u.columns) == ["未分类"]


def test_cli_months_prints_table_and_writes_plot(tmp_path: Path) -> None:
    from planparse.cli import cli

    files = [str(ROOT / "corpus" / "diff" / "union_2023.txt"), str(ROOT / "corpus" / "diff" / "union_2024.txt")]
    out = tmp_path / "m.png"
    res = CliRunner().invoke(cli, ["months", *files, "--by", "category", "--plot", str(out), "--school-year"])
    assert res.exit_code == 0, res.output
    lines = res.output.splitlines()
    assert lines[2].startswith("九月") and any(line.startswith("八月") for line in lines)
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    res = CliRunner().invoke(cli, ["months", *files, "--by", "none", "--per-plan", "--format", "csv"])
    rows = dict(line.split(",") for line in res.output.splitlines()[1:])
    assert float(rows["3"]) == pytest.approx(1.5)  # 2 entries in 2023, 1 in 2024
    assert float(rows["10"]) == pytest.approx(1.5)


def test_quarter_with_its_year_is_a_label() -> None:
    from planparse.parse.month_labels import match_month_label

    for line, year in (("2026年第一季度：宣传发动", 2026), ("二〇二七年第一季度：总结", 2027)):
        label = match_month_label(line)
        assert label is not None and label.months == [1, 2, 3]
        assert label.years == {1: year, 2: year, 3: year}
    assert match_month_label("第三季度（7-9月）：检查").months == [7, 8, 9]


def test_two_quarters_in_one_label() -> None:
    from planparse.parse.month_labels import match_month_label

    for line, months in (
        ("第三、四季度：", [7, 8, 9, 10, 11, 12]),
        ("第三季度、第四季度：检查", [7, 8, 9, 10, 11, 12]),
        ("二至四季度：巡查", [4, 5, 6, 7, 8, 9, 10, 11, 12]),
        ("第一、三季度：抽查", [1, 2, 3, 7, 8, 9]),
    ):
        label = match_month_label(line)
        assert label is not None and label.months == months, line
    # a heading's marker before one quarter is no pair
    assert match_month_label("四、四季度工作") is None
    assert match_month_label("三、第四季度工作安排") is None
    # the filler word before the colon is the label's, as after a month
    label = match_month_label("第二季度工作：开展培训")
    assert label is not None and label.rest == "开展培训"
