"""The generator's own expansion and label bookkeeping: intended weekly hours and shares."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Literal

from analyzer.samples import tz
from analyzer.samples.model import WEEKDAYS, WEEKS, WINDOW_START, Event, Label, Person

__all__ = [
    "Policy",
    "Occurrence",
    "WeekHours",
    "is_counted",
    "occurrences",
    "rule_starts",
    "week_of",
    "weekly_hours",
]

Policy = Literal["count-all", "split"]
HORIZON = datetime(2026, 9, 1)


@dataclass(frozen=True)
class Occurrence:
    """One expanded occurrence; ``start``/``end`` are wall-clock times in the home zone."""

    event: Event
    start: datetime
    end: datetime


@dataclass(frozen=True)
class WeekHours:
    """Counted hours of one week by intended label."""

    macro: float
    micro: float
    other: float

    @property
    def share(self) -> float | None:
        """macro / (macro + micro), or None for an empty week."""
        total = self.macro + self.micro
        return self.macro / total if total else None


def _nth_weekday(year: int, month: int, spec: str) -> date | None:
    nth, weekday = int(spec[:-2]), WEEKDAYS.index(spec[-2:])
    first = date(year, month, 1)
    last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    if nth > 0:
        day = first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    else:
        day = last - timedelta(days=(last.weekday() - weekday) % 7 + 7 * (-nth - 1))
    return day if first <= day <= last else None


def _candidates(event: Event) -> list[datetime]:
    """Rule instants from DTSTART up to the horizon, before UNTIL/COUNT are applied."""
    assert isinstance(event.start, datetime)
    assert event.rrule is not None
    rule, start = event.rrule, event.start
    out: list[datetime] = []
    if rule.freq == "DAILY":
        instant = start
        while instant < HORIZON:
            if not rule.byday or WEEKDAYS[instant.weekday()] in rule.byday:
                out.append(instant)
            instant += timedelta(days=rule.interval)
    elif rule.freq == "WEEKLY":
        days = sorted(WEEKDAYS.index(d) for d in rule.byday) or [start.weekday()]
        monday = start - timedelta(days=start.weekday())
        while monday < HORIZON:
            out += [monday + timedelta(days=d) for d in days if monday + timedelta(days=d) >= start]
            monday += timedelta(weeks=rule.interval)
    else:
        year, month = start.year, start.month
        while datetime(year, month, 1) < HORIZON:
            for spec in rule.byday:
                nth = _nth_weekday(year, month, spec)
                if nth is not None and datetime.combine(nth, start.time()) >= start:
                    out.append(datetime.combine(nth, start.time()))
            month += rule.interval
            year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    return sorted(out)


def rule_starts(event: Event) -> list[datetime]:
    """Occurrence starts of a recurring master (local time in its zone), EXDATEs removed."""
    assert event.rrule is not None
    rule, kept = event.rrule, list[datetime]()
    for instant in _candidates(event):
        if rule.until is not None and instant > rule.until:
            break
        if rule.count is not None and len(kept) >= rule.count:
            break
        kept.append(instant)
    return [instant for instant in kept if instant not in event.exdates]


def _home(value: datetime, zone: str | None, home_tz: str) -> datetime:
    return value if zone is None else tz.convert(value, zone, home_tz)


def _occurrence(event: Event, start: datetime | date, home_tz: str) -> Occurrence:
    if not isinstance(start, datetime):
        assert not isinstance(event.end, datetime)
        length = event.end - event.start
        first = datetime.combine(start, time())
        return Occurrence(event, first, first + length)
    assert isinstance(event.start, datetime)
    assert isinstance(event.end, datetime)
    begin_utc = tz.to_utc(start, event.tz or home_tz)
    end_local = start + (event.end - event.start)
    if event.end_tz is not None and event.tz is not None:  # a flight: DTEND in another zone
        end_utc = tz.to_utc(event.end, event.end_tz)
    else:
        end_utc = tz.to_utc(end_local, event.tz or home_tz)
    begin = _home(start, event.tz, home_tz)
    return Occurrence(event, begin, begin + (end_utc - begin_utc))


def occurrences(events: Sequence[Event], home_tz: str) -> list[Occurrence]:
    """Expand masters (EXDATE and RECURRENCE-ID overrides applied) and single events."""
    overrides = {(e.uid, e.recurrence_id): e for e in events if e.recurrence_id is not None}
    out: list[Occurrence] = []
    for event in events:
        if event.recurrence_id is not None:
            continue
        if event.rrule is None:
            out.append(_occurrence(event, event.start, home_tz))
            continue
        for instant in rule_starts(event):
            override = overrides.pop((event.uid, instant), None)
            if override is None:
                out.append(_occurrence(event, instant, home_tz))
            else:
                out.append(_occurrence(override, override.start, home_tz))
    if overrides:
        raise ValueError(f"overrides without a matching occurrence: {sorted(overrides)}")
    return sorted(out, key=lambda o: (o.start, o.event.uid))


def is_counted(occurrence: Occurrence, owner: Person) -> bool:
    """Counted time: not cancelled, not declined by the owner, not all-day, not transparent."""
    event = occurrence.event
    return not (
        event.status == "CANCELLED"
        or event.partstat_of(owner) == "DECLINED"
        or event.all_day
        or event.transparent
    )


def week_of(moment: datetime) -> int:
    """0-based week of the window (may fall outside ``range(WEEKS)``)."""
    return (moment.date() - WINDOW_START).days // 7


def _split_hours(counted: Sequence[Occurrence]) -> list[tuple[datetime, Label, float]]:
    """(segment start, label, hours) with overlapping stretches divided equally."""
    mondays = [
        datetime.combine(WINDOW_START + timedelta(weeks=w), time()) for w in range(WEEKS + 1)
    ]
    points = sorted({*mondays, *(o.start for o in counted), *(o.end for o in counted)})
    index = {point: i for i, point in enumerate(points)}
    cover = [0] * len(points)
    for occ in counted:
        for i in range(index[occ.start], index[occ.end]):
            cover[i] += 1
    out = []
    for occ in counted:
        for i in range(index[occ.start], index[occ.end]):
            hours = (points[i + 1] - points[i]).total_seconds() / 3600 / cover[i]
            out.append((points[i], occ.event.label, hours))
    return out


def weekly_hours(
    events: Sequence[Event], owner: Person, home_tz: str, policy: Policy = "count-all"
) -> list[WeekHours]:
    """Counted hours per week and label; ``split`` shares overlapping time equally."""
    totals: list[dict[Label, float]] = [{"macro": 0, "micro": 0, "other": 0} for _ in range(WEEKS)]
    counted = [o for o in occurrences(events, home_tz) if is_counted(o, owner)]
    if policy == "count-all":
        pieces = [
            (o.start, o.event.label, (o.end - o.start).total_seconds() / 3600) for o in counted
        ]
    else:
        pieces = _split_hours(counted)
    for start, label, hours in pieces:
        if 0 <= week_of(start) < WEEKS:
            totals[week_of(start)][label] += hours
    return [WeekHours(t["macro"], t["micro"], t["other"]) for t in totals]
