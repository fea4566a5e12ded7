"""The garbage collector around a parse (structure.collector_paused): off while it runs, as it was
after; the parse's objects are not left in the young generation for its next pass to go over, a
program's own frozen objects stay frozen, and cyclic garbage is still collected.

Each check runs in a child interpreter: the collector's state is the whole process's.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

SETUP = """
import gc, weakref
import planparse
TEXT = "2025年学校工会工作计划\\n一、指导思想\\n坚持以教职工为本。\\n二、主要工作\\n" + "".join(
    f"{i}、开展第{i}项活动。\\n" for i in range(1, 100))
"""


def _run(body: str) -> None:
    code = SETUP + textwrap.dedent(body)
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]


def test_the_collector_is_on_again_with_nothing_of_the_parse_pending() -> None:
    _run("""
        assert gc.isenabled()
        doc = planparse.parse_text(TEXT, tag=False)
        assert gc.isenabled()
        # the parse allocated thousands of tracked objects while the collector was off: none waits in
        # the young generation for a pass that would go over them all
        assert gc.get_count()[0] < gc.get_threshold()[0], gc.get_count()
        young = gc.get_objects(generation=0) + gc.get_objects(generation=1)
        assert not any(o is doc or o is doc.plans for o in young)
        assert any(o is doc for o in gc.get_objects(generation=2))
        assert sum(len(section.items) for plan in doc.plans for section in plan.sections) == 99
    """)


def test_a_collector_turned_off_by_the_program_stays_off() -> None:
    _run("""
        gc.disable()
        planparse.parse_text(TEXT, tag=False)
        assert not gc.isenabled()
    """)


def test_the_programs_frozen_objects_stay_frozen() -> None:
    _run("""
        keep = [object() for _ in range(100)]
        gc.freeze()
        frozen = gc.get_freeze_count()
        assert frozen > 0
        planparse.parse_text(TEXT, tag=False)
        # still frozen (less what the parse's cleared caches freed), and the parse's own objects not frozen
        assert 0 < gc.get_freeze_count() <= frozen and gc.isenabled()
    """)


@pytest.mark.parametrize("made", ["before", "after"])
def test_cyclic_garbage_is_still_collected(made: str) -> None:
    _run(f"""
        class Node:
            pass

        def cycle():
            a, b = Node(), Node()
            a.other, b.other = b, a
            return weakref.ref(a)

        ref = cycle() if {made!r} == "before" else None
        planparse.parse_text(TEXT, tag=False)
        if ref is None:
            ref = cycle()
        gc.collect()
        assert ref() is None
    """)
