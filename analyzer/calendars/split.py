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

import re
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


def split_by_uid(data: bytes, max_bytes: int) -> list[Part]:
    """Parts of about ``max_bytes`` of events each, holding every VEVENT of ``data`` once.

    Each part keeps the header and every VTIMEZONE; other top-level components go to the
    first part. Returns the whole text as one part when it cannot or need not be split.

    Example:
        >>> cal = b"BEGIN:VCALENDAR\\r\\n%bEND:VCALENDAR\\r\\n" % b"".join(
        ...     b"BEGIN:VEVENT\\r\\nUID:%d\\r\\nEND:VEVENT\\r\\n" % n for n in range(3))
        >>> [p.numbers for p in split_by_uid(cal, 1)]
        [(0,), (1,), (2,)]
    """
    layout = _layout(data)
    if layout is None or len(layout.events) < 2 or len(data) <= max_bytes:
        return [Part(data)]
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
    if numbers or chunk:
        parts.append(Part(prefix + b"".join(chunk) + layout.footer, tuple(numbers)))
    return parts
