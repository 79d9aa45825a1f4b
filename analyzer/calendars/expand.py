"""Expand each event series into the occurrences that touch a span, skipping broken ones."""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
import recurring_ical_events

from analyzer.calendars.parse import ParsedCalendar, address_of
from analyzer.calendars.table import ComponentFacts, OccurrenceTable, TableBuilder, epoch_seconds

__all__ = ["ComponentProblem", "Expansion", "expand_occurrences"]

# Properties whose breakage makes the time of an event unknowable.
_TIME_PROPERTIES = frozenset(
    {"DTSTART", "DTEND", "DURATION", "RRULE", "RDATE", "EXDATE", "RECURRENCE-ID"}
)


@dataclass(frozen=True, slots=True)
class ComponentProblem:
    """A component that could not be read; names the file and UID, never the event text."""

    calendar: str
    uid: str
    reason: str

    def __str__(self) -> str:
        return f"{self.calendar}: skipped event UID {self.uid}: {self.reason}"


@dataclass
class Expansion:
    """The occurrences found in a span, and the components that had to be skipped."""

    table: OccurrenceTable
    problems: list[ComponentProblem] = field(default_factory=list)


def expand_occurrences(
    parsed: ParsedCalendar,
    span_start: dt.datetime,
    span_end: dt.datetime,
    tz: ZoneInfo,
    numbers: Sequence[int] | None = None,
) -> Expansion:
    """Expand every VEVENT series of ``parsed`` into the occurrences touching the span.

    Occurrences stream into compact columns (:class:`OccurrenceTable`) as they are expanded;
    floating times and dates are read in ``tz``. A component whose start, end or recurrence
    cannot be read is skipped and reported in ``problems`` (counted as ``invalid``); the
    rest of the calendar is still expanded. ``numbers`` gives each VEVENT's number in the
    whole file when ``parsed`` is a part of it (see :mod:`analyzer.calendars.split`).
    """
    builder = TableBuilder(tz)
    problems: list[ComponentProblem] = []
    for uid, components in _series(parsed, numbers):
        good = []
        for component in components:
            reason = _problem(component)
            if reason is None:
                good.append(component)
            else:
                problems.append(ComponentProblem(parsed.name, uid, reason))
        if not good:
            continue
        mark = builder.mark()
        try:
            _expand_series(builder, parsed.name, uid, good, span_start, span_end)
        except Exception as exc:  # recurring-ical-events raises many kinds on bad rules
            builder.rollback(mark)
            reason = f"recurrence cannot be expanded ({type(exc).__name__})"
            problems.extend(ComponentProblem(parsed.name, uid, reason) for _ in good)
    return Expansion(builder.build(), problems)


def _series(
    parsed: ParsedCalendar, numbers: Sequence[int] | None
) -> Iterator[tuple[str, list[Any]]]:
    """Group VEVENTs by UID (a series stays with its overrides), in file order."""
    groups: dict[str, list[Any]] = {}
    events = parsed.calendar.walk("VEVENT")
    if numbers is None or len(numbers) != len(events):
        numbers = range(len(events))
    for index, component in zip(numbers, events, strict=True):
        uid = str(component.get("UID", "")).strip() or f"(no UID, event #{index + 1})"
        groups.setdefault(uid, []).append(component)
    yield from groups.items()


def _problem(component: Any) -> str | None:
    broken = sorted(
        {name for name, _ in getattr(component, "errors", []) if name in _TIME_PROPERTIES}
    )
    if broken:
        return "unreadable " + ", ".join(broken)
    if component.get("DTSTART") is None:
        return "no DTSTART"
    try:
        start = component.start
        end = component.end
    except Exception:
        return "start and end cannot be read together"
    if isinstance(start, dt.datetime) != isinstance(end, dt.datetime):
        return "DTSTART and DTEND mix a date and a date-time"
    try:
        if end < start:
            return "ends before it starts"
    except TypeError:  # a floating start with a zoned end: accounting reads both exactly
        pass
    return None


class _Light(recurring_ical_events.occurrence.Occurrence):  # type: ignore[misc]
    """An occurrence that hands back its source component instead of a modified copy.

    recurring-ical-events lets a caller choose the occurrence class; copying the component
    for every occurrence is most of the cost of expanding a long series, and we only need
    the occurrence's start and end plus properties that every occurrence of that
    component shares.
    """

    def as_component(self, keep_recurrence_attributes: bool) -> Any:
        source = getattr(getattr(self, "_adapter", None), "_component", None)
        if source is None:  # a future library version: take the documented, slower path
            return super().as_component(keep_recurrence_attributes)
        return (source, self.start, self.end)


