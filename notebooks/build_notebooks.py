"""Write and execute the notebooks of this folder (saved WITH their outputs).

    python notebooks/build_notebooks.py

The cells live here so the notebooks stay reviewable as code; the tests execute
the saved .ipynb files again (tests/test_notebooks.py).
"""

from __future__ import annotations

import os
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

HERE = Path(__file__).resolve().parent

# papermill-style: the cell tagged "parameters" holds what a run may change
# (papermill -p FOLDER /my/plans, or PLANPARSE_FOLDER=/my/plans jupyter nbconvert --execute)
PARAMETERS = """\
# The folder of plans to read (.txt, .docx, .html; subfolders too). None: the project's corpus/.
# Set it here, pass it with papermill (-p FOLDER /path/to/plans) or set PLANPARSE_FOLDER.
import os

FOLDER = os.environ.get("PLANPARSE_FOLDER") or None
"""

SETUP = """\
%matplotlib inline
from pathlib import Path

import pandas as pd
from IPython.display import display

import planparse

pd.set_option("display.width", 160)
pd.set_option("display.max_columns", 20)
pd.set_option("display.max_colwidth", 40)
pd.set_option("display.unicode.east_asian_width", True)

# the notebook runs from notebooks/ or from the repository root
ROOT = Path.cwd() if (Path.cwd() / "corpus").is_dir() else Path.cwd().parent
folder = Path(FOLDER).expanduser() if FOLDER else ROOT / "corpus"
if not folder.is_dir():
    raise SystemExit(f"FOLDER {folder} is not a folder")
files = sorted(p for p in folder.rglob("*") if p.suffix.lower() in {".txt", ".docx", ".html", ".htm"})
# paths relative to here keep the saved outputs free of this machine's folders
names = [os.path.relpath(p) for p in files]
docs, failed = [], []
for _, result in planparse.parse_files(names, jobs=1):
    (failed if isinstance(result, planparse.PlanparseError) else docs).append(result)
print(f"{folder.name}: {len(docs)} documents, {sum(len(d.plans) for d in docs)} plans"
      + (f"; {len(failed)} could not be read: " + "; ".join(map(str, failed)) if failed else ""))
"""

COMPARE = [
    new_markdown_cell(
        "# Comparing plans across schools\n\n"
        "Which plans resemble each other, which items they share, and which plans and sections are "
        "near-copies of the same 范文. Runs on the folder named in the parameters cell (default: `corpus/`)."
    ),
    new_code_cell(PARAMETERS, metadata={"tags": ["parameters"]}),
    new_code_cell(SETUP),
    new_markdown_cell(
        "## Most similar pairs of plans\n\n"
        "`compare` turns each plan into a TF-IDF vector of character 2–3-grams (punctuation, spacing and "
        "full-width forms folded away) and ranks every pair by cosine similarity; `shared_items` counts the "
        "items the two have in common."
    ),
    new_code_cell(
        "from planparse.analysis.compare import compare, find_templates, shared_items, similarity_matrix\n\n"
        "pairs = compare(docs)\n"
        "pairs.head(10)"
    ),
    new_markdown_cell("## The similarity matrix"),
    new_code_cell(
        "from matplotlib.figure import Figure\n\n"
        "from planparse.analysis.plots import cjk_style\n\n"
        "m = similarity_matrix(docs)\n"
        "labels = [s.split(':')[0][:18] for s in m.index]\n"
        "show = len(labels) <= 60  # beyond that the names cannot be read\n"
        "with cjk_style():\n"
        "    fig = Figure(figsize=(9, 8), layout='constrained')\n"
        "    ax = fig.add_subplot()\n"
        "    im = ax.imshow(m.to_numpy(), cmap='Blues', vmin=0, vmax=1)\n"
        "    if show:\n"
        "        ax.set_xticks(range(len(labels)), labels, rotation=90, fontsize=7)\n"
        "        ax.set_yticks(range(len(labels)), labels, fontsize=7)\n"
        "    fig.colorbar(im, ax=ax, label='余弦相似度')\n"
        "    ax.set_title('计划之间的相似度')\n"
        "display(fig)"
    ),
    new_markdown_cell(
        "## What the two most alike plans share\n\n"
        "In `corpus/` these are last year's and this year's plan of one union (`corpus/diff`)."
    ),
    new_code_cell(
        "from planparse.analysis.compare import doc_ids\n\n"
        "by_id = dict(zip(doc_ids(docs), docs, strict=True))\n"
        "pair = pairs.iloc[0] if len(pairs) else None\n"
        "if pair is not None:\n"
        "    a = (by_id[pair.a_doc_id], int(pair.a_plan_index))\n"
        "    b = (by_id[pair.b_doc_id], int(pair.b_plan_index))\n"
        "    if b[0].plans[b[1]].year and a[0].plans[a[1]].year and b[0].plans[b[1]].year < a[0].plans[a[1]].year:\n"
        "        a, b = b, a  # the earlier year first\n"
        "    old, new = a[0], b[0]\n"
        "    print(pair.a_title, '|', pair.b_title, '| similarity', pair.similarity)\n"
        "    shared = shared_items(a, b)\n"
        "    print(len(shared), 'shared items;', (shared.similarity < 1).sum(), 'of them reworded')\n"
        "    display(shared[shared.similarity < 1].head(20))\n"
        "else:\n"
        "    print('fewer than two plans: nothing to compare')"
    ),
    new_markdown_cell(
        "## Section by section\n\nThe same, one row per pair of sections of the same kind in different plans."
    ),
    new_code_cell("compare(docs, level='section', items=False).head(10)"),
    new_markdown_cell(
        "## Template reuse\n\n"
        "`find_templates` groups near-copies with MinHash LSH on 5-character shingles (no all-pairs "
        "comparison), then checks each candidate pair's Jaccard exactly. `shared` is the share of a "
        "plan's shingles found in the rest of its group, `item_share` the share of its items that recur word for word."
    ),
    new_code_cell(
        "templates = find_templates(docs)\n"
        "cols = ['group', 'level', 'doc_id', 'plan_index', 'section_kind', 'title', 'jaccard', 'shared', 'item_share']\n"
        "templates[cols]"
    ),
    new_code_cell(
        "# how many plans of the corpus reuse a text found elsewhere in it\n"
        "plans = templates[templates.level == 'plan']\n"
        "plans.groupby('group').agg(plans=('doc_id', 'size'), mean_jaccard=('jaccard', 'mean'), "
        "titles=('title', lambda t: ' / '.join(sorted(set(map(str, t))))[:80]))"
    ),
    new_markdown_cell("## The earlier plan of that pair against the later one\n\n`planparse diff OLD NEW` in the terminal does the same."),
    new_code_cell(
        "from planparse.analysis.diff import diff, to_text\n\n"
        "if pair is not None:\n"
        "    print(to_text(diff(old, new)))"
    ),
]

