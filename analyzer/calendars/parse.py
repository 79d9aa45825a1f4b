"""Parse calendar bytes with icalendar, repairing Google's X-WR-TIMEZONE on the way."""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from typing import Any

import icalendar
import x_wr_timezone

from analyzer.calendars.sources import CalendarSource
from analyzer.errors import InputError

__all__ = ["ParsedCalendar", "parse_calendar"]


@dataclass(frozen=True)
class ParsedCalendar:
    """One readable calendar: its name, the icalendar object and its calendar-level facts."""

    name: str
    calendar: Any  # icalendar.Calendar (untyped library)
    calname: str | None
    timezone: str | None  # X-WR-TIMEZONE, Google's calendar time zone


def parse_calendar(source: CalendarSource) -> ParsedCalendar:
    """Parse one calendar; components with errors are kept for the expansion layer to judge.

    Raises:
        InputError: the bytes are not one iCalendar object.
    """
    if not source.data.strip(b"\xef\xbb\xbf \t\r\n"):
        raise InputError(f"cannot read {source.name}: the file is empty")
    try:
        with warnings.catch_warnings():
            # icalendar warns about guessed vendor TZIDs and similar; the result is still usable.
            warnings.simplefilter("ignore")
            calendar = icalendar.Calendar.from_ical(source.data)
    except Exception as exc:  # icalendar raises ValueError and friends on unreadable input
        raise InputError(f"cannot read {source.name}: {_describe(exc)}") from None
    if getattr(calendar, "name", "") != "VCALENDAR":
        raise InputError(f"cannot read {source.name}: not an iCalendar file (no VCALENDAR)")
    wr_timezone = _text(calendar.get("X-WR-TIMEZONE"))
    if wr_timezone:
        calendar = _to_standard(calendar)
    return ParsedCalendar(
        name=source.name,
        calendar=calendar,
        calname=_text(calendar.get("X-WR-CALNAME")),
        timezone=wr_timezone,
    )


def _to_standard(calendar: Any) -> Any:
    """Apply X-WR-TIMEZONE the way Google means it (times in UTC are shown in that zone)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return x_wr_timezone.to_standard(calendar)
    except Exception:  # an unknown zone name: keep the times as written, still exact in UTC
        return calendar


def _text(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _describe(exc: Exception) -> str:
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    if "Found no components" in text or "could not be parsed" in text:
        return "not an iCalendar file"
    if "Found multiple components" in text:
        return "holds several VCALENDAR objects; export each calendar to its own file"
    if len(text) > 120:
        text = text[:117] + "..."
    return f"not a valid iCalendar file ({text})"
