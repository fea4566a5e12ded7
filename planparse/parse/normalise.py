"""Stage 2: a normalised working copy of the text, with an offset map back to the original.

Later stages match patterns on the working copy only. Folding is character by
character (full-width forms → ASCII, U+3000 → space, traditional → simplified), a
few characters are dropped (zero-width spaces, soft hyphens) and the page numbers
that a flattened PDF copy leaves at line starts are cut out, so that a sentence cut
by a page break reads whole again.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from planparse.parse.chars import BULLETS
from planparse.parse.gate import GatedSearch
from planparse.parse.markers import match_marker
from planparse.parse.params import params
from planparse.parse.vocab import furniture, glyphs, section_words, variant_words

_DROP = {"\u200b", "\u200c", "\u200d", "\ufeff", "\u00ad", "\u2060"}
# a form feed (a page break) stands between words or lines as a space; Word's soft return \x0b is
# a line break (glyphs.toml line_breaks)
_SPACES = {"\u3000", "\u00a0", "\u2002", "\u2003", "\u2009", "\u202f", "\x0c"}
# A tab between words separates the cells of a table pasted from Word: it becomes "|", as
# the table rows planparse rebuilds from .docx and .html have it; other tabs are spaces.
# (the tab first, the character before it checked after: a pattern that opens with a look-behind is
# tried at every position, one that opens with a literal is scanned for at C speed)
_INNER_TAB = re.compile(r"\t(?<=[^\s|]\t)\t*(?=[^\s|])")
# A tab opening a line whose cells are tab-separated stands for the row's empty first cell: a
# cell merged down over several rows (月份 written once for the month's rows) leaves them none.
# (a tab with no character but a line break before it: the same as ^ under re.M, scanned for as the tab)
_LEADING_TAB = re.compile(r"\t(?<![^\n]\t)\t*(?=[^\s|][^\n]*?[^\s|]\t+[^\s|])")


def _bar(m: re.Match) -> str:
    return "|" + " " * (len(m.group()) - 1)


# A tab right after the marker or bullet that opens a line, the line's only tab: the list numbering
# or bullet of a Word paragraph pasted as text (1.<tab>召开…, ●<tab>三月：…), no cell of a table.
_OPENING_TAB = re.compile(r"^[ \t]*([^\s|]{1,8}?)\t+(?=[^\t\n]*$)", re.M)


def _opening_mark(m: re.Match[str], line: str) -> bool:
    """Whether the token before an opening tab (``m`` of ``_OPENING_TAB``) is a bullet or the whole
    of the numbering marker that opens ``line`` (the line from the token on)."""
    token = m.group(1)
    if len(token) == 1 and token in BULLETS:
        return True
    marker = match_marker(line)
    return marker is not None and not marker.bare and marker.raw_end == len(token)


def _list_tabs(text: str) -> str:
    """The text with the tab after a line's opening marker or bullet a space.

    Only the lines holding a tab are tried (``_OPENING_TAB`` holds at a line's start only, and needs
    a tab in the line): the same matches as the pattern's own scan of every position, which is slow."""
    spans: list[tuple[int, int]] = []
    tab = text.find("\t")
    while tab >= 0:
        m = _OPENING_TAB.match(text, text.rfind("\n", 0, tab) + 1)
        end = text.find("\n", tab)
        end = len(text) if end < 0 else end
        if m is not None and _opening_mark(m, text[m.start(1) : end]):
            spans.append(m.span())
        tab = text.find("\t", end)
    if not spans:
        return text
    bounds = [0, *(x for span in spans for x in span), len(text)]
    return "".join(text[a:b] if k % 2 == 0 else text[a:b].replace("\t", " ")
                   for k, (a, b) in enumerate(zip(bounds, bounds[1:], strict=False)))


def _cells(text: str) -> str:
    if "\t" not in text:
        return text
    text = _list_tabs(text)
    text = _LEADING_TAB.sub(_bar, text)
    text = _INNER_TAB.sub(_bar, text)
    return text.replace("\t", " ")
@cache
def _glyphs_in_context() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """A symbol font's bullet pasted as a letter where it opens a line (l  加强…), a letter for the
    digit 1 in a line's opening marker (l、加强…), and a numeral typed for the dash between two
    numbers (3一4月): lookalikes only there (glyphs.toml)."""
    g = glyphs()
    # the letter first, its line start checked after: a pattern that opens with a class is scanned
    # for at C speed, one anchored at every line's start is tried line by line
    letter = re.compile(rf"[{re.escape(g.bullet_letters)}](?=[ \t]+[\u4e00-\u9fff\d(“\"《「])")
    one = re.compile(rf"[{re.escape(g.one_lookalikes)}](?=\s*[、.,)）]\s*[\u4e00-\u9fff])")
    dash = re.compile(rf"[{re.escape(g.dash_between_digits)}](?<=\d.)(?=\d)")
    return letter, one, dash


