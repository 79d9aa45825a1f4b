"""Build the events table: one row per counted occurrence, with exact hours in the window."""

from __future__ import annotations

from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

import numpy as np
import numpy.typing as npt
import pandas as pd

from analyzer.accounting.exclusions import COUNTED, exclusion_codes, owner_partstat
from analyzer.accounting.overlap import allocate_seconds
from analyzer.accounting.window import ReportWindow
from analyzer.calendars.table import ComponentFacts, OccurrenceTable
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
    "reason",  # why the label: the rule, the correction, or the model's words (classify)
    "uncorrected_label",  # the label before user corrections (classify)
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
    table: OccurrenceTable,
    owner: frozenset[str],
    window: ReportWindow,
    overlap: OverlapPolicy = "split",
) -> AccountedTime:
    """Deduplicate, exclude, clip to the window and share overlaps.

    Args:
        table: expanded occurrences of one person's calendars (any order).
        owner: the owner's addresses, to read their PARTSTAT.
        window: the report window and time zone.
        overlap: ``split`` shares common time equally; ``count-all`` counts every event fully.
    """
    tz = window.tz
    win_start = int(window.start_instant.timestamp())
    win_end = int(window.end_instant.timestamp())
    facts = table.components
    partstats = np.array([owner_partstat(f, owner) for f in facts] or [""], dtype=object)
    rows = _deduplicate(table, facts)
    start, end, component = table.start[rows], table.end[rows], table.component[rows]
    instant = end <= start  # no DTEND and no DURATION: counts where it happens
    touches = np.where(
        instant,
        (start >= win_start) & (start < win_end),
        (start < win_end) & (end > win_start),
    )
    rows, start, end, component = rows[touches], start[touches], end[touches], component[touches]
    status = np.array([f.status for f in facts] or [""], dtype=object)[component]
    transparent = np.array([f.transparent for f in facts] or [False], dtype=bool)[component]
    codes = exclusion_codes(
        status == "CANCELLED",
        partstats[component] == "DECLINED",
        table.all_day[rows],
        transparent,
    )
    counts = np.bincount(codes[codes >= 0], minlength=len(EXCLUSION_REASONS))
    excluded = {reason: int(n) for reason, n in zip(EXCLUSION_REASONS, counts, strict=True)}
    excluded["invalid"] = 0
    counted = codes == COUNTED
    start, end, component = start[counted], end[counted], component[counted]
    uids = np.array([f.uid for f in facts] or [""], dtype=object)[component]
    order = np.lexsort((uids, end, start))  # by start, then end, then UID: a stable order
    start, end, component = start[order], end[order], component[order]

    bins = _week_bounds(window)
    index, week_index, seconds = allocate_seconds(
        np.clip(start, win_start, win_end), np.clip(end, win_start, win_end), bins, overlap
    )
    week_starts = np.array(window.week_starts(), dtype=object)
    allocation = pd.DataFrame(
        {"event": index, "week_start": week_starts[week_index], "hours": seconds / 3600.0}
    )
    hours = np.bincount(index, weights=seconds, minlength=len(start)) / 3600.0
    events = _events_frame(start, end, hours, component, facts, partstats, tz, owner)
    return AccountedTime(window, events, allocation, excluded)


def _deduplicate(table: OccurrenceTable, facts: list[ComponentFacts]) -> npt.NDArray[np.int64]:
    """Rows to keep: the same UID and RECURRENCE-ID in several files counts once.

    The copy with the highest SEQUENCE wins; among equals, the first one read.
    """
    if len(table) == 0:
        return np.zeros(0, np.int64)
    uid = np.array([f.uid for f in facts], dtype=object)[table.component]
    sequence = np.array([f.sequence for f in facts], dtype=np.int64)[table.component]
    frame = pd.DataFrame({"uid": uid, "anchor": table.anchor, "sequence": -sequence})
    frame = frame.sort_values("sequence", kind="stable")
    kept = frame.drop_duplicates(["uid", "anchor"], keep="first").index.to_numpy()
    return np.sort(kept).astype(np.int64)


def _week_bounds(window: ReportWindow) -> np.ndarray:
    win_start = window.start_instant.timestamp()
    win_end = window.end_instant.timestamp()
    bounds = [max(window.instant(monday).timestamp(), win_start) for monday in window.week_starts()]
    bounds.append(win_end)
    return np.array(bounds, np.int64)


