"""The notebooks run top to bottom (on corpus/, and on ../shared/seeds when present) and are saved with outputs."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
NAMES = ["compare_plans.ipynb", "activities_by_month.ipynb"]


def _outputs(nb) -> list[dict]:
    return [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]


@pytest.mark.parametrize("name", NAMES)
def test_saved_with_outputs(name: str) -> None:
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    outs = _outputs(nb)
    assert not [o for o in outs if o.output_type == "error"]
    assert any("image/png" in o.get("data", {}) for o in outs), "no plot saved"
    assert any("text/html" in o.get("data", {}) for o in outs), "no table saved"
    assert all(c.get("execution_count") for c in nb.cells if c.cell_type == "code")


@pytest.mark.parametrize("name", NAMES)
def test_notebook_executes(name: str) -> None:
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    # no timing here (a loaded CI machine would fail it): speed is the benchmark scripts' job
    NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOKS)}}).execute()
    outs = _outputs(nb)
    assert not [o for o in outs if o.output_type == "error"]
    pngs = [o for o in outs if "image/png" in o.get("data", {})]
    assert pngs
    text = "".join(o.get("text", "") for o in outs if o.output_type == "stream")
    if name == "compare_plans.ipynb":
        assert "summary: item added 1, item changed 2, item removed 1, schedule added 1, schedule moved 2" in text
    else:
        assert "plans with a schedule" in text
