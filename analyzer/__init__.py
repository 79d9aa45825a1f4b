"""Altitude: where does a leader's time go, macro (direction) or micro (day-to-day)?

The public API, used by the CLI, the batch runner and notebooks alike::

    import analyzer
    events = analyzer.load_events(["calendar.ics"], weeks=12)   # one row per occurrence
    events.altitude.weekly()          # hours per label and macro share, week by week
    events.altitude.balance()         # macro / (macro + micro)
    result = analyzer.analyze(["calendar.ics"], analyzer.ReportOptions(weeks=12))
    result.weekly()                   # the same weeks, overlaps shared exactly

Layers, each importing only from those above it: ``calendars`` (read) -> ``accounting``
(exact time) -> ``classify`` (labels) -> ``aggregate`` -> ``render`` -> ``cli``.
"""

from analyzer._version import __version__
from analyzer.aggregate.accessor import AltitudeAccessor
from analyzer.aggregate.drift import change_points, drift_table, parse_band
from analyzer.aggregate.report import build_report
from analyzer.aggregate.sinks import top_sinks
from analyzer.aggregate.summary import macro_share, summarize, weekly_hours
from analyzer.analysis import Analysis, ReportOptions, analyze, load_events
from analyzer.classify.clean import clean_title
from analyzer.classify.predict import classify_titles
from analyzer.classify.rules import load_rules
from analyzer.errors import AltitudeError, ConfigError, InputError, ModelError, OutputError
from analyzer.render.charts import plot_drift, plot_heatmap, plot_sinks, plot_weekly_hours

__all__ = [
    "AltitudeAccessor",
    "AltitudeError",
    "Analysis",
    "ConfigError",
    "InputError",
    "ModelError",
    "OutputError",
    "ReportOptions",
    "__version__",
    "analyze",
    "build_report",
    "change_points",
    "classify_titles",
    "clean_title",
    "drift_table",
    "load_events",
    "load_rules",
    "macro_share",
    "parse_band",
    "plot_drift",
    "plot_heatmap",
    "plot_sinks",
    "plot_weekly_hours",
    "summarize",
    "top_sinks",
    "weekly_hours",
]
