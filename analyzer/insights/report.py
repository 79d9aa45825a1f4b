"""All insights of one analysis, and their section of the JSON report (docs/json.md)."""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from analyzer.insights.corrections import corrections_moved
from analyzer.insights.explain import series_reasons
from analyzer.insights.focus import focus_time
from analyzer.insights.people import Participants, meeting_sizes, people_time
from analyzer.insights.reactive import PLANNING, creation_times_known, reactive_weeks_and_labels
from analyzer.insights.reference import load_references
from analyzer.insights.settings import InsightSettings

if TYPE_CHECKING:
    from analyzer.analysis import Analysis

__all__ = ["REFERENCE_KIND", "Insights", "compute_insights", "insights_dict"]

REFERENCE_KIND = "reference from a study, not a target"
_DIGITS = 4


@dataclasses.dataclass
class Insights:
    """Why the balance is what it is: each measure as a DataFrame (README, "Insights")."""

    settings: InsightSettings
    reactive_known: bool
    reactive_weeks: pd.DataFrame
    reactive_labels: pd.DataFrame
    people: pd.DataFrame  # the top people
    people_count: int
    sizes: pd.DataFrame
    focus: pd.DataFrame
    references: pd.DataFrame
    corrections: pd.DataFrame
    explanations: pd.DataFrame

    def anonymized(self, names: Mapping[str, str]) -> Insights:
        """The same insights with people renamed by ``names`` (address -> pseudonym).

        Explanations quote titles: take them afresh from the anonymised events
        (:meth:`explained`).
        """
        people = self.people.rename(index=lambda p: names.get(str(p), "person"))
        return dataclasses.replace(self, people=people)

    def explained(self, events: pd.DataFrame, sinks: pd.DataFrame | None = None) -> Insights:
        """The same insights with explanations of ``events`` (and its ``top_sinks``)."""
        return dataclasses.replace(self, explanations=series_reasons(events, sinks=sinks))


def compute_insights(
    analysis: Analysis,
    settings: InsightSettings | None = None,
    sinks: pd.DataFrame | None = None,
) -> Insights:
    """Every insight of an analysis, with its exact weekly allocation.

    ``sinks``: ``top_sinks(analysis.events)``, when already computed.

    Example:
        >>> import analyzer, datetime as dt
        >>> result = analyzer.analyze(["data/samples/ceo_google.ics"], analyzer.ReportOptions(
        ...     start=dt.date(2026, 3, 2), end=dt.date(2026, 3, 9)))
        >>> compute_insights(result).focus["focus_hours"].tolist()
        [4.0]
    """
    settings = settings or InsightSettings()
    events, window, allocation = analysis.events, analysis.window, analysis.allocation
    participants = Participants.of(events)
    everyone = people_time(events, analysis.owner, participants=participants)
    weeks, labels = reactive_weeks_and_labels(events, settings.lead_hours, window, allocation)
    return Insights(
        settings=settings,
        reactive_known=creation_times_known(events),
        reactive_weeks=weeks,
        reactive_labels=labels,
        people=everyone.head(settings.top_people),
        people_count=len(everyone),
        sizes=meeting_sizes(
            events, analysis.owner, settings.large_meeting, participants=participants
        ),
        focus=focus_time(events, window, settings, allocation),
        references=load_references() if settings.references else _no_references(),
        corrections=corrections_moved(events),
        explanations=series_reasons(events, sinks=sinks),
    )


def _no_references() -> pd.DataFrame:
    return load_references().iloc[0:0]


def insights_dict(insights: Insights) -> dict[str, Any]:
    """The ``insights`` section of the JSON report (hours rounded to 4 decimals)."""
    settings = insights.settings
    return {
        "settings": {
            "lead_hours": settings.lead_hours,
            "work_days": settings.work_day_names,
            "work_hours": settings.work_hours,
            "focus_block_hours": settings.focus_hours,
            "chain_gap_minutes": settings.chain_gap_minutes,
            "large_meeting": settings.large_meeting,
        },
        "reactive": _reactive(insights),
        "people": _people(insights),
        "focus": _focus(insights.focus),
        "references": [
            {**{k: _plain(v) for k, v in row.items()}, "kind": REFERENCE_KIND}
            for row in insights.references.to_dict("records")
        ],
        "corrections": _corrections(insights.corrections),
        "explanations": [
            {k: _plain(v) for k, v in row.items()}
            for row in insights.explanations.to_dict("records")
        ],
    }


