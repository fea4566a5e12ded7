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
