"""The rewrites that keep a plan's meaning keep the parse of every corpus file (scripts/metamorphic.py).

Each rewrite of ``KEPT`` (planparse/mutations.py ``REWRITES``: month labels in every form, one
numbering family for another, full-width and half-width forms, indentation, blank lines added
after every paragraph or all removed, site furniture, traditional characters) is run over corpus/
with each file's expected file carried through it, and every file it changes must still meet its
expected plans, sections, items and schedule. The rewrites left out break some files still (see
``python scripts/metamorphic.py``): 1、/1. into （1） in a file whose noise marks (a stray 2、, a
lost digit) read otherwise then.
"""

from __future__ import annotations

import pytest

from planparse.mutations import REWRITES
from scripts.metamorphic import baseline_failures, corpus_files, run

KEPT = [
    "month-cn", "month-arabic", "month-cn_fen", "month-arabic_fen", "month-bracket", "month-dash",
    "marker-1、-to-1.", "marker-1、-to-1．", "marker-1.-to-1、", "marker-（1）-to-1、", "marker-（1）-to-1.",
    "marker-一、-to-一.", "marker-一.-to-一、",
    "width-half", "width-full", "indent", "blank-lines-added", "blank-lines-removed", "furniture", "traditional",
]  # fmt: skip
PATHS = corpus_files()


def test_the_kept_rewrites_are_rewrites() -> None:
    assert set(KEPT) <= set(REWRITES)


@pytest.fixture(scope="module")
def failing_before() -> frozenset[str]:
    # tests/test_corpus.py reports these (or its KNOWN_GAPS name them): no rewrite can keep them
    return frozenset(baseline_failures(PATHS))


@pytest.mark.parametrize("name", KEPT)
def test_rewrite_keeps_every_corpus_parse(name: str, failing_before: frozenset[str]) -> None:
    (result,) = run([name], PATHS, failing_before)
    assert result.changed, f"{name} changes no corpus file"
    broken = {f: sorted(b) for f, b in result.broken.items()}
    assert not broken, f"{name} breaks {len(broken)} of {len(result.changed)} files: " + "; ".join(
        f"{f} ({', '.join(b)}): " + result.broken[f][b[0]][0][:400] for f, b in broken.items()
    )
