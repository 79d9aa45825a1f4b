"""Rule-based time zones (post-2007 US and EU rules) and their VTIMEZONE blocks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import cache
from typing import Literal

__all__ = [
    "ZONES",
    "Zone",
    "convert",
    "from_utc",
    "to_utc",
    "tzid",
    "vtimezone_lines",
]

Style = Literal["google", "outlook", "apple"]


@dataclass(frozen=True)
class Zone:
    """A zone with fixed standard and daylight offsets (minutes east of UTC)."""

    key: str
    std: int
    dst: int
    rule: Literal["US", "EU"]
    std_name: str
    dst_name: str
    windows: str


ZONES: dict[str, Zone] = {
    z.key: z
    for z in (
        Zone("America/New_York", -300, -240, "US", "EST", "EDT", "Eastern Standard Time"),
        Zone("America/Los_Angeles", -480, -420, "US", "PST", "PDT", "Pacific Standard Time"),
        Zone("Europe/London", 0, 60, "EU", "GMT", "BST", "GMT Standard Time"),
        Zone("Europe/Berlin", 60, 120, "EU", "CET", "CEST", "W. Europe Standard Time"),
        Zone("Europe/Lisbon", 0, 60, "EU", "WET", "WEST", "GMT Standard Time"),
    )
}


def _sunday(year: int, month: int, nth: int) -> date:
    """The nth Sunday of a month (``-1`` for the last one)."""
    if nth > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(6 - first.weekday()) % 7 + 7 * (nth - 1))
    last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - 6) % 7)


def _rule_days(zone: Zone, year: int) -> tuple[date, date]:
    """The days daylight time starts and ends."""
    if zone.rule == "US":
        return _sunday(year, 3, 2), _sunday(year, 11, 1)
    return _sunday(year, 3, -1), _sunday(year, 10, -1)


def _wall_times(zone: Zone) -> tuple[time, time]:
    """Local wall-clock times of the switch to daylight time and back."""
    if zone.rule == "US":
        return time(2), time(2)
    return time(1 + zone.std // 60), time(1 + zone.dst // 60)


@cache
def _daylight_utc(zone: Zone, year: int) -> tuple[datetime, datetime]:
    """UTC instants daylight time starts and ends in ``year``."""
    start_day, end_day = _rule_days(zone, year)
    start_wall, end_wall = _wall_times(zone)
    start = datetime.combine(start_day, start_wall) - timedelta(minutes=zone.std)
    end = datetime.combine(end_day, end_wall) - timedelta(minutes=zone.dst)
    return start, end


def _offset_at_utc(zone: Zone, utc: datetime) -> int:
    start, end = _daylight_utc(zone, utc.year)
    return zone.dst if start <= utc < end else zone.std


def to_utc(local: datetime, key: str) -> datetime:
    """Naive UTC for a naive wall-clock time in zone ``key``."""
    zone = ZONES[key]
    guess = local - timedelta(minutes=zone.dst)
    if _offset_at_utc(zone, guess) == zone.dst:
        return guess
    return local - timedelta(minutes=zone.std)


def from_utc(utc: datetime, key: str) -> datetime:
    """Naive wall-clock time in zone ``key`` for a naive UTC time."""
    return utc + timedelta(minutes=_offset_at_utc(ZONES[key], utc))


def convert(local: datetime, source: str, target: str) -> datetime:
    """Wall-clock time in ``source`` expressed as wall-clock time in ``target``."""
    if source == target:
        return local
    return from_utc(to_utc(local, source), target)


def tzid(key: str, style: Style) -> str:
    """The TZID a client of this style writes for an IANA zone."""
    return ZONES[key].windows if style == "outlook" else key


def _offset(minutes: int) -> str:
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}{abs(minutes) % 60:02d}"


def _byday(zone: Zone, daylight: bool) -> tuple[int, str]:
    if zone.rule == "US":
        return (3, "2SU") if daylight else (11, "1SU")
    return (3, "-1SU") if daylight else (10, "-1SU")


def vtimezone_lines(key: str, style: Style) -> list[tuple[str, str]]:
    """Name/value lines of the VTIMEZONE block a client of this style writes."""
    zone = ZONES[key]
    lines: list[tuple[str, str]] = [("BEGIN", "VTIMEZONE"), ("TZID", tzid(key, style))]
    if style == "google":
        lines.append(("X-LIC-LOCATION", key))
    parts = (True, False) if style != "outlook" else (False, True)
    for daylight in parts:
        kind = "DAYLIGHT" if daylight else "STANDARD"
        before, after = (zone.std, zone.dst) if daylight else (zone.dst, zone.std)
        month, byday = _byday(zone, daylight)
        wall = _wall_times(zone)[0 if daylight else 1]
        nth = int(byday[:-2])
        if style == "outlook":
            start = f"16010101T{wall.hour:02d}0000"
            rule = f"FREQ=YEARLY;BYDAY={byday};BYMONTH={month}"
        else:
            year = 1970 if style == "google" else (2007 if zone.rule == "US" else 1996)
            if style == "apple" and zone.rule == "EU" and daylight:
                year = 1981
            start = f"{_sunday(year, month, nth):%Y%m%d}T{wall.hour:02d}0000"
            rule = f"FREQ=YEARLY;BYMONTH={month};BYDAY={byday}"
        name = zone.dst_name if daylight else zone.std_name
        lines.append(("BEGIN", kind))
        if style == "apple":
            lines += [("TZOFFSETFROM", _offset(before)), ("RRULE", rule), ("DTSTART", start)]
            lines += [("TZNAME", name), ("TZOFFSETTO", _offset(after))]
        elif style == "google":
            lines += [("TZOFFSETFROM", _offset(before)), ("TZOFFSETTO", _offset(after))]
            lines += [("TZNAME", name), ("DTSTART", start), ("RRULE", rule)]
        else:
            lines += [("DTSTART", start), ("TZOFFSETFROM", _offset(before))]
            lines += [("TZOFFSETTO", _offset(after)), ("RRULE", rule)]
        lines.append(("END", kind))
    lines.append(("END", "VTIMEZONE"))
    return lines
