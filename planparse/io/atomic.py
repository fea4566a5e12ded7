"""Write a file whole or not at all: into a temporary name beside it, renamed over it when complete.

A writer that fails halfway (a character Excel cannot hold, a full disk, an interrupt) then leaves
the previous file, or none, never a broken one; and a folder that does not exist or cannot be
written is one OutputError naming the file, not a traceback.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterator
from pathlib import Path

from planparse.errors import OutputError


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike[str]) -> Iterator[Path]:
    """A temporary path in ``path``'s folder to write to; renamed onto ``path`` when the block ends.

    The temporary name keeps ``path``'s extension at the end (``.x.xlsx.1a2b3c4d.tmp.xlsx``) so that
    writers that pick the format by the name still do. On any failure it is removed and the
    exception goes on (an OSError becomes an OutputError).
    """
    final = Path(path)
    # the writer creates the file itself: it gets the usual permissions, not mkstemp's 0600
    tmp = final.with_name(f".{final.name}.{secrets.token_hex(4)}.tmp{final.suffix}")
    try:
        yield tmp
        os.replace(tmp, final)
    except OSError as exc:
        _remove(tmp)
        raise OutputError(f"cannot write: {exc.strerror or exc}", str(final)) from None
    except BaseException:
        _remove(tmp)
        raise


def _remove(tmp: Path) -> None:
    with contextlib.suppress(OSError):
        tmp.unlink()
