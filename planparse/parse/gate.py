"""``pattern.search`` made fast for the long alternations of the vocabularies (GatedSearch).

``re`` searches a pattern such as ``(?:上一篇…)|(?:…范文网$)|…`` by trying every branch at every
position of the line (some 12 µs for a short line with the 40 floating furniture patterns); only a
pattern that opens with a literal or one character class gets a fast scan in C. GatedSearch reads,
off ``re``'s own parse of the pattern, three facts that give the same result faster:

- anchored: every branch opens with ``^``, so a match can only start at 0: ``match`` there;
- required words or characters: every match holds one of a few words (上一篇|仅供参考|…) or
  characters (篇 for 上一篇|下一篇), so a text with none of them is rejected by one search;
- first characters: the positions whose character can start some branch, found with one class
  search; the whole pattern is tried only there, which finds the same first match.

Look-arounds, being zero width, are passed over. Where a fact cannot be bounded (a branch may start
with ``.``, ``\\S`` or a negated class, or match the empty string), it is not used, and without any
the plain search runs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

try:  # re's own parser (private): without it, or if it changes, there is no gate and no harm
    from re import _constants as sre  # type: ignore[attr-defined]
    from re import _parser as sre_parse  # type: ignore[attr-defined]

    _CATEGORIES = {
        sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_NOT_DIGIT: r"\D",
        sre.CATEGORY_SPACE: r"\s", sre.CATEGORY_NOT_SPACE: r"\S",
        sre.CATEGORY_WORD: r"\w", sre.CATEGORY_NOT_WORD: r"\W",
    }
except (ImportError, AttributeError):  # pragma: no cover
    sre = sre_parse = None
    _CATEGORIES = {}
_CATEGORY_ITEMS = frozenset(_CATEGORIES.values())


class _Unbounded(Exception):
    """The pattern can start with any character, or match nothing: no gate."""


def _class_item(op: Any, av: Any) -> str:
    if op is sre.LITERAL:
        return re.escape(chr(av))
    if op is sre.RANGE:
        return f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}"
    if op is sre.CATEGORY and av in _CATEGORIES:
        return _CATEGORIES[av]
    raise _Unbounded


def _first(items: Any, out: list[str]) -> bool:
    """Add to ``out`` what the sequence ``items`` can start with; True if it can match nothing."""
    for op, av in items:
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            continue  # ^, $, \b and look-arounds: zero width, the next item starts the match
        if op is sre.LITERAL:
            out.append(_class_item(op, av))
            return False
        if op is sre.IN:
            if any(o is sre.NEGATE for o, _ in av):
                raise _Unbounded
            out.extend(_class_item(o, a) for o, a in av)
            return False
        if op is sre.SUBPATTERN:
            if av[1] & re.IGNORECASE:  # (?i:…): the class would miss the other case
                raise _Unbounded
            if not _first(av[-1], out):
                return False
            continue
        if op is sre.BRANCH:
            if not any([_first(alt, out) for alt in av[1]]):  # every branch adds its characters
                return False
            continue
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", None)):
            low, _high, body = av
            if not _first(body, out) and low > 0:
                return False
            continue
        raise _Unbounded  # ANY, look-arounds, back-references, …
    return True


def _rank(chars: list[str]) -> tuple[bool, int]:
    """How weak a requirement is: ranges and categories (\\d, 0-9) first, then the number of characters."""
    broad = any(c in _CATEGORY_ITEMS or (len(c) > 1 and not (len(c) == 2 and c[0] == "\\")) for c in chars)
    return broad, len(chars)


def _required(items: Any) -> list[str] | None:
    """Characters one of which every match of the sequence holds, or None when none can be named.

    Of the items a match cannot skip, the narrowest is taken (a single character before a class,
    plain characters before ranges and categories), the last of equals: in a Chinese pattern
    (上一篇, 的延伸阅读) the later characters of a word are the rarer ones.
    """
    best: list[str] | None = None
    for op, av in items:
        cand: list[str] | None = None
        if op is sre.LITERAL:
            cand = [_class_item(op, av)]
        elif op is sre.IN and not any(o is sre.NEGATE for o, _ in av):
            try:
                cand = [_class_item(o, a) for o, a in av]
            except _Unbounded:
                cand = None
        elif op is sre.SUBPATTERN and not av[1] & re.IGNORECASE:
            cand = _required(av[-1])
        elif op is sre.BRANCH:
            alts = [_required(alt) for alt in av[1]]
            cand = None if any(a is None for a in alts) else [c for a in alts for c in a if a is not None]
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", None)) and av[0] > 0:
            cand = _required(av[2])
        if cand is not None and (best is None or _rank(cand) <= _rank(best)):
            best = cand
    return best


def required_chars(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """A character class one of whose characters every match of ``pattern`` holds, or None."""
    if sre_parse is None or pattern.flags & re.IGNORECASE:
        return None
    try:
        chars = _required(sre_parse.parse(pattern.pattern, pattern.flags))
    except (_Unbounded, re.error, TypeError, ValueError, AttributeError):
        return None
    return None if not chars else re.compile("[" + "".join(dict.fromkeys(chars)) + "]")


def required_words(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """An alternation of words one of which every match of ``pattern`` holds whole, or None.

    Sharper than :func:`required_chars` where the pattern's branches are words (上一篇|…|仅供参考):
    a line holding 的 or 一 holds one of their characters, seldom one of the words. None where the
    words are all single characters (the character class does as well there).
    """
    if sre_parse is None or pattern.flags & re.IGNORECASE:
        return None
    try:
        words = _required_words(sre_parse.parse(pattern.pattern, pattern.flags))
    except (re.error, TypeError, ValueError, AttributeError):
        return None
    if not words or max(map(len, words)) < 2:
        return None
    return re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))


def _required_words(items: Any) -> list[str] | None:
    """Words one of which every match of the sequence holds, or None when none can be named: a run of
    literal characters, or what a group, a branch in each alternative, or a repeat at least once
    requires; of the items a match cannot skip, the one whose shortest word is longest."""
    best: list[str] | None = None

    def consider(cand: list[str] | None) -> None:
        nonlocal best
        if cand and (best is None or (min(map(len, cand)), -len(cand)) >= (min(map(len, best)), -len(best))):
            best = cand

    run: list[str] = []
    for op, av in items:
        if op is sre.LITERAL:
            run.append(chr(av))
            continue
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            continue  # zero width: the characters on either side stand next to each other in the match
        if run:
            consider(["".join(run)])
            run = []
        if op is sre.SUBPATTERN and not av[1] & re.IGNORECASE:
            consider(_required_words(av[-1]))
        elif op is sre.BRANCH:
            alts = [_required_words(alt) for alt in av[1]]
            if all(a is not None for a in alts):
                consider(sorted({w for a in alts if a is not None for w in a}))
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", None)) and av[0] > 0:
            consider(_required_words(av[2]))
    if run:
        consider(["".join(run)])
    return best


def _anchored(items: Any) -> bool:
    """Whether the sequence can only match at the start of the text (^ first in every branch)."""
    for op, av in items:
        if op is sre.AT:
            return av in (sre.AT_BEGINNING, sre.AT_BEGINNING_STRING)
        if op is sre.SUBPATTERN:
            return _anchored(av[-1])
        if op is sre.BRANCH:
            return all(_anchored(alt) for alt in av[1])
        return False
    return False


def anchored_at_start(pattern: re.Pattern[str]) -> bool:
    """Whether ``pattern.search`` can only find a match at position 0 (so ``match`` finds it faster)."""
    if sre_parse is None or pattern.flags & re.MULTILINE:
        return False
    try:
        return _anchored(sre_parse.parse(pattern.pattern, pattern.flags))
    except (re.error, TypeError, ValueError, AttributeError):
        return False


def first_chars(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """A character class matching every character a match of ``pattern`` can start with, or None."""
    items = _first_items(pattern.pattern, pattern.flags)
    return None if items is None else re.compile("[" + "".join(dict.fromkeys(items)) + "]")


def _first_items(source: str, flags: int) -> list[str] | None:
    """The class items (escaped characters, ranges, categories) that a match of the pattern ``source``
    can start with, or None when any character can start one."""
    if sre_parse is None or flags & re.IGNORECASE:
        return None
    out: list[str] = []
    try:
        if _first(sre_parse.parse(source, flags), out):
            return None  # the pattern can match the empty string: every position is a start
    except (_Unbounded, re.error, TypeError, ValueError, AttributeError):
        return None
    return out


class GatedSearch:
    """``pattern.search``, faster where the pattern's first characters are rare in the text."""

    __slots__ = ("anchored", "gate", "pattern", "required")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.anchored = anchored_at_start(pattern)
        self.gate = None if self.anchored else first_chars(pattern)
        # the words every match holds where they can be named, else the characters
        self.required = required_words(pattern) or required_chars(pattern)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        end = len(text) if endpos is None else endpos
        pos = min(max(pos, 0), len(text))  # as re clamps it
        if self.required is not None and self.required.search(text, pos, end) is None:
            return None  # no word or character that every match holds: most lines, at C speed
        if self.anchored:  # every branch opens with ^: trying them at every position finds nothing more
            return self.pattern.match(text, pos, end) if pos == 0 else None
        if self.gate is None:
            return self.pattern.search(text, pos, end)
        match = self.pattern.match
        for start in self.gate.finditer(text, pos, end):
            m = match(text, start.start(), end)
            if m is not None:
                return m
        return None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """``pattern.finditer(text)`` for a pattern whose matches are never empty (an address, a
        cue): each match searched for from the end of the one before."""
        pos = 0
        while pos <= len(text):
            m = self.search(text, pos)
            if m is None:
                return
            yield m
            pos = m.end() + (m.end() == m.start())  # an empty match: on by one, not forever