MONTHS = [
    new_markdown_cell(
        "# Activities by month\n\n"
        "Schedule entries (月份安排) counted by month and activity category over a folder of plans "
        "(the parameters cell; default `corpus/`), in school-year order (九月 … 八月), as totals and "
        "as the mean per plan."
    ),
    new_code_cell(PARAMETERS, metadata={"tags": ["parameters"]}),
    new_code_cell(SETUP),
    new_markdown_cell("## The schedule table: one row per entry and month"),
    new_code_cell(
        "from planparse.analysis.tables import schedule_table\n\n"
        "table = schedule_table(docs)\n"
        "print(len(table), 'rows,', table.plan_id.nunique(), 'plans with a schedule')\n"
        "table[['doc_id', 'month', 'months', 'activity', 'categories', 'keywords']].head(8)"
    ),
    new_markdown_cell("## Entries per month × category\n\nThe 20 largest categories; the rest are summed as 其他."),
    new_code_cell(
        "from planparse.analysis.months import month_counts, with_month_labels\n\n"
        "counts = month_counts(table, by='category', school_year=True, top=20)\n"
        "with_month_labels(counts)"
    ),
    new_code_cell(
        "from planparse.analysis.plots import heatmap, month_bars\n\n"
        "display(heatmap(counts))  # the title says what is drawn"
    ),
    new_code_cell("display(month_bars(counts))  # stacked by category"),
    new_markdown_cell("## Mean entries per plan, by month"),
    new_code_cell(
        "per_plan = month_counts(table, by=None, school_year=True, per_plan=True)\n"
        "display(month_bars(per_plan, title='每个计划每月平均活动数', ylabel='每计划平均活动数'))\n"
        "with_month_labels(per_plan).round(2).T"
    ),
    new_markdown_cell("## The most frequent keywords, by month"),
    new_code_cell("with_month_labels(month_counts(table, by='keyword', top=10, school_year=True))"),
    new_markdown_cell("## Entries without a category\n\nWhat the codebook does not cover in this folder (at most 15 shown)."),
    new_code_cell(
        "entries = table.drop_duplicates(['plan_id', 'entry_index'])\n"
        "bare = entries[entries.categories.map(len) == 0]\n"
        "print(f'{len(bare)} of {len(entries)} entries uncategorised ({len(bare) / max(len(entries), 1):.1%})')\n"
        "bare[['doc_id', 'months', 'activity']].head(15)"
    ),
]


def build(name: str, cells: list, execute: bool = True) -> Path:
    nb = new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.metadata["language_info"] = {"name": "python"}
    if execute:
        NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(HERE)}}).execute()
    path = HERE / name
    nbformat.write(nb, path)
    return path


def main() -> None:
    # the saved outputs are corpus/'s: a PLANPARSE_FOLDER of this shell must not leak into them
    os.environ.pop("PLANPARSE_FOLDER", None)
    for name, cells in (("compare_plans.ipynb", COMPARE), ("activities_by_month.ipynb", MONTHS)):
        print(build(name, cells))


if __name__ == "__main__":
    main()
