"""Traditional → simplified Chinese, one character for one character.

The map is data (planparse/data/charmap.toml, built by scripts/build_charmap.py from zhconv's table) so
that no conversion library is needed at run time. Only single characters map to single characters, so
applying it never changes a string's length and offsets into the original text stay valid.
"""

from __future__ import annotations

import functools
import tomllib
from typing import Any

from planparse.datafiles import data_path


@functools.cache
def _data() -> dict[str, Any]:
    with data_path("charmap.toml").open("rb") as fh:
        return tomllib.load(fh)


@functools.cache
def simplify_char_map() -> dict[str, str]:
    """Traditional character → its simplified form (e.g. 導 → 导, 後 → 后); characters not listed stay as they are."""
    return dict(_data()["t2s"])


@functools.cache
def traditional_char_map() -> dict[str, str]:
    """Simplified character → its traditional form, the map read backwards: only the charmap's common
    traditional characters (the inverse of t2s alone would pick rare variants such as 秊 for 年)."""
    common = frozenset(_data()["common_traditional"])
    return {s: t for t, s in simplify_char_map().items() if t in common and t != s}


@functools.cache
def _translation_table() -> dict[int, str]:
    return str.maketrans(simplify_char_map())


def simplify(text: str) -> str:
    """``text`` with every traditional character of the map replaced; same length as ``text``."""
    return text.translate(_translation_table())


@functools.cache
def common_cjk_chars() -> frozenset[str]:
    """The most frequent Chinese characters, simplified and traditional forms."""
    data = _data()
    return frozenset(data["common_simplified"]) | frozenset(data["common_traditional"])
