"""The `altitude` command group: the one place where errors become messages and exit codes."""

from __future__ import annotations

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
        return list(self.commands)  # in the order they were added: the order of the README


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


def _register() -> None:
    from analyzer.cli import (
        batch,
        cache,
        classify,
        evaluate,
        events,
        explain,
        report,
        review,
        train,
    )

    main.add_command(report.report)
    main.add_command(events.events)
    main.add_command(classify.classify)
    main.add_command(train.train)
    main.add_command(evaluate.evaluate)
    main.add_command(review.review)
    main.add_command(explain.explain)
    main.add_command(cache.cache)
    main.add_command(batch.batch)


_register()
