"""Options shared by the subcommands that read plans, and the one way they load a file."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

import click

from planparse.errors import PlanparseError

if TYPE_CHECKING:
    from planparse.models import Document
    from planparse.parse.explain import Explanation

DEFAULT_MAX_MB = 50


def input_options(func: Callable[..., Any]) -> Callable[..., Any]:
    @click.option("--encoding", default=None, help="Force the text encoding (e.g. gb18030) instead of detecting it.")
    @click.option("--max-size", "max_mb", type=float, default=DEFAULT_MAX_MB, show_default=True, help="Refuse files above this many MB.")
    @click.option("--no-tag", is_flag=True, help="Skip keyword and category tagging (faster).")
    @click.option("--codebook", type=click.Path(dir_okay=False), default=None, help="Your own activity codebook (TOML).")
    @click.option(
        "--segmenter",
        type=click.Choice(["jieba", "rjieba"]),
        default=None,
        help="Word segmenter for keywords: jieba (default) or rjieba (faster; pip install 'planparse[fast]').",
    )
    @functools.wraps(func)
    def wrapper(*args: Any, segmenter: str | None = None, **kwargs: Any) -> Any:
        if segmenter:
            # through the environment, so that worker processes use it too
            os.environ["PLANPARSE_SEGMENTER"] = segmenter
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
    return parse_file(file, encoding=encoding, max_bytes=max_bytes, tag=not no_tag, codebook=codebook, progress=None)


def load_explanation(file: str, *, encoding: str | None = None, max_mb: float = DEFAULT_MAX_MB) -> Explanation:
    """The parse of ``file`` with the rule and features behind each plan, section and entry."""
    from planparse.errors import InputError
    from planparse.io.readers import read_bytes
    from planparse.pipeline import explain_file, explain_source

    max_bytes = int(max_mb * 2**20)
    if file == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise InputError(f"larger than the {max_mb:g} MB limit", "<stdin>")
        return explain_source(read_bytes(data, name="<stdin>", encoding=encoding))
    return explain_file(file, encoding=encoding, max_bytes=max_bytes)


def jobs_option(func: Callable[..., Any]) -> Callable[..., Any]:
    """``--jobs N`` for the commands that read many files."""
    return click.option(
        "-j",
        "--jobs",
        type=click.IntRange(min=1),
        default=None,
        help="Worker processes (default: one per core for 16 files or more).",
    )(func)


def load_documents(
    files: tuple[str, ...] | list[str],
    *,
    jobs: int | None = None,
    progress: bool = False,
    encoding: str | None = None,
    max_mb: float = DEFAULT_MAX_MB,
    no_tag: bool = False,
    codebook: str | None = None,
    then: Callable[[Document], Any] | None = None,
) -> Iterator[tuple[str, Any]]:
    """Each file's Document (or ``then(doc)``), or its error, in order; standard input ("-") read in this process."""
    from planparse.pipeline import parse_files

    opts = {"encoding": encoding, "max_bytes": int(max_mb * 2**20), "tag": not no_tag, "codebook": codebook}
    on_disk = [f for f in files if f != "-"]
    parsed = parse_files(on_disk, jobs=jobs, progress=progress, then=then, **opts)
    for f in files:
        if f == "-":
            try:
                doc = load_document(f, encoding=encoding, max_mb=max_mb, no_tag=no_tag, codebook=codebook)
                yield f, (doc if then is None else then(doc))
            except PlanparseError as exc:
                yield f, exc
        else:
            yield next(parsed)


def read_all(files: tuple[str, ...] | list[str], *, jobs: int | None = None, **opts: Any) -> list[Document]:
    """The Documents of ``files``; a file that fails is named on stderr and left out.

    When no file could be read at all the command exits 2 at once; otherwise it runs on what
    it has and exits 1 at the end.
    """
    docs: list[Document] = []
    errors: list[PlanparseError] = []
    for _file, result in load_documents(files, jobs=jobs, progress=sys.stderr.isatty(), **opts):
        if isinstance(result, PlanparseError):
            errors.append(result)
            click.echo(f"planparse: {result}", err=True)
        else:
            docs.append(result)
    if errors and not docs:
        sys.exit(2)  # each failure has had its line already
    if errors:
        click.get_current_context().call_on_close(lambda: sys.exit(1))
    return docs