def _opens_line(text: str, at: int, also: str = "") -> bool:
    """Whether only white space (and the characters of ``also``) stands between the line's start and ``at``."""
    return not text[text.rfind("\n", 0, at) + 1 : at].strip(" \t" + also)


def _replace_at(text: str, places: list[tuple[int, str]]) -> str:
    """``text`` with one character replaced at each place; a few places in a long text: slices,
    not a list of every character."""
    if not places:
        return text
    starts = [-1, *(at for at, _ in places)]
    return "".join(text[a + 1 : b] + ch for a, (b, ch) in zip(starts, places, strict=False)) + text[places[-1][0] + 1 :]


class LineStarts:
    """A pattern that can match only where a line starts (``^`` under re.M), looked for by the line breaks.

    ``re`` tries a pattern that opens with ``^`` at every character of the text (5 to 10 ns each);
    one that opens with the line break itself is scanned for at C speed and tried only after each
    break. A match of ``body`` must end in its own line or right after the break that ends it, so
    that no match takes in the start of a line after its own."""

    __slots__ = ("_after", "_at")

    def __init__(self, body: str) -> None:
        self._at = re.compile(body, re.M)
        self._after = re.compile(rf"\n(?={body})", re.M)

    def count(self, text: str) -> int:
        """How many lines of ``text`` ``body`` matches at the start of."""
        return len(self._after.findall(text)) + (self._at.match(text) is not None)

    def starts(self, text: str) -> Iterator[int]:
        """The starts of the lines ``body`` matches at the start of, in order."""
        if self._at.match(text) is not None:
            yield 0
        for m in self._after.finditer(text):
            yield m.start() + 1

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """``body``'s matches at line starts: what ``re.finditer`` of it gives, as no match takes in the
        start of another line."""
        for start in self.starts(text):
            m = self._at.match(text, start)
            if m is not None:
                yield m


@cache
def _wrapped_line() -> LineStarts:
    """A line wholly in one pair of heading brackets (sections.toml heading_brackets)."""
    pairs = section_words().heading_brackets
    alts = "|".join(f"{re.escape(o)}[^\n]+?{re.escape(c)}" for o, c in pairs.items())
    return LineStarts(rf"[ \t]*(?:{alts})[ \t]*$")


def _wrapped_markers(text: str) -> list[tuple[int, str]]:
    """The brackets around a numbered heading set off whole in them (【一、加强制度建设】, 《二、主要任务》),
    as spaces: inside them the marker opens the line as it does without them (a bracket of the
    heading's words alone, 【指导思想】, stays: the heading's words are read out of it later)."""
    pairs = section_words().heading_brackets
    if not any(o in text for o in pairs):
        return []
    places: list[tuple[int, str]] = []
    for m in _wrapped_line().finditer(text):
        line = m.group()
        start = len(line) - len(line.lstrip(" \t"))
        end = len(line.rstrip(" \t"))
        opener = next(o for o in pairs if line.startswith(o, start))
        closer = pairs[opener]
        inner = line[start + len(opener) : end - len(closer)]
        if opener in inner or closer in inner:
            continue
        mk = match_marker(inner.strip())
        if mk is None or mk.bare or mk.end >= len(inner.strip()):
            continue
        places += [(m.start() + start + k, " ") for k in range(len(opener))]
        places += [(m.start() + end - len(closer) + k, " ") for k in range(len(closer))]
    return places


def _fold_in_context(text: str) -> str:
    letter, one, dash = _glyphs_in_context()
    places = [(m.start(), "·") for m in letter.finditer(text) if _opens_line(text, m.start())]
    places += [(m.start(), "1") for m in one.finditer(text) if _opens_line(text, m.start(), "(")]
    places += _wrapped_markers(text)
    return dash.sub("—", _replace_at(text, sorted(places)))


# Characters NFKC leaves alone but plans use as list punctuation.
_EXTRA = {"﹒": ".", "・": "·", "•": "·", "﹑": "、", "､": "、", "｡": "。", "〔": "(", "〕": ")", "【": "【", "】": "】"}


def _fold_table(simplify: dict[str, str]) -> dict[int, str]:
    table = {o: chr(o - 0xFEE0) for o in range(0xFF01, 0xFF5F)}
    table.update({ord(c): " " for c in _SPACES})
    table.update({ord(k): v for k, v in _EXTRA.items()})
    table.update({ord(k): v for k, v in glyphs().folds.items()})
    table.update({ord(k): v for k, v in simplify.items() if len(k) == 1 and len(v) == 1})
    return table


