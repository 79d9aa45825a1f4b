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

import importlib as _importlib
from typing import TYPE_CHECKING as _TYPE_CHECKING

from analyzer._version import __version__

if _TYPE_CHECKING:
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

# Names are imported when first used, so that `altitude` starts without pandas and friends
# until a command needs them (PEP 562).
_LAZY = {
    "AltitudeAccessor": "analyzer.aggregate.accessor",
    "AltitudeError": "analyzer.errors",
    "Analysis": "analyzer.analysis",
    "ConfigError": "analyzer.errors",
    "Correction": "analyzer.classify.corrections",
    "InputError": "analyzer.errors",
    "InsightSettings": "analyzer.insights.settings",
    "Insights": "analyzer.insights.report",
    "ModelError": "analyzer.errors",
    "OutputError": "analyzer.errors",
    "ReportOptions": "analyzer.analysis",
    "SHIPPED_DATA": "analyzer.classify.train",
    "TrainingResult": "analyzer.classify.train",
    "analyze": "analyzer.analysis",
    "append_corrections": "analyzer.classify.corrections",
    "append_labels": "analyzer.classify.review",
    "append_rules": "analyzer.classify.review",
    "build_report": "analyzer.aggregate.report",
    "change_points": "analyzer.aggregate.drift",
    "classify_titles": "analyzer.classify.predict",
    "clean_title": "analyzer.classify.clean",
    "compare": "analyzer.aggregate.compare",
    "compute_insights": "analyzer.insights.report",
    "corrections_moved": "analyzer.insights.corrections",
    "drift": "analyzer.aggregate.drift",
    "drift_table": "analyzer.aggregate.drift",
    "explain_titles": "analyzer.insights.explain",
    "focus_time": "analyzer.insights.focus",
    "load_corrections": "analyzer.classify.corrections",
    "load_events": "analyzer.analysis",
    "load_references": "analyzer.insights.reference",
    "load_rules": "analyzer.classify.rules",
    "macro_share": "analyzer.aggregate.summary",
    "meeting_sizes": "analyzer.insights.people",
    "parse_band": "analyzer.aggregate.drift",
    "people_time": "analyzer.insights.people",
    "planning": "analyzer.insights.reactive",
    "plot_drift": "analyzer.render.charts",
    "plot_focus": "analyzer.render.insight_charts",
    "plot_heatmap": "analyzer.render.charts",
    "plot_people": "analyzer.render.insight_charts",
    "plot_reactive": "analyzer.render.insight_charts",
    "plot_sinks": "analyzer.render.charts",
    "plot_weekly_hours": "analyzer.render.charts",
    "reactive_time": "analyzer.insights.reactive",
    "read_labelled": "analyzer.classify.train",
    "review_candidates": "analyzer.classify.review",
    "save_model": "analyzer.classify.model_io",
    "series_key": "analyzer.aggregate.compare",
    "series_reasons": "analyzer.insights.explain",
    "summarize": "analyzer.aggregate.summary",
    "term_weights": "analyzer.insights.explain",
    "top_sinks": "analyzer.aggregate.sinks",
    "train_model": "analyzer.classify.train",
    "weekly_hours": "analyzer.aggregate.summary",
}

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


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'analyzer' has no attribute {name!r}")
    value = getattr(_importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
