"""Weekly hours per label and the macro share: macro / (macro + micro)."""

from __future__ import annotations

import pandas as pd

from analyzer.types import LABELS

__all__ = ["HOUR_COLUMNS", "macro_share", "weekly_hours"]

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
    shares = [
        macro_share(a, b) for a, b in zip(table["macro_hours"], table["micro_hours"], strict=True)
    ]
    table["macro_share"] = pd.Series(shares, index=table.index, dtype="float64")
    return table
