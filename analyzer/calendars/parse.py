"""Parse calendar bytes with icalendar, repairing Google's X-WR-TIMEZONE on the way."""

from __future__ import annotations

import warnings
from collections import Counter
from dataclasses import dataclass
from typing import Any

import icalendar
import x_wr_timezone

from analyzer.calendars.sources import CalendarSource
from analyzer.errors import InputError

__all__ = ["CalendarHeader", "ParsedCalendar", "address_of", "parse_calendar"]


@dataclass(frozen=True)
class CalendarHeader:
    """The calendar-level facts a report needs before expanding anything."""

    calname: str | None  # X-WR-CALNAME (Google writes the owner's address there)
    timezone: str | None  # X-WR-TIMEZONE, Google's calendar time zone
    addresses: tuple[tuple[str, int], ...] = ()  # ORGANIZER/ATTENDEE address -> count


@dataclass(frozen=True)
class ParsedCalendar:
    """One readable calendar: its name, the icalendar object and its calendar-level facts."""

    name: str
    calendar: Any  # icalendar.Calendar (untyped library)
    header: CalendarHeader

    @property
    def calname(self) -> str | None:
        return self.header.calname

    @property
    def timezone(self) -> str | None:
        return self.header.timezone


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
    header = CalendarHeader(
        calname=_text(calendar.get("X-WR-CALNAME")),
        timezone=wr_timezone,
        addresses=_count_addresses(calendar),
    )
    return ParsedCalendar(name=source.name, calendar=calendar, header=header)


def _count_addresses(calendar: Any) -> tuple[tuple[str, int], ...]:
    counts: Counter[str] = Counter()
    for event in calendar.walk("VEVENT"):
        for prop in ("ORGANIZER", "ATTENDEE"):
            values = event.get(prop, [])
            for value in values if isinstance(values, list) else [values]:
                address = address_of(value)
                if address:
                    counts[address] += 1
    return tuple(sorted(counts.items()))


def address_of(value: object) -> str:
    """The e-mail address of a CAL-ADDRESS value, lower-case, without ``mailto:``.

    Example:
        >>> address_of("MAILTO:Ana@Example.com")
        'ana@example.com'
    """
    text = str(value).strip()
    if text.lower().startswith("mailto:"):
        text = text[7:]
    return text.strip().lower()


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
