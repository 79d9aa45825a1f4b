"""Why an occurrence does not count: the first reason that applies, in the product's order."""

from __future__ import annotations

import datetime as dt

from analyzer.calendars.expand import Occurrence

__all__ = ["exclusion_reason", "owner_partstat"]


def owner_partstat(occurrence: Occurrence, owner: frozenset[str]) -> str:
    """The owner's PARTSTAT on this occurrence, or ``""`` when the owner is not invited."""
    for address, partstat in occurrence.attendees:
        if address in owner:
            return partstat
    return ""


def exclusion_reason(occurrence: Occurrence, partstat: str) -> str | None:
    """``cancelled``, ``declined``, ``all_day`` or ``transparent`` (first that applies), or None.

    Tentative and needs-action invitations count: only an explicit decline excludes.
    """
    if occurrence.status == "CANCELLED":
        return "cancelled"
    if partstat == "DECLINED":
        return "declined"
    if not isinstance(occurrence.start, dt.datetime):
        return "all_day"
    if occurrence.transparent:
        return "transparent"
    return None
