"""The activity codebook: categories with cue words and patterns, read from TOML.

A codebook file has one top-level table per category::

    ["节日庆祝"]
    description = "holidays"          # optional
    cues = ["教师节", "元旦"]          # required, non-empty
    patterns = ['三\\W?八']            # optional regular expressions

Matching happens on the text with spaces dropped and full-width letters and
digits folded to ASCII, so ``三 八`` and ``３.８`` match like ``三八`` and ``3.8``.
Any error in a user's file is a CodebookError naming the file and the line.
"""

from __future__ import annotations

import os
import re
import stat
import threading
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from planparse.analysis.tagging.tokenizer import data_path
from planparse.errors import CodebookError
from planparse.models import CategoryHit

_KEYS = {"cues", "patterns", "description"}
_WS = re.compile(r"\s+")
_FOLD = {c: c - 0xFEE0 for c in range(0xFF10, 0xFF5B) if chr(c - 0xFEE0).isalnum()}
_FOLD.update({0xFF0E: ord("."), 0xFE52: ord(".")})


def fold(text: str) -> str:
    """The form cues are matched against: no whitespace, full-width letters and digits as ASCII."""
    return _WS.sub("", text).translate(_FOLD)


@dataclass
class Category:
    name: str
    cues: list[str]
    patterns: list[re.Pattern[str]] = field(default_factory=list)
    description: str = ""
    # one search for any cue: most texts match few categories, and a miss then costs one
    # regular-expression scan instead of a substring test per cue
    _any_cue: re.Pattern[str] = field(init=False, repr=False, compare=False)
    # and before that a test on characters: no cue can occur in a text that has none of their first ones
    _first_chars: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._any_cue = re.compile("|".join(re.escape(c) for c in sorted(self.cues, key=len, reverse=True)))
        self._first_chars = frozenset(c[0] for c in self.cues if c)

    def match(self, folded: str, chars: frozenset[str] | set[str] | None = None) -> list[str]:
        """The cues (and pattern matches) of this category found in ``folded`` text (``chars``: its characters)."""
        found: list[str] = []
        if (chars is None or not self._first_chars.isdisjoint(chars)) and self._any_cue.search(folded):
            found = list(dict.fromkeys(cue for cue in self.cues if cue in folded))
            # 教职工代表大会 says all that 大会 says: of nested cues keep the longest
            found = [c for c in found if not any(c != o and c in o for o in found)]
        for pat in self.patterns:
            m = pat.search(folded)
            # a pattern match that holds a cue already found adds nothing but noise
            if m and m.group(0) and not any(c in m.group(0) for c in found) and m.group(0) not in found:
                found.append(m.group(0))
        return found


@dataclass
class Codebook:
    categories: list[Category]
    path: str | None = None

    def classify(self, text: str) -> list[CategoryHit]:
        """Every category whose cues occur in ``text``, in codebook order, with the matching cues."""
        folded = fold(text)
        if not folded:
            return []
        hits = []
        chars = set(folded)
        for cat in self.categories:
            cues = cat.match(folded, chars)
            if cues:
                hits.append(CategoryHit(category=cat.name, cues=cues))
        return hits

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.categories]


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
        return CodebookError(f"{at}category {name!r}: {problem}", where)

    categories: list[Category] = []
    for name, spec in data.items():
        if not isinstance(spec, dict):
            raise fail(name, 'must be a table (["name"] with cues = [...]), not a single value')
        unknown = sorted(set(spec) - _KEYS)
        if unknown:
            raise fail(name, f"unknown key {unknown[0]!r} (allowed: cues, patterns, description)")
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
        categories.append(Category(name, list(dict.fromkeys(cues)), compiled, description))
    if not categories:
        raise CodebookError("no categories: a codebook needs at least one [\"name\"] table with cues", where)
    return Codebook(categories, path)


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