_SELECT = recurring_ical_events.ComponentsWithName("VEVENT", occurrence=_Light)

try:  # the library's reading of one event's times; a future version may move it
    from recurring_ical_events.adapters.event import EventAdapter as _EventAdapter
except ImportError:  # pragma: no cover - then every event takes the full expansion
    _EventAdapter = None


def _expand_series(
    builder: TableBuilder,
    calendar_name: str,
    uid: str,
    components: list[Any],
    span_start: dt.datetime,
    span_end: dt.datetime,
) -> None:
    recurring = any(
        c.get("RRULE") is not None or c.get("RDATE") is not None or c.get("RECURRENCE-ID")
        for c in components
    )
    masters = [c for c in components if c.get("RECURRENCE-ID") is None] or components
    series_start = epoch_seconds(masters[0].start, builder.tz)
    single = not recurring and len(components) == 1 and components[0].get("EXDATE") is None
    if single and _EventAdapter is not None:
        # One event that does not recur (most of a calendar of single events): the
        # library's own adapter reads its times (DTEND, DURATION or the RFC 5545 default)
        # and decides whether they touch the span, exactly as the expansion below would;
        # only the series machinery, which costs more than the event, is skipped.
        adapter = _EventAdapter(components[0])
        if adapter.is_in_span(span_start, span_end):
            facts, anchor = _read_facts(
                components[0], calendar_name, uid, False, series_start, builder.tz
            )
            builder.add(builder.add_component(facts), adapter.start, adapter.end, anchor)
        return
    mini = icalendar.Calendar()
    for component in components:
        mini.add_component(component)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = recurring_ical_events.of(mini, components=[_SELECT]).between(span_start, span_end)
    known: dict[int, tuple[int, int | None]] = {}  # id(component) -> (index, anchor)
    for item in found:
        if isinstance(item, tuple):
            source, start, end = item
        else:  # the library's own copy (see _Light)
            source, start, end = item, item.start, item.end
        entry = known.get(id(source))
        if entry is None:
            facts, anchor = _read_facts(
                source, calendar_name, uid, recurring, series_start, builder.tz
            )
            entry = known[id(source)] = (builder.add_component(facts), anchor)
        builder.add(entry[0], start, end, entry[1])


def _when(event: Any, name: str, tz: ZoneInfo) -> int | None:
    moment = getattr(event.get(name), "dt", None)
    return epoch_seconds(moment, tz) if isinstance(moment, dt.datetime) else None


# RFC 5545 3.2.3: CUTYPE says what an attendee is; a ROOM or RESOURCE is nobody to meet.
# A GROUP (a mailing list) is kept: its members take part, the export just does not name them.
_NOT_PEOPLE = frozenset({"ROOM", "RESOURCE"})


def _read_facts(
    event: Any, calendar: str, uid: str, recurring: bool, series_start: int, tz: ZoneInfo
) -> tuple[ComponentFacts, int | None]:
    """The component's shared facts, and its RECURRENCE-ID (epoch) when it is an override."""
    attendees = event.get("ATTENDEE", [])
    if not isinstance(attendees, list):
        attendees = [attendees]
    sequence = event.get("SEQUENCE", 0)
    rid = getattr(event.get("RECURRENCE-ID"), "dt", None)
    facts = ComponentFacts(
        calendar=calendar,
        uid=uid,
        title=str(event.get("SUMMARY", "")),
        status=str(event.get("STATUS", "")).strip().upper(),
        transparent=str(event.get("TRANSP", "")).strip().upper() == "TRANSPARENT",
        attendees=tuple(
            (address_of(a), str(a.params.get("PARTSTAT", "NEEDS-ACTION")).upper())
            for a in attendees
        ),
        organizer=address_of(event.get("ORGANIZER", "")),
        sequence=int(sequence) if str(sequence).strip().lstrip("-").isdigit() else 0,
        recurring=recurring,
        series_start=series_start,
        created=_when(event, "CREATED", tz),
        last_modified=_when(event, "LAST-MODIFIED", tz),
        not_people=tuple(
            address_of(a)
            for a in attendees
            if str(getattr(a, "params", {}).get("CUTYPE", "")).upper() in _NOT_PEOPLE
        ),
    )
    return facts, None if rid is None else epoch_seconds(rid, tz)
