"""The pipeline: decode → normalise → classify lines → split plans → sections → items → schedule → tagging.

Each stage lives in its own module and hands its result to the next; data flows
one way. This module only wires them together.
"""

from __future__ import annotations

from pathlib import Path

from planparse.models import Document
from planparse.readers import SourceText, clean_newlines, read_bytes, read_path

DEFAULT_MAX_BYTES = 50 * 2**20


def parse_text(text: str, source: str | None = None, *, tag: bool = True, codebook: str | Path | None = None) -> Document:
    """Parse plan text (already decoded). ``Document.text`` is ``text`` with a BOM dropped and newlines made \\n."""
    return parse_source(SourceText(clean_newlines(text), None, "text", source), tag=tag, codebook=codebook)


def parse_file(
    path: str | Path,
    *,
    encoding: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    tag: bool = True,
    codebook: str | Path | None = None,
) -> Document:
    """Parse a .txt, .docx or .html file. Raises a PlanparseError subclass for input it cannot read."""
    return parse_source(read_path(path, encoding=encoding, max_bytes=max_bytes), tag=tag, codebook=codebook)


def parse_bytes(
    data: bytes,
    *,
    source: str = "<stdin>",
    encoding: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    tag: bool = True,
    codebook: str | Path | None = None,
) -> Document:
    """Parse raw bytes (standard input, an upload): the format and encoding are detected."""
    from planparse.errors import InputError

    if len(data) > max_bytes:
        raise InputError(f"larger than the {max_bytes / 2**20:g} MB limit", source)
    return parse_source(read_bytes(data, name=source, encoding=encoding), tag=tag, codebook=codebook)


def parse_source(src: SourceText, *, tag: bool = False, codebook: str | Path | None = None) -> Document:
    from planparse.structure import build_document

    doc = build_document(src.text, source=src.source, encoding=src.encoding, fmt=src.format)
    if tag:
        from planparse.tagging import tag_document

        tag_document(doc, codebook=codebook)
    return doc
