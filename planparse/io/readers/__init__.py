"""Readers: bytes on disk → the text planparse parses (Document.text).

- .txt / no extension / stdin: encoding detected (BOMs, UTF-8, GB18030 vs Big5, charset-normalizer);
  the text is the decoded input with a leading BOM dropped and newlines made \\n, nothing else changed.
- .docx: paragraphs and table rows in document order, Word's automatic numbering rebuilt ("一、" …);
  then the lines of the page headers and footers, which SourceText.furniture marks as such.
- .html/.htm: the visible text of the body, one line per block and per table row, an ordered list's
  items numbered as a browser shows them; the lines of links only (menus, sidebars) marked as furniture.

Anything that cannot be read (missing, empty, binary, too large, corrupt, encrypted, old .doc, unknown
extension, undecodable) raises an InputError / UnsupportedFormatError naming the file.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from planparse.errors import InputError, UnsupportedFormatError

DEFAULT_MAX_BYTES = 50 * 2**20
FORMATS = ("text", "docx", "html")
# "doc" is what an old-Word extension maps to: the content then decides between a mis-named .docx and a refusal
_FORMAT_ALIASES = {"txt": "text", "text": "text", "docx": "docx", "html": "html", "htm": "html", "doc": "doc"}


@dataclass
class SourceText:
    text: str
    encoding: str | None
    format: str
    source: str | None
    # spans of ``text`` the reader knows to be no plan's (a .docx's page headers and footers): their
    # lines are furniture whatever they say
    furniture: tuple[tuple[int, int], ...] = ()


def clean_newlines(text: str) -> str:
    """The contract's Document.text: a leading BOM dropped, \\r\\n and \\r turned into \\n."""
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _extension(name: str) -> str:
    suffix = Path(name).suffix.lower()
    # "<stdin>" and similar labels have no real extension
    return "" if not suffix or name.startswith("<") else suffix


def format_for_name(name: str) -> str | None:
    """The reader for a file name's extension; None when the content must be sniffed.

    Raises UnsupportedFormatError for an extension planparse does not read.
    """
    from planparse.io.readers._config import config, extension_formats, supported_extensions_text

    ext = _extension(name)
    formats = extension_formats()
    if ext in formats:
        return None if ext == "" else formats[ext]
    advice = config()["unsupported"].get(ext)
    if advice:
        if ext == ".doc":
            return "doc"  # often a .docx or an HTML page under the old name: the content decides
        raise UnsupportedFormatError(advice, name)
    raise UnsupportedFormatError(f"unsupported file type {ext!r}; planparse reads {supported_extensions_text()}", name)


def sniff_format(data: bytes) -> str:
    """docx, html or text, from the bytes alone."""
    from planparse.io.readers.docx_reader import OLE_MAGIC, is_docx_zip

    if data.startswith(OLE_MAGIC):
        return "doc"
    if data.startswith(b"PK\x03\x04"):
        return "docx" if is_docx_zip(data) else "zip"
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html")) or (head.startswith(b"<?xml") and b"<html" in head):
        return "html"
    return "text"


def _require_text(text: str, name: str) -> str:
    if not text.strip():
        raise InputError("no text in the file (it is empty or only whitespace)", name)
    return text


