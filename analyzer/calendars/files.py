"""A calendar to analyse: parsed only when needed, its results cached by content hash."""

from __future__ import annotations

import datetime as dt
import hashlib
from functools import cached_property
from zoneinfo import ZoneInfo

from analyzer.calendars.cache import ParseCache
from analyzer.calendars.expand import Expansion, expand_occurrences
from analyzer.calendars.parallel import PART_BYTES, expand_in_parts
from analyzer.calendars.parse import CalendarHeader, ParsedCalendar, parse_calendar
from analyzer.calendars.sources import CalendarSource
from analyzer.calendars.split import scan_header
from analyzer.progress import report_progress

__all__ = ["CalendarFile"]

# Below this size the cost of starting worker processes outweighs what they save.
_PARALLEL_MIN_BYTES = 256 * 1024


class CalendarFile:
    """One calendar's bytes, with its header and expansions read from the cache or computed.

    Example:
        >>> f = CalendarFile(CalendarSource("x.ics", b"BEGIN:VCALENDAR\\r\\nEND:VCALENDAR\\r\\n"))
        >>> f.header.calname is None
        True
    """

    def __init__(
        self,
        source: CalendarSource,
        cache: ParseCache | None = None,
        parsed: ParsedCalendar | None = None,
        jobs: int = 1,
    ) -> None:
        self.source = source
        self.name = source.name
        self.jobs = jobs
        self._cache = cache or ParseCache(None)
        if parsed is not None:
            self.__dict__["parsed"] = parsed

    @classmethod
    def from_parsed(cls, parsed: ParsedCalendar) -> CalendarFile:
        """Wrap an already parsed calendar (no cache)."""
        return cls(CalendarSource(parsed.name, b""), None, parsed)

    @cached_property
    def digest(self) -> str:
        return hashlib.sha256(self.source.data).hexdigest()

    @cached_property
    def parsed(self) -> ParsedCalendar:
        """The icalendar object (raises InputError when the bytes are not iCalendar)."""
        return parse_calendar(self.source)

    @cached_property
    def header(self) -> CalendarHeader:
        if "parsed" in self.__dict__ or not self.source.data:
            return self.parsed.header
        header = self._cache.get_header(self.digest)
        if header is None:
            header = self.parsed.header
            self._cache.put_header(self.digest, header)
        return header

    @property
    def _in_parts(self) -> bool:
        """Parse and expand part by part: the file is large or goes to worker processes.

        Not when it was parsed here already (then the whole parse is at hand).
        """
        if "parsed" in self.__dict__ or not self.source.data:
            return False
        size = len(self.source.data)
        return size > PART_BYTES or (self.jobs > 1 and size >= _PARALLEL_MIN_BYTES)

    def quick_header(self) -> CalendarHeader:
        """Calendar name and time zone, without parsing when the file is read in parts.

        Its ``addresses`` are empty in that case: read :attr:`header` after :meth:`expand`.
        """
        if not self._in_parts or "header" in self.__dict__:
            return self.header
        cached = self._cache.get_header(self.digest)
        if cached is not None:
            self.__dict__["header"] = cached
            return cached
        calname, timezone = scan_header(self.source.data)
        return CalendarHeader(calname, timezone)

    def expand(self, span_start: dt.datetime, span_end: dt.datetime, tz: ZoneInfo) -> Expansion:
        """Occurrences touching the span (floating times read in ``tz``), cached."""
        if not self.source.data:
            return expand_occurrences(self.parsed, span_start, span_end, tz)
        span = f"{int(span_start.timestamp())}-{int(span_end.timestamp())}-{tz.key}"
        span = span.replace("/", "_")
        found = self._cache.get_expansion(self.digest, span, self.name)
        if found is not None:
            return found
        if self._in_parts:
            header, found = expand_in_parts(
                self.source, span_start, span_end, tz, self.jobs, progress=self._progress
            )
            if "header" not in self.__dict__:
                self.__dict__["header"] = header
                self._cache.put_header(self.digest, header)
        else:
            found = expand_occurrences(self.parsed, span_start, span_end, tz)
        self._cache.put_expansion(self.digest, span, found)
        return found

    def _progress(self, done: int, total: int) -> None:
        report_progress(f"Reading {self.name}", done, total)
