"""Team rollups (hours added up over members) and drift alerts for people and teams."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import pandas as pd

from analyzer.aggregate.drift import drift_table
from analyzer.aggregate.summary import macro_share, with_macro_share
from analyzer.batch.config import Person, Team
from analyzer.batch.person import PersonResult

__all__ = [
    "Alert",
    "MemberRow",
    "TeamRollup",
    "build_rollup",
    "find_alert",
    "rollup_json",
    "weekly_frame",
]

_DIGITS = 4
_HOURS = ("macro_hours", "micro_hours", "other_hours")


@dataclass(frozen=True)
class Alert:
    """A person or team whose latest rolling macro share is outside their target band."""

    kind: Literal["person", "team"]
    key: str
    name: str
    band: tuple[float, float]
    rolling_share: float
    week_start: str

    @property
    def direction(self) -> str:
        """``below`` or ``above`` the band."""
        return "below" if self.rolling_share < self.band[0] else "above"

    def to_json(self) -> dict[str, Any]:
        """The entry in ``alerts.json``."""
        return {
            "kind": self.kind,
            "key": self.key,
            "name": self.name,
            "week_start": self.week_start,
            "rolling_share": _round(self.rolling_share),
            "target_band": list(self.band),
            "direction": self.direction,
        }

    def __str__(self) -> str:
        low, high = self.band
        return (
            f"{self.kind} {self.key}: rolling macro share {self.rolling_share:.0%} is "
            f"{self.direction} the target band {low:.0%}-{high:.0%} (week of {self.week_start})"
        )


@dataclass(frozen=True)
class MemberRow:
    """One line of a team's per-person table."""

    key: str
    name: str
    status: str
    hours: tuple[float, float, float] = (0.0, 0.0, 0.0)
    macro_share: float | None = None
    rolling_share: float | None = None
    band: tuple[float, float] | None = None


@dataclass
class TeamRollup:
    """A team's summed weekly hours, its drift, and the members behind them."""

    team: Team
    weekly: pd.DataFrame
    drift: pd.DataFrame
    members: list[MemberRow] = field(default_factory=list)
    member_drifts: dict[str, pd.DataFrame] = field(default_factory=dict)

    @property
    def missing(self) -> list[str]:
        """Members with no report (every calendar of theirs failed)."""
        return [m.key for m in self.members if m.status == "failed"]


def weekly_frame(
    weeks: Sequence[tuple[str, float, float, float]], week_starts: Sequence[dt.date]
) -> pd.DataFrame:
    """A ``weekly_hours``-shaped frame from a result's weeks, over every week of the window.

    Example:
        >>> frame = weekly_frame([("2026-01-05", 3.0, 9.0, 1.0)], [dt.date(2026, 1, 5)])
        >>> float(frame["macro_share"].iloc[0])
        0.25
    """
    table = pd.DataFrame(
        [hours for _, *hours in weeks],
        index=pd.Index([dt.date.fromisoformat(w) for w, *_ in weeks], name="week_start"),
        columns=list(_HOURS),
        dtype="float64",
    )
    table = table.reindex(pd.Index(list(week_starts), name="week_start"), fill_value=0.0)
    return with_macro_share(table)


def find_alert(
    kind: Literal["person", "team"],
    key: str,
    name: str,
    drift: pd.DataFrame,
    band: tuple[float, float] | None,
) -> Alert | None:
    """An :class:`Alert` when the last week's rolling share is outside ``band``."""
    if band is None or not len(drift):
        return None
    share = float(drift["rolling_share"].iloc[-1])
    if math.isnan(share) or band[0] <= share <= band[1]:
        return None
    return Alert(kind, key, name, band, share, str(drift.index[-1]))


def build_rollup(
    team: Team,
    people: Mapping[str, Person],
    results: Mapping[str, PersonResult],
    week_starts: Sequence[dt.date],
    rolling: int,
) -> TeamRollup:
    """Add up the members' hours per label per week and compute the team's drift.

    Members are added in the team's order, so the sums (and the bytes) never depend on
    which worker finished first.
    """
    total = weekly_frame([], week_starts)
    rows: list[MemberRow] = []
    drifts: dict[str, pd.DataFrame] = {}
    for key in team.people:
        person, result = people[key], results[key]
        if result.status == "failed":
            rows.append(MemberRow(key, person.name, "failed", band=person.target_band))
            continue
        weekly = weekly_frame(result.weeks, week_starts)
        drift = drift_table(weekly, rolling, person.target_band)
        drifts[key] = drift
        for column in _HOURS:
            total[column] = total[column] + weekly[column]
        hours = tuple(float(weekly[c].sum()) for c in _HOURS)
        rows.append(
            MemberRow(
                key,
                person.name,
                result.status,
                (hours[0], hours[1], hours[2]),
                macro_share(hours[0], hours[1]),
                _last(drift),
                person.target_band,
            )
        )
    total = with_macro_share(total)
    return TeamRollup(team, total, drift_table(total, rolling, team.target_band), rows, drifts)


def rollup_json(rollup: TeamRollup, window: tuple[dt.date, dt.date]) -> dict[str, Any]:
    """The team's ``rollup.json``: totals, weeks, and the per-person table."""
    weekly, drift = rollup.weekly, rollup.drift
    hours_of = {c: weekly[c].to_numpy(dtype="float64") for c in (*_HOURS, "macro_share")}
    rolling = drift["rolling_share"].to_numpy(dtype="float64")
    outside = drift["outside_band"].to_numpy(dtype=bool)
    hours = [float(weekly[c].sum()) for c in _HOURS]
    return {
        "team": rollup.team.key,
        "name": rollup.team.name,
        "window": {"start": window[0].isoformat(), "end": window[1].isoformat()},
        "target_band": list(rollup.team.target_band) if rollup.team.target_band else None,
        "totals": {
            **{c: _round(h) for c, h in zip(_HOURS, hours, strict=True)},
            "macro_share": _round(macro_share(hours[0], hours[1])),
            "rolling_share": _round(_last(drift)),
        },
        "members": [
            {
                "key": m.key,
                "name": m.name,
                "status": m.status,
                **{c: _round(h) for c, h in zip(_HOURS, m.hours, strict=True)},
                "macro_share": _round(m.macro_share),
                "rolling_share": _round(m.rolling_share),
                "target_band": list(m.band) if m.band else None,
            }
            for m in rollup.members
        ],
        "missing": rollup.missing,
        "weeks": [
            {
                "week_start": str(week),
                **{c: _round(float(hours_of[c][i])) for c in _HOURS},
                "macro_share": _round(float(hours_of["macro_share"][i])),
                "rolling_share": _round(float(rolling[i])),
                "outside_band": bool(outside[i]),
            }
            for i, week in enumerate(weekly.index)
        ],
    }


def _last(drift: pd.DataFrame) -> float | None:
    if not len(drift):
        return None
    value = float(drift["rolling_share"].iloc[-1])
    return None if math.isnan(value) else value


def _round(value: float | None) -> Any:
    if value is None or math.isnan(value):
        return None
    return round(value, _DIGITS) + 0.0  # + 0.0 turns -0.0 into 0.0
