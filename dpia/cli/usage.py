"""Click's own usage errors ("Missing argument", "No such option", ...) in the user's language.

Click words them with the standard library's gettext. Before a command's options are parsed,
`speak` points click's modules at our catalog in the language asked for with `--lang` (no
file has been read yet, so a usage error is otherwise in English). The messages are listed
below, exactly as click writes them, so that `make catalogs` takes them in.
"""

from __future__ import annotations

from types import ModuleType

import click.core
import click.decorators
import click.exceptions
import click.formatting
import click.parser
import click.types

from dpia.languages import LANGUAGES
from dpia.load.problems import N_
from dpia.render.i18n import translations

_MODULES: tuple[ModuleType, ...] = (
    click.core,
    click.decorators,
    click.exceptions,
    click.formatting,
    click.parser,
    click.types,
)


def requested_language(args: list[str]) -> str:
    """The language of `--lang X` or `--lang=X` among the arguments; English otherwise."""
    for i, arg in enumerate(args):
        value = args[i + 1] if arg == "--lang" and i + 1 < len(args) else None
        if arg.startswith("--lang="):
            value = arg.partition("=")[2]
        if value in LANGUAGES:
            return value
    return "en"


_spoken = ["en"]  # the language of the usage errors of this run


def gettext(message: str) -> str:
    """A usage error of dpia's own, in the language click speaks."""
    return translations(_spoken[0]).gettext(message)


def speak(lang: str) -> None:
    """Let click word its messages in `lang` (English: its own words)."""
    _spoken[0] = lang
    catalog = translations(lang)
    for module in _MODULES:
        if hasattr(module, "_"):
            module._ = catalog.gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = catalog.ngettext  # type: ignore[attr-defined]


def ngettext(singular: str, plural: str) -> tuple[str, str]:
    """Marks a plural message for the catalogs, as click asks for it."""
    return singular, plural


# The messages of click 8 that a user of dpia meets, in click's own words.
MESSAGES = (
    N_("Usage:"),
    N_("Error: {message}"),
    N_("Try '{command} {option}' for help."),
    N_("Invalid value: {message}"),
    N_("Invalid value for {param_hint}: {message}"),
    N_("Missing argument"),
    N_("Missing option"),
    N_("Missing parameter"),
    N_("Missing {param_type}"),
    N_("Missing command."),
    N_("No such option {name!r}."),
    N_("No such command {name!r}."),
    N_("{name} {filename!r} does not exist."),
    N_("{name} {filename!r} is a file."),
    N_("{name} {filename!r} is a directory."),
    N_("file"),
    N_("directory"),
    N_("path"),
)
PLURALS = (
    ngettext("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)"),
    ngettext("{value!r} is not {choice}.", "{value!r} is not one of {choices}."),
    ngettext("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})"),
    ngettext(
        "Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments."
    ),
)
