"""The pipeline behind every command: read, expand, account, classify."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

import pandas as pd

import analyzer.aggregate.accessor  # noqa: F401 - registers the `events.altitude` accessor
from analyzer.accounting.events import account
from analyzer.accounting.window import ReportWindow, default_window
from analyzer.aggregate.summary import weekly_hours
from analyzer.calendars.cache import ParseCache
from analyzer.calendars.expand import ComponentProblem
from analyzer.calendars.files import CalendarFile
from analyzer.calendars.owner import find_owner
from analyzer.calendars.parse import CalendarHeader, ParsedCalendar
from analyzer.calendars.sources import read_sources
from analyzer.calendars.table import OccurrenceTable
from analyzer.calendars.timezones import is_zone, local_zone_name, resolve_zone
from analyzer.classify.corrections import apply_corrections, load_corrections
from analyzer.classify.label_cache import CachedModel
from analyzer.classify.metadata import apply_metadata
from analyzer.classify.predict import DEFAULT_THRESHOLD, classify_titles
from analyzer.classify.rules import load_rules
from analyzer.types import OverlapPolicy

__all__ = [
    "Analysis",
    "ReportOptions",
    "analyze",
    "analyze_calendars",
    "load_events",
    "read_calendars",
]

# Occurrences are expanded a little beyond the window: floating times and far-away zones
# can shift an event by up to 14 hours; exact clipping happens in accounting.
_SPAN_MARGIN = dt.timedelta(days=2)


@dataclass(frozen=True)
class ReportOptions:
    """Everything that shapes a report; the CLI, the batch runner and the API build one.

    Example:
        >>> ReportOptions(tz="Europe/Berlin", start=dt.date(2026, 1, 5), weeks=4).overlap
        'split'
    """

    tz: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    weeks: int = 12
    me: tuple[str, ...] = ()
    overlap: OverlapPolicy = "split"
    rules: Path | None = None
    model: Path | None = None
    threshold: float = DEFAULT_THRESHOLD
    today: dt.date | None = None
    cache: bool = True
    jobs: int = 1
    corrections: Path | None = None


@dataclass
class Analysis:
    """The result of :func:`analyze`: the labelled events and where their time went."""

    window: ReportWindow
    owner: frozenset[str]
    calendars: list[str]
    events: pd.DataFrame
    allocation: pd.DataFrame
    excluded: dict[str, int]
    problems: list[ComponentProblem] = field(default_factory=list)

    def weekly(self) -> pd.DataFrame:
        """Hours per label and macro share for every week of the window."""
        return weekly_hours(self.events, self.allocation, list(self.window.week_starts()))


def analyze(
    paths: Sequence[str | Path], options: ReportOptions | None = None, stdin: BinaryIO | None = None
) -> Analysis:
    """Read calendars and account for every minute of the window.

    Args:
        paths: ``.ics`` files, folders, Takeout zips or ``"-"``.
        options: window, time zone, owner, overlap policy, rules and model.
        stdin: the stream ``"-"`` reads from.

    Raises:
        InputError: an input cannot be read at all.
        ConfigError: a bad time zone, window or rules file.
        ModelError: the model cannot be loaded.

    Example:
        >>> result = analyze(["data/samples/ceo_google.ics"],
        ...                  ReportOptions(start=dt.date(2026, 1, 5), weeks=2))
        >>> result.window.timezone, result.weekly()["macro_share"].round(2).tolist()
        ('America/New_York', [0.41, 0.38])
    """
    options = options or ReportOptions()
    calendars = read_calendars(paths, stdin, options.cache, options.jobs)
    return analyze_calendars(calendars, options)


def read_calendars(
    paths: Sequence[str | Path],
    stdin: BinaryIO | None = None,
    cache: bool = True,
    jobs: int = 1,
) -> list[CalendarFile]:
    """Read every calendar named by ``paths`` (see :func:`analyze`), checking each is readable.

    With ``cache`` (the default) parse results come from, and go to, the parse cache; with
    ``jobs`` > 1 a large calendar is parsed and expanded in that many processes.

    Raises:
        InputError: an input cannot be read at all.
    """
    store = ParseCache.default(cache)
    files = [CalendarFile(source, store, jobs=jobs) for source in read_sources(paths, stdin)]
    for file in files:
        file.quick_header()  # parses here unless workers will: unreadable input fails early
    return files


def analyze_calendars(
    calendars: Sequence[CalendarFile | ParsedCalendar],
    options: ReportOptions | None = None,
    window: ReportWindow | None = None,
) -> Analysis:
    """Account for calendars already read; ``window`` overrides the options' window.

    Reading once and analysing several windows (``--compare``) parses each file once.
    """
    options = options or ReportOptions()
    rules = load_rules(options.rules) if options.rules else []
    corrections = load_corrections(options.corrections) if options.corrections else []
    parsed = [c if isinstance(c, CalendarFile) else CalendarFile.from_parsed(c) for c in calendars]
    window = window or _window(options, [c.quick_header() for c in parsed])
    span_start = window.start_instant - _SPAN_MARGIN
    span_end = window.end_instant + _SPAN_MARGIN
    problems: list[ComponentProblem] = []
    tables = []
    for calendar in parsed:
        expansion = calendar.expand(span_start, span_end, window.tz)
        tables.append(expansion.table)
        problems.extend(expansion.problems)
    owner = find_owner([c.header for c in parsed], options.me)  # after expand: see quick_header
    accounted = account(OccurrenceTable.concat(tables), owner, window, options.overlap)
    accounted.excluded["invalid"] = len(problems)
    events = accounted.events
    if len(events):
        labels = classify_titles(
            events["title"].tolist(),
            rules=rules,
            model=CachedModel(options.model) if options.cache else None,
            model_path=options.model,
            threshold=options.threshold,
            explain=True,
        )
        events["label"] = labels["label"].to_numpy()
        events["confidence"] = labels["confidence"].to_numpy()
        events["uncertain"] = labels["uncertain"].to_numpy()
        events["label_source"] = labels["source"].to_numpy()
        events["reason"] = labels["reason"].to_numpy(dtype=object)
        events = apply_metadata(events, options.threshold)
        # Corrections come last and win; `uncorrected_label` keeps what they overrode.
        events = apply_corrections(events, corrections)
    for column in ("label", "label_source", "reason", "uncorrected_label"):
        values = events[column].to_numpy(dtype=object) if column in events else [None] * len(events)
        events[column] = pd.array(values, dtype="string")
    return Analysis(
        window=window,
        owner=owner,
        calendars=[c.name for c in parsed],
        events=events,
        allocation=accounted.allocation,
        excluded=accounted.excluded,
        problems=problems,
    )


def _window(options: ReportOptions, parsed: Sequence[CalendarHeader]) -> ReportWindow:
    if options.tz:
        tz = resolve_zone(options.tz)
    else:
        tz = resolve_zone(local_zone_name())
        for calendar in parsed:
            if calendar.timezone and is_zone(calendar.timezone):
                tz = resolve_zone(calendar.timezone)
                break
    today = options.today or dt.datetime.now(tz).date()
    if options.start is None and options.end is None:
        return default_window(tz, today, options.weeks)
    if options.start is not None and options.end is not None:
        return ReportWindow(options.start, options.end, tz)
    if options.start is not None:
        return ReportWindow(options.start, options.start + dt.timedelta(weeks=options.weeks), tz)
    assert options.end is not None
    return ReportWindow(options.end - dt.timedelta(weeks=options.weeks), options.end, tz)


def load_events(
    paths: Sequence[str | Path],
    *,
    tz: str | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
    weeks: int = 12,
    me: Sequence[str] = (),
    overlap: OverlapPolicy = "split",
    rules: str | Path | None = None,
    model: str | Path | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    today: dt.date | None = None,
    corrections: str | Path | None = None,
) -> pd.DataFrame:
    """Load calendars into the events table: one row per counted occurrence.

    Columns (see ``EVENT_COLUMNS``): tz-aware ``start``/``end`` in the report's zone,
    ``hours`` counted inside the window (overlaps shared), ``title``, ``label``,
    ``confidence``, ``uncertain``, ``calendar``, ``series_uid``, ``attendees``,
    ``organizer_domain``, ``external_domains``, ``recurring``, ``status``, ``partstat``,
    ``label_source`` (rule, model, metadata or correction), ``reason`` (why that label:
    the rule, the correction, or the model's confidence and strongest words),
    ``uncorrected_label`` (the label before corrections). The window and zone are in
    ``frame.attrs``.

    Raises:
        InputError, ConfigError, ModelError: as :func:`analyze`.

    Example:
        >>> events = load_events(["data/samples/ceo_google.ics"],
        ...                      start=dt.date(2026, 1, 5), end=dt.date(2026, 2, 2))
        >>> round(float(events["hours"].sum()), 1)
        110.8
    """
    options = ReportOptions(
        tz=tz,
        start=start,
        end=end,
        weeks=weeks,
        me=tuple(me),
        overlap=overlap,
        rules=Path(rules) if rules is not None else None,
        model=Path(model) if model is not None else None,
        threshold=threshold,
        today=today,
        corrections=Path(corrections) if corrections is not None else None,
    )
    result = analyze(paths, options)
    events = result.events
    events.attrs = {
        "window_start": result.window.start.isoformat(),
        "window_end": result.window.end.isoformat(),
        "timezone": result.window.timezone,
        "owner": sorted(result.owner),
    }
    return events
