"""Parse and expand a large calendar a part at a time, in this process or in several."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from zoneinfo import ZoneInfo

from analyzer.calendars.expand import Expansion, expand_occurrences
from analyzer.calendars.parse import CalendarHeader, parse_calendar
from analyzer.calendars.sources import CalendarSource
from analyzer.calendars.split import Part, split_by_uid
from analyzer.calendars.table import OccurrenceTable

__all__ = ["PART_BYTES", "expand_in_parts"]

# Text per part: its parsed components take about fifteen times as much memory, so a part
# costs tens of megabytes at most while it is expanded, however long the calendar.
PART_BYTES = 2 * 1024 * 1024

Progress = Callable[[int, int], None]  # (bytes done, bytes in all)


def _expand_part(
    part: Part, name: str, span_start: dt.datetime, span_end: dt.datetime, zone: str
) -> tuple[CalendarHeader, Expansion]:
    parsed = parse_calendar(CalendarSource(name, part.data))
    expansion = expand_occurrences(
        parsed, span_start, span_end, ZoneInfo(zone), numbers=part.numbers or None
    )
    return parsed.header, expansion


def expand_in_parts(
    source: CalendarSource,
    span_start: dt.datetime,
    span_end: dt.datetime,
    tz: ZoneInfo,
    jobs: int = 1,
    part_bytes: int = PART_BYTES,
    progress: Progress | None = None,
) -> tuple[CalendarHeader, Expansion]:
    """The header and expansion of ``source``, parsed and expanded part by part.

    Only one part's components exist at a time in each process, so memory follows the
    occurrences rather than the text, and series that plainly fall outside the span are
    not parsed at all (see :func:`analyzer.calendars.split.split_by_uid`). With ``jobs``
    > 1 the parts go to that many worker processes, which return compact tables. The
    result equals a whole-file expansion: each part holds whole series and the calendar's
    time zones, and parts are joined in file order.

    Raises:
        InputError: the calendar (or a part of it) is not iCalendar.
    """
    size = max(1, min(part_bytes, len(source.data) // (2 * jobs) if jobs > 1 else part_bytes))
    left_out: Counter[str] = Counter()
    days = (span_start.date(), span_end.date())
    parts = split_by_uid(source.data, size, days, left_out)
    total = sum(len(p.data) for p in parts)
    args = (source.name, span_start, span_end, tz.key)
    if jobs > 1 and len(parts) > 1:
        with ProcessPoolExecutor(max_workers=min(jobs, len(parts))) as pool:
            futures = [pool.submit(_expand_part, part, *args) for part in parts]
            results = _collect((f.result() for f in futures), parts, total, progress)
    else:
        results = _collect((_expand_part(p, *args) for p in parts), parts, total, progress)
    if len(results) == 1 and not left_out:
        return results[0]
    counts = left_out  # the addresses of events left unread count too
    for header, _ in results:
        counts.update(dict(header.addresses))
    first = results[0][0]
    header = CalendarHeader(first.calname, first.timezone, tuple(sorted(counts.items())))
    table = OccurrenceTable.concat([expansion.table for _, expansion in results])
    problems = [problem for _, expansion in results for problem in expansion.problems]
    return header, Expansion(table, problems)


def _collect(
    results: Iterable[tuple[CalendarHeader, Expansion]],
    parts: list[Part],
    total: int,
    progress: Progress | None,
) -> list[tuple[CalendarHeader, Expansion]]:
    done = 0
    collected = []
    for part, result in zip(parts, results, strict=False):
        collected.append(result)
        done += len(part.data)
        if progress is not None:
            progress(done, total)
    return collected
