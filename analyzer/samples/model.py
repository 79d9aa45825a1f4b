"""Data model of generated sample events, each carrying its intended label."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Literal, cast

__all__ = [
    "WEEKDAYS",
    "WEEKS",
    "WINDOW_END",
    "WINDOW_START",
    "Attendee",
    "Event",
    "Label",
    "PartStat",
    "Person",
    "Persona",
    "Recurrence",
    "Style",
    "week_monday",
]

Label = Literal["macro", "micro", "other"]
PartStat = Literal["ACCEPTED", "DECLINED", "TENTATIVE", "NEEDS-ACTION"]
Style = Literal["google", "outlook", "apple"]
Freq = Literal["DAILY", "WEEKLY", "MONTHLY"]

WINDOW_START = date(2026, 1, 5)
WINDOW_END = date(2026, 7, 6)
WEEKS = 26
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def week_monday(week: int) -> date:
    """Monday of 0-based ``week`` of the window."""
    return WINDOW_START + timedelta(weeks=week)


@dataclass(frozen=True)
class Person:
    """Someone with a display name and an address."""

    name: str
    email: str
    group: bool = False


@dataclass(frozen=True)
class Attendee:
    """An ATTENDEE line."""

    person: Person
    partstat: PartStat = "ACCEPTED"
    role: str = "REQ-PARTICIPANT"


@dataclass(frozen=True)
class Recurrence:
    """The RRULE subset the samples use; ``until`` is a local time, inclusive."""

    freq: Freq
    byday: tuple[str, ...] = ()
    interval: int = 1
    until: datetime | None = None
    count: int | None = None
    wkst: str | None = None

    @classmethod
    def parse(cls, text: str) -> Recurrence:
        """Parse ``"WEEKLY;BYDAY=MO,TH;INTERVAL=2;UNTIL=2026-05-06 23:59:59"`` (local UNTIL)."""
        freq, *parts = text.split(";")
        if freq not in ("DAILY", "WEEKLY", "MONTHLY"):
            raise ValueError(f"unsupported FREQ in {text!r}")
        fields = dict(part.split("=", 1) for part in parts)
        return cls(
            cast(Freq, freq),
            tuple(fields["BYDAY"].split(",")) if "BYDAY" in fields else (),
            int(fields.get("INTERVAL", "1")),
            datetime.fromisoformat(fields["UNTIL"]) if "UNTIL" in fields else None,
            int(fields["COUNT"]) if "COUNT" in fields else None,
            fields.get("WKST"),
        )


@dataclass
class Event:
    """One VEVENT: a single event, a recurring master or a RECURRENCE-ID override.

    Times are naive wall-clock times in ``tz`` (``None`` = floating); all-day events use
    dates. ``utc`` asks the writer to convert to UTC (Google's style for single events).
    """

    uid: str
    summary: str
    label: Label
    start: datetime | date
    end: datetime | date
    tz: str | None = None
    end_tz: str | None = None
    utc: bool = False
    use_duration: bool = False
    rrule: Recurrence | None = None
    exdates: list[datetime] = field(default_factory=list)
    recurrence_id: datetime | None = None
    status: str = "CONFIRMED"
    transparent: bool = False
    organizer: Person | None = None
    attendees: list[Attendee] = field(default_factory=list)
    description: str = ""
    location: str = ""
    created: datetime = datetime(2025, 1, 1)
    modified: datetime = datetime(2025, 1, 1)
    sequence: int = 0
    alarm: bool = False
    online: bool = False
    language: str = "en-us"

    @property
    def all_day(self) -> bool:
        """True for DATE-valued events."""
        return not isinstance(self.start, datetime)

    def partstat_of(self, person: Person) -> PartStat | None:
        """PARTSTAT of ``person`` on this event, or None when not an attendee."""
        for attendee in self.attendees:
            if attendee.person.email == person.email:
                return attendee.partstat
        return None


@dataclass
class Persona:
    """A generated calendar owner with their events."""

    key: str
    filename: str
    style: Style
    owner: Person
    home_tz: str
    role: str
    calname: str
    events: list[Event]
