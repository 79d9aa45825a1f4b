"""Build the events table: one row per counted occurrence, with exact hours in the window."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd

from analyzer.accounting.exclusions import exclusion_reason, owner_partstat
from analyzer.accounting.overlap import allocate_seconds
from analyzer.accounting.window import ReportWindow
from analyzer.calendars.expand import Occurrence
from analyzer.types import EXCLUSION_REASONS, OverlapPolicy

__all__ = ["EVENT_COLUMNS", "AccountedTime", "account"]

# The events table is a contract (API, `altitude events`, reports): its columns, in order.
EVENT_COLUMNS: tuple[str, ...] = (
    "start",
    "end",
    "hours",
    "title",
    "label",
    "confidence",
    "uncertain",
    "calendar",
    "series_uid",
    "attendees",
    "organizer_domain",
    "external_domains",
    "recurring",
    "status",
    "partstat",
    "label_source",
    "people",
    "created",
    "last_modified",
    "series_start",
)


@dataclass
class AccountedTime:
    """Counted occurrences and where their time went.

    ``events`` has one row per counted occurrence (labels empty until classified);
    ``allocation`` has one row per (event row, week) with the hours credited to that week.
    """

    window: ReportWindow
    events: pd.DataFrame
    allocation: pd.DataFrame
    excluded: dict[str, int] = field(default_factory=dict)


def account(
    occurrences: Iterable[Occurrence],
    owner: frozenset[str],
    window: ReportWindow,
    overlap: OverlapPolicy = "split",
) -> AccountedTime:
    """Exclude, deduplicate, clip to the window and share overlaps.

    Args:
        occurrences: expanded occurrences of one person's calendars (any order).
        owner: the owner's addresses, to read their PARTSTAT.
        window: the report window and time zone.
        overlap: ``split`` shares common time equally; ``count-all`` counts every event fully.
    """
    tz = window.tz
    win_start = int(window.start_instant.timestamp())
    win_end = int(window.end_instant.timestamp())
    excluded = dict.fromkeys((*EXCLUSION_REASONS, "invalid"), 0)
    kept: list[tuple[Occurrence, int, int, str]] = []
    for occ in _deduplicate(occurrences, tz):
        start, end = _epoch(occ.start, tz), _epoch(occ.end, tz)
        if not _touches(start, end, win_start, win_end):
            continue
        partstat = owner_partstat(occ, owner)
        reason = exclusion_reason(occ, partstat)
        if reason is not None:
            excluded[reason] += 1
            continue
        kept.append((occ, start, end, partstat))
    kept.sort(key=lambda row: (row[1], row[2], row[0].uid))

    starts = np.array([row[1] for row in kept], np.int64)
    ends = np.array([row[2] for row in kept], np.int64)
    bins = _week_bounds(window)
    c_starts = np.clip(starts, win_start, win_end)
    c_ends = np.clip(ends, win_start, win_end)
    index, week_index, seconds = allocate_seconds(c_starts, c_ends, bins, overlap)
    week_starts = np.array(window.week_starts(), dtype=object)
    allocation = pd.DataFrame(
        {"event": index, "week_start": week_starts[week_index], "hours": seconds / 3600.0}
    )
    hours = np.bincount(index, weights=seconds, minlength=len(kept)) / 3600.0
    events = _events_frame(kept, hours, tz, owner)
    return AccountedTime(window, events, allocation, excluded)


def _deduplicate(occurrences: Iterable[Occurrence], tz: ZoneInfo) -> list[Occurrence]:
    """The same UID and RECURRENCE-ID in several files counts once (highest SEQUENCE wins)."""
    best: dict[tuple[str, int], Occurrence] = {}
    for occ in occurrences:
        anchor = occ.recurrence_id if occ.recurrence_id is not None else occ.start
        key = (occ.uid, _epoch(anchor, tz))
        seen = best.get(key)
        if seen is None or occ.sequence > seen.sequence:
            best[key] = occ
    return list(best.values())


def _epoch(value: dt.date | dt.datetime, tz: ZoneInfo) -> int:
    """Epoch seconds; floating times and dates are read in the report's zone."""
    if not isinstance(value, dt.datetime):
        value = dt.datetime.combine(value, dt.time(0))
    if value.tzinfo is None or value.utcoffset() is None:
        value = value.replace(tzinfo=tz)
    return int(value.timestamp())


