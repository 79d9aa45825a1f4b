"""Charts: right axes, series, labels and colours; not pixels."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analyzer.aggregate.drift import drift_table
from analyzer.render.charts import (
    LABEL_COLOURS,
    hour_grid,
    new_figure,
    plot_drift,
    plot_heatmap,
    plot_sinks,
    plot_weekly_hours,
    save_charts,
)

WEEKS = [dt.date(2026, 1, 5) + dt.timedelta(weeks=i) for i in range(8)]
MACRO = [4.0, 4.0, 4.0, 4.0, 1.0, 1.0, 1.0, 1.0]
MICRO = [6.0, 6.0, 6.0, 6.0, 9.0, 9.0, 9.0, 9.0]


@pytest.fixture
def weekly() -> pd.DataFrame:
    frame = pd.DataFrame(
        {"macro_hours": MACRO, "micro_hours": MICRO, "other_hours": [1.0] * 8},
        index=pd.Index(WEEKS, name="week_start"),
    )
    frame["macro_share"] = frame["macro_hours"] / (frame["macro_hours"] + frame["micro_hours"])
    return frame


def test_drift_chart_axes_series_and_markers(weekly: pd.DataFrame) -> None:
    drift = drift_table(weekly, rolling=2, band=(0.3, 0.5))
    _, ax = new_figure()
    plot_drift(ax, drift, band=(0.3, 0.5), rolling=2)
    assert ax.get_ylabel() == "Macro share of macro + micro hours (%)"
    assert ax.get_xlabel() == "Week starting"
    assert ax.get_ylim() == (0, 100)
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels == [
        "Target band 30%–50%",
        "Weekly macro share",
        "Rolling 2-week share",
        "Outside target band",
    ]
    weekly_line = ax.get_lines()[0]
    assert list(weekly_line.get_ydata()) == pytest.approx([40.0] * 4 + [10.0] * 4)
    # rolling 2-week share: week 5 = (4 + 1) / (10 + 10) = 25 %
    assert ax.get_lines()[1].get_ydata()[4] == pytest.approx(25.0)
    # outside the band from week 5 on (25 %, then 10 %): four crosses
    assert len(ax.get_lines()[2].get_xdata()) == 4
    # one change point, annotated with both levels
    notes = [t.get_text() for t in ax.texts]
    assert notes == ["level 40% → 10%"]


def test_weekly_hours_bars_are_stacked_in_label_colours(weekly: pd.DataFrame) -> None:
    _, ax = new_figure()
    plot_weekly_hours(ax, weekly)
    assert ax.get_ylabel() == "Hours"
    containers = ax.containers
    assert [c.get_label() for c in containers] == ["Macro", "Micro", "Other"]
    micro_bottoms = [bar.get_y() for bar in containers[1]]
    assert micro_bottoms == pytest.approx(MACRO)
    colour = containers[0][0].get_facecolor()
    assert colour[:3] == pytest.approx(
        tuple(int(LABEL_COLOURS["macro"][i : i + 2], 16) / 255 for i in (1, 3, 5))
    )


def test_heatmap_spreads_an_event_over_the_hours_it_spans() -> None:
    tz = "Europe/Berlin"
    events = pd.DataFrame(
        {
            # Tuesday 2026-03-03 09:30-11:00, counted 1.5 h -> 0.5 h at 9, 1 h at 10
            "start": [pd.Timestamp("2026-03-03 09:30", tz=tz)],
            "end": [pd.Timestamp("2026-03-03 11:00", tz=tz)],
            "hours": [1.5],
            "label": ["macro"],
        }
    )
    grid = hour_grid(events, "macro")
    assert grid[1, 9] == pytest.approx(0.5)
    assert grid[1, 10] == pytest.approx(1.0)
    assert grid.sum() == pytest.approx(1.5)
    assert hour_grid(events, "micro").sum() == 0
    _, ax = new_figure()
    plot_heatmap(ax, events, "macro")
    assert [t.get_text() for t in ax.get_yticklabels()][:2] == ["Mon", "Tue"]


def test_sinks_chart_labels_and_emoji(tmp_path: Path) -> None:
    sinks = pd.DataFrame(
        {
            "title": ["Board prep 🚀", "Standup"],
            "label": ["macro", "micro"],
            "hours": [3.0, 5.0],
            "occurrences": [1, 10],
        }
    )
    figure, ax = new_figure()
    plot_sinks(ax, sinks)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Standup", "Board prep"]
    assert ax.get_xlabel() == "Hours in the window"
    written = save_charts({"time_sinks": figure}, tmp_path)
    assert sorted(p.name for p in written) == ["time_sinks.png", "time_sinks.svg"]
    assert written[0].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert np.frombuffer(written[0].read_bytes()[16:24], dtype=">u4").tolist()[0] > 500
