"""Deterministic, Google-style calendar exports of a chosen size, for the benchmarks.

Every byte follows from ``(shape, target, variant)``: the random generators are seeded with
those, nothing reads the clock, and the export moment (``DTSTAMP``) is fixed. The files look
like a Google Calendar export: ``PRODID`` of Google, ``X-WR-CALNAME`` the owner's address,
``X-WR-TIMEZONE:America/New_York`` with its ``VTIMEZONE``, single events in UTC, series in
``TZID=America/New_York`` (a few in Europe/London) with ``EXDATE`` lines and
``RECURRENCE-ID`` overrides (moved, retitled, cancelled, declined), all-day events,
transparent holds, cancelled events, invitations the owner declined, attendees with
``PARTSTAT`` and a few hundred distinct titles mixing macro, micro and other words.

Shapes (see :data:`SHAPES`): ``series`` (most occurrences come from weekly, biweekly,
twice-weekly, weekday, daily and monthly series over four years), ``singles`` (most are
single events with many attendees) and ``eight-years`` (eight years of a typical executive
calendar, for the windowed 12-week report).

Command line::

    python -m benchmarks.generate --shape series --size 10k [--variant 0] [--verify]
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import io
import json
import os
import random
import unicodedata
import warnings
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path
from typing import BinaryIO
from zoneinfo import ZoneInfo

__all__ = [
    "DATA_DIR",
    "GENERATOR_VERSION",
    "SHAPES",
    "Dataset",
    "Shape",
    "count_occurrences",
    "dataset_path",
    "ensure_dataset",
    "generate_bytes",
    "parse_size",
    "write_calendar",
]

GENERATOR_VERSION = 1
DATA_DIR = Path(__file__).resolve().parent / "data"

UTC = dt.UTC
HOME_TZ = "America/New_York"
TRAVEL_TZ = "Europe/London"
DOMAIN = "northwind.example"
DTSTAMP = "20260106T120000Z"  # the (fictional) moment of the export; never the clock
_EXPORT = dt.datetime(2026, 1, 6, 12, tzinfo=UTC)
_ALPHABET = "0123456789abcdefghijklmnopqrstuv"
_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


@dataclass(frozen=True)
class Shape:
    """What a generated calendar looks like, apart from its size."""

    name: str
    start: dt.date  # first day of the span (a Monday), inclusive
    end: dt.date  # day after the span (a Monday), exclusive
    series_share: float  # share of the occurrences that come from series
    guests: tuple[tuple[int, int, float], ...]  # (fewest, most, weight) guests of a single
    series_weights: tuple[tuple[str, float], ...]  # series kind and its weight
    mean_life_weeks: float  # mean lifetime of a series that is not open-ended
    open_share: float  # share of series without UNTIL or COUNT
    default_target: int
    description: str


_SERIES_WEIGHTS = (
    ("weekly", 0.40),
    ("biweekly", 0.20),
    ("twice-weekly", 0.10),
    ("weekdays", 0.12),
    ("daily", 0.05),
    ("monthly", 0.13),
)

SHAPES: dict[str, Shape] = {
    s.name: s
    for s in (
        Shape(
            name="series",
            start=dt.date(2022, 1, 3),
            end=dt.date(2026, 1, 5),
            series_share=0.88,
            guests=((1, 3, 0.6), (4, 8, 0.4)),
            series_weights=_SERIES_WEIGHTS,
            mean_life_weeks=52,
            open_share=0.2,
            default_target=10_000,
            description="4 years; 88 % of occurrences from recurring series",
        ),
        Shape(
            name="singles",
            start=dt.date(2022, 1, 3),
            end=dt.date(2026, 1, 5),
            series_share=0.12,
            guests=((2, 4, 0.40), (5, 9, 0.35), (10, 20, 0.20), (21, 45, 0.05)),
            series_weights=_SERIES_WEIGHTS,
            mean_life_weeks=52,
            open_share=0.2,
            default_target=10_000,
            description="4 years; 88 % single events, many attendees",
        ),
        Shape(
            name="eight-years",
            start=dt.date(2018, 1, 1),
            end=dt.date(2026, 1, 5),
            series_share=0.6,
            guests=((1, 3, 0.5), (4, 8, 0.35), (9, 16, 0.15)),
            series_weights=_SERIES_WEIGHTS,
            mean_life_weeks=40,
            open_share=0.1,
            default_target=16_000,
            description="8 years of a typical executive calendar (about 40 events a week)",
        ),
    )
}

_FIRST = (
    "Priya", "Tomás", "Aiko", "Ben", "Chiara", "Dmitri", "Elena", "Farid", "Grace", "Hiro",
    "Inés", "Jonas", "Kemi", "Liam", "Maya", "Nikhil", "Olga", "Pedro", "Quinn", "Rosa",
    "Sven", "Tara", "Umar", "Vera", "Wen", "Xavier", "Yara", "Zoë", "Łukasz", "Amara",
    "Bruno", "Camille", "Diego", "Esther", "Felix", "Hana", "Ivan", "Julia", "Kofi", "Lena",
)  # fmt: skip
_LAST = (
    "Raman", "Alvarez", "Tanaka", "Okafor", "Rossi", "Volkov", "García", "Haddad", "Kim",
    "Sato", "Müller", "Berg", "Adeyemi", "Walsh", "Cohen", "Iyer", "Petrova", "Silva",
    "Nguyen", "Moreau", "Lindqvist", "Shah", "Khan", "Novák", "Li", "Dubois",
)  # fmt: skip
_OWNER_FIRST = ("Morgan", "Dana", "Alex", "Jordan", "Casey", "Riley", "Sam", "Taylor")
_OWNER_LAST = ("Blake", "Reyes", "Hart", "Quill", "Frost", "Vance")
_PARTNERS = (
    "acme-partners.example",
    "globex.example",
    "initech.example",
    "umbrella-capital.example",
    "contoso.example",
)
_MACRO = (
    "Strategy review", "Board prep", "Quarterly planning", "Product vision", "Roadmap review",
    "Investor update", "Hiring plan review", "Org design", "Annual budget planning",
    "Market expansion", "Pricing strategy", "OKR planning", "Leadership offsite prep",
    "Customer advisory board", "Partnership strategy", "Long-range plan", "Talent review",
    "Go-to-market strategy", "Acquisition diligence", "Board meeting", "Strategie-Workshop",
    "Planificación estratégica",
)  # fmt: skip
_MICRO = (
    "Standup", "Status update", "Bug triage", "Expense approvals", "Ops sync",
    "Incident review", "Sprint planning", "Sprint retro", "Ticket review", "Invoice check",
    "Release checklist", "Weekly sync", "Escalation call", "Deal desk", "Interview",
    "Candidate debrief", "Procurement sign-off", "Support queue review", "Deck edits",
    "Team check-in", "Point de situation", "Wochenabstimmung",
)  # fmt: skip
_OTHER = (
    "Lunch", "Flight to Chicago", "Dentist", "Gym", "School pickup", "Commute", "Coffee chat",
    "Doctor appointment", "Birthday lunch", "Travel to London", "Dinner with family",
    "Haircut", "Car service", "Parent-teacher conference", "Run", "Pick up dry cleaning",
)  # fmt: skip
_TEAMS = ("Sales", "Marketing", "Engineering", "Finance", "Product", "Ops", "Legal", "People",
          "EMEA", "APAC")  # fmt: skip
_ALL_DAY = ("Out of office", "Company holiday", "Leadership offsite", "Conference", "Vacation")
_HOLDS = ("Focus time", "Hold", "Block: deep work")
_ROOMS = ("NYC-12-Hudson (8)", "NYC-12-Battery (4)", "NYC-14-Chelsea (12)", "Zoom", "")

_VTIMEZONES = {
    HOME_TZ: (
        "BEGIN:VTIMEZONE\r\nTZID:America/New_York\r\nX-LIC-LOCATION:America/New_York\r\n"
        "BEGIN:DAYLIGHT\r\nTZOFFSETFROM:-0500\r\nTZOFFSETTO:-0400\r\nTZNAME:EDT\r\n"
        "DTSTART:19700308T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU\r\nEND:DAYLIGHT\r\n"
        "BEGIN:STANDARD\r\nTZOFFSETFROM:-0400\r\nTZOFFSETTO:-0500\r\nTZNAME:EST\r\n"
        "DTSTART:19701101T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU\r\nEND:STANDARD\r\n"
        "END:VTIMEZONE\r\n"
    ),
    TRAVEL_TZ: (
        "BEGIN:VTIMEZONE\r\nTZID:Europe/London\r\nX-LIC-LOCATION:Europe/London\r\n"
        "BEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0000\r\nTZOFFSETTO:+0100\r\nTZNAME:BST\r\n"
        "DTSTART:19700329T010000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\n"
        "BEGIN:STANDARD\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0000\r\nTZNAME:GMT\r\n"
        "DTSTART:19701025T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\n"
        "END:VTIMEZONE\r\n"
    ),
}


@dataclass(frozen=True)
class Person:
    """Someone in the calendar: display name and address."""

    name: str
    address: str

    @property
    def first(self) -> str:
        """The first name, for 1:1 titles."""
        return self.name.split()[0]


@dataclass(frozen=True)
class Dataset:
    """A generated calendar on disk and what the generator knows about it."""

    path: str
    shape: str
    target: int
    variant: int
    expected: int  # occurrences in the span, as the generator counted them
    vevents: int  # VEVENT components (masters, overrides and singles)
    series: int  # recurring masters
    overrides: int  # RECURRENCE-ID components
    size_bytes: int
    sha256: str
    span_start: str  # ISO date, inclusive
    span_end: str  # ISO date, exclusive
    generator: str  # hash of this module's source: a change regenerates the file
    verified: int | None = None  # occurrences recurring-ical-events finds in the span


# --------------------------------------------------------------------------- helpers


def parse_size(text: str) -> int:
    """``"10k"`` -> 10000, ``"1.5m"`` -> 1500000, ``"300"`` -> 300.

    Example:
        >>> parse_size("300k"), parse_size("1.5M"), parse_size("300")
        (300000, 1500000, 300)
    """
    raw = text.strip().lower().replace("_", "")
    factor = 1
    if raw.endswith("k"):
        factor, raw = 1_000, raw[:-1]
    elif raw.endswith("m"):
        factor, raw = 1_000_000, raw[:-1]
    value = round(float(raw) * factor)
    if value <= 0:
        raise ValueError(f"not a positive size: {text!r}")
    return value


def size_label(count: int) -> str:
    """``10000`` -> ``"10k"`` (the inverse of :func:`parse_size` for round sizes)."""
    if count % 1_000_000 == 0:
        return f"{count // 1_000_000}m"
    if count % 1_000 == 0:
        return f"{count // 1_000}k"
    return str(count)


def _escape(text: str) -> str:
    """An iCalendar TEXT value."""
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> bytes:
    """One content line as bytes, folded at 75 octets without splitting a UTF-8 character."""
    raw = line.encode("utf-8")
    if len(raw) <= 75:
        return raw + b"\r\n"
    parts = []
    start, limit = 0, 75
    while start < len(raw):
        end = min(start + limit, len(raw))
        while end < len(raw) and (raw[end] & 0xC0) == 0x80:
            end -= 1
        parts.append(raw[start:end])
        start, limit = end, 74
    return b"\r\n ".join(parts) + b"\r\n"


def _ascii(text: str) -> str:
    text = text.replace("Ł", "L").replace("ł", "l")
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def _person(first: str, last: str, domain: str) -> Person:
    return Person(f"{first} {last}", f"{_ascii(first)}.{_ascii(last)}@{domain}".lower())


@cache
def _zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def _utc(local: dt.datetime, zone: str) -> str:
    moment = local.replace(tzinfo=_zone(zone)).astimezone(UTC)
    return moment.strftime("%Y%m%dT%H%M%SZ")


def _local(moment: dt.datetime) -> str:
    return moment.strftime("%Y%m%dT%H%M%S")


def _source_hash() -> str:
    return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]


# --------------------------------------------------------------------------- the cast


@dataclass(frozen=True)
class _Cast:
    owner: Person
    colleagues: tuple[Person, ...]
    partners: tuple[Person, ...]
    titles: tuple[str, ...]
    one_on_ones: tuple[tuple[str, Person], ...]  # (title, the other person)


@cache
def _cast(variant: int) -> _Cast:
    """The owner, colleagues, partners and title pool (independent of shape and size)."""
    rng = random.Random(f"altitude-bench/cast/{variant}")
    first = _OWNER_FIRST[variant % len(_OWNER_FIRST)]
    last = _OWNER_LAST[(variant // len(_OWNER_FIRST)) % len(_OWNER_LAST)]
    suffix = "" if variant < len(_OWNER_FIRST) * len(_OWNER_LAST) else str(variant)
    owner = _person(first, last + suffix, DOMAIN)
    names = [(f, la) for f in _FIRST for la in _LAST]
    chosen = rng.sample(names, 240)
    colleagues = tuple(_person(f, la, DOMAIN) for f, la in chosen[:200])
    partners = tuple(
        _person(f, la, _PARTNERS[i % len(_PARTNERS)]) for i, (f, la) in enumerate(chosen[200:])
    )
    english = [base for base in _MACRO + _MICRO if base.isascii() and " " in base]
    combos = [f"{team} {base[0].lower()}{base[1:]}" for team in _TEAMS for base in english]
    titles = (*_MACRO, *_MICRO, *_OTHER, *sorted(rng.sample(combos, 260)))
    reports = colleagues[:32]
    one_on_ones = tuple((f"{owner.first} / {p.first} 1:1", p) for p in reports)
    return _Cast(owner, colleagues, partners, titles, one_on_ones)


# --------------------------------------------------------------------------- events


class _Writer:
    """Produces the VEVENT blocks of one calendar and counts their occurrences."""

    def __init__(self, shape: Shape, target: int, variant: int) -> None:
        self.shape = shape
        self.target = target
        self.rng = random.Random(f"altitude-bench/{shape.name}/{target}/{variant}")
        self.cast = _cast(variant)
        self.owner = self.cast.owner
        self.days = (shape.end - shape.start).days
        self.expected = 0
        self.vevents = 0
        self.series = 0
        self.overrides = 0

    # -- shared pieces

    def uid(self) -> str:
        """A Google-style UID."""
        return "".join(self.rng.choice(_ALPHABET) for _ in range(26)) + "@google.com"

    def guests(self, ranges: Sequence[tuple[int, int, float]]) -> list[Person]:
        """Other attendees, sometimes with a few people from partner companies."""
        rng = self.rng
        lo, hi, _ = rng.choices(ranges, weights=[w for *_, w in ranges])[0]
        count = rng.randint(lo, hi)
        people = rng.sample(self.cast.colleagues, min(count, len(self.cast.colleagues)))
        if rng.random() < 0.15:
            people += rng.sample(self.cast.partners, rng.randint(1, 3))
        return people

    def partstat(self) -> str:
        """A guest's answer."""
        return self.rng.choices(
            ("ACCEPTED", "NEEDS-ACTION", "TENTATIVE", "DECLINED"), weights=(70, 15, 5, 10)
        )[0]

    def owner_partstat(self) -> str:
        """The owner's answer: mostly accepted, sometimes declined, tentative or open."""
        return self.rng.choices(
            ("ACCEPTED", "DECLINED", "TENTATIVE", "NEEDS-ACTION"), weights=(84, 6, 4, 6)
        )[0]

    def people_lines(
        self, organizer: Person, guests: Sequence[Person], owner_status: str, statuses: list[str]
    ) -> list[str]:
        """ORGANIZER and ATTENDEE lines the way Google writes them (owner included)."""
        lines = [f"ORGANIZER;CN={organizer.name}:mailto:{organizer.address}"]
        everyone = [(self.owner, owner_status)] + list(zip(guests, statuses, strict=True))
        if organizer != self.owner:
            everyone.insert(0, (organizer, "ACCEPTED"))
        for person, status in everyone:
            rsvp = "TRUE" if status == "NEEDS-ACTION" else "FALSE"
            lines.append(
                "ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;"
                f"PARTSTAT={status};RSVP={rsvp};CN={person.name};X-NUM-GUESTS=0:"
                f"mailto:{person.address}"
            )
        return lines

    def stamps(self, first_start_utc: dt.datetime) -> tuple[str, str]:
        """CREATED and LAST-MODIFIED, before the first start and never after the export."""
        rng = self.rng
        created = first_start_utc - dt.timedelta(minutes=rng.randrange(45, 60 * 24 * 40))
        modified = created + dt.timedelta(minutes=rng.randrange(0, 60 * 24 * 3))
        created, modified = min(created, _EXPORT), min(modified, _EXPORT)
        return created.strftime("%Y%m%dT%H%M%SZ"), modified.strftime("%Y%m%dT%H%M%SZ")

    def details(self) -> tuple[str, str, list[str]]:
        """DESCRIPTION, LOCATION and extra lines (a Meet link on some events)."""
        rng = self.rng
        if rng.random() < 0.3:
            code = "-".join(
                "".join(rng.choice("abcdefghijkmnopqrstuvwxyz") for _ in range(n))
                for n in (3, 4, 3)
            )
            link = f"https://meet.google.com/{code}"
            description = (
                f"-::~:~::~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~::~:~::-\n"
                f"Join with Google Meet: {link}\nLearn more about Meet at: "
                "https://support.google.com/a/users/answer/9282720\n-::~:~::~:~::-"
            )
            return description, rng.choice(_ROOMS), [f"X-GOOGLE-CONFERENCE:{link}"]
        return "", rng.choice(_ROOMS) if rng.random() < 0.3 else "", []

    def title(self) -> str:
        """A title from the pool of a few hundred."""
        return self.rng.choice(self.cast.titles)

    def clock(self) -> tuple[int, int, int]:
        """Hour, minute and duration in minutes of a timed event."""
        rng = self.rng
        hour = rng.choices(range(7, 19), weights=(2, 5, 8, 9, 9, 6, 7, 9, 9, 8, 6, 3))[0]
        minute = rng.choice((0, 0, 0, 30, 30, 15, 45))
        duration = rng.choice((15, 25, 30, 30, 30, 45, 50, 60, 60, 60, 90, 120))
        return hour, minute, duration

    # -- singles

    def single(self) -> bytes:
        """One single event: timed in UTC, or all-day, or a transparent hold."""
        rng = self.rng
        shape = self.shape
        day = shape.start + dt.timedelta(days=rng.randrange(self.days - 1))
        while day.weekday() >= 5 and rng.random() < 0.85:
            day = shape.start + dt.timedelta(days=rng.randrange(self.days - 1))
        organizer = self.owner if rng.random() < 0.4 else rng.choice(self.cast.colleagues)
        status = "CANCELLED" if rng.random() < 0.015 else "CONFIRMED"
        transp = "OPAQUE"
        kind = rng.random()
        lines: list[str]
        if kind < 0.03:  # all-day, often several days, transparent as Google makes them
            last = min(day + dt.timedelta(days=rng.choice((1, 1, 1, 2, 3))), shape.end)
            lines = [f"DTSTART;VALUE=DATE:{day:%Y%m%d}", f"DTEND;VALUE=DATE:{last:%Y%m%d}"]
            title = rng.choice(_ALL_DAY)
            transp = "TRANSPARENT" if rng.random() < 0.7 else "OPAQUE"
            guests: list[Person] = []
            organizer = self.owner
            start_utc = dt.datetime.combine(day, dt.time(5), UTC)
        else:
            hour, minute, duration = self.clock()
            start = dt.datetime.combine(day, dt.time(hour, minute))
            end = start + dt.timedelta(minutes=duration)
            lines = [f"DTSTART:{_utc(start, HOME_TZ)}", f"DTEND:{_utc(end, HOME_TZ)}"]
            if kind < 0.06:
                title, transp, guests, organizer = rng.choice(_HOLDS), "TRANSPARENT", [], self.owner
            else:
                title = self.title()
                guests = [g for g in self.guests(shape.guests) if g != organizer]
            start_utc = start.replace(tzinfo=_zone(HOME_TZ)).astimezone(UTC)
        owner_status = "ACCEPTED" if organizer == self.owner else self.owner_partstat()
        statuses = [self.partstat() for _ in guests]
        created, modified = self.stamps(start_utc)
        description, location, extra = self.details() if guests else ("", "", [])
        lines.append(f"DTSTAMP:{DTSTAMP}")
        if guests:
            lines += self.people_lines(organizer, guests, owner_status, statuses)
        sequence = 0 if status == "CONFIRMED" else 1
        block = self._block(
            lines,
            self.uid(),
            created,
            modified,
            description,
            location,
            sequence,
            status,
            title,
            transp,
            extra,
        )
        self.expected += 1
        self.vevents += 1
        return block

    def _block(
        self,
        head: list[str],
        uid: str,
        created: str,
        modified: str,
        description: str,
        location: str,
        sequence: int,
        status: str,
        title: str,
        transp: str,
        extra: list[str],
        recurrence_id: str | None = None,
    ) -> bytes:
        """A VEVENT in Google's property order (UID after ORGANIZER, before ATTENDEEs)."""
        organizer_at = next((i for i, v in enumerate(head) if v.startswith("ORGANIZER")), None)
        if organizer_at is None:
            head = [*head, f"UID:{uid}"]
        else:
            head = [*head[: organizer_at + 1], f"UID:{uid}", *head[organizer_at + 1 :]]
        tail = [] if recurrence_id is None else [recurrence_id]
        tail += [
            f"CREATED:{created}",
            f"DESCRIPTION:{_escape(description)}",
            f"LAST-MODIFIED:{modified}",
            f"LOCATION:{_escape(location)}",
            f"SEQUENCE:{sequence}",
            f"STATUS:{status}",
            f"SUMMARY:{_escape(title)}",
            f"TRANSP:{transp}",
            *extra,
        ]
        lines = ["BEGIN:VEVENT", *head, *tail, "END:VEVENT"]
        return b"".join(_fold(line) for line in lines)

    # -- series

    def series_block(self, budget: int) -> bytes:
        """A recurring series with EXDATEs and overrides; at most ``budget`` occurrences."""
        rng = self.rng
        shape = self.shape
        kind = rng.choices(
            [k for k, _ in shape.series_weights], weights=[w for _, w in shape.series_weights]
        )[0]
        first = shape.start + dt.timedelta(days=rng.randrange(self.days - 7))
        open_ended = rng.random() < shape.open_share
        if open_ended:
            stop = shape.end
        else:
            weeks = 4 + rng.expovariate(1 / shape.mean_life_weeks)
            stop = min(shape.end, first + dt.timedelta(weeks=weeks))
        rule, days = _recurrence(kind, first, stop, rng)
        if not days:
            return b""
        if len(days) > budget:
            days, open_ended = days[:budget], False
        zone = TRAVEL_TZ if rng.random() < 0.05 else HOME_TZ
        hour, minute, duration = self.clock()
        if kind in ("weekdays", "daily"):
            hour, minute, duration = rng.choice((8, 9, 9, 10)), rng.choice((0, 30)), 15
        starts = [dt.datetime.combine(d, dt.time(hour, minute)) for d in days]
        length = dt.timedelta(minutes=duration)

        if not open_ended:
            if rng.random() < 0.25:
                rule += f";COUNT={len(days)}"
            else:
                until = dt.datetime.combine(days[-1], dt.time(23, 59, 59))
                rule += f";UNTIL={_utc(until, zone)}"
        pairs = [(t, p) for t, p in self.cast.one_on_ones]
        if kind in ("weekly", "biweekly") and rng.random() < 0.35:
            title, other = rng.choice(pairs)
            guests = [other]
        else:
            title = self.title()
            guests = self.guests(((1, 3, 0.5), (4, 10, 0.5)))
        organizer = self.owner if rng.random() < 0.5 else rng.choice(guests)
        others = [g for g in guests if g != organizer]
        owner_status = "ACCEPTED" if organizer == self.owner else self.owner_partstat()
        statuses = [self.partstat() for _ in others]
        transp = "TRANSPARENT" if kind == "daily" and rng.random() < 0.5 else "OPAQUE"

        # Exceptions: EXDATEs (holidays) and overrides, never the first occurrence.
        n_ex = 0 if rng.random() < 0.5 else max(1, round(len(days) * rng.uniform(0.01, 0.05)))
        n_ov = 0 if rng.random() < 0.4 else max(1, round(len(days) * rng.uniform(0.01, 0.04)))
        n_ex, n_ov = min(n_ex, len(days) - 1), min(n_ov, max(0, len(days) - 1 - n_ex))
        picked = rng.sample(range(1, len(days)), n_ex + n_ov)
        exdates, overridden = sorted(picked[:n_ex]), sorted(picked[n_ex:])

        tzid = f"TZID={zone}"
        head = [
            f"DTSTART;{tzid}:{_local(starts[0])}",
            f"DTEND;{tzid}:{_local(starts[0] + length)}",
            f"RRULE:{rule}",
            *(f"EXDATE;{tzid}:{_local(starts[i])}" for i in exdates),
            f"DTSTAMP:{DTSTAMP}",
            *self.people_lines(organizer, others, owner_status, statuses),
        ]
        first_utc = starts[0].replace(tzinfo=_zone(zone)).astimezone(UTC)
        created, modified = self.stamps(first_utc)
        description, location, extra = self.details()
        uid = self.uid()
        blocks = [
            self._block(
                head,
                uid,
                created,
                modified,
                description,
                location,
                0,
                "CONFIRMED",
                title,
                transp,
                extra,
            )
        ]
        for i in overridden:
            blocks.append(
                self._override(
                    uid,
                    zone,
                    starts[i],
                    length,
                    organizer,
                    others,
                    owner_status,
                    statuses,
                    created,
                    title,
                    transp,
                    description,
                    location,
                    extra,
                )
            )
        self.expected += len(days) - len(exdates)
        self.vevents += 1 + len(overridden)
        self.series += 1
        self.overrides += len(overridden)
        return b"".join(blocks)

    def _override(
        self,
        uid: str,
        zone: str,
        original: dt.datetime,
        length: dt.timedelta,
        organizer: Person,
        others: list[Person],
        owner_status: str,
        statuses: list[str],
        created: str,
        title: str,
        transp: str,
        description: str,
        location: str,
        extra: list[str],
    ) -> bytes:
        """One RECURRENCE-ID override: moved, longer, retitled, cancelled or declined."""
        rng = self.rng
        start, status = original, "CONFIRMED"
        change = rng.random()
        if change < 0.45:  # moved by up to two hours, or to the next day
            if rng.random() < 0.3 and original.date() < self.shape.end - dt.timedelta(days=2):
                start = original + dt.timedelta(days=1)
            else:
                start = original + dt.timedelta(minutes=rng.choice((-90, -60, -30, 30, 60, 120)))
        elif change < 0.6:
            length = length + dt.timedelta(minutes=30)
        elif change < 0.7:
            title = self.title()
        elif change < 0.85:
            status = "CANCELLED"
        else:
            owner_status = "DECLINED" if organizer != self.owner else owner_status
        tzid = f"TZID={zone}"
        head = [
            f"DTSTART;{tzid}:{_local(start)}",
            f"DTEND;{tzid}:{_local(start + length)}",
            f"DTSTAMP:{DTSTAMP}",
            *self.people_lines(organizer, others, owner_status, statuses),
        ]
        moment = original.replace(tzinfo=_zone(zone)).astimezone(UTC)
        modified = min(moment - dt.timedelta(hours=rng.randrange(1, 24 * 7)), _EXPORT)
        return self._block(
            head,
            uid,
            created,
            modified.strftime("%Y%m%dT%H%M%SZ"),
            description,
            location,
            1,
            status,
            title,
            transp,
            extra,
            recurrence_id=f"RECURRENCE-ID;{tzid}:{_local(original)}",
        )

    # -- the calendar

    def events(self) -> Iterator[bytes]:
        """Every VEVENT block, series and singles interleaved, until the target is met."""
        rng = self.rng
        series_left = round(self.target * self.shape.series_share)
        singles_left = self.target - series_left
        while series_left > 0 or singles_left > 0:
            weight = series_left / 60  # a series brings about 60 occurrences
            if series_left > 0 and (
                singles_left == 0 or rng.random() < weight / (weight + singles_left)
            ):
                before = self.expected
                block = self.series_block(series_left)
                series_left -= self.expected - before
                if block:
                    yield block
            else:
                singles_left -= 1
                yield self.single()

    def header(self) -> bytes:
        """VCALENDAR properties and the VTIMEZONE blocks, as Google writes them."""
        lines = [
            "BEGIN:VCALENDAR",
            "PRODID:-//Google Inc//Google Calendar 70.9054//EN",
            "VERSION:2.0",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            f"X-WR-CALNAME:{self.owner.address}",
            f"X-WR-TIMEZONE:{HOME_TZ}",
        ]
        return b"".join(_fold(line) for line in lines) + "".join(_VTIMEZONES.values()).encode()