def _touches(start: int, end: int, win_start: int, win_end: int) -> bool:
    if end <= start:  # an instant (no DTEND, no DURATION) counts where it happens
        return win_start <= start < win_end
    return start < win_end and end > win_start


def _week_bounds(window: ReportWindow) -> np.ndarray:
    win_start = window.start_instant.timestamp()
    win_end = window.end_instant.timestamp()
    bounds = [max(window.instant(monday).timestamp(), win_start) for monday in window.week_starts()]
    bounds.append(win_end)
    return np.array(bounds, np.int64)


def _external_domains(occurrence: Occurrence, owner_domains: frozenset[str]) -> int:
    """How many distinct e-mail domains other than the owner's take part."""
    addresses = [a for a, _ in occurrence.attendees] + [occurrence.organizer]
    domains = {a.rpartition("@")[2] for a in addresses if "@" in a}
    return len(domains - owner_domains)


def _people(occurrence: Occurrence, owner: frozenset[str]) -> tuple[str, ...]:
    """Everyone taking part but the owner: the organizer, then attendees, each once."""
    addresses = [occurrence.organizer, *(a for a, _ in occurrence.attendees)]
    seen: dict[str, None] = {}
    for address in addresses:
        if address and "@" in address and address not in owner:
            seen.setdefault(address)
    return tuple(seen)


def times_of(seconds: list[int], tz: ZoneInfo) -> pd.Series:
    """Epoch seconds as a tz-aware timestamp column in ``tz``."""
    values = pd.to_datetime(np.array(seconds, dtype=np.int64), unit="s", utc=True)
    return pd.Series(values, dtype="datetime64[ns, UTC]").dt.tz_convert(tz.key)


def _optional_times(values: list[dt.datetime | None], tz: ZoneInfo) -> pd.Series:
    seconds = [np.nan if v is None else float(_epoch(v, tz)) for v in values]
    stamps = pd.to_datetime(pd.Series(seconds, dtype="float64"), unit="s", utc=True)
    return stamps.astype("datetime64[ns, UTC]").dt.tz_convert(tz.key)


def _events_frame(
    kept: list[tuple[Occurrence, int, int, str]],
    hours: np.ndarray,
    tz: ZoneInfo,
    owner: frozenset[str],
) -> pd.DataFrame:
    owner_domains = frozenset(address.rpartition("@")[2] for address in owner)

    frame = pd.DataFrame(
        {
            "start": times_of([row[1] for row in kept], tz),
            "end": times_of([row[2] for row in kept], tz),
            "hours": pd.Series(hours, dtype="float64"),
            "title": pd.Series([row[0].title for row in kept], dtype="string"),
            "label": pd.Series([None] * len(kept), dtype="string"),
            "confidence": pd.Series(np.full(len(kept), np.nan), dtype="float64"),
            "uncertain": pd.Series(np.zeros(len(kept), bool), dtype="bool"),
            "calendar": pd.Series([row[0].calendar for row in kept], dtype="string"),
            "series_uid": pd.Series([row[0].uid for row in kept], dtype="string"),
            "attendees": pd.Series([len(row[0].attendees) for row in kept], dtype="int64"),
            "organizer_domain": pd.Series(
                [row[0].organizer.rpartition("@")[2] for row in kept], dtype="string"
            ),
            "external_domains": pd.Series(
                [_external_domains(row[0], owner_domains) for row in kept], dtype="int64"
            ),
            "recurring": pd.Series([row[0].recurring for row in kept], dtype="bool"),
            "status": pd.Series([row[0].status or "CONFIRMED" for row in kept], dtype="string"),
            "partstat": pd.Series([row[3] for row in kept], dtype="string"),
            "label_source": pd.Series([None] * len(kept), dtype="string"),
            "people": pd.Series([_people(row[0], owner) for row in kept], dtype="object"),
            "created": _optional_times([row[0].created for row in kept], tz),
            "last_modified": _optional_times([row[0].last_modified for row in kept], tz),
            "series_start": times_of([_epoch(row[0].series_start, tz) for row in kept], tz),
        },
        columns=list(EVENT_COLUMNS),
    )
    return frame