def _plain(value: Any, digits: int = _DIGITS) -> Any:
    """A JSON-ready scalar: floats rounded (NaN -> None), NumPy types unwrapped."""
    if isinstance(value, np.generic):
        value = value.item()
    if value is None or value is pd.NA:
        return None
    if isinstance(value, float):
        return None if math.isnan(value) else round(value, digits) + 0.0
    return value


def _keyed(row: Mapping[Any, Any]) -> dict[str, Any]:
    return {str(key): value for key, value in row.items()}


def _planning_row(row: Mapping[str, Any]) -> dict[str, Any]:
    keys = [f"{state}_hours" for state in PLANNING] + ["reactive_share"]
    return {key: _plain(row[key]) for key in keys}


def _reactive(insights: Insights) -> dict[str, Any]:
    weeks = insights.reactive_weeks
    totals = weeks[[f"{state}_hours" for state in PLANNING]].sum(min_count=1)
    known_hours = totals["reactive_hours"] + totals["planned_hours"]
    share = totals["reactive_hours"] / known_hours if known_hours > 1e-12 else math.nan
    return {
        "known": insights.reactive_known,
        "lead_hours": insights.settings.lead_hours,
        **_planning_row({**_keyed(totals.to_dict()), "reactive_share": share}),
        "labels": {
            str(label): _planning_row(_keyed(row))
            for label, row in insights.reactive_labels.to_dict("index").items()
        },
        "weeks": [
            {"week_start": str(week), **_planning_row(_keyed(row))}
            for week, row in weeks.to_dict("index").items()
        ],
    }


def _people(insights: Insights) -> dict[str, Any]:
    top = [
        {"person": str(person), **{k: _plain(v) for k, v in row.items()}}
        for person, row in insights.people.to_dict("index").items()
    ]
    sizes = {
        str(group): {k: _plain(v) for k, v in row.items()}
        for group, row in insights.sizes.to_dict("index").items()
    }
    return {
        "people": insights.people_count,
        "large_meeting": insights.settings.large_meeting,
        "sizes": sizes,
        "top": top,
    }


def _focus(focus: pd.DataFrame) -> dict[str, Any]:
    sums = focus.sum(numeric_only=True)
    longest = focus.sort_values(
        ["longest_chain_events", "longest_chain_hours"], ascending=False, kind="stable"
    ).head(1)
    totals: dict[str, Any] = {
        column: _plain(sums[column])
        for column in focus.columns
        if column not in ("meeting_load", "longest_chain_events", "longest_chain_hours")
    }
    for count in ("focus_blocks", "back_to_back_chains"):
        totals[count] = int(sums[count])
    working = float(sums["working_hours"])
    totals["meeting_load"] = _plain(float(sums["busy_hours"]) / working if working else math.nan)
    totals["longest_chain_events"] = int(longest["longest_chain_events"].sum())
    totals["longest_chain_hours"] = _plain(float(longest["longest_chain_hours"].sum()))
    totals["longest_chain_week"] = str(longest.index[0]) if len(longest) else None
    return {
        "totals": totals,
        "weeks": [
            {"week_start": str(week), **{k: _plain(v) for k, v in row.items()}}
            for week, row in focus.to_dict("index").items()
        ],
    }


def _corrections(moved: pd.DataFrame) -> dict[str, Any]:
    changed = moved[moved["from_label"] != moved["to_label"]] if len(moved) else moved
    return {
        "occurrences": int(moved["occurrences"].sum()) if len(moved) else 0,
        "corrected_hours": _plain(float(moved["hours"].sum()) if len(moved) else 0.0),
        "moved_hours": _plain(float(changed["hours"].sum()) if len(changed) else 0.0),
        "moves": [
            {
                "from": str(row["from_label"]),
                "to": str(row["to_label"]),
                "hours": _plain(float(row["hours"])),
                "occurrences": int(row["occurrences"]),
            }
            for row in changed.to_dict("records")
        ],
    }