def read_bytes(data: bytes, *, name: str = "<stdin>", encoding: str | None = None, fmt: str | None = None) -> SourceText:
    """Decode ``data`` as ``fmt`` (text, docx, html), or the format its name or content shows."""
    from planparse.io.readers import text_reader

    if not data:
        raise InputError("empty file", name)
    if encoding is not None:
        encoding = text_reader.lookup_encoding(encoding, name)
    if fmt is not None:
        if fmt.lower() not in _FORMAT_ALIASES:
            raise UnsupportedFormatError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}", name)
        fmt = _FORMAT_ALIASES[fmt.lower()]
    else:
        fmt = format_for_name(name) or sniff_format(data)
    if fmt == "doc":
        from planparse.io.readers.docx_reader import check_ole

        # only an OLE compound file is an old Word document; under that name are also .docx files,
        # web pages saved "as Word" and plain text (GBK downloads): the content decides
        check_ole(data, name)
        fmt = sniff_format(data)
    if fmt == "zip":
        raise UnsupportedFormatError("a zip archive that is not a Word .docx", name)

    if fmt == "docx":
        from planparse.io.readers.docx_reader import read_docx

        body, pages = (clean_newlines(part) for part in read_docx(data, name))
        text = _require_text(f"{body}\n{pages}" if body and pages else body or pages, name)
        page_start = len(text) - len(pages)
        return SourceText(text, None, "docx", name, ((page_start, len(text)),) if pages else ())
    if fmt == "html":
        from planparse.io.readers.html_reader import html_page, meta_charset

        if encoding:
            markup, used = text_reader.decode_forced(data, encoding, name)
        else:
            declared = meta_charset(data) if text_reader.bom_encoding(data) is None else None
            markup = used = None
            if declared:
                try:
                    codec = text_reader.lookup_encoding(declared, name)
                    # GB2312/GBK pages routinely use characters beyond their charset: GB18030 is the superset
                    codec = "gb18030" if codec in ("gb2312", "gbk") else codec
                    markup, used = data.decode(codec), codec
                except (InputError, UnicodeDecodeError):
                    markup = None
            if markup is None:
                markup, used = text_reader.detect_and_decode(data, name)
        text, navigation = html_page(markup)
        # the lines of the site's navigation (menus, sidebar lists of links) are furniture
        return SourceText(_require_text(text, name), used, "html", name, navigation)

    if encoding:
        text, used = text_reader.decode_forced(data, encoding, name)
    else:
        text, used = text_reader.detect_and_decode(data, name)
    return SourceText(_require_text(clean_newlines(text), name), used, "text", name)


def read_path(path: str | Path, *, encoding: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> SourceText:
    """Read and decode one file, refusing what planparse cannot read before reading more than it must."""
    name = str(path)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise InputError("no such file", name) from None
    except NotADirectoryError:
        raise InputError("no such file (a parent is not a directory)", name) from None
    except PermissionError:
        raise InputError("permission denied", name) from None
    except OSError as exc:
        raise InputError(f"cannot access: {exc.strerror or exc}", name) from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError("is a directory, not a file", name)
    if not stat.S_ISREG(st.st_mode):
        # opening a FIFO blocks until a writer comes, a device may never end: refuse at once
        raise InputError(f"{_file_kind(st.st_mode)}, not a regular file: give a file, or '-' for standard input", name)
    fmt = format_for_name(name)
    if st.st_size > max_bytes:
        raise InputError(f"file is {st.st_size / 2**20:.1f} MB, above the {max_bytes / 2**20:g} MB limit (see --max-size)", name)
    if st.st_size == 0:
        raise InputError("empty file", name)
    try:
        # O_NONBLOCK: should the path have become a FIFO since stat, opening it must not wait for a writer
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(fd, "rb") as fh:
            if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
                raise InputError("not a regular file (it changed while being opened)", name)
            # bounded: a file that grows cannot make us read without end; it is read at its own
            # size (read(n) would set aside n bytes first)
            limit = max_bytes + 1
            data = fh.read(min(limit, st.st_size + 1))
            if len(data) > st.st_size:
                data += fh.read(limit - len(data))  # it grew since stat: still bounded
    except PermissionError:
        raise InputError("permission denied", name) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", name) from None
    check_size(data, max_bytes, name)
    return read_bytes(data, name=name, encoding=encoding, fmt=fmt)


def check_size(data: bytes, max_bytes: int, name: str) -> None:
    """Refuse input read up to ``max_bytes + 1`` bytes that went past the limit."""
    if len(data) > max_bytes:
        raise InputError(f"file is above the {max_bytes / 2**20:g} MB limit (see --max-size)", name)


def _file_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


__all__ = ["DEFAULT_MAX_BYTES", "SourceText", "clean_newlines", "format_for_name", "read_bytes", "read_path", "sniff_format"]
