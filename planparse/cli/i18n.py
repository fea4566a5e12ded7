"""The command line's language: English, or Chinese with ``--lang zh`` or a zh_* locale.

The language is known before click parses anything (help texts are shown while parsing), so
``main`` takes ``--lang`` out of the arguments wherever it stands (``planparse --lang zh parse
…`` or ``planparse parse … --lang zh``) and, for Chinese, puts the help texts of
data/labels.toml [help.zh] on the commands and options.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping, Sequence
from functools import cache

import click

from planparse.datafiles import data_path

LANGUAGES = ("en", "zh")
_state: dict[str, str | None] = {"lang": None}


def locale_language(environ: Mapping[str, str]) -> str:
    """zh when the locale in force (LC_ALL, then LC_MESSAGES, then LANG) is a Chinese one, else en."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(var)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def take_language(argv: Sequence[str], environ: Mapping[str, str]) -> tuple[str, list[str]]:
    """The language asked for and the arguments without ``--lang X`` / ``--lang=X``."""
    lang = locale_language(environ)
    rest: list[str] = []
    args = list(argv)
    k = 0
    while k < len(args):
        arg = args[k]
        if arg == "--":
            rest.extend(args[k:])
            break
        if arg == "--lang" and k + 1 < len(args):
            lang, k = args[k + 1], k + 2
            continue
        if arg.startswith("--lang="):
            lang, k = arg.split("=", 1)[1], k + 1
            continue
        rest.append(arg)
        k += 1
    if lang not in LANGUAGES:
        raise click.BadParameter(f"{lang!r} is not one of {', '.join(LANGUAGES)}", param_hint="--lang")
    return lang, rest


def set_language(lang: str) -> None:
    _state["lang"] = lang


def current_language() -> str:
    """The language of this run: as main (or the group's --lang) set it, else the locale's."""
    return _state["lang"] or locale_language(os.environ)


@cache
def _help_texts(lang: str) -> dict[str, str]:
    with data_path("labels.toml").open("rb") as fh:
        return dict(tomllib.load(fh).get("help", {}).get(lang, {}))


def localise(group: click.Group, lang: str) -> None:
    """Put ``lang``'s help texts on ``group``, its commands and their options (English stays where none is given)."""
    texts = _help_texts(lang)
    if not texts:
        return

    def apply(name: str, command: click.Command) -> None:
        if name in texts:
            command.help = texts[name]
            command.short_help = None
        for param in command.params:
            if isinstance(param, click.Option):
                text = texts.get(f"{name}.{param.name}") or texts.get(f"*.{param.name}")
                if text:
                    param.help = text

    apply("planparse", group)
    for name, command in group.commands.items():
        apply(name, command)
