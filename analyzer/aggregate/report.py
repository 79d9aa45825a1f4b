"""The report contract: window, totals, weeks, excluded counts (see docs/json.md)."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from analyzer.aggregate.summary import macro_share
from analyzer.types import ExcludedCounts, ReportDict, TotalsDict, WeekDict

if TYPE_CHECKING:
    from analyzer.analysis import Analysis

__all__ = ["REPORT_VERSION", "build_report"]

REPORT_VERSION = "1.1"  # 1.1: the insights section (docs/json.md)
_DIGITS = 4


def build_report(analysis: Analysis, comparison: dict[str, Any] | None = None) -> ReportDict:
    """The JSON-ready report of an analysis (hours rounded to 4 decimals).

    Extra keys beside the contract: ``version``, ``owner``, ``calendars``,
    ``uncertain_hours``, and ``comparison`` when an earlier window is compared.

    Example:
        >>> import datetime as dt
        >>> from analyzer.analysis import ReportOptions, analyze
        >>> result = analyze(["data/samples/ceo_google.ics"],
        ...                  ReportOptions(start=dt.date(2026, 1, 5), weeks=4))
        >>> build_report(result)["totals"]["macro_share"]
        0.401
    """
    weekly = analysis.weekly()
    weeks: list[WeekDict] = [
        {
            "week_start": str(week_start),
            "macro_hours": _hours(row.macro_hours),
            "micro_hours": _hours(row.micro_hours),
            "other_hours": _hours(row.other_hours),
            "macro_share": _share(row.macro_share),
        }
        for week_start, row in weekly.iterrows()
    ]
    macro, micro, other = (
        float(weekly[c].sum()) for c in ("macro_hours", "micro_hours", "other_hours")
    )
    totals: TotalsDict = {
        "macro_hours": _hours(macro),
        "micro_hours": _hours(micro),
        "other_hours": _hours(other),
        "macro_share": _share(macro_share(macro, micro)),
    }
    excluded: ExcludedCounts = {
        "cancelled": analysis.excluded.get("cancelled", 0),
        "declined": analysis.excluded.get("declined", 0),
        "all_day": analysis.excluded.get("all_day", 0),
        "transparent": analysis.excluded.get("transparent", 0),
        "invalid": analysis.excluded.get("invalid", 0),
    }
    events = analysis.events
    uncertain = float(events.loc[events["uncertain"], "hours"].sum()) if len(events) else 0.0
    report: ReportDict = {
        "version": REPORT_VERSION,
        "window": {
            "start": analysis.window.start.isoformat(),
            "end": analysis.window.end.isoformat(),
            "timezone": analysis.window.timezone,
        },
        "totals": totals,
        "weeks": weeks,
        "excluded": excluded,
        "occurrences": len(events),
        "uncertain_hours": _hours(uncertain),
        "owner": sorted(analysis.owner),
        "calendars": list(analysis.calendars),
    }
    if comparison is not None:
        report["comparison"] = comparison
    return report


def _hours(value: float) -> float:
    return round(float(value), _DIGITS) + 0.0  # + 0.0 turns -0.0 into 0.0


def _share(value: float | None) -> float | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return round(float(value), _DIGITS)
