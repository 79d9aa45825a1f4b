"""Occurrences as compact columns: epoch seconds per occurrence, shared facts per component."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

import numpy as np
import numpy.typing as npt

__all__ = ["ComponentFacts", "OccurrenceTable", "TableBuilder", "epoch_seconds"]


@dataclass(frozen=True, slots=True)
class ComponentFacts:
    """What every occurrence of one VEVENT shares, read once from the component."""

    calendar: str
    uid: str
    title: str
    status: str  # upper case, "" when absent
    transparent: bool
    attendees: tuple[tuple[str, str], ...]  # (address, PARTSTAT)
    organizer: str
    sequence: int
    recurring: bool
    series_start: int  # epoch seconds of the series' first occurrence
    created: int | None  # CREATED, epoch seconds, when the export carries it
    last_modified: int | None  # LAST-MODIFIED, epoch seconds
    # Attendees that are places or things (CUTYPE=ROOM or RESOURCE), not people. A GROUP
    # stays a participant: it stands for people the export does not name.
    not_people: tuple[str, ...] = ()


@dataclass
class OccurrenceTable:
    """One row per occurrence; ``component`` indexes ``components``.

    ``anchor`` identifies the occurrence within its series (its RECURRENCE-ID, or its start
    for a plain occurrence) so that the same event seen in two files can be counted once.
    """

    start: npt.NDArray[np.int64]
    end: npt.NDArray[np.int64]
    anchor: npt.NDArray[np.int64]
    all_day: npt.NDArray[np.bool_]
    component: npt.NDArray[np.int64]
    components: list[ComponentFacts] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.start)

    @classmethod
    def concat(cls, tables: Sequence[OccurrenceTable]) -> OccurrenceTable:
        """One table from several (component indexes shifted)."""
        offsets = np.cumsum([0] + [len(t.components) for t in tables[:-1]]).tolist()
        return cls(
            start=np.concatenate([t.start for t in tables] or [np.zeros(0, np.int64)]),
            end=np.concatenate([t.end for t in tables] or [np.zeros(0, np.int64)]),
            anchor=np.concatenate([t.anchor for t in tables] or [np.zeros(0, np.int64)]),
            all_day=np.concatenate([t.all_day for t in tables] or [np.zeros(0, np.bool_)]),
            component=np.concatenate(
                [t.component + o for t, o in zip(tables, offsets, strict=True)]
                or [np.zeros(0, np.int64)]
            ),
            components=[c for t in tables for c in t.components],
        )


class TableBuilder:
    """Appends occurrences as they are expanded; :meth:`build` returns the columns."""

    def __init__(self, tz: ZoneInfo) -> None:
        self.tz = tz
        self._start: list[int] = []
        self._end: list[int] = []
        self._anchor: list[int] = []
        self._all_day: list[bool] = []
        self._component: list[int] = []
        self.components: list[ComponentFacts] = []

    def mark(self) -> tuple[int, int]:
        """Where the table stands, to roll a failed series back to."""
        return len(self._start), len(self.components)

    def rollback(self, mark: tuple[int, int]) -> None:
        """Forget everything added since ``mark`` (a series that failed half-way)."""
        rows, components = mark
        for column in (self._start, self._end, self._anchor, self._all_day, self._component):
            del column[rows:]
        del self.components[components:]

    def add_component(self, facts: ComponentFacts) -> int:
        self.components.append(facts)
        return len(self.components) - 1

    def add(
        self,
        component: int,
        start: dt.date | dt.datetime,
        end: dt.date | dt.datetime,
        anchor: int | None,
    ) -> None:
        begin = epoch_seconds(start, self.tz)
        self._start.append(begin)
        self._end.append(epoch_seconds(end, self.tz))
        self._anchor.append(begin if anchor is None else anchor)
        self._all_day.append(not isinstance(start, dt.datetime))
        self._component.append(component)

    def build(self) -> OccurrenceTable:
        return OccurrenceTable(
            start=np.array(self._start, np.int64),
            end=np.array(self._end, np.int64),
            anchor=np.array(self._anchor, np.int64),
            all_day=np.array(self._all_day, np.bool_),
            component=np.array(self._component, np.int64),
            components=self.components,
        )


def epoch_seconds(value: dt.date | dt.datetime, tz: ZoneInfo) -> int:
    """Epoch seconds; floating times and dates are read in the report's zone ``tz``.

    Example:
        >>> epoch_seconds(dt.date(1970, 1, 2), ZoneInfo("UTC"))
        86400
    """
    if not isinstance(value, dt.datetime):
        return _midnight(value, tz)
    if value.tzinfo is None or value.utcoffset() is None:
        value = value.replace(tzinfo=tz)
    return int(value.timestamp())


@functools.lru_cache(maxsize=8192)
def _midnight(day: dt.date, tz: ZoneInfo) -> int:
    return int(dt.datetime.combine(day, dt.time(0), tz).timestamp())
