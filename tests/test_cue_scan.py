"""The word-cue scan must pick what the plain longest-first scan picks, on any heading."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from planparse.parse import features
from planparse.parse.params import params
from planparse.parse.vocab import section_cues


def _reference(head: str) -> tuple[str, str, bool] | None:
    """Every size from the longest down, every position from the right: the first hit wins."""
    index, exceptions, longest = features._cue_index()
    excluded = {kind for phrase, kind in exceptions if phrase in head}
    n = len(head)
    for size in range(min(longest, n), 1, -1):
        for i in range(n - size, -1, -1):
            hit = index.get(head[i : i + size])
            if hit is not None and hit[0] not in excluded:
                return hit[0], head[i : i + size], hit[1]
    return None


def _pieces() -> list[str]:
    index, exceptions, _ = features._cue_index()
    return sorted(index) + [phrase for phrase, _ in exceptions] + ["的", "和", "加强", "一、", "（", "：", "年"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_pieces()), min_size=1, max_size=5))
def test_word_cue_scan_agrees_with_the_longest_first_scan(parts: list[str]) -> None:
    head = "".join(parts)
    expected = _reference(head)
    got = features._find_word_cue(head)
    if expected is None or (len(expected[1]) <= 2 and len(head) > params().heading.short_cue_heading_chars):
        assert got[0] is None
    else:
        assert got[:3] == expected


def _any_cue_reference(text: str) -> bool:
    words = [re.escape(w) for w in features._cue_index()[0]]
    words += [kc.patterns.pattern.pattern for kc in section_cues() if kc.patterns is not None]
    return re.search("|".join(words), text) is not None


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*_pieces(), "每月活动", "月份工作", "及", "与"]), min_size=1, max_size=5))
def test_has_cue_agrees_with_one_search_over_every_cue(parts: list[str]) -> None:
    text = "".join(parts)
    assert features._has_cue(text) == _any_cue_reference(text)