@dataclass(frozen=True)
class Folding:
    """A fold table as a pattern of the characters it changes and what each becomes.

    ``str.translate`` looks up every character of the text (some 80 ns each, for the CJK ones);
    a character class finds the few that fold (full-width punctuation, traditional characters)
    at C speed, and only those are looked up: half the time on simplified text. The text is split
    at them (``changes`` holds the class as its one group) and each is replaced by one map over the
    separators, not a Python call per character as ``re.sub`` with a function makes.
    """

    changes: re.Pattern
    into: dict[str, str]

    def apply(self, text: str) -> str:
        parts = self.changes.split(text)
        parts[1::2] = map(self.into.__getitem__, parts[1::2])
        return "".join(parts)


def _folding(table: dict[int, str]) -> Folding:
    # the basic plane only: a class holding a character beyond it is compiled as a list that sre
    # walks for every character of the text (ten times slower than translate)
    into = {chr(code): ch for code, ch in table.items() if code < 0x10000 and chr(code) != ch}
    return Folding(re.compile("([" + "".join(re.escape(c) for c in sorted(into)) + "])"), into)


_TABLES: dict[int, Folding] = {}


def _simplify_map() -> dict[str, str]:
    try:
        from planparse.parse.charmap import simplify_char_map
    except ImportError:  # the map is optional data; without it traditional text still parses, less well
        return {}
    return simplify_char_map()


class OffsetMap(Sequence[int]):
    """Working offset → original offset, as runs: ``starts[k]`` is the working offset where run k
    begins and ``shifts[k]`` what its characters add to reach their original offsets.

    Normalising cuts only a few stretches (page numbers, zero-width characters), so a text has a
    handful of runs; a list or an array of one offset per character would cost 8 to 36 bytes per
    character of input.
    """

    __slots__ = ("_len", "shifts", "starts")

    def __init__(self, starts: list[int], shifts: list[int], length: int) -> None:
        self.starts, self.shifts, self._len = starts, shifts, length

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        return cls([0], [0], length)

    def __len__(self) -> int:
        return self._len

    def __getitem__(self, i: int) -> int:  # type: ignore[override]
        if i < 0:
            i += self._len
        if not 0 <= i < self._len:
            raise IndexError(i)
        return i + self.shifts[bisect_right(self.starts, i) - 1]

    def __iter__(self) -> Iterator[int]:
        bounds = [*self.starts[1:], self._len]
        for start, end, shift in zip(self.starts, bounds, self.shifts, strict=True):
            yield from range(start + shift, end + shift)

    def runs(self, start: int, end: int) -> list[tuple[int, int]]:
        """The original [s, e) runs that working [start, end) comes from, in order."""
        k = bisect_right(self.starts, start) - 1
        out: list[tuple[int, int]] = []
        while start < end:
            stop = min(end, self.starts[k + 1] if k + 1 < len(self.starts) else end)
            out.append((start + self.shifts[k], stop + self.shifts[k]))
            start, k = stop, k + 1
        return out


@dataclass
class WorkingText:
    """The normalised copy. ``to_orig[i]`` is the original offset of working character i."""

    text: str
    to_orig: OffsetMap
    orig_len: int
    cut_furniture: tuple[tuple[int, int], ...] = ()  # original spans of site names cut from inside lines

    def orig(self, i: int) -> int:
        return self.to_orig[i] if i < len(self.to_orig) else self.orig_len

    def original(self, start: int, end: int, orig_text: str) -> str:
        """The original characters of working [start, end), without what normalising cut (page numbers)."""
        if end <= start:
            return ""
        m = self.to_orig
        k = bisect_right(m.starts, start) - 1
        if k + 1 == len(m.starts) or end <= m.starts[k + 1]:  # within one run: the common case
            return orig_text[start + m.shifts[k] : end + m.shifts[k]]
        return "".join(orig_text[s:e] for s, e in m.runs(start, end))

    def orig_span(self, start: int, end: int) -> tuple[int, int]:
        """Original [start, end) of working [start, end)."""
        if end <= start:
            o = self.orig(start)
            return (o, o)
        return (self.to_orig[start], self.to_orig[end - 1] + 1)


# A page number that a PDF or web copy leaves at a physical line start: "2、", "3." …
# (its count is the quick check: without three numbered lines and one page-long line there is nothing to cut)
_PAGE_NO = LineStarts(r"[ \t\u3000]*(\d{1,3})[ \t]*[、.．][ \t\u3000]?")
_SENTENCE_END = re.compile(r"[。！？；.!?;:：]\s*[”\"』」)）]?\s*$")


@cache
def _long_line(chars: int) -> re.Pattern:
    return re.compile(r"[^\n]{" + str(chars) + "}")


