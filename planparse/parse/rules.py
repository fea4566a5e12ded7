"""Decisions as named rules in ordered tables, the way markdown-it-py keeps its rule lists.

A :class:`RuleTable` holds named rules. Each rule looks at a context (a line and what the
stage knows so far, or a block of lines) and may cast a :class:`Vote` for a decision, naming
the features that made it vote. The table adds up the votes' weights per decision and the
decision with the highest total wins (between equal totals, the one voted for first). The
order of the rules, their weights and whether they are on come from
``planparse/data/rules.toml``; the code only says what each rule looks at.

    table = RuleTable("plan_boundary", default="line")

    @table.rule("separator_line")
    def _separator(ctx: PlanContext) -> Vote | None:
        '''A 篇N / 【篇2】 line starts a plan and titles it.'''
        return Vote("new_titled", ("separator",)) if ctx.line.separator else None

A :class:`Decision` keeps every vote, so ``--explain`` can say which rule decided a span
and which features weighed most.

A rule may name the facts it ``needs`` (``@table.rule("separator_line", needs=("line.separator",))``):
attributes of the context (its line's facts, or what the stage knows so far), at least one of
which is set wherever the rule can vote. The table reads those facts once per context and calls only the rules whose needs
are met; most lines set none of them, and calling some twenty rules that each find so for
themselves was a sixth of a parse (issue 11). A gate changes no decision: it is a necessary
condition the rule checks again itself, and :func:`checking_gates` (the test suite) calls every
rule and fails on a vote that a gate would have kept out.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from operator import attrgetter
from typing import Any, Generic, TypeVar

from planparse.datafiles import data_path

C = TypeVar("C")


# Votes and decisions are made for every line (two tables ask about each): plain slotted
# dataclasses, as a frozen one costs 3.6 times as much to build; nothing edits them once made
# (hashable by value all the same).
@dataclass(slots=True, unsafe_hash=True)
class Vote:
    """A rule's vote: the decision it argues for and the features that made it."""

    decision: str
    evidence: tuple[str, ...] = ()


@dataclass(slots=True, unsafe_hash=True)
class CastVote:
    rule: str
    decision: str
    weight: float
    evidence: tuple[str, ...]


@dataclass(slots=True, unsafe_hash=True)
class Decision:
    """What a table decided for one context, and the votes behind it."""

    label: str
    rule: str  # the rule that weighed most for the winning decision ("" when nothing voted)
    votes: tuple[CastVote, ...] = ()

    @property
    def evidence(self) -> tuple[str, ...]:
        """The features named by the votes for the winning decision, heaviest first."""
        out: list[str] = []
        for v in sorted((v for v in self.votes if v.decision == self.label), key=lambda v: -v.weight):
            out.extend(e for e in v.evidence if e not in out)
        return tuple(out)

    def explain(self) -> str:
        if not self.votes:
            return f"{self.label} (no rule voted: default)"
        parts = [f"{v.rule}{'' if v.decision == self.label else ' → ' + v.decision} {v.weight:g}" for v in self.votes]
        return f"{self.label} by {self.rule} [{', '.join(parts)}]"


@dataclass(frozen=True, slots=True)
class Rule(Generic[C]):
    name: str
    fn: Callable[[C], Vote | None]
    weight: float
    pattern: str  # the general pattern the rule stands for: its docstring's first line


class RuleError(Exception):
    """rules.toml and the rules written in code disagree, or a rule voted where its gate says it cannot."""


_check_gates = False


@contextmanager
def checking_gates() -> Iterator[None]:
    """While on, every table calls every rule and raises RuleError when a rule votes on a context
    whose facts its ``needs`` say it cannot vote on (a gate that would change a decision)."""
    global _check_gates
    was, _check_gates = _check_gates, True
    try:
        yield
    finally:
        _check_gates = was


@cache
def _rules_data() -> dict[str, Any]:
    with data_path("rules.toml").open("rb") as fh:
        return tomllib.load(fh)


