"""Split one calendar's text into self-contained parts by UID, for parallel parsing.

A series stays with its overrides (same UID); every part repeats the calendar's own
properties and its VTIMEZONE blocks, so each part parses to the same events it would have
had in the whole file. The split works on lines: content lines that continue a folded line
start with a space or a tab (RFC 5545 section 3.1), so ``BEGIN:VEVENT`` at the start of a
line always opens a component.
"""

from __future__ import annotations

import re

__all__ = ["scan_header", "split_by_uid"]

_NEWLINE = re.compile(rb"\r?\n")


def _lines(data: bytes) -> list[bytes]:
    return data.splitlines(keepends=True)


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


def split_by_uid(data: bytes, parts: int) -> list[bytes]:
    """At most ``parts`` calendars holding every VEVENT of ``data``, grouped by UID.

    Parts are balanced by size; each keeps the header and every VTIMEZONE. Returns
    ``[data]`` when there is nothing to split.
    """
    lines = _lines(data)
    header: list[bytes] = []
    timezones: list[bytes] = []
    events: dict[bytes, list[bytes]] = {}
    footer: list[bytes] = []
    block: list[bytes] | None = None
    kind = b""
    for line in lines:
        upper = line.rstrip(b"\r\n").upper()
        if block is None:
            if upper.startswith(b"BEGIN:V") and upper != b"BEGIN:VCALENDAR":
                block, kind = [line], upper[6:]
            elif upper == b"END:VCALENDAR":
                footer.append(line)
            elif not events and not timezones:
                header.append(line)
            continue
        block.append(line)
        if upper == b"END:" + kind:
            text = b"".join(block)
            if kind == b"VTIMEZONE":
                timezones.append(text)
            elif kind == b"VEVENT":
                uid = _uid(text) or b"#%d" % len(events)  # no UID: a series of its own
                events.setdefault(uid, []).append(text)
            block = None
    if parts <= 1 or len(events) < 2 or block is not None:
        return [data]
    buckets: list[list[bytes]] = [[] for _ in range(min(parts, len(events)))]
    sizes = [0] * len(buckets)
    for group in sorted(events.values(), key=lambda g: -sum(map(len, g))):
        smallest = sizes.index(min(sizes))
        buckets[smallest].extend(group)
        sizes[smallest] += sum(map(len, group))
    prefix = b"".join(header) + b"".join(timezones)
    suffix = b"".join(footer) or b"END:VCALENDAR\r\n"
    return [prefix + b"".join(bucket) + suffix for bucket in buckets if bucket]
