"""Stage: numbering levels within each plan, from the order in which marker families appear.

A family seen first is on top; a family met for the first time below it opens the next
level. Numbers must run in sequence (a small gap is forgiven: pastes lose items), so a
stray "2、" or "3." inside a sentence is no item. A new family whose first number is high
continues an outer level whose earlier headings were left out (a plan pasted without its
一、二、), so it goes on top.

Layer written: ``numbering`` — one annotation per plan (its span), data the plan's
``{line idx: (level, number)}`` for every accepted marker line, in line order. A map per plan, not
an annotation per marker: a long plan's numbering was 160 bytes a numbered line that way, 35 so,
and the three stages that read it take it as it is instead of each rebuilding it.
"""

from __future__ import annotations

from collections.abc import Iterable

from planparse.parse.document import Annotation, ParseDoc
from planparse.parse.features import Line
from planparse.parse.markers import HEADING_FAMILIES, OUTER_FAMILIES
from planparse.parse.params import params


def assign_levels(lines: Iterable[Line]) -> dict[int, tuple[int, int]]:
    """line idx → (level, number) for every line whose marker is accepted as an item."""
    p = params().levels
    stack: list[list] = []  # [family, last number]
    out: dict[int, tuple[int, int]] = {}
    first = True  # no content line yet
    mid_plan = False  # the text began inside a list: the outer levels above it are cut off too
    after_wrap = False  # the line before was cut at the copy's fixed width: this one goes on with its words
    for ln in lines:
        mk = ln.marker
        if ln.furniture:
            continue
        starts_text, wrapped_into = first, after_wrap
        after_wrap = ln.wrapped
        # a page's short header remnant (计划总结) does not start the text; a real line does, except the
        # rest of a sentence begun on the page before (的晨检，……): the list it ends goes on under it
        first = first and mk is None and ln.month is None \
            and (len(ln.text) < params().plans.content_min_chars or ln.mid_sentence)
        if mk is None or mk.number is None and wrapped_into:
            # "、定地点……" under a line the copy cut at its width: the sentence's own 、, no lost number
            continue
        if starts_text and mk.number is not None:
            # a text that begins in the middle of a plan (the rest of a page: "4、重视……",
            # "(四)管理制度的完善"): its first line continues a list whose start is elsewhere
            stack.append([mk.family, mk.number])
            out[ln.idx] = (0, mk.number)
            mid_plan = mk.number > 1
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
            if last < n <= last + p.max_gap or n == 1 or n == last or cue_heading:
                del stack[pos + 1 :]
                stack[pos][1] = n
                out[ln.idx] = (pos, n)
            continue
        if n is None:
            n = 1
        # in a text cut off inside a list ((3)… (4)… then 3、加强教学常规管理; 3、… 4、… then （二）膳食营养管理),
        # a heading of a heading family not seen yet, numbered past the first, is the outer level the cut
        # left out as well; elsewhere only a high number shows that
        outer_after_cut = ln.heading_like and (mid_plan and fam in HEADING_FAMILIES and n > 1
                                               or n > p.new_family_max_first and (fam in OUTER_FAMILIES or mid_plan))
        if outer_after_cut:
            stack[:] = [[fam, n]]
            out[ln.idx] = (0, n)
        elif n <= p.new_family_max_first:
            stack.append([fam, n])
            out[ln.idx] = (len(stack) - 1, n)
    return out


def plan_body(doc: ParseDoc, plan: Annotation) -> list[Line]:
    """A plan's lines without its title, title lead and separator line."""
    block = plan.data
    lines = doc.lines
    return [lines[i] for i in block.lines if i not in (block.title, block.title_lead, block.title_head) and not lines[i].separator]


def number_plans(doc: ParseDoc) -> None:
    """Stage: the ``numbering`` layer."""
    out: list[Annotation] = []
    # one tuple per distinct (level, number): a long plan repeats the few pairs its lists count through
    pairs: dict[tuple[int, int], tuple[int, int]] = {}
    for plan in doc.layer("plans"):
        levels = assign_levels(plan_body(doc, plan))
        for idx, pair in levels.items():
            levels[idx] = pairs.setdefault(pair, pair)
        out.append(Annotation(plan.start, plan.end, "numbering", "levels", (), levels))
    doc.add_layer("numbering", out)


def levels_by_plan(doc: ParseDoc) -> list[dict[int, tuple[int, int]]]:
    """For each plan, line idx → (level, number), as the numbering layer holds it (read only)."""
    return [a.data for a in doc.layer("numbering")]
