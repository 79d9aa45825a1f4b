"""`events.altitude`: the aggregations as a pandas accessor on the events table."""

from __future__ import annotations

import pandas as pd

from analyzer.aggregate.compare import DateWindow, compare
from analyzer.aggregate.drift import drift
from analyzer.aggregate.sinks import top_sinks
from analyzer.aggregate.summary import macro_share, summarize

__all__ = ["AltitudeAccessor"]


@pd.api.extensions.register_dataframe_accessor("altitude")
class AltitudeAccessor:
    """Registered when ``analyzer`` is imported.

    Example:
        >>> import analyzer, datetime as dt
        >>> events = analyzer.load_events(["data/samples/ceo_google.ics"],
        ...     start=dt.date(2026, 1, 5), end=dt.date(2026, 2, 2))
        >>> round(events.altitude.balance(), 2)
        0.4
        >>> events[events["recurring"]].altitude.weekly().shape
        (4, 4)
        >>> events.altitude.drift(band=(0.3, 0.5))["rolling_share"].round(2).tolist()
        [0.41, 0.4, 0.4, 0.4]
    """

    def __init__(self, events: pd.DataFrame) -> None:
        missing = {"start", "end", "hours", "label"} - set(events.columns)
        if missing:
            raise AttributeError(f"not an Altitude events table (missing {sorted(missing)})")
        self._events = events

    def summary(self, freq: str = "W-MON", by: str | None = None) -> pd.DataFrame:
        """Hours per label and macro share per period (see :func:`summarize`)."""
        return summarize(self._events, freq, by)

    def weekly(self) -> pd.DataFrame:
        """Hours per label and macro share for every Monday-start week of the window."""
        return summarize(self._events, "W-MON")

    def hours(self) -> pd.Series:
        """Total hours per label."""
        totals = self._events.groupby("label")["hours"].sum()
        return totals.reindex(["macro", "micro", "other"], fill_value=0.0)

    def balance(self) -> float | None:
        """The macro share ``macro / (macro + micro)`` of the whole table."""
        totals = self.hours()
        return macro_share(float(totals["macro"]), float(totals["micro"]))

    def drift(self, rolling: int = 4, band: tuple[float, float] | None = None) -> pd.DataFrame:
        """Weekly and rolling macro share, target-band flags and change points (:func:`drift`)."""
        return drift(self._events, rolling, band)

    def compare(self, a: DateWindow, b: DateWindow, by: str | None = None) -> pd.DataFrame:
        """Two windows side by side and what each group did to the share (:func:`compare`)."""
        return compare(self._events, a, b, by)

    def top_sinks(self, n: int = 8) -> pd.DataFrame:
        """The series and titles that take the most hours."""
        return top_sinks(self._events, n)
