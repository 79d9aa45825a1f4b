"""Drift: the rolling macro share, the target band and where the balance shifted."""

from __future__ import annotations

import numpy as np
import pandas as pd

from analyzer.aggregate.parsing import parse_band
from analyzer.aggregate.summary import summarize

__all__ = ["change_points", "drift", "drift_table", "parse_band"]


def drift_table(
    weekly: pd.DataFrame, rolling: int = 4, band: tuple[float, float] | None = None
) -> pd.DataFrame:
    """Weekly share, rolling share and flags, from :func:`weekly_hours` output.

    The rolling share is ``sum(macro) / sum(macro + micro)`` over the last ``rolling`` weeks
    (not a mean of shares, so a quiet week weighs little).

    Returns:
        Columns ``macro_share``, ``rolling_share``, ``outside_band`` (bool), ``change_point``
        (bool: the week a new level starts) and ``level`` (the mean weekly share of the
        stretch between change points), indexed like ``weekly``.

    Example:
        >>> weekly = pd.DataFrame({"macro_hours": [4.0, 2.0], "micro_hours": [4.0, 6.0],
        ...                        "macro_share": [0.5, 0.25]})
        >>> drift_table(weekly, rolling=2)["rolling_share"].tolist()  # 6 / 16 in week 2
        [0.5, 0.375]
    """
    macro = weekly["macro_hours"].rolling(rolling, min_periods=1).sum()
    both = (weekly["macro_hours"] + weekly["micro_hours"]).rolling(rolling, min_periods=1).sum()
    table = pd.DataFrame(index=weekly.index)
    table["macro_share"] = weekly["macro_share"]
    table["rolling_share"] = (macro / both.where(both > 0)).astype("float64")
    if band is None:
        table["outside_band"] = False
    else:
        rolling_share = table["rolling_share"]
        table["outside_band"] = rolling_share.notna() & (
            (rolling_share < band[0]) | (rolling_share > band[1])
        )
    shares = weekly["macro_share"].to_numpy(dtype="float64")
    starts = change_points(shares)
    table["change_point"] = [i in starts for i in range(len(table))]
    levels = np.full(len(table), np.nan)
    for lo, hi in zip([0, *starts], [*starts, len(table)], strict=True):
        segment = shares[lo:hi]
        if (~np.isnan(segment)).any():
            levels[lo:hi] = np.nanmean(segment)
    table["level"] = levels
    return table


def drift(
    events: pd.DataFrame, rolling: int = 4, band: tuple[float, float] | None = None
) -> pd.DataFrame:
    """The drift table of an events table, week by week: :func:`drift_table` of its weeks.

    Args:
        events: the events table (every week of its report window gets a row).
        rolling: weeks in the rolling share.
        band: the target band ``(low, high)`` of the macro share, e.g. ``(0.3, 0.5)``.

    Returns:
        As :func:`drift_table`, indexed by week start (Monday 00:00 in the events' zone).

    Example:
        >>> import analyzer, datetime as dt
        >>> events = analyzer.load_events(["data/samples/ceo_google.ics"],
        ...     start=dt.date(2026, 1, 5), end=dt.date(2026, 3, 2))
        >>> table = drift(events, band=(0.3, 0.5))
        >>> len(table), round(float(table["rolling_share"].iloc[-1]), 2)
        (8, 0.36)
    """
    return drift_table(summarize(events, "W-MON"), rolling, band)


def change_points(
    shares: np.ndarray, min_size: int = 3, min_shift: float = 0.08, max_points: int = 4
) -> list[int]:
    """Where the level of the weekly share changes (binary segmentation on the mean).

    Method: split the series where the split most reduces the squared error around the
    segment means; keep the split when both sides have at least ``min_size`` known weeks and
    their means differ by at least ``min_shift``; repeat on each side, up to ``max_points``.
    Weeks without macro or micro time (NaN) are ignored.

    Example:
        >>> change_points(np.array([0.4] * 5 + [0.2] * 5))
        [5]
    """
    known = np.flatnonzero(~np.isnan(shares))
    values = shares[known]
    found: list[int] = []

    def split(lo: int, hi: int) -> None:
        if len(found) >= max_points or hi - lo < 2 * min_size:
            return
        segment = values[lo:hi]
        best, best_cost = -1, float(((segment - segment.mean()) ** 2).sum())
        for cut in range(min_size, len(segment) - min_size + 1):
            left, right = segment[:cut], segment[cut:]
            if abs(left.mean() - right.mean()) < min_shift:
                continue
            cost = float(((left - left.mean()) ** 2).sum() + ((right - right.mean()) ** 2).sum())
            if cost < best_cost - 1e-12:
                best, best_cost = cut, cost
        if best < 0:
            return
        found.append(lo + best)
        split(lo, lo + best)
        split(lo + best, hi)

    split(0, len(values))
    return sorted(int(known[i]) for i in found)
