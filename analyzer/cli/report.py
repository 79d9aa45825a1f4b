"""`altitude report`: the balance report of one person's calendars."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from analyzer.aggregate.compare import parse_period
from analyzer.aggregate.drift import parse_band
from analyzer.cli.options import (
    anonymize_option,
    build_insight_settings,
    build_options,
    calendar_options,
    insight_options,
    output_option,
    parsed_by,
    warn_problems,
)
from analyzer.reporting import FORMATS, build_outputs, prepare

__all__ = ["report"]


@click.command()
@calendar_options
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="Output format.",
)
@output_option
@click.option(
    "--html",
    "html_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write the HTML report to this file.",
)
@click.option(
    "--charts",
    "charts_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write the charts (PNG and SVG) into this folder.",
)
@click.option(
    "--rolling",
    type=click.IntRange(min=1),
    default=4,
    show_default=True,
    help="Weeks in the rolling macro share.",
)
@click.option(
    "--target-band",
    "band",
    metavar="LO:HI",
    callback=parsed_by(parse_band),
    help="Target band of the macro share, e.g. 0.3:0.5.",
)
@click.option(
    "--compare",
    metavar="FROM:TO",
    callback=parsed_by(parse_period),
    help="Compare with an earlier window, e.g. 2025-10-06:2026-01-05.",
)
@insight_options
@anonymize_option
def report(**params: Any) -> None:
    """Report the macro/micro balance, week by week.

    \b
    Example:
      altitude report calendar.ics --from 2026-01-05 --to 2026-04-06
      altitude report takeout.zip --format json --output report.json
      altitude report work.ics --html out/report.html --charts out/ --target-band 0.3:0.5
      altitude report work.ics --compare 2025-10-06:2026-01-05 --anonymize
      altitude report work.ics --work-hours 08:00-17:00 --lead-time 24 --references
    """
    prepared = prepare(
        params["paths"],
        build_options(params),
        compare=params["compare"],
        anonymize=params["anonymize"],
        rolling=params["rolling"],
        band=params["band"],
        insights=build_insight_settings(params),
    )
    warn_problems(prepared.analysis.problems, params["verbose"])
    outputs = build_outputs(
        prepared,
        fmt=params["fmt"],
        output=params["output"],
        html_path=params["html_path"],
        charts_dir=params["charts_dir"],
        color=params["output"] is None and sys.stdout.isatty(),
    )
    if outputs.text is not None:
        click.echo(outputs.text, nl=False)
