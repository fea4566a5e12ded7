"""Template grouping that scales: signatures, bucket linking, representatives, agreement with all pairs."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pytest

import planparse
from planparse.analysis.compare.templates import (
    Linker,
    buckets,
    find_templates,
    settings,
    shingle_hashes,
    signatures,
)

ROOT = Path(__file__).resolve().parent.parent
CORPUS = sorted((ROOT / "corpus").glob("*.txt"))


def edited(text: str, rate: float, rng: random.Random) -> str:
    """A school's copy of a 范文: a share of characters replaced, lengths kept (so spans stay valid)."""
    chars = list(text)
    for i in rng.sample(range(len(chars)), k=int(len(chars) * rate)):
        if not chars[i].isspace():
            chars[i] = chr(rng.randint(0x4E00, 0x9FA5))
    return "".join(chars)


@pytest.fixture(scope="module")
def corpus_docs():
    docs = [planparse.parse_file(p, tag=False) for p in CORPUS[:14]]
    return [d for d in docs if d.plans]


@pytest.fixture(scope="module")
def copies(corpus_docs):
    """Four edited copies of each corpus plan (1–8 % changed) and one rewritten beyond recognition (60 %)."""
    rng = random.Random(7)
    out = []
    for d in corpus_docs:
        for c in range(5):
            rate = 0.6 if c == 4 else rng.uniform(0.01, 0.08)
            out.append(d.model_copy(update={"text": edited(d.text, rate, rng), "source": f"copies/{Path(d.source).stem}_{c}.txt"}))
    return out


def test_signatures_are_datasketchs_minhash() -> None:
    from datasketch import MinHash

    sets = [shingle_hashes("坚持以人为本，全心全意依靠教职工办好学校"), shingle_hashes("abcdefgh"), shingle_hashes("")]
    ours = signatures(sets, 64)
    for row, hv in zip(ours, sets, strict=True):
        m = MinHash(num_perm=64, hashfunc=int)
        m.update_batch(hv)
        assert np.array_equal(row, m.hashvalues)
    assert ours.dtype == np.uint32 and ours.shape == (3, 64)


def test_buckets_are_runs_of_equal_keys() -> None:
    keys = np.array([5, 3, 5, 9, 3, 5], dtype=np.uint64)
    ids = np.array([10, 11, 12, 13, 14, 15])
    got = sorted(b.tolist() for b in buckets(keys, ids))
    assert got == [[10, 12, 15], [11, 14]]


def test_a_bucket_of_near_copies_costs_one_check_per_member() -> None:
    calls: list[tuple[int, int]] = []

    def verify(a: int, b: int) -> float:
        calls.append((a, b))
        return 0.9

    linker = Linker(200, 0.5, verify, lambda a, b: False, max_anchors=8)
    for _band in range(14):  # the same bucket met again in every band costs nothing more
        linker.bucket(range(200))
    assert len(calls) == 199
    assert {linker.uf.find(i) for i in range(200)} == {0} and all(linker.linked)


def test_a_bucket_of_chance_collisions_stays_linear() -> None:
    calls = 0

    def verify(a: int, b: int) -> float:
        nonlocal calls
        calls += 1
        return 0.1

    linker = Linker(500, 0.5, verify, lambda a, b: False, max_anchors=8)
    linker.bucket(range(500))
    assert calls <= 8 * 500 and not any(linker.linked)


def test_a_unit_joins_every_group_of_the_bucket_it_matches() -> None:
    # 0–1 and 2–3 are groups from earlier bands; 4 matches both, so all five are one group
    sim = {frozenset(p): 0.9 for p in [(0, 1), (2, 3), (0, 4), (2, 4)]}
    linker = Linker(5, 0.5, lambda a, b: sim.get(frozenset((a, b)), 0.0), lambda a, b: False, max_anchors=8)
    linker.bucket([0, 1])
    linker.bucket([2, 3])
    assert linker.uf.find(3) != linker.uf.find(1)
    linker.bucket([0, 2, 4])
    assert {linker.uf.find(i) for i in range(5)} == {0}


def _partition(df) -> set[frozenset]:
    keys = df.level + ":" + df.doc_id + ":" + df.plan_index.astype(str) + ":" + df.section_index.astype("string").fillna("-")
    return {frozenset(g) for _, g in keys.groupby(df.group)}


def test_bucket_linking_finds_the_groups_of_all_pairs(copies) -> None:
    fast = find_templates(copies, workers=1)
    old = find_templates(copies, workers=1, method="pairs")
    assert not fast.empty
    a, b = _partition(fast), _partition(old)
    assert len(a & b) >= 0.9 * len(b)  # identical groups, as sets of members
    plans = fast[fast.level == "plan"]
    # the 60 % rewrite is no copy; the four light edits of one plan are one group
    names = plans.source.map(lambda s: Path(s).stem)  # the copy's file name (the doc_id adds a hash of its text)
    assert not names.str.endswith("_4").any()
    by_origin = plans.groupby([names.str.rsplit("_", n=1).str[0], plans.plan_index]).group.nunique()
    assert (by_origin == 1).mean() >= 0.9


def test_members_are_measured_against_the_representative(corpus_docs) -> None:
    rng = random.Random(3)
    original = corpus_docs[0]
    docs = [original.model_copy(update={"source": "fanwen.txt"})]
    docs += [original.model_copy(update={"text": edited(original.text, 0.03, rng), "source": f"school{i}.txt"}) for i in range(6)]
    df = find_templates(docs, levels=("plan",), workers=1)
    assert df.group.nunique() == 1 and len(df) == 7
    rep = df[df.representative]
    assert list(rep.source) == ["fanwen.txt"]  # the 范文 is what the copies agree on
    others = df[~df.representative]
    # a 3 % edit keeps about 0.97^5 = 0.86 of the 5-shingles: its containment in the 范文
    assert others.shared.between(0.78, 0.94).all()
    assert (others.jaccard <= others.shared).all() and (abs(others.jaccard - others.est_jaccard) < 0.2).all()


def test_no_progress_bar_by_default(copies, capsys) -> None:
    find_templates(copies[:10], workers=1)
    assert capsys.readouterr().err == ""


def test_defaults_come_from_the_data_file() -> None:
    d = settings()["defaults"]
    assert 0 < d["threshold"] < 1 and d["shingle"] >= 2 and d["num_perm"] >= 16
