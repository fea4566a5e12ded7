"""Write and execute the notebooks of this folder (saved WITH their outputs).

    python notebooks/build_notebooks.py

The cells live here so the notebooks stay reviewable as code; the tests execute
the saved .ipynb files again (tests/test_notebooks.py).
"""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

HERE = Path(__file__).resolve().parent

SETUP = """\
%matplotlib inline
import os
from pathlib import Path

import pandas as pd
from IPython.display import display

import planparse

pd.set_option("display.width", 160)
pd.set_option("display.max_columns", 20)
pd.set_option("display.max_colwidth", 40)

# the notebook runs from notebooks/ or from the repository root
ROOT = Path.cwd() if (Path.cwd() / "corpus").is_dir() else Path.cwd().parent
SEEDS = ROOT.parent / "shared" / "seeds"  # real plans, when this checkout has them beside it
corpus_files = sorted((ROOT / "corpus").glob("*.txt")) + sorted((ROOT / "corpus" / "diff").glob("*.txt"))
seed_files = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
# relative paths keep the saved outputs free of this machine's folders
docs = [planparse.parse_file(os.path.relpath(p), tag=True) for p in corpus_files]
seed_docs = [planparse.parse_file(os.path.relpath(p), tag=True) for p in seed_files]
print(f"{len(docs)} corpus documents, {sum(len(d.plans) for d in docs)} plans; "
      f"{len(seed_docs)} seed documents, {sum(len(d.plans) for d in seed_docs)} plans")
"""

COMPARE = [
    new_markdown_cell(
        "# Comparing plans across schools\n\n"
        "Which plans resemble each other, which items they share, and which plans and sections are "
        "near-copies of the same 范文. Runs on `corpus/` and, when it is there, on `../shared/seeds`."
    ),
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
        "with cjk_style():\n"
        "    fig = Figure(figsize=(9, 8), layout='constrained')\n"
        "    ax = fig.add_subplot()\n"
        "    im = ax.imshow(m.to_numpy(), cmap='Blues', vmin=0, vmax=1)\n"
        "    ax.set_xticks(range(len(labels)), labels, rotation=90, fontsize=7)\n"
        "    ax.set_yticks(range(len(labels)), labels, fontsize=7)\n"
        "    fig.colorbar(im, ax=ax, label='余弦相似度')\n"
        "    ax.set_title('计划之间的相似度')\n"
        "display(fig)"
    ),
    new_markdown_cell("## What last year's and this year's union plans share"),
    new_code_cell(
        "by_name = {Path(d.source).stem: d for d in docs}\n"
        "shared = shared_items(by_name['union_2023'], by_name['union_2024'])\n"
        "print(len(shared), 'shared items;', (shared.similarity < 1).sum(), 'of them reworded')\n"
        "shared[shared.similarity < 1]"
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
        "templates = find_templates(docs + seed_docs, progress=False)\n"
        "cols = ['group', 'level', 'doc_id', 'plan_index', 'section_kind', 'title', 'jaccard', 'shared', 'item_share']\n"
        "templates[cols]"
    ),
    new_code_cell(
        "# how many plans of the corpus reuse a text found elsewhere in it\n"
        "plans = templates[templates.level == 'plan']\n"
        "plans.groupby('group').agg(plans=('doc_id', 'size'), mean_jaccard=('jaccard', 'mean'), "
        "titles=('title', lambda t: ' / '.join(sorted(set(map(str, t))))[:80]))"
    ),
    new_markdown_cell("## Last year's plan against this year's\n\n`planparse diff OLD NEW` in the terminal does the same."),
    new_code_cell(
        "from planparse.analysis.diff import diff, to_text\n\n"
        "print(to_text(diff(by_name['union_2023'], by_name['union_2024'])))"
    ),
]

MONTHS = [
    new_markdown_cell(
        "# Activities by month\n\n"
        "Schedule entries (月份安排) counted by month and activity category over the corpus, "
        "in school-year order (九月 … 八月), as totals and as the mean per plan."
    ),
    new_code_cell(SETUP),
    new_markdown_cell("## The schedule table: one row per entry and month"),
    new_code_cell(
        "from planparse.analysis.tables import schedule_table\n\n"
        "table = schedule_table(docs)\n"
        "print(len(table), 'rows,', table.plan_id.nunique(), 'plans with a schedule')\n"
        "table[['doc_id', 'month', 'months', 'activity', 'categories', 'keywords']].head(8)"
    ),
    new_markdown_cell("## Entries per month × category"),
    new_code_cell(
        "from planparse.analysis.months import month_counts, with_month_labels\n\n"
        "counts = month_counts(table, by='category', school_year=True)\n"
        "with_month_labels(counts)"
    ),
    new_code_cell(
        "from planparse.analysis.plots import heatmap, month_bars\n\n"
        "display(heatmap(counts, title='各月活动类别分布（语料库）'))"
    ),
    new_markdown_cell("## Mean entries per plan, by month"),
    new_code_cell(
        "per_plan = month_counts(table, by=None, school_year=True, per_plan=True)\n"
        "display(month_bars(per_plan, title='每个计划每月平均活动数', ylabel='每计划平均活动数'))\n"
        "with_month_labels(per_plan).round(2).T"
    ),
    new_markdown_cell("## The most frequent keywords, by month"),
    new_code_cell("with_month_labels(month_counts(table, by='keyword', top=10, school_year=True))"),
    new_markdown_cell("## The real plans in ../shared/seeds (when present)"),
    new_code_cell(
        "if seed_docs:\n"
        "    seed_counts = month_counts(seed_docs, by='category', school_year=True, top=12)\n"
        "    display(with_month_labels(seed_counts))\n"
        "    display(heatmap(seed_counts, title='各月活动类别分布（样本计划）'))\n"
        "else:\n"
        "    print('../shared/seeds is not here: skipped')"
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
    for name, cells in (("compare_plans.ipynb", COMPARE), ("activities_by_month.ipynb", MONTHS)):
        print(build(name, cells))


if __name__ == "__main__":
    main()
