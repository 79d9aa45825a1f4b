"""Compare two windows: balance, hours per label and the series that changed most."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from analyzer.aggregate.parsing import parse_period
from analyzer.aggregate.summary import HOUR_COLUMNS, macro_share
from analyzer.errors import ConfigError
from analyzer.types import LABELS

if TYPE_CHECKING:
    from analyzer.analysis import Analysis

__all__ = ["DateWindow", "compare", "compare_windows", "parse_period", "series_hours", "series_key"]

DateWindow = tuple[dt.date | str, dt.date | str]
"""``(start, end)``: dates (or ISO strings) in the events' time zone, ``end`` exclusive."""

_SUFFIXES = ("a", "b")


def series_key(events: pd.DataFrame) -> pd.Series:
    """The series each event belongs to, named by a title.

    A recurring event's series is named by the title its occurrences carry most, a single
    event by its own title.

    Example:
        >>> events = pd.DataFrame({"series_uid": ["u1", "u1", "u1", "u2"],
        ...     "recurring": [True, True, True, False],
        ...     "title": ["Standup", "Standup", "Standup (moved)", "Board"]})
        >>> series_key(events).tolist()
        ['Standup', 'Standup', 'Standup', 'Board']
    """
    if events.empty:
        return pd.Series([], index=events.index, dtype="object")
    by_uid = events.groupby("series_uid")["title"].agg(lambda s: s.mode().iloc[0])
    return events["series_uid"].map(by_uid).where(events["recurring"], events["title"])


def series_hours(events: pd.DataFrame) -> pd.DataFrame:
    """Hours per series, named by the title its occurrences carry most, with its label.

    Series are keyed by that title rather than by UID: calendars often end a series and
    start a new one with the same title ("this and following events"), which is one series
    to a reader comparing two quarters.
    """
    if events.empty:
        return pd.DataFrame(columns=["title", "label", "hours"])
    grouped = events.assign(_key=series_key(events)).groupby("_key", sort=True)
    return pd.DataFrame(
        {
            "title": grouped["title"].agg(lambda s: s.mode().iloc[0]),
            "label": grouped["label"].agg(lambda s: s.mode().iloc[0]),
            "hours": grouped["hours"].sum(),
        }
    )


def _totals(analysis: Analysis) -> dict[str, Any]:
    hours: dict[str, float] = dict.fromkeys(LABELS, 0.0)
    if len(analysis.events):
        for label, value in analysis.events.groupby("label")["hours"].sum().items():
            hours[str(label)] = float(value)
    return {
        "start": analysis.window.start.isoformat(),
        "end": analysis.window.end.isoformat(),
        **{f"{label}_hours": round(value, 4) for label, value in hours.items()},
        "macro_share": _round(macro_share(hours["macro"], hours["micro"])),
    }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def compare_windows(current: Analysis, earlier: Analysis, top: int = 8) -> dict[str, Any]:
    """How the current window differs from an earlier one.

    Returns:
        ``current`` and ``earlier`` (window, hours per label, macro share), ``change``
        (differences, current minus earlier) and ``series``: the ``top`` series whose hours
        changed most, with hours in each window.
    """
    now, before = _totals(current), _totals(earlier)
    change: dict[str, float | None] = {
        f"{label}_hours": round(now[f"{label}_hours"] - before[f"{label}_hours"], 4)
        for label in LABELS
    }
    share_now, share_before = now["macro_share"], before["macro_share"]
    change["macro_share"] = (
        None if share_now is None or share_before is None else round(share_now - share_before, 4)
    )
    a, b = series_hours(current.events), series_hours(earlier.events)
    joined = a.merge(
        b, how="outer", left_index=True, right_index=True, suffixes=("_now", "_before")
    )
    joined["title"] = joined["title_now"].fillna(joined["title_before"])
    joined["label"] = joined["label_now"].fillna(joined["label_before"])
    joined["hours_now"] = joined["hours_now"].fillna(0.0).astype("float64")
    joined["hours_before"] = joined["hours_before"].fillna(0.0).astype("float64")
    joined["change"] = joined["hours_now"] - joined["hours_before"]
    joined["size"] = joined["change"].abs()
    joined = joined.sort_values(["size", "title"], ascending=[False, True], kind="stable")
    changed = joined[joined["size"] > 1e-9].head(top)
    series = [
        {
            "title": str(title),
            "label": str(label),
            "hours_before": round(before_h, 4),
            "hours_now": round(now_h, 4),
            "change": round(delta, 4),
        }
        for title, label, before_h, now_h, delta in zip(
            changed["title"],
            changed["label"],
            changed["hours_before"].tolist(),
            changed["hours_now"].tolist(),
            changed["change"].tolist(),
            strict=True,
        )
    ]
    return {"current": now, "earlier": before, "change": change, "series": series}


