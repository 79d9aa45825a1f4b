"""The report window: dates in the report's time zone, split into Monday-start weeks."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from analyzer.errors import ConfigError

__all__ = ["ReportWindow", "default_window"]


@dataclass(frozen=True)
class ReportWindow:
    """``[start, end)`` as dates in ``tz``; weeks start on Monday 00:00 in ``tz``.

    Example:
        >>> w = ReportWindow(dt.date(2026, 3, 4), dt.date(2026, 3, 16), ZoneInfo("Europe/Berlin"))
        >>> [str(d) for d in w.week_starts()]
        ['2026-03-02', '2026-03-09']
    """

    start: dt.date
    end: dt.date
    tz: ZoneInfo

    def __post_init__(self) -> None:
        if self.end <= self.start:
            raise ConfigError(f"empty window: --to {self.end} must be after --from {self.start}")

    @property
    def timezone(self) -> str:
        return self.tz.key

    def instant(self, day: dt.date) -> dt.datetime:
        """Midnight at the start of ``day`` in the report's zone."""
        return dt.datetime.combine(day, dt.time(0), self.tz)

    @property
    def start_instant(self) -> dt.datetime:
        return self.instant(self.start)

    @property
    def end_instant(self) -> dt.datetime:
        return self.instant(self.end)

    def week_starts(self) -> list[dt.date]:
        """Every Monday that starts a week touching the window, in order."""
        monday = self.start - dt.timedelta(days=self.start.weekday())
        weeks = []
        while monday < self.end:
            weeks.append(monday)
            monday += dt.timedelta(days=7)
        return weeks


def default_window(tz: ZoneInfo, today: dt.date, weeks: int = 12) -> ReportWindow:
    """The ``weeks`` complete Monday-to-Sunday weeks before ``today``.

    Example:
        >>> w = default_window(ZoneInfo("UTC"), dt.date(2026, 11, 25), weeks=2)
        >>> (str(w.start), str(w.end))
        ('2026-11-09', '2026-11-23')
    """
    if weeks < 1:
        raise ConfigError(f"--weeks must be at least 1, not {weeks}")
    end = today - dt.timedelta(days=today.weekday())
    return ReportWindow(end - dt.timedelta(weeks=weeks), end, tz)
