"""Pseudonyms for sharing: titles, people, calendars and domains replaced consistently."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:
    from analyzer.analysis import Analysis

__all__ = ["anonymize", "anonymize_together"]


def _names(values: pd.Series, prefix: str) -> dict[str, str]:
    """``prefix 1``, ``prefix 2``... in order of first appearance (stable for the same data)."""
    mapping: dict[str, str] = {}
    for value in values.astype("string").fillna(""):
        if value and value not in mapping:
            mapping[value] = f"{prefix} {len(mapping) + 1}"
    return mapping


def anonymize(analysis: Analysis) -> Analysis:
    """A copy whose events carry no titles, addresses, calendar names or domains.

    Each series gets a pseudonym from its label and its rank by hours ("Macro series 1" is
    the macro series that took the most time), so the same series has the same name in
    every output of a report, and nothing in the name comes from the calendar.

    Example:
        >>> import analyzer, datetime as dt
        >>> result = analyzer.analyze(["data/samples/ceo_google.ics"], analyzer.ReportOptions(
        ...     start=dt.date(2026, 1, 5), end=dt.date(2026, 1, 12)))
        >>> anonymize(result).events["title"].iloc[0].split()[1]
        'series'
    """
    return anonymize_together([analysis])[0]


def _series_key(events: pd.DataFrame) -> pd.Series:
    return events["series_uid"].where(events["recurring"], "title:" + events["title"])


def anonymize_together(analyses: Sequence[Analysis]) -> list[Analysis]:
    """Anonymise several analyses of one person with one set of pseudonyms (``--compare``)."""
    frames = [a.events for a in analyses if len(a.events)]
    combined = pd.concat(frames, ignore_index=True) if frames else None
    titles: dict[str, str] = {}
    calendars: dict[str, str] = {}
    domains: dict[str, str] = {}
    people: dict[str, str] = {}
    if combined is not None:
        ranked = (
            combined.assign(_key=_series_key(combined))
            .groupby("_key")
            .agg(hours=("hours", "sum"), label=("label", "first"))
            .reset_index()
            .sort_values(["hours", "_key"], ascending=[False, True], kind="stable")
        )
        counters: dict[str, int] = {}
        for key, label in zip(ranked["_key"], ranked["label"], strict=True):
            counters[str(label)] = counters.get(str(label), 0) + 1
            titles[str(key)] = f"{str(label).capitalize()} series {counters[str(label)]}"
        calendars = _names(combined["calendar"], "calendar")
        domains = _names(combined["organizer_domain"], "domain")
        people = _names(combined["people"].explode().dropna(), "person")
    owner_domains = {a.rpartition("@")[2] for analysis in analyses for a in analysis.owner}
    domains.update(dict.fromkeys(owner_domains, "internal"))
    names = _Pseudonyms(titles, calendars, domains, people)
    return [_apply(analysis, names) for analysis in analyses]


@dataclasses.dataclass(frozen=True)
class _Pseudonyms:
    titles: dict[str, str]
    calendars: dict[str, str]
    domains: dict[str, str]
    people: dict[str, str]


def _apply(analysis: Analysis, names: _Pseudonyms) -> Analysis:
    events = analysis.events.copy()
    if len(events):
        events["title"] = _series_key(events).map(names.titles).astype("string")
        events["series_uid"] = events["title"]
        events["calendar"] = events["calendar"].map(names.calendars).astype("string")
        events["organizer_domain"] = (
            events["organizer_domain"].map(lambda d: names.domains.get(str(d), "")).astype("string")
        )
        events["people"] = events["people"].map(
            lambda group: tuple(names.people.get(p, "person") for p in group)
        )
        if "reason" in events:
            # A reason quotes rule patterns, series UIDs and title words: keep only its kind
            # (and the model's confidence).
            bare = events["reason"].astype("string").str.extract(r"^(model: [0-9.]+|\w+)")[0]
            events["reason"] = bare.astype("string")
    return dataclasses.replace(
        analysis,
        owner=frozenset({"owner"}) if analysis.owner else frozenset(),
        calendars=[f"calendar {i + 1}" for i in range(len(analysis.calendars))],
        events=events,
        problems=[],
    )
