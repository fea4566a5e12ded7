"""The plots draw Chinese labels with the shipped CJK font, not boxes."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from planparse.analysis.months import month_counts
from planparse.analysis.plots import FONT_PATH, has_glyphs, heatmap, month_bars, register_cjk_font, save


def _counts() -> pd.DataFrame:
    table = pd.DataFrame(
        {
            "plan_id": ["a", "a", "b"],
            "month": [3, 9, 9],
            "categories": [["节日庆祝"], ["慰问帮扶", "节日庆祝"], []],
            "keywords": [[], [], []],
        }
    )
    return month_counts(table, school_year=True)


def test_font_is_shipped_with_its_licence() -> None:
    assert FONT_PATH.is_file() and FONT_PATH.stat().st_size > 1_000_000
    assert "SIL Open Font License" in (FONT_PATH.parent / "OFL.txt").read_text(encoding="utf-8")


def test_matplotlib_finds_the_font_and_it_has_the_glyphs() -> None:
    from matplotlib import font_manager

    family = register_cjk_font()
    found = font_manager.findfont(font_manager.FontProperties(family=family), fallback_to_default=False)
    assert Path(found).resolve() == FONT_PATH
    assert has_glyphs("九月十月十一月十二月节日庆祝慰问帮扶未分类活动数月份每计划平均其他工会教职工")
    assert has_glyphs("abcXYZ0123")
    assert not has_glyphs("\U0001f600")  # a check that can say no


def test_heatmap_labels_use_the_cjk_font(tmp_path: Path) -> None:
    fig = heatmap(_counts(), title="各月活动")
    ax = fig.axes[0]
    xlabels = [t.get_text() for t in ax.get_xticklabels()]
    ylabels = [t.get_text() for t in ax.get_yticklabels()]
    assert xlabels[0] == "九月" and xlabels[-1] == "八月" and len(xlabels) == 12
    assert ylabels == ["节日庆祝", "慰问帮扶", "未分类"]
    from matplotlib import font_manager

    for text in [ax.get_xticklabels()[0], ax.get_yticklabels()[0], ax.title]:
        path = font_manager.findfont(text.get_fontproperties(), fallback_to_default=False)
        assert Path(path).resolve() == FONT_PATH
    out = save(fig, tmp_path / "h.png")
    assert out.read_bytes()[:4] == b"\x89PNG" and out.stat().st_size > 10_000


def test_bars_stack_and_fold_small_columns(tmp_path: Path) -> None:
    counts = pd.DataFrame({f"类{i}": [i] * 12 for i in range(10)}, index=pd.Index(range(1, 13), name="month"))
    fig = month_bars(counts, max_stacks=4)
    ax = fig.axes[0]
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels == ["类0", "类1", "类2", "其他"]
    heights = [p.get_height() for p in ax.patches]
    assert sum(heights) == sum(range(10)) * 12  # 其他 keeps what it folds
    save(fig, tmp_path / "b.svg")
    assert "<svg" in (tmp_path / "b.svg").read_text(encoding="utf-8")[:500]


# ---- what is drawn, and how it reads (issue 14) ---------------------------------------------------

ROOT = Path(__file__).resolve().parent.parent
CORPUS = sorted(str(p) for p in (ROOT / "corpus").glob("*.txt"))


def _display_width(line: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


def _many_columns() -> pd.DataFrame:
    counts = pd.DataFrame({f"词{i:02d}": [30 - i] * 12 for i in range(30)}, index=pd.Index(range(1, 13), name="month"))
    counts.columns.name = "keyword"
    return counts


def test_top_folds_the_rest_into_others_and_keeps_the_sum() -> None:
    table = pd.DataFrame(
        {"plan_id": ["a"] * 5, "month": [3, 3, 4, 5, 5], "categories": [["甲"], ["乙"], ["丙"], ["甲", "丁"], []],
         "keywords": [[], [], [], [], []]}
    )
    full = month_counts(table)
    top = month_counts(table, top=2)
    assert list(top.columns) == [*full.columns[:2], "其他"]
    assert top.to_numpy().sum() == full.to_numpy().sum()
    assert top.attrs["folded"] == len(full.columns) - 2
    assert list(month_counts(table, top=2, others=False).columns) == list(full.columns[:2])


def test_heatmap_title_says_what_is_drawn_and_scale_is_whole_numbers() -> None:
    table = pd.DataFrame(
        {"plan_id": ["a", "a", "b"], "month": [3, 9, 9], "categories": [["节日庆祝"], ["慰问帮扶"], []], "keywords": [[], [], []]}
    )
    fig = heatmap(month_counts(table))
    assert fig.axes[0].get_title() == "各月活动类别分布（活动数）"
    ticks = fig.axes[1].get_yticks()
    assert len(ticks) >= 2 and all(float(t).is_integer() for t in ticks)  # no 0.25 steps
    per_plan = heatmap(month_counts(table, per_plan=True))
    assert "每计划平均活动数" in per_plan.axes[0].get_title()


def test_bars_stack_by_the_grouping_and_fold_an_existing_others() -> None:
    counts = _many_columns()
    from planparse.analysis.months import OTHERS

    counts = counts.iloc[:, :10].assign(**{OTHERS: counts.iloc[:, 10:].sum(axis=1)})
    fig = month_bars(counts, max_stacks=4)
    ax = fig.axes[0]
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels == ["词00", "词01", "词02", "其他"]
    assert ax.get_legend().get_title().get_text() == "关键词"
    assert "按关键词堆叠" in ax.get_title()
    assert sum(p.get_height() for p in ax.patches) == counts.to_numpy().sum()
    assert all(float(t).is_integer() for t in ax.get_yticks())


def test_cli_months_keywords_default_to_a_readable_top(tmp_path: Path) -> None:
    from click.testing import CliRunner
    from PIL import Image

    from planparse.cli import cli

    out = tmp_path / "k.png"
    res = CliRunner().invoke(cli, ["months", *CORPUS, "--by", "keyword", "--plot", str(out), "--format", "csv"])
    assert res.exit_code == 0, res.output
    header = res.output.splitlines()[0].split(",")
    assert len(header) == 1 + 20 + 1 and header[-1] == "其他"  # month, the top 20, the rest
    width, height = Image.open(out).size
    assert height < 2500 and width < 2500
    res = CliRunner().invoke(cli, ["months", *CORPUS[:3], "--by", "keyword", "--top", "0", "--format", "csv"])
    assert "其他" not in res.output.splitlines()[0]  # 0 keeps every keyword


def test_cli_months_bars_stack_by_category(tmp_path: Path) -> None:
    from click.testing import CliRunner

    import planparse.analysis.plots as plots
    from planparse.cli import cli

    drawn: list = []
    real = plots.month_bars

    def spy(counts, **kw):
        fig = real(counts, **kw)
        drawn.append(fig)
        return fig

    plots.month_bars = spy
    try:
        res = CliRunner().invoke(cli, ["months", *CORPUS[:8], "--chart", "bars", "--plot", str(tmp_path / "b.png")])
    finally:
        plots.month_bars = real
    assert res.exit_code == 0, res.output
    ax = drawn[0].axes[0]
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert len(labels) > 1 and "活动数" not in labels  # stacks are categories, not one total
    assert "各月活动类别分布" in ax.get_title()


def test_cli_text_table_is_aligned_for_chinese() -> None:
    from click.testing import CliRunner

    from planparse.cli import cli

    res = CliRunner().invoke(cli, ["months", *CORPUS[:6]])
    assert res.exit_code == 0, res.output
    lines = [ln for ln in res.output.splitlines() if ln.strip()]
    rows = [ln for ln in lines if ln.startswith(("一月", "二月", "九月", "十二月"))]
    widths = {_display_width(ln) for ln in [lines[0], *rows]}
    assert len(rows) == 4 and len(widths) == 1, widths
