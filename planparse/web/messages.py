"""What the page says when planparse refuses an input: the readers' English messages in Chinese.

The readers speak English for the command line; the page speaks Chinese. The translations are
data (planparse/data/web.toml, [messages]), matched on the English message, so a new reader
message only needs a line there; one that has none is still shown, after a Chinese lead-in.
"""

from __future__ import annotations

import functools
import tomllib
from typing import Any

import regex

from planparse.datafiles import data_path
from planparse.errors import PlanparseError


@functools.cache
def web_config() -> dict[str, Any]:
    with data_path("web.toml").open("rb") as fh:
        return tomllib.load(fh)


@functools.cache
def _patterns() -> list[tuple[regex.Pattern[str], str]]:
    return [(regex.compile(m["pattern"]), m["zh"]) for m in web_config()["messages"]["readers"]]


def zh_message(exc: PlanparseError) -> str:
    """The Chinese sentence for a refused input (without the file name: the page shows it beside)."""
    for pattern, zh in _patterns():
        m = pattern.search(exc.message)
        if m is not None:
            groups = [g or "" for g in m.groups()]
            return zh.format("", *groups)
    return str(web_config()["messages"]["fallback"]).format(exc.message)
