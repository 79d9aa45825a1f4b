"""Interval arithmetic on epoch seconds, vectorised: unions, coverage, week bins."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import numpy as np
import numpy.typing as npt
import pandas as pd

from analyzer.accounting.overlap import allocate_seconds
from analyzer.accounting.window import ReportWindow
from analyzer.errors import ConfigError

__all__ = [
    "covered",
    "epoch_seconds",
    "events_window",
    "merge",
    "multi_covered",
    "week_bounds",
    "week_hours",
    "week_of",
]

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
_EPOCH = pd.Timestamp("1970-01-01", tz="UTC")


def epoch_seconds(column: pd.Series) -> FloatArray:
    """Seconds since the epoch of a tz-aware timestamp column; NaN where it is missing."""
    if column.empty:
        return np.zeros(0, "float64")
    delta = pd.to_datetime(column, utc=True) - _EPOCH
    return np.array(delta.dt.total_seconds().to_numpy(dtype="float64", na_value=np.nan))


def events_window(events: pd.DataFrame, window: ReportWindow | None = None) -> ReportWindow:
    """``window``, else the one :func:`analyzer.load_events` records in ``events.attrs``.

    Raises:
        ConfigError: neither is available.
    """
    if window is not None:
        return window
    attrs = events.attrs
    try:
        return ReportWindow(
            dt.date.fromisoformat(str(attrs["window_start"])),
            dt.date.fromisoformat(str(attrs["window_end"])),
            ZoneInfo(str(attrs["timezone"])),
        )
    except KeyError:
        raise ConfigError(
            "the events table carries no report window: pass window= or use load_events()"
        ) from None


def week_bounds(window: ReportWindow) -> IntArray:
    """Epoch seconds of each week's start inside the window, then the window's end.

    Week ``k`` is ``[bounds[k], bounds[k + 1])``; the first starts at the window's start.
    """
    start = int(window.start_instant.timestamp())
    bounds = [max(int(window.instant(m).timestamp()), start) for m in window.week_starts()]
    bounds.append(int(window.end_instant.timestamp()))
    return np.array(bounds, np.int64)


def week_of(seconds: FloatArray | IntArray, bounds: IntArray) -> IntArray:
    """The week index of each instant (clamped to the window's first and last week)."""
    index = np.searchsorted(bounds, seconds, side="right") - 1
    return np.clip(index, 0, len(bounds) - 2).astype(np.int64)


def merge(starts: IntArray, ends: IntArray) -> tuple[IntArray, IntArray]:
    """The union of intervals ``[starts, ends)`` as sorted, disjoint blocks.

    Intervals that touch (one ends where the next starts) become one block.

    Example:
        >>> merge(np.array([0, 5, 20]), np.array([10, 12, 30]))
        (array([ 0, 20]), array([12, 30]))
    """
    keep = ends > starts
    starts, ends = starts[keep], ends[keep]
    if len(starts) == 0:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    order = np.argsort(starts, kind="stable")
    starts, ends = starts[order], ends[order]
    reach = np.maximum.accumulate(ends)
    first = np.concatenate([[True], starts[1:] > reach[:-1]])
    index = np.flatnonzero(first)
    block_ends = np.maximum.reduceat(ends, index)
    return starts[index].astype(np.int64), block_ends.astype(np.int64)


def covered(block_starts: IntArray, block_ends: IntArray, lo: IntArray, hi: IntArray) -> FloatArray:
    """Seconds of the disjoint sorted blocks inside each query interval ``[lo, hi)``."""
    lengths = (block_ends - block_starts).astype("float64")
    total = np.concatenate([[0.0], np.cumsum(lengths)])

    def before(t: IntArray) -> FloatArray:
        k = np.searchsorted(block_starts, t, side="right")  # blocks starting at or before t
        last = np.maximum(k - 1, 0)
        overshoot = np.where(k > 0, np.maximum(block_ends[last] - t, 0), 0)
        return np.asarray(total[k] - overshoot, dtype="float64")

    if len(lo) == 0:
        return np.zeros(0, "float64")
    if len(block_starts) == 0:
        return np.zeros(len(lo), "float64")
    return np.maximum(before(hi) - before(lo), 0.0)


def multi_covered(starts: IntArray, ends: IntArray, at_least: int = 2) -> tuple[IntArray, IntArray]:
    """The stretches covered by at least ``at_least`` intervals, as sorted disjoint blocks."""
    keep = ends > starts
    starts, ends = starts[keep], ends[keep]
    if len(starts) == 0:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    points = np.sort(np.concatenate([starts, ends]))
    points = points[np.concatenate([[True], points[1:] != points[:-1]])]  # np.unique, faster
    opened = np.bincount(np.searchsorted(points, starts), minlength=len(points))
    closed = np.bincount(np.searchsorted(points, ends), minlength=len(points))
    cover = np.cumsum(opened - closed)[:-1]
    dense = np.flatnonzero(cover >= at_least)
    return merge(points[dense], points[dense + 1])


def week_hours(
    events: pd.DataFrame, window: ReportWindow, allocation: pd.DataFrame | None = None
) -> tuple[IntArray, IntArray, FloatArray]:
    """``(event row, week index, hours)``: each event's counted hours per week of the window.

    With the analysis' ``allocation`` the split is exact (overlaps shared within each week);
    without it, an event crossing a week boundary is split in proportion to its time in
    each week.
    """
    weeks = window.week_starts()
    if allocation is not None:
        week_index = pd.Index(weeks).get_indexer(pd.Index(allocation["week_start"]))
        return (
            allocation["event"].to_numpy(dtype=np.int64),
            week_index.astype(np.int64),
            allocation["hours"].to_numpy(dtype="float64"),
        )
    bounds = week_bounds(window)
    starts = np.clip(epoch_seconds(events["start"]), bounds[0], bounds[-1]).astype(np.int64)
    ends = np.clip(epoch_seconds(events["end"]), bounds[0], bounds[-1]).astype(np.int64)
    rows, week_index, seconds = allocate_seconds(starts, ends, bounds, "count-all")
    length = np.bincount(rows, weights=seconds, minlength=len(events))
    hours = events["hours"].to_numpy(dtype="float64")
    share = np.divide(seconds, length[rows], out=np.ones_like(seconds), where=length[rows] > 0)
    # An instant (or an event of zero length in the window) keeps its hours in its week.
    return rows, week_index, hours[rows] * share
