"""The pipeline: decode → normalise → classify lines → split plans → sections → items → schedule → tagging.

Each stage lives in its own module and hands its result to the next; data flows
one way. This module only wires them together.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from planparse.errors import PlanparseError
from planparse.io.readers import SourceText, clean_newlines, read_bytes, read_path
from planparse.models import Document

if TYPE_CHECKING:
    from planparse.parse.explain import Explanation

DEFAULT_MAX_BYTES = 50 * 2**20
# A str may hold lone surrogates (from surrogateescape, UTF-7, a careless caller); no encoding can
# write them, so JSON and every export would fail: each becomes U+FFFD, one for one, offsets kept.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def replace_lone_surrogates(text: str) -> tuple[str, int]:
    """``text`` with every lone surrogate replaced by U+FFFD, and how many there were."""
    return _LONE_SURROGATE.subn("\ufffd", text)


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
    progress: bool | None = False,
) -> Document:
    """Parse a .txt, .docx or .html file. Raises a PlanparseError subclass for input it cannot read.

    ``progress``: a bar on stderr through reading, the parser's stages and tagging; None shows it
    when stderr is a terminal and the file is long (params.toml [progress]).
    """
    if progress is None:
        progress = _long_file(path)
    if not progress:
        return parse_source(read_path(path, encoding=encoding, max_bytes=max_bytes), tag=tag, codebook=codebook)
    from tqdm import tqdm

    from planparse.parse.structure import STAGES

    # reading, the parser's stages, building the models, tagging: the bar names the one running
    steps = ["read", *(name for name, _ in STAGES), "build", *(["tagging"] if tag else [])]
    with tqdm(total=len(steps), desc=Path(path).name, unit="step", file=sys.stderr, leave=False, mininterval=0,
              postfix=steps[0]) as bar:
        def step(name: str) -> None:
            done = steps.index(name) + 1 if name in steps else bar.n + 1
            bar.set_postfix_str(steps[done] if done < len(steps) else "", refresh=False)
            bar.update(done - bar.n)

        src = read_path(path, encoding=encoding, max_bytes=max_bytes)
        step("read")
        return parse_source(src, tag=tag, codebook=codebook, on_step=step)


def _long_file(path: str | Path) -> bool:
    """Whether a single file is long enough to show its progress, on a terminal."""
    from planparse.parse.params import params

    try:
        return sys.stderr.isatty() and os.path.getsize(path) >= params().progress.single_file_min_bytes
    except OSError:
        return False  # reading it will say what is wrong


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


def parse_source(
    src: SourceText,
    *,
    tag: bool = False,
    codebook: str | Path | None = None,
    on_step: Callable[[str], None] | None = None,
) -> Document:
    """Parse decoded text. ``on_step(name)`` is called after each stage, and after tagging."""
    from planparse.parse.structure import build

    text, replaced = replace_lone_surrogates(src.text)
    doc = build(text, source=src.source, encoding=src.encoding, fmt=src.format, on_stage=on_step, furniture=src.furniture)
    if replaced:
        doc.warnings.append(f"{replaced} lone surrogate code point(s) (not text: no encoding can write them) replaced by U+FFFD")
    if tag:
        from planparse.analysis.tagging import tag_document
        from planparse.errors import CodebookError

        try:
            tag_document(doc, codebook=codebook)
        except CodebookError:
            raise  # the user's codebook is wrong: say so
        except Exception as exc:  # a tagging bug must not cost the user the structure
            doc.warnings.append(f"keyword and category tagging failed: {type(exc).__name__}: {exc}")
        if on_step is not None:
            on_step("tagging")
    return doc


def explain_text(text: str, source: str | None = None) -> Explanation:
    """Parse ``text`` and say why: the rule and features behind every plan, section and entry."""
    return explain_source(SourceText(clean_newlines(text), None, "text", source))


def explain_file(path: str | Path, *, encoding: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Explanation:
    """:func:`explain_text` for a file (.txt, .docx, .html)."""
    return explain_source(read_path(path, encoding=encoding, max_bytes=max_bytes))


def explain_source(src: SourceText) -> Explanation:
    from planparse.parse.build import build_document
    from planparse.parse.explain import explain
    from planparse.parse.structure import parse_structure

    pdoc = parse_structure(replace_lone_surrogates(src.text)[0], furniture=src.furniture)
    return explain(pdoc, build_document(pdoc, source=src.source, encoding=src.encoding, fmt=src.format))


def parse_files(
    paths: Iterable[str | Path],
    *,
    jobs: int | None = None,
    progress: bool = False,
    then: Callable[[Document], Any] | None = None,
    **options: Any,
) -> Iterator[tuple[str, Any]]:
    """Parse many files, in parallel processes when there are enough of them to pay for it.

    Yields ``(path, Document)`` or ``(path, PlanparseError)`` in the order given, so that one bad
    file never stops a corpus. ``jobs``: worker processes (None: one per core for 16 files or
    more, else 1). ``progress``: a progress bar on stderr, drawn only when stderr is a terminal.
    ``options`` go to :func:`parse_file` (encoding, max_bytes, tag, codebook).
    ``then``: a function (importable, so that it pickles) applied to each Document in the
    worker; its value is yielded instead of the Document (the export sends table rows back,
    a fraction of a Document's pickle). At most a few files per worker are in flight, so a
    corpus of any size streams through in flat memory.
    """
    names = [str(p) for p in paths]
    if jobs is None:
        jobs = (os.cpu_count() or 1) if len(names) >= _PARALLEL_FROM else 1
    jobs = max(1, min(jobs, len(names) or 1))
    bar = None
    # a bar only for a person watching a terminal: a script's or notebook's stderr stays clean
    if progress and sys.stderr.isatty():
        from tqdm import tqdm

        bar = tqdm(total=len(names), desc="parsing", unit="file", file=sys.stderr, disable=len(names) < 2)
    try:
        if jobs == 1:
            # one file alone: its own steps show its progress (a long file takes many seconds)
            one = {**options, "progress": None} if progress and len(names) == 1 else options
            for name in names:
                yield name, _as_result(name, _parse_one(name, one, then)[1])
                if bar is not None:
                    bar.update()
            return
        from collections import deque
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=jobs) as pool:
            pending: deque[tuple[str, Any]] = deque()
            queue = iter(names)
            for name in queue:
                pending.append((name, pool.submit(_parse_one, name, options, then)))
                if len(pending) >= jobs * _IN_FLIGHT_PER_WORKER:
                    break
            while pending:
                name, future = pending.popleft()
                result = future.result()[1]
                nxt = next(queue, None)
                if nxt is not None:
                    pending.append((nxt, pool.submit(_parse_one, nxt, options, then)))
                yield name, _as_result(name, result)
                if bar is not None:
                    bar.update()
    finally:
        if bar is not None:
            bar.close()


_PARALLEL_FROM = 16
# files submitted ahead per worker: enough to keep every worker busy while the results are
# taken in order, few enough that finished results never pile up in memory
_IN_FLIGHT_PER_WORKER = 4


def _parse_one(
    name: str, options: dict[str, Any], then: Callable[[Document], Any] | None = None
) -> tuple[str, Any]:
    """One file in a worker: the Document (or ``then(doc)``), or the error as (kind, message) so that it pickles."""
    try:
        doc = parse_file(name, **options)
        return name, (doc if then is None else _Done(then(doc)))
    except PlanparseError as exc:
        return name, (type(exc).__name__, exc.message)
    except Exception as exc:  # a parser bug on one file must not lose the others
        return name, ("InternalError", f"internal error: {type(exc).__name__}: {exc}")


class _Done:
    """A worker's value from ``then``, told apart from an error's (kind, message) pair."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value


def _as_result(name: str, result: Any) -> Any:
    if isinstance(result, Document):
        return result
    if isinstance(result, _Done):
        return result.value
    from planparse import errors

    kind, message = result
    cls = getattr(errors, kind, errors.PlanparseError)
    return cls(message, name) if isinstance(cls, type) and issubclass(cls, errors.PlanparseError) else errors.PlanparseError(message, name)
