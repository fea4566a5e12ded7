"""The parser's thresholds, read once from planparse/data/params.toml.

    >>> params().heading.max_chars
    16

A decision module never writes a tuning number itself: it names the parameter here, so a
researcher can see and change every threshold in one documented file.
"""

from __future__ import annotations

import tomllib
from functools import cache
from typing import Any

from planparse.datafiles import data_path


class ParamTable:
    """One table of params.toml; its keys read as attributes, nested tables as ParamTables."""

    __slots__ = ("_name", "_values")

    def __init__(self, name: str, values: dict[str, Any]) -> None:
        self._name = name
        self._values = {k: ParamTable(f"{name}.{k}", v) if isinstance(v, dict) else v for k, v in values.items()}

    def __getattr__(self, key: str) -> Any:
        try:
            return self._values[key]
        except KeyError:
            raise AttributeError(f"params.toml has no parameter {self._name}.{key}") from None

    def __repr__(self) -> str:
        return f"ParamTable({self._name!r}, {sorted(self._values)})"


@cache
def params() -> Any:
    with data_path("params.toml").open("rb") as fh:
        return ParamTable("params", tomllib.load(fh))
