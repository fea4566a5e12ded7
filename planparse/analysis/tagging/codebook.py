"""The activity codebook: categories with cue words and patterns, read from TOML.

A codebook file has one top-level table per category::

    ["节日庆祝"]
    domain = ["通用"]                  # optional: the kinds of plan the category is written for
    description = "holidays"          # optional, for people reading the codebook
    cues = ["教师节", "元旦"]          # required, non-empty
    patterns = ['三\\W?八']            # optional regular expressions
    evidence = ["庆祝教师节"]          # optional: example entries the category is meant to take

and optionally one ``[variants]`` table of spellings folded before matching
(``"送温和" = "送温暖"``): a variant or a common slip of a word is written once there,
not as a cue of its own in every category that wants the word.

Matching happens on the text with spaces dropped, full-width letters and digits folded to
ASCII, Latin letters lower-cased and variants replaced, so ``三 八``, ``３.８`` and ``卡拉OK``
match like ``三八``, ``3.8`` and ``卡拉ok``. Any error in a user's file is a CodebookError
naming the file and the line.
"""

from __future__ import annotations

import os
import re
import stat
import threading
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from planparse.analysis.tagging.tokenizer import data_path
from planparse.errors import CodebookError
from planparse.models import CategoryHit
from planparse.parse.gate import GatedSearch, word_automaton

_KEYS = {"cues", "patterns", "description", "domain", "evidence"}
VARIANTS = "variants"  # the one top-level table that is not a category
_WS = re.compile(r"\s+")
_FOLD = {c: c - 0xFEE0 for c in range(0xFF10, 0xFF5B) if chr(c - 0xFEE0).isalnum()}
_FOLD.update({0xFF0E: ord("."), 0xFE52: ord(".")})


def fold(text: str) -> str:
    """The form cues are matched against: no whitespace, full-width letters and digits as ASCII, Latin lower-cased."""
    return _WS.sub("", text).translate(_FOLD).lower()


@dataclass(frozen=True)
class Variants:
    """Spellings replaced before matching, longest first so that a longer variant wins over a part of it."""

    table: dict[str, str]
    pattern: re.Pattern[str] | None

    @classmethod
    def of(cls, table: dict[str, str]) -> Variants:
        if not table:
            return cls({}, None)
        alternatives = "|".join(re.escape(v) for v in sorted(table, key=len, reverse=True))
        return cls(dict(table), re.compile(alternatives))

    def apply(self, folded: str) -> str:
        if self.pattern is None:
            return folded
        return self.pattern.sub(lambda m: self.table[m.group(0)], folded)


@dataclass
class Category:
    name: str
    cues: list[str]
    patterns: list[re.Pattern[str]] = field(default_factory=list)
    description: str = ""
    domain: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)
    # one search for any cue: most texts match few categories, and a miss then costs one
    # regular-expression scan instead of a substring test per cue
    _any_cue: re.Pattern[str] = field(init=False, repr=False, compare=False)
    # and before that a test on characters: no cue can occur in a text that has none of their first ones
    _first_chars: frozenset[str] = field(init=False, repr=False, compare=False)
    _cue_order: dict[str, int] = field(init=False, repr=False, compare=False)  # cue → its first place in ``cues``

    def __post_init__(self) -> None:
        self._any_cue = re.compile("|".join(re.escape(c) for c in sorted(self.cues, key=len, reverse=True)))
        self._first_chars = frozenset(c[0] for c in self.cues if c)
        self._cue_order = {}
        for i, cue in enumerate(self.cues):
            self._cue_order.setdefault(cue, i)

    def match(self, folded: str, chars: frozenset[str] | set[str] | None = None) -> list[str]:
        """The cues (and pattern matches) of this category found in ``folded`` text (``chars``: its characters)."""
        return list(dict.fromkeys(cue for cue, _, _ in self.occurrences(folded, chars)))

    def occurrences(
        self, folded: str, chars: frozenset[str] | set[str] | None = None, present: set[str] | None = None
    ) -> list[tuple[str, int, int]]:
        """Each cue found in ``folded`` with every place it occurs; a pattern with its first match.

        ``present``: the cue words known to occur in ``folded`` (of every category), when known.
        """
        found: list[str] = []
        if present is not None:  # in the order of the category's cues
            order = self._cue_order
            found = sorted((cue for cue in present if cue in order), key=order.__getitem__)
        elif (chars is None or not self._first_chars.isdisjoint(chars)) and self._any_cue.search(folded):
            found = list(dict.fromkeys(cue for cue in self.cues if cue in folded))
        if found:
            # 教职工代表大会 says all that 大会 says: of nested cues keep the longest
            found = [c for c in found if not any(c != o and c in o for o in found)]
        places = [(cue, m.start(), m.end()) for cue in found for m in re.finditer(re.escape(cue), folded)]
        for pat in self.patterns:
            m = pat.search(folded)
            # a pattern match that holds a cue already found adds nothing but noise
            if m and m.group(0) and not any(c in m.group(0) for c in found) and m.group(0) not in found:
                found.append(m.group(0))
                places.append((m.group(0), m.start(), m.end()))
        return places


