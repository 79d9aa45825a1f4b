"""Charts of the insights, each drawn on a given Axes with the report's palette."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from analyzer.render.charts import (
    LABEL_COLOURS,
    display_text,
    draw_references,
    new_figure,
    week_axis,
)

__all__ = [
    "insight_figures",
    "plot_focus",
    "plot_people",
    "plot_reactive",
]

_FOCUS_COLOUR = "#009E73"
_FRAGMENTED_COLOUR = "#56B4E9"
_BUSY_COLOUR = "#555555"


def plot_reactive(ax: Any, weeks: pd.DataFrame, lead_hours: float = 48.0) -> Any:
    """Reactive share per week: bars of the hours added less than ``lead_hours`` ahead."""
    x = np.arange(len(weeks))
    share = weeks["reactive_share"].to_numpy(dtype="float64") * 100
    ax.bar(x, np.nan_to_num(share), color=LABEL_COLOURS["micro"], width=0.75, label="Reactive")
    unknown = np.isnan(share)
    if unknown.any():
        ax.plot(x[unknown], np.zeros(unknown.sum()), "x", color="#777777", label="Unknown")
    top = float(np.nanmax(share)) if (~unknown).any() else 0.0
    ax.set_ylim(0, max(10.0, min(100.0, top * 1.25)))
    ax.set_ylabel(f"Share of known hours (%)\nadded < {lead_hours:g} h ahead")
    ax.set_xlabel("Week starting")
    ax.set_title("Reactive time by week", fontsize=13, loc="left")
    week_axis(ax, weeks.index)
    ax.grid(axis="y", alpha=0.3)
    return ax


def plot_people(ax: Any, people: pd.DataFrame) -> Any:
    """Horizontal bars of the hours with each person, stacked by label; 1:1 hours noted."""
    rows = people.iloc[::-1]
    y = np.arange(len(rows))
    left = np.zeros(len(rows))
    for label in ("macro", "micro", "other"):
        values = rows[f"{label}_hours"].to_numpy(dtype="float64")
        ax.barh(y, values, left=left, color=LABEL_COLOURS[label], label=label.capitalize())
        left += values
    for position, (total, one) in enumerate(
        zip(left, rows["one_to_one_hours"].to_numpy(dtype="float64"), strict=True)
    ):
        if one > 0:
            ax.annotate(
                f"1:1 {one:.1f} h",
                (total, position),
                textcoords="offset points",
                xytext=(4, 0),
                va="center",
                fontsize=8,
                color="#333333",
            )
    names = [
        display_text(str(p), 34) + ("" if internal else "  (ext.)")
        for p, internal in zip(rows.index, rows["internal"], strict=True)
    ]
    ax.set_yticks(y, names, fontsize=9)
    ax.set_xlim(0, max(1.0, float(left.max(initial=0.0)) * 1.18))
    ax.set_xlabel("Hours together in the window (every event they take part in)")
    ax.set_title("Who the time goes to", fontsize=13, loc="left")
    ax.legend(loc="lower right", fontsize=9, frameon=False)
    ax.grid(axis="x", alpha=0.3)
    return ax


def plot_focus(ax: Any, focus: pd.DataFrame, references: pd.DataFrame | None = None) -> Any:
    """Working hours per week as shares: in meetings (the meeting load), fragmented, focus."""
    x = np.arange(len(focus))
    working = focus["working_hours"].to_numpy(dtype="float64")
    scale = np.divide(100.0, working, out=np.zeros_like(working), where=working > 0)
    bottom = np.zeros(len(focus))
    for column, colour, name in (
        ("busy_hours", _BUSY_COLOUR, "In meetings (meeting load)"),
        ("fragmented_hours", _FRAGMENTED_COLOUR, "Fragmented free time (< focus block)"),
        ("focus_hours", _FOCUS_COLOUR, "Focus time (free blocks ≥ focus block)"),
    ):
        values = focus[column].to_numpy(dtype="float64") * scale
        ax.bar(x, values, bottom=bottom, color=colour, width=0.8, label=name)
        bottom += values
    draw_references(ax, references, "load")
    ax.set_ylim(0, 100)
    ax.set_ylabel("Share of working hours (%)")
    ax.set_xlabel("Week starting")
    ax.set_title("Meeting load, fragmented and focus time by week", fontsize=13, loc="left")
    week_axis(ax, focus.index)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.13), ncols=3, fontsize=9, frameon=False)
    return ax


def insight_figures(
    reactive_weeks: pd.DataFrame,
    people: pd.DataFrame,
    focus: pd.DataFrame,
    references: pd.DataFrame | None = None,
    lead_hours: float = 48.0,
    reactive_known: bool = True,
) -> dict[str, Any]:
    """The insight charts as matplotlib Figures, by file stem (no chart without data)."""
    figures: dict[str, Any] = {}
    if reactive_known and len(reactive_weeks):
        figure, ax = new_figure(10, 3.6)
        plot_reactive(ax, reactive_weeks, lead_hours)
        figures["reactive"] = figure
    if len(people):
        figure, ax = new_figure(10, 0.9 + 0.38 * len(people))
        plot_people(ax, people)
        figures["people"] = figure
    if len(focus) and float(focus["working_hours"].sum()) > 0:
        figure, ax = new_figure(10, 4.4)
        plot_focus(ax, focus, references)
        figures["focus"] = figure
    return figures
