"""Reactive vs planned time: was an occurrence in the calendar well before it happened?

An occurrence is **reactive** when it was created less than ``lead_hours`` (default 48)
before it started, including occurrences entered after they began, and **planned**
otherwise. What is honest evidence of when it was created:

- ``CREATED`` is the creation time: the lead time is ``start - CREATED``.
- A recurring series counts as planned after its first occurrence (the series was in the
  calendar by then), whatever its creation time.
- ``LAST-MODIFIED`` is not a creation time, but an event cannot be created after it was
  last modified: when ``CREATED`` is missing and ``LAST-MODIFIED`` is at least the lead
  time before the start, the occurrence was certainly planned. A later ``LAST-MODIFIED``
  proves nothing (an old event may have been edited yesterday), so it stays unknown.
- ``DTSTAMP`` is never used: in a published export (Google, Outlook) it is the time of the
  export, and otherwise the time of the last revision, never the creation.
- A creation time before 1980 is a placeholder some servers write, not a time: ignored.

Anything else is **unknown** and never guessed: shares are taken over the hours whose
planning is known, with the unknown hours reported beside them. When no counted occurrence
of the window has a ``CREATED`` time the export carries no creation times at all, and the
measure as a whole is unknown (:func:`creation_times_known`).
"""

from __future__ import annotations

from typing import Literal

import numpy as np
import numpy.typing as npt
import pandas as pd

from analyzer.accounting.window import ReportWindow
from analyzer.insights.timeline import (
    FloatArray,
    IntArray,
    epoch_seconds,
    events_window,
    week_hours,
)
from analyzer.types import LABELS

__all__ = [
    "DEFAULT_LEAD_HOURS",
    "PLANNING",
    "creation_times_known",
    "planning",
    "reactive_time",
    "reactive_weeks_and_labels",
]

DEFAULT_LEAD_HOURS = 48.0
PLANNING: tuple[str, ...] = ("reactive", "planned", "unknown")
_PLACEHOLDER_BEFORE = pd.Timestamp("1980-01-01", tz="UTC").timestamp()
_REACTIVE, _PLANNED, _UNKNOWN = range(len(PLANNING))  # positions in PLANNING
_BASES: tuple[str, ...] = ("series", "created", "last_modified", "")


def creation_times_known(events: pd.DataFrame) -> bool:
    """True when at least one occurrence carries a usable ``CREATED`` time."""
    if events.empty:
        return False
    created = epoch_seconds(events["created"])
    return bool((created >= _PLACEHOLDER_BEFORE).any())


def planning(events: pd.DataFrame, lead_hours: float = DEFAULT_LEAD_HOURS) -> pd.DataFrame:
    """How each occurrence came into the calendar (one row per row of ``events``).

    Returns:
        ``lead_hours`` (``start - CREATED`` in hours, NaN without ``CREATED``),
        ``planning`` (``reactive``, ``planned`` or ``unknown``) and ``basis`` (the evidence:
        ``created``, ``series``, ``last_modified`` or ``""``), on the index of ``events``.

    Example:
        >>> events = pd.DataFrame({
        ...     "start": pd.to_datetime(["2026-03-02 09:00"] * 3).tz_localize("UTC"),
        ...     "created": pd.to_datetime(["2026-03-01 09:00", "2026-02-20 09:00", None]
        ...                               ).tz_localize("UTC"),
        ...     "last_modified": pd.to_datetime([None, None, "2026-03-01 20:00"]
        ...                                     ).tz_localize("UTC"),
        ...     "series_start": pd.to_datetime(["2026-03-02 09:00"] * 3).tz_localize("UTC"),
        ...     "recurring": [False, False, False]})
        >>> planning(events)["planning"].tolist()   # 24 h ahead, 240 h ahead, no evidence
        ['reactive', 'planned', 'unknown']
    """
    lead, state, basis = _planning_codes(events, lead_hours)
    return pd.DataFrame(
        {
            "lead_hours": lead,
            "planning": pd.Categorical.from_codes(state, categories=pd.Index(PLANNING)),
            "basis": np.array(_BASES, dtype=object)[basis],
        },
        index=events.index,
    )


