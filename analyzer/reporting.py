"""Produce a report in every format from one analysis (used by the CLI, batch and API)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

import pandas as pd

from analyzer.accounting.window import ReportWindow
from analyzer.aggregate.anonymize import anonymize_together
from analyzer.aggregate.compare import compare_windows
from analyzer.aggregate.drift import drift_table
from analyzer.aggregate.report import build_report
from analyzer.aggregate.sinks import top_sinks
from analyzer.analysis import Analysis, ReportOptions, analyze_calendars, read_calendars
from analyzer.calendars.expand import ComponentProblem
from analyzer.insights.report import Insights, compute_insights, insights_dict
from analyzer.insights.settings import InsightSettings
from analyzer.render.files import write_text
from analyzer.render.json import render_json
from analyzer.types import REPORT_FORMATS, ReportDict

__all__ = [
    "FORMATS",
    "Outputs",
    "PreparedReport",
    "build_outputs",
    "prepare",
    "render_report",
    "report_dict",
]

FORMATS = REPORT_FORMATS


@dataclass
class PreparedReport:
    """An analysis ready to render: possibly anonymised, possibly with a comparison."""

    analysis: Analysis
    comparison: dict[str, Any] | None = None
    rolling: int = 4
    band: tuple[float, float] | None = None
    insights: Insights | None = None  # computed on demand (default settings) when None
    sinks: pd.DataFrame | None = None  # top_sinks of the events, computed once on demand


@dataclass
class Outputs:
    """What a report run produced: text for stdout (if any), files written, warnings."""

    text: str | None
    written: list[Path] = field(default_factory=list)
    problems: list[ComponentProblem] = field(default_factory=list)


def prepare(
    paths: Sequence[str | Path],
    options: ReportOptions,
    compare: tuple[dt.date, dt.date] | None = None,
    anonymize: bool = False,
    rolling: int = 4,
    band: tuple[float, float] | None = None,
    stdin: BinaryIO | None = None,
    insights: InsightSettings | None = None,
) -> PreparedReport:
    """Read once, analyse the window (and the ``compare`` window), anonymise if asked.

    Insights are computed before anonymising (internal vs external needs the real domains);
    their people then get the same pseudonyms as the events table.
    """
    calendars = read_calendars(paths, stdin, options.cache, options.jobs)
    analysis = analyze_calendars(calendars, options)
    analyses = [analysis]
    if compare is not None:
        earlier_window = ReportWindow(compare[0], compare[1], analysis.window.tz)
        analyses.append(analyze_calendars(calendars, options, earlier_window))
    problems = analysis.problems
    sinks = top_sinks(analysis.events)
    found = compute_insights(analysis, insights, sinks)
    if anonymize:
        analyses = anonymize_together(analyses)
        sinks = top_sinks(analyses[0].events)
        found = found.anonymized(_pseudonyms(analysis, analyses[0]))
        found = found.explained(analyses[0].events, sinks)
    comparison = compare_windows(analyses[0], analyses[1]) if compare is not None else None
    prepared = PreparedReport(analyses[0], comparison, rolling, band, found, sinks)
    prepared.analysis.problems = problems  # warnings go to stderr only; keep them
    return prepared


def _pseudonyms(original: Analysis, anonymized: Analysis) -> dict[str, str]:
    """Each person's pseudonym, read off the two events tables (same rows, same order)."""
    real = original.events["people"].explode().dropna()
    fake = anonymized.events["people"].explode().dropna()
    return dict(zip(real.astype(str), fake.astype(str), strict=True))


def _sinks(prepared: PreparedReport) -> pd.DataFrame:
    if prepared.sinks is None:
        prepared.sinks = top_sinks(prepared.analysis.events)
    return prepared.sinks


def _insights(prepared: PreparedReport) -> Insights:
    if prepared.insights is None:
        prepared.insights = compute_insights(prepared.analysis, sinks=_sinks(prepared))
    return prepared.insights


def report_dict(prepared: PreparedReport) -> ReportDict:
    """The JSON report of a prepared analysis: :func:`build_report` plus ``insights``."""
    report = build_report(prepared.analysis, prepared.comparison)
    report["insights"] = insights_dict(_insights(prepared))
    return report


def render_report(prepared: PreparedReport, fmt: str, color: bool = False) -> str:
    """The report in one of :data:`FORMATS`."""
    report = report_dict(prepared)
    sinks = _sinks(prepared)
    if fmt == "json":
        return render_json(report)
    # Each renderer is imported when its format is asked for (rich only for text).
    if fmt == "csv":
        from analyzer.render.csv import render_csv

        return render_csv(pd.DataFrame(report["weeks"]))
    if fmt == "markdown":
        from analyzer.render.markdown import render_markdown

        return render_markdown(report, sinks)
    if fmt == "html":
        from analyzer.render.html import render_html

        return render_html(report, render_charts(prepared), sinks)
    from analyzer.render.text import render_text

    return render_text(report, sinks, color=color)


def render_charts(prepared: PreparedReport) -> dict[str, Any]:
    """Every chart of the report as a matplotlib Figure, by file stem."""
    from analyzer.render.charts import render_figures
    from analyzer.render.insight_charts import insight_figures

    analysis = prepared.analysis
    weekly = analysis.weekly()
    drift = drift_table(weekly, prepared.rolling, prepared.band)
    found = _insights(prepared)
    references = found.references if len(found.references) else None
    figures = render_figures(
        weekly,
        drift,
        analysis.events,
        _sinks(prepared),
        prepared.band,
        prepared.rolling,
        references,
    )
    figures.update(
        insight_figures(
            found.reactive_weeks,
            found.people,
            found.focus,
            references,
            found.settings.lead_hours,
            found.reactive_known,
        )
    )
    return figures


def build_outputs(
    prepared: PreparedReport,
    fmt: str = "text",
    output: Path | None = None,
    html_path: Path | None = None,
    charts_dir: Path | None = None,
    color: bool = False,
) -> Outputs:
    """Write or return the report in the requested forms."""
    result = Outputs(text=None, problems=list(prepared.analysis.problems))
    figures = render_charts(prepared) if html_path or charts_dir else None
    if charts_dir is not None and figures is not None:
        from analyzer.render.charts import save_charts

        result.written += save_charts(figures, charts_dir)
    if html_path is not None and figures is not None:
        from analyzer.render.html import render_html

        report = report_dict(prepared)
        page = render_html(report, figures, _sinks(prepared))
        result.written.append(write_text(html_path, page))
    text = render_report(prepared, fmt, color=color)
    if output is not None:
        result.written.append(write_text(output, text))
    else:
        result.text = text
    return result
