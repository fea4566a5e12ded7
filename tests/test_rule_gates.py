"""Rule gates (a rule's ``needs``, planparse/parse/rules.py) skip rules that cannot vote and change no decision.

Under :func:`checking_gates` every table calls every rule and fails when one votes on a line its
gate would have kept it from: the corpus, mutations of it, plan-like generated texts and (when
they are beside the project) the shared seeds and dev texts must all pass so.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from planparse.mutations import mutate, plan_like
from planparse.parse.plans import PlanBlock, PlanContext, PlanState, plan_boundary
from planparse.parse.rules import Decision, RuleError, RuleTable, Vote, checking_gates
from planparse.parse.sections import LineContext, SectionBlock, SectionState, section_start
from planparse.parse.structure import parse_structure

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = sorted((ROOT / "corpus").glob("*.txt"))
SHARED_TEXTS = sorted((SHARED / "seeds").glob("*.txt")) + sorted((SHARED / "eval" / "dev" / "texts").glob("*.txt"))


def _texts_pass(texts: list[str]) -> None:
    with checking_gates():
        for text in texts:
            parse_structure(text)


def test_no_gate_keeps_out_a_vote_on_the_corpus() -> None:
    assert len(CORPUS) > 50
    _texts_pass([p.read_text(encoding="utf-8-sig") for p in CORPUS])


def test_no_gate_keeps_out_a_vote_on_mutated_and_generated_texts() -> None:
    rng = random.Random(11)
    texts = [mutate(rng, p.read_text(encoding="utf-8-sig")) for p in CORPUS for _ in range(2)]
    texts += [plan_like(rng) for _ in range(200)]
    _texts_pass(texts)


@pytest.mark.skipif(not SHARED_TEXTS, reason="../shared (seeds, dev texts) is not beside the project")
def test_no_gate_keeps_out_a_vote_on_the_shared_texts() -> None:
    _texts_pass([p.read_text(encoding="utf-8-sig") for p in SHARED_TEXTS])


def test_the_gates_call_no_rule_on_a_plain_line_of_a_part() -> None:
    """A gate must do work to be worth its code: a line of running text inside a part sets none of
    the facts any rule needs, and the tables call no rule on it; before the plan's first part, the
    rules that read the plan's opening are called."""
    lines = parse_structure("2025年学校工会工作计划\n一、指导思想\n各部门要按时完成本月的各项工作，确保活动顺利开展。\n").lines
    plain = next(ln for ln in lines if ln.text.startswith("各部门"))
    in_part = SectionState([SectionBlock(0, lines[1].idx, [], "guiding_ideology", Decision("headed:guiding_ideology", "")) ], [])
    section_ctx = LineContext(plain, 1, [lines[1], plain], None, in_part, True, lines, {})
    plan_ctx = PlanContext(plain, plain.idx, lines, PlanState(content=True), PlanBlock(), lines[1])
    for table, ctx in ((plan_boundary, plan_ctx), (section_start, section_ctx)):
        table.rules  # noqa: B018  (configures the table)
        assert table._read_facts is not None
        set_facts = tuple(map(bool, table._read_facts(ctx)))
        assert not any(set_facts) and table._calls_given(set_facts) == ()
    opening = LineContext(plain, 0, [plain], None, SectionState([], []), False, lines, {})
    called = {name for _, name, _ in section_start._calls_given(tuple(map(bool, section_start._read_facts(opening))))}
    assert called == {"guiding_paragraph", "mid_text_start"}


def test_a_wrong_gate_is_caught() -> None:
    """A rule that votes where its needs say it cannot fails the check, naming the rule."""
    table: RuleTable = RuleTable("plan_boundary", default="line")
    for rule in plan_boundary.rules:
        table.rule(rule.name, needs=plan_boundary._needs[rule.name])(rule.fn)
    table.add("votes_on_plain_lines", lambda ctx: Vote("line", ("any line",)), weight=1.0, needs=("line.separator",))
    lines = parse_structure("坚持以教职工为本，推进民主管理。\n").lines
    ctx = PlanContext(lines[0], 0, lines, PlanState(), PlanBlock(), None)
    assert table.decide(ctx).label == "line" and not table.decide(ctx).votes  # gated: the rule is not called
    with checking_gates(), pytest.raises(RuleError, match="votes_on_plain_lines"):
        table.decide(ctx)