def _recurrence(
    kind: str, first: dt.date, stop: dt.date, rng: random.Random
) -> tuple[str, list[dt.date]]:
    """The RRULE (without its end) and every occurrence day in ``[first, stop)``."""
    if kind in ("weekly", "biweekly"):
        weekday = rng.choices(range(5), weights=(3, 3, 3, 3, 2))[0]
        day = first + dt.timedelta(days=(weekday - first.weekday()) % 7)
        step = 7 if kind == "weekly" else 14
        interval = "" if kind == "weekly" else ";INTERVAL=2"
        days = [day + dt.timedelta(days=step * k) for k in range(max(0, (stop - day).days))]
        return f"FREQ=WEEKLY;WKST=SU{interval};BYDAY={_DAYS[weekday]}", [
            d for d in days if d < stop
        ]
    if kind in ("twice-weekly", "weekdays", "daily"):
        weekdays = {
            "twice-weekly": rng.choice(((0, 3), (1, 4), (0, 2), (1, 3))),
            "weekdays": (0, 1, 2, 3, 4),
            "daily": (0, 1, 2, 3, 4, 5, 6),
        }[kind]
        span = (first + dt.timedelta(days=k) for k in range((stop - first).days))
        days = [d for d in span if d.weekday() in weekdays]
        if kind == "daily":
            return "FREQ=DAILY", days
        return "FREQ=WEEKLY;WKST=SU;BYDAY=" + ",".join(_DAYS[w] for w in weekdays), days
    # monthly: the nth weekday of each month
    nth, weekday = rng.randint(1, 4), rng.randrange(5)
    days = []
    year, month = first.year, first.month
    while True:
        start_of_month = dt.date(year, month, 1)
        day = start_of_month + dt.timedelta(
            days=(weekday - start_of_month.weekday()) % 7 + 7 * (nth - 1)
        )
        if day >= stop:
            break
        if day >= first:
            days.append(day)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return f"FREQ=MONTHLY;BYDAY={nth}{_DAYS[weekday]}", days