def _inside_a_longer_cue(place: tuple[str, int, int], others: list[tuple[str, int, int]]) -> bool:
    _, start, end = place
    return any(s <= start and end <= e and e - s > end - start for _, s, e in others)


def _any_of(patterns: list[re.Pattern[str]]) -> GatedSearch | None:
    """One search for any of ``patterns``; None when they cannot be joined (no prefilter then)."""
    if not patterns or len({p.flags for p in patterns}) > 1:
        return None
    try:
        return GatedSearch(re.compile("|".join(f"(?:{p.pattern})" for p in patterns), patterns[0].flags))
    except re.error:  # a group name used by two patterns, say
        return None


@dataclass(frozen=True)
class _CueIndex:
    """Every category's cue words in one automaton, to find in one scan which categories a text may hit.

    Aho–Corasick (pyahocorasick, in C) reports every occurrence of every cue, overlapping ones too,
    in one pass over the text: some 5 µs for a line against 30 µs for a scan written in Python
    over the hundreds of cues.
    """

    automaton: Any  # ahocorasick.Automaton: cue → (cue, the indices of the categories that list it)
    patterns: tuple[tuple[int, GatedSearch], ...]  # each category's patterns, with the category's index
    any_pattern: GatedSearch | None  # all of them in one (most texts match none); None: no such prefilter

    @classmethod
    def of(cls, categories: list[Category]) -> _CueIndex:
        by_cue: dict[str, list[int]] = {}
        for k, cat in enumerate(categories):
            for cue in cat.cues:
                if cue and k not in by_cue.setdefault(cue, []):
                    by_cue[cue].append(k)
        return cls(word_automaton({cue: (cue, tuple(ks)) for cue, ks in by_cue.items()}),
                   tuple((k, GatedSearch(p)) for k, cat in enumerate(categories) for p in cat.patterns),
                   _any_of([p for cat in categories for p in cat.patterns]))

    def candidates(self, folded: str) -> tuple[set[int], set[str]]:
        """The categories one of whose cues (overlapping occurrences too) or patterns occurs in
        ``folded``, and the cue words that occur."""
        found: set[int] = set()
        present: set[str] = set()
        if len(self.automaton):
            for _, (cue, ks) in self.automaton.iter(folded):
                present.add(cue)
                found.update(ks)
        if self.any_pattern is None or self.any_pattern.search(folded) is not None:
            found.update(k for k, pattern in self.patterns if k not in found and pattern.search(folded) is not None)
        return found, present


@dataclass
class Codebook:
    categories: list[Category]
    path: str | None = None
    variants: Variants = field(default_factory=lambda: Variants.of({}))
    # built on first use from the categories as they are then (a codebook is not edited once in use)
    _index: _CueIndex | None = field(default=None, init=False, repr=False, compare=False)

    def classify(self, text: str) -> list[CategoryHit]:
        """Every category whose cues occur in ``text``, in codebook order, with the matching cues."""
        folded = self.variants.apply(fold(text))
        if not folded:
            return []
        if self._index is None:
            self._index = _CueIndex.of(self.categories)
        # one scan over the text for every category's cue words: the categories with none (most of
        # them, for a line) are not looked at again
        maybe, present = self._index.candidates(folded)
        found = [(cat, places) for k, cat in enumerate(self.categories)
                 if k in maybe and (places := cat.occurrences(folded, present=present))]
        hits = []
        for cat, places in found:
            others = [p for other, theirs in found if other is not cat for p in theirs] if len(found) > 1 else []
            # across categories the longer cue speaks for the place: 集体备课 is 教研活动, not also 备课's
            # 教学常规; 汇报课 is not a 汇报. A cue counts where it stands outside every longer cue of another category.
            kept = [p for p in places if not _inside_a_longer_cue(p, others)]
            cues = list(dict.fromkeys(cue for cue, _, _ in kept))
            if cues:
                hits.append(CategoryHit(category=cat.name, cues=cues))
        return hits

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.categories]

    def domains(self) -> dict[str, list[str]]:
        """Each domain (通用, 工会, 德育 …) with the names of the categories written for it, in codebook order."""
        out: dict[str, list[str]] = {}
        for cat in self.categories:
            for dom in cat.domain:
                out.setdefault(dom, []).append(cat.name)
        return out


