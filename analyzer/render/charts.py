"""Charts drawn on a given matplotlib Axes; the same colours for the same labels everywhere."""

from __future__ import annotations

import io
import unicodedata
import warnings
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from analyzer.render.files import write_bytes

__all__ = [
    "LABEL_COLOURS",
    "display_text",
    "draw_references",
    "figure_bytes",
    "hour_grid",
    "new_figure",
    "plot_drift",
    "plot_heatmap",
    "plot_sinks",
    "plot_weekly_hours",
    "render_figures",
    "save_charts",
    "week_axis",
]

# Okabe-Ito palette: distinguishable with every common form of colour blindness.
LABEL_COLOURS = {"macro": "#0072B2", "micro": "#E69F00", "other": "#999999"}
_BAND_COLOUR = "#009E73"
_ALERT_COLOUR = "#D55E00"
_REFERENCE_COLOUR = "#CC79A7"  # Okabe-Ito reddish purple: apart from labels, band and alerts
_UNDRAWABLE = frozenset({"So", "Sk", "Cs", "Co", "Cn", "Cf", "Mn"})


def new_figure(width: float = 10.0, height: float = 4.8) -> tuple[Any, Any]:
    """A figure (Agg backend, no display needed) and its single Axes."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width, height), dpi=110, layout="constrained")
    return figure, figure.add_subplot()


def _week_labels(index: pd.Index) -> list[str]:
    return [pd.Timestamp(str(d)).strftime("%d %b") for d in index]


def plot_drift(
    ax: Any,
    drift: pd.DataFrame,
    band: tuple[float, float] | None = None,
    rolling: int = 4,
    title: str = "Macro share by week",
    references: pd.DataFrame | None = None,
) -> Any:
    """Weekly macro share (dots), its rolling share (line), the target band and change points.

    ``references`` (:func:`analyzer.load_references`): study values drawn as labelled dashed
    lines, only when given.
    """
    x = np.arange(len(drift))
    share = drift["macro_share"].to_numpy(dtype="float64") * 100
    rolling_share = drift["rolling_share"].to_numpy(dtype="float64") * 100
    if band is not None:
        ax.axhspan(
            band[0] * 100,
            band[1] * 100,
            color=_BAND_COLOUR,
            alpha=0.12,
            label=f"Target band {band[0]:.0%}–{band[1]:.0%}",
        )
    ax.plot(
        x,
        share,
        "o",
        color=LABEL_COLOURS["macro"],
        alpha=0.45,
        markersize=5,
        label="Weekly macro share",
    )
    ax.plot(
        x,
        rolling_share,
        "-",
        color=LABEL_COLOURS["macro"],
        linewidth=2.5,
        label=f"Rolling {rolling}-week share",
    )
    outside = drift["outside_band"].to_numpy(dtype=bool)
    if outside.any():
        ax.plot(
            x[outside],
            rolling_share[outside],
            "X",
            color=_ALERT_COLOUR,
            markersize=9,
            linestyle="none",
            label="Outside target band",
        )
    level = drift["level"].to_numpy(dtype="float64") * 100
    for position in np.flatnonzero(drift["change_point"].to_numpy(dtype=bool)):
        ax.axvline(position - 0.5, color="#555555", linestyle="--", linewidth=1)
        ax.annotate(
            f"level {level[position - 1]:.0f}% → {level[position]:.0f}%",
            (position - 0.5, 97),
            textcoords="offset points",
            xytext=(4, 0),
            fontsize=9,
            color="#333333",
            va="top",
        )
    draw_references(ax, references, "drift")
    ax.set_ylim(0, 100)
    ax.set_ylabel("Macro share of macro + micro hours (%)")
    ax.set_xlabel("Week starting")
    ax.set_title(title, fontsize=13, loc="left")
    _week_axis(ax, drift.index)
    ax.grid(axis="y", alpha=0.3)
    # Below the axes, so it never hides a week or a change-point note.
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.13), ncols=4, fontsize=9, frameon=False)
    return ax


def plot_weekly_hours(ax: Any, weekly: pd.DataFrame, title: str = "Hours per week") -> Any:
    """Stacked bars of macro, micro and other hours per week."""
    x = np.arange(len(weekly))
    bottom = np.zeros(len(weekly))
    for label in ("macro", "micro", "other"):
        values = weekly[f"{label}_hours"].to_numpy(dtype="float64")
        ax.bar(
            x,
            values,
            bottom=bottom,
            color=LABEL_COLOURS[label],
            label=label.capitalize(),
            width=0.8,
        )
        bottom += values
    ax.set_ylim(0, max(1.0, float(bottom.max(initial=0.0)) * 1.18))  # room for the legend
    ax.set_ylabel("Hours")
    ax.set_xlabel("Week starting")
    ax.set_title(title, fontsize=13, loc="left")
    _week_axis(ax, weekly.index)
    ax.grid(axis="y", alpha=0.3)
    ax.legend(loc="upper right", fontsize=9, frameon=False, ncols=3)
    return ax


def hour_grid(events: pd.DataFrame, label: str) -> np.ndarray:
    """Counted hours of one label per (weekday, hour of day), each event spread over the hours
    it spans and scaled to its counted hours (overlap sharing and clipping kept)."""
    grid = np.zeros((7, 24))
    chosen = events[events["label"] == label] if len(events) else events
    for start, end, hours in zip(chosen["start"], chosen["end"], chosen["hours"], strict=True):
        length = (end - start).total_seconds()
        if length <= 0 or hours <= 0:
            continue
        scale = hours / length  # hours credited per second of the event
        cursor = start
        while cursor < end:
            slot_end = min(end, cursor.floor("h") + pd.Timedelta(hours=1))
            grid[cursor.day_of_week, cursor.hour] += (slot_end - cursor).total_seconds() * scale
            cursor = slot_end
    return grid


def plot_heatmap(ax: Any, events: pd.DataFrame, label: str = "macro") -> Any:
    """Hours of one label by weekday and hour of day."""
    grid = hour_grid(events, label)
    cmap = "Blues" if label == "macro" else "Oranges" if label == "micro" else "Greys"
    image = ax.imshow(grid, aspect="auto", cmap=cmap, interpolation="nearest")
    ax.set_yticks(range(7), ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"])
    ax.set_xticks(range(0, 24, 2), [f"{h:02d}:00" for h in range(0, 24, 2)], fontsize=8)
    ax.set_xlabel("Hour of day (report time zone)")
    ax.set_title(f"Where {label} time sits in the week (hours)", fontsize=13, loc="left")
    ax.figure.colorbar(image, ax=ax, label="Hours")
    return ax


def plot_sinks(ax: Any, sinks: pd.DataFrame, title: str = "Top time sinks") -> Any:
    """Horizontal bars of the series and titles that take the most hours, coloured by label."""
    rows = sinks.iloc[::-1]
    names = [display_text(t, 40) for t in rows["title"].astype(str)]
    colours = [LABEL_COLOURS.get(str(label), "#999999") for label in rows["label"]]
    ax.barh(np.arange(len(rows)), rows["hours"].to_numpy(dtype="float64"), color=colours)
    ax.set_yticks(np.arange(len(rows)), names, fontsize=9)
    ax.set_xlabel("Hours in the window")
    ax.set_title(title, fontsize=13, loc="left")
    from matplotlib.patches import Patch

    ax.legend(
        handles=[Patch(color=c, label=k.capitalize()) for k, c in LABEL_COLOURS.items()],
        loc="lower right",
        fontsize=9,
        frameon=False,
    )
    ax.grid(axis="x", alpha=0.3)
    return ax


def draw_references(ax: Any, references: pd.DataFrame | None, chart: str) -> Any:
    """Dashed lines for the study reference values of ``chart`` (values in percent).

    Each line carries a short tag; its full label and citation, marked as a study's
    reference and not a target, go in a legend under the chart.
    """
    if references is None or references.empty:
        return ax
    handles, labels = [], []
    chosen = references[references["chart"] == chart]
    for value, label, source in zip(
        chosen["value"].astype("float64") * 100, chosen["label"], chosen["source"], strict=True
    ):
        # "_" keeps the line out of the axes' own legend; it has one of its own below.
        line = ax.axhline(
            value, color=_REFERENCE_COLOUR, linestyle=(0, (6, 3)), linewidth=1.6, label="_ref"
        )
        labels.append(f"Reference (study, not a target): {label} — {_short_source(str(source))}")
        ax.annotate(
            f"study {value:.0f} %",
            (1.0, value),
            xycoords=("axes fraction", "data"),
            textcoords="offset points",
            xytext=(-3, 3),
            ha="right",
            fontsize=8,
            color=_REFERENCE_COLOUR,
            bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.85},
        )
        handles.append(line)
    if handles:
        ax.figure.legend(
            handles, labels, loc="outside lower center", fontsize=8.5, frameon=False, ncols=1
        )
    return ax


def _short_source(source: str) -> str:
    """``Porter, M. E. and Nohria, N. (2018). How CEOs ...`` -> ``Porter and Nohria (2018)``."""
    head, _, rest = source.partition("(")
    year = rest.partition(")")[0]
    names = [part.strip().split(",")[0] for part in head.split(" and ")]
    if year.isdigit() and all(names):
        return f"{' and '.join(names)} ({year})"
    return display_text(source, 60)


def week_axis(ax: Any, index: pd.Index) -> None:
    """Week-start dates along the x axis (about 13 labels at most)."""
    _week_axis(ax, index)


def _week_axis(ax: Any, index: pd.Index) -> None:
    labels = _week_labels(index)
    step = max(1, len(labels) // 13)
    ax.set_xticks(np.arange(len(labels))[::step], labels[::step], rotation=0, fontsize=9)
    ax.set_xlim(-0.6, len(labels) - 0.4)


def display_text(text: str, width: int = 40) -> str:
    """A title as a chart can draw it: symbols and emoji dropped, shortened to ``width``."""
    shown = " ".join(
        "".join(ch for ch in text if unicodedata.category(ch) not in _UNDRAWABLE).split()
    )
    return shown if len(shown) <= width else shown[: width - 1] + "…"


def figure_bytes(figure: Any, fmt: str = "png") -> bytes:
    """Render a figure to PNG or SVG bytes (SVG without timestamps, so output is stable)."""
    buffer = io.BytesIO()
    metadata: dict[str, Any] = {"Software": None} if fmt == "png" else {"Date": None}
    with warnings.catch_warnings():
        # A title in a script the font lacks (CJK, ...) draws as boxes; not worth a warning.
        warnings.filterwarnings("ignore", message="Glyph .* missing from font")
        figure.savefig(buffer, format=fmt, metadata=metadata)
    return buffer.getvalue()


def render_figures(
    weekly: pd.DataFrame,
    drift: pd.DataFrame,
    events: pd.DataFrame,
    sinks: pd.DataFrame,
    band: tuple[float, float] | None = None,
    rolling: int = 4,
    references: pd.DataFrame | None = None,
) -> dict[str, Any]:
    """Every chart of a report as a matplotlib Figure, by file stem."""
    figures: dict[str, Any] = {}
    figure, ax = new_figure()
    plot_drift(ax, drift, band=band, rolling=rolling, references=references)
    figures["drift"] = figure
    figure, ax = new_figure()
    plot_weekly_hours(ax, weekly)
    figures["weekly_hours"] = figure
    figure, ax = new_figure(10, 4.2)
    plot_heatmap(ax, events, "macro")
    figures["heatmap_macro"] = figure
    figure, ax = new_figure(10, 4.2)
    plot_heatmap(ax, events, "micro")
    figures["heatmap_micro"] = figure
    figure, ax = new_figure(10, 4.8)
    plot_sinks(ax, sinks)
    figures["time_sinks"] = figure
    return figures


def save_charts(figures: dict[str, Any], folder: str | Path) -> list[Path]:
    """Write each figure as PNG and SVG into ``folder``; returns the paths written."""
    written = []
    for stem, figure in figures.items():
        for fmt in ("png", "svg"):
            written.append(write_bytes(Path(folder) / f"{stem}.{fmt}", figure_bytes(figure, fmt)))
    return written
