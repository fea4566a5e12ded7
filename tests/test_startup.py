"""Startup stays light: ``import planparse`` loads neither pydantic nor pandas nor jieba (timed by scripts/benchmark_startup.py)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("pydantic", "pandas", "pyarrow", "jieba", "openpyxl", "matplotlib", "sklearn", "dask")


def _loaded(code: str) -> list[str]:
    probe = f"{code}\nimport sys, json\nprint(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))"
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_import_planparse_loads_no_heavy_library():
    assert _loaded("import planparse") == []


def test_models_load_on_first_use():
    assert _loaded("import planparse\nassert planparse.Document.__name__ == 'Document'") == ["pydantic"]


def test_an_outline_needs_neither_pandas_nor_jieba():
    code = (
        "import sys\nfrom planparse.cli import main\n"
        f"sys.argv = ['planparse', 'parse', {str(ROOT / 'corpus' / '01_union_basic.txt')!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass"
    )
    assert _loaded(code) == ["pydantic"]
