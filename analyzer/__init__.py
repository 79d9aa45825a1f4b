"""Altitude: where does a leader's time go, macro (direction) or micro (day-to-day)?

The public API, used by the CLI, the batch runner and notebooks alike::

    import analyzer
    events = analyzer.load_events(["calendar.ics"], weeks=12)   # one row per occurrence
    events.altitude.weekly()          # hours per label and macro share, week by week
    events.altitude.balance()         # macro / (macro + micro)
    events.altitude.drift()           # rolling share and change points, week by week
    events.altitude.compare(("2026-01-05", "2026-04-06"), ("2026-04-06", "2026-07-06"))
    result = analyzer.analyze(["calendar.ics"], analyzer.ReportOptions(weeks=12))
    result.weekly()                   # the same weeks, overlaps shared exactly

Every public name is documented, with an example, in ``docs/api.md``. Layers, each
importing only from those above it: ``calendars`` (read) -> ``accounting``
(exact time) -> ``classify`` (labels) -> ``aggregate`` -> ``insights`` -> ``render`` ->
``cli``.
"""

from analyzer._version import __version__
from analyzer.aggregate.accessor import AltitudeAccessor
from analyzer.aggregate.compare import compare, series_key
from analyzer.aggregate.drift import change_points, drift, drift_table, parse_band
from analyzer.aggregate.report import build_report
from analyzer.aggregate.sinks import top_sinks
from analyzer.aggregate.summary import macro_share, summarize, weekly_hours
from analyzer.analysis import Analysis, ReportOptions, analyze, load_events
from analyzer.classify.clean import clean_title
from analyzer.classify.corrections import Correction, append_corrections, load_corrections
from analyzer.classify.model_io import save_model
from analyzer.classify.predict import classify_titles
from analyzer.classify.review import append_labels, append_rules, review_candidates
from analyzer.classify.rules import load_rules
from analyzer.classify.train import SHIPPED_DATA, TrainingResult, read_labelled, train_model
from analyzer.errors import AltitudeError, ConfigError, InputError, ModelError, OutputError
from analyzer.insights.corrections import corrections_moved
from analyzer.insights.explain import explain_titles, series_reasons, term_weights
from analyzer.insights.focus import focus_time
from analyzer.insights.people import meeting_sizes, people_time
from analyzer.insights.reactive import planning, reactive_time
from analyzer.insights.reference import load_references
from analyzer.insights.report import Insights, compute_insights
from analyzer.insights.settings import InsightSettings
from analyzer.render.charts import plot_drift, plot_heatmap, plot_sinks, plot_weekly_hours
from analyzer.render.insight_charts import plot_focus, plot_people, plot_reactive

__all__ = [
    "AltitudeAccessor",
    "AltitudeError",
    "Analysis",
    "ConfigError",
    "Correction",
    "InputError",
    "InsightSettings",
    "Insights",
    "ModelError",
    "OutputError",
    "ReportOptions",
    "SHIPPED_DATA",
    "TrainingResult",
    "__version__",
    "analyze",
    "append_corrections",
    "append_labels",
    "append_rules",
    "build_report",
    "change_points",
    "classify_titles",
    "clean_title",
    "compare",
    "compute_insights",
    "corrections_moved",
    "drift",
    "drift_table",
    "explain_titles",
    "focus_time",
    "load_corrections",
    "load_events",
    "load_references",
    "load_rules",
    "macro_share",
    "meeting_sizes",
    "parse_band",
    "people_time",
    "planning",
    "plot_drift",
    "plot_focus",
    "plot_heatmap",
    "plot_people",
    "plot_reactive",
    "plot_sinks",
    "plot_weekly_hours",
    "reactive_time",
    "read_labelled",
    "review_candidates",
    "save_model",
    "series_key",
    "series_reasons",
    "summarize",
    "term_weights",
    "top_sinks",
    "train_model",
    "weekly_hours",
]
