"""The generalisation gate: the dev set's scores stay above the floors kept in tests/dev_floors.toml.

Runs only where the shared evaluation is present (CI has it); skips cleanly elsewhere.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"

pytestmark = pytest.mark.skipif(
    not (EVAL / "score.py").is_file() or not (EVAL / "dev").is_dir(), reason="no shared evaluation beside the project"
)


def test_dev_scores_stay_above_their_floors() -> None:
    out = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "score_by_type.py"), "--gate"],
        capture_output=True, text=True, timeout=600, cwd=ROOT,
    )
    assert out.returncode == 0, out.stdout[-2000:] + out.stderr[-2000:]
    assert "all" in out.stdout and "errors 0" in out.stdout