def find_page_numbers(text: str) -> list[tuple[int, int]]:
    """Spans of page numbers to cut: a run of ≥ 3 long lines numbered 1, 2, 3 … in sequence.

    Real numbered items are short and restart under headings; page numbers count
    long, flattened lines straight through, and the line before one rarely ends a
    sentence.

    Only the lines opening with a number (``_PAGE_NO``) are read one by one; the lines
    between two of them matter only while a run is open (a short one ends it, a long one is a page
    without its number) and for the last line before a numbered one (does it end a sentence?).
    """
    p = params().normalise
    min_line = p.page_line_chars
    if _long_line(min_line).search(text) is None or _PAGE_NO.count(text) < p.page_run:
        return []
    expected = None
    run: list[tuple[int, int]] = []  # (start, end) of each page number
    long_lines = 0
    best: list[list[tuple[int, int]]] = []
    after = 0  # where the lines not read yet start

    def is_page_run() -> bool:
        # whether the line before each number stops mid-sentence: read last, for the few runs long enough
        return (
            len(run) >= p.page_run
            and long_lines >= len(run) * p.page_long_share
            and sum(_cut_before(text, s) for s, _ in run) >= (len(run) - 1) * p.page_cut_share
        )

    for m in _PAGE_NO.finditer(text):
        start = m.start()
        end = text.find("\n", m.end())
        end = len(text) if end < 0 else end
        long = end - start >= min_line
        if run and _short_line_between(text, after, start, min_line):
            if is_page_run():
                best.append(run)
            run, expected, long_lines = [], None, 0
        after = end + 1
        value = int(m.group(1))
        if expected is None and value in (1, 2) or value == expected:
            run.append((start, m.end()))
            long_lines += long
            expected = value + 1
            continue
        if long and run:
            continue  # a long line out of the count inside the run (a page without its number)
        if is_page_run():
            best.append(run)
        run, expected, long_lines = [], None, 0
    if is_page_run():
        best.append(run)
    cuts: list[tuple[int, int]] = []
    for accepted in best:
        for k, (s, e) in enumerate(accepted):
            # the newline before a page number goes too (the page break cut a sentence in two),
            # but not before the first page's: that line starts the text after the title
            if k > 0 and s > 0:
                s -= 1
            cuts.append((s, e))
    return cuts


def _short_line_between(text: str, start: int, end: int, min_chars: int) -> bool:
    """Whether a line that is not blank and shorter than ``min_chars`` stands between line start
    ``start`` and line start ``end`` (the lines before ``end``'s, from ``start``'s on)."""
    return start < end and any(ln.strip() and len(ln) < min_chars for ln in text[start : end - 1].split("\n"))


def _cut_before(text: str, start: int) -> bool:
    """Whether the last line before line start ``start`` that is not blank stops mid-sentence (a
    page break cut it); False where there is none."""
    prev_line = _line_before(text, start)
    return bool(prev_line) and not _SENTENCE_END.search(prev_line)


def _line_before(text: str, start: int) -> str:
    """The last line before line start ``start`` that is not blank ("" where there is none)."""
    end = start - 1  # the line break before ``start``'s line
    while end >= 0:
        line_start = text.rfind("\n", 0, end) + 1
        if text[line_start:end].strip():
            return text[line_start:end]
        end = line_start - 1
    return ""


# A line's number that a numbering viewer left at its start, then a space, a tab or a bar (3 以……, 12|三月：……)
_LINE_NO = re.compile(r"^[ \t\u3000]*(\d{1,4})(?:[ \t\u3000]+|[ \t\u3000]*[|│｜][ \t\u3000]*|$)")
# quick check: without that many lines opening with a bare number there is nothing to cut
_LINE_NO_ANYWHERE = LineStarts(r"[ \t\u3000]*\d{1,4}(?:[ \t\u3000|│｜]|$)")
# the time a chat's or a transcript's copy stamps each line with ([10:21:03] 一、指导思想, 2025-02-11 10:21 1、……);
# written before the fold, so in full-width forms too (［００：２１］)
_DATE_SEP = "[-/.－／．]"
_STAMP_HEAD = rf"^[ \t\u3000]*[\[【(（［]?(?:\d{{4}}{_DATE_SEP}\d{{1,2}}{_DATE_SEP}\d{{1,2}}[ \t\u3000]+)?"
_LINE_STAMP = re.compile(_STAMP_HEAD + r"(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?[\]】)）］]?[ \t\u3000]+")
_LINE_STAMP_ANYWHERE = LineStarts(_STAMP_HEAD + r"\d{1,2}[:：]\d{2}")


def find_line_numbers(text: str) -> list[tuple[int, int]]:
    """Spans of line numbers to cut: a run of lines numbered one more each line (blank lines numbered
    too, or left out), some of them holding a numbering marker of their own after the number."""
    starts = list(_LINE_NO_ANYWHERE.starts(text))  # one scan for the quick check and the runs
    if len(starts) < params().normalise.line_number_run:
        return []
    return _prefix_runs(text, _LINE_NO, starts, lambda m: int(m.group(1)), lambda prev, key: key == prev + 1)