def _header_line(source: str, name: str) -> int | None:
    """The 1-based line where category ``name`` is defined (its [table] header, or ``name =``)."""
    quoted = "|".join(re.escape(q) for q in (f'"{name}"', f"'{name}'", name))
    header = re.compile(rf"^\s*\[\s*(?:{quoted})\s*\]")
    assign = re.compile(rf"^\s*(?:{quoted})\s*=")
    lines = source.splitlines()
    for rx in (header, assign):
        for i, line in enumerate(lines, 1):
            if rx.match(line):
                return i
    return None


def parse_codebook(source: str, path: str | None = None) -> Codebook:
    """A Codebook from TOML text; ``path`` is only for messages."""
    where = path or "<codebook>"
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        if "end of document" in message:
            # tomllib gives no line for an error at the very end; the user still needs one
            message = message.replace("end of document", f"end of document, line {source.count(chr(10)) + 1}")
        raise CodebookError(f"invalid TOML: {message}", where) from None

    def fail(name: str, problem: str) -> CodebookError:
        line = _header_line(source, name)
        at = f"line {line}: " if line else ""
        what = "table [variants]" if name == VARIANTS else f"category {name!r}"
        return CodebookError(f"{at}{what}: {problem}", where)

    variants: dict[str, str] = {}
    table = data.pop(VARIANTS, {})
    if not isinstance(table, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in table.items()):
        raise fail(VARIANTS, 'must be a table of "variant" = "word" strings')
    for variant, word in table.items():
        if not fold(variant) or not fold(word):
            raise fail(VARIANTS, f"{variant!r} = {word!r}: neither side may be empty")
        variants[fold(variant)] = fold(word)

    def strings(name: str, spec: dict[str, object], key: str) -> list[str]:
        value = spec.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise fail(name, f"{key!r} must be a list of strings")
        return list(value)

    categories: list[Category] = []
    for name, spec in data.items():
        if not isinstance(spec, dict):
            raise fail(name, 'must be a table (["name"] with cues = [...]), not a single value')
        unknown = sorted(set(spec) - _KEYS)
        if unknown:
            raise fail(name, f"unknown key {unknown[0]!r} (allowed: cues, patterns, description, domain, evidence)")
        if "cues" not in spec:
            raise fail(name, "missing 'cues' (a list of words)")
        cues = spec["cues"]
        if not isinstance(cues, list) or not all(isinstance(c, str) for c in cues):
            raise fail(name, "'cues' must be a list of strings")
        cues = [fold(c) for c in cues]
        if not cues or not all(cues):
            raise fail(name, "'cues' must list at least one word, and no empty string")
        patterns = spec.get("patterns", [])
        if not isinstance(patterns, list) or not all(isinstance(p, str) for p in patterns):
            raise fail(name, "'patterns' must be a list of strings")
        compiled = []
        for pat in patterns:
            try:
                compiled.append(re.compile(pat))
            except re.error as exc:
                raise fail(name, f"bad regular expression {pat!r}: {exc}") from None
        description = spec.get("description", "")
        if not isinstance(description, str):
            raise fail(name, "'description' must be a string")
        domain = strings(name, spec, "domain")
        evidence = strings(name, spec, "evidence")
        # a cue written as a variant could never match: matching sees the variant's word instead
        shadowed = [c for c in cues if Variants.of(variants).apply(c) != c]
        if shadowed:
            raise fail(name, f"cue {shadowed[0]!r} is rewritten by [variants]; list {Variants.of(variants).apply(shadowed[0])!r} instead")
        categories.append(Category(name, list(dict.fromkeys(cues)), compiled, description, domain, evidence))
    if not categories:
        raise CodebookError("no categories: a codebook needs at least one [\"name\"] table with cues", where)
    return Codebook(categories, path, Variants.of(variants))


_cache: dict[tuple[str, int], Codebook] = {}
_cache_lock = threading.Lock()


def load_codebook(path: str | os.PathLike[str] | None = None) -> Codebook:
    """The codebook at ``path``, or planparse's own when None. Cached until the file changes."""
    file = Path(path) if path is not None else Path(data_path("codebook.toml"))
    shown = str(path) if path is not None else str(file)
    try:
        st = file.stat()
    except OSError as exc:
        raise CodebookError(f"cannot read codebook: {exc.strerror or exc}", shown) from None
    if not stat.S_ISREG(st.st_mode):  # a FIFO or device would block or never end
        raise CodebookError("cannot read codebook: not a regular file", shown)
    key = (str(file.resolve()), st.st_mtime_ns)
    with _cache_lock:
        cached = _cache.get(key)
    if cached is not None:
        return cached
    try:
        source = file.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise CodebookError(f"cannot read codebook: {exc}", shown) from None
    book = parse_codebook(source, shown)
    with _cache_lock:
        _cache[key] = book
    return book
