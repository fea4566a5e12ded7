"""The ``planparse`` command line. One module per subcommand; this group wires them up.

Every PlanparseError becomes one line on stderr naming the file and the problem,
with exit code 2; nothing reaches the user as a traceback.
"""

from __future__ import annotations

import io
import os
import sys

import click

from planparse.cli.i18n import LANGUAGES, localise, set_language, take_language
from planparse.cli.parse_cmd import parse_cmd


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="planparse")
@click.option("--lang", type=click.Choice(LANGUAGES), default=None, expose_value=False, is_eager=True,
              callback=lambda _ctx, _param, value: set_language(value) if value else None,
              help="Language of labels and help: en or zh (default: from LANG / LC_ALL). Also after a command.")
def cli() -> None:
    """Turn Chinese work plans (工作计划) into structured data."""


cli.add_command(parse_cmd)
cli.add_command(__import__("planparse.cli.export_cmd", fromlist=["export_cmd"]).export_cmd)
cli.add_command(__import__("planparse.cli.diff_cmd", fromlist=["diff_cmd"]).diff_cmd)
cli.add_command(__import__("planparse.cli.months_cmd", fromlist=["months_cmd"]).months_cmd)
cli.add_command(__import__("planparse.cli.similar_cmd", fromlist=["similar_cmd"]).similar_cmd)
cli.add_command(__import__("planparse.cli.rules_cmd", fromlist=["rules_cmd"]).rules_cmd)
cli.add_command(__import__("planparse.cli.calendar_cmd", fromlist=["calendar_cmd"]).calendar_cmd)
cli.add_command(__import__("planparse.cli.serve_cmd", fromlist=["serve_cmd"]).serve_cmd)


def _output_never_fails_on_the_console_encoding() -> None:
    """A console in GBK (Chinese Windows, PYTHONIOENCODING=gbk) cannot show every character of a plan
    ("•", emoji): such a character is shown as "?" instead of the command crashing."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and stream.errors == "strict":
            stream.reconfigure(errors="replace")


def main() -> None:
    from planparse.errors import PlanparseError

    _output_never_fails_on_the_console_encoding()
    try:
        lang, args = take_language(sys.argv[1:], os.environ)
        set_language(lang)
        if lang != "en":
            localise(cli, lang)
        cli.main(args=args, prog_name="planparse", standalone_mode=False)
    except PlanparseError as exc:
        click.echo(f"planparse: {exc}", err=True)
        sys.exit(2)
    except click.exceptions.Abort:
        click.echo("planparse: aborted", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except BrokenPipeError:
        sys.exit(1)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:  # a bug of ours: still one line, never a traceback
        click.echo(f"planparse: internal error: {type(exc).__name__}: {exc}", err=True)
        sys.exit(3)
