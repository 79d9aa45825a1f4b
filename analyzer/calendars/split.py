"""Cut one calendar's text into self-contained parts by UID, to parse a part at a time.

A series stays with its overrides (same UID); every part repeats the calendar's own
properties and its VTIMEZONE blocks, so each part parses to the same events it would have
had in the whole file. Parts follow the file: series appear in the order of their first
component, as a whole-file expansion walks them, so joining the parts' results in order
gives the whole file's result. The split works on lines: content lines that continue a
folded line start with a space or a tab (RFC 5545 section 3.1), so ``BEGIN:VEVENT`` at the
start of a line always opens a component. Text whose structure is not one plain
VCALENDAR is left whole, for the parser to judge.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

__all__ = ["Part", "scan_header", "split_by_uid"]

_NEWLINE = re.compile(rb"\r?\n")


@dataclass(frozen=True)
class Part:
    """A self-contained calendar, and the file-wide number of each of its VEVENTs.

    ``numbers`` lets a part name an event without a UID as the whole file would
    ("event #7"); it is empty when the part is the whole text.
    """

    data: bytes
    numbers: tuple[int, ...] = ()


def _unfold(block: bytes) -> bytes:
    return re.sub(rb"\r?\n[ \t]", b"", block)


def _uid(block: bytes) -> bytes | None:
    """The VEVENT's own UID (not one of a nested VALARM)."""
    depth = 0
    for line in _NEWLINE.split(_unfold(block)):
        head = line[:6].upper()
        if head == b"BEGIN:":
            depth += 1
        elif head[:4] == b"END:":
            depth -= 1
        elif depth == 1 and line[:3].upper() == b"UID" and line[3:4] in (b":", b";"):
            return line.partition(b":")[2].strip()
    return None


def scan_header(data: bytes) -> tuple[str | None, str | None]:
    """X-WR-CALNAME and X-WR-TIMEZONE read from the text before the first component.

    Example:
        >>> scan_header(b"BEGIN:VCALENDAR\\r\\nX-WR-TIMEZONE:Europe/Berlin\\r\\n")
        (None, 'Europe/Berlin')
    """
    # RFC 5545 puts calendar properties before the components: read up to the first one.
    text = _unfold(data.split(b"\nBEGIN:V", 1)[0])
    found: dict[bytes, str] = {}
    for line in _NEWLINE.split(text):
        name, sep, value = line.partition(b":")
        key = name.split(b";")[0].strip().upper()
        if sep and key in (b"X-WR-CALNAME", b"X-WR-TIMEZONE") and key not in found:
            found[key] = value.decode("utf-8", "replace").strip()
    return found.get(b"X-WR-CALNAME") or None, found.get(b"X-WR-TIMEZONE") or None


@dataclass
class _Layout:
    header: list[bytes]
    timezones: list[bytes]
    others: list[bytes]  # top-level components that are neither events nor time zones
    events: dict[bytes, list[tuple[int, bytes]]]  # UID -> (event number, text), file order
    footer: bytes


def _layout(data: bytes) -> _Layout | None:
    """The calendar's pieces, or None when it is not one well-formed VCALENDAR."""
    lines = data.splitlines(keepends=True)
    layout = _Layout([], [], [], {}, b"")
    block: list[bytes] | None = None
    kind = b""
    opened = closed = False
    count = 0
    for line in lines:
        upper = line.rstrip(b"\r\n").upper()
        if block is not None:
            block.append(line)
            if upper == b"END:" + kind:
                text = b"".join(block)
                if kind == b"VTIMEZONE":
                    layout.timezones.append(text)
                elif kind == b"VEVENT":
                    uid = _uid(text) or b"\x00%d" % count  # no UID: a series of its own
                    layout.events.setdefault(uid, []).append((count, text))
                    count += 1
                else:
                    layout.others.append(text)
                block = None
            continue
        if not line.strip():
            continue  # blank lines between components carry nothing
        if closed:
            return None  # text after the calendar: a second calendar or damage
        if upper == b"BEGIN:VCALENDAR":
            if opened:
                return None
            opened = True
            layout.header.append(line)
        elif upper == b"END:VCALENDAR":
            closed = True
            layout.footer = line
        elif not opened:
            return None
        elif upper.startswith(b"BEGIN:"):
            block, kind = [line], upper[6:]
        elif upper.startswith(b"END:"):
            return None
        elif not layout.events and not layout.timezones and not layout.others:
            layout.header.append(line)
        else:
            return None  # a calendar property between components: keep the text whole
    if not (opened and closed) or block is not None:
        return None
    return layout


