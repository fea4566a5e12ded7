"""The readers' settings from planparse/data/readers.toml, loaded once."""

from __future__ import annotations

import functools
import tomllib
from typing import Any

from planparse.datafiles import DATA_DIR

DATA = DATA_DIR


@functools.cache
def config() -> dict[str, Any]:
    with (DATA / "readers.toml").open("rb") as fh:
        return tomllib.load(fh)


@functools.cache
def extension_formats() -> dict[str, str]:
    """Extension (".txt", "" for none) → format name ("text", "docx", "html")."""
    return {ext: fmt for fmt, exts in config()["extensions"].items() for ext in exts}


def supported_extensions_text() -> str:
    exts = [e for e in extension_formats() if e]
    return ", ".join(exts)


def magic_name(data: bytes) -> str | None:
    """What a known binary format is called, from its first bytes."""
    for entry in config()["magic"]:
        if data.startswith(bytes.fromhex(entry["hex"])):
            return str(entry["name"])
    return None
