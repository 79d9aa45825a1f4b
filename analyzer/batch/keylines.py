"""Find the line of each key in a TOML text, so config errors can name file, line and key."""

from __future__ import annotations

import re

__all__ = ["key_lines", "line_of"]

_BARE = r"[A-Za-z0-9_-]+"
_PART = rf"(?:{_BARE}|\"[^\"]*\"|'[^']*')"
_DOTTED = rf"{_PART}(?:\s*\.\s*{_PART})*"
_HEADER = re.compile(rf"^\[\[?\s*({_DOTTED})\s*\]\]?\s*(?:#.*)?$")
_ASSIGN = re.compile(rf"^({_DOTTED})\s*=(.*)$")
_INLINE_KEY = re.compile(rf"[{{,]\s*({_DOTTED})\s*=")
_SPLIT = re.compile(rf"{_PART}")
_STRING = re.compile(r"\"(?:\\.|[^\"\\])*\"|'[^']*'")

KeyPath = tuple[str, ...]


def _parts(dotted: str) -> KeyPath:
    return tuple(part.strip("\"'") for part in _SPLIT.findall(dotted))


def key_lines(text: str) -> dict[KeyPath, int]:
    """Map every table header and key of ``text`` to the line (1-based) that defines it.

    A light scan, not a parser: ``tomllib`` has already accepted the text; this only tells
    where each key sits. Values spread over several lines (arrays, multi-line strings) are
    skipped.

    Example:
        >>> lines = key_lines('title = "x"\\n\\n[people.ana]\\ncalendars = [\\n "a.ics",\\n]\\n')
        >>> lines[("people", "ana", "calendars")], lines[("people", "ana")]
        (4, 3)
    """
    found: dict[KeyPath, int] = {}
    table: KeyPath = ()
    depth = 0
    in_string: str | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if in_string is not None:
            if raw.count(in_string) % 2 == 1:
                in_string = None
            continue
        if depth > 0:
            depth += _balance(line)
            continue
        header = _HEADER.match(line)
        if header:
            table = _parts(header.group(1))
            found.setdefault(table, number)
            continue
        assign = _ASSIGN.match(line)
        if not assign:
            continue
        path = table + _parts(assign.group(1))
        found.setdefault(path, number)
        value = assign.group(2)
        for inline in _INLINE_KEY.finditer(_STRING.sub('""', value)):
            found.setdefault(path + _parts(inline.group(1)), number)
        for quote in ('"""', "'''"):
            if value.count(quote) % 2 == 1:
                in_string = quote
        if in_string is None:
            depth = max(0, _balance(value))
    return found


def _balance(value: str) -> int:
    """Open minus closed brackets in ``value``, outside strings and comments."""
    code = _STRING.sub('""', value).split("#", 1)[0]
    return code.count("[") + code.count("{") - code.count("]") - code.count("}")


def line_of(lines: dict[KeyPath, int], path: KeyPath) -> int | None:
    """The line of ``path``, else of its nearest enclosing table that is written in the file.

    Example:
        >>> line_of({("people", "ana"): 3}, ("people", "ana", "calendars"))
        3
    """
    for size in range(len(path), 0, -1):
        if path[:size] in lines:
            return lines[path[:size]]
    return None
