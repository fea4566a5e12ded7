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

from planparse.analysis.months import OTHERS
from planparse.datafiles import data_path

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure

FONT_PATH = data_path("fonts/PlanparseSansSC.otf")
FONT_FAMILY = "Planparse Sans SC"


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


def _value_label(counts: pd.DataFrame, is_int: bool) -> str:
    return "每计划平均活动数" if counts.attrs.get("per_plan") or not is_int else "活动数"


def heatmap(counts: pd.DataFrame, *, title: str | None = None, annotate: bool = True, cmap: str = "YlOrRd") -> Figure:
    """Months across, categories (or keywords) down, a cell's colour = entries (or mean entries per plan).

    The default title says what is drawn (from ``counts.attrs``, see months.describe); counts of
    entries get a colour bar with whole-number ticks only.
    """
    import numpy as np
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    from planparse.analysis.months import describe, plot_settings

    data = counts.T  # categories as rows
    with cjk_style():
        height = max(3.0, 0.42 * len(data.index) + 1.6)
        fig = Figure(figsize=(10, height), layout="constrained")
        ax = fig.add_subplot()
        values = data.to_numpy(dtype=float) if data.size else np.zeros((1, len(counts.index)))
        # 其他 sums many columns and would take the whole colour scale: the scale is the others' and
        # 其他's cells show the top colour (its numbers are written in the cells)
        own = [i for i, name in enumerate(data.index) if name != OTHERS]
        vmax = values[own].max() if own and len(own) < len(data.index) and values[own].size else None
        im = ax.imshow(values, aspect="auto", cmap=cmap, vmin=0, vmax=vmax or None)
        ax.set_xticks(range(len(counts.index)), _month_labels(counts.index))
        ax.set_yticks(range(len(data.index)), [str(c) for c in data.index])
        ax.set_xlabel("月份")
        ax.set_ylabel({"category": "活动类别", "keyword": "关键词"}.get(str(counts.columns.name), ""))
        is_int = bool(np.allclose(values, np.round(values))) and not counts.attrs.get("per_plan")
        if annotate and values.size <= plot_settings()["max_annotated_cells"]:
            top = values.max() if values.size else 0
            for (r, c), v in np.ndenumerate(values):
                if v:
                    label = f"{int(v)}" if is_int else f"{v:.2f}"
                    ax.text(c, r, label, ha="center", va="center", fontsize=8, color="white" if v > 0.6 * top else "black")
        # a count is a whole number: no 0.25 steps on its scale
        bar = fig.colorbar(im, ax=ax, label=_value_label(counts, is_int), extend="max" if vmax else "neither",
                           ticks=MaxNLocator(integer=True) if is_int else None)
        if is_int and values.size and values.max() < 1:
            bar.set_ticks([0])
        ax.set_title(title or describe(counts))
    return fig


def month_bars(
    counts: pd.DataFrame, *, title: str | None = None, max_stacks: int | None = None, ylabel: str | None = None
) -> Figure:
    """Activities per month as bars, stacked by the table's columns (category or keyword, as counted).

    The largest ``max_stacks`` columns keep their own colour (default: planparse/data/plots.toml); the
    rest, and a 其他 column the table already has, are one stack 其他. An entry with two categories
    is counted in both stacks, so a stacked bar can be taller than the month's number of entries.
    """
    import numpy as np
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    from planparse.analysis.months import describe, plot_settings

    stacks = max_stacks or plot_settings()["max_stacks"]
    data = counts.copy()
    own = [c for c in data.columns if c != OTHERS]
    if len(data.columns) > stacks:
        keep = own[: stacks - 1]
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
        is_int = bool(np.allclose(bottom, np.round(bottom))) and not counts.attrs.get("per_plan")
        ax.set_ylabel(ylabel or _value_label(counts, is_int))
        if is_int:
            ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        if len(data.columns) > 1:
            name = {"category": "活动类别", "keyword": "关键词"}.get(str(counts.columns.name))
            ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False, title=name)
        default = describe(counts)
        if len(data.columns) > 1:
            default += "，按" + {"category": "活动类别", "keyword": "关键词"}.get(str(counts.columns.name), "列") + "堆叠"
        ax.set_title(title or default)
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
