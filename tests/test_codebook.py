"""The shipped activity codebook: scored against hand-labelled entries, its data checked, variants and nesting.

corpus/codebook_sample.tsv holds schedule entries written for this project in the styles of 13
kinds of real plan (工会 of schools, hospitals and companies, 德育, 少先队, 团委, 班主任, 幼儿园,
教研组, 社区, 党建, 安全), each with the categories a person gives it by the codebook's descriptions.
"""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planparse.analysis.tagging import load_codebook, parse_codebook
from planparse.errors import CodebookError
from planparse.parse.charmap import simplify

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "corpus" / "codebook_sample.tsv"
MIN_PRECISION = 0.90


def _shared() -> Path | None:
    env = os.environ.get("PLANPARSE_SHARED")
    candidates = [Path(env)] if env else [ROOT.parent / "shared", ROOT.parent.parent / "shared"]
    return next((c for c in candidates if (c / "eval" / "dev" / "texts").is_dir()), None)


def sample() -> list[tuple[str, str, set[str]]]:
    with open(SAMPLE, encoding="utf-8", newline="") as fh:
        return [(r["plan_type"], r["entry"], set(r["categories"].split("|"))) for r in csv.DictReader(fh, delimiter="\t")]


def score(rows: list[tuple[str, str, set[str]]]) -> tuple[float, float]:
    """Micro precision and recall of the codebook's categories against the hand labels."""
    book = load_codebook()
    right = given = wanted = 0
    for _, entry, gold in rows:
        found = {hit.category for hit in book.classify(simplify(entry))}
        right += len(found & gold)
        given += len(found)
        wanted += len(gold)
    return right / given, right / wanted


def test_the_sample_is_large_varied_and_labelled_with_codebook_categories() -> None:
    rows = sample()
    names = set(load_codebook().names)
    assert len(rows) >= 150
    assert len({kind for kind, _, _ in rows}) >= 10
    assert len({entry for _, entry, _ in rows}) == len(rows)  # no entry counted twice
    unknown = {c for _, _, gold in rows for c in gold} - names
    assert not unknown
    # the sample reaches beyond the union categories the codebook started from
    used = {c for _, _, gold in rows for c in gold}
    assert {"主题教育", "安全教育", "心理健康", "家长工作", "卫生保健", "保教工作", "教研活动", "听课评课", "社区服务", "党建工作"} <= used


def test_codebook_precision_on_the_hand_labelled_sample() -> None:
    precision, recall = score(sample())
    assert precision >= MIN_PRECISION, f"precision {precision:.3f}, recall {recall:.3f}"
    assert recall >= 0.85, f"recall {recall:.3f}"


def test_precision_holds_per_domain_group() -> None:
    """No kind of plan is carried by the others: each plan type's entries score on their own too."""
    rows = sample()
    for kind in sorted({k for k, _, _ in rows}):
        precision, _ = score([r for r in rows if r[0] == kind])
        assert precision >= 0.8, f"{kind}: precision {precision:.3f}"


def test_every_category_is_documented_with_domain_and_evidence() -> None:
    book = load_codebook()
    assert len(book.categories) >= 30
    for cat in book.categories:
        assert cat.description and cat.domain and len(cat.evidence) >= 2, cat.name
        for example in cat.evidence:
            assert cat.name in {h.category for h in book.classify(example)}, (cat.name, example)
    domains = book.domains()
    assert {"通用", "工会", "德育", "幼儿园", "教研", "社区", "党建"} <= set(domains)
    assert "家长工作" in domains["幼儿园"] and "主题教育" in domains["德育"] and "听课评课" in domains["教研"]


def test_typo_cues_are_variants_not_cues() -> None:
    book = load_codebook()
    cues = {c for cat in book.categories for c in cat.cues}
    assert not {"送温和", "颂读", "颂唱"} & cues
    assert book.variants.table["送温和"] == "送温暖"
    hit = next(h for h in book.classify("开展春节送温和活动") if h.category == "慰问帮扶")
    assert hit.cues == ["送温暖"]
    assert "文体活动" in {h.category for h in book.classify("经典颂读比赛")}


def test_user_codebook_variants_and_errors(tmp_path: Path) -> None:
    book = parse_codebook('[variants]\n"兰球" = "篮球"\n\n["体育"]\ncues = ["篮球"]\n')
    assert [h.cues for h in book.classify("教工兰球赛")] == [["篮球"]]
    with pytest.raises(CodebookError, match=r"line 1: table \[variants\]"):
        parse_codebook('[variants]\n"兰球" = 3\n["体育"]\ncues = ["篮球"]\n')
    with pytest.raises(CodebookError, match="rewritten by"):
        parse_codebook('[variants]\n"兰球" = "篮球"\n["体育"]\ncues = ["兰球"]\n')
    with pytest.raises(CodebookError, match="'domain' must be a list of strings"):
        parse_codebook('["体育"]\ncues = ["篮球"]\ndomain = [1]\n')


def test_a_longer_cue_of_another_category_speaks_for_its_place() -> None:
    book = load_codebook()
    cats = {h.category for h in book.classify("语文组集体备课")}
    assert "教研活动" in cats and "教学常规" not in cats
    both = {h.category for h in book.classify("集体备课后检查教案的备课情况")}
    assert {"教研活动", "教学常规"} <= both  # 备课 also stands on its own there
    assert {h.category for h in book.classify("青年教师汇报课")} == {"听课评课"}


def test_latin_letters_match_in_any_case() -> None:
    book = load_codebook()
    assert "文体活动" in {h.category for h in book.classify("职工卡拉OK大赛")}


@pytest.mark.skipif(_shared() is None, reason="../shared/eval/dev is absent")
def test_dev_set_entries_uncategorised_at_most_ten_percent() -> None:
    shared = _shared()
    proc = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "codebook_coverage.py"), "--shared", str(shared)],
        capture_output=True, text=True, encoding="utf-8", check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    last = [ln for ln in proc.stdout.splitlines() if ln.startswith("all ")][0]
    share = float(last.rsplit("(", 1)[1].rstrip(")%").strip()) / 100
    assert share <= 0.10


# ---------------------------------------------------------------- the one-scan category filter

def _codebook_pieces() -> list[str]:
    book = load_codebook()
    cues = sorted({c for cat in book.categories for c in cat.cues})
    # cue words, their halves (overlaps between cues), and filler
    return cues[::3] + [c[: len(c) // 2] for c in cues[::7]] + [c[len(c) // 2 :] for c in cues[::5]] + ["的", "，", "组织"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_codebook_pieces()), min_size=1, max_size=6))
def test_the_category_filter_never_skips_a_category_that_hits(parts: list[str]) -> None:
    from unittest import mock

    from planparse.analysis.tagging.codebook import _CueIndex

    book = load_codebook()
    text = "".join(parts)
    got = book.classify(text)
    every = set(range(len(book.categories)))
    # every category, each searching the text for its own cues: what classify did before the filter
    with mock.patch.object(_CueIndex, "candidates", lambda self, folded: (every, None)):
        assert book.classify(text) == got