# --------------------------------------------------------------------------- public API


def write_calendar(stream: BinaryIO, target: int, shape: str, variant: int = 0) -> Dataset:
    """Write one calendar to ``stream``; returns its facts (``path`` and hash left empty).

    Args:
        stream: a binary stream.
        target: occurrences to create inside the shape's span (met exactly, or a few short
            when the last series' EXDATEs fall at the end).
        shape: a key of :data:`SHAPES`.
        variant: another person's calendar of the same shape and size (batch runs).
    """
    spec = SHAPES[shape]
    writer = _Writer(spec, target, variant)
    digest = hashlib.sha256()
    size = 0

    def put(chunk: bytes) -> None:
        nonlocal size
        digest.update(chunk)
        size += len(chunk)
        stream.write(chunk)

    put(writer.header())
    for block in writer.events():
        put(block)
    put(b"END:VCALENDAR\r\n")
    return Dataset(
        path="",
        shape=shape,
        target=target,
        variant=variant,
        expected=writer.expected,
        vevents=writer.vevents,
        series=writer.series,
        overrides=writer.overrides,
        size_bytes=size,
        sha256=digest.hexdigest(),
        span_start=spec.start.isoformat(),
        span_end=spec.end.isoformat(),
        generator=_source_hash(),
    )


def generate_bytes(target: int, shape: str, variant: int = 0) -> bytes:
    """The whole calendar in memory (small sizes; tests).

    Example:
        >>> generate_bytes(50, "series") == generate_bytes(50, "series")
        True
    """
    buffer = io.BytesIO()
    write_calendar(buffer, target, shape, variant)
    return buffer.getvalue()


