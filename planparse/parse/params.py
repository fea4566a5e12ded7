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

    def __init__(self, name: str, values: dict[str, Any]) -> None:
        # plain attributes: the stages read parameters on every line, and a dict look-up behind
        # __getattr__ costs several times an attribute's
        self.__dict__.update({k: ParamTable(f"{name}.{k}", v) if isinstance(v, dict) else v for k, v in values.items()})
        self.__dict__["_name"] = name

    def __getattr__(self, key: str) -> Any:  # only reached for a name params.toml lacks
        raise AttributeError(f"params.toml has no parameter {self.__dict__['_name']}.{key}")

    def __repr__(self) -> str:
        return f"ParamTable({self._name!r}, {sorted(k for k in self.__dict__ if k != '_name')})"


@cache
def params() -> Any:
    with data_path("params.toml").open("rb") as fh:
        return ParamTable("params", tomllib.load(fh))
