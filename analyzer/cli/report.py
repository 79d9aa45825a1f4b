"""`altitude report`: the balance report of one person's calendars."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from analyzer.aggregate.parsing import parse_band, parse_period
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
from analyzer.report_cache import CachedReport, ReportCache
from analyzer.types import REPORT_FORMATS

__all__ = ["report"]


@click.command()
@calendar_options
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(REPORT_FORMATS),
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
    cache, key = _report_cache(params)
    found = cache.get(key) if key else None
    if found is not None:  # the same report on the same inputs, moments ago
        for line in found.warnings:
            click.echo(line, err=True)
        click.echo(found.text, nl=False)
        return

    from analyzer.reporting import build_outputs, prepare

    prepared = prepare(
        params["paths"],
        build_options(params),
        compare=params["compare"],
        anonymize=params["anonymize"],
        rolling=params["rolling"],
        band=params["band"],
        insights=build_insight_settings(params),
    )
    warnings = warn_problems(prepared.analysis.problems, params["verbose"])
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
    if key and outputs.text is not None:
        cache.put(key, CachedReport(outputs.text, warnings))


def _report_cache(params: dict[str, Any]) -> tuple[ReportCache, str | None]:
    """The report cache and this report's key; no key when the report is not kept: text
    (it depends on the terminal), HTML or charts, files written, or standard input."""
    cache = ReportCache.default(not params["no_cache"])
    kept = (
        cache.folder is not None
        and params["fmt"] != "text"
        and params["output"] is None
        and params["html_path"] is None
        and params["charts_dir"] is None
        and "-" not in [str(path) for path in params["paths"]]
    )
    if not kept:
        return cache, None
    from analyzer.calendars.sources import read_sources
    from analyzer.calendars.timezones import local_zone_name
    from analyzer.classify.model_io import DEFAULT_MODEL_PATH, sidecar_path

    model = params.get("model") or DEFAULT_MODEL_PATH
    files = [params.get("rules"), params.get("corrections"), model, sidecar_path(model)]
    key = cache.key(read_sources(params["paths"]), params, files, local_zone_name())
    return cache, key
