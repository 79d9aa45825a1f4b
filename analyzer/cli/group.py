"""The `altitude` command group: the one place where errors become messages and exit codes."""

from __future__ import annotations

import importlib
from typing import Any

import click

from analyzer._version import __version__
from analyzer.cli.progress import progress_on_terminal
from analyzer.errors import AltitudeError

__all__ = ["main"]


class AltitudeGroup(click.Group):
    """A click group that shows an :class:`AltitudeError` as one line and exits with its code."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            with progress_on_terminal():
                return super().invoke(ctx)
        except AltitudeError as exc:
            click.echo(f"Error: {exc.message}", err=True)
            ctx.exit(exc.exit_code)
        except BrokenPipeError:  # `altitude events ... | head`
            ctx.exit(0)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(_COMMANDS)  # the order of the README

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """Import a command's module only when that command runs (or help lists it)."""
        if cmd_name not in self.commands and cmd_name in _COMMANDS:
            module = importlib.import_module(f"analyzer.cli.{_COMMANDS[cmd_name]}")
            self.add_command(getattr(module, cmd_name), cmd_name)
        return self.commands.get(cmd_name)


# Command name -> its module in analyzer/cli; the command object has the command's name.
_COMMANDS = {
    "report": "report",
    "events": "events",
    "classify": "classify",
    "train": "train",
    "evaluate": "evaluate",
    "review": "review",
    "explain": "explain",
    "cache": "cache",
    "batch": "batch",
}


@click.group(cls=AltitudeGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="altitude")
def main() -> None:
    """Where does your time go: setting direction (macro) or running the day-to-day (micro)?

    Altitude reads calendar exports (Google, Outlook, Apple .ics or a Google Takeout .zip),
    labels every event macro, micro or other, and reports the balance
    macro / (macro + micro) week by week.

    \b
    Example:
      altitude report calendar.ics --weeks 12
    """