class AnchoredAny:
    """Whether any of several patterns anchored at the start (``^`` dropped) matches a text: only those
    whose first character can be the text's are tried.

    ``re`` tries the branches of ``^(?:a)|(?:b)|…`` one by one at position 0 (some 8 µs a line for
    the 90 anchored furniture patterns), though most cannot start with the line's first character.
    The branches that may start with any character are tried together; of the others, those whose
    first characters hold the text's, each on its own (no alternation compiled per character: a
    document starts its lines with hundreds of different characters), compiled when first needed.
    A branch's first characters are kept as a set where they are plain characters (most: 上一篇,
    推荐…), a class compiled only for ranges and categories: compiling 90 classes would cost
    more at a parse's start than the alternation itself.
    """

    __slots__ = ("_any_start", "_by_char", "_compiled", "_firsts", "_flags", "_patterns")

    def __init__(self, patterns: list[str], flags: int = 0) -> None:
        self._patterns, self._flags = list(patterns), flags
        anywhere: list[str] = []
        self._firsts: list[tuple[int, frozenset[str], re.Pattern[str] | None]] = []
        for k, p in enumerate(patterns):
            items = _first_items(p, flags)
            if items is None:
                anywhere.append(p)
                continue
            plain = [i for i in items if len(i) == 1 or (len(i) == 2 and i[0] == "\\" and not i[1].isalnum())]
            other = [i for i in items if i not in plain]
            self._firsts.append((k, frozenset(i[-1] for i in plain), re.compile(f"[{''.join(other)}]") if other else None))
        self._any_start = re.compile("|".join(f"(?:{p})" for p in anywhere), flags) if anywhere else None
        self._by_char: dict[str, tuple[int, ...]] = {}
        self._compiled: dict[int, re.Pattern[str]] = {}

    def matches(self, text: str) -> bool:
        if not text:
            return any(re.match(p, text, self._flags) for p in self._patterns)
        if self._any_start is not None and self._any_start.match(text) is not None:
            return True
        ch = text[0]
        tried = self._by_char.get(ch)
        if tried is None:
            tried = self._by_char[ch] = tuple(
                k for k, plain, other in self._firsts if ch in plain or (other is not None and other.match(ch)))
        for k in tried:
            pattern = self._compiled.get(k)
            if pattern is None:
                pattern = self._compiled[k] = re.compile(self._patterns[k], self._flags)
            if pattern.match(text) is not None:
                return True
        return False


def word_automaton(words: Mapping[str, Any]) -> Any:
    """An Aho–Corasick automaton (pyahocorasick, in C) of ``words``, each reported with its value: every
    occurrence of every word, overlapping ones too, in one pass over a text, where ``re`` tries the
    words one after another at each position whose character starts one. Empty ``words``: an
    automaton that finds nothing (``len`` 0; pyahocorasick cannot search one that was never made)."""
    import ahocorasick  # noqa: PLC0415 - a C extension, loaded with the first vocabulary that needs it

    automaton = ahocorasick.Automaton()
    for word, value in words.items():
        automaton.add_word(word, value)
    if words:
        automaton.make_automaton()
    return automaton
