"""Find whose calendar it is: --me, else X-WR-CALNAME, else the most frequent address."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from analyzer.calendars.parse import CalendarHeader, address_of

__all__ = ["find_owner"]


def find_owner(calendars: Sequence[CalendarHeader], me: Iterable[str] = ()) -> frozenset[str]:
    """Return the owner's addresses (lower-case, without ``mailto:``).

    Args:
        calendars: the headers of one person's calendars.
        me: addresses given by the user; when present they win.

    Returns:
        The owner's addresses; empty when nothing identifies the owner.

    Example:
        >>> find_owner([], me=["MAILTO:Ana@Example.com"])
        frozenset({'ana@example.com'})
    """
    given = frozenset(address_of(m) for m in me if address_of(m))
    if given:
        return given
    from_names = frozenset(
        address_of(c.calname) for c in calendars if c.calname and _is_address(c.calname)
    )
    if from_names:
        return from_names
    counts: Counter[str] = Counter()
    for header in calendars:
        for address, count in header.addresses:
            if _is_address(address):
                counts[address] += count
    if not counts:
        return frozenset()
    # Most frequent first; ties broken alphabetically so the answer never depends on order.
    best = min(counts.items(), key=lambda item: (-item[1], item[0]))
    return frozenset({best[0]})


def _is_address(text: str) -> bool:
    local, _, domain = address_of(text).partition("@")
    return bool(local) and "." in domain and " " not in text.strip()
