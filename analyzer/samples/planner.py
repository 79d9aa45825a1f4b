"""Fills a persona's weeks with template events around the fixed schedule, hitting a share."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta

from analyzer.samples.bookkeeping import (
    Occurrence,
    WeekHours,
    is_counted,
    occurrences,
    weekly_hours,
)
from analyzer.samples.builder import PREFIXES, Builder
from analyzer.samples.model import Event, Label, PartStat, Person, Style, week_monday
from analyzer.samples.templates import Template

__all__ = ["Planner"]


class Planner(Builder):
    """A :class:`Builder` with a half-hour busy map (home zone) and weekly fills."""

    def __init__(self, style: Style, owner: Person, home_tz: str, seed: int) -> None:
        super().__init__(style, owner, home_tz, seed)
        self.off_days: set[date] = set()
        self._busy: dict[date, bytearray] = {}
        self._fixed: list[Occurrence] = []
        self._base: list[WeekHours] = []

    def freeze(self) -> None:
        """Snapshot the fixed schedule: busy map, counted occurrences and weekly hours."""
        self._busy = {}
        self._fixed = [
            o for o in occurrences(self.events, self.home_tz) if is_counted(o, self.owner)
        ]
        for occ in self._fixed:
            self._mark(occ.start, occ.end)
        self._base = weekly_hours(self.events, self.owner, self.home_tz)

    def _mark(self, start: datetime, end: datetime) -> None:
        moment = start.replace(minute=start.minute - start.minute % 30)
        while moment < end:
            day = self._busy.setdefault(moment.date(), bytearray(48))
            day[moment.hour * 2 + moment.minute // 30] = 1
            moment += timedelta(minutes=30)

    def is_free(self, start: datetime, minutes: int) -> bool:
        """True when the half-hour slots from ``start`` (home zone) are all free."""
        day = self._busy.get(start.date(), bytearray(48))
        first = start.hour * 2 + start.minute // 30
        return not any(day[first : first + minutes // 30])

    def slot(
        self, days: Sequence[date], minutes: int, hours: tuple[float, float]
    ) -> datetime | None:
        """A random free start (home zone) on one of ``days`` between ``hours``."""
        options = []
        for day in days:
            half = int(hours[0] * 2)
            while half + minutes // 30 <= int(hours[1] * 2):
                start = datetime(day.year, day.month, day.day, half // 2, 30 * (half % 2))
                if self.is_free(start, minutes):
                    options.append(start)
                half += 1
        return self.rng.choice(options) if options else None

    def work_days(self, week: int) -> list[date]:
        """The week's weekdays that are not off days."""
        days = [week_monday(week) + timedelta(days=d) for d in range(5)]
        return [d for d in days if d not in self.off_days]

    def place(self, tpl: Template, start: datetime, minutes: int) -> Event:
        """Add an event from a template at ``start`` (home zone) and mark it busy."""
        rng = self.rng
        guests: list[Person] = list(tpl.guests)
        if tpl.pick is not None and len(guests) > tpl.pick[1]:
            guests = rng.sample(guests, rng.randint(*tpl.pick))
        summary = tpl.summary
        if rng.random() < 0.06:
            prefixes = PREFIXES if tpl.external else PREFIXES[:3] + PREFIXES[4:]
            summary = rng.choice(prefixes) + summary
        organizer = guests[0] if tpl.invited and guests else None
        status: PartStat = "ACCEPTED"
        if organizer is not None:
            roll = rng.random()
            status = "TENTATIVE" if roll < 0.1 else "NEEDS-ACTION" if roll < 0.15 else "ACCEPTED"
        event = self.add(
            summary,
            tpl.label,
            start,
            minutes,
            *guests,
            org=organizer,
            owner_status=status,
            late=tpl.late or rng.random() < 0.06,
            location=tpl.location,
            description=tpl.description,
            language=tpl.language,
        )
        self._mark(start, start + timedelta(minutes=minutes))
        return event

    def fill_week(
        self,
        week: int,
        share: float,
        hours: float,
        pools: dict[Label, Sequence[Template]],
        *,
        window: tuple[float, float] = (8.5, 18.0),
    ) -> None:
        """Add macro and micro singles until the week's counted hours hit ``share`` of ``hours``.

        Call :meth:`freeze` first; each week is filled once, from its fixed-schedule hours.
        """
        have = self._base[week]
        stretch = min(have.macro / share, 1.2 * hours)  # stretch the week a little, not a lot
        total = max(hours, have.macro + have.micro, stretch, have.micro / (1 - share))
        needs: dict[Label, int] = {
            "macro": round((share * total - have.macro) * 2) * 30,
            "micro": round(((1 - share) * total - have.micro) * 2) * 30,
        }
        free_days = self.work_days(week)
        for label, need in needs.items():
            pool = pools[label]
            while need >= 30:
                tpl = self.rng.choice([t for t in pool if min(t.minutes) <= need])
                options = [m for m in tpl.minutes if m <= need]
                minutes = max(self.rng.choice(options), self.rng.choice(options))
                start = self.slot(free_days, minutes, window)
                while start is None and minutes > 30:  # a crowded week: try shorter
                    minutes -= 30
                    start = self.slot(free_days, minutes, window)
                if start is None:
                    raise ValueError(f"week {week + 1}: no room left for {label}")
                if minutes not in tpl.minutes:
                    tpl = self.rng.choice([t for t in pool if minutes in t.minutes])
                self.place(tpl, start, minutes)
                need -= minutes

    def decline_over(self, week: int, pool: Sequence[Template]) -> Event:
        """Add an invitation the owner declined, on top of one of the week's meetings."""
        first, last = week_monday(week), week_monday(week + 1)
        taken = [o for o in self._fixed if o.event.attendees and first <= o.start.date() < last]
        target, tpl = self.rng.choice(taken), self.rng.choice(pool)
        return self.add(
            tpl.summary,
            tpl.label,
            target.start,
            self.rng.choice(tpl.minutes),
            *tpl.guests,
            org=tpl.guests[0],
            owner_status="DECLINED",
            description=tpl.description,
            language=tpl.language,
        )

    def sprinkle(self, week: int, pool: Sequence[Template], count: int) -> None:
        """Place ``count`` events from ``pool`` in free slots of the week (no quota)."""
        for _ in range(count):
            tpl = self.rng.choice(pool)
            minutes = self.rng.choice(tpl.minutes)
            start = self.slot(self.work_days(week), minutes, tpl.hours)
            if start is not None:
                self.place(tpl, start, minutes)
