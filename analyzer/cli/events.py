"""`altitude events`: one row per counted occurrence (the table the Python API returns)."""

from __future__ import annotations

from typing import Any

import click

from analyzer.cli.options import (
    anonymize_option,
    build_options,
    calendar_options,
    output_option,
    warn_problems,
)
from analyzer.render.events import EVENT_FORMATS, render_events
from analyzer.reporting import prepare

__all__ = ["events"]


@click.command()
@calendar_options
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(EVENT_FORMATS),
    default="csv",
    show_default=True,
    help="csv, jsonl (JSON lines) or parquet (needs --output).",
)
@output_option
@anonymize_option
def events(**params: Any) -> None:
    """List every counted occurrence with its hours and label.

    \b
    Example:
      altitude events calendar.ics --from 2026-01-05 --to 2026-02-02 > events.csv
      altitude events takeout.zip --format parquet --output events.parquet
    """
    prepared = prepare(params["paths"], build_options(params), anonymize=params["anonymize"])
    warn_problems(prepared.analysis.problems, params["verbose"])
    data = render_events(prepared.analysis.events, params["fmt"], params["output"])
    if data is not None:
        click.echo(data, nl=False)
