"""Hand-written iCalendar text: TEXT escaping, parameter quoting, 75-octet folding, CRLF."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta

__all__ = [
    "Param",
    "Writer",
    "escape_text",
    "fmt_date",
    "fmt_duration",
    "fmt_local",
    "fmt_utc",
    "fold",
    "param_value",
]

Param = tuple[str, str]
MAX_OCTETS = 75


def escape_text(value: str) -> str:
    """Escape a TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and newline."""
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def param_value(value: str, *, quote: bool = False) -> str:
    """A parameter value, double-quoted when asked or when it contains ``;``, ``:`` or ``,``."""
    value = value.replace('"', "'")
    if quote or any(c in value for c in ";:,"):
        return f'"{value}"'
    return value


def fold(line: str) -> bytes:
    """Encode one content line as UTF-8, folded at 75 octets without splitting a character."""
    data = line.encode("utf-8")
    chunks: list[bytes] = []
    start, limit = 0, MAX_OCTETS
    while len(data) - start > limit:
        end = start + limit
        while data[end] & 0xC0 == 0x80:  # never cut inside a multi-byte sequence
            end -= 1
        chunks.append(data[start:end])
        start, limit = end, MAX_OCTETS - 1
    chunks.append(data[start:])
    return b"\r\n ".join(chunks) + b"\r\n"


def fmt_local(value: datetime) -> str:
    """``YYYYMMDDTHHMMSS`` (local or floating time)."""
    return value.strftime("%Y%m%dT%H%M%S")


def fmt_utc(value: datetime) -> str:
    """``YYYYMMDDTHHMMSSZ`` for a naive UTC time."""
    return value.strftime("%Y%m%dT%H%M%SZ")


def fmt_date(value: date) -> str:
    """``YYYYMMDD``."""
    return value.strftime("%Y%m%d")


def fmt_duration(value: timedelta) -> str:
    """A DURATION value such as ``PT45M``, ``PT1H30M`` or ``P1D``."""
    seconds = int(value.total_seconds())
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes = rest // 60
    text = "P" + (f"{days}D" if days else "")
    if hours or minutes:
        text += "T" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "")
    return text


class Writer:
    """Accumulates folded CRLF content lines."""

    def __init__(self) -> None:
        self._chunks: list[bytes] = []

    def prop(self, name: str, value: str, params: Sequence[Param] = ()) -> None:
        """Append ``NAME;P=V:value`` (value and parameter values already formatted)."""
        head = name + "".join(f";{key}={val}" for key, val in params)
        self._chunks.append(fold(f"{head}:{value}"))

    def text(self, name: str, value: str, params: Sequence[Param] = ()) -> None:
        """Append a TEXT property, escaping its value."""
        self.prop(name, escape_text(value), params)

    def lines(self, pairs: Sequence[tuple[str, str]]) -> None:
        """Append pre-formatted ``(name, value)`` lines."""
        for name, value in pairs:
            self.prop(name, value)

    def getvalue(self) -> bytes:
        """The serialised bytes."""
        return b"".join(self._chunks)
