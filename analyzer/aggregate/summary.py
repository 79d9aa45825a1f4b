"""Weekly hours per label and the macro share: macro / (macro + micro)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from analyzer.types import LABELS

__all__ = ["HOUR_COLUMNS", "macro_share", "summarize", "weekly_hours", "with_macro_share"]

HOUR_COLUMNS: tuple[str, ...] = tuple(f"{label}_hours" for label in LABELS)


def macro_share(macro_hours: float, micro_hours: float) -> float | None:
    """``macro / (macro + micro)``, or None when both are zero.

    Example:
        >>> macro_share(3.0, 9.0)
        0.25
        >>> macro_share(0.0, 0.0) is None
        True
    """
    total = macro_hours + micro_hours
    if total <= 1e-12:
        return None
    return macro_hours / total


def with_macro_share(table: pd.DataFrame) -> pd.DataFrame:
    """Add ``macro_share`` = macro / (macro + micro) to a table of hours (NaN where both are 0).

    Example:
        >>> hours = pd.DataFrame({"macro_hours": [1.0, 0.0], "micro_hours": [3.0, 0.0]})
        >>> with_macro_share(hours)["macro_share"].tolist()
        [0.25, nan]
    """
    both = table["macro_hours"] + table["micro_hours"]
    table["macro_share"] = (table["macro_hours"] / both.where(both > 1e-12)).astype("float64")
    return table


def weekly_hours(
    events: pd.DataFrame, allocation: pd.DataFrame, week_starts: list[object]
) -> pd.DataFrame:
    """Hours per label for every week (empty weeks as zeros) and the weekly macro share.

    Args:
        events: the labelled events table (``label`` column).
        allocation: rows of (``event`` row position, ``week_start``, ``hours``).
        week_starts: every week of the window, in order.

    Returns:
        A frame indexed by ``week_start`` with ``macro_hours``, ``micro_hours``,
        ``other_hours`` and ``macro_share`` (NaN when the week has no macro or micro time).

    Example:
        >>> events = pd.DataFrame({"label": ["macro", "micro"]})
        >>> allocation = pd.DataFrame({"event": [0, 1, 1], "week_start": ["w1", "w1", "w2"],
        ...                            "hours": [2.0, 1.0, 3.0]})
        >>> weekly_hours(events, allocation, ["w1", "w2", "w3"])["micro_hours"].tolist()
        [1.0, 3.0, 0.0]
    """
    labels = events["label"].to_numpy()[allocation["event"].to_numpy()] if len(events) else []
    frame = pd.DataFrame(
        {
            "week_start": allocation["week_start"],
            "label": pd.Series(labels, dtype="object"),
            "hours": allocation["hours"],
        }
    )
    table = frame.pivot_table(
        index="week_start", columns="label", values="hours", aggfunc="sum", fill_value=0.0
    )
    table = table.reindex(index=pd.Index(week_starts, name="week_start"), fill_value=0.0)
    table = table.reindex(columns=list(LABELS), fill_value=0.0).astype("float64")
    table.columns = list(HOUR_COLUMNS)
    table.columns.name = None
    return with_macro_share(table)


def summarize(events: pd.DataFrame, freq: str = "W-MON", by: str | None = None) -> pd.DataFrame:
    """Hours per label per period (any pandas frequency), optionally per group.

    Each event's counted hours are spread over the time it spans, so an event crossing a
    period boundary is split between the periods. (For weeks, :meth:`Analysis.weekly` gives
    the same split exactly, including overlaps shared within part of an event.) Without
    ``by``, every period of the report window (``events.attrs``, set by :func:`load_events`)
    gets a row, so a period without events shows zero hours and a NaN share.

    Args:
        events: the events table (``start``, ``end``, ``hours``, ``label``).
        freq: a pandas period frequency: ``"W-MON"`` weeks starting Monday (default),
            ``"D"``, ``"MS"`` (months), ``"QS"``, ...
        by: an optional column to group by as well (``"calendar"``, ``"series_uid"``, ...).

    Returns:
        One row per period (and group): ``macro_hours``, ``micro_hours``, ``other_hours``,
        ``macro_share``.

    Example:
        >>> import analyzer, datetime as dt
        >>> events = analyzer.load_events(["data/samples/ceo_google.ics"],
        ...     start=dt.date(2026, 1, 5), end=dt.date(2026, 3, 2))
        >>> summarize(events, "MS").index.tolist()[0].strftime("%Y-%m")
        '2026-01'
    """
    pieces = _spread(events, freq)
    keys = ["period"] + ([by] if by else [])
    if by:
        pieces[by] = events[by].to_numpy()[pieces["row"].to_numpy(dtype="int64")]
    if pieces.empty:
        table = pd.DataFrame(index=pd.MultiIndex.from_tuples([], names=keys) if by else None)
    else:
        table = pieces.pivot_table(
            index=keys, columns="label", values="hours", aggfunc="sum", fill_value=0.0
        )
    table = table.reindex(columns=list(LABELS), fill_value=0.0).astype("float64")
    periods = None if by else _window_periods(events, freq)
    if periods is not None:
        table = table.reindex(periods.union(pd.DatetimeIndex(table.index)), fill_value=0.0)
    table.columns = list(HOUR_COLUMNS)
    table.columns.name = None
    return with_macro_share(table)


def _spread(events: pd.DataFrame, freq: str) -> pd.DataFrame:
    """Rows of (event row, period start, label, hours) with events cut at period bounds."""
    rows: list[tuple[int, pd.Timestamp, str, float]] = []
    low, high = _window_bounds(events)
    for position, (start, end, hours, label) in enumerate(
        zip(events["start"], events["end"], events["hours"], events["label"], strict=True)
    ):
        # `hours` counts only the part inside the window: spread it over that part alone.
        if low is not None and high is not None and end > low and start < high:
            start, end = max(start, low), min(end, high)
        length = (end - start).total_seconds()
        if length <= 0:
            rows.append((position, _period_start(start, freq), str(label), float(hours)))
            continue
        cursor = start
        while cursor < end:
            period = _period_start(cursor, freq)
            bound = min(end, _next_period(period, freq))
            share = (bound - cursor).total_seconds() / length
            rows.append((position, period, str(label), float(hours) * share))
            cursor = bound
    return pd.DataFrame(rows, columns=["row", "period", "label", "hours"])


def _window_bounds(events: pd.DataFrame) -> tuple[pd.Timestamp | None, pd.Timestamp | None]:
    """Midnight at both ends of the report window recorded in ``events.attrs``, if any."""
    start, end, zone = (events.attrs.get(k) for k in ("window_start", "window_end", "timezone"))
    if not (isinstance(start, str) and isinstance(end, str) and isinstance(zone, str)):
        return None, None
    return tuple(  # type: ignore[return-value]
        pd.Timestamp(day).tz_localize(zone, nonexistent="shift_forward", ambiguous=False)
        for day in (start, end)
    )


def _window_periods(events: pd.DataFrame, freq: str) -> pd.DatetimeIndex | None:
    """Every period touching the report window recorded in ``events.attrs``, if any."""
    start, end, zone = (events.attrs.get(k) for k in ("window_start", "window_end", "timezone"))
    if not (isinstance(start, str) and isinstance(end, str) and isinstance(zone, str)):
        return None
    first, stop = pd.Timestamp(start), pd.Timestamp(end)
    if stop <= first:
        return None
    naive = pd.period_range(first, stop - pd.Timedelta(1, "ns"), freq=_period_alias(freq))
    starts = naive.start_time
    # A midnight that does not exist (a DST jump at 00:00) starts the period when clocks resume.
    local = starts.tz_localize(
        zone, nonexistent="shift_forward", ambiguous=np.zeros(len(starts), bool)
    )
    return pd.DatetimeIndex(local, name="period")


def _period_start(moment: pd.Timestamp, freq: str) -> pd.Timestamp:
    naive = moment.tz_localize(None)
    start = naive.to_period(_period_alias(freq)).start_time
    return start.tz_localize(moment.tz, nonexistent="shift_forward", ambiguous=False)


def _next_period(period: pd.Timestamp, freq: str) -> pd.Timestamp:
    naive = period.tz_localize(None).to_period(_period_alias(freq)) + 1
    return naive.start_time.tz_localize(period.tz, nonexistent="shift_forward", ambiguous=False)


def _period_alias(freq: str) -> str:
    """Period aliases for the offsets people type: "MS" -> "M", "QS" -> "Q", "W-MON" -> "W-SUN"."""
    aliases = {
        "MS": "M",
        "ME": "M",
        "QS": "Q",
        "QE": "Q",
        "YS": "Y",
        "YE": "Y",
        "W": "W-SUN",
        "W-MON": "W-SUN",
        "h": "h",
        "H": "h",
    }
    return aliases.get(freq, freq)