def find_line_stamps(text: str) -> list[tuple[int, int]]:
    """Spans of time stamps to cut: a run of lines each opening with a time no earlier than the line
    before (blank lines between them unstamped), some of them holding a numbering marker after it. A
    day's timetable (7:30 入园晨检, 8:00 早操) has no marker after its times: its times are its words."""
    starts = list(_LINE_STAMP_ANYWHERE.starts(text))
    if len(starts) < params().normalise.line_number_run:
        return []

    def seconds(m: re.Match[str]) -> int:
        return int(m.group(1)) * 3600 + int(m.group(2)) * 60 + int(m.group(3) or 0)

    return _prefix_runs(text, _LINE_STAMP, starts, seconds, lambda prev, key: key >= prev)


def _prefix_runs(text: str, prefix: re.Pattern[str], candidates: list[int], key: Callable[[re.Match[str]], int],
                 follows: Callable[[int, int], bool]) -> list[tuple[int, int]]:
    """The prefixes of a run of at least ``line_number_run`` lines, each opening with ``prefix`` whose
    ``key`` ``follows`` the line's before, at least ``line_number_marked`` of them with a numbering
    marker after it (which a list numbered 1 2 3 without marks, or a timetable, never has).

    Only the lines starting at ``candidates`` (the starts of every line ``prefix`` matches, and of
    others) are read: any other line that is not blank ends a run, so the text
    between two candidates is looked at only for being blank, not line by line in Python."""
    p = params().normalise
    out: list[tuple[int, int]] = []
    run: list[tuple[int, int]] = []
    marked = 0
    last: int | None = None
    after_run = 0  # where the run's last line ends

    def close() -> None:
        if len(run) >= p.line_number_run and marked >= p.line_number_marked:
            out.extend(run)

    for start in candidates:
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        raw = text[start:end]  # sliced: the pattern's ^ holds at a string's start only
        m = prefix.match(raw)
        value = key(m) if m else None
        if m is None or (run and text[after_run:start].strip()) or (
                last is not None and value is not None and not follows(last, value)):
            close()
            run, marked, last = [], 0, None
            if m is None:
                continue
        run.append((start, start + m.end()))
        rest = raw[m.end() :]
        found = match_marker(rest) if rest else None
        marked += found is not None and not found.bare
        last = value
        after_run = end
    close()
    return out


# A title or heading spread out letter by letter (工 作 计 划, 2 0 2 5 年 X X 社 区 工 作 计 划, 一、指 导
# 思 想): a line whose words, after its marker, are single characters (or runs of digits and Latin
# letters) with one to three spaces between them. The spaces are cut from the working text, as a
# page number is, so the line reads as the words it spells.
_SPACE = "[ \u3000\u00a0]"
_TOKEN = r"(?:[A-Za-z0-9]+|[^\sA-Za-z0-9])"
_LETTER_SPACED = re.compile(rf"^[ \t\u3000\u00a0]*([^\n]{{0,8}}?)({_TOKEN}(?:{_SPACE}{{1,3}}{_TOKEN}){{3,}}){_SPACE}*$", re.M)
# what every such line ends with: its last three letters, a space before each; one pattern for each
# space that may open it (only a pattern whose first item is a literal or a class is scanned for at
# C speed, a literal several times faster; any other is tried at every position, as _LETTER_SPACED is)
_SPACED_TAILS = tuple(re.compile(rf"{re.escape(sp)}{_SPACE}{{0,2}}{_TOKEN}(?:{_SPACE}{{1,3}}{_TOKEN}){{2}}{_SPACE}*$", re.M)
                      for sp in _SPACE.strip("[]"))
_GAP = re.compile(rf"{_SPACE}+")
# quick check: three letters each alone between spaces somewhere (opening with a class, scanned at C speed)
_SPREAD = re.compile(rf"{_SPACE}\S{_SPACE}{{1,3}}\S{_SPACE}{{1,3}}\S")


def find_letter_spacing(text: str) -> list[tuple[int, int]]:
    """The spaces to cut between the letters of lines spread out letter by letter."""
    if _SPREAD.search(text) is None:
        return []
    p = params().normalise
    out: list[tuple[int, int]] = []
    for m in _letter_spaced(text):
        lead, body = m.group(1), m.group(2)
        marker = match_marker(lead + body) if lead else None
        if lead and (marker is None or marker.raw_end != len(lead.rstrip())):
            continue  # only a numbering marker may stand before the spread words
        words = _GAP.split(body)
        singles = sum(len(w) == 1 and w >= "\u3400" for w in words)
        if singles >= p.letter_spaced_min_chars and len(body) - body.count(" ") <= params().title.max_chars:
            out.extend(g.span() for g in _GAP.finditer(text, m.start(2), m.end(2)))
    return out


