"""What the insight measures are measured against: lead time, working hours, thresholds."""

from __future__ import annotations

import re
from dataclasses import dataclass

from analyzer.errors import ConfigError

__all__ = ["DAY_NAMES", "InsightSettings", "parse_work_days", "parse_work_hours"]

DAY_NAMES: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True)
class InsightSettings:
    """Every threshold of the insight measures (README, "Insights", defines each).

    Example:
        >>> InsightSettings().work_hours
        '09:00-18:00'
    """

    lead_hours: float = 48.0  # added to the calendar less than this before it started: reactive
    work_days: tuple[int, ...] = (0, 1, 2, 3, 4)  # Monday = 0
    work_start_minute: int = 9 * 60  # minutes after midnight, report time zone
    work_end_minute: int = 18 * 60  # up to 24 * 60
    focus_hours: float = 2.0  # a free block at least this long inside working hours is focus
    chain_gap_minutes: float = 5.0  # a smaller gap between meetings keeps a chain going
    large_meeting: int = 8  # meetings with more than this many people, the owner included
    top_people: int = 10
    references: bool = False  # show the published reference values from a study

    def __post_init__(self) -> None:
        if not 0 <= self.work_start_minute < self.work_end_minute <= 24 * 60:
            raise ConfigError("working hours must start before they end, within one day")
        if not self.work_days or any(d not in range(7) for d in self.work_days):
            raise ConfigError("working days must be weekdays 0 (Monday) to 6 (Sunday)")
        if self.lead_hours < 0 or self.focus_hours <= 0 or self.chain_gap_minutes < 0:
            raise ConfigError("lead time, focus block and chain gap must not be negative")
        if self.large_meeting < 1 or self.top_people < 1:
            raise ConfigError("--large-meeting and --top-people must be at least 1")

    @property
    def work_hours(self) -> str:
        """Working hours as written on the command line, e.g. ``09:00-18:00``."""
        return f"{_clock(self.work_start_minute)}-{_clock(self.work_end_minute)}"

    @property
    def work_day_names(self) -> list[str]:
        return [DAY_NAMES[d] for d in sorted(self.work_days)]


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


_HOURS = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$")


def parse_work_hours(text: str) -> tuple[int, int]:
    """``"09:00-18:00"`` -> minutes after midnight ``(540, 1080)``; ``24:00`` ends the day.

    Example:
        >>> parse_work_hours("08:30-24:00")
        (510, 1440)

    Raises:
        ValueError: not two times HH:MM-HH:MM with the first before the second.
    """
    match = _HOURS.match(text)
    if not match:
        raise ValueError(f"{text!r} is not working hours like 09:00-18:00")
    h1, m1, h2, m2 = (int(g) for g in match.groups())
    start, end = h1 * 60 + m1, h2 * 60 + m2
    if m1 > 59 or m2 > 59 or h1 > 23 or end > 24 * 60 or start >= end:
        raise ValueError(f"{text!r}: working hours must start before they end, within one day")
    return start, end


def parse_work_days(text: str) -> tuple[int, ...]:
    """``"mon-fri"``, ``"sun-thu"`` or ``"mon,wed,fri"`` -> weekday numbers (Monday = 0).

    Example:
        >>> parse_work_days("sun-thu")
        (0, 1, 2, 3, 6)

    Raises:
        ValueError: a name that is not a weekday.
    """
    days: set[int] = set()
    for part in text.lower().replace(" ", "").split(","):
        first, _, last = part.partition("-")
        try:
            a = DAY_NAMES.index(first[:3])
            b = DAY_NAMES.index(last[:3]) if last else a
        except ValueError:
            raise ValueError(f"{text!r} is not working days like mon-fri") from None
        days.update((a + k) % 7 for k in range((b - a) % 7 + 1))
    return tuple(sorted(days))
