"""The notebooks run top to bottom on a folder given as a parameter, and are saved with outputs.

The folder is a papermill-style parameter (the cell tagged "parameters" sets FOLDER, from
$PLANPARSE_FOLDER when set); the default is corpus/. They run here on corpus/ and, when it is
present, on the real plans of ../shared/eval/dev.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient
from nbformat.v4 import new_code_cell

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
NAMES = ["compare_plans.ipynb", "activities_by_month.ipynb"]


def _dev_texts() -> Path | None:
    env = os.environ.get("PLANPARSE_SHARED")
    shared = [Path(env)] if env else [ROOT.parent / "shared", ROOT.parent.parent / "shared"]
    return next((s / "eval" / "dev" / "texts" for s in shared if (s / "eval" / "dev" / "texts").is_dir()), None)


def _outputs(nb) -> list[dict]:
    return [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]


def _stream(nb) -> str:
    return "".join(o.get("text", "") for o in _outputs(nb) if o.output_type == "stream")


def _run(nb) -> None:
    # no timing here (a loaded CI machine would fail it): speed is the benchmark scripts' job
    NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOKS)}}).execute()
    assert not [o for o in _outputs(nb) if o.output_type == "error"]
    assert [o for o in _outputs(nb) if "image/png" in o.get("data", {})]


@pytest.mark.parametrize("name", NAMES)
def test_saved_with_outputs(name: str) -> None:
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    outs = _outputs(nb)
    assert not [o for o in outs if o.output_type == "error"]
    assert any("image/png" in o.get("data", {}) for o in outs), "no plot saved"
    assert any("text/html" in o.get("data", {}) for o in outs), "no table saved"
    assert all(c.get("execution_count") for c in nb.cells if c.cell_type == "code")
    assert "corpus: " in _stream(nb)  # saved on corpus/, not on a folder of the machine that built them


@pytest.mark.parametrize("name", NAMES)
def test_the_folder_is_a_tagged_parameter(name: str) -> None:
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    tagged = [c for c in nb.cells if "parameters" in c.get("metadata", {}).get("tags", [])]
    assert len(tagged) == 1 and "FOLDER" in tagged[0].source and "PLANPARSE_FOLDER" in tagged[0].source
    assert "corpus" not in tagged[0].source.split("FOLDER =")[1]  # the default is decided after it, not hard-set


@pytest.mark.parametrize("name", NAMES)
def test_notebook_executes_on_corpus(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PLANPARSE_FOLDER", raising=False)
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    _run(nb)
    text = _stream(nb)
    n_files = len([p for p in (ROOT / "corpus").rglob("*") if p.suffix in {".txt", ".docx", ".html"}])
    assert f"corpus: {n_files} documents" in text
    if name == "compare_plans.ipynb":
        assert "summary: item added 1, item changed 2, item removed 1, schedule added 1, schedule moved 2" in text
    else:
        assert "plans with a schedule" in text and "entries uncategorised" in text


@pytest.mark.skipif(_dev_texts() is None, reason="../shared/eval/dev is absent")
@pytest.mark.parametrize("name", NAMES)
def test_notebook_executes_on_the_dev_set(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _dev_texts()
    assert texts is not None
    monkeypatch.setenv("PLANPARSE_FOLDER", str(texts))
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    _run(nb)
    text = _stream(nb)
    assert f"texts: {len(list(texts.glob('*.txt')))} documents" in text
    if name == "activities_by_month.ipynb":
        share = float(text.split("entries uncategorised (")[1].split("%")[0])
        assert share <= 10.0


def test_a_papermill_style_parameter_cell_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """papermill puts the run's values in a cell right after the tagged one; the notebook follows it."""
    monkeypatch.delenv("PLANPARSE_FOLDER", raising=False)
    folder = tmp_path / "my_plans"
    folder.mkdir()
    for name in ("01_union_basic.txt", "12_kindergarten_school_year.txt"):
        shutil.copy(ROOT / "corpus" / name, folder / name)
    nb = nbformat.read(NOTEBOOKS / "activities_by_month.ipynb", as_version=4)
    at = next(i for i, c in enumerate(nb.cells) if "parameters" in c.get("metadata", {}).get("tags", []))
    nb.cells.insert(at + 1, new_code_cell(f"FOLDER = {str(folder)!r}", metadata={"tags": ["injected-parameters"]}))
    _run(nb)
    assert "my_plans: 2 documents" in _stream(nb)
