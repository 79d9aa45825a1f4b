"""Creates one persona's events deterministically: series, singles, all-day events, overrides."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any

from analyzer.samples import tz
from analyzer.samples.bookkeeping import rule_starts
from analyzer.samples.model import (
    Attendee,
    Event,
    Label,
    PartStat,
    Person,
    Recurrence,
    Style,
)

__all__ = ["PREFIXES", "Builder", "at"]

_GOOGLE_ALPHABET = "0123456789abcdefghijklmnopqrstuv"
_OUTLOOK_CLASS = "040000008200E00074C5B7101A82E008"
PREFIXES = ("Updated invitation: ", "FW: ", "RE: ", "[EXTERNAL] ", "Accepted: ")


def at(when: str | datetime) -> datetime:
    """``"2026-01-14 09:30"`` as a naive datetime (datetimes pass through)."""
    return when if isinstance(when, datetime) else datetime.fromisoformat(when)


class Builder:
    """Collects a persona's events and checks that every title keeps one intended label."""

    def __init__(self, style: Style, owner: Person, home_tz: str, seed: int) -> None:
        self.style, self.owner, self.home_tz = style, owner, home_tz
        self.rng = random.Random(seed)
        self.events: list[Event] = []
        self.labels: dict[str, Label] = {}

    def uid(self) -> str:
        """A fresh UID in the style of the client."""
        rng = self.rng
        if self.style == "google":
            return "".join(rng.choice(_GOOGLE_ALPHABET) for _ in range(26)) + "@google.com"
        if self.style == "outlook":
            filetime, tail = f"{rng.getrandbits(64):016X}", f"{rng.getrandbits(128):032X}"
            return f"{_OUTLOOK_CLASS}00000000{filetime}{'0' * 16}10000000{tail}"
        h = f"{rng.getrandbits(128):032X}"
        return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-A{h[17:20]}-{h[20:]}"

    def stamps(self, start: datetime, zone: str | None, *, late: bool) -> tuple[datetime, datetime]:
        """CREATED and LAST-MODIFIED (UTC) for an event starting at local ``start``.

        Most events are created 2-75 days ahead; ``late`` ones 45 minutes to 46 hours ahead.
        """
        rng = self.rng
        start_utc = tz.to_utc(start, zone or self.home_tz)
        if late:
            lead = timedelta(minutes=rng.randrange(45, 46 * 60))
        elif rng.random() < 0.8:
            lead = timedelta(days=rng.randrange(2, 22), minutes=rng.randrange(0, 24 * 60))
        else:
            lead = timedelta(days=rng.randrange(22, 76), minutes=rng.randrange(0, 24 * 60))
        created = start_utc - lead + timedelta(seconds=rng.randrange(60))
        modified = created
        if rng.random() < 0.5:
            modified = created + timedelta(seconds=int(lead.total_seconds() * rng.random() * 0.5))
        return created, modified

    def _register(self, summary: str, label: Label) -> None:
        known = self.labels.setdefault(summary, label)
        if known != label:
            raise ValueError(f"{summary!r} is both {known} and {label}")

    def _attendees(
        self, guests: Sequence[Person], organizer: Person | None, owner_status: PartStat
    ) -> list[Attendee]:
        """ATTENDEE list: Outlook omits its own organiser, Google and Apple list everyone."""
        if not guests:
            return []
        rng, out = self.rng, []
        if organizer is not None and (self.style != "outlook" or organizer != self.owner):
            out.append(Attendee(organizer, "ACCEPTED"))
        if organizer != self.owner:
            out.append(Attendee(self.owner, owner_status))
        for person in guests:
            if person in (organizer, self.owner):
                continue
            roll = rng.random()
            status: PartStat = "ACCEPTED"
            if person.group or roll < 0.08:
                status = "NEEDS-ACTION"
            elif roll < 0.14:
                status = "TENTATIVE"
            elif roll < 0.18:
                status = "DECLINED"
            role = "OPT-PARTICIPANT" if rng.random() < 0.06 else "REQ-PARTICIPANT"
            out.append(Attendee(person, status, role))
        return out

    def add(
        self,
        summary: str,
        label: Label,
        start: str | datetime,
        minutes: int,
        *guests: Person,
        org: Person | None = None,
        rule: str | Recurrence | None = None,
        zone: str | None = "",
        owner_status: PartStat = "ACCEPTED",
        late: bool = False,
        end: str | datetime | None = None,
        end_tz: str | None = None,
        utc: bool | None = None,
        status: str = "CONFIRMED",
        transparent: bool = False,
        description: str = "",
        location: str = "",
        alarm: bool = False,
        use_duration: bool = False,
        language: str = "en-us",
    ) -> Event:
        """Add a timed event; ``rule`` (e.g. ``"WEEKLY;BYDAY=MO"``) makes it a series.

        ``zone=""`` means the home zone and ``None`` a floating time; ``org`` defaults to the
        owner when there are guests; ``end``/``end_tz`` override the end (flights).
        """
        self._register(summary, label)
        begin, zone = at(start), self.home_tz if zone == "" else zone
        rrule = Recurrence.parse(rule) if isinstance(rule, str) else rule
        organizer = org or (self.owner if guests else None)
        created, modified = self.stamps(begin, zone, late=late)
        if rrule is not None:
            created -= timedelta(days=self.rng.randrange(5, 30))
            modified = created
        event = Event(
            uid=self.uid(),
            summary=summary,
            label=label,
            start=begin,
            end=at(end) if end is not None else begin + timedelta(minutes=minutes),
            tz=zone,
            end_tz=end_tz,
            utc=utc
            if utc is not None
            else (self.style == "google" and rrule is None and zone is not None),
            use_duration=use_duration,
            rrule=rrule,
            status=status,
            transparent=transparent,
            organizer=organizer,
            attendees=self._attendees(guests, organizer, owner_status),
            description=description,
            location=location,
            created=created,
            modified=modified,
            alarm=alarm,
            online=bool(guests) and self.rng.random() < 0.15,
            language=language,
        )
        self.events.append(event)
        return event

    def series(
        self,
        summary: str,
        label: Label,
        start: str,
        minutes: int,
        rule: str,
        *guests: Person,
        **options: Any,
    ) -> Event:
        """Add a recurring master: :meth:`add` with the RRULE (without ``FREQ=``) in front."""
        return self.add(summary, label, start, minutes, *guests, rule=rule, **options)

    def all_day(
        self,
        summary: str,
        label: Label,
        first: str | date,
        days: int = 1,
        *guests: Person,
        org: Person | None = None,
        transparent: bool = True,
        location: str = "",
        language: str = "en-us",
    ) -> Event:
        """Add a DATE-valued event spanning ``days`` days (transparent unless told)."""
        self._register(summary, label)
        day = date.fromisoformat(first) if isinstance(first, str) else first
        created, modified = self.stamps(
            datetime.combine(day, datetime.min.time()), None, late=False
        )
        organizer = (org or self.owner) if guests else None
        event = Event(self.uid(), summary, label, day, day + timedelta(days=days))
        event.created, event.modified, event.transparent = created, modified, transparent
        event.location, event.language, event.organizer = location, language, organizer
        event.attendees = self._attendees(guests, organizer, "ACCEPTED")
        self.events.append(event)
        return event

    def exclude_days(self, master: Event, days: set[date]) -> None:
        """Add EXDATEs for the master's occurrences that fall on ``days``."""
        master.exdates += [s for s in rule_starts(master) if s.date() in days]
        master.exdates.sort()

    def override(
        self,
        master: Event,
        original: str | datetime,
        *,
        start: str | datetime | None = None,
        minutes: int | None = None,
        status: str | None = None,
        owner_status: PartStat | None = None,
    ) -> Event:
        """Add a RECURRENCE-ID override: moved, resized, cancelled or answered differently."""
        original = at(original)
        if original not in rule_starts(master):
            raise ValueError(f"{master.summary!r} has no occurrence at {original}")
        if not isinstance(master.start, datetime) or not isinstance(master.end, datetime):
            raise TypeError("all-day series are not supported")
        length = timedelta(minutes=minutes) if minutes else master.end - master.start
        begin = at(start) if start is not None else original
        attendees = [
            replace(a, partstat=owner_status) if owner_status and a.person == self.owner else a
            for a in master.attendees
        ]
        when = tz.to_utc(original, master.tz or self.home_tz)
        changed = when - timedelta(days=self.rng.randrange(1, 6), minutes=self.rng.randrange(600))
        event = replace(
            master,
            start=begin,
            end=begin + length,
            rrule=None,
            exdates=[],
            recurrence_id=original,
            status=status or master.status,
            attendees=attendees,
            modified=max(changed, master.created),
            sequence=master.sequence + 1,
            utc=False,
        )
        self.events.append(event)
        return event

    def cancel(self, master: Event, *originals: str) -> None:
        """Cancel single occurrences (overrides with ``STATUS:CANCELLED``)."""
        for original in originals:
            self.override(master, original, status="CANCELLED")

    def decline(self, master: Event, *originals: str) -> None:
        """Decline single occurrences (the owner's PARTSTAT becomes DECLINED)."""
        for original in originals:
            self.override(master, original, owner_status="DECLINED")

    def split_series(self, master: Event, new_start: str, rule: str) -> Event:
        """End ``master`` the day before ``new_start`` and continue as a new series."""
        begin = at(new_start)
        if master.rrule is None or not isinstance(master.start, datetime):
            raise TypeError("only timed series can be split")
        assert isinstance(master.end, datetime)
        day_before = datetime.combine(begin.date(), datetime.min.time()) - timedelta(seconds=1)
        master.rrule = replace(master.rrule, until=day_before)
        master.sequence += 1
        begin_utc = tz.to_utc(begin, master.tz or self.home_tz)
        uid = self.uid()
        if self.style == "google":  # Google's "this and following" keeps the UID plus _R<start>
            uid = master.uid.replace("@google.com", f"_R{begin_utc:%Y%m%dT%H%M%S}@google.com")
        created = begin_utc - timedelta(days=9, hours=3)
        follow = replace(
            master,
            uid=uid,
            start=begin,
            end=begin + (master.end - master.start),
            rrule=Recurrence.parse(rule),
            exdates=[],
            created=created,
            modified=created,
            sequence=0,
        )
        self.events.append(follow)
        return follow