def compare(
    events: pd.DataFrame, a: DateWindow, b: DateWindow, by: str | None = None
) -> pd.DataFrame:
    """Hours and macro share in two windows side by side, and how each group moved the share.

    Each event's hours are split at the window bounds in proportion to its time, as
    :func:`summarize` does. ``share_effect`` says how much of the change in the macro share
    a group explains: the share of window ``b`` minus the share ``b`` would have had if this
    group had kept the weekly macro and micro hours it had in ``a`` (everything else as in
    ``b``). It compares hours per week, so windows of different lengths compare fairly; for
    the single row ``"all"`` it is simply ``macro_share_b - macro_share_a``.

    Args:
        events: the events table (:func:`load_events`).
        a: the first window ``(start, end)``, dates in the events' zone, end exclusive.
        b: the second window, the same way.
        by: ``None`` for one row ``"all"``; the name of a column of ``events`` (``calendar``,
            ``label_source``, one you added such as a weekday); or ``"series"``: one row per
            series as :func:`series_key` names it, with its ``label`` as an extra first
            column.

    Returns:
        One row per group, the groups with the largest ``share_effect`` (either sign) first:
        ``macro_hours_a``, ``micro_hours_a``, ``other_hours_a``, ``macro_share_a``, the same
        four ending in ``_b`` (hours are totals of each window; the share is NaN without
        macro or micro time), and ``share_effect``.

    Raises:
        ConfigError: a window is not two dates with the end after the start, or ``by`` is
            not a column of ``events``.

    Example:
        >>> import analyzer
        >>> events = analyzer.load_events(["data/samples/ceo_google.ics"],
        ...     start=dt.date(2026, 1, 5), end=dt.date(2026, 7, 6))
        >>> both = compare(events, ("2026-01-05", "2026-02-16"), ("2026-04-06", "2026-05-11"))
        >>> both[["macro_share_a", "macro_share_b", "share_effect"]].round(2).values.tolist()
        [[0.39, 0.19, -0.2]]
        >>> by_series = compare(events, ("2026-01-05", "2026-02-16"),
        ...                     ("2026-04-06", "2026-05-11"), by="series")
        >>> by_series.index[0], by_series["label"].iloc[0]
        ('Strategy block: 2027 plan', 'macro')
    """
    windows = [_bounds(events, w, name) for w, name in zip((a, b), _SUFFIXES, strict=True)]
    if by is not None and by != "series" and by not in events.columns:
        raise ConfigError(
            f"cannot compare by {by!r}: not a column of the events table "
            f"(use 'series' or one of {', '.join(map(str, events.columns))})"
        )
    if by is None:
        groups = pd.Series("all", index=events.index, dtype="object")
    elif by == "series":
        groups = series_key(events).astype("object")
    else:
        groups = events[by].astype("object")
    parts = []
    for (start, end), suffix in zip(windows, _SUFFIXES, strict=True):
        hours = events["hours"].to_numpy(dtype="float64") * _fraction(events, start, end)
        frame = pd.DataFrame(
            {"group": groups.to_numpy(), "label": events["label"].to_numpy(), "hours": hours}
        )
        frame = frame[frame["hours"] > 0]
        table = frame.pivot_table(
            index="group", columns="label", values="hours", aggfunc="sum", fill_value=0.0
        )
        table = table.reindex(columns=list(LABELS), fill_value=0.0).astype("float64")
        table.columns = [f"{column}_{suffix}" for column in HOUR_COLUMNS]
        parts.append(table)
    result = pd.concat(parts, axis=1).fillna(0.0)
    result.index.name = by or None
    columns = []
    for suffix in _SUFFIXES:
        macro, micro = result[f"macro_hours_{suffix}"], result[f"micro_hours_{suffix}"]
        both = macro + micro
        result[f"macro_share_{suffix}"] = (macro / both.where(both > 1e-12)).astype("float64")
        columns += [f"{column}_{suffix}" for column in (*HOUR_COLUMNS, "macro_share")]
    result = result[columns]
    # Calendar weeks, not elapsed time: a window across a DST change is still 4 weeks long.
    weeks = [(end.date() - start.date()).days / 7 for start, end in windows]
    result["share_effect"] = _share_effect(result, weeks)
    if by == "series":
        labels = events.assign(_group=groups.to_numpy()).groupby("_group")["label"]
        common = labels.agg(lambda s: s.mode().iloc[0]) if len(events) else pd.Series()
        result.insert(0, "label", common.reindex(result.index).astype("string"))
    order = result["share_effect"].abs().fillna(-1.0)
    return result.loc[order.sort_values(ascending=False, kind="stable").index]


