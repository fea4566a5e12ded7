"""Tables printed for a terminal, aligned for Chinese.

A Chinese character takes two columns of a terminal; pandas counts it as one unless told
(``display.unicode.east_asian_width``), and then 节日庆祝 pushes every column after it out of line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd


def text_table(df: pd.DataFrame, *, index: bool = True, max_colwidth: int | None = None, width: int = 200) -> str:
    """``df.to_string()`` with wide (CJK) characters counted as two columns, so the columns line up."""
    import pandas as pd

    options: list[object] = ["display.unicode.east_asian_width", True, "display.max_columns", None, "display.width", width]
    if max_colwidth is not None:
        options += ["display.max_colwidth", max_colwidth]
    with pd.option_context(*options):
        return df.to_string(index=index)