class RuleTable(Generic[C]):
    """An ordered table of named rules deciding one question (see the module docstring)."""

    def __init__(self, name: str, *, default: str) -> None:
        self.name = name
        self.default = default
        self._fns: dict[str, Callable[[C], Vote | None]] = {}
        self._needs: dict[str, tuple[str, ...]] = {}
        self._extra: list[tuple[str, float, str | None]] = []  # rules added at run time: name, weight, before
        self._active: tuple[Rule[C], ...] | None = None
        self._calls: tuple[tuple[Callable[[C], Vote | None], str, float], ...] = ()  # the active rules, unpacked
        # gates: the facts any active rule needs, read in one call; and, by which of them are set,
        # the active rules to call (a handful of combinations occur)
        self._read_facts: Callable[[C], tuple[object, ...]] | None = None
        self._gated: dict[tuple[bool, ...], tuple[tuple[Callable[[C], Vote | None], str, float], ...]] = {}
        self._gate_of: dict[str, tuple[int, ...]] = {}  # rule → the positions of its needs among the facts read
        self._nothing = Decision(default, "")  # what every context no rule votes on gets (most lines)

    def rule(self, name: str, *, needs: tuple[str, ...] = ()) -> Callable[[Callable[[C], Vote | None]], Callable[[C], Vote | None]]:
        """Register ``fn`` as the rule ``name``; its weight and place come from rules.toml.

        ``needs``: attribute paths of the context (``line.separator``, ``no_section_yet``) at least one
        of which is set (truthy) wherever the rule can vote; the table calls it only then (see the
        module docstring). Empty: called always."""

        def register(fn: Callable[[C], Vote | None]) -> Callable[[C], Vote | None]:
            if name in self._fns:
                raise RuleError(f"rule table {self.name}: rule {name!r} is written twice")
            self._fns[name] = fn
            self._needs[name] = needs
            self._active = None
            return fn

        return register

    def add(self, name: str, fn: Callable[[C], Vote | None], *, weight: float, before: str | None = None,
            needs: tuple[str, ...] = ()) -> None:
        """Add a rule at run time (an extension, or a test), with its weight, before rule ``before``."""
        self.rule(name, needs=needs)(fn)
        self._extra.append((name, weight, before))
        self._active = None

    def remove(self, name: str) -> None:
        """Take out a rule added with :meth:`add`."""
        self._fns.pop(name, None)
        self._needs.pop(name, None)
        self._extra = [x for x in self._extra if x[0] != name]
        self._active = None

    @property
    def rules(self) -> tuple[Rule[C], ...]:
        """The enabled rules in their order, weights applied."""
        if self._active is None:
            self._active = self._configure()
            self._calls = tuple((r.fn, r.name, r.weight) for r in self._active)
            self._configure_gates()
        return self._active

    def _configure_gates(self) -> None:
        facts = sorted({f for r in self._active or () for f in self._needs[r.name]})
        self._gated = {}
        self._gate_of = {r.name: tuple(facts.index(f) for f in self._needs[r.name]) for r in self._active or ()}
        if not facts:
            self._read_facts = None
            return
        read = attrgetter(*facts)
        self._read_facts = read if len(facts) > 1 else lambda ctx: (read(ctx),)

    def _calls_given(self, set_facts: tuple[bool, ...]) -> tuple[tuple[Callable[[C], Vote | None], str, float], ...]:
        """The active rules to call where the facts read are set as ``set_facts`` says."""
        calls = self._gated.get(set_facts)
        if calls is None:
            calls = self._gated[set_facts] = tuple(
                c for c in self._calls if not (gate := self._gate_of[c[1]]) or any(set_facts[i] for i in gate))
        return calls

    def _configure(self) -> tuple[Rule[C], ...]:
        table = _rules_data().get(self.name)
        if table is None:
            raise RuleError(f"rules.toml has no table [{self.name}]")
        listed: list[tuple[str, float]] = []
        for entry in table.get("rules", []):
            name = entry["name"]
            if name not in self._fns:
                raise RuleError(f"rules.toml [{self.name}] lists {name!r}, which no code defines")
            if entry.get("enabled", True):
                listed.append((name, float(entry.get("weight", 1.0))))
        known = {e["name"] for e in table.get("rules", [])} | {x[0] for x in self._extra}
        missing = sorted(set(self._fns) - known)
        if missing:
            raise RuleError(f"rules.toml [{self.name}] does not list the rules {missing}")
        for name, weight, before in self._extra:
            at = next((k for k, (n, _) in enumerate(listed) if n == before), len(listed))
            listed.insert(at, (name, weight))
        return tuple(Rule(n, self._fns[n], w, _first_line(self._fns[n].__doc__)) for n, w in listed)

    def decide(self, ctx: C) -> Decision:
        if self._active is None:
            self.rules  # noqa: B018  (configures the table)
        calls = self._calls
        if self._read_facts is not None:
            set_facts = tuple(map(bool, self._read_facts(ctx)))
            calls = self._gated.get(set_facts)
            if calls is None:
                calls = self._calls_given(set_facts)
            if _check_gates:
                self._check(ctx, calls)
            if not calls:
                return self._nothing  # no rule could vote: most lines of a plan's body
        votes: list[CastVote] = []
        for fn, name, weight in calls:  # called for every line by two tables: no attribute look-ups
            v = fn(ctx)
            if v is not None:
                votes.append(CastVote(name, v.decision, weight, v.evidence))
        if not votes:
            return self._nothing
        if len(votes) == 1:  # most lines: one rule votes, and the tally below would only confirm it
            v = votes[0]
            label = v.decision if v.weight > 0 else self.default
            return Decision(label, v.rule if v.decision == label else "", (v,))
        totals: dict[str, float] = {}
        for v in votes:
            totals[v.decision] = totals.get(v.decision, 0.0) + v.weight
        best = max(totals.values())
        label = next(v.decision for v in votes if totals[v.decision] == best)
        if best <= 0:
            label = self.default
        lead = max((v for v in votes if v.decision == label), key=lambda v: v.weight, default=None)
        return Decision(label, lead.rule if lead else "", tuple(votes))

    def _check(self, ctx: C, calls: tuple[tuple[Callable[[C], Vote | None], str, float], ...]) -> None:
        called = {c[1] for c in calls}
        for fn, name, _ in self._calls:
            if name not in called and fn(ctx) is not None:
                raise RuleError(f"rule table {self.name}: rule {name!r} voted, but its gate needs one of "
                                f"{self._needs[name]} and none is set")

    def describe(self) -> list[tuple[str, float, str]]:
        """(name, weight, pattern) of each enabled rule, in order: for documentation and --explain."""
        return [(r.name, r.weight, r.pattern) for r in self.rules]


def _first_line(doc: str | None) -> str:
    return (doc or "").strip().split("\n", 1)[0]