# A single event far from the report's span can be left unparsed when its text says, beyond
# doubt, when it happens: no recurrence of any kind, a plain DTSTART and DTEND of the same
# kind and zone. Two days of margin cover any zone offset and floating times.
_MARGIN = dt.timedelta(days=2)
_RECURRENCE = frozenset({b"RRULE", b"RDATE", b"EXDATE", b"EXRULE", b"RECURRENCE-ID", b"DURATION"})
_TIME_VALUE = re.compile(rb"(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?")
_PEOPLE = (b"ORGANIZER", b"ATTENDEE")


def _split_line(line: bytes) -> tuple[bytes, bytes, bytes] | None:
    """``(NAME, parameters, value)`` of a content line, split at the first colon outside
    double quotes as icalendar does; None when its quotes do not pair up."""
    if line.count(b'"') % 2:
        return None
    quoted = False
    for index, char in enumerate(line):
        if char == 0x22:  # "
            quoted = not quoted
        elif char == 0x3A and not quoted:  # :
            head = line[:index]
            name, _, params = head.partition(b";")
            return name.strip().upper(), params, line[index + 1 :]
    return None


def _moment(params: bytes, value: bytes) -> tuple[dt.date, bytes] | None:
    """The day of a plain DATE or DATE-TIME value and what qualifies it (kind and zone)."""
    found = _TIME_VALUE.fullmatch(value.strip())
    pairs = [p.partition(b"=") for p in params.upper().split(b";") if p]
    names = {name for name, _, _ in pairs}
    if found is None or not names <= {b"TZID", b"VALUE"}:
        return None
    year, month, day, hour, minute, second, utc = found.groups()
    declared = {v for name, _, v in pairs if name == b"VALUE"}
    if declared - {b"DATE" if hour is None else b"DATE-TIME"}:
        return None  # VALUE says otherwise: the parser will call it broken
    if b"TZID" in names and (hour is None or utc):
        return None  # a zone on a date or on a UTC time: leave it to the parser
    try:
        moment = dt.datetime(
            int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0)
        )
    except ValueError:
        return None
    kind = b"date" if hour is None else b"utc" if utc else params.upper()
    return moment.date(), kind + b"|" + value.strip()[: 15 if hour else 8]


_RECURS = re.compile(rb"^(?:RRULE|RDATE|EXDATE|EXRULE|RECURRENCE-ID)[;:]", re.M | re.I)
_START_DAY = re.compile(rb"^DTSTART(?:;[^\r\n]*?)?:(\d{8})", re.M | re.I)


def _surely_kept(block: bytes, first: bytes, last: bytes) -> bool:
    """A quick look that settles most events: one that recurs, or starts near the span
    (days as ``YYYYMMDD``), is kept without the careful reading of
    :func:`outside_addresses`. A False here only means "read carefully"."""
    if _RECURS.search(block):
        return True
    start = _START_DAY.search(block)
    return start is not None and first <= start.group(1) <= last


