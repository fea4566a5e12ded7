"""Stage 5a: numbering levels within a plan, from the order in which marker families appear.

A family seen first is on top; a family met for the first time below it opens the
next level. Numbers must run in sequence (a gap of one is forgiven: pastes lose
items), so a stray "2、" or "3." inside a sentence is no item. A new family whose
first number is 3 or more continues an outer level whose earlier headings were
left out (a plan pasted without its 一、二、), so it goes on top.
"""

from __future__ import annotations

from planparse.parse.classify import Line

_OUTER_FAMILIES = {"cjk", "part", "ordinal"}


def assign_levels(lines: list[Line]) -> dict[int, tuple[int, int]]:
    """line idx → (level, number) for every line whose marker is accepted as an item."""
    stack: list[list] = []  # [family, last number]
    out: dict[int, tuple[int, int]] = {}
    for ln in lines:
        mk = ln.marker
        if mk is None or ln.furniture:
            continue
        fam, n = mk.family, mk.number
        pos = next((i for i, (f, _) in enumerate(stack) if f == fam), None)
        if pos is not None:
            last = stack[pos][1]
            if n is None:
                n = last + 1
            # a top-level heading with a cue word is taken even out of sequence: items under
            # 二、主要工作 may reuse 一、二、三、 and the next heading (三、工作目标) then repeats a number
            cue_heading = pos == 0 and ln.cue_kind is not None and ln.heading_like
            if last < n <= last + 2 or n == 1 or n == last or cue_heading:
                del stack[pos + 1 :]
                stack[pos][1] = n
                out[ln.idx] = (pos, n)
            continue
        if n is None:
            n = 1
        if n <= 2:
            stack.append([fam, n])
            out[ln.idx] = (len(stack) - 1, n)
        elif fam in _OUTER_FAMILIES and ln.heading_like:
            stack[:] = [[fam, n]]
            out[ln.idx] = (0, n)
    return out