def _letter_spaced(text: str) -> Iterator[re.Match[str]]:
    """``_LETTER_SPACED.finditer(text)``: each line it may match (one a line, from the line's start)
    found by the tail every match ends its line with, and tried from its start. (A tail runs to its
    line's end: each pattern finds at most one a line.)"""
    starts = {text.rfind("\n", 0, tail.start()) + 1 for pattern in _SPACED_TAILS for tail in pattern.finditer(text)}
    for start in sorted(starts):
        m = _LETTER_SPACED.match(text, start)
        if m is not None:
            yield m


@cache
def _markup() -> tuple[LineStarts, re.Pattern]:
    """Markdown's heading line (up to six marks at its start, then a space; closing marks at its end
    optional) and its bold words (a pair of delimiters in one line, around words: a lone ** is none)."""
    g = glyphs()
    mark = re.escape(g.heading_mark)
    heading = LineStarts(rf"([ \t]*{mark}{{1,6}}[ \t]+)[^\n]*?(?<=\S)([ \t]+{mark}+)?[ \t]*$")
    delims = "|".join(map(re.escape, g.emphasis))
    bold = re.compile(rf"({delims})(?=[^\s*_])[^\n]*?(?<=[^\s*_])\1")
    return heading, bold


# the characters Markdown's marks may be written with, before the fold (ASCII or full-width)
_MARKUP_CHARS = re.compile("[#*_＃＊＿]")


def find_markup(text: str) -> list[tuple[int, int]]:
    """The spans of Markdown's marks in a text exported from a web editor: a heading line's marks,
    the delimiters around bold words."""
    g = glyphs()
    headings, emphasis = g.heading_mark in text, any(d in text for d in g.emphasis)
    if not headings and not emphasis:
        return []
    heading, bold = _markup()
    out: list[tuple[int, int]] = []
    for m in heading.finditer(text) if headings else ():
        out.append(m.span(1))
        if m.group(2):
            out.append(m.span(2))
    for m in bold.finditer(text) if emphasis else ():
        width = len(m.group(1))
        out += [(m.start(), m.start() + width), (m.end() - width, m.end())]
    return out


_HSPACE = " \t\u3000\u00a0"
@cache
def _url_patterns() -> tuple[tuple[re.Pattern[str], ...], re.Pattern[str]]:
    """The quick check for an address's shape, and the domain's dot every address holds.

    Without an address's shape there is no watermark to look for (written in ASCII: the full-width
    forms of a copy are rare in addresses). The shape's three forms are looked for one by one, each
    opening with a literal or a class (scanned for at C speed; the alternation under (?i) is tried at
    every position): a domain's dot (furniture.toml url_domains), www., a scheme."""
    domains = "|".join(map(re.escape, furniture().url_domains))
    hints = (
        re.compile(rf"\.(?i:(?:{domains})(?![a-z]))"),
        re.compile(r"[wW](?i:ww\.)"),
        re.compile(r"[hH](?i:ttps?://)"),
    )
    return hints, re.compile(rf"\.(?:{domains})")


def _url_hint(text: str) -> bool:
    """Whether ``text`` holds an address's shape (www., https://, .com …): else no watermark to look for."""
    return any(p.search(text) is not None for p in _url_patterns()[0])


@cache
def _inline_site_name() -> GatedSearch:
    """furniture.toml ``inline_site_name``, tried only where its opening bracket stands (it opens with
    a look-behind, which ``re`` tries at every position)."""
    return GatedSearch(furniture().inline_site_name)


@cache
def _inline_url() -> GatedSearch:
    """furniture.toml ``inline_url``, tried only where an address's first character (ASCII) stands."""
    return GatedSearch(furniture().inline_url)


def _inline_urls(text: str) -> Iterator[re.Match[str]]:
    """``inline_url``'s matches, in order: looked for only in the lines holding a domain's dot
    (the domain's dot of ``_url_patterns``, which every address holds; no address spans lines)."""
    search = _inline_url().search
    pos = 0
    domain = _url_patterns()[1]
    while (hit := domain.search(text, pos)) is not None:
        start = text.rfind("\n", 0, hit.start()) + 1
        end = text.find("\n", hit.end())
        end = len(text) if end < 0 else end
        at = start
        while (m := search(text, at, end)) is not None:
            yield m
            at = m.end()
        pos = end + 1


