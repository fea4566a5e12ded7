"""Plan-like texts and mutations of real ones, for fuzzing (tests/test_fuzz.py, scripts/fuzz.py).

Everything is driven by a ``random.Random``, so that a case is reproduced by its seed and so that
Hypothesis (``st.randoms()``) can shrink a failing one. The pieces (titles, headings, numbering,
month labels, furniture, noise) are data: planparse/data/fuzz.toml.
"""

from __future__ import annotations

import functools
import random
import tomllib
from collections.abc import Callable
from typing import Any

from planparse.datafiles import data_path


@functools.cache
def pieces() -> dict[str, Any]:
    with data_path("fuzz.toml").open("rb") as fh:
        return tomllib.load(fh)


def _piece(rng: random.Random) -> str:
    p = pieces()
    kind = rng.choice(["titles", "headings", "markers", "month_labels", "sentences", "furniture", "noise", "code_point"])
    if kind == "markers":
        return rng.choice(rng.choice(p["markers"]))
    if kind == "code_point":
        return chr(rng.choice(p["noise_code_points"]))
    return str(rng.choice(p[kind]))


def plan_like(rng: random.Random) -> str:
    """A generated plan: a title, numbered sections with nested items, month lines, furniture, noise."""
    p = pieces()
    lines: list[str] = []
    if rng.random() < 0.3:
        lines.append(rng.choice(p["furniture"]))
    if rng.random() < 0.8:
        lines.append(rng.choice(p["titles"]))
    top = rng.randrange(len(p["markers"]) - 1) if rng.random() < 0.2 else 0
    for s in range(rng.randint(1, 6)):
        family = p["markers"][top]
        marker = family[s % len(family)] if rng.random() < 0.9 else ""
        lines.append(marker + rng.choice(p["headings"]) + rng.choice(["", "：", "。", ""]))
        if rng.random() < 0.35:
            for _ in range(rng.randint(1, 8)):
                label = rng.choice(p["month_labels"])
                lines.append(label + rng.choice(p["sentences"]) + (rng.choice(p["sentences"]) if rng.random() < 0.3 else ""))
            continue
        depth = top + 1
        counters: dict[int, int] = {}
        for _ in range(rng.randint(0, 8)):
            depth = max(top + 1, min(len(p["markers"]) - 1, depth + rng.choice([-1, 0, 0, 1])))
            n = counters.get(depth, 0)
            counters[depth] = n + 1
            family = p["markers"][depth]
            lines.append(family[n % len(family)] + rng.choice(p["sentences"]))
            if rng.random() < 0.2:
                lines.append(rng.choice(p["sentences"]))  # a continuation line
    if rng.random() < 0.3:
        lines.extend(rng.sample(p["furniture"], k=rng.randint(1, 3)))
    sep = rng.choice(["\n", "\n", "\n\n", "\r\n", " "])  # " ": a text flattened into one line
    return sep.join(lines) + rng.choice(["", "\n"])


def _span(rng: random.Random, n: int, longest: int = 40) -> tuple[int, int]:
    start = rng.randrange(n + 1)
    return start, min(n, start + rng.randint(0, longest))


def _delete(rng: random.Random, t: str) -> str:
    a, b = _span(rng, len(t))
    return t[:a] + t[b:]


def _duplicate(rng: random.Random, t: str) -> str:
    a, b = _span(rng, len(t), 200)
    return t[:b] + t[a:b] + t[b:]


def _insert(rng: random.Random, t: str) -> str:
    at = rng.randrange(len(t) + 1)
    return t[:at] + _piece(rng) + t[at:]


def _insert_at_line_start(rng: random.Random, t: str) -> str:
    starts = [0, *(i + 1 for i, ch in enumerate(t) if ch == "\n")]
    at = rng.choice(starts)
    return t[:at] + _piece(rng) + t[at:]


def _replace_char(rng: random.Random, t: str) -> str:
    if not t:
        return t
    at = rng.randrange(len(t))
    return t[:at] + _piece(rng) + t[at + 1 :]


def _join_lines(rng: random.Random, t: str) -> str:
    breaks = [i for i, ch in enumerate(t) if ch == "\n"]
    if not breaks:
        return t
    at = rng.choice(breaks)
    return t[:at] + rng.choice(["", " ", "　"]) + t[at + 1 :]


def _split_line(rng: random.Random, t: str) -> str:
    at = rng.randrange(len(t) + 1)
    return t[:at] + "\n" + t[at:]


def _swap_lines(rng: random.Random, t: str) -> str:
    lines = t.split("\n")
    if len(lines) < 2:
        return t
    i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
    lines[i], lines[j] = lines[j], lines[i]
    return "\n".join(lines)


def _truncate(rng: random.Random, t: str) -> str:
    at = rng.randrange(len(t) + 1)
    return t[:at] if rng.random() < 0.5 else t[at:]


def _repeat_line(rng: random.Random, t: str) -> str:
    lines = t.split("\n")
    i = rng.randrange(len(lines))
    lines[i : i + 1] = [lines[i]] * rng.randint(2, 30)
    return "\n".join(lines)


def _flatten(rng: random.Random, t: str) -> str:
    """The whole text in one line, as a PDF or web copy gives it."""
    return t.replace("\n", rng.choice(["", " "]))


MUTATIONS: list[Callable[[random.Random, str], str]] = [
    _delete, _duplicate, _insert, _insert, _insert_at_line_start, _insert_at_line_start, _replace_char,
    _join_lines, _split_line, _swap_lines, _truncate, _repeat_line, _flatten,
]  # fmt: skip


def mutate(rng: random.Random, text: str, times: int | None = None) -> str:
    """``text`` after ``times`` random mutations (1 to 8 when None)."""
    for _ in range(rng.randint(1, 8) if times is None else times):
        op = rng.choice(MUTATIONS)
        if op is _flatten and rng.random() < 0.8:
            op = _insert  # flattening is drastic: rarely
        text = op(rng, text)
    return text


def mutate_bytes(rng: random.Random, data: bytes, times: int | None = None) -> bytes:
    """Byte-level damage for files that are not text (.docx): flipped, cut, inserted or repeated bytes."""
    buf = bytearray(data)
    for _ in range(rng.randint(1, 4) if times is None else times):
        op = rng.randrange(4)
        at = rng.randrange(len(buf) + 1)
        if op == 0 and buf:
            buf[min(at, len(buf) - 1)] ^= 1 << rng.randrange(8)
        elif op == 1:
            del buf[at:]
        elif op == 2:
            buf[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 16)))
        else:
            buf[at:at] = buf[at : at + rng.randint(1, 64)] * rng.randint(1, 4)
    return bytes(buf)


def as_input(rng: random.Random, text: str) -> tuple[bytes, str]:
    """``text`` as a file planparse would be handed: bytes in some encoding, or an HTML page; and a name."""
    if rng.random() < 0.25:
        body = "".join(f"<p>{line}</p>" if rng.random() < 0.8 else f"<div><font>{line}<br>" for line in text.split("\n"))
        page = f'<html><head><meta charset="utf-8"><title>计划</title></head><body>{body}</body></html>'
        return page.encode("utf-8", "surrogatepass"), rng.choice(["page.html", "page.htm", "page"])
    codec = rng.choice(pieces()["encodings"])
    try:
        data = text.encode(codec)
    except UnicodeEncodeError:
        data = text.encode(codec, "replace") if rng.random() < 0.5 else text.encode("utf-8", "surrogatepass")
    return data, rng.choice(["plan.txt", "plan", "plan.md", "plan.doc"])
