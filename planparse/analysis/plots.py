"""Plots of activities by month: a month × category heatmap and activities-per-month bars.

matplotlib draws with the Agg backend (no display needed) on Figure objects, not
pyplot, so nothing global changes for the caller. Chinese labels use the subset of
Noto Sans CJK SC shipped in planparse/data/fonts (see scripts/build_cjk_font.py):
a machine without any CJK font still draws 九月 and 节日庆祝, not boxes.
"""

from __future__ import annotations

from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from planparse.datafiles import data_path

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure

FONT_PATH = data_path("fonts/PlanparseSansSC.otf")
FONT_FAMILY = "Planparse Sans SC"
OTHERS = "其他"


@cache
def register_cjk_font() -> str:
    """Add the shipped CJK font to matplotlib's font manager (once); returns its family name."""
    from matplotlib import font_manager

    font_manager.fontManager.addfont(str(FONT_PATH))
    return font_manager.FontProperties(fname=str(FONT_PATH)).get_name()


def has_glyphs(text: str, path: Path = FONT_PATH) -> bool:
    """Whether the font at ``path`` has a glyph for every non-space character of ``text``."""
    from matplotlib.ft2font import FT2Font

    font = FT2Font(str(path))
    return all(font.get_char_index(ord(c)) != 0 for c in text if not c.isspace())


@contextmanager
def cjk_style():
    """rcParams for the figures made inside: the CJK font first, DejaVu Sans for what it lacks."""
    import matplotlib as mpl

    family = register_cjk_font()
    # concrete family names, not the "sans-serif" alias: a Text keeps its family, and the alias would be
    # looked up again at draw time (in a notebook, outside this context) and miss the CJK font
    with mpl.rc_context({"font.family": [family, "DejaVu Sans"], "axes.unicode_minus": False}):
        yield


def _month_labels(index: pd.Index) -> list[str]:
    from planparse.analysis.months import MONTH_ZH

    return [MONTH_ZH.get(int(m), str(m)) if str(m).isdigit() else str(m) for m in index]


def heatmap(counts: pd.DataFrame, *, title: str | None = None, annotate: bool = True, cmap: str = "YlOrRd") -> Figure:
    """Months across, categories (or keywords) down, a cell's colour = entries (or mean entries per plan)."""
    import numpy as np
    from matplotlib.figure import Figure

    data = counts.T  # categories as rows
    with cjk_style():
        height = max(3.0, 0.42 * len(data.index) + 1.6)
        fig = Figure(figsize=(10, height), layout="constrained")
        ax = fig.add_subplot()
        values = data.to_numpy(dtype=float) if data.size else np.zeros((1, len(counts.index)))
        im = ax.imshow(values, aspect="auto", cmap=cmap, vmin=0)
        ax.set_xticks(range(len(counts.index)), _month_labels(counts.index))
        ax.set_yticks(range(len(data.index)), [str(c) for c in data.index])
        ax.set_xlabel("月份")
        ax.set_ylabel({"category": "活动类别", "keyword": "关键词"}.get(str(counts.columns.name), ""))
        is_int = np.allclose(values, np.round(values))
        if annotate and values.size <= 400:
            top = values.max() if values.size else 0
            for (r, c), v in np.ndenumerate(values):
                if v:
                    label = f"{int(v)}" if is_int else f"{v:.2f}"
                    ax.text(c, r, label, ha="center", va="center", fontsize=8, color="white" if v > 0.6 * top else "black")
        fig.colorbar(im, ax=ax, label="每计划平均活动数" if not is_int else "活动数")
        ax.set_title(title or "各月活动类别分布")
    return fig


def month_bars(
    counts: pd.DataFrame, *, title: str | None = None, max_stacks: int = 8, ylabel: str | None = None
) -> Figure:
    """Activities per month as bars; with several columns, stacked by the largest ``max_stacks`` (the rest as 其他).

    Note that an entry with two categories is counted in both stacks.
    """
    import numpy as np
    from matplotlib.figure import Figure

    data = counts.copy()
    if len(data.columns) > max_stacks:
        keep = list(data.columns[: max_stacks - 1])
        data[OTHERS] = data.drop(columns=keep).sum(axis=1)
        data = data[[*keep, OTHERS]]
    with cjk_style():
        fig = Figure(figsize=(10, 4.8), layout="constrained")
        ax = fig.add_subplot()
        x = np.arange(len(data.index))
        bottom = np.zeros(len(data.index))
        for col in data.columns:
            vals = data[col].to_numpy(dtype=float)
            ax.bar(x, vals, bottom=bottom, label=str(col), width=0.75)
            bottom += vals
        ax.set_xticks(x, _month_labels(data.index))
        ax.set_xlabel("月份")
        ax.set_ylabel(ylabel or "活动数")
        if len(data.columns) > 1:
            ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
        ax.set_title(title or "每月活动数")
        ax.grid(axis="y", alpha=0.3)
        ax.set_axisbelow(True)
    return fig


def save(fig: Figure, path: str | Path, *, dpi: int = 150) -> Path:
    """Write ``fig`` (PNG, SVG or PDF by the extension) with the Agg-based canvas."""
    from planparse.io.atomic import atomic_path

    path = Path(path)
    with cjk_style(), atomic_path(path) as tmp:
        # the format from the final name: the temporary one ends in the same extension, but say it
        fig.savefig(tmp, dpi=dpi, format=path.suffix.lstrip(".").lower() or None)
    return path
