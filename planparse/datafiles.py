"""Where the package's data files live: vocabularies, thresholds, codebook, IDF, fonts (planparse/data/)."""

from __future__ import annotations

from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"


def data_path(name: str) -> Path:
    """The path of a file shipped in planparse/data/ (``name`` may hold a subfolder: fonts/x.otf)."""
    return DATA_DIR / name