def outside_addresses(block: bytes, first_day: dt.date, last_day: dt.date) -> list[str] | None:
    """The ORGANIZER and ATTENDEE addresses of a VEVENT that plainly cannot touch the days
    ``first_day`` .. ``last_day``, or None when it might (or its text is not plain).

    Example:
        >>> event = (b"BEGIN:VEVENT\\r\\nUID:1\\r\\nDTSTART:20200102T100000Z\\r\\n"
        ...          b"DTEND:20200102T110000Z\\r\\nATTENDEE;CN=\\"A: B\\":mailto:A@x.org\\r\\n"
        ...          b"END:VEVENT\\r\\n")
        >>> outside_addresses(event, dt.date(2026, 1, 5), dt.date(2026, 3, 30))
        ['a@x.org']
        >>> outside_addresses(event, dt.date(2019, 12, 30), dt.date(2020, 1, 6)) is None
        True
    """
    from analyzer.calendars.parse import address_of

    depth = 0
    times: dict[bytes, tuple[dt.date, bytes]] = {}
    addresses: list[str] = []
    for line in _NEWLINE.split(_unfold(block)):
        upper = line[:6].upper()
        if upper == b"BEGIN:":
            depth += 1
            continue
        if upper[:4] == b"END:":
            depth -= 1
            continue
        if depth != 1 or not line.strip():
            continue
        parts = _split_line(line)
        if parts is None:
            return None
        name, params, value = parts
        if name in _RECURRENCE:
            return None
        if name in (b"DTSTART", b"DTEND"):
            moment = _moment(params, value)
            if moment is None or name in times:
                return None
            times[name] = moment
        elif name in _PEOPLE:
            address = address_of(value.decode("utf-8", "replace"))
            if address:
                addresses.append(address)
    if len(times) != 2:
        return None
    (start, start_kind), (end, end_kind) = times[b"DTSTART"], times[b"DTEND"]
    same_kind = start_kind.split(b"|")[0] == end_kind.split(b"|")[0]
    if not same_kind or end_kind.split(b"|")[1] < start_kind.split(b"|")[1]:
        return None  # the parser decides what a mixed or reversed event is
    if end < first_day - _MARGIN or start > last_day + _MARGIN:
        return addresses
    return None


def split_by_uid(
    data: bytes,
    max_bytes: int,
    days: tuple[dt.date, dt.date] | None = None,
    left_out: Counter[str] | None = None,
) -> list[Part]:
    """Parts of about ``max_bytes`` of events each, holding every VEVENT of ``data`` once.

    Each part keeps the header and every VTIMEZONE; other top-level components go to the
    first part. Returns the whole text as one part when it cannot or need not be split.
    With ``days`` (first and last day of the report's span), series made only of events
    that plainly fall outside them are left out (:func:`outside_addresses`); their
    ORGANIZER and ATTENDEE addresses are added to ``left_out`` so that the calendar's
    address counts stay whole.

    Example:
        >>> cal = b"BEGIN:VCALENDAR\\r\\n%bEND:VCALENDAR\\r\\n" % b"".join(
        ...     b"BEGIN:VEVENT\\r\\nUID:%d\\r\\nEND:VEVENT\\r\\n" % n for n in range(3))
        >>> [p.numbers for p in split_by_uid(cal, 1)]
        [(0,), (1,), (2,)]
    """
    layout = _layout(data)
    if layout is None or len(layout.events) < 2 or (len(data) <= max_bytes and days is None):
        return [Part(data)]
    if days is not None:
        _leave_out(layout, days, left_out if left_out is not None else Counter())
    prefix = b"".join(layout.header) + b"".join(layout.timezones)
    parts: list[Part] = []
    chunk: list[bytes] = list(layout.others)
    numbers: list[int] = []
    size = sum(map(len, chunk))
    for group in layout.events.values():
        for number, text in group:
            chunk.append(text)
            numbers.append(number)
            size += len(text)
        if size >= max_bytes:
            parts.append(Part(prefix + b"".join(chunk) + layout.footer, tuple(numbers)))
            chunk, numbers, size = [], [], 0
    if numbers or chunk or not parts:
        parts.append(Part(prefix + b"".join(chunk) + layout.footer, tuple(numbers)))
    return parts


def _leave_out(layout: _Layout, days: tuple[dt.date, dt.date], counts: Counter[str]) -> None:
    """Drop the series that plainly fall outside ``days``, counting their addresses."""
    near = (
        (days[0] - _MARGIN).strftime("%Y%m%d").encode(),
        (days[1] + _MARGIN).strftime("%Y%m%d").encode(),
    )
    for uid in list(layout.events):
        blocks = [text for _, text in layout.events[uid]]
        if any(_surely_kept(text, *near) for text in blocks):
            continue  # the careful reading below could only agree
        found = [outside_addresses(text, *days) for text in blocks]
        if all(addresses is not None for addresses in found):
            del layout.events[uid]
            counts.update(address for addresses in found for address in addresses or ())
