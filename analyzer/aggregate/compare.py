"""Compare two windows: balance, hours per label and the series that changed most."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pandas as pd

from analyzer.aggregate.summary import macro_share
from analyzer.types import LABELS

if TYPE_CHECKING:
    from analyzer.analysis import Analysis

__all__ = ["compare_windows", "parse_period", "series_hours"]


def parse_period(text: str) -> tuple[Any, Any]:
    """``"2025-10-06:2026-01-05"`` -> two dates (start inclusive, end exclusive).

    Example:
        >>> [str(d) for d in parse_period("2025-10-06:2026-01-05")]
        ['2025-10-06', '2026-01-05']
    """
    import datetime as dt

    first, sep, second = text.partition(":")
    try:
        start, end = dt.date.fromisoformat(first), dt.date.fromisoformat(second)
    except ValueError:
        raise ValueError(f"{text!r} is not FROM:TO like 2025-10-06:2026-01-05") from None
    if not sep or end <= start:
        raise ValueError(f"{text!r}: TO must be after FROM")
    return start, end


def series_hours(events: pd.DataFrame) -> pd.DataFrame:
    """Hours per series, named by the title its occurrences carry most, with its label.

    Series are keyed by that title rather than by UID: calendars often end a series and
    start a new one with the same title ("this and following events"), which is one series
    to a reader comparing two quarters.
    """
    if events.empty:
        return pd.DataFrame(columns=["title", "label", "hours"])
    by_uid = events.groupby("series_uid")["title"].agg(lambda s: s.mode().iloc[0])
    key = events["series_uid"].map(by_uid).where(events["recurring"], events["title"])
    grouped = events.assign(_key=key).groupby("_key", sort=True)
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
