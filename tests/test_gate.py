"""GatedSearch must find exactly what ``pattern.search`` finds, for any pattern and text; AnchoredAny
must say whether ``pattern.match`` matches, as the whole alternation would."""

from __future__ import annotations

import re

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from planparse.parse.gate import (
    AnchoredAny,
    GatedSearch,
    anchored_at_start,
    first_chars,
    required_chars,
    required_words,
)
from planparse.parse.vocab import furniture, plan_vocab

ATOMS = ["上一篇", "下载", "[0-9]+", r"\d{2}", "[(（]篇", r"\s*", "[.…]*", "(?:范文|模板)", "的延伸", "$", "^", "a?",
         r"[^\s]", ".{0,3}", "(?<=。)", "(?<![0-9])", "(?=下)", "(?!a)", "(?i:ab)", "[A-Za-z]+", "共", r"\S+", "x*"]
ALPHABET = "上一篇下载0123456789(（范文模板的延伸。 .…abAB共x\n"


@st.composite
def patterns(draw: st.DrawFn) -> str:
    branches = draw(st.lists(st.lists(st.sampled_from(ATOMS), min_size=1, max_size=3), min_size=1, max_size=5))
    return "|".join("(?:" + "".join(b) + ")" for b in branches)


@settings(max_examples=400, deadline=None)
@given(patterns(), st.text(alphabet=ALPHABET, max_size=40), st.integers(0, 45), st.integers(0, 45))
def test_gated_search_finds_what_search_finds(pattern: str, text: str, pos: int, endpos: int) -> None:
    compiled = re.compile(pattern)
    expected = compiled.search(text, pos, endpos)
    got = GatedSearch(compiled).search(text, pos, endpos)
    assert (got is None) == (expected is None)
    if got is not None and expected is not None:
        assert got.span() == expected.span()


@settings(max_examples=400, deadline=None)
@given(patterns(), st.text(alphabet=ALPHABET, max_size=40))
def test_gated_finditer_finds_what_finditer_finds(pattern: str, text: str) -> None:
    compiled = re.compile(pattern)
    expected = [m.span() for m in compiled.finditer(text)]
    assume(all(a < b for a, b in expected))  # finditer is for patterns whose matches are never empty
    assert [m.span() for m in GatedSearch(compiled).finditer(text)] == expected


def test_gated_finditer_finds_the_inline_addresses_finditer_finds() -> None:
    text = "开展活动。www.abc-fanwen.com 三月：植树节。\n详见 http://m.xx.cn/a/1.html，以及 abc.net。\n"
    pattern = furniture().inline_url
    assert [m.span() for m in GatedSearch(pattern).finditer(text)] == [m.span() for m in pattern.finditer(text)]
    assert len(list(GatedSearch(pattern).finditer(text))) == 3


@settings(max_examples=400, deadline=None)
@given(st.lists(st.lists(st.sampled_from(ATOMS), min_size=1, max_size=3).map("".join), min_size=1, max_size=6),
       st.lists(st.text(alphabet=ALPHABET, max_size=20), min_size=1, max_size=5))
def test_anchored_any_matches_where_the_alternation_matches(branches: list[str], texts: list[str]) -> None:
    whole = re.compile("|".join(f"(?:{b})" for b in branches))
    anchored = AnchoredAny(branches)
    for text in texts:  # several texts: the per-character choice of branches is kept between them
        assert anchored.matches(text) == (whole.match(text) is not None)


def test_gates_are_made_where_first_characters_are_bounded() -> None:
    assert first_chars(re.compile("(?:上一篇)|(?:[0-9]+页)")).pattern == "[上0-9]"
    assert first_chars(re.compile("(?:.{0,3}范文网)")) is None  # any character may start it
    assert first_chars(re.compile("(?:a?)")) is None  # it matches the empty string
    assert first_chars(re.compile("(?i:ab)")) is None
    assert first_chars(re.compile("(?:(?<![一二])月份)|(?:每月)")).pattern == "[月每]"  # look-arounds are zero width
    assert required_chars(re.compile("(?:上一篇)|(?:共\\s*\\d+\\s*页$)")).pattern == "[篇页]"
    assert required_chars(re.compile("(?:a?b*)")) is None  # nothing a match must hold
    assert anchored_at_start(re.compile("(?:^篇一)|(?:^第一篇)"))
    assert not anchored_at_start(re.compile("(?:^篇一)|(?:第一篇)"))
    assert not anchored_at_start(re.compile("^篇一", re.MULTILINE))


def test_required_words_are_what_every_branch_holds_whole() -> None:
    words = required_words(re.compile("(?:上一篇[:：])|(?:(下面|以下)(是|为).{0,20}小编)|(?:仅供参考)"))
    assert words is not None and sorted(words.pattern.split("|")) == ["上一篇", "仅供参考", "小编"]
    # within a branch the longest word that a match cannot skip: 范文网, not 网 alone
    assert sorted(required_words(re.compile("(?:\\d+篇)|(?:.{0,3}范文网$)")).pattern.split("|")) == ["篇", "范文网"]
    assert required_words(re.compile("(?:上)|(?:[篇页])")) is None  # single characters: the class does as well
    assert required_words(re.compile("(?:a?b*)")) is None
    assert required_words(re.compile("(?i:上一篇)")) is None  # another case would miss it
    assert required_words(re.compile("上(?=一)一篇")).pattern == "上一篇"  # look-arounds are zero width
    gated = GatedSearch(re.compile("(?:上一篇[:：])|(?:仅供参考)"))
    assert gated.search("本文的一篇仅供参考") is not None and gated.search("上一篇文章的一个参考") is None


def test_the_furniture_and_separator_patterns_are_gated() -> None:
    # the speed-up they were written for: a floating furniture pattern that no longer gates
    # (a new pattern opening with . or \S) falls back to the slow search, and this says so
    assert furniture().floating.gate is not None
    assert plan_vocab().separator.anchored
    # and rejected by the words each of them needs, not by characters as common as 的 or 本
    assert required_words(furniture().floating.pattern) is not None
    assert required_words(plan_vocab().separator.pattern) is not None


def test_word_automaton_reports_every_occurrence_and_an_empty_one_finds_nothing() -> None:
    from planparse.parse.gate import word_automaton

    found = sorted(word_automaton({"工作": 1, "工作计划": 2, "计划": 3}).iter("学校工作计划"))
    assert found == [(3, 1), (5, 2), (5, 3)]  # (end index, value), overlapping ones too
    empty = word_automaton({})
    assert len(empty) == 0