def dataset_path(target: int, shape: str, variant: int = 0, folder: Path = DATA_DIR) -> Path:
    """Where :func:`ensure_dataset` keeps a calendar (its facts sit beside it as ``.json``)."""
    return folder / f"{shape}-{size_label(target)}-v{variant}.ics"


def ensure_dataset(target: int, shape: str, variant: int = 0, folder: Path = DATA_DIR) -> Dataset:
    """The calendar for these parameters, generated only when missing or out of date.

    A file is reused when its ``.json`` facts name the same generator source hash and its
    size matches; otherwise it is rewritten atomically.
    """
    path = dataset_path(target, shape, variant, folder)
    facts = path.with_suffix(".json")
    if path.exists() and facts.exists():
        try:
            known = Dataset(**json.loads(facts.read_text(encoding="utf-8")))
        except (ValueError, TypeError):
            known = None
        if (
            known is not None
            and known.generator == _source_hash()
            and known.size_bytes == path.stat().st_size
        ):
            return known
    folder.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(f".ics.{os.getpid()}.tmp")
    with partial.open("wb") as stream:
        made = write_calendar(stream, target, shape, variant)
    os.replace(partial, path)
    made = Dataset(**{**asdict(made), "path": str(path)})
    record_facts(made)
    return made


def record_facts(dataset: Dataset) -> None:
    """Write a dataset's facts beside it (e.g. after its occurrences were verified)."""
    facts = Path(dataset.path).with_suffix(".json")
    facts.write_text(json.dumps(asdict(dataset), indent=2) + "\n", encoding="utf-8")


