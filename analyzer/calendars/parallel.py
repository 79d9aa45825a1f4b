"""Parse and expand one large calendar in several processes, split by UID."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from zoneinfo import ZoneInfo

from analyzer.calendars.expand import Expansion, expand_occurrences
from analyzer.calendars.parse import CalendarHeader, parse_calendar
from analyzer.calendars.sources import CalendarSource
from analyzer.calendars.split import split_by_uid
from analyzer.calendars.table import OccurrenceTable

__all__ = ["expand_in_parallel"]


def _expand_part(
    part: bytes, name: str, span_start: dt.datetime, span_end: dt.datetime, zone: str
) -> tuple[CalendarHeader, Expansion]:
    parsed = parse_calendar(CalendarSource(name, part))
    return parsed.header, expand_occurrences(parsed, span_start, span_end, ZoneInfo(zone))


def expand_in_parallel(
    source: CalendarSource,
    span_start: dt.datetime,
    span_end: dt.datetime,
    tz: ZoneInfo,
    jobs: int,
) -> tuple[CalendarHeader, Expansion]:
    """The header and expansion of ``source``, its series spread over ``jobs`` processes.

    The result equals a single-process expansion: each part holds whole series (a series
    with its overrides) and the calendar's time zones; parts are joined in a fixed order.

    Raises:
        InputError: the calendar (or a part of it) is not iCalendar.
    """
    parts = split_by_uid(source.data, jobs)
    if len(parts) == 1:
        return _expand_part(source.data, source.name, span_start, span_end, tz.key)
    with ProcessPoolExecutor(max_workers=len(parts)) as pool:
        results = list(
            pool.map(
                _expand_part,
                parts,
                [source.name] * len(parts),
                [span_start] * len(parts),
                [span_end] * len(parts),
                [tz.key] * len(parts),
            )
        )
    counts: Counter[str] = Counter()
    for header, _ in results:
        counts.update(dict(header.addresses))
    first = results[0][0]
    header = CalendarHeader(first.calname, first.timezone, tuple(sorted(counts.items())))
    table = OccurrenceTable.concat([expansion.table for _, expansion in results])
    problems = [problem for _, expansion in results for problem in expansion.problems]
    return header, Expansion(table, problems)
