"""A per-user cache of data planparse derives from its own files (the tagging dictionaries, the IDF table).

Reading jieba's 6 MB IDF text and building the prefix dictionary with planparse's words cost
seconds per process; the same data as one ``marshal`` file loads in a fraction of that. The cache
is built on first use (nothing is downloaded: every input is a file that ships with planparse or
jieba) into ``$PLANPARSE_CACHE_DIR``, else ``$XDG_CACHE_HOME/planparse``, else
``~/.cache/planparse``. A cache file's name holds a digest of what it was built from (the source
files' paths, sizes and modification times, the versions of planparse and Python), so a changed
input builds a new one; a cache that cannot be read or written is rebuilt in memory, never an error.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

CACHE_ENV = "PLANPARSE_CACHE_DIR"


def cache_dir() -> Path:
    """Where planparse keeps its derived data."""
    explicit = os.environ.get(CACHE_ENV)
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg else Path.home() / ".cache"
    return base / "planparse"


def _digest(name: str, sources: Sequence[str], extra: Sequence[str]) -> str:
    from planparse import __version__

    h = hashlib.sha1(f"{name}\0{__version__}\0{sys.version}\0{marshal.version}".encode())
    for src in sources:
        st = os.stat(src)
        h.update(f"\0{os.path.abspath(src)}\0{st.st_size}\0{st.st_mtime_ns}".encode())
    for item in extra:
        h.update(f"\0{item}".encode())
    return h.hexdigest()[:16]


def cached(name: str, sources: Sequence[str], build: Callable[[], Any], *, extra: Sequence[str] = ()) -> Any:
    """``build()``'s value (marshal-able: dicts, lists, str, numbers), from the cache when it is there.

    ``sources``: the files the value is derived from; ``extra``: other strings it depends on.
    """
    try:
        path = cache_dir() / f"{name}-{_digest(name, sources, extra)}.marshal"
    except OSError:  # a source is missing: let build() say what is wrong
        return build()
    try:
        with open(path, "rb") as fh:
            return marshal.load(fh)
    except (OSError, EOFError, ValueError, TypeError):
        pass  # not built yet, or truncated by a crash: build it again
    value = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # written under a temporary name and renamed, so that a concurrent reader (another
        # worker process) sees the whole file or none
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{name}-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                marshal.dump(value, fh)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        pass  # a read-only home: the value still serves this process
    return value