def _bounds(
    events: pd.DataFrame, window: DateWindow, name: str
) -> tuple[pd.Timestamp, pd.Timestamp]:
    """Midnight at both ends of a window, in the events' time zone."""
    try:
        start, end = window
        days = [
            d if isinstance(d, dt.date) else dt.date.fromisoformat(str(d)) for d in (start, end)
        ]
    except (TypeError, ValueError):
        raise ConfigError(
            f"window {name}: {window!r} is not (start, end) dates like ('2026-01-05', '2026-04-06')"
        ) from None
    if days[1] <= days[0]:
        raise ConfigError(f"window {name}: end {days[1]} must be after start {days[0]}")
    zone = events["start"].dt.tz if "start" in events.columns else None
    zone = zone or events.attrs.get("timezone") or "UTC"
    # Midnight that a DST jump skips starts the day when clocks resume.
    return tuple(  # type: ignore[return-value]
        pd.Timestamp(day).tz_localize(zone, nonexistent="shift_forward", ambiguous=False)
        for day in days
    )


def _fraction(events: pd.DataFrame, start: pd.Timestamp, end: pd.Timestamp) -> np.ndarray:
    """The part of each event's time inside ``[start, end)`` (an instant: 1 or 0)."""
    begins = pd.DatetimeIndex(events["start"]).as_unit("ns").asi8
    ends = pd.DatetimeIndex(events["end"]).as_unit("ns").asi8
    low, high = start.as_unit("ns").value, end.as_unit("ns").value
    inside = np.clip(np.minimum(ends, high) - np.maximum(begins, low), 0, None)
    length = ends - begins
    instant = ((begins >= low) & (begins < high)).astype("float64")
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(length > 0, inside / np.where(length > 0, length, 1), instant)


def _share_effect(result: pd.DataFrame, weeks: list[float]) -> pd.Series:
    """Share of ``b`` minus the share ``b`` would have had with the group's weekly hours of
    ``a``."""
    rate = {
        (label, suffix): result[f"{label}_hours_{suffix}"] / span
        for label in ("macro", "micro")
        for suffix, span in zip(_SUFFIXES, weeks, strict=True)
    }
    macro_b = rate["macro", "b"].sum()
    micro_b = rate["micro", "b"].sum()
    share_b = macro_b / (macro_b + micro_b) if macro_b + micro_b > 1e-12 else np.nan
    macro_kept = macro_b - rate["macro", "b"] + rate["macro", "a"]
    micro_kept = micro_b - rate["micro", "b"] + rate["micro", "a"]
    both = macro_kept + micro_kept
    kept = macro_kept / both.where(both > 1e-12)
    return (share_b - kept).astype("float64")
