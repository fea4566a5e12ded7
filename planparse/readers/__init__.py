"""Readers: bytes on disk → the text planparse parses (Document.text).

Minimal placeholder: UTF-8 .txt only. Replaced by the full readers (docx, html,
encoding detection, bad-input refusal) of the inputs issue.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from planparse.errors import InputError


@dataclass
class SourceText:
    text: str
    encoding: str | None
    format: str
    source: str | None


def clean_newlines(text: str) -> str:
    """The contract's Document.text: a leading BOM dropped, \\r\\n and \\r turned into \\n."""
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_bytes(data: bytes, *, name: str = "<stdin>", encoding: str | None = None, fmt: str | None = None) -> SourceText:
    try:
        text = data.decode(encoding or "utf-8-sig")
    except (UnicodeDecodeError, LookupError) as exc:
        raise InputError(f"cannot decode: {exc}", name) from None
    return SourceText(clean_newlines(text), encoding or "utf-8", fmt or "text", name)


def read_path(path: str | Path, *, encoding: str | None = None, max_bytes: int = 50 * 2**20) -> SourceText:
    p = Path(path)
    if not p.is_file():
        raise InputError("no such file", str(path))
    return read_bytes(p.read_bytes(), name=str(path), encoding=encoding)
