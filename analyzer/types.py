"""Shared type aliases and the TypedDicts of the JSON report contract."""

from __future__ import annotations

from typing import Any, Literal, TypedDict

__all__ = [
    "DEFAULT_THRESHOLD",
    "EXCLUSION_REASONS",
    "LABELS",
    "ExcludedCounts",
    "Label",
    "OverlapPolicy",
    "REPORT_FORMATS",
    "ReportDict",
    "TotalsDict",
    "WeekDict",
    "WindowDict",
]

Label = Literal["macro", "micro", "other"]
LABELS: tuple[Label, ...] = ("macro", "micro", "other")

OverlapPolicy = Literal["split", "count-all"]

# What `altitude report --format` can write (analyzer.reporting renders them).
REPORT_FORMATS: tuple[str, ...] = ("text", "json", "csv", "markdown", "html")

# Below this confidence a prediction is flagged uncertain (model card: where it sits and why).
DEFAULT_THRESHOLD = 0.6

# Order matters: an occurrence is excluded under the first reason that applies.
EXCLUSION_REASONS: tuple[str, ...] = ("cancelled", "declined", "all_day", "transparent")


class WindowDict(TypedDict):
    start: str
    end: str
    timezone: str


class TotalsDict(TypedDict):
    macro_hours: float
    micro_hours: float
    other_hours: float
    macro_share: float | None


class WeekDict(TypedDict):
    week_start: str
    macro_hours: float
    micro_hours: float
    other_hours: float
    macro_share: float | None


class ExcludedCounts(TypedDict):
    cancelled: int
    declined: int
    all_day: int
    transparent: int
    invalid: int


class ReportDict(TypedDict, total=False):
    comparison: dict[str, Any]
    insights: dict[str, Any]  # reactive, people, focus, references, corrections (docs/json.md)
    version: str
    owner: list[str]
    calendars: list[str]
    uncertain_hours: float
    window: WindowDict
    totals: TotalsDict
    weeks: list[WeekDict]
    excluded: ExcludedCounts
    occurrences: int