def _planning_codes(
    events: pd.DataFrame, lead_hours: float
) -> tuple[FloatArray, npt.NDArray[np.int8], npt.NDArray[np.int8]]:
    """``(lead hours, state, basis)`` of each occurrence: positions in :data:`PLANNING` and
    ``_BASES`` (see :func:`planning`)."""
    start = epoch_seconds(events["start"])
    created = epoch_seconds(events["created"])
    created[created < _PLACEHOLDER_BEFORE] = np.nan
    modified = epoch_seconds(events["last_modified"])
    modified[modified < _PLACEHOLDER_BEFORE] = np.nan
    series_start = epoch_seconds(events["series_start"])
    lead = (start - created) / 3600.0
    lead_seconds = lead_hours * 3600.0
    has_created = ~np.isnan(created)
    later_in_series = events["recurring"].to_numpy(dtype=bool) & (start > series_start)
    with np.errstate(invalid="ignore"):
        by_created = has_created & ~later_in_series
        by_modified = ~has_created & ~later_in_series & (start - modified >= lead_seconds)
        reactive = by_created & (lead < lead_hours)
    planned = later_in_series | (by_created & ~reactive) | by_modified
    state = np.select([reactive, planned], [_REACTIVE, _PLANNED], _UNKNOWN).astype(np.int8)
    basis = np.select([later_in_series, by_created, by_modified], [0, 1, 2], 3).astype(np.int8)
    return lead, state, basis


def reactive_time(
    events: pd.DataFrame,
    by: Literal["week", "label"] = "week",
    lead_hours: float = DEFAULT_LEAD_HOURS,
    window: ReportWindow | None = None,
    allocation: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Reactive, planned and unknown hours, and the reactive share, per week or per label.

    Args:
        events: the events table (``start``, ``hours``, ``label``, ``created``,
            ``last_modified``, ``series_start``, ``recurring``).
        by: ``"week"`` (every Monday-start week of the window) or ``"label"``.
        lead_hours: created less than this before the start makes an occurrence reactive.
        window: the report window; default: the one in ``events.attrs``.
        allocation: :attr:`Analysis.allocation`, for an exact split of events that cross a
            week boundary.

    Returns:
        ``reactive_hours``, ``planned_hours``, ``unknown_hours`` and ``reactive_share``
        (reactive / (reactive + planned): the share of the hours whose planning is known,
        NaN when none is). When the events carry no ``CREATED`` time at all, reactive and
        planned hours and the share are NaN and every hour is unknown.

    Example:
        >>> import analyzer, datetime as dt
        >>> events = analyzer.load_events(["data/samples/ceo_google.ics"],
        ...     start=dt.date(2026, 3, 2), end=dt.date(2026, 3, 16))
        >>> reactive_time(events)["reactive_share"].round(3).tolist()
        [0.071, 0.053]
    """
    states = _planning_codes(events, lead_hours)[1]
    known = creation_times_known(events)
    if by == "label":
        return _by_label(events, states, known)
    return _by_week(events, states, known, window, allocation)


def reactive_weeks_and_labels(
    events: pd.DataFrame,
    lead_hours: float = DEFAULT_LEAD_HOURS,
    window: ReportWindow | None = None,
    allocation: pd.DataFrame | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``reactive_time`` by week and by label at once (the planning is worked out once).

    The label table splits each occurrence as a whole, so it takes no ``allocation``.
    """
    states = _planning_codes(events, lead_hours)[1]
    known = creation_times_known(events)
    weeks = _by_week(events, states, known, window, allocation)
    return weeks, _by_label(events, states, known)


def _by_label(events: pd.DataFrame, states: npt.NDArray[np.int8], known: bool) -> pd.DataFrame:
    index = pd.Index(list(LABELS), name="label")
    code, found = pd.factorize(events["label"])
    # Each distinct label looked up once; a missing label (code -1) takes the -1 at the end.
    positions = np.append(index.get_indexer(found), -1)[code]
    hours = events["hours"].to_numpy(dtype="float64")
    return _frame(_table(positions, states, hours, len(index)), index, known)


def _by_week(
    events: pd.DataFrame,
    states: npt.NDArray[np.int8],
    known: bool,
    window: ReportWindow | None,
    allocation: pd.DataFrame | None,
) -> pd.DataFrame:
    window = events_window(events, window)
    rows, week_index, hours = week_hours(events, window, allocation)
    index = pd.Index(window.week_starts(), name="week_start")
    states = states[rows] if len(rows) else states[:0]
    return _frame(_table(week_index, states, hours, len(index)), index, known)


def _frame(table: dict[str, FloatArray], index: pd.Index, known: bool) -> pd.DataFrame:
    frame = pd.DataFrame(table, index=index)
    if not known:
        frame["unknown_hours"] += frame["reactive_hours"] + frame["planned_hours"]
        frame[["reactive_hours", "planned_hours"]] = np.nan
    known_hours = frame["reactive_hours"] + frame["planned_hours"]
    frame["reactive_share"] = (frame["reactive_hours"] / known_hours).where(known_hours > 1e-12)
    return frame


def _table(
    positions: IntArray, states: npt.NDArray[np.int8], hours: FloatArray, size: int
) -> dict[str, FloatArray]:
    valid = positions >= 0
    table = {}
    for code, state in enumerate(PLANNING):
        chosen = valid & (states == code)
        table[f"{state}_hours"] = np.bincount(
            positions[chosen], weights=hours[chosen], minlength=size
        ).astype("float64")
    return table
