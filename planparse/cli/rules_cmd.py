"""``planparse rules``: the parser's decision tables, their rules in order, weights and patterns."""

from __future__ import annotations

import click


@click.command("rules")
def rules_cmd() -> None:
    """List the parser's rule tables (data/rules.toml): each rule's order, weight and pattern."""
    from planparse.parse.explain import rule_tables

    for table in rule_tables():
        click.echo(f"[{table.name}]  (nothing voted: {table.default})")
        for name, weight, pattern in table.describe():
            click.echo(f"  {weight:>5g}  {name:<30} {pattern}")
        click.echo("")
