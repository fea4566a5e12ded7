"""Fuzz test: generated plan-like texts and mutations of corpus/ through the parser and the readers.

On every result: no exception (bytes may be refused with an InputError, nothing else), and the
invariants of planparse.check: spans in range and nested (plan ⊇ section ⊇ item ⊇ child item,
entries inside their plan), every non-space character covered, the JSON round trip equal.

The default run is short and derandomised, so CI stays fast and stable (about 300 cases);
``PLANPARSE_FUZZ_EXAMPLES=5000 pytest tests/test_fuzz.py`` runs deeper, with fresh randomness.
``scripts/fuzz.py`` runs the same checks for minutes over any folder.
"""

from __future__ import annotations

import os
import random
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import planparse
from planparse.check import problems
from planparse.io.readers import clean_newlines
from planparse.mutations import as_input, mutate, plan_like
from planparse.pipeline import replace_lone_surrogates

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
CORPUS_TEXTS = [p.read_text(encoding="utf-8-sig") for p in sorted(CORPUS.glob("*.txt"))]

_DEEP = int(os.environ.get("PLANPARSE_FUZZ_EXAMPLES", "0"))
FUZZ = settings(
    max_examples=_DEEP or 100,
    deadline=None,  # one corpus plan takes tens of milliseconds, more on a busy machine
    derandomize=not _DEEP,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    database=None,
)


def check_text(text: str) -> None:
    doc = planparse.parse_text(text, source="fuzz", tag=False)
    assert doc.text == replace_lone_surrogates(clean_newlines(text))[0]
    assert problems(doc) == []


def test_corpus_is_there() -> None:
    assert len(CORPUS_TEXTS) >= 40


@FUZZ
@given(st.randoms(use_true_random=False))
def test_generated_plans(rng: random.Random) -> None:
    text = plan_like(rng)
    check_text(mutate(rng, text) if rng.random() < 0.5 else text)


@FUZZ
@given(st.sampled_from(CORPUS_TEXTS), st.randoms(use_true_random=False))
def test_mutated_corpus_plans(text: str, rng: random.Random) -> None:
    check_text(mutate(rng, text))


@FUZZ
@given(st.randoms(use_true_random=False))
def test_mutated_inputs_through_the_readers(rng: random.Random) -> None:
    text = mutate(rng, rng.choice(CORPUS_TEXTS) if rng.random() < 0.7 else plan_like(rng))
    data, name = as_input(rng, text)
    try:
        doc = planparse.parse_bytes(data, source=name, tag=False)
    except planparse.InputError as exc:
        assert exc.message and exc.path == name  # refused, with a reason naming the input
        return
    assert problems(doc) == []