def find_url_watermarks(text: str) -> list[tuple[int, int]]:
    """The spans of a site's address stamped into the plan's words (furniture.toml ``inline_url``):
    behind a sentence's end in its line, or glued into the words where another copy of it stands so.

    Each span takes the spaces around the address, so that the words on either side meet as they were
    written. An address alone on its line is left to the line's furniture."""
    fv = furniture()
    glued: list[tuple[re.Match[str], bool]] = []  # (address, behind a sentence's end)
    for m in _inline_urls(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        before = text[line_start : m.start()]
        after = text[m.end() : len(text) if line_end < 0 else line_end]
        if before.strip(_HSPACE) == "" and after.strip(_HSPACE) == "":
            continue
        glued.append((m, fv.inline_url_after.search(before) is not None))
    marked = {m.group().lower() for m, behind in glued if behind}
    out: list[tuple[int, int]] = []
    for m, _ in glued:
        if m.group().lower() not in marked:
            continue
        start, end = m.start(), m.end()
        while start > 0 and text[start - 1] in _HSPACE:
            start -= 1
        while end < len(text) and text[end] in _HSPACE:
            end += 1
        out.append((start, end))
    return out


_DROP_RE = re.compile("[" + "".join(_DROP) + "]")
# a pinyin gloss a site adds after a traditional character (社區(qū)): in brackets, lowercase letters
# with at least one tone mark, right after a Han character. Cut from the working text (the
# original keeps it): it is no part of the words.
# One pattern for each opening bracket, the bracket first and the Han character before it checked
# after: a pattern that opens with a look-behind is tried at every position, one that opens with a
# class is scanned for at C speed, one that opens with a literal several times faster still. (A
# gloss holds no bracket inside: the two patterns' matches never overlap.)
_PINYIN_AFTER_BRACKET = r"(?<=[\u4e00-\u9fff][(（])[a-zü]{0,5}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]{0,5}[)）]"
_PINYIN_GLOSSES = tuple((b, re.compile(re.escape(b) + _PINYIN_AFTER_BRACKET)) for b in "(（")


# HTML left in a text file (a page's source pasted or scraped as .txt): block tags become line
# breaks, inline tags and entities spaces, each padded to its own length so offsets keep.
_BLOCK_TAG = re.compile(
    r"</?(?:p|div|h[1-6]|br|li|ul|ol|tr|table|tbody|thead|section|article|blockquote|hr|dd|dt|dl)\b[^<>\n]{0,300}?/?>",
    re.I,
)
_INLINE_TAG = re.compile(r"</?(?:span|strong|b|i|em|u|a|font|td|th|img|sup|sub|small|big|label|center)\b[^<>\n]{0,300}?/?>", re.I)
# (a space entity without its semicolon, &nbsp&nbsp, as browsers read it and scrapes leave it)
_ENTITY = re.compile(
    r"&(?:nbsp|ensp|emsp|amp|lt|gt|quot|ldquo|rdquo|lsquo|rsquo|middot|hellip|mdash|ndash|#\d{2,6}|#x[0-9a-fA-F]{2,5});"
    r"|&(?:nbsp|ensp|emsp)(?![;A-Za-z0-9])"
)
_ENTITY_CHAR = {"&ldquo;": "“", "&rdquo;": "”", "&lsquo;": "‘", "&rsquo;": "’", "&middot;": "·", "&mdash;": "—", "&ndash;": "–",
                "&hellip;": "…", "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"'}


def scrub_html(text: str) -> str:
    """The text with HTML tags and entities blanked out, length unchanged (a no-op on plain text)."""
    if "<" not in text and "&" not in text:
        return text
    text = _BLOCK_TAG.sub(lambda m: "\n" + " " * (len(m.group()) - 1), text)
    text = _INLINE_TAG.sub(lambda m: " " * len(m.group()), text)

    def entity(m: re.Match[str]) -> str:
        ent = m.group()
        ch = _numeric_entity(ent) if ent.startswith("&#") else _ENTITY_CHAR.get(ent, " ")
        return ch + " " * (len(ent) - 1)

    return _ENTITY.sub(entity, text)


def _numeric_entity(ent: str) -> str:
    """The character a numeric entity names (&#65306; a colon, &#12288; an ideographic space), which
    the fold then reads as any other; a control character or a surrogate is a space."""
    code = int(ent[3:-1], 16) if ent[2] in "xX" else int(ent[2:-1])
    if code in (10, 13):
        return "\n"
    if code < 32 or 0xD800 <= code < 0xE000 or code >= 0x110000:
        return " "
    return chr(code)


# A scrape that kept a JSON or JavaScript string's escapes: the line breaks are the two characters
# "\n" (or "\r\n"), its tabs "\t". Where a text holds enough of them, they are its line breaks (a
# lone "\n" is a path's or a formula's), each padded to its own length.
# (the backslash first, then no escaped backslash before it: a pattern that opens with a look-behind
# is tried at every position)
_LITERAL_BREAK = re.compile(r"\\(?<!\\\\)(?:r\\n|n|r)")
_LITERAL_TAB = re.compile(r"\\(?<!\\\\)t")


def literal_breaks(text: str) -> str:
    """The text with the escaped line breaks and tabs of a scraped string made real, length unchanged."""
    if "\\" not in text or len(_LITERAL_BREAK.findall(text)) < params().normalise.literal_breaks_min:
        return text
    text = _LITERAL_BREAK.sub(lambda m: "\n" + " " * (len(m.group()) - 1), text)
    return _LITERAL_TAB.sub("  ", text)


# A line holding nothing but a marker (1. / （一） / ① alone), the item's words on the next line: a
# web page's or a PDF's list whose numbers stand in a column of their own. The two are one line.
# 第一部分 alone is a heading in its own right, its words or its part's body on the lines below
_NOT_JOINED = frozenset({"part", "ordinal"})
_SHORT_LINE = LineStarts(r"[ \t]*(\S{1,6})[ \t]*\n(?=[ \t]*\S)")


def _join_bare_markers(text: str) -> str:
    """The text with the line break after a marker that stands alone on its line made a space."""
    if "\n" not in text:
        return text
    joins: list[int] = []
    for m in _SHORT_LINE.finditer(text):
        marker = match_marker(m.group(1))
        if marker is None or marker.bare or marker.end < len(m.group(1)) or marker.family in _NOT_JOINED:
            continue
        end = text.find("\n", m.end())
        nxt = text[m.end() : end if end >= 0 else len(text)].strip()
        if match_marker(nxt) is None:  # 3. then 四、保障措施: a lost item's number, not its words
            joins.append(m.end() - 1)
    return _replace_at(text, [(at, " ") for at in joins])


@cache
def _variants() -> re.Pattern[str] | None:
    words = variant_words()
    return re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True)))) if words else None