def count_occurrences(data: bytes, start: dt.date, end: dt.date) -> int:
    """Occurrences ``recurring-ical-events`` finds in ``[start, end)`` (X-WR-TIMEZONE applied).

    This is the independent check of the generator's own count, and the same work the
    parse + expansion floor of the benchmark does.
    """
    import icalendar
    import recurring_ical_events
    import x_wr_timezone

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        calendar = x_wr_timezone.to_standard(icalendar.Calendar.from_ical(data))
        return sum(1 for _ in recurring_ical_events.of(calendar).between(start, end))


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m benchmarks.generate``: write (or reuse) one calendar and print its facts."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.generate", description=__doc__)
    parser.add_argument("--shape", choices=sorted(SHAPES), default="series")
    parser.add_argument("--size", default=None, help="occurrences, e.g. 10k (default: shape's)")
    parser.add_argument("--variant", type=int, default=0, help="another person (batch runs)")
    parser.add_argument("--folder", type=Path, default=DATA_DIR)
    parser.add_argument("--verify", action="store_true", help="count with recurring-ical-events")
    args = parser.parse_args(argv)
    spec = SHAPES[args.shape]
    target = parse_size(args.size) if args.size else spec.default_target
    made = ensure_dataset(target, args.shape, args.variant, args.folder)
    if args.verify:
        data = Path(made.path).read_bytes()
        made = Dataset(
            **{**asdict(made), "verified": count_occurrences(data, spec.start, spec.end)}
        )
        record_facts(made)
    print(json.dumps(asdict(made), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
