"""Altitude: where does a leader's time go, macro (direction) or micro (day-to-day)?

The public API, used by the CLI, the batch runner and notebooks alike::

    import analyzer
    result = analyzer.analyze(["calendar.ics"], analyzer.ReportOptions(weeks=12))
    result.weekly()            # hours per label and macro share, week by week
    result.events              # one row per counted occurrence

Layers, each importing only from those above it: ``calendars`` (read) -> ``accounting``
(exact time) -> ``classify`` (labels) -> ``aggregate`` -> ``render`` -> ``cli``.
"""

from analyzer._version import __version__
from analyzer.aggregate.drift import change_points, drift_table, parse_band
from analyzer.aggregate.report import build_report
from analyzer.aggregate.sinks import top_sinks
from analyzer.aggregate.summary import macro_share, weekly_hours
from analyzer.analysis import Analysis, ReportOptions, analyze
from analyzer.classify.clean import clean_title
from analyzer.classify.predict import classify_titles
from analyzer.classify.rules import load_rules
from analyzer.errors import AltitudeError, ConfigError, InputError, ModelError, OutputError
from analyzer.render.charts import plot_drift, plot_heatmap, plot_sinks, plot_weekly_hours

__all__ = [
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
    "load_rules",
    "macro_share",
    "parse_band",
    "plot_drift",
    "plot_heatmap",
    "plot_sinks",
    "plot_weekly_hours",
    "top_sinks",
    "weekly_hours",
]
