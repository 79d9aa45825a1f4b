"""Produce a report in every format from one analysis (used by the CLI, batch and API)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from analyzer.aggregate.drift import drift_table
from analyzer.aggregate.report import build_report
from analyzer.aggregate.sinks import top_sinks
from analyzer.analysis import Analysis, ReportOptions, analyze
from analyzer.calendars.expand import ComponentProblem
from analyzer.render.csv import render_csv
from analyzer.render.files import write_text
from analyzer.render.json import render_json
from analyzer.render.markdown import render_markdown
from analyzer.render.text import render_text

__all__ = ["FORMATS", "Outputs", "build_outputs", "render_report"]

FORMATS: tuple[str, ...] = ("text", "json", "csv", "markdown", "html")


@dataclass
class Outputs:
    """What a report run produced: text for stdout (if any), files written, warnings."""

    text: str | None
    written: list[Path] = field(default_factory=list)
    problems: list[ComponentProblem] = field(default_factory=list)


def render_report(
    analysis: Analysis,
    fmt: str,
    rolling: int = 4,
    band: tuple[float, float] | None = None,
    color: bool = False,
) -> str:
    """The report of ``analysis`` in one of :data:`FORMATS`."""
    report = build_report(analysis)
    sinks = top_sinks(analysis.events)
    if fmt == "json":
        return render_json(report)
    if fmt == "csv":
        weekly = pd.DataFrame(report["weeks"])
        return render_csv(weekly)
    if fmt == "markdown":
        return render_markdown(report, sinks)
    if fmt == "html":
        from analyzer.render.html import render_html

        return render_html(report, _figures(analysis, rolling, band), sinks)
    return render_text(report, sinks, color=color)


def build_outputs(
    paths: Sequence[str | Path],
    options: ReportOptions,
    fmt: str = "text",
    output: Path | None = None,
    html_path: Path | None = None,
    charts_dir: Path | None = None,
    rolling: int = 4,
    band: tuple[float, float] | None = None,
    color: bool = False,
) -> Outputs:
    """Analyse ``paths`` and write or return the report in the requested forms."""
    analysis = analyze(paths, options)
    result = Outputs(text=None, problems=list(analysis.problems))
    figures: dict[str, Any] | None = None
    if html_path is not None or charts_dir is not None:
        figures = _figures(analysis, rolling, band)
    if charts_dir is not None and figures is not None:
        from analyzer.render.charts import save_charts

        result.written += save_charts(figures, charts_dir)
    if html_path is not None and figures is not None:
        from analyzer.render.html import render_html

        report = build_report(analysis)
        page = render_html(report, figures, top_sinks(analysis.events))
        result.written.append(write_text(html_path, page))
    text = render_report(analysis, fmt, rolling, band, color=color)
    if output is not None:
        result.written.append(write_text(output, text))
    else:
        result.text = text
    return result


def _figures(analysis: Analysis, rolling: int, band: tuple[float, float] | None) -> dict[str, Any]:
    from analyzer.render.charts import render_figures

    weekly = analysis.weekly()
    drift = drift_table(weekly, rolling, band)
    return render_figures(weekly, drift, analysis.events, top_sinks(analysis.events), band, rolling)
