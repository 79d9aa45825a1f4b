"""Focus and fragmentation, week by week: free blocks, back-to-back chains, after hours.

Definitions (times in the report's zone; every length is real elapsed time, so a working
day that contains a daylight-saving change is an hour shorter or longer):

- *Working hours*: ``work_start``-``work_end`` on the working days (default Monday to
  Friday, 09:00-18:00), inside the window.
- *Busy*: covered by at least one counted event (any label: a doctor's appointment takes
  the time as surely as a meeting). *Free*: inside working hours and not busy.
- *Focus hours*: free blocks of at least ``focus_hours`` (default 2 h; exactly 2 h
  counts); *fragmented hours*: the shorter free blocks. A block ends at the end of the day.
- *Back-to-back chain*: two or more work events (macro or micro) in which each starts
  less than ``chain_gap_minutes`` (default 5) after the chain so far has ended, or overlaps
  it; chains are not cut at midnight and belong to the week in which they start.
- *After-hours hours*: clock time covered by work events outside working hours (``other``
  time, such as the gym or a family dinner, is not work).
- *Meeting load*: busy hours / working hours.
- *Double-booked hours*: clock time covered by two or more counted events.
- *Accepted / tentative / needs-action hours*: counted hours by the owner's answer
  (events the owner created, without an invitation, count as accepted).
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import numpy.typing as npt
import pandas as pd

from analyzer.accounting.window import ReportWindow
from analyzer.insights.settings import InsightSettings
from analyzer.insights.timeline import (
    FloatArray,
    IntArray,
    covered,
    epoch_seconds,
    events_window,
    merge,
    multi_covered,
    week_bounds,
    week_hours,
    week_of,
)

__all__ = ["FOCUS_COLUMNS", "focus_time", "working_intervals"]

FOCUS_COLUMNS: tuple[str, ...] = (
    "working_hours",
    "busy_hours",
    "meeting_load",
    "focus_hours",
    "focus_blocks",
    "fragmented_hours",
    "back_to_back_chains",
    "longest_chain_events",
    "longest_chain_hours",
    "after_hours",
    "double_booked_hours",
    "accepted_hours",
    "tentative_hours",
    "needs_action_hours",
)
_WORK_LABELS = ("macro", "micro")


def working_intervals(window: ReportWindow, settings: InsightSettings) -> tuple[IntArray, IntArray]:
    """Epoch seconds ``[start, end)`` of the working hours of every working day in the window.

    Example:
        >>> from zoneinfo import ZoneInfo
        >>> w = ReportWindow(dt.date(2026, 3, 6), dt.date(2026, 3, 10), ZoneInfo("UTC"))
        >>> [int(b - a) // 3600 for a, b in zip(*working_intervals(w, InsightSettings()))]
        [9, 9]
    """
    days = np.arange(np.datetime64(window.start, "D"), np.datetime64(window.end, "D"))
    weekday = (days.astype(np.int64) + 3) % 7  # 1970-01-01 was a Thursday; Monday = 0
    days = days[np.isin(weekday, settings.work_days)]
    return (
        _instants(window, days, settings.work_start_minute),
        _instants(window, days, settings.work_end_minute),
    )


def _instants(window: ReportWindow, days: npt.NDArray[np.datetime64], minute: int) -> IntArray:
    """The wall-clock ``minute`` after midnight of each of ``days`` in the report zone, as
    epoch seconds (``24 * 60`` is the next midnight).

    Wall times that a clock change makes ambiguous or skips are read as :mod:`datetime`
    reads them (``fold=0``), one by one.
    """
    wall = days.astype("datetime64[s]") + np.timedelta64(minute * 60, "s")
    local = pd.DatetimeIndex(wall).tz_localize(window.tz, ambiguous="NaT", nonexistent="NaT")
    seconds = local.as_unit("s").asi8.astype(np.int64)
    for k in np.flatnonzero(local.isna()):
        day = dt.date.fromisoformat(str(days[k]))
        seconds[k] = _instant(window, day, minute)
    return seconds


def _instant(window: ReportWindow, day: dt.date, minute: int) -> int:
    """The wall-clock ``minute`` after midnight of ``day`` in the report zone, as epoch."""
    day, minute = (day + dt.timedelta(days=1), 0) if minute == 24 * 60 else (day, minute)
    moment = dt.datetime.combine(day, dt.time(minute // 60, minute % 60), window.tz)
    return int(moment.timestamp())


def focus_time(
    events: pd.DataFrame,
    window: ReportWindow | None = None,
    settings: InsightSettings | None = None,
    allocation: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Focus, fragmentation, chains, after-hours, double-booked and unanswered time per week.

    Args:
        events: the events table (``start``, ``end``, ``hours``, ``label``, ``partstat``).
        window: the report window; default: the one in ``events.attrs``.
        settings: working hours and thresholds (:class:`InsightSettings`).
        allocation: :attr:`Analysis.allocation`, for exact weekly response hours.

    Returns:
        One row per Monday-start week of the window with :data:`FOCUS_COLUMNS` (see the
        module docstring; ``working_hours = busy_hours + focus_hours + fragmented_hours``).

    Example:
        >>> import analyzer, datetime as dt
        >>> events = analyzer.load_events(["data/samples/ceo_google.ics"],
        ...     start=dt.date(2026, 3, 2), end=dt.date(2026, 3, 9))
        >>> focus_time(events)[["working_hours", "focus_hours"]].values.tolist()
        [[45.0, 4.0]]
    """
    settings = settings or InsightSettings()
    window = events_window(events, window)
    bounds = week_bounds(window)
    weeks = len(bounds) - 1
    starts = epoch_seconds(events["start"]).astype(np.int64)
    ends = epoch_seconds(events["end"]).astype(np.int64)
    work = events["label"].astype(str).isin(_WORK_LABELS).to_numpy(dtype=bool)

    day_starts, day_ends = working_intervals(window, settings)
    day_week = week_of(day_starts, bounds)
    gap_day, gap_seconds = _free_gaps(*merge(starts, ends), day_starts, day_ends)
    long_enough = gap_seconds >= settings.focus_hours * 3600
    short = (gap_seconds > 0) & ~long_enough

    def weekly(index: IntArray, seconds: FloatArray) -> FloatArray:
        return np.bincount(index, weights=seconds, minlength=weeks)[:weeks] / 3600.0

    table: dict[str, FloatArray | IntArray] = {}
    table["working_hours"] = weekly(day_week, (day_ends - day_starts).astype("float64"))
    table["focus_hours"] = weekly(day_week[gap_day[long_enough]], gap_seconds[long_enough])
    table["focus_blocks"] = np.bincount(day_week[gap_day[long_enough]], minlength=weeks)[:weeks]
    table["fragmented_hours"] = weekly(day_week[gap_day[short]], gap_seconds[short])
    table["busy_hours"] = np.maximum(
        table["working_hours"] - table["focus_hours"] - table["fragmented_hours"], 0.0
    )
    with np.errstate(divide="ignore", invalid="ignore"):
        table["meeting_load"] = np.where(
            table["working_hours"] > 0, table["busy_hours"] / table["working_hours"], np.nan
        )
    table.update(_chains(starts[work], ends[work], bounds, settings.chain_gap_minutes * 60))

    work_blocks = merge(starts[work], ends[work])
    in_weeks = covered(*work_blocks, bounds[:-1], bounds[1:]) / 3600.0
    in_working = weekly(day_week, covered(*work_blocks, day_starts, day_ends))
    table["after_hours"] = np.maximum(in_weeks - in_working, 0.0)
    double = multi_covered(starts, ends, 2)
    table["double_booked_hours"] = covered(*double, bounds[:-1], bounds[1:]) / 3600.0

    rows, week_index, hours = week_hours(events, window, allocation)
    # Each distinct answer is read once.
    code, distinct = pd.factorize(events["partstat"], use_na_sentinel=False)
    answer = pd.Series(distinct).astype(str).str.upper().to_numpy()[code][rows]
    for name, value in (("tentative", "TENTATIVE"), ("needs_action", "NEEDS-ACTION")):
        chosen = answer == value
        table[f"{name}_hours"] = weekly(week_index[chosen], hours[chosen] * 3600)
    accepted = (answer != "TENTATIVE") & (answer != "NEEDS-ACTION")
    table["accepted_hours"] = weekly(week_index[accepted], hours[accepted] * 3600)
    frame = pd.DataFrame(table, index=pd.Index(window.week_starts(), name="week_start"))
    return frame[list(FOCUS_COLUMNS)]


def _free_gaps(
    block_starts: IntArray, block_ends: IntArray, day_starts: IntArray, day_ends: IntArray
) -> tuple[IntArray, FloatArray]:
    """``(day index, seconds)`` of every free stretch of each working day between busy blocks.

    A day crossed by ``m`` busy blocks has ``m + 1`` stretches (some may be empty).
    """
    days = len(day_starts)
    if days == 0:
        return np.zeros(0, np.int64), np.zeros(0, "float64")
    if len(block_starts) == 0:
        return np.arange(days, dtype=np.int64), (day_ends - day_starts).astype("float64")
    first = np.searchsorted(block_ends, day_starts, side="right")  # first block ending after
    stop = np.searchsorted(block_starts, day_ends, side="left")  # blocks starting before end
    crossing = np.maximum(stop - first, 0)
    repeats = crossing + 1
    day = np.repeat(np.arange(days), repeats)
    k = np.arange(len(day)) - np.repeat(np.cumsum(repeats) - repeats, repeats)
    last = len(block_starts) - 1
    previous = np.clip(first[day] + k - 1, 0, last)
    following = np.clip(first[day] + k, 0, last)
    lo = np.where(k == 0, day_starts[day], np.minimum(block_ends[previous], day_ends[day]))
    hi = np.where(
        k == crossing[day], day_ends[day], np.maximum(block_starts[following], day_starts[day])
    )
    return day.astype(np.int64), np.maximum(hi - lo, 0).astype("float64")


def _chains(
    starts: IntArray, ends: IntArray, bounds: IntArray, gap_seconds: float
) -> dict[str, FloatArray | IntArray]:
    """Back-to-back chains per week: how many, and the longest (events, then hours)."""
    weeks = len(bounds) - 1
    result: dict[str, FloatArray | IntArray] = {
        "back_to_back_chains": np.zeros(weeks, np.int64),
        "longest_chain_events": np.zeros(weeks, np.int64),
        "longest_chain_hours": np.zeros(weeks, "float64"),
    }
    keep = ends > starts
    starts, ends = starts[keep], ends[keep]
    if len(starts) < 2:
        return result
    order = np.lexsort((ends, starts))
    starts, ends = starts[order], ends[order]
    reach = np.maximum.accumulate(ends)
    new_chain = np.concatenate([[True], starts[1:] - reach[:-1] >= gap_seconds])
    first = np.flatnonzero(new_chain)
    size = np.diff(np.append(first, len(starts)))
    span = np.maximum.reduceat(ends, first) - starts[first]
    chained = size >= 2
    if not chained.any():
        return result
    week = week_of(starts[first][chained], bounds)
    size, hours = size[chained], span[chained] / 3600.0
    result["back_to_back_chains"] = np.bincount(week, minlength=weeks)[:weeks]
    # The longest chain of each week: most events, then the longest span.
    order = np.lexsort((hours, size, week))
    last_of_week = np.flatnonzero(np.append(week[order][1:] != week[order][:-1], True))
    best = order[last_of_week]
    result["longest_chain_events"][week[best]] = size[best]
    result["longest_chain_hours"][week[best]] = hours[best]
    return result
