"""Options shared by the subcommands that read plans, and the one way they load a file."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import Any

import click

from planparse.models import Document

DEFAULT_MAX_MB = 50


def input_options(func: Callable[..., Any]) -> Callable[..., Any]:
    @click.option("--encoding", default=None, help="Force the text encoding (e.g. gb18030) instead of detecting it.")
    @click.option("--max-size", "max_mb", type=float, default=DEFAULT_MAX_MB, show_default=True, help="Refuse files above this many MB.")
    @click.option("--no-tag", is_flag=True, help="Skip keyword and category tagging (faster).")
    @click.option("--codebook", type=click.Path(dir_okay=False), default=None, help="Your own activity codebook (TOML).")
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        return func(*args, **kwargs)

    return wrapper


def load_document(
    file: str,
    *,
    encoding: str | None = None,
    max_mb: float = DEFAULT_MAX_MB,
    no_tag: bool = False,
    codebook: str | None = None,
) -> Document:
    from planparse.pipeline import parse_bytes, parse_file

    max_bytes = int(max_mb * 2**20)
    if file == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        return parse_bytes(data, source="<stdin>", encoding=encoding, max_bytes=max_bytes, tag=not no_tag, codebook=codebook)
    return parse_file(file, encoding=encoding, max_bytes=max_bytes, tag=not no_tag, codebook=codebook)
