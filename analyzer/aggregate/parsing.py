"""Parsers of the option values the aggregate layer takes: a target band, a period.

Kept apart from the pandas code so that the CLI can check its options before importing it.
"""

from __future__ import annotations

import datetime as dt

__all__ = ["parse_band", "parse_period"]


def parse_band(text: str) -> tuple[float, float]:
    """``"0.3:0.5"`` -> ``(0.3, 0.5)``; accepts percentages such as ``"30:50"``.

    Example:
        >>> parse_band("30:50")
        (0.3, 0.5)
    """
    low_text, sep, high_text = text.partition(":")
    try:
        low, high = float(low_text), float(high_text)
    except ValueError:
        raise ValueError(f"{text!r} is not a band like 0.3:0.5") from None
    if not sep:
        raise ValueError(f"{text!r} is not a band like 0.3:0.5")
    if low > 1 or high > 1:
        low, high = low / 100, high / 100
    if not 0 <= low < high <= 1:
        raise ValueError(f"{text!r}: need 0 <= low < high <= 1")
    return low, high


def parse_period(text: str) -> tuple[dt.date, dt.date]:
    """``"2025-10-06:2026-01-05"`` -> two dates (start inclusive, end exclusive).

    Example:
        >>> [str(d) for d in parse_period("2025-10-06:2026-01-05")]
        ['2025-10-06', '2026-01-05']
    """
    first, sep, second = text.partition(":")
    try:
        start, end = dt.date.fromisoformat(first), dt.date.fromisoformat(second)
    except ValueError:
        raise ValueError(f"{text!r} is not FROM:TO like 2025-10-06:2026-01-05") from None
    if not sep or end <= start:
        raise ValueError(f"{text!r}: TO must be after FROM")
    return start, end
