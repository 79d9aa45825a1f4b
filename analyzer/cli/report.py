"""`altitude report`: the balance report of one person's calendars."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from analyzer.cli.options import build_options, calendar_options, output_option, warn_problems
from analyzer.reporting import FORMATS, build_outputs

__all__ = ["report"]


def _band(ctx: click.Context, param: click.Parameter, value: str | None) -> Any:
    from analyzer.aggregate.drift import parse_band

    if value is None:
        return None
    try:
        return parse_band(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


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
    callback=_band,
    help="Target band of the macro share, e.g. 0.3:0.5.",
)
def report(**params: Any) -> None:
    """Report the macro/micro balance, week by week.

    \b
    Example:
      altitude report calendar.ics --from 2026-01-05 --to 2026-04-06
      altitude report takeout.zip --format json --output report.json
      altitude report work.ics --html out/report.html --charts out/
    """
    outputs = build_outputs(
        params["paths"],
        build_options(params),
        fmt=params["fmt"],
        output=params["output"],
        html_path=params["html_path"],
        charts_dir=params["charts_dir"],
        rolling=params["rolling"],
        band=params["band"],
        color=params["output"] is None and sys.stdout.isatty(),
    )
    warn_problems(outputs.problems, params["verbose"])
    if outputs.text is not None:
        click.echo(outputs.text, nl=False)
