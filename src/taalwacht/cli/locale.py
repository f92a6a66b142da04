"""The command line speaks Dutch: Typer's help panels, its usage line and the help option,
and the usage errors Click raises, all worded from the message catalogue.

Typer 0.28 vendors Click (``typer._click``) and words these in English; the version is
pinned, so the few hooks used here (panel titles in ``typer.rich_utils``, a command class
with its own usage prefix and help option, the exception types) are stable for us.
"""

from __future__ import annotations

import re
from typing import Any

from typer._click import exceptions as click_errors
from typer._click.core import Context
from typer._click.formatting import HelpFormatter
from typer._click.types import IntRange
from typer._types import TyperChoice
from typer.core import TyperCommand, TyperGroup

from taalwacht.messages import text

OPTIONS_METAVAR = "[OPTIES]"


def install() -> None:
    """Dutch panel titles and hints in Typer's rich help and error boxes. Only for help:
    importing rich's help renderer costs a tenth of a second a check need not pay."""
    import typer.rich_utils as rich_utils

    rich_utils.ARGUMENTS_PANEL_TITLE = text("cli.panel-arguments")
    rich_utils.OPTIONS_PANEL_TITLE = text("cli.panel-options")
    rich_utils.COMMANDS_PANEL_TITLE = text("cli.panel-commands")
    rich_utils.ERRORS_PANEL_TITLE = text("cli.panel-error")
    rich_utils.DEFAULT_STRING = text("cli.default")
    rich_utils.REQUIRED_LONG_STRING = text("cli.required")
    rich_utils.ABORTED_TEXT = text("cli.aborted")
    rich_utils.RICH_HELP = text("cli.try-help")


class _Dutch:
    """Usage line and help option in Dutch, for commands and for the group."""

    def format_usage(self, ctx: Context, formatter: HelpFormatter) -> None:
        pieces = self.collect_usage_pieces(ctx)  # type: ignore[attr-defined]
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=text("cli.usage"))

    def get_help_option(self, ctx: Context) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = text("cli.help-option")
        return option


class DutchCommand(_Dutch, TyperCommand):
    pass


class DutchGroup(_Dutch, TyperGroup):
    pass


def usage_error(err: click_errors.UsageError) -> str:
    """One Dutch line for a usage error Click raised (unknown option, missing or invalid
    value, extra argument)."""
    if isinstance(err, click_errors.NoSuchOption):
        found = sorted(err.possibilities or ())
        hint = text("cli.did-you-mean", options=", ".join(found)) if found else ""
        return text("cli.no-such-option", option=err.option_name) + hint
    if isinstance(err, click_errors.MissingParameter):
        return text("cli.missing", what=_hint(err))
    if isinstance(err, click_errors.BadParameter):
        return text("cli.bad-value", what=_hint(err), problem=_problem(err))
    message = err.format_message()
    extra = re.match(r"Got unexpected extra argument(?:s|\(s\))? \((.*)\)", message)
    if extra:
        return text("cli.extra-argument", args=extra.group(1))
    command = re.match(r"No such command '?([^'.]*)'?", message)
    if command:
        return text("cli.no-such-command", command=command.group(1), commands=_commands(err))
    needs = re.match(r"Option '([^']+)' requires an? ", message)
    if needs:
        return text("cli.needs-value", option=needs.group(1))
    return text("cli.usage-error", message=message)


def _commands(err: click_errors.UsageError) -> str:
    """The commands the group offers, in the order of its help."""
    ctx = err.ctx
    if ctx is None or not isinstance(ctx.command, TyperGroup):
        return ""
    return ", ".join(ctx.command.list_commands(ctx))


def _hint(err: click_errors.BadParameter) -> str:
    if err.param_hint:
        hint = err.param_hint
        return " / ".join(hint) if not isinstance(hint, str) else hint
    param = err.param
    if param is None:
        return ""
    if param.param_type_name == "argument":
        return param.metavar or (param.name or "").upper()
    return " / ".join(param.opts)


def _problem(err: click_errors.BadParameter) -> str:
    """What is wrong with the value, in Dutch where the parameter's type tells."""
    value = re.match(r"'?([^']*?)'? is ", err.message)
    given = value.group(1) if value else ""
    kind = getattr(err.param, "type", None)
    if isinstance(kind, TyperChoice):
        choices = ", ".join(str(getattr(c, "value", c)) for c in kind.choices)
        return text("cli.choose-from", value=given, choices=choices)
    if isinstance(kind, IntRange):
        return text("cli.number-at-least", value=given, low=kind.min)
    return text("cli.invalid", value=given)