def _fold_variants(text: str) -> str:
    """Another region's spelling of a word as the vocabularies' (计画 → 计划), one character for one."""
    pattern = _variants()
    if pattern is None:
        return text
    words = variant_words()
    return pattern.sub(lambda m: words[m.group()], text)


def normalise(text: str, *, simplify: Callable[[], dict[str, str]] = _simplify_map) -> WorkingText:
    cmap = simplify()
    table = _TABLES.get(id(cmap))
    if table is None:
        table = _TABLES[id(cmap)] = _folding(_fold_table(cmap))
    # every fold is one character for one, so only cuts and drops move offsets
    original_length = len(text)
    text = scrub_html(literal_breaks(text))
    removed = find_page_numbers(text)
    if any(ch in text for ch in _DROP):  # (a few substring searches, faster than the class's scan)
        removed += [(m.start(), m.end()) for m in _DROP_RE.finditer(text)]
    removed += find_letter_spacing(text)
    # a viewer's line numbers: furniture as a site name is, so listed with them
    line_numbers = tuple(find_line_numbers(text) + find_line_stamps(text))
    removed += line_numbers
    # folded once, before the cuts: every fold is one character for one and reads no context, so the
    # working text is the folded text's kept stretches (one pass of the fold, not one for the cuts'
    # search and one for the working text)
    folded = table.apply(text)
    # Markdown's marks as typed or in full-width letters (＊＊一、指导思想＊＊): looked for in the
    # folded text, which keeps every offset
    if _MARKUP_CHARS.search(text):
        removed += find_markup(folded)
    for bracket, gloss in _PINYIN_GLOSSES:
        if bracket in text:
            removed += [(m.start(), m.end()) for m in gloss.finditer(text)]
    # a site's name glued into a line (……现场赛【XX范文】。): furniture, cut so the words read whole;
    # looked for in the folded text (【學優範文】 too: folding keeps every offset)
    site_names = tuple((m.start(), m.end()) for m in _inline_site_name().finditer(folded)) if "【" in text else ()
    if _url_hint(text):
        site_names += tuple(find_url_watermarks(folded))
    removed += site_names
    site_names += line_numbers
    if not removed:
        return WorkingText(_finish(folded), OffsetMap.identity(len(text)), original_length)
    removed.sort()
    parts: list[str] = []
    starts: list[int] = []
    shifts: list[int] = []
    pos = kept = 0  # original offset reached, working characters so far
    for s, e in removed:
        if s < pos:
            s = pos
        if s > pos:
            parts.append(folded[pos:s])
            starts.append(kept)
            shifts.append(pos - kept)
            kept += s - pos
        pos = max(pos, e)
    parts.append(folded[pos:])
    starts.append(kept)
    shifts.append(pos - kept)
    to_orig = OffsetMap(starts, shifts, kept + len(text) - pos)
    return WorkingText(_finish("".join(parts)), to_orig, original_length, site_names)


def _finish(folded: str) -> str:
    """The working text from the folded text with the cuts made: the folds that read the context."""
    return _join_bare_markers(_cells(_fold_in_context(_fold_variants(folded))))
