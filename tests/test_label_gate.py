"""The month-label gate (month_labels._may_open_label) sends lines out of
match_month_label before its patterns (speed, issue 11): it must change no label.

The gate is a cheap necessary condition for any kind of label to open a line: with it replaced by
"always", every line of the corpus (and of the shared seeds and dev texts, when they are beside the
project), what follows each of its punctuation marks (where a run-on label may start) and the line
closed by a colon (as a table cell is read) must get exactly the label they get with it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from planparse.parse import month_labels
from planparse.parse.month_labels import match_month_label

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
TEXTS = sorted((ROOT / "corpus").glob("*.txt")) + sorted((SHARED / "seeds").glob("*.txt")) \
    + sorted((SHARED / "eval" / "dev" / "texts").glob("*.txt"))
_BREAK = re.compile(r"[。;；,，:：、\s|｜]+")
# lines of the kinds each part of the gate stands for, and items it must send out
MADE_UP = [
    "三月份：开展学雷锋活动", "3月：植树节", "2026年3月：…", "20xx年1月：", "114年3月：", "7、8月份：暑期安全", "3-4月：",
    "1 三月份", "4、六月份：", "1  2.20-2.24 开学准备", "3.5 学雷锋", "3/5 学雷锋", "1 | 4月 | 读书月", "1季度：",
    "1、2季度：", "2026年第一季度：", "第一季度（1-3月）：", "上半年：", "2025年下半年：", "学期初（9月）：", "寒假（1—2月）：",
    "宣传发动阶段（5月27日—6月5日）：", "第二阶段：集中整治（6月6日—25日）：", "2026年读书节（4月）：", "五四青年节：",
    "119消防日：消防演练", "（三月）学雷锋月活动", "【三月】", "◆四月份：", "在3月，开展", "第3周：", "第一周 3月1日—3月7日",
    "9月第一周：", "1.加强学习", "1、召开会议", "（1）开展活动", "每周召开一次班委会", "开展“消防安全月”活动", "2、3月底前完成",
]


def _lines() -> Iterator[str]:
    yield from MADE_UP
    for path in TEXTS:
        for raw in path.read_text(encoding="utf-8-sig").split("\n"):
            line = raw.strip()
            if not line:
                continue
            yield line
            yield line + "："
            for m in _BREAK.finditer(line):
                if m.end() < len(line):
                    yield line[m.end() :]


def _labels(lines: list[str]) -> list[object]:
    match_month_label.cache_clear()
    out = [match_month_label(line) for line in lines]
    match_month_label.cache_clear()
    return out


def test_the_label_gate_changes_no_label(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = list(dict.fromkeys(_lines()))
    gated = _labels(lines)
    always = re.compile("")
    monkeypatch.setattr(month_labels, "_may_open_label", lambda: always)
    ungated = _labels(lines)
    differ = [(line, a, b) for line, a, b in zip(lines, gated, ungated, strict=True) if a != b]
    assert not differ, differ[:5]
    assert sum(label is not None for label in gated) > 100


def test_the_label_gate_sends_numbered_items_out() -> None:
    """It must do work to be worth its code: numbered items and running words stop at it."""
    gate = month_labels._may_open_label()
    for item in ["1.加强学习", "1、召开会议", "（1）开展活动", "每周召开一次班委会", "开展“消防安全月”活动", "12、做好"]:
        assert gate.match(item) is None, item
    for label in ["三月份：", "3月：", "2026年3月：", "7、8月份：", "3.5 学雷锋", "1 | 4月", "学期初（9月）：", "宣传阶段（5月）："]:
        assert gate.match(label) is not None, label


def _cells() -> list[str]:
    """Table cells as the schedule reads them: whole lines, what stands between bars, between spaces."""
    out: list[str] = list(MADE_UP)
    for line in _lines():
        out.append(line)
        out.extend(c for c in re.split(r"[|｜]", line) if c.strip())
        out.extend(line.split())
    return list(dict.fromkeys(out))


def test_the_cell_end_shortcut_changes_no_cell_label(monkeypatch: pytest.MonkeyPatch) -> None:
    """cell_label tries the cell closed by a colon only where that could close a label over the whole
    cell (_end_may_close): with it replaced by "always", every cell gets the same label."""
    # it does work: a month list's line read as a cell is not read a second time
    assert not month_labels._end_may_close(match_month_label("三月：开展学雷锋活动"))
    assert month_labels._end_may_close(match_month_label("3月上旬"))
    cells = _cells()
    month_labels.is_period_cell.cache_clear()
    shortcut = [month_labels.cell_label(c) for c in cells]
    monkeypatch.setattr(month_labels, "_end_may_close", lambda label: True)
    always = [month_labels.cell_label(c) for c in cells]
    differ = [(c, a, b) for c, a, b in zip(cells, shortcut, always, strict=True) if a != b]
    assert not differ, differ[:5]
    assert sum(label is not None for label in shortcut) > 100