def _external_domains(facts: ComponentFacts, owner_domains: frozenset[str]) -> int:
    """How many distinct e-mail domains other than the owner's take part."""
    addresses = [a for a, _ in facts.attendees] + [facts.organizer]
    domains = {a.rpartition("@")[2] for a in addresses if "@" in a}
    return len(domains - owner_domains)


def _people(facts: ComponentFacts, owner: frozenset[str]) -> tuple[str, ...]:
    """Everyone taking part but the owner: the organizer, then attendees, each once (rooms
    and resources are not people)."""
    addresses = [facts.organizer, *(a for a, _ in facts.attendees)]
    seen: dict[str, None] = {}
    for address in addresses:
        if address and "@" in address and address not in owner and address not in facts.not_people:
            seen.setdefault(address)
    return tuple(seen)


_NS_MIN = pd.Timestamp.min.timestamp()
_NS_MAX = pd.Timestamp.max.timestamp()


def times_of(seconds: npt.ArrayLike, tz: ZoneInfo) -> pd.Series:
    """Epoch seconds (NaN for unknown) as a tz-aware timestamp column in ``tz``.

    Example:
        >>> times_of([0], ZoneInfo("Europe/Berlin")).iloc[0].isoformat()
        '1970-01-01T01:00:00+01:00'
    """
    raw = np.asarray(seconds, dtype="float64")
    # Outlook writes CREATED:16010101T000000Z for "no value": outside what datetime64[ns] can
    # hold (1677-2262), and no real time either. Unknown, rather than a crash.
    raw = np.where((raw > _NS_MIN) & (raw < _NS_MAX), raw, np.nan)
    values = pd.to_datetime(pd.Series(raw), unit="s", utc=True)
    return values.astype("datetime64[ns, UTC]").dt.tz_convert(tz.key)


def _events_frame(
    start: npt.NDArray[np.int64],
    end: npt.NDArray[np.int64],
    hours: npt.NDArray[np.float64],
    component: npt.NDArray[np.int64],
    facts: list[ComponentFacts],
    partstats: npt.NDArray[np.object_],
    tz: ZoneInfo,
    owner: frozenset[str],
) -> pd.DataFrame:
    owner_domains = frozenset(address.rpartition("@")[2] for address in owner)

    def per_component(values: list[object], dtype: str) -> pd.Series:
        column = np.empty(len(values) or 1, dtype=object)
        column[: len(values)] = values
        return pd.Series(column[component], dtype=dtype)

    def per_time(values: list[int | None]) -> pd.Series:
        seconds = np.array([np.nan if v is None else v for v in values] or [np.nan], "float64")
        return times_of(seconds[component], tz)

    n = len(start)
    frame = pd.DataFrame(
        {
            "start": times_of(start, tz),
            "end": times_of(end, tz),
            "hours": pd.Series(hours, dtype="float64"),
            "title": per_component([f.title for f in facts], "string"),
            "label": pd.Series([None] * n, dtype="string"),
            "confidence": pd.Series(np.full(n, np.nan), dtype="float64"),
            "uncertain": pd.Series(np.zeros(n, bool), dtype="bool"),
            "calendar": per_component([f.calendar for f in facts], "string"),
            "series_uid": per_component([f.uid for f in facts], "string"),
            "attendees": per_component([len(f.attendees) for f in facts], "int64"),
            "organizer_domain": per_component(
                [f.organizer.rpartition("@")[2] for f in facts], "string"
            ),
            "external_domains": per_component(
                [_external_domains(f, owner_domains) for f in facts], "int64"
            ),
            "recurring": per_component([f.recurring for f in facts], "bool"),
            "status": per_component([f.status or "CONFIRMED" for f in facts], "string"),
            "partstat": pd.Series(partstats[component] if n else [], dtype="string"),
            "label_source": pd.Series([None] * n, dtype="string"),
            "people": per_component([_people(f, owner) for f in facts], "object"),
            "created": per_time([f.created for f in facts]),
            "last_modified": per_time([f.last_modified for f in facts]),
            "series_start": per_time([f.series_start for f in facts]),
            "reason": pd.Series([None] * n, dtype="string"),
            "uncorrected_label": pd.Series([None] * n, dtype="string"),
        },
        columns=list(EVENT_COLUMNS),
    )
    return frame
